"""The helper that makes notices' products ahead of a first build (disclosures/buildahead.py and aheadworker.py, issue #27).

What it stores is what the build would make, so the build reads it as it reads an earlier build's: a first
build with the helper writes the clean build's site, byte for byte; and a build whose helper has made every
notice's products makes none of them itself.
"""

from __future__ import annotations

import io
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, make_project, run_build
from helpers import modules_running_in, tree
from portal_data import BUILD_DAY, write_portal

from disclosures import aheadworker, build, buildahead
from disclosures.core.cache import ContentCache, code_version

pytestmark = pytest.mark.build

# A build in a process of its own, with the helper started for any number of notices, or (MADE_NONE) with the
# makers of a notice's products replaced by a failure: a build that still succeeds made none of them.
WITH_HELPER = ("import disclosures.buildahead as a; a.AHEAD_FROM = 1; "
               "import sys; sys.argv = ['mkdocs', 'build', '--strict']; from mkdocs.__main__ import cli; cli()")
MADE_NONE = ("import disclosures.build as b, disclosures.outputs.assets as s\n"
             "def made(*args, **kwargs): raise AssertionError('the build made a product the helper had made')\n"
             "b.finished_views = b.render_notice = b.render_poster = s.FeedItems._made = s._open_data = made\n"
             "import sys; sys.argv = ['mkdocs', 'build', '--strict']; from mkdocs.__main__ import cli; cli()")
NOTICE_KINDS = ("light views", "finished views", "render", "render poster", "feed-items", "open data")


def _portal(folder: Path) -> Path:
    data = folder / "data-source" / "data"
    write_portal(data, 4)  # 4 units over 4 rounds, a few skipped: 15 notices
    return make_project(folder / "project", data)


def _build(project: Path, code: str | None = None, clean: bool = False) -> None:
    if code is None:
        built = run_build(project, now=BUILD_DAY, extra_env={"DISCLOSURE_CLEAN_BUILD": "1"} if clean else {})
        assert built.ok, built.result.stderr
        return
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISCLOSURE_NOW": BUILD_DAY}
    done = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr


def _entries(project: Path, kind: str) -> int:
    folder = project / ".cache" / "build" / code_version() / kind
    return len([p for p in folder.iterdir() if not p.name.startswith(".")]) if folder.is_dir() else 0


def _clean_site(project: Path) -> dict[str, bytes]:
    """What a clean build (no cache) of project publishes, file by file."""
    _build(project, clean=True)
    return tree(project / "site")


def _run_helper(jobs: list[object]) -> None:
    """The helper's process alone, given the jobs a build sent it (_jobs_sent)."""
    done = subprocess.run([sys.executable, "-m", "disclosures.aheadworker"], cwd=ROOT, timeout=300,
                          input=b"".join(pickle.dumps(job, protocol=5) for job in jobs), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def _jobs_sent(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object]]:
    """What a first build's prepare() sends its helper (kept instead of sent), and the notices it shows."""
    jobs: list[object] = []

    class Recording(buildahead.Ahead):
        def start(self, job: buildahead.ViewsJob) -> None:
            jobs.append(job)

        def pages(self, job: buildahead.PagesJob) -> None:
            jobs.append(job)
    monkeypatch.setattr(build, "Ahead", Recording)
    monkeypatch.setattr(buildahead, "AHEAD_FROM", 1)
    return jobs, list(build.prepare(project, {"DISCLOSURE_NOW": BUILD_DAY}).notices)


def test_a_first_build_with_the_helper_is_the_clean_build(tmp_path: Path) -> None:
    project = _portal(tmp_path)
    clean = tmp_path / "clean"
    shutil.copytree(project, clean)
    _build(project, WITH_HELPER)
    assert tree(project / "site") == _clean_site(clean)


def test_the_helper_makes_every_notice_product_and_the_build_then_makes_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _portal(tmp_path)
    jobs, shown = _jobs_sent(project, monkeypatch)
    assert [type(job) for job in jobs] == [buildahead.ViewsJob, buildahead.PagesJob]
    assert len(jobs[0].notices) == len(shown) > 10  # type: ignore[attr-defined]

    shutil.rmtree(project / ".cache")  # the helper alone fills an empty cache, as a process of its own
    _run_helper(jobs)
    assert {kind: _entries(project, kind) for kind in NOTICE_KINDS} == {kind: len(shown) for kind in NOTICE_KINDS}

    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns(".cache"))
    _build(project, MADE_NONE)  # every notice's products read from what the helper stored
    assert tree(project / "site") == _clean_site(clean)


def test_a_helper_given_a_notice_changed_since_the_build_read_it_makes_nothing_of_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _portal(tmp_path)
    jobs, shown = _jobs_sent(project, monkeypatch)
    shutil.rmtree(project / ".cache")
    name = jobs[0].notices[0][0]  # type: ignore[attr-defined]
    path = project / name
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    _run_helper(jobs)
    assert {kind: _entries(project, kind) for kind in NOTICE_KINDS} == {kind: len(shown) - 1 for kind in NOTICE_KINDS}


def _full_view_reads(monkeypatch: pytest.MonkeyPatch) -> dict[bytes, int]:
    """How often each notice's full views (by their key) are read or made from now on, in this process."""
    reads: dict[bytes, int] = {}
    real = ContentCache.get_or_make_record

    def counted(self: ContentCache, kind: str, data: bytes, *args, **kwargs) -> object:
        if kind == "finished views":
            reads[data] = reads.get(data, 0) + 1
        return real(self, kind, data, *args, **kwargs)
    monkeypatch.setattr(ContentCache, "get_or_make_record", counted)
    return reads


def test_the_helper_reads_each_notices_full_view_once_for_its_three_products(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After making a notice's views, the helper reads its full view from the cache once for the renders, the
    feed items and the open data together (each unpickle of one is about 80 KB), not once for each."""
    project = _portal(tmp_path)
    jobs, shown = _jobs_sent(project, monkeypatch)
    shutil.rmtree(project / ".cache")
    reads = _full_view_reads(monkeypatch)
    aheadworker.make_ahead(io.BytesIO(b"".join(pickle.dumps(job, protocol=5) for job in jobs)))
    assert len(reads) == len(shown) > 10
    assert set(reads.values()) == {2}  # made with the light views, then read once for the products
    assert {kind: _entries(project, kind) for kind in NOTICE_KINDS} == {kind: len(shown) for kind in NOTICE_KINDS}


def test_a_build_reads_each_notices_full_view_once_for_the_products_it_makes_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the helper (15 notices: fewer than AHEAD_FROM), the build makes every notice's renders, feed
    items and open data itself, in one pass per notice as the helper does: its full view is read from the
    cache once for the three, after the light views were made of it."""
    project = _portal(tmp_path)
    reads = _full_view_reads(monkeypatch)
    made = build.prepare(project, {"DISCLOSURE_NOW": BUILD_DAY})
    assert buildahead.AHEAD_FROM > len(made.notices) > 10
    assert len(reads) == len(made.notices) and set(reads.values()) == {2}
    assert {kind: _entries(project, kind) for kind in NOTICE_KINDS} == {kind: len(made.notices) for kind in NOTICE_KINDS}


# A build killed (SIGKILL) while its helper works: a sitecustomize module, so that the helper's process has the
# patch too. The helper is slowed so that it would outlive a build it did not die with.
KILLED_WHILE_HELPED = """
import os, signal, sys, time
import disclosures.buildahead as a
if sys.orig_argv[-1] == "disclosures.aheadworker":  # before it runs as __main__, which takes the name from build
    import disclosures.build as b
    real = b.finished_views
    def finished_views(*args, **kwargs):
        time.sleep(30)
        return real(*args, **kwargs)
    b.finished_views = finished_views
else:
    a.AHEAD_FROM = 1
    real_start = a.Ahead.start
    def start(self, job):
        real_start(self, job)
        time.sleep(1)  # the helper has started
        os.kill(os.getpid(), signal.SIGKILL)
    a.Ahead.start = start
"""


def _build_patched(project: Path, patch: str) -> subprocess.CompletedProcess[bytes]:
    """A build whose processes (the helper's too) run patch first, as a sitecustomize module."""
    injected = project.parent / "fault"
    injected.mkdir()
    (injected / "sitecustomize.py").write_text(patch, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISCLOSURE_NOW": BUILD_DAY,
           "PYTHONPATH": os.pathsep.join(p for p in (str(injected), os.environ.get("PYTHONPATH", "")) if p)}
    code = "import sys; sys.argv = ['mkdocs', 'build', '--strict']; from mkdocs.__main__ import cli; cli()"
    return subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, timeout=300)


def test_the_helper_dies_with_a_killed_build_and_the_next_build_is_the_clean_build(tmp_path: Path) -> None:
    project = _portal(tmp_path)
    killed = _build_patched(project, KILLED_WHILE_HELPED)
    assert killed.returncode == -9, killed.stderr.decode()
    time.sleep(0.5)  # the kernel delivers the parent-death signal
    assert modules_running_in(project, "disclosures.aheadworker") == []
    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    _build(project)  # over whatever the killed helper left in the cache
    assert tree(project / "site") == _clean_site(clean)


# A helper that fails at its first notice: the build, which never waits for it, makes everything itself.
HELPER_FAILS = """
import sys
import disclosures.buildahead as a
a.AHEAD_FROM = 1
if sys.orig_argv[-1] == "disclosures.aheadworker":
    import disclosures.build as b
    def light_views(*args, **kwargs):
        raise RuntimeError("the helper fails")
    b.light_views = light_views
"""


def test_a_build_whose_helper_fails_is_the_clean_build(tmp_path: Path) -> None:
    project = _portal(tmp_path)
    clean = tmp_path / "clean"
    shutil.copytree(project, clean)
    built = _build_patched(project, HELPER_FAILS)
    assert built.returncode == 0, built.stderr.decode()
    assert _entries(project, "light views") > 0  # made by the build itself
    assert tree(project / "site") == _clean_site(clean)
