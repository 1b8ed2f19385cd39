"""Notice files read on every core (load/project.py, read_notices): the same records and the same messages,
in the same order, as reading them one after the other; a helper process that fails is never a build's cause."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, TEST_DATA

from disclosures.core.cache import ContentCache
from disclosures.load import project
from disclosures.load.project import read_notice, read_notices


def _files(tmp_path: Path) -> list[tuple[Path, str]]:
    folder = tmp_path / "disclosures"
    shutil.copytree(TEST_DATA / "fictional" / "disclosures", folder)
    for notice in (TEST_DATA / "search" / "disclosures").glob("*.yml"):
        shutil.copy2(notice, folder)
    shutil.copy2(ROOT / "data" / "disclosures" / "zhongshan-procuratorate-2025-04-27.yml", folder)
    (folder / "broken.yml").write_text("id: broken\ntitle: [未闭合\n", encoding="utf-8")
    (folder / "wrong-date.yml").write_text("id: wrong-date\npublished: 2025-02-30\n", encoding="utf-8")
    return [(p, f"disclosures/{p.name}") for p in sorted(folder.glob("*.yml"))]


@pytest.fixture()
def everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project, "PARALLEL_FROM", 1)
    monkeypatch.setattr(project.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)


def test_reading_on_every_core_gives_what_reading_in_turn_gives(tmp_path: Path, everywhere: None) -> None:
    files = _files(tmp_path)
    assert len(files) >= 8
    assert read_notices(files, None) == [read_notice(path, name) for path, name in files]


def test_records_read_by_helpers_are_stored_as_they_came_and_read_back_alike(tmp_path: Path, everywhere: None
                                                                              ) -> None:
    files = _files(tmp_path)
    cache = ContentCache(tmp_path / "cache")
    first = read_notices(files, cache)
    assert first == [read_notice(path, name) for path, name in files]
    assert len(list((cache.folder / "notice").iterdir())) == len(files)  # broken files too: their messages
    again = ContentCache(tmp_path / "cache")
    assert read_notices(files, again) == first


@pytest.mark.parametrize("helper", [
    "cat >/dev/null; echo broken; exit 3",  # not a record at all
    "cat >/dev/null; printf '\\003\\000\\000\\000\\000\\000\\000\\000abc'",  # a frame that holds no record
])
def test_a_helper_that_fails_leaves_its_files_to_the_build(tmp_path: Path, everywhere: None,
                                                           monkeypatch: pytest.MonkeyPatch, helper: str) -> None:
    files = _files(tmp_path)
    def failing(part: list[tuple[Path, str]]) -> subprocess.Popen:
        child = subprocess.Popen(["sh", "-c", helper], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        child.stdin.close()
        return child

    monkeypatch.setattr(project, "_start_reading", failing)
    assert read_notices(files, None) == [read_notice(path, name) for path, name in files]
