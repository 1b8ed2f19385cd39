"""How the search index is cut into shards (search.py, shards_of): every page once and in order, a bounded
shard, and cuts that stay put, so that an edit or a new notice re-indexes one shard only; and shards made
while the pages are still coming in (BackgroundIndex.add) give the index of all pages at once."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from disclosures.core.cache import ContentCache
from disclosures.core.errors import ProjectError
from disclosures.outputs import search
from disclosures.outputs.search import (DEFAULT_SHARD_PAGES, FRAGMENT_KIND, PART_KIND, SHARD_ENV, BackgroundIndex,
                                        Part, _fragment_key, indexed_copies, indexed_parts, publication_key,
                                        shard_key, shard_pages, shards_of)

# Pages as (path, part): paths unique, parts of any length (the byte bound is scaled down to match).
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


# The streaming index (BackgroundIndex.add): shards made as their pages come in, with the real, pinned Pagefind.

def _notice(day: str, n: int) -> str:
    return (f'<!DOCTYPE html><html lang="zh-CN"><body><nav>导航</nav><main data-pagefind-body><h1 id="t">通报{n}</h1>'
            f'<span data-pagefind-sort="published[data-value]" data-value="{day}"></span>'
            f'<p>{day}发布。巡察整改第{n}项问题已完成整改。</p></main></body></html>')


NOTICES = [(f"disclosures/n{n:02d}/index.html", _notice(f"2025-0{1 + n // 4}-1{n % 4}", n)) for n in range(20)]
GLOSSARY = ("glossary/index.html", '<main data-pagefind-body><h1 id="g">术语</h1><p>巡察</p></main>')
EDITED = [(path, page.replace("已完成整改", "已全部完成整改")) if path == NOTICES[1][0] else (path, page)
          for path, page in NOTICES]


def _index(tmp: Path, batches: list[list[tuple[str, str]]], made: list[int], made_early: int = 0
           ) -> dict[str, bytes]:
    """The index BackgroundIndex writes from these batches (4 pages per shard on average), as {path: bytes};
    made gets the size of each shard Pagefind indexed, in the order they were made. made_early: the shards
    that must be made before added_all() (waited for, up to a minute)."""
    index = BackgroundIndex(store=ContentCache(None), pages_per_shard=4)
    real = index._make

    def counted(shard, key):
        made.append(len(shard))
        return real(shard, key)
    index._make = counted  # type: ignore[method-assign]
    try:
        for batch in batches:
            index.add(batch)
        waited = time.monotonic()
        while len(made) < made_early and time.monotonic() - waited < 60:
            time.sleep(0.05)
        assert len(made) >= made_early, f"{len(made)} shards made before the last page, not {made_early}"
        index.added_all()
        index.publish(tmp)
    finally:
        index.close()
    return {p.relative_to(tmp).as_posix(): p.read_bytes() for p in sorted(tmp.rglob("*")) if p.is_file()}


def test_pages_added_as_rendered_give_the_index_of_all_pages_at_once(tmp_path: Path) -> None:
    """In publication order, every shard is made once, as soon as its last page comes; out of order, the
    shards made early that are not the index's are wasted work, never part of it."""
    whole, streamed, shuffled = [], [], []
    at_once = _index(tmp_path / "a", [[*NOTICES, GLOSSARY]], whole)
    cuts = shards_of(sorted(indexed_parts([*NOTICES, GLOSSARY]), key=publication_key), 4)
    in_order = _index(tmp_path / "b", [[page] for page in NOTICES] + [[GLOSSARY]], streamed, len(cuts) - 1)
    mixed = NOTICES[:6] + NOTICES[12:] + NOTICES[6:12]  # a later page before earlier ones
    out_of_order = _index(tmp_path / "c", [[page] for page in mixed] + [[GLOSSARY]], shuffled)
    assert in_order == at_once and out_of_order == at_once
    assert len(cuts) > 2 and sorted(whole) == sorted(streamed) == sorted(len(s) for s in cuts)
    assert len(shuffled) > len(cuts)  # shards of the out-of-order run were made and not used
    assert json.loads(at_once["pagefind/shards.json"])["shards"]


def test_a_closed_index_stops_waiting_for_pages(tmp_path: Path) -> None:
    index = BackgroundIndex(store=ContentCache(None), pages_per_shard=4)
    index.add(NOTICES[:3])
    index.close()  # a build that failed before it rendered the rest: returns, and leaves nothing
    assert not index._work.exists()


def test_an_older_shard_the_published_site_holds_is_linked_not_written(tmp_path: Path) -> None:
    """An edit changes one shard: the next build's older shards are the published files themselves (links),
    the changed one is written, and the index equals one made without the published site."""
    published, site, clean = tmp_path / "site", tmp_path / "staging", tmp_path / "clean"
    for folder, pages, before in ((published, NOTICES, None), (site, EDITED, published), (clean, EDITED, None)):
        folder.mkdir()  # as a build's folder is (else the index is copied in, not moved)
        index = BackgroundIndex([*pages, GLOSSARY], ContentCache(None), 4, published=before)
        try:
            index.publish(folder)
        finally:
            index.close()
    tree = {p.relative_to(site): p for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}
    assert {path: p.read_bytes() for path, p in tree.items()} == {
        p.relative_to(clean): p.read_bytes() for p in sorted((clean / "pagefind").rglob("*")) if p.is_file()}
    older = {path.parts[2] for path in tree if path.parts[1] == "shards"}
    linked = set()
    for path, p in tree.items():
        if path.parts[1] == "shards" and (published / path).is_file():
            linked.add(path.parts[2])
            assert os.path.samefile(p, published / path)
    assert len(older) >= 2 and len(older - linked) == 1  # the edited page's shard is new; the others linked


def _published(folder: Path, pages: list[tuple[str, str]], store: ContentCache, seeded: list[int] | None = None
               ) -> dict[str, bytes]:
    """The index of pages (and the glossary) published into folder, as {path: bytes}; seeded gets the number of
    fragment files each Pagefind run found in place."""
    folder.mkdir()
    index = BackgroundIndex([*pages, GLOSSARY], store, 4)
    real = index._pagefind

    def counted(source, written, seeds):
        if seeded is not None:
            seeded.append(len(seeds))
        return real(source, written, seeds)
    index._pagefind = counted  # type: ignore[method-assign]
    try:
        index.publish(folder)
    finally:
        index.close()
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_shard_indexed_again_finds_its_unchanged_pages_fragments_in_place_and_equals_a_clean_index(
        tmp_path: Path) -> None:
    """Pagefind compresses a page's fragment only if no file has its name: a shard indexed again after an edit
    is given the fragment files of its unchanged pages (from the cache), and the index is the clean one."""
    store = ContentCache(tmp_path / "cache")
    _published(tmp_path / "first", NOTICES, store)
    seeded: list[int] = []
    edited = _published(tmp_path / "edited", EDITED, store, seeded)
    clean = _published(tmp_path / "clean", EDITED, ContentCache(None))
    assert edited == clean
    edited_shard = next(shard for shard in shards_of(sorted(indexed_parts([*EDITED, GLOSSARY]), key=publication_key), 4)
                        if any(path == EDITED[1][0] for path, _ in shard))
    assert seeded == [len(edited_shard) - 1]  # one shard made again, every page but the edited one seeded


def test_a_run_that_does_not_name_every_seed_is_made_again_without_seeds(tmp_path: Path) -> None:
    """A seed the run does not name (here one stored under another name: as if two of the run's fragments
    began alike and one took a longer name) may stand where another fragment belongs: the shard is made again
    without seeds, and the index is the clean one."""
    store = ContentCache(tmp_path / "cache")
    _published(tmp_path / "first", NOTICES, store)
    shard = next(shard for shard in shards_of(sorted(indexed_parts([*EDITED, GLOSSARY]), key=publication_key), 4)
                 if any(path == EDITED[1][0] for path, _ in shard))
    neighbour = next(Part.of(page) for page in shard if page[0] != EDITED[1][0])
    stored = store.get(FRAGMENT_KIND, _fragment_key(neighbour))
    assert stored is not None and stored.startswith(b"zh-cn_")
    store.put(FRAGMENT_KIND, _fragment_key(neighbour), b"zh-cn_0000000" + stored[len(b"zh-cn_0000000"):])
    seeded: list[int] = []
    assert _published(tmp_path / "edited", EDITED, store, seeded) == _published(tmp_path / "clean", EDITED,
                                                                                 ContentCache(None))
    assert seeded == [len(shard) - 1, 0]  # the edited page's shard, with seeds and then without


def test_seeds_hold_only_if_every_fragment_has_its_short_name_and_every_seed_is_named(tmp_path: Path) -> None:
    from disclosures.outputs.search import _seeds_held
    from disclosures.outputs.searchorder import ENTRY, _encode, _write

    def run(names: list[str]) -> Path:  # Pagefind's output as far as the names go: entry and metadata
        out = tmp_path / str(len(list(tmp_path.iterdir())))
        out.mkdir()
        _write(out / "pagefind.zh-cn_meta.pf_meta", _encode(["1.5.2", [[n, 10] for n in names], [], [], [], []]))
        (out / ENTRY).write_text(json.dumps({"version": "1.5.2", "languages": {"zh-cn": {"hash": "zh-cn_meta"}}}))
        return out
    assert _seeds_held(run(["zh-cn_1234567", "zh-cn_abcdef0"]), {"zh-cn_1234567": b""})
    assert not _seeds_held(run(["zh-cn_1234567", "zh-cn_abcdef0"]), {"zh-cn_7654321": b""})  # not named
    assert not _seeds_held(run(["zh-cn_1234567", "zh-cn_12345678"]), {"zh-cn_1234567": b""})  # a clash


def test_a_page_named_by_its_text_key_takes_its_part_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    """A page whose HTML a name stands for (its render's cache entry) is looked for in the cache by its path and
    that name: the second index finds no page's part itself, and equals the clean one; a page without a name
    is found as before."""
    store = ContentCache(tmp_path / "cache")
    named = [*NOTICES, ("disclosures/n00/poster/index.html", "<main><h1>海报</h1></main>")]  # a poster: no part
    keys = [f"render/{n}" for n in range(len(named))]

    def published(folder: Path, cache: ContentCache, text_keys: list[str]) -> dict[str, bytes]:
        folder.mkdir()
        index = BackgroundIndex(store=cache, pages_per_shard=4)
        try:
            index.add(named, text_keys)
            index.add([GLOSSARY])
            index.added_all()
            index.publish(folder)
        finally:
            index.close()
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    first = published(tmp_path / "first", store, keys)
    assert len(list((store.folder / PART_KIND).iterdir())) == len(named)  # the poster's "none" too
    found: list[str] = []
    real = search._part_of
    monkeypatch.setattr(search, "_part_of", lambda page: found.append(page[0]) or real(page))
    again = published(tmp_path / "again", store, keys)
    assert found == [GLOSSARY[0]]  # the glossary has no name: found again
    assert again == first == published(tmp_path / "clean", ContentCache(None), [])


def test_pagefind_runs_one_at_a_time_while_the_next_shards_copies_are_written(tmp_path: Path, monkeypatch) -> None:
    """Two threads make shards, one Pagefind process at a time (its memory is the bound): while it indexes one
    shard, the other thread writes the next shard's copies (in one thread, that work stood between two
    runs). The index is the one a clean run makes."""
    running, most, overlapped = [0], [0], [0]
    lock = threading.Lock()
    real_finished, real_write = search._finished, search._write_parts

    def finished(process) -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.3)  # a run long enough for the other thread's work to fall inside it
        try:
            real_finished(process)
        finally:
            with lock:
                running[0] -= 1

    def write_parts(parts, dest):
        with lock:
            overlapped[0] += running[0] > 0
        return real_write(parts, dest)
    clean = _published(tmp_path / "clean", NOTICES, ContentCache(None))
    monkeypatch.setattr(search, "_finished", finished)
    monkeypatch.setattr(search, "_write_parts", write_parts)
    assert _published(tmp_path / "paced", NOTICES, ContentCache(None)) == clean
    assert most[0] == 1  # never two Pagefind processes at once
    assert overlapped[0] >= 2  # shards' copies written while Pagefind ran (20 pages: 6 shards)
