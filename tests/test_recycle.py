"""The site a build replaced is written again in place by the next build (publish/staging.py): never a file
the published site shares, nothing left that the build did not make, the same site as a clean build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REAL_ID, ROOT, make_project, run_build
from helpers import tree

from disclosures.publish import staging
from disclosures.publish.manifest import verify

pytestmark = pytest.mark.build


def test_a_kept_site_is_taken_without_its_shared_files_links_or_index(tmp_path: Path) -> None:
    published, spare = tmp_path / "site", staging.spare_path(tmp_path / "site")
    (published / "data").mkdir(parents=True)
    (published / "data" / "feed.xml").write_text("live", encoding="utf-8")
    (spare / "data").mkdir(parents=True)
    os.link(published / "data" / "feed.xml", spare / "data" / "feed.xml")  # as an edit build links feeds
    (spare / "data" / "own.json").write_text("old", encoding="utf-8")
    (spare / "elsewhere").symlink_to(published / "data" / "feed.xml")
    (spare / "data" / "also").symlink_to(published / "data" / "feed.xml")  # a link deeper down: unlinked
    (spare / "pagefind" / "shards").mkdir(parents=True)
    later: list[Path] = []
    built = tmp_path / ".staging-site.1-ab"
    assert staging.take_spare(published, built, later.append)
    held = built / staging.HELD
    assert sorted(p.relative_to(held).as_posix() for p in held.rglob("*")) == ["data", "data/own.json"]
    assert sorted(p.name for p in later) == [".staging-site.1-ab-elsewhere-old", ".staging-site.1-ab-pagefind-old"]
    assert not spare.exists()
    assert staging.restore(built) and (built / "data" / "own.json").read_text(encoding="utf-8") == "old"
    (built / "data" / "feed.xml").write_text("new", encoding="utf-8")  # written where the link was
    assert (published / "data" / "feed.xml").read_text(encoding="utf-8") == "live"
    assert not staging.take_spare(published, tmp_path / ".staging-site.2-cd", later.append)  # none kept


def test_what_the_build_did_not_make_is_removed(tmp_path: Path) -> None:
    for path in ("index.html", "index.html.gz", "gone/index.html", "gone/index.html.gz", "small.css.gz",
                 "small.css", "pagefind/pagefind.js", "_deploy/nginx.conf"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(path, encoding="utf-8")
    removed = staging.remove_unmade(tmp_path, {"index.html", "small.css"}, lambda path: path == "index.html")
    assert removed == ["_deploy/nginx.conf", "gone/index.html", "gone/index.html.gz", "small.css.gz"]
    assert not (tmp_path / "gone").exists() and (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_a_build_into_the_last_site_never_changes_the_live_one_and_equals_a_clean_build(tmp_path: Path) -> None:
    """Three builds, each after an edit: the third writes into the first one's files. The second site, live
    while the third was built (and sharing its unchanged feeds with it), still matches its own manifest, and
    the third equals a clean build of the same data at the same moment."""
    project = make_project(tmp_path / "project", ROOT / "data")
    notice = project / "data" / "disclosures" / f"{REAL_ID}.yml"
    for n, now in enumerate(("2025-04-28", "2025-04-28T10:00:00+08:00", "2025-04-28T11:00:00+08:00")):
        notice.write_text(notice.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: 第{n}次", 1),
                          encoding="utf-8")
        built = run_build(project, now=now)
        assert built.ok, built.result.stderr
        if n == 1:
            live = {p.relative_to(project / "site") for p in (project / "site").rglob("*") if p.is_file()}
    spare = project / ".spare-site"
    differences = verify(spare)  # the second site, untouched by the third build
    assert not (differences.changed or differences.missing or differences.added)
    assert live == {p.relative_to(spare) for p in spare.rglob("*") if p.is_file()}
    assert any(p.stat().st_nlink > 1 for p in (project / "site").rglob("*") if p.is_file())  # it shared files
    clean = make_project(tmp_path / "clean", project / "data")
    done = run_build(clean, now="2025-04-28T11:00:00+08:00", extra_env={"DISCLOSURE_CLEAN_BUILD": "1"})
    assert done.ok, done.result.stderr
    a, b = tree(project / "site"), tree(clean / "site")
    assert sorted(a) == sorted(b) and [name for name in a if a[name] != b[name]] == []
    assert not list(project.glob(".staging-site.*"))
