"""Precompressed copies (`x.js.gz` beside `x.js`) for servers that send them as they are (nginx gzip_static).

Written once at build time at the highest level, instead of compressing on every request. The gzip
header holds no file name and no time, so rebuilding the same site gives the same bytes.

A page that holds the build's moment (截至…（本页生成时）, new every minute) is compressed in parts cut
before and after each time it occurs, each part on its own (a full flush ends it: no later part refers
back into it). The parts between the cuts stay the same from minute to minute, and a build keeps their
compressed bytes (the cache's "gz-part"): a new moment costs compressing the moment, not the page (3.4 s
of CPU at 1,000 notices). The stream is one ordinary gzip member, which any reader inflates as a whole;
it is about 1 KB (4%) longer for a 110 KB notice page, the part after the moment not referring into the
part before it.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from disclosures.core.cache import ContentCache

MIN_SIZE = 1024  # smaller files gain little and cost a request header's worth
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".yml", ".yaml", ".map"})


_HEADER = gzip.compress(b"", compresslevel=9, mtime=0)[:10]  # the header gzip_bytes writes: no name, no time


def gzip_bytes(data: bytes, cut: bytes = b"", part: Callable[[bytes, bool], bytes] | None = None) -> bytes:
    """data as gzip at the highest level; in parts cut before and after each occurrence of `cut`, if any
    (see the module's docstring). part(text, last) compresses one part (by default deflate_part)."""
    if not cut or cut not in data:
        return gzip.compress(data, compresslevel=9, mtime=0)
    part = part or deflate_part
    pieces = [piece for between in _interleave(data.split(cut), cut) for piece in between]
    body = b"".join(part(piece, False) for piece in pieces[:-1] if piece) + part(pieces[-1], True)
    return _HEADER + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def _interleave(parts: list[bytes], cut: bytes) -> list[tuple[bytes, ...]]:
    """The text between the cuts and the cuts, in order: [(a,), (cut, b), (cut, c)] for a cut b cut c."""
    return [(parts[0],)] + [(cut, after) for after in parts[1:]]


def deflate_part(text: bytes, last: bool) -> bytes:
    """One part of a gzip stream as raw deflate, on its own: ended by a full flush (byte-aligned, no reference
    back) or, for the last part, as the stream's end."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 9)
    return packer.compress(text) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def wants_gzip(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES and path.stat().st_size > MIN_SIZE


def write_gzip(path: Path, data: bytes, cache: ContentCache | None = None, digest: str | None = None,
               cut: bytes = b"") -> bytes:
    """Write path's .gz copy of data (path's bytes; digest: their SHA-256, if known; cut: the build's moment as
    the pages print it) and return its bytes. A file whose bytes an earlier build compressed takes its copy
    from the cache (core/cache.py); a page with the moment, the compressed parts around it."""
    target = path.with_name(path.name + ".gz")
    if cache is None:
        packed = gzip_bytes(data, cut)
    elif cut and cut in data:
        packed = gzip_bytes(data, cut, lambda text, last: cache.get_or_make(
            "gz-last" if last else "gz-part", text, lambda _: deflate_part(text, last)))
    else:
        packed = cache.get_or_make("gz", data, gzip_bytes, digest=digest)
    target.write_bytes(packed)
    # The same modification time as the original: nginx derives Last-Modified and ETag from the .gz.
    stat = path.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return packed
