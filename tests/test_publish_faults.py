"""Fault injection: a build never loses or mislabels the published site.

Two builds at once, a build killed at any point of its swap (the kill injected by patching the step, not
by timing luck), a full disk, a read-only folder, a mount point, a symlinked site folder, an unremovable
leftover: afterwards a complete site is at the published path, the message says what happened in one
Chinese line without a traceback, and the next build cleans up and succeeds.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import REAL_ID, ROOT, make_project, run_build
from helpers import modules_running_in, staging_left, tree

from disclosures.publish import manifest
from disclosures.publish.staging import old_path, os_failure

pytestmark = pytest.mark.build

NOT_BUILT = "未生成网站，原有的 site/ 保持不变。"
# A build run with one step patched: the patch is a sitecustomize module on PYTHONPATH, so that every Python
# process of the build has it (the finishing pass's worker too), and MKDOCS runs mkdocs as its command line would.
INJECT = """
import errno, os, signal, sys
{patch}
"""
MKDOCS = """
import sys
sys.argv = ["mkdocs", "build", "--strict"]
from mkdocs.__main__ import cli
cli()
"""


def _env(now: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_NOW"}
    # Clean builds: the faults are injected into work (Pagefind, the .gz copies) a warm cache would skip.
    env.update(NO_MKDOCS_2_WARNING="1", DISCLOSURE_NOW=now, TMPDIR=str(tmp), DISCLOSURE_CLEAN_BUILD="1")
    return env


def build_with_fault(project: Path, patch: str, now: str = "2025-04-28") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", MKDOCS], cwd=project, env=_fault_env(project, patch, now),
                          capture_output=True, text=True, timeout=300)


def _fault_env(project: Path, patch: str, now: str) -> dict[str, str]:
    injected = project / "fault"
    injected.mkdir(exist_ok=True)
    (injected / "sitecustomize.py").write_text(INJECT.format(patch=patch), encoding="utf-8")
    env = _env(now, project / "tmp")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(injected), env.get("PYTHONPATH", "")) if p)
    return env


def complete(site: Path) -> bool:
    """A whole site: every file its own manifest lists, unchanged, and nothing else."""
    listed = site / manifest.MANIFEST
    return site.is_dir() and listed.is_file() and not manifest.verify(site, listed)


def shown_day(site: Path) -> str:
    """The reference day a build wrote into the notice page (截至…（本页生成时）)."""
    page = (site / "disclosures" / REAL_ID / "index.html").read_text(encoding="utf-8")
    return page.split("截至", 1)[1].split("（本页生成时）", 1)[0]


def leftovers(project: Path) -> list[str]:
    """What a build may leave only while it runs: staging folders (the old site, under a staging name, is
    deleted by another process as the build ends: staging_left waits for it), the search index's work folder."""
    return sorted(staging_left(project) + [p.name for p in (project / "tmp").iterdir()])


def pagefind_running(project: Path) -> list[str]:
    """Pagefind processes working for this project (their command line names its temporary folder)."""
    found = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout.splitlines()
    return [line for line in found if "pagefind" in line and str(project / "tmp") in line]


def finishing_orphans() -> list[str]:
    """Workers of the finishing pass (finishing.Finishing) whose build is gone: each names its build's process."""
    found = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout.splitlines()
    workers = [line for line in found if "disclosures.publish.finishing" in line and "ps -eo" not in line]
    return [line for line in workers if not Path(f"/proc/{line.split()[-1]}").exists()]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real notice's project, built once (site/ holds a complete old site)."""
    root = make_project(tmp_path / "project", ROOT / "data")
    (root / "tmp").mkdir()
    first = run_build(root, now="2025-04-28", extra_env={"TMPDIR": str(root / "tmp")})
    assert first.ok, first.result.stderr
    return root


def test_twenty_pairs_of_concurrent_builds_publish_one_after_the_other(project: Path, tmp_path: Path) -> None:
    """Each pair starts together with other reference times; the one that publishes last is in site/."""
    days = {"2025-05-01": "2025年5月1日", "2025-05-09": "2025年5月9日"}
    waited = 0
    for pair in range(20):
        finished: list[tuple[float, str, subprocess.CompletedProcess[str]]] = []

        def run(now: str) -> None:
            command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
            done = subprocess.run(command, cwd=project, env=_env(now, project / "tmp"), capture_output=True,
                                  text=True, timeout=300)
            finished.append((time.monotonic(), now, done))

        threads = [threading.Thread(target=run, args=(now,)) for now in days]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for _, now, done in finished:
            assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
            assert "INFO    -  网站已发布到" in done.stderr
        last = max(finished)[1]
        kept = tmp_path / f"manifest-{pair}"  # the manifest, kept outside site/
        shutil.copy2(project / "site" / manifest.MANIFEST, kept)
        verify = subprocess.run([sys.executable, "-m", "disclosures", "verify", "site", "--manifest", str(kept)],
                                cwd=project, capture_output=True, text=True)
        assert verify.returncode == 0, verify.stdout + verify.stderr
        assert shown_day(project / "site") == days[last], pair
        assert leftovers(project) == []
        waited += sum("另一次构建正在生成" in done.stderr for _, _, done in finished)
    assert waited >= 10  # most pairs met: the second waited for the first


# Points at which a build is killed (SIGKILL, so nothing of its own runs afterwards): a patch of the step.
KILL = "os.kill(os.getpid(), signal.SIGKILL)"
KILL_POINTS = {
    "while helper processes read the notices": f"""
import disclosures.load.project as p, time
if sys.orig_argv[-1] == "disclosures.load.readworker":  # in a helper: slow, so it outlives a build it does not die with
    real_read = p.read_notice
    def read_notice(*a, **k):
        time.sleep(30)
        return real_read(*a, **k)
    p.read_notice = read_notice
else:
    p.PARALLEL_FROM = 1  # the real notice alone: a helper per core all the same
    def from_helpers(helpers):
        time.sleep(1)  # the helpers have started
        {KILL}
    p._from_helpers = from_helpers""",
    "while staging is prepared": f"""
import disclosures.publish.staging as s
real = s.begin
def begin(*a, **k):
    staged = real(*a, **k)
    {KILL}
s.begin = begin""",
    "while MkDocs writes the pages": f"""
import mkdocs.utils as u
real, count = u.write_file, [0]
def write_file(*a, **k):
    count[0] += 1
    if count[0] == 5:
        {KILL}
    return real(*a, **k)
u.write_file = write_file""",
    "while Pagefind indexes": f"""
import disclosures.outputs.search as s, time
real = s.BackgroundIndex.publish
def publish(self, site_dir):
    while self._process is None:
        time.sleep(0.01)
    {KILL}
s.BackgroundIndex.publish = publish""",
    "while the .gz copies are written": f"""
import disclosures.publish.finishing as s, time
def finish(self, site_url):
    while self._worker is None:
        time.sleep(0.01)
    {KILL}
s.Finishing.finish = finish""",
    "before the swap": f"""
import disclosures.publish.staging as s
def publish(staging, site_dir):
    {KILL}
s.publish = publish""",
    "after the exchange, before the old site is deleted": f"""
import disclosures.publish.staging as s
real = s.exchange
def exchange(a, b):
    real(a, b)
    {KILL}
s.exchange = exchange""",
    "between the two renames (a file system that cannot exchange)": f"""
import disclosures.publish.staging as s
from pathlib import Path
def exchange(a, b):
    raise OSError(errno.EINVAL, "no exchange here")
s.exchange = exchange
real = Path.rename
def rename(self, target):
    result = real(self, target)
    if Path(target).name.endswith(".old"):
        {KILL}
    return result
Path.rename = rename""",
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_build_killed_at_any_point_leaves_a_complete_site_and_the_next_build_cleans_up(
        project: Path, point: str) -> None:
    old = tree(project / "site")
    killed = build_with_fault(project, KILL_POINTS[point], now="2025-05-09")
    assert killed.returncode == -signal.SIGKILL
    time.sleep(0.5)  # the kernel delivers the parent-death signal to Pagefind
    assert pagefind_running(project) == [] and finishing_orphans() == [] and modules_running_in(project, "disclosures.load.readworker") == []
    site = project / "site"
    if point.startswith("between the two renames"):
        # The one window the fallback has: the old site waits under its .old name until the next build.
        assert not site.exists() and complete(old_path(site.resolve()))
    else:
        assert complete(site)
        assert tree(site) == old or shown_day(site) == "2025年5月9日"
    again = run_build(project, now="2025-05-09", extra_env={"TMPDIR": str(project / "tmp")})
    assert again.ok, again.result.stderr
    assert complete(site) and shown_day(site) == "2025年5月9日"
    assert leftovers(project) == []


def test_the_fallback_puts_the_old_site_back_before_anything_else(project: Path) -> None:
    """After a kill between the two renames, a build that then fails still leaves the old site in place."""
    old = tree(project / "site")
    build_with_fault(project, KILL_POINTS["between the two renames (a file system that cannot exchange)"])
    notice = next((project / "data" / "disclosures").glob("*.yml"))
    notice.write_text(notice.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"), encoding="utf-8")
    failed = run_build(project, extra_env={"TMPDIR": str(project / "tmp")})
    assert not failed.ok and NOT_BUILT in failed.result.stderr
    assert tree(project / "site") == old


# Operating-system failures, injected where a real one would strike.
OS_FAILURES = {
    "a full disk while the pages are written": ("""
import mkdocs.utils as u
real, count = u.write_file, [0]
def write_file(content, path):
    count[0] += 1
    if count[0] == 3:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
    return real(content, path)
u.write_file = write_file""", "磁盘空间已满"),
    "a full disk while the feeds and open data are written": ("""
import disclosures.outputs.assetspill as a
real = a.SpillFolder.put
def put(self, path, content):
    if path.endswith(".json"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.folder / path))
    return real(self, path, content)
a.SpillFolder.put = put""", "磁盘空间已满"),
    "a full disk while the .gz copies are written": ("""
import disclosures.publish.compress as c
def write_gzip(path, *args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path) + ".gz")
c.write_gzip = write_gzip""", "磁盘空间已满"),
    "the finishing pass's worker killed": ("""
if sys.orig_argv[-2:-1] == ["disclosures.publish.finishing"]:  # in the worker only
    import disclosures.publish.finishing as f
    def finish_file(*a, **k):
        os.kill(os.getpid(), signal.SIGKILL)
    f.finish_file = finish_file""", "后台进程意外退出"),
    "a full disk while the search index is moved in": ("""
import disclosures.outputs.search as s, shutil
def move(source, target, *a, **k):
    written = str(target) + "/pagefind.js"
    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source) + "/pagefind.js", None, written)
    raise shutil.Error([(str(source) + "/pagefind.js", written, str(error))])
s.shutil.move = move""", "磁盘空间已满"),
    "a read-only folder for the staging folder": ("""
from pathlib import Path
real = Path.mkdir
def mkdir(self, *a, **k):
    if self.name.startswith(".staging-"):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
    return real(self, *a, **k)
Path.mkdir = mkdir""", "所在的文件系统是只读的"),
    "no permission to swap": ("""
import disclosures.publish.staging as s
def exchange(a, b):
    raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(b))
s.exchange = exchange""", "没有写入权限"),
    "a mount point": ("""
import os.path
real = os.path.ismount
os.path.ismount = lambda path: str(path).endswith("/site") or real(path)""", "是挂载点"),
}


@pytest.mark.parametrize("failure", list(OS_FAILURES))
def test_an_operating_system_failure_keeps_the_old_site_with_one_chinese_line(project: Path, failure: str) -> None:
    patch, cause = OS_FAILURES[failure]
    old = tree(project / "site")
    failed = build_with_fault(project, patch)
    assert failed.returncode == 1
    output = failed.stdout + failed.stderr
    assert "Traceback" not in output and cause in output and NOT_BUILT in output, output
    assert tree(project / "site") == old
    assert leftovers(project) == []


def test_a_copy_onto_a_full_disk_names_the_file_it_could_not_write(tmp_path: Path) -> None:
    """shutil.copyfile's error on a full disk names the file it read first and the one it wrote second."""
    source, written = tmp_path / "venv" / "main.css", tmp_path / "site" / "assets" / "main.css"
    line = os_failure(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source), None, str(written)),
                      tmp_path / "site")
    assert str(written) in line and str(source) not in line and "磁盘空间已满" in line
    assert str(source) in os_failure(OSError(errno.EACCES, os.strerror(errno.EACCES), str(source)), tmp_path)


def test_a_folder_copy_onto_a_full_disk_is_one_line_naming_the_first_file_it_could_not_write(tmp_path: Path
                                                                                              ) -> None:
    """shutil.copytree (and shutil.move across file systems) goes on after a failure and raises one
    shutil.Error listing every file: the line names the first file written and the cause, in Chinese."""
    source = tmp_path / "index"
    (source / "fragment").mkdir(parents=True)
    for name in ("pagefind.js", "fragment/a.pf_fragment", "fragment/b.pf_fragment"):
        (source / name).write_text("x", encoding="utf-8")

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), src, None, dst)
    with pytest.raises(shutil.Error) as caught:
        shutil.copytree(source, tmp_path / "site" / "pagefind", copy_function=full)
    line = os_failure(caught.value, tmp_path / "site")
    first = caught.value.args[0][0][1]
    assert line == f"无法写入 {first}：磁盘空间已满，请腾出空间后再生成。", line
    assert "\n" not in line and "Errno" not in line and str(source) not in line


def test_an_unremovable_leftover_does_not_stop_the_build_or_touch_the_site(project: Path) -> None:
    stuck = project / ".staging-site.4242-deadbeef"
    (stuck / "assets").mkdir(parents=True)
    patch = f"""
import shutil
real = shutil.rmtree
def rmtree(path, *a, **k):
    if str(path) == {str(stuck)!r}:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
    return real(path, *a, **k)
shutil.rmtree = rmtree"""
    built = build_with_fault(project, patch, now="2025-05-09")
    assert built.returncode == 0, built.stderr
    assert f"上次中断的构建留下的 {stuck} 无法删除" in built.stderr
    assert complete(project / "site") and shown_day(project / "site") == "2025年5月9日"


def test_a_symlinked_site_folder_is_updated_where_it_points(project: Path, tmp_path: Path) -> None:
    web_root = tmp_path / "www" / "html"
    web_root.parent.mkdir()
    shutil.move(project / "site", web_root)
    (project / "site").symlink_to(web_root)
    built = run_build(project, now="2025-05-09", extra_env={"TMPDIR": str(project / "tmp")})
    assert built.ok, built.result.stderr
    assert (project / "site").is_symlink() and (project / "site").resolve() == web_root
    assert complete(web_root) and shown_day(web_root) == "2025年5月9日"
    beside = lambda: sorted(p.name for p in web_root.parent.iterdir())  # noqa: E731
    deadline = time.monotonic() + 30  # the old site, beside its new one, is deleted by another process
    while beside() != [".html.lock", "html"] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert beside() == [".html.lock", "html"]


def test_a_term_or_interrupt_removes_its_work(project: Path) -> None:
    """SIGTERM (a service stopped) ends the build like Ctrl-C: no staging folder, no Pagefind, the old site."""
    old = tree(project / "site")
    patch = """
import disclosures.outputs.search as s, time
real = s.BackgroundIndex.publish
def publish(self, site_dir):
    while self._process is None:
        time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
s.BackgroundIndex.publish = publish"""
    stopped = build_with_fault(project, patch, now="2025-05-09")
    assert stopped.returncode == 128 + signal.SIGTERM
    assert "构建被终止（SIGTERM）" in stopped.stderr and "Traceback" not in stopped.stderr
    assert tree(project / "site") == old and leftovers(project) == [] and pagefind_running(project) == []


def test_a_second_build_waits_and_names_the_running_one(project: Path) -> None:
    from disclosures.publish.buildlock import BuildLock

    lock = BuildLock((project / "site").resolve())
    lock.acquire(lambda who: None)
    waiting = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                               env=_env("2025-05-09", project / "tmp"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    assert waiting.poll() is None  # still waiting
    lock.release()
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert f"另一次构建正在生成 {project / 'site'}（进程 {os.getpid()}，" in err


def test_rebuild_when_due_never_runs_twice_at_once(project: Path) -> None:
    import fcntl

    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "rebuild-when-due", project / "scripts")
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / ".cache").mkdir(exist_ok=True)  # the first build made it (its build cache)
    env = _env("2025-05-09", project / "tmp")
    with open(project / ".cache" / "rebuild-when-due.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a run still working
        skipped = subprocess.run(["scripts/rebuild-when-due"], cwd=project, env=env, capture_output=True, text=True)
        assert skipped.returncode == 0 and skipped.stderr == "" and not (project / ".cache" / "last-build").exists()
    ran = subprocess.run(["scripts/rebuild-when-due"], cwd=project, env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert (project / ".cache" / "last-build").is_file() and shown_day(project / "site") == "2025年5月9日"
