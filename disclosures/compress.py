"""Precompressed copies (`x.js.gz` beside `x.js`) for servers that send them as they are (nginx gzip_static).

Written once at build time at the highest level, instead of compressing on every request. The gzip
header holds no file name and no time, so rebuilding the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

MIN_SIZE = 1024  # smaller files gain little and cost a request header's worth
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".yml", ".yaml", ".map"})


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def wants_gzip(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES and path.stat().st_size > MIN_SIZE


def precompress(site: Path, skip: frozenset[str] = frozenset()) -> list[Path]:
    """Write `<file>.gz` beside every text file over MIN_SIZE bytes (except folders in `skip`); the new files."""
    written = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
        if path.relative_to(site).parts[0] in skip or not wants_gzip(path):
            continue
        target = path.with_name(path.name + ".gz")
        target.write_bytes(gzip_bytes(path.read_bytes()))
        # The same modification time as the original: nginx derives Last-Modified and ETag from the .gz.
        stat = path.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written.append(target)
    return written
