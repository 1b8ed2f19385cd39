"""One build at a time per published folder: a lock file beside it, held with flock(2).

A second build waits for the first rather than stopping: a scheduled rebuild and a clerk's `make site`
should both happen, one after the other, and the one that publishes last is the one whose message is
read last. The lock file names the build that holds it (process, start time, command), so the waiting
one can say whom it waits for. The kernel releases a flock when its process ends, however it ends, so
a lock left by a killed build is never stale: the next build simply takes it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path


def lock_path(target: Path) -> Path:
    """The lock file of a published folder: a hidden sibling, e.g. .site.lock beside site/."""
    return target.with_name(f".{target.name}.lock")


class BuildLock:
    """Held from the start of a build to the end of its swap (or its failure)."""

    def __init__(self, target: Path):
        self.path = lock_path(target)
        self._fd: int | None = None

    def acquire(self, waiting: Callable[[dict], None]) -> None:
        """Take the lock; if another build holds it, call waiting(who) once and wait for it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                waiting(_holder(fd))
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(_me(), ensure_ascii=False).encode("utf-8"), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        """Let the next build go (the file stays: removing it would race with a build opening it)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.ftruncate(fd, 0)
            os.close(fd)  # closing the last descriptor releases the flock


def _me() -> dict:
    return {"pid": os.getpid(), "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": " ".join(Path(sys.argv[0]).name.split() + sys.argv[1:])}


def _holder(fd: int) -> dict:
    """What the holding build wrote about itself (empty values while it is still writing it)."""
    try:
        return {"pid": "", "started": "", "command": ""} | json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return {"pid": "", "started": "", "command": ""}
