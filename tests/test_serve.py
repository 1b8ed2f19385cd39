"""`mkdocs serve`, the clerk's preview: the search index is made in the background there too, and remade on edits."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REAL_ID, ROOT, make_project

from disclosures.publish import staging

pytestmark = pytest.mark.build


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def _wait_for(check, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    return None


# As `make serve` runs it (--dirty: a rebuild keeps what did not change) and as plain `mkdocs serve`.
@pytest.mark.parametrize("options", [["--dirty"], []], ids=["make serve", "mkdocs serve"])
def test_the_preview_has_a_search_index_and_remakes_it_after_an_edit(tmp_path: Path, options: list[str]) -> None:
    project = make_project(tmp_path / "p", ROOT / "data")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_NOW"}
    env.update(NO_MKDOCS_2_WARNING="1", DISCLOSURE_NOW="2025-04-28", TMPDIR=str(temporary))
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        def entry() -> dict | None:
            body = _get(base + "pagefind/pagefind-entry.json")
            return json.loads(body) if body else None

        first = _wait_for(entry)
        assert first and first["languages"]["zh-cn"]["page_count"] == 2  # the notice and the glossary
        notice = project / "data" / "disclosures" / f"{REAL_ID}.yml"
        notice.write_text(notice.read_text(encoding="utf-8").replace("\ntitle: 中共", "\ntitle: 预览中共"),
                          encoding="utf-8")
        changed = _wait_for(lambda: (e := entry()) and e != first and e)
        assert changed, "the index was not remade after the edit"
        page = _get(base + f"disclosures/{REAL_ID}/")
        assert page and "预览中共".encode() in page
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[1]
    assert "Traceback" not in log and "搜索索引：2 个页面" in log and "dirty" not in log
    assert list(temporary.glob("disclosures-search-*")) == []  # each build's index folder was moved in or removed
    # The preview before the edit was emptied at once and deleted by another process (staging.empty_at_once).
    assert _wait_for(lambda: not list(temporary.glob(".mkdocs_*-old-*")), 20) is not None


def test_a_folder_is_emptied_at_once_and_its_old_content_deleted_aside(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "page.html").write_text("页面", encoding="utf-8")
    (folder / "feed.xml").write_text("<rss/>", encoding="utf-8")
    staging.empty_at_once(folder)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert _wait_for(lambda: list(tmp_path.iterdir()) == [folder], 20)  # the renamed entries, deleted
    staging.empty_at_once(folder)  # an empty folder: nothing to do
    assert list(tmp_path.iterdir()) == [folder]
