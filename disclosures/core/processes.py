"""Child processes that end with the build (Pagefind, the finishing pass's worker, the reading helpers), and
the frames the Python ones send through their pipes.

A build killed outright (SIGKILL, the out-of-memory killer) runs no Python on its way out, so a child it
started would go on writing into a folder the next build removes. The kernel ends it instead.
"""

from __future__ import annotations

import pickle
import shutil
import struct
from typing import BinaryIO

FRAME = struct.Struct("<Q")  # a frame on a pipe: its payload's length (8 bytes, little-endian), then the payload


def dying_with_parent(command: list[str]) -> list[str]:
    """The command, started by util-linux's setpriv so that the kernel kills it when the thread that started
    it ends (PR_SET_PDEATHSIG; a preexec_fn would not be safe with the build's threads). Without setpriv
    (not Linux), the caller still stops it on every ending Python sees."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--", *command] if setpriv else command


def write_all(stream: BinaryIO, data: bytes) -> None:
    """All of data, then flushed. Under PYTHONUNBUFFERED (python -u, set in many containers) a child's
    sys.stdout.buffer is a raw FileIO, whose one write() to a full pipe takes only part of the bytes when a
    signal comes meanwhile (a stop, a profiler's pause): a frame cut short left a build waiting for ever."""
    view = memoryview(data)
    while view:
        view = view[stream.write(view):]
    stream.flush()


def read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    """size bytes from stream, or None when it ends first (a raw stream may return fewer a read)."""
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def send(stream: BinaryIO, message: object) -> None:
    """message as one frame: its pickle, after the pickle's length."""
    data = pickle.dumps(message, protocol=5)
    write_all(stream, FRAME.pack(len(data)) + data)


def receive(stream: BinaryIO) -> object | None:
    """The next frame's message, or None when the other side has closed the pipe."""
    head = read_exactly(stream, FRAME.size)
    data = read_exactly(stream, FRAME.unpack(head)[0]) if head is not None else None
    return pickle.loads(data) if data is not None else None
