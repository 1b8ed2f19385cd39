"""A helper process that reads and checks notice files for load/project.py (python -m disclosures.load.readworker).

Reading and checking a notice is pure Python (about 12 ms of one core each), so a build reads the files
that are not in its cache in one such process per core: each gets a pickled list of (path, name) on stdin and
writes what read_notice made of each to stdout, one by one as they are made, as a frame (core/processes.py's
send: the pickle's length, then the pickle). A plain child process rather than multiprocessing: it never
imports the main module of whatever started the build.
"""

from __future__ import annotations

import pickle
import sys

from disclosures.core.processes import send
from disclosures.load.project import read_notice


def main() -> None:
    files = pickle.load(sys.stdin.buffer)
    for path, name in files:  # each record as soon as it is made: the build stores and keeps it as it comes
        send(sys.stdout.buffer, read_notice(path, name))


if __name__ == "__main__":
    main()
