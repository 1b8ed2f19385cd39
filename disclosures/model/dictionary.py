"""The search dictionary: terms of art readers type whole, words to split, and synonyms.

Pagefind segments Chinese on its own when it indexes the pages, and the browser
finds a word only as the prefix of an indexed one. So the dictionary is given to
the index as hidden keywords next to the text that uses a term (searchmarks.py):
the whole term (第一议题), the pieces of a long one (醉酒危险驾驶 -> 驾驶) and what
readers type instead (醉驾). Terms come from three places, merged: phrases the
notices themselves put in Chinese quotes (“…”, read from the numbered views like
everything else a page shows), data/search-terms.yml, and the glossary
(data/glossary.yml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from disclosures.core import records as r
from disclosures.core.records import SearchTerms
from disclosures.load.searchterms import HAN_TERM
from disclosures.model.viewmodels import NoticeView
from disclosures.numbering.body import heading_or_text, walk

_QUOTED = re.compile(r"“([^“”]+)”")  # “…”
# A quoted phrase longer than this is a slogan or a title, not a term people type.
QUOTED_MAX = 8
# Terms this long get their parts as keywords (醉酒危险驾驶 -> 醉酒, 危险, 驾驶).
PARTS_MIN = 5


def quoted_terms(texts: Iterable[str]) -> set[str]:
    """Short all-Chinese phrases in “…”: the notices quote their own terms of art this way."""
    found = set()
    for text in texts:
        for phrase in _QUOTED.findall(text):
            if len(phrase) <= QUOTED_MAX and HAN_TERM.match(phrase):
                found.add(phrase)
    return found


def view_texts(view: NoticeView) -> Iterator[str]:
    """What a notice page says in words, in page order: its title, its body (the one walk), the invitation to
    comment and the revision notes shown."""
    yield view.title
    for node in walk(view.preamble, view.parts):
        yield heading_or_text(node)
    yield view.invitation
    yield from (revision.note for revision in view.revisions)


def notice_quoted_terms(view: NoticeView) -> frozenset[str]:
    """The terms one notice quotes (quoted_terms of its words)."""
    return frozenset(quoted_terms(view_texts(view)))


def gather_terms(project: r.Project, quoted: Iterable[frozenset[str]]) -> SearchTerms:
    """All terms for the dictionary, merged and sorted so the generated file is reproducible.

    quoted: notice_quoted_terms of each notice the build shows (a draft's words must not leak into the
    public dictionary).
    """
    listed = project.search_terms
    whole = set().union(*quoted)
    whole |= set(listed.whole) | {e.term for e in project.glossary if HAN_TERM.match(e.term)}
    whole -= set(listed.split)  # an explicit split wins over a quoted phrase
    return SearchTerms(tuple(sorted(whole)), tuple(sorted(set(listed.split))), listed.synonyms)


def keywords_for(text: str, terms: SearchTerms, parts: Callable[[str], Iterable[str]]) -> list[str]:
    """Extra words for a search entry: the parts of each whole term in it, and synonyms.

    The browser matches a typed word only as the prefix of an indexed word, so 驾驶
    finds 醉酒危险驾驶 only if it is a word of its own there; the parts provide it.
    parts: how a term falls apart (searchmarks.term_parts), passed in to keep this testable.
    """
    found: list[str] = []
    for term in terms.whole:
        # Short terms (三会一课) are typed whole; giving their parts would make the browser
        # cut the query into those parts and match too widely.
        if len(term) >= PARTS_MIN and term in text:
            found += [p for p in parts(term) if p != term and len(p) > 1]
    for word, others in terms.synonyms:
        if word in text:
            found += others
    return list(dict.fromkeys(found))
