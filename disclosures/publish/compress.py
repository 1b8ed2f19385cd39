"""Precompressed copies (`x.js.gz` beside `x.js`) for servers that send them as they are (nginx gzip_static).

Written once at build time at the highest level, instead of compressing on every request. The gzip
header holds no file name and no time, so rebuilding the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from disclosures.core.cache import ContentCache

MIN_SIZE = 1024  # smaller files gain little and cost a request header's worth
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".yml", ".yaml", ".map"})


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def wants_gzip(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES and path.stat().st_size > MIN_SIZE


def write_gzip(path: Path, data: bytes, cache: ContentCache | None = None, digest: str | None = None) -> bytes:
    """Write path's .gz copy of data (path's bytes; digest: their SHA-256, if known) and return its bytes.
    A file whose bytes an earlier build compressed takes its copy from the cache (core/cache.py)."""
    target = path.with_name(path.name + ".gz")
    packed = cache.get_or_make("gz", data, gzip_bytes, digest=digest) if cache else gzip_bytes(data)
    target.write_bytes(packed)
    # The same modification time as the original: nginx derives Last-Modified and ETag from the .gz.
    stat = path.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return packed
