"""A file of the published site reused by a build as a hard link, when it holds the very bytes the build
would write.

A build writes a new site beside the published one and swaps them (publish/staging.py); at 1,000 notices
most of what an edit build writes (feeds, open data, their .gz copies, the search index's older shards) is
already there, byte for byte. A link costs a directory entry; a new file costs its bytes and an inode
(ext4 without a journal scans its inode table for recently deleted inodes on every new one). The published
site is never written in place, so a link stays what was compared.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def link_if_same(old: Path, content: bytes, target: Path) -> bool:
    """Whether target (not there yet) is now a hard link to old, because old holds exactly content. No such
    file, another file system, or any other error: False, and the caller writes target itself."""
    try:
        info = old.stat()  # one stat: this runs for thousands of files a build
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(content) or old.read_bytes() != content:
            return False
        os.link(old, target)
    except OSError:
        return False
    return True
