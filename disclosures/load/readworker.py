"""A second process that reads and checks notice files for load/project.py (python -m disclosures.load.readworker).

Reading and checking a notice is pure Python (about 12 ms of one core each), so a build reads the files
that are not in its cache on every core: this process gets a pickled list of (path, name) on stdin and
writes the pickled list of what read_notice made of each to stdout. A plain child process rather than
multiprocessing: it never imports the main module of whatever started the build.
"""

from __future__ import annotations

import pickle
import sys

from disclosures.load.project import read_notice


def main() -> None:
    files = pickle.load(sys.stdin.buffer)
    sys.stdout.buffer.write(pickle.dumps([read_notice(path, name) for path, name in files], protocol=5))


if __name__ == "__main__":
    main()
