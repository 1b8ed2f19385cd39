"""A helper process that makes the notices' products ahead of the build, into its cache: how the build starts
and feeds it (the helper itself: aheadworker.py).

A build with its cache (build.py, prepare) takes each notice's products from the cache or makes them: its
finished views, its page and poster, its feed items, its open data. Each is a pure function of what its key
holds, so any process may make it. A first build at 1,000 notices made them one after another on the build's own thread
for about half a minute, with the second core idle for much of it (Pagefind starts with the first pages).

This helper makes them from the other end of the build's walks over views and renders (the last notice
first; each notice's renders, feed items and open data together, its full view read once), and stores
each where the build looks for it: the build then reads what the helper made, as it reads what an earlier
build made, until the two meet. What both make meanwhile is made twice and stored twice, alike. The helper
computes its keys itself from what it read and was given, by the same functions as the build, so an entry
it stores holds what a clean build would make of that key, as every entry does (core/cache.py); if the
helper fails, the build makes everything itself.

It reads two pickles from stdin: a ViewsJob as soon as the build has the search terms (finished views),
then a PagesJob once the build has its feedback pages (renders, feed items, open data). It writes nothing but
cache entries, prints nothing, runs at a lower priority than the build, and is killed when the build has
made every notice's products (or fails); it dies with the build (core/processes.py).
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from disclosures.core import records as r
from disclosures.core.processes import dying_with_parent

# Below this many notices to make, the helper's start (about a second of CPU: imports, the notices read back)
# costs more than it saves: an edit build makes one notice's products.
AHEAD_FROM = 32
NICENESS = 10  # the helper's niceness: it takes what the build leaves of the cores


@dataclass(frozen=True)
class ViewsJob:
    """What the notices' finished views are made of (build.py, chosen_notice and ViewsMade), as the build has it."""

    root: Path  # the project: data/ and overrides/
    cache_folder: Path  # the cache's folder of this code version (ContentCache.folder)
    site: r.Site
    glossary: tuple[r.GlossaryEntry, ...]
    terms: r.SearchTerms
    units: tuple[r.UnitEntry, ...]
    rounds: tuple[r.RoundEntry, ...]
    now: dt.datetime
    notices: tuple[tuple[str, str, str], ...]  # (file name under root, record digest, preview note), build's order


@dataclass(frozen=True)
class PagesJob:
    """What the renders, feed items and open data are made of besides the views."""

    feedback_pages: dict[str, str | None]  # notice id -> the feedback page holding its block
    pdfs: bool


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class Ahead:
    """The helper of one build, if it has one."""

    def __init__(self) -> None:
        self._child: subprocess.Popen | None = None
        self._jobs: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()  # pickled jobs; None: no more
        self._sender: threading.Thread | None = None

    def start(self, job: ViewsJob) -> None:
        """Start the helper on these notices (a second core only: on one, it would take the build's)."""
        if cores() < 2:
            return
        try:
            self._child = subprocess.Popen(dying_with_parent([sys.executable, "-m", "disclosures.aheadworker"]),
                                           stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL)
        except OSError:  # no process to be had (a limit): the build makes everything itself
            return
        self._jobs.put(pickle.dumps(job, protocol=5))
        self._sender = threading.Thread(target=_send_all, args=(self._child, self._jobs), name="ahead-jobs",
                                        daemon=True)
        self._sender.start()

    def pages(self, job: PagesJob) -> None:
        if self._child is not None:
            self._jobs.put(pickle.dumps(job, protocol=5))
            self._jobs.put(None)

    def stop(self) -> None:
        """Kill the helper (done or not: the build has what it needs). An entry it was writing stays a
        temporary file, which the cache's prune removes."""
        child, self._child = self._child, None
        if child is None:
            return
        child.kill()
        child.wait()
        self._jobs.put(None)
        if self._sender is not None:
            self._sender.join()  # its pipe is closed: it ends now


def _send_all(child: subprocess.Popen, jobs: queue.SimpleQueue[bytes | None]) -> None:
    """Write each job to the helper's stdin as it comes, in a thread: a job is larger than the pipe holds,
    and the helper reads it only once its imports are done (the build waited up to a second for that)."""
    assert child.stdin is not None
    try:
        with child.stdin:
            while (job := jobs.get()) is not None:
                child.stdin.write(job)
                child.stdin.flush()
    except OSError:  # the helper ended (it failed, or was stopped): the build makes the rest itself
        pass
