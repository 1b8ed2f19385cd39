"""The build cache never changes what is published (issue #27): after any kind of change, a build that
reuses the cache writes the same site, byte for byte, as a clean build; a damaged cache is ignored.

Each case: a project built once (its cache warm), one change, a build with the cache, and a clean build
(DISCLOSURE_CLEAN_BUILD=1) of the same change in another folder; the two site/ trees must be equal.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REAL_ID, ROOT, TEST_DATA, make_project, run_build
from helpers import tree

from disclosures.build import shown_moment
from disclosures.outputs.assetspill import SPILL
from disclosures.core.cache import ContentCache, code_version
from disclosures.core.timewindow import reference_time
from disclosures.publish.linkcheck import BuiltSite
from disclosures.outputs.search import SHARD_ENV

pytestmark = pytest.mark.build

NOTICE = f"data/disclosures/{REAL_ID}.yml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "a notice's text": lambda p: edit(p / NOTICE, "\ntitle: 中共", "\ntitle: 修改后中共"),
    # Deep in the body: neither its title nor its description (a page's meta, in its theme key) changes.
    "a measure deep in a notice": lambda p: edit(p / NOTICE, "共开展类案检索95次", "共开展类案检索96次"),
    "a notice's window": lambda p: edit(p / NOTICE, "end: 2025-05-11", "end: 2025-05-20"),
    "a new notice": lambda p: shutil.copy2(TEST_DATA / "fictional" / "disclosures" / "lakeside-bureau-2025-03-10.yml",
                                           p / "data" / "disclosures"),
    "a deleted notice": lambda p: (p / "data" / "disclosures" / "lakeside-bureau-2025-03-10.yml").unlink(),
    "site.yml": lambda p: edit(p / "data" / "site.yml", "name: ", "name: 新"),
    "a template": lambda p: edit(p / "overrides" / "main.html", "{% block", "<!-- 改 -->{% block"),
    "a CSS file": lambda p: (p / "docs" / "assets" / "stylesheets" / "disclosures.css").open("a").write(
        "\n.dsc-changed { color: inherit; }\n"),
}
# A text of the catalogue, changed in the building process (the package is shared by every test).
CATALOGUE = ("import disclosures.core.texts as t; t.HOME_TITLE = '首页（改）'; "
             "import sys; sys.argv = ['mkdocs', 'build', '--strict']; from mkdocs.__main__ import cli; cli()")


def _project(folder: Path) -> Path:
    project = make_project(folder, ROOT / "data")
    shutil.copy2(TEST_DATA / "fictional" / "disclosures" / "lakeside-bureau-2025-03-10.yml",
                 project / "data" / "disclosures")
    return project


def _build(project: Path, now: str, clean: bool = False, catalogue: bool = False) -> None:
    # A search shard per page (search.py): the most shards a site can have, each cached on its own.
    env = {SHARD_ENV: "1", **({"DISCLOSURE_CLEAN_BUILD": "1"} if clean else {})}
    if catalogue:
        full = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISCLOSURE_NOW": now, **env}
        done = subprocess.run([sys.executable, "-c", CATALOGUE], cwd=project, env=full, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return
    built = run_build(project, now=now, extra_env=env)
    assert built.ok, built.result.stderr


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once: its .cache/build/ holds every page's scan and .gz copy."""
    project = _project(tmp_path_factory.mktemp("warm") / "project")
    _build(project, "2025-04-28")
    assert (project / ".cache" / "build" / code_version()).is_dir()
    return project


def _same_as_clean(warm: Path, work: Path, change: Callable[[Path], None] | None, now: str,
                   catalogue: bool = False) -> None:
    cached = work / "cached"
    shutil.copytree(warm, cached, symlinks=True)
    clean = _project(work / "clean")
    for project in (cached, clean):
        if change:
            change(project)
    _build(cached, now, catalogue=catalogue)
    _build(clean, now, clean=True, catalogue=catalogue)
    assert not (clean / ".cache" / "build").exists()  # the clean build neither read nor wrote a cache
    a, b = tree(cached / "site"), tree(clean / "site")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


@pytest.mark.parametrize("kind", list(CHANGES))
def test_a_cached_build_after_a_change_is_the_clean_build(warm: Path, tmp_path: Path, kind: str) -> None:
    _same_as_clean(warm, tmp_path, CHANGES[kind], "2025-04-28")


def test_a_cached_build_after_a_catalogue_text_changed_is_the_clean_build(warm: Path, tmp_path: Path) -> None:
    _same_as_clean(warm, tmp_path, None, "2025-04-28", catalogue=True)


def test_a_cached_build_hours_later_is_the_clean_build(warm: Path, tmp_path: Path) -> None:
    """The same statuses at another moment: the renders are reused, the moment in 截至… is the new one."""
    _same_as_clean(warm, tmp_path, None, "2025-04-28T15:47:00+08:00")
    page = (tmp_path / "cached" / "site" / "disclosures" / REAL_ID / "index.html").read_text(encoding="utf-8")
    assert "截至2025年4月28日15:47（本页生成时）" in page and "\x00" not in page


def test_a_cached_build_when_a_window_has_ended_is_the_clean_build(warm: Path, tmp_path: Path) -> None:
    _same_as_clean(warm, tmp_path, None, "2025-05-12")  # the real notice's window closed on 5月11日


def _damage(cache: Path) -> int:
    """Truncate, corrupt or empty every entry in turn; plant a folder of another code version."""
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    for i, entry in enumerate(entries):
        raw = entry.read_bytes()
        entry.write_bytes([raw[: len(raw) // 2], raw[:32] + b"\x00" + raw[33:], b"", b"x" * 40][i % 4])
    (cache.parent / "0000000000000000" / "gz").mkdir(parents=True)
    (cache.parent / "0000000000000000" / "gz" / "deadbeef").write_bytes(b"\x00" * 64)
    return len(entries)


def test_a_damaged_cache_is_ignored_and_mended(warm: Path, tmp_path: Path) -> None:
    _same_as_clean(warm, tmp_path, lambda p: _damage(p / ".cache" / "build" / code_version())
                   if (p / ".cache").exists() else None, "2025-04-28")
    cache = ContentCache(tmp_path / "cached" / ".cache" / "build")
    assert not (cache.folder.parent / "0000000000000000").exists()  # another version's folder is removed
    entries = [p for p in cache.folder.rglob("*") if p.is_file()]
    assert entries and all(len(p.read_bytes()) >= 32 for p in entries)  # each damaged entry was rewritten


def test_the_cache_is_reused_and_never_published(warm: Path) -> None:
    cache = ContentCache(warm / ".cache" / "build")
    assert cache.get_or_make("gz", b"never stored", lambda d: b"made") == b"made"
    page = (warm / "site" / "index.html").read_bytes()
    moment = shown_moment(reference_time({"DISCLOSURE_NOW": "2025-04-28"}))
    key = BuiltSite(warm / "site", "https://example.org/", moment=moment).cache_key(page)  # the moment left out
    assert key != page and moment.encode() not in key
    assert cache.get_or_make("scan", key, lambda d: pytest.fail("a page of the build is in the cache")) != b""
    assert not [p for p in (warm / "site").rglob("*") if ".cache" in p.parts or SPILL in p.parts]


def test_an_edit_to_one_notice_indexes_its_shard_only(warm: Path, tmp_path: Path) -> None:
    """The other shards' indexes come from the cache: one Pagefind run, for the edited notice's shard."""
    project = tmp_path / "project"
    shutil.copytree(warm, project, symlinks=True)
    shards = project / ".cache" / "build" / code_version() / "search-shard"
    before = {p.name for p in shards.iterdir()}
    assert len(before) >= 3  # a shard per notice page (and the glossary's)
    CHANGES["a notice's text"](project)
    _build(project, "2025-04-28")
    made = {p.name for p in shards.iterdir()} - before
    assert len(made) == 1
    assert len(json.loads((project / "site" / "pagefind" / "shards.json").read_text())["shards"]) == len(before) - 1


def test_the_build_after_the_first_takes_every_notice_render_from_the_cache(warm: Path, tmp_path: Path) -> None:
    """The first build makes its records; the next unpickles them. Keys must not depend on which equal
    strings are one object (they did: every notice was rendered again on the second build). The second
    build takes each notice's finished views whole (so not the keyword lines that making one reads)."""
    project = tmp_path / "project"
    shutil.copytree(warm, project, symlinks=True)
    folder = project / ".cache" / "build" / code_version()
    kinds = ("render", "feed-items", "finished views", "quoted terms", "notice")
    before = {kind: sorted(p.name for p in (folder / kind).iterdir()) for kind in kinds}
    _build(project, "2025-04-28")
    assert {kind: sorted(p.name for p in (folder / kind).iterdir()) for kind in kinds} == before


def test_a_build_hours_later_takes_every_link_check_and_script_scan_from_the_cache(warm: Path, tmp_path: Path) -> None:
    """The pages differ from the earlier build's by the build's moment alone (截至…（本页生成时）): the link
    check's scans of them are reused, not made again (they were, for every page, on every build)."""
    project = tmp_path / "project"
    shutil.copytree(warm, project, symlinks=True)
    folder = project / ".cache" / "build" / code_version()
    kinds = ("scan", "links", "scripts")
    before = {kind: {p.name for p in (folder / kind).iterdir()} for kind in kinds}
    _build(project, "2025-04-28T15:47:00+08:00")
    assert "15:47" in (project / "site" / "index.html").read_text(encoding="utf-8")
    after = {kind: {p.name for p in (folder / kind).iterdir()} for kind in kinds}
    assert after["links"] == before["links"]  # every file's links, as the earlier build read them
    assert after["scripts"] == before["scripts"]  # and its inline scripts (the CSP's hashes)
    assert after["scan"] and after["scan"] <= before["scan"]  # no page scanned anew (unused scans are pruned)


@pytest.mark.parametrize("now", ["2025-04-28", "2025-04-28T15:47:00+08:00"])
def test_an_unchanged_build_takes_every_theme_page_from_the_cache(warm: Path, tmp_path: Path, now: str) -> None:
    """Also hours later: the build's moment (截至…) is put into the pages after the theme's render."""
    project = tmp_path / "project"
    shutil.copytree(warm, project, symlinks=True)
    built = run_build(project, now=now, extra_env={SHARD_ENV: "1"}, args=("--strict", "-v"))
    assert built.ok, built.result.stderr
    pages = len(list((project / "site").rglob("index.html")))
    assert f"Theme pages taken from the build cache: {pages}" in built.result.stderr
