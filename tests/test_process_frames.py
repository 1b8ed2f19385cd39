"""A frame a helper process writes arrives whole, even when a signal stops the helper halfway through.

Under PYTHONUNBUFFERED (python -u, set in many containers and in this project's own sandbox) a child's
sys.stdout.buffer is a raw FileIO: one write() into a full pipe that a stop signal interrupts returns after
the part the pipe took. A build whose finishing worker was paused so (a profiler's sampling) waited for the
rest of a frame for ever.
"""

from __future__ import annotations

import array
import fcntl
import io
import os
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from disclosures.core.processes import FRAME, read_exactly, receive, send, write_all

# A message several times a pipe's 64 KiB: its frame cannot go in one write while nobody reads.
_MAKE_MESSAGE = '{"ok": [f"disclosures/notice-{i:05d}/index.html" for i in range(20_000)]}'
_MESSAGE = eval(_MAKE_MESSAGE)

_SENDER = f"""
import sys
from disclosures.core.processes import send
send(sys.stdout.buffer, {_MAKE_MESSAGE})
"""


def _blocked_writing(pid: int, pipe: int, timeout: float = 10.0) -> bool:
    """Whether the process is asleep with the pipe full: it has written part of the frame and waits to
    write the rest (by the pipe's fill, not /proc/PID/wchan, which a hardened kernel shows as 0)."""
    capacity = fcntl.fcntl(pipe, fcntl.F_GETPIPE_SZ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        queued = array.array("i", [0])
        fcntl.ioctl(pipe, termios.FIONREAD, queued)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if queued[0] >= capacity and state == "S":
            return True
        time.sleep(0.01)
    return False


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="needs Linux")
def test_a_frame_stopped_halfway_by_a_signal_arrives_whole() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-c", _SENDER], stdout=subprocess.PIPE,
                             env=env)
    assert child.stdout is not None
    try:
        assert _blocked_writing(child.pid, child.stdout.fileno()), "the helper never filled the pipe"
        os.kill(child.pid, signal.SIGSTOP)  # wakes the write: it returns what the pipe took so far
        time.sleep(0.05)
        os.kill(child.pid, signal.SIGCONT)
        assert receive(child.stdout) == _MESSAGE
    finally:
        child.kill()
        child.wait()


class _Trickle(io.RawIOBase):
    """A raw stream that takes or gives at most a few bytes a call, as a pipe may."""

    def __init__(self, data: bytes = b"", step: int = 7) -> None:
        self.data, self.at, self.step, self.flushed = bytearray(data), 0, step, 0

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        taken = bytes(b[:self.step])
        self.data += taken
        return len(taken)

    def read(self, size: int = -1) -> bytes:
        size = self.step if size < 0 else min(size, self.step)
        chunk = bytes(self.data[self.at:self.at + size])
        self.at += len(chunk)
        return chunk

    def flush(self) -> None:
        self.flushed += 1


def test_write_all_and_read_exactly_go_on_after_a_short_write_or_read() -> None:
    out = _Trickle()
    write_all(out, b"x" * 100)
    assert bytes(out.data) == b"x" * 100 and out.flushed == 1
    assert read_exactly(_Trickle(b"0123456789" * 5), 33) == (b"0123456789" * 4)[:33]
    assert read_exactly(_Trickle(b"short"), 6) is None  # the stream ended first


def test_frames_go_through_streams_that_take_a_few_bytes_at_a_time() -> None:
    out = _Trickle()
    send(out, _MESSAGE)
    send(out, ("second", 2))
    back = _Trickle(bytes(out.data), step=5000)
    assert receive(back) == _MESSAGE
    assert receive(back) == ("second", 2)
    assert receive(back) is None
    assert FRAME.size == 8
