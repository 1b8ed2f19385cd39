"""Preview benchmark: how long a clerk waits, under `mkdocs serve`, from saving a notice to seeing the change.

    .venv/bin/python bench/preview.py PROJECT            # a project folder as bench/run.py makes them
    .venv/bin/python bench/portal.py --sizes 100 --preview  # the usual way: after the portal's builds

Starts `mkdocs serve --livereload --dirty` on a free local port (the server as `make serve` runs it, with
bench/run.py's build environment; --dirty: a rebuild keeps the files that did not change), waits for the first build to be served, then twice (two notices):

- saves an edit to the notice's YAML (its title gets the prefix 更正, as bench/portal.py's edit);
- polls the notice's page over HTTP every 50 ms until the served HTML holds the new title;
- waits for the search index of that rebuild, which the preview moves in after the page (its time is
  "index"), so that each edit meets an idle server, as a clerk's next edit does.

The figure is save -> the page served with the change, which is what a reader's tab shows after live reload
(the server holds any page request made during a rebuild until the rebuild is done, so the first response
with the change comes right after the rebuild). Beside it, on the same edit: when a tab waiting for live
reload was told to reload (the long poll of /livereload/<epoch>/… that MkDocs' injected script makes,
answered as the rebuild is done), and from the server's log, when it saw the change ("Detected file
changes") and when the rebuild was done ("Reloading browsers"). No real browser: the reload itself
(re-fetching the page and its assets from a warm cache) is not timed.

Also: the time to the first served build and the server's peak memory (VmHWM of the mkdocs process, read
before it is stopped, and the peak of it and its children, such as Pagefind, as wait4 reports it).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import build_env  # noqa: E402

from disclosures.core.texts import BUILD_SEARCH_INDEX  # noqa: E402
from disclosures.core.urls import notice_url  # noqa: E402

INDEX_LINE = BUILD_SEARCH_INDEX.split("{")[0]  # 搜索索引：… the preview logs when the index is moved in

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.05
EDITS = 2
STOP_GRACE_SECONDS = 30  # for on_shutdown (stops Pagefind, removes the temporary folder) before a kill
# The script MkDocs injects into every served page: livereload(<epoch the page was built at>, <request id>).
_EPOCH = re.compile(rb"livereload\((\d+), (\d+)\);")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServerLog:
    """The server's stderr, each line with the monotonic time it arrived (MkDocs stamps only whole seconds).
    Read in a thread: also keeps the pipe drained, or a chatty build would block on a full pipe."""

    lines: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def follow(self, stream) -> None:
        for line in stream:
            with self.lock:
                self.lines.append((time.monotonic(), line.rstrip("\n")))

    def first_after(self, since: float, text: str) -> float | None:
        with self.lock:
            return next((t for t, line in self.lines if t >= since and text in line), None)

    def tail(self, n: int = 30) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines[-n:])


def fetch(url: str, timeout: float) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start_server(project: Path, port: int, log: ServerLog) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}", "--livereload", "--dirty"],
        cwd=project, env=build_env(project, own_package=False), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)  # its own process group: stopping it stops Pagefind too, and nothing of ours
    threading.Thread(target=log.follow, args=(server.stdout,), daemon=True).start()
    return server


def _alive(server: subprocess.Popen, log: ServerLog) -> None:
    if server.poll() is not None:
        raise RuntimeError(f"mkdocs serve exited with {server.returncode}:\n{log.tail()}")


def wait_served(server: subprocess.Popen, log: ServerLog, url: str, timeout: float) -> None:
    """Until the root answers 200: MkDocs binds its port only after the first build."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _alive(server, log)
        try:
            if fetch(url, timeout=timeout)[0] == 200:
                return
        except OSError:  # not listening yet
            pass
        time.sleep(0.2)
    raise TimeoutError(f"mkdocs serve did not serve {url} within {timeout:.0f} s:\n{log.tail()}")


def _wait_reload(base: str, epoch: bytes, told: list[float]) -> None:
    """What the injected script does: a long poll that MkDocs answers with a newer epoch once a rebuild is
    visible (or with the same epoch after a minute, when the script asks again)."""
    while True:
        try:
            status, body = fetch(f"{base}livereload/{epoch.decode()}/1", timeout=120)
        except OSError:
            return  # the server stopped
        if status == 200 and int(body) > int(epoch):
            told.append(time.monotonic())
            return


def one_edit(server: subprocess.Popen, log: ServerLog, base: str, notice: Path, timeout: float) -> dict:
    """Save one edit to the notice's title; seconds from the save to each sign of it (None: not seen)."""
    page = base + notice_url(notice_id(notice))
    text = notice.read_text(encoding="utf-8")
    edited = text.replace("\ntitle: ", "\ntitle: 更正", 1)
    assert edited != text, f"{notice} has no title line"
    # The new title as the page would show it (parsed, since YAML may quote it; escaped as HTML text).
    wanted = html.escape(yaml.safe_load(edited)["title"], quote=False).encode()
    status, body = fetch(page, timeout=timeout)
    assert status == 200 and wanted not in body, f"{page} is not served, or holds the new title already"
    epoch = _EPOCH.search(body)
    told: list[float] = []
    waiter = threading.Thread(target=_wait_reload, args=(base, epoch[1], told), daemon=True) if epoch else None
    if waiter:
        waiter.start()
        time.sleep(0.2)  # so that the long poll is waiting before the save, as a reader's open tab is
    notice.write_text(edited, encoding="utf-8")
    saved = time.monotonic()
    deadline = saved + timeout
    while True:
        _alive(server, log)
        if wanted in fetch(page, timeout=timeout)[1]:
            served = time.monotonic()
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page} did not show the edit within {timeout:.0f} s:\n{log.tail()}")
        time.sleep(POLL_SECONDS)
    if waiter:
        waiter.join(timeout=5)

    def since(t: float | None) -> float | None:
        return None if t is None else t - saved

    indexed = wait_index(server, log, saved, timeout)
    return {"notice": notice.stem, "served": served - saved, "reload_told": since(told[0] if told else None),
            "detected": since(log.first_after(saved, "Detected file changes")),
            "rebuilt": since(log.first_after(saved, "Reloading browsers")), "index": since(indexed)}


def wait_index(server: subprocess.Popen, log: ServerLog, since: float, timeout: float) -> float | None:
    """When the search index of the build after since was moved in (the preview does not wait for it, and a
    clerk reads the page before the next edit): the edits are timed one at a time, on an idle server."""
    deadline = since + timeout
    while time.monotonic() < deadline:
        _alive(server, log)
        found = log.first_after(since, INDEX_LINE)
        if found is not None:
            return found
        time.sleep(POLL_SECONDS)
    return None


def notice_id(notice: Path) -> str:
    """The page address is named by the id, which validation holds equal to the file name."""
    return notice.stem


def peak_rss_mib(pid: int) -> float | None:
    """VmHWM: the largest resident set the process has had (Linux only)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) / 1024 if found else None


def stop(server: subprocess.Popen) -> float | None:
    """Ctrl-C to the group (MkDocs shuts down, the hooks' on_shutdown stops Pagefind), SIGTERM, then kill.
    Returns the peak memory of the server and its children in MiB, as wait4 reports it (None if it had
    ended already: Popen reaped it)."""
    for sig, grace in ((signal.SIGINT, STOP_GRACE_SECONDS), (signal.SIGTERM, 10), (signal.SIGKILL, None)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        ended = time.monotonic() + (grace or 60)
        while time.monotonic() < ended:
            # wait4 and not Popen.wait: its rusage holds the peak of the server and of the children it waited for.
            try:
                pid, status, usage = os.wait4(server.pid, os.WNOHANG)
            except ChildProcessError:  # reaped already; the signal was for what is left of its group
                return None
            if pid:
                server.returncode = os.waitstatus_to_exitcode(status)
                return usage.ru_maxrss / 1024
            time.sleep(0.1)
    return None


def measure_preview(project: Path, port: int | None = None, start_timeout: float = 3600,
                    edit_timeout: float = 3600) -> dict:
    """Serve the project, time EDITS edits to notices' titles (see the module's docstring); figures in s."""
    port = port or free_port()
    base = f"http://127.0.0.1:{port}/"
    notices = sorted((project / "data" / "disclosures").glob("*.yml"))
    # Two notices other than the first (bench/portal.py edits the first); the same one twice on a tiny site.
    chosen = [notices[len(notices) // 2], notices[-1]][:EDITS]
    log = ServerLog()
    started = time.monotonic()
    server = start_server(project, port, log)
    result: dict = {}
    try:
        wait_served(server, log, base, start_timeout)
        result["first_build"] = time.monotonic() - started
        result["first_index"] = (wait_index(server, log, started, start_timeout) or started) - started
        edits = [one_edit(server, log, base, notice, edit_timeout) for notice in chosen]
        result["edits"] = edits
        result["served_median"] = statistics.median(e["served"] for e in edits)
        result["vmhwm_mib"] = peak_rss_mib(server.pid)
    finally:
        result["peak_mib"] = stop(server)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path, help="a project folder (mkdocs.yml, data/ …), as bench/run.py makes")
    parser.add_argument("--port", type=int, help="a free one by default")
    args = parser.parse_args()
    print(json.dumps(measure_preview(args.project.resolve(), args.port), indent=2))


if __name__ == "__main__":
    main()
