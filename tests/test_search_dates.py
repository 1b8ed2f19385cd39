"""Dates in a notice's text, as the search index gets them (issue #25, item 5), without a build or a browser.

Pagefind makes a result of each heading with an id and counts every word up to the next heading for it;
search.js leads a result on to the element with an id that holds the word found (a run-in section （四）,
a revision). So a date is found in the right place when its tokens (rq20240830 ny202408 yr0830, the
words search.js makes of a typed 2024年8月30日, 2024-08-30 or 8月30日) stand in the same section and
the same element with an id as the date itself, in the copy of the page Pagefind reads.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from conftest import REAL_ID, ROOT, TEST_DATA
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from disclosures.build import prepare
from disclosures.model.searchmarks import _DATE, date_marks, date_tokens
from disclosures.outputs.search import _write_parts, indexed_copies, indexed_part, with_date_marks

HEADING = re.compile(r"h[1-6]")
# Written independently of searchmarks.py: a whole date as notices write it.
WHOLE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
# The runs search.py adds: date tokens only (the page's own keyword lines hold words, never dates).
MARKS = re.compile(r'<span class="dsc-search-keys" hidden>⟦(?:(?:rq|ny|yr)\d+ ?)+⟧</span>')

Place = tuple[str, str]  # (the heading's id Pagefind counts the words for, the innermost other id around them)


def _indexed_copies(tmp: Path, data: Path, now: str) -> dict[str, str]:
    """What the build hands Pagefind for each notice page: the indexed part, as search.py writes it."""
    shutil.copytree(data, tmp / "data")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    build = prepare(tmp, {"DISCLOSURE_NOW": now})
    pages = sorted((p.src_uri.replace("index.md", "index.html"), p.html) for p in build.pages
                   if p.src_uri.startswith("disclosures/") and p.src_uri.count("/") == 2)
    _write_parts(indexed_copies(pages), tmp / "parts")
    return {path.split("/")[1]: (tmp / "parts" / path).read_text(encoding="utf-8") for path, _ in pages}


def _texts(el: lxml.html.HtmlElement, place: Place, out: list[tuple[Place, bool, str]]) -> Place:
    """Each text of el in page order with its place and whether it is a hidden keyword run; the place after el.

    Elements Pagefind ignores are skipped, as Pagefind skips them (their headings are no sub-results).
    """
    if not isinstance(el.tag, str):  # a comment: no text of the page
        return place
    if el.get("data-pagefind-ignore") is not None or el.get("data-window-as-of") is not None:
        return place  # the build's 截至…（本页生成时） is the day the page was made, no date of the notice
    section, outer = place
    holder = outer
    if HEADING.fullmatch(el.tag) and el.get("id"):
        section = el.get("id")
    elif el.get("id"):
        holder = el.get("id")
    keys = "dsc-search-keys" in (el.get("class") or "")
    if el.text:
        out.append(((section, holder), keys, el.text))
    for child in el:
        section = _texts(child, (section, holder), out)[0]
        if child.tail:
            out.append(((section, holder), keys, child.tail))
    return section, outer


def _dates_and_tokens(copy: str) -> tuple[list[tuple[Place, str, str]], dict[Place, set[str]]]:
    """(place, date as written, its rq token) of every whole date in the text, and the tokens of each place."""
    body = lxml.html.fromstring(copy).cssselect("[data-pagefind-body]")[0]
    texts: list[tuple[Place, bool, str]] = []
    _texts(body, ("", ""), texts)
    dates, tokens = [], {}
    for place, keys, text in texts:
        if keys:
            tokens.setdefault(place, set()).update(text.strip("⟦⟧").split())
            continue
        for y, m, d in WHOLE_DATE.findall(text):
            dates.append((place, f"{y}年{m}月{d}日", f"rq{y}{int(m):02}{int(d):02}"))
    return dates, tokens


def _assert_each_date_is_found_where_it_stands(copy: str) -> list[tuple[Place, str, str]]:
    dates, tokens = _dates_and_tokens(copy)
    missed = [(place, written) for place, written, token in dates if token not in tokens.get(place, set())]
    assert missed == []
    return dates


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _indexed_copies(tmp_path_factory.mktemp("real"), ROOT / "data", "2025-04-28")[REAL_ID]


@pytest.fixture(scope="module")
def fixture_copy(tmp_path_factory: pytest.TempPathFactory) -> str:
    copies = _indexed_copies(tmp_path_factory.mktemp("search"), TEST_DATA / "search", "2025-06-21")
    return copies["riverbend-street-2024-11-20"]


def test_the_date_in_the_real_notices_run_in_section_is_found_there(real_copy: str) -> None:
    """2024年8月30日 stands in the text of 一、…（四）, a run-in section with no heading (and so, before, no
    keyword line anywhere on the page): its tokens stand there too."""
    dates = _assert_each_date_is_found_where_it_stands(real_copy)
    assert (("part-1", "part-1-section-4"), "2024年8月30日", "rq20240830") in dates
    _, tokens = _dates_and_tokens(real_copy)
    assert {"rq20240830", "ny202408", "yr0830"} <= tokens[("part-1", "part-1-section-4")]
    assert len(dates) >= 6  # facts, preamble, run-in text, contact sentence, signature…


def test_every_kind_of_text_that_holds_a_date_gives_its_tokens_where_it_stands(fixture_copy: str) -> None:
    dates = _assert_each_date_is_found_where_it_stands(fixture_copy)
    places = {written: place for place, written, _ in dates}
    assert places["2024年9月3日"] == ("part-1", "part-1-section-1")  # a run-in section
    assert places["2024年11月1日"] == ("part-1", "")  # the part's closing paragraph
    assert places["2024年09月02日"] == ("problem-1", "")  # a measure, the month written with a zero
    assert places["2024年11月25日"] == ("notice-revisions", "revision-2024-11-25")  # a revision
    assert places["2024年12月4日"] == ("notice-contact", "")  # the invitation
    _, tokens = _dates_and_tokens(fixture_copy)
    assert {"rq20240902", "ny202409", "yr0902"} <= tokens[("problem-1", "")]
    assert {"rq20241025", "yr1025"} <= tokens[("part-1", "part-1-section-2")]  # 至10月25日: a range's end


def test_the_copy_pagefind_reads_differs_from_the_page_only_by_the_tokens(real_copy: str) -> None:
    """And by the build's moment (截至…（本页生成时）), left out: nothing to search for, and the same notices
    then give the same copy at any moment, so a build can reuse the index made of it (core/cache.py)."""
    assert "rq20240830" in real_copy
    assert "截至2025年4月28日" not in real_copy and "本页生成时" not in real_copy and "rq20250428" not in real_copy
    assert '<span class="dsc-status__as-of" data-window-as-of></span>' in real_copy
    assert with_date_marks(MARKS.sub("", real_copy)) == real_copy


def test_each_written_date_gives_its_tokens_a_range_end_those_of_its_year() -> None:
    text = "于2023年11月5日反馈；公开期限：2025年4月27日至5月11日；2024年08月30号；2024年4月至10月；第3条17562件。"
    assert [m.tokens for m in date_marks(text)] == [
        ("rq20231105", "ny202311", "yr1105"), ("rq20250427", "ny202504", "yr0427"),
        ("rq20250511", "ny202505", "yr0511"), ("rq20240830", "ny202408", "yr0830"), ("ny202404",), ("ny202410",)]
    assert [m.tokens for m in date_marks("2024年10月15日至25日")] == [
        ("rq20241015", "ny202410", "yr1015"), ("rq20241025", "ny202410", "yr1025")]
    assert date_tokens("8月30日，10月底，13月1日，至25日") == ["yr0830"]


def test_tokens_of_a_date_in_a_heading_or_a_value_go_after_the_element() -> None:
    """A heading's text is its result's title (and the h1 the notice's), a filter's text its value."""
    html = ('<article data-pagefind-body><h1 id="t">关于2024年8月30日<span>会议</span>的通报</h1>'
            '<span data-pagefind-filter="day">2024年8月</span><p id="p">2024年8月30日<br>完成</p></article>')
    marked = with_date_marks(html)
    assert marked.startswith('<article data-pagefind-body><h1 id="t">关于2024年8月30日<span>会议</span>的通报</h1>'
                             '<span class="dsc-search-keys" hidden>⟦rq20240830 ny202408 yr0830⟧</span>')
    assert '2024年8月</span><span class="dsc-search-keys" hidden>⟦ny202408⟧</span>' in marked
    assert '<p id="p">2024年8月30日<span class="dsc-search-keys" hidden>⟦rq20240830 ny202408 yr0830⟧</span><br>' \
        in marked
    assert indexed_part("<p>2024年8月30日</p>") is None  # a page with nothing to index stays out


def _marked_by_parsing_every_piece(html: str) -> str:
    """with_date_marks as it was before its shortcut for pieces that change nothing: every piece parsed."""
    from disclosures.outputs.search import _AS_OF_ATTR, _HEADING, _PIECE, _TAG, _VALUE_ATTR, _VOID, _marked_text, \
        _marks_span
    out: list[str] = []
    held: list[str] = []
    holder, depth, drop = "", 0, False
    for piece in _PIECE.findall(html):
        tag = _TAG.match(piece)
        if tag is None:
            if holder:
                held += [] if drop else [t for mark in date_marks(piece) for t in mark.tokens]
                out += [] if drop else [piece]
            else:
                out.append(_marked_text(piece))
            continue
        out.append(piece)
        closing, name, attrs = tag.group(1) == "/", tag.group(2).lower(), tag.group(3)
        if holder and name == holder:
            depth += -1 if closing else 1
            if depth == 0:
                out += [_marks_span(held)] if held else []
                holder, held = "", []
        elif not holder and not closing and name not in _VOID and not attrs.rstrip().endswith("/"):
            drop = bool(_AS_OF_ATTR.search(attrs))
            if drop or _HEADING.fullmatch(name) or _VALUE_ATTR.search(attrs):
                holder, depth = name, 1
    return "".join(out + ([_marks_span(held)] if held else []))


_PIECES = ["<h1>", "</h1>", "<H2 id=a>", "</h2>", "<h3/>", "<hr>", "<header>", "</header>", "<p>", "</p>", "<br>",
           "<span>", "</span>", '<span data-pagefind-filter="d">', '<b data-pagefind-meta="x"/>',
           '<time data-window-as-of>', "</time>", '<div data-x="月">', "<!-- 2024年8月30日 -->", "<!DOCTYPE html>",
           "< 月>", "</ 8月1日>", "</h1 >", "2024年8月30日", "至9月1日", "10月15日至25日", "8月", "月", "年", "正文",
           "截至2026年12月7日", " ", "&gt;"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@fuzz_settings()
def test_the_shortcut_for_pieces_that_change_nothing_changes_nothing(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert with_date_marks(html) == _marked_by_parsing_every_piece(html)


# The date pattern as it was before it said that a date begins with a digit: the oracle of the one below.
_DATE_AS_WRITTEN = re.compile(r"(?<!\d)(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*[日号])?")


@fuzz_settings()
@given(st.lists(st.sampled_from(["2024", "12", "8", "0", "年", "月", "日", "号", " ", "\u3000", "至", "截至", "a"]),
                max_size=30).map("".join))
def test_the_date_pattern_finds_what_it_found_before_it_began_with_a_digit(text: str) -> None:
    assert [m.groupdict() | {"at": m.span()} for m in _DATE.finditer(text)] == \
        [m.groupdict() | {"at": m.span()} for m in _DATE_AS_WRITTEN.finditer(text)]
