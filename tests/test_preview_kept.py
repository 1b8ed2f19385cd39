"""`make serve` (`mkdocs serve --dirty`): a rebuild writes what changed and keeps the rest of the preview's
folder (disclosures/publish/previewfolder.py), and the folder it leaves is the one a fresh preview writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_project
from portal_data import write_portal

from disclosures.publish.htmlscan import moment_replaced
from disclosures.publish.linkcheck import Untouched, check_site
from disclosures.publish.previewfolder import PreviewFolder, digest

# Preview builds in one process, as `mkdocs serve` runs them (its rebuilds reuse the loaded hook module):
# argv: the steps (JSON), the folder, "dirty" or "clean". After each step, every file but the search index
# (moved in when made) with its SHA-256 and modification time, and how many files the build kept, to
# <folder>.step<i>.json. A step with "fresh" then also has a fresh preview of the same data written there;
# a step with "fails" must fail (and writes nothing).
PREVIEW = r"""
import hashlib, json, logging, os, subprocess, sys
from pathlib import Path
logging.basicConfig(level=logging.WARNING)  # what MkDocs' command line would print
from mkdocs.commands.build import build
from mkdocs.config import load_config
steps, site, dirty = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3] == "dirty"
url = "http://127.0.0.1:8000/"
config = None
for i, step in enumerate(steps):
    os.environ["DISCLOSURE_NOW"] = step["now"]
    for path, text in step.get("write", {}).items():
        Path(path).write_text(text, encoding="utf-8")
    for path in step.get("delete", []):
        Path(path).unlink()
    started = config is not None
    config = load_config(config_file="mkdocs.yml", site_dir=site)
    config.site_url = url
    if not started:
        config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        build(config, serve_url=url, dirty=dirty)
    except SystemExit:  # MkDocs' Abort: as `mkdocs serve` does, the preview goes on with the next change
        assert step.get("fails"), "the build failed"
        continue
    assert not step.get("fails"), "the build did not fail"
    files = {p.relative_to(site).as_posix(): [hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns]
             for p in sorted(Path(site).rglob("*")) if p.is_file()}
    files = {k: v for k, v in files.items() if not k.startswith("pagefind")}
    hooks = next(iter(config.hooks.values()))
    Path(f"{site}.step{i}.json").write_text(json.dumps({"files": files, "kept": hooks._state.preview.kept}))
    if "fresh" in step:
        subprocess.run([sys.executable, __file__, json.dumps([{"now": step["now"]}]), step["fresh"], "clean"],
                       check=True)
config.plugins.on_shutdown()
"""


def _previews(project: Path, site: Path, steps: list[dict]) -> list[dict]:
    """What each step that does not fail left in the folder."""
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_NOW"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    script = project / "preview_steps.py"
    script.write_text(PREVIEW, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), json.dumps(steps), str(site), "dirty"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "dirty" not in result.stderr, result.stderr
    return [json.loads(Path(f"{site}.step{i}.json").read_text()) for i, step in enumerate(steps)
            if not step.get("fails")]


@pytest.mark.build
def test_a_kept_preview_rewrites_what_changed_and_ends_as_a_fresh_preview(tmp_path: Path) -> None:
    data = tmp_path / "data"
    notices = write_portal(data, 3)
    project = make_project(tmp_path / "p", data)
    # A page of the project's own, in Markdown: kept or written by its theme key too, not by its file's age.
    (project / "docs" / "about.md").write_text("# 关于本站\n\n本站公开巡察整改进展情况。\n", encoding="utf-8")
    edited, deleted = (f"data/disclosures/{n['id']}.yml" for n in (notices[0], notices[-1]))
    text = (project / edited).read_text(encoding="utf-8")
    assert "\ntitle: " in text
    first, later = "2025-04-28T10:00:00+08:00", "2025-04-28T10:07:00+08:00"
    closed = "2025-05-02T09:00:00+08:00"  # two windows of the fourth round have ended by then
    site = (project / "data" / "site.yml").read_text(encoding="utf-8")
    assert "010-12345678" in site
    retitled = text.replace("\ntitle: ", "\ntitle: 改过的", 1)
    steps = [{"now": first},
             {"now": first, "write": {edited: retitled}},
             # A slip (refused: the preview shows the last good build) and its fix, back to the same text.
             {"now": first, "write": {edited: text.replace("\ntitle: ", "\ntitle: [", 1)}, "fails": True},
             {"now": later, "write": {edited: retitled}, "fresh": str(tmp_path / "fresh")},
             {"now": later, "delete": [deleted], "fresh": str(tmp_path / "fresh-after")},
             {"now": closed, "fresh": str(tmp_path / "fresh-closed")},
             {"now": closed, "write": {"data/site.yml": site.replace("010-12345678", "010-87654321")},
              "fresh": str(tmp_path / "fresh-site")}]
    kept = _previews(project, tmp_path / "kept", steps)
    files = [step["files"] for step in kept]

    # After the edit: the edited notice's page is new, and some other notice's page was not written at all.
    page = f"disclosures/{notices[0]['id']}/index.html"
    assert files[1][page][0] != files[0][page][0]
    others = [p for p in files[0] if p.startswith("disclosures/") and p.endswith("/index.html") and p != page]
    untouched = [p for p in others if files[1][p] == files[0][p]]
    assert len(untouched) >= len(others) // 2, "the rebuild wrote the other notices' pages again"
    # Nor another notice's open-data files (their bytes are the same: made, compared, not written again).
    other_data = [p for p in files[0] if p.startswith("data/notices/") and notices[0]["id"] not in p]
    assert other_data and all(files[1][p] == files[0][p] for p in other_data), "open data written again"
    assert files[1][f"data/notices/{notices[0]['id']}.json"][0] != files[0][f"data/notices/{notices[0]['id']}.json"][0]
    # Minutes later, after a refused slip and its fix, nothing else changed: the pages are kept (the edited
    # one too) with the new moment, as a fresh preview writes them.
    assert kept[2]["kept"] >= len(others) + 1
    moment_pages = [p for p in files[2] if p.endswith(".html") and files[2][p][0] != files[1][p][0]]
    assert any(p.startswith("disclosures/") for p in moment_pages), "no notice page shows the moment"
    fresh = json.loads((tmp_path / "fresh.step0.json").read_text())["files"]
    assert {p: h for p, (h, _) in files[2].items()} == {p: h for p, (h, _) in fresh.items()}
    # A notice deleted: its files are gone, and the folder is again the one a fresh preview writes.
    assert not [p for p in files[3] if p.startswith(f"disclosures/{notices[-1]['id']}/")]
    assert files[3]["about/index.html"][0] != files[2]["about/index.html"][0]  # its banner no longer lists it
    fresh = json.loads((tmp_path / "fresh-after.step0.json").read_text())["files"]
    assert {p: h for p, (h, _) in files[3].items()} == {p: h for p, (h, _) in fresh.items()}
    # Days later, windows have ended: what the moment decides changed, and the folder follows it.
    fresh = json.loads((tmp_path / "fresh-closed.step0.json").read_text())["files"]
    assert {p: h for p, (h, _) in files[4].items()} == {p: h for p, (h, _) in fresh.items()}
    ended = next(f"disclosures/{n['id']}/index.html" for n in notices if n["id"].startswith("r4-"))
    assert b"dsc-status--closed" in (tmp_path / "kept" / ended).read_bytes()  # 14 to 28 April: ended
    assert files[4][ended][0] != files[3][ended][0]
    # The site's telephone number changed: every notice that shows the site's contact shows the new one.
    fresh = json.loads((tmp_path / "fresh-site.step0.json").read_text())["files"]
    assert {p: h for p, (h, _) in files[5].items()} == {p: h for p, (h, _) in fresh.items()}
    assert b"010-87654321" in (tmp_path / "kept" / page).read_bytes()


MOMENT, LATER = "截至2025年4月28日 10:00（本页生成时）", "截至2025年4月28日 10:07（本页生成时）"


def test_the_moment_is_replaced_only_where_it_is_the_as_of_text() -> None:
    page = f"<p>状态 <span data-window-as-of>{MOMENT}</span></p><span data-window-as-of>{MOMENT}</span>".encode()
    assert moment_replaced(page, MOMENT, LATER) == page.replace(MOMENT.encode(), LATER.encode())
    assert moment_replaced(b"<p>no moment</p>", MOMENT, LATER) == b"<p>no moment</p>"
    elsewhere = page + f'<a title="{MOMENT}">'.encode()
    assert moment_replaced(elsewhere, MOMENT, LATER) is None  # cannot be shown harmless: the page is written anew


def test_a_page_is_kept_only_when_written_from_the_same_key(tmp_path: Path) -> None:
    folder = PreviewFolder()
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(f"<span data-window-as-of>{MOMENT}</span>", encoding="utf-8")
    assert not folder.keep_page(tmp_path, "a/index.html", b"key", MOMENT)  # never written by this process
    folder.wrote_page("a/index.html", b"key", MOMENT)
    assert not folder.keep_page(tmp_path, "a/index.html", b"other key", MOMENT)
    assert folder.keep_page(tmp_path, "a/index.html", b"key", MOMENT)
    assert folder.keep_page(tmp_path, "a/index.html", b"key", LATER)  # kept, with the moment brought up to date
    assert page.read_text(encoding="utf-8") == f"<span data-window-as-of>{LATER}</span>"
    folder.wrote_page("a/index.html", None, LATER)  # written from no key: never kept
    assert not folder.keep_page(tmp_path, "a/index.html", b"key", LATER)
    folder.wrote_page("a/index.html", b"key", LATER)
    folder.forget()  # a rebuild failed while writing
    assert not folder.keep_page(tmp_path, "a/index.html", b"key", LATER)
    folder.wrote_page("a/index.html", b"key", LATER)
    page.unlink()
    assert not folder.keep_page(tmp_path, "a/index.html", b"key", LATER)


def test_a_file_is_kept_when_its_bytes_are_the_ones_last_written_and_stale_files_go(tmp_path: Path) -> None:
    folder = PreviewFolder()
    assert not folder.keep_file(tmp_path, "feed.xml", digest("<rss/>"))  # to be written now
    (tmp_path / "feed.xml").write_text("<rss/>", encoding="utf-8")
    assert folder.keep_file(tmp_path, "feed.xml", digest("<rss/>")) and folder.kept == 1
    assert not folder.keep_file(tmp_path, "feed.xml", digest(b"<rss></rss>"))
    (tmp_path / "old" / "x").mkdir(parents=True)
    (tmp_path / "old" / "x" / "index.html").write_text("旧", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("", encoding="utf-8")
    assert folder.remove_stale(tmp_path, {"feed.xml"}, spared=("pagefind/",)) == ["old/x/index.html"]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["feed.xml", "pagefind.js"]


def test_the_link_check_reads_again_only_a_file_written_since(tmp_path: Path) -> None:
    untouched, made = Untouched(), []
    page = tmp_path / "index.html"
    page.write_text("一", encoding="utf-8")
    first = untouched.get("scan", page, lambda: made.append(1) or "first")
    again = untouched.get("scan", page, lambda: made.append(2) or "again")
    assert (first, again, made) == ("first", "first", [1])
    page.write_text("二二", encoding="utf-8")
    assert untouched.get("scan", page, lambda: "written since") == "written since"


def test_the_link_check_reads_an_untouched_file_again_for_another_site_address(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="https://a.example/gone/">旧</a>', encoding="utf-8")
    untouched = Untouched()
    at_a = check_site(tmp_path, "https://a.example/", untouched=untouched)
    at_b = check_site(tmp_path, "https://b.example/", untouched=untouched)  # the same bytes, another address
    assert [b.target for b in at_a.broken] == ["https://a.example/gone/"] and not at_a.external
    assert not at_b.broken and list(at_b.external) == ["https://a.example/gone/"]


def test_a_page_whose_moment_alone_was_brought_up_to_date_is_not_read_again_by_the_link_check(tmp_path: Path
                                                                                              ) -> None:
    untouched = Untouched()
    folder = PreviewFolder(untouched.rewritten)
    old, new = "截至2026年12月5日 12:00（本页生成时）", "截至2026年12月5日 12:01（本页生成时）"
    page, other = tmp_path / "index.html", tmp_path / "other.html"
    for path in (page, other):
        path.write_text(f'<a href="#x">x</a><span data-window-as-of>{old}</span>', encoding="utf-8")
        folder.wrote_page(path.name, b"key", old)
        assert untouched.get("links", path, lambda: "read") == "read"
    assert folder.keep_page(tmp_path, "index.html", b"key", new)
    assert new in page.read_text(encoding="utf-8")
    assert untouched.get("links", page, lambda: "read again") == "read"
    # Written otherwise (here: by hand, between the check's read and the moment's update): read again.
    other.write_text(f'<a href="#y">y</a><span data-window-as-of>{old}</span>', encoding="utf-8")
    assert folder.keep_page(tmp_path, "other.html", b"key", new)
    assert untouched.get("links", other, lambda: "read again") == "read again"


@pytest.mark.parametrize("later", [LATER, "截至2026年12月10日 09:05（本页生成时）"], ids=["as long", "longer"])
def test_a_kept_pages_moment_is_brought_up_to_date_each_time_it_is_the_as_of_text(tmp_path: Path, later: str
                                                                                   ) -> None:
    page = tmp_path / "index.html"
    text = (f"<p>状态<span data-window-as-of>{MOMENT}</span></p>{'<p>正文</p>' * 5000}"
            f"<div><span data-window-as-of>{MOMENT}</span></div>")
    page.write_text(text, encoding="utf-8")
    folder = PreviewFolder()
    folder.wrote_page("index.html", b"key", MOMENT)
    assert folder.keep_page(tmp_path, "index.html", b"key", later)
    assert page.read_text(encoding="utf-8") == text.replace(MOMENT, later)
