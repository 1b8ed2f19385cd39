"""What a notice page carries for the search index (search.py builds it with Pagefind from the built pages).

Filters (unit, round, year, window) and the sort key are attributes Pagefind
reads; the window filter holds the window's bounds, so the browser decides on
the day of reading whether a notice is 公示中 or 已结束 (the index is static).

Keywords, hidden, for each headed part: what Pagefind's own segmentation misses.

Pagefind (extended) segments Chinese when it indexes the built pages, and the
browser matches each query word as a prefix of an indexed word. That leaves
three things a reader types that the text alone does not give it:

- a short word inside a longer one: 党费 in 严格做好党费收缴 is found only if
  党费 is a word of its own, so each heading contributes its two-character
  pieces (bigrams) — headings are short, so this stays cheap;
- the data-derived dictionary (quoted terms, glossary, data/search-terms.yml):
  whole terms, the parts of long ones, and the synonyms readers type instead;
- dates: the text says 2024年8月30日, readers also type 2024-08-30 or 8月30日;
  every date becomes tokens (rq20240830, ny202408, yr0830) and search.js turns a
  typed date into the same token.

The keywords are rendered hidden next to the heading they belong to (search.js
removes the ⟦…⟧ run from excerpts), so Pagefind counts them for that section.
Date tokens are not in these lines: search.py puts them into the index's copy of
a page right after each date as written (date_marks), so a date in any text the
page shows — a run-in section （四）, a revision, the signature — is found in
the section that holds it, whatever the template puts next to which heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core.records import SearchTerms
from disclosures.model.dictionary import keywords_for
from disclosures.model.viewmodels import NoticeSearch, NoticeView
from disclosures.numbering.body import Para, heading_or_text, walk

# A run of Han characters: the only text whose words Pagefind may glue together.
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{3,}")
# A date as notices write it: 2024年8月30日 (or 2024年08月30日, 30号), 2024年8月, 8月30日, or a bare 6月.
# It begins with a digit either way; saying so first ((?=\d)) lets the scan skip to the digits: a third
# of the time on a notice's text, the same matches.
_DATE = re.compile(r"(?=\d)(?<!\d)(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*[日号])?")
# What joins the two ends of a range (2024年4月1日至6月28日): the end shares the start's year (and month: 至25日).
_RANGE = re.compile(r"\s*[至到~～—–\-－]+\s*")
_RANGE_DAY = re.compile(_RANGE.pattern + r"(\d{1,2})\s*[日号]")
# Brackets search.js recognises to keep keywords out of the excerpts it shows.
OPEN, CLOSE = "⟦", "⟧"
# The keywords of the notice as a whole (title, facts, preamble) sit under the h1.
TITLE_ANCHOR = "notice-title"
CONTACT_ANCHOR = "notice-contact"


def bigrams(text: str) -> list[str]:
    """Every two-character piece of each Han run of three or more characters (shorter runs are words)."""
    found: list[str] = []
    for run in _HAN_RUN.findall(text):
        found += [run[i:i + 2] for i in range(len(run) - 1)]
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class DateMark:
    """A date as written in a text: where it ends, and the tokens search.js makes of it when typed."""
    end: int
    tokens: tuple[str, ...]


def _tokens(year: int | None, month: int, day: int | None) -> tuple[str, ...]:
    """rq20240830, ny202408, yr0830 for a whole date; what there is of them for a part of one."""
    if not 1 <= month <= 12:
        return ()
    if day is not None and not 1 <= day <= 31:
        day = None
    found: list[str] = []
    if year is not None and day is not None:
        found.append(f"rq{year}{month:02}{day:02}")
    if year is not None:
        found.append(f"ny{year}{month:02}")
    if day is not None:
        found.append(f"yr{month:02}{day:02}")
    return tuple(found)


def date_marks(text: str) -> list[DateMark]:
    """Each date in text, with its tokens; a range's end takes what it leaves out from its start: 2024年4月1日
    至6月28日 -> 2024年6月28日, 2024年10月15日至25日 -> 2024年10月25日."""
    marks: list[DateMark] = []
    if "月" not in text:  # every date has one: most of a notice's texts are passed over without the scan
        return marks
    year, after = None, -1  # the year of the date before and where it ended
    for found in _DATE.finditer(text):
        own, month = int(found["year"]) if found["year"] else None, int(found["month"])
        if own is None and year is not None and _RANGE.fullmatch(text, after, found.start()):
            own = year
        tokens = _tokens(own, month, int(found["day"]) if found["day"] else None)
        if tokens:
            marks.append(DateMark(found.end(), tokens))
        year, after = own, found.end()
        day_end = _RANGE_DAY.match(text, found.end()) if found["day"] else None
        if day_end and (tokens := _tokens(own, month, int(day_end[1]))):
            marks.append(DateMark(day_end.end(), tokens))
    return marks


def date_tokens(text: str) -> list[str]:
    """Every token of the dates in text, once: 2024年8月30日 -> rq20240830, ny202408 and yr0830."""
    return list(dict.fromkeys(t for mark in date_marks(text) for t in mark.tokens))


def term_parts(term: str) -> list[str]:
    """The pieces a long term is found by (醉酒危险驾驶 -> 醉酒 … 驾驶): its bigrams, no dictionary needed."""
    return bigrams(term)


def keywords(heading: str, texts: Iterable[str], terms: SearchTerms, pieces: bool = True) -> str:
    """The keyword line of one headed part: heading bigrams (if pieces) and dictionary words (dates: date_marks)."""
    body = heading + " " + " ".join(texts)
    words = bigrams(heading) if pieces else []
    words += [t for t in terms.whole if t in body]
    words += [p for t in terms.split if t in body for p in bigrams(t)]  # 联系电话 -> 电话
    words += keywords_for(body, terms, term_parts)
    return " ".join(dict.fromkeys(words))


def _regions(view: NoticeView) -> Iterator[tuple[str, str, list[str]]]:
    """(anchor, heading, texts) for each headed node, in page order; paragraphs join the heading above."""
    facts = [f"{f.label}{f.value}" for f in view.facts]
    current: tuple[str, str, list[str]] = (TITLE_ANCHOR, view.title, facts)
    for node in walk(view.preamble, view.parts):
        if isinstance(node, Para):
            current[2].append(heading_or_text(node))
        elif node.heading:
            yield current
            current = (node.anchor, node.label + node.heading, [])
        else:  # a run-in section: its paragraph follows as text of its own anchor
            yield current
            current = (node.anchor, node.label, [])
    yield current


def _contact_texts(view: NoticeView) -> list[str]:
    """What the contact section says (notice.html): the invitation, the window and every channel."""
    texts = [view.invitation, view.window.text if view.window else ""]
    return texts + [item.label + item.value + item.note for item in view.contact.items]


# made(inputs, make): what make() returned for the same inputs (a notice's texts, with the same terms), e.g.
# from the build cache; make() when it has none.
KeywordsMade = Callable[[tuple, Callable[[], dict[str, str]]], dict[str, str]]


def notice_keywords(view: NoticeView, terms: SearchTerms, made: KeywordsMade | None = None) -> dict[str, str]:
    """Keyword line per anchor of a notice page (the contact section included); empty lines left out.
    The lines are made of (anchor, heading, texts) per region and the contact's texts: made sees those."""
    regions, contact = list(_regions(view)), _contact_texts(view)

    def make() -> dict[str, str]:
        # The notice's title is formulaic (…关于巡察整改情况的通报): its pieces would match nearly every query.
        found = {anchor: keywords(heading, texts, terms, pieces=anchor != TITLE_ANCHOR)
                 for anchor, heading, texts in regions}
        found[CONTACT_ANCHOR] = keywords("", contact, terms)
        return {anchor: line for anchor, line in found.items() if line}
    return made((regions, contact), make) if made else make()


# Filter names as Pagefind stores them; search.js and the search page's form use the same names.
UNIT, ROUND, YEAR, WINDOW = "unit", "round", "year", "window"
SORT_PUBLISHED = "published"


def window_filter_value(start_iso: str, end_iso: str) -> str:
    """The window as one filter value, "start/end" in ISO 8601: search.js compares it with the reader's clock."""
    return f"{start_iso}/{end_iso}"


def notice_search(notice: r.Notice, view: NoticeView, terms: SearchTerms, unit: str = "",
                  made: KeywordsMade | None = None) -> NoticeSearch:
    """Filters, sort key and keywords of one notice page; unit is the unit's name in the portal's directory
    (portal.py: one name across a unit's renamings), else the issuer's name. made: see notice_keywords."""
    filters = [(UNIT, unit or view.issuer), (YEAR, view.published_iso[:4])]
    if notice.inspection and notice.inspection.round:
        filters.append((ROUND, notice.inspection.round))
    if view.window:
        filters.append((WINDOW, window_filter_value(view.window.start_iso, view.window.end_iso)))
    return NoticeSearch(keywords=notice_keywords(view, terms, made), filters=tuple(filters),
                        sort=((SORT_PUBLISHED, view.published_iso),))
