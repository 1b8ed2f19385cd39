"""How the search index is cut into shards (search.py, shards_of): every page once and in order, a bounded
shard, and cuts that stay put, so that an edit or a new notice re-indexes one shard only."""

from __future__ import annotations

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from disclosures.core.errors import ProjectError
from disclosures.outputs.search import (DEFAULT_SHARD_PAGES, SHARD_ENV, indexed_copies, shard_key, shard_pages,
                                        shards_of)

# Pages as (path, copy): paths unique, copies of any length (the byte bound is scaled down to match).
pages = st.lists(st.tuples(st.from_regex(r"disclosures/[a-z0-9-]{1,12}/index\.html", fullmatch=True),
                           st.text(alphabet="巡察整改ab", min_size=0, max_size=40)),
                 min_size=0, max_size=60, unique_by=lambda p: p[0])
SIZES = st.integers(min_value=1, max_value=8)
BOUNDS = st.integers(min_value=1, max_value=200)


@fuzz_settings()
@given(pages, SIZES, BOUNDS)
def test_every_page_is_in_one_shard_in_order_and_a_shard_keeps_to_the_bound(copies, size, bound) -> None:
    shards = shards_of(copies, size, bound)
    assert [page for shard in shards for page in shard] == copies
    assert all(shards)
    for shard in shards:
        text = sum(len(copy.encode("utf-8")) for _, copy in shard)
        assert text <= bound or len(shard) == 1  # a single page larger than the bound is a shard of its own


@fuzz_settings()
@given(pages, SIZES, st.data())
def test_an_edit_to_one_page_changes_its_own_shard_only(copies, size, data) -> None:
    if not copies:
        return
    at = data.draw(st.integers(min_value=0, max_value=len(copies) - 1))
    edited = list(copies)
    edited[at] = (copies[at][0], copies[at][1] + "改")
    before, after = shards_of(copies, size, 10**9), shards_of(edited, size, 10**9)
    changed = [shard_key(s) for s in after if shard_key(s) not in {shard_key(b) for b in before}]
    assert len(before) == len(after) and len(changed) == 1


@fuzz_settings()
@given(pages, SIZES, st.text(alphabet="巡察", max_size=10))
def test_a_new_newest_page_changes_the_newest_shard_only(copies, size, copy) -> None:
    newest = ("disclosures/zzz-newest/index.html", copy)
    if any(path == newest[0] for path, _ in copies):
        return
    before, after = shards_of(copies, size, 10**9), shards_of([*copies, newest], size, 10**9)
    assert after[: max(len(before) - 1, 0)] == before[: max(len(before) - 1, 0)]
    assert after[-1][-1] == newest


@fuzz_settings()
@given(pages, SIZES, st.data())
def test_a_page_taken_out_anywhere_changes_one_shard_and_keeps_the_others(copies, size, data) -> None:
    """Fixed-size groups would shift every later shard when a notice is withdrawn or an older one is added."""
    if not copies:
        return
    at = data.draw(st.integers(min_value=0, max_value=len(copies) - 1))
    before, after = shards_of(copies, size, 10**9), shards_of(copies[:at] + copies[at + 1:], size, 10**9)
    kept = {shard_key(s) for s in before}
    assert len([s for s in after if shard_key(s) not in kept]) <= 1
    assert len(before) - len(after) in (0, 1)


def test_pages_are_taken_in_publication_order_undated_pages_last() -> None:
    def page(day: str | None) -> str:
        sort = f'<span data-pagefind-sort="published[data-value]" data-value="{day}"></span>' if day else ""
        return f'<main data-pagefind-body><h1>通报</h1>{sort}</main>'
    built = [("a/index.html", page("2025-04-27")), ("b/index.html", page("2024-09-02")),
             ("glossary/index.html", page(None)), ("c/index.html", page("2025-04-27"))]
    assert [path for path, _ in indexed_copies(built)] == ["b/index.html", "a/index.html", "c/index.html",
                                                            "glossary/index.html"]


def test_the_shard_size_comes_from_the_environment_and_a_mistake_is_refused() -> None:
    assert shard_pages({}) == DEFAULT_SHARD_PAGES
    assert shard_pages({SHARD_ENV: " 40 "}) == 40
    for wrong in ("0", "-3", "abc", "2.5"):
        with pytest.raises(ProjectError) as refused:
            shard_pages({SHARD_ENV: wrong})
        assert str(refused.value).startswith(f"{SHARD_ENV}={wrong}：应为不小于 1 的整数")
