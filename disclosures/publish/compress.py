"""Precompressed copies (`x.js.gz` beside `x.js`) for servers that send them as they are (nginx gzip_static).

Written once at build time, small (below), instead of compressing on every request. The gzip
header holds no file name and no time, so rebuilding the same site gives the same bytes.

A file is compressed whole by libdeflate at its level 7: on the 356 MB of a 1,000-notice portal's files
compressed whole it took 4.2 s where zlib-ng's highest level took 6.8, for 0.1% more bytes (its level 8:
5.9 s, 0.02%). The pages around the build's moment are compressed in parts (below) by zlib-ng at its highest
level, which took 61% of zlib's time on the portal's pages for 0.4% fewer bytes: libdeflate compresses a
whole buffer only, with no dictionary to prime and no flush. Both are pinned (another version may choose
other bytes), and their versions are in the cache's key.

A page that holds the build's moment (截至…（本页生成时）, new every minute) is compressed in parts cut
before and after each time it occurs, each part ended by a full flush, in one ordinary gzip member that
any reader inflates as a whole. The parts between the cuts stay the same from minute to minute, and a
build keeps their compressed bytes (the cache's "gz-part"): a new moment costs compressing the moment,
not the page (3.4 s of CPU at 1,000 notices).

A part may still refer back into the text before it: its compressor is primed with the 32 KiB before it
as the reader will have them, but with each moment written as NUL bytes of its length. A part holding no
NUL byte (as no page does; one that does is compressed without the window) cannot refer into a moment,
and its bytes depend on the moment's length alone, which the cache's key holds with the window.
(Compressed on its own, the part after the moment was 4% to 17% longer.)
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable
from pathlib import Path

import deflate
from zlib_ng import zlib_ng as zlib

from disclosures.core.cache import ContentCache
from disclosures.core.hardlink import link_if_same

WHOLE_LEVEL = 7  # libdeflate's, for a file compressed whole (see the module's docstring)
MIN_SIZE = 1024  # smaller files gain little and cost a request header's worth
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".yml", ".yaml", ".map"})


# The gzip header: deflate, no flags (so no name), no time, "maximum compression" (advisory only: the same
# for both compressors), Unix (as zlib wrote it here before): fixed bytes, so the same on every machine.
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"


Part = Callable[[bytes, bytes, bool], bytes]  # (text, the window before it, whether it ends the stream)


def gzip_bytes(data: bytes, cut: bytes = b"", part: Part | None = None) -> bytes:
    """data as gzip: whole (libdeflate), or in parts cut before and after each occurrence of `cut`, if any
    (see the module's docstring). part(text, window, last) compresses one part (by default deflate_part)."""
    if not cut or cut not in data:
        return _HEADER + deflate.deflate_compress(data, WHOLE_LEVEL) + _trailer(data)
    part = part or deflate_part
    texts = data.split(cut)
    pieces = [texts[0]] + [piece for after in texts[1:] for piece in (cut, after)]
    body, seen = [], b""  # seen: the window before the piece (its last 32 KiB), each cut as NUL bytes
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        if piece or last:
            body.append(part(piece, seen if b"\0" not in piece else b"", last))
        seen = (seen + (b"\0" * len(piece) if i % 2 else piece))[-WINDOW:]
    return _HEADER + b"".join(body) + _trailer(data)


def _trailer(data: bytes) -> bytes:
    return struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


WINDOW = 1 << zlib.MAX_WBITS  # how far back deflate refers: 32 KiB


def deflate_part(text: bytes, window: bytes, last: bool) -> bytes:
    """One part of a gzip stream as raw deflate, primed with window (the bytes before it as the reader has
    them, but where a NUL byte stands: text holds none), ended by a full flush (byte-aligned) or, for the
    last part, as the stream's end."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 9, **({"zdict": window} if window else {}))
    return packer.compress(text) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def wants_gzip(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES and path.stat().st_size > MIN_SIZE


def write_gzip(path: Path, data: bytes, cache: ContentCache | None = None, digest: str | None = None,
               cut: bytes = b"", published: Path | None = None) -> bytes:
    """Write path's .gz copy of data (path's bytes; digest: their SHA-256, if known; cut: the build's moment as
    the pages print it) and return its bytes. A file whose bytes an earlier build compressed takes its copy
    from the cache (core/cache.py); a page with the moment, the compressed parts around it. published: the
    published site's file at path's place (see _linked_copy)."""
    target = path.with_name(path.name + ".gz")
    if cache is None:
        packed = gzip_bytes(data, cut)
    elif cut and cut in data:
        def part(text: bytes, window: bytes, last: bool) -> bytes:
            if text == cut:  # the moment itself, anew: 5,000 pieces at 1,000 notices take 0.3 s, where kept
                return deflate_part(text, window, last)  # they were as many new cache files every build
            return cache.get_or_make("gz-last" if last else "gz-part", hashlib.sha256(window).digest() + text,
                                     lambda _: deflate_part(text, window, last))
        packed = gzip_bytes(data, cut, part)
    else:
        packed = cache.get_or_make("gz", data, gzip_bytes, digest=digest)
    if published is not None and _linked_copy(path, target, published, packed):
        return packed
    target.write_bytes(packed)
    # The same modification time as the original: nginx derives Last-Modified and ETag from the .gz.
    stat = path.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return packed


def _linked_copy(path: Path, target: Path, published: Path, packed: bytes) -> bool:
    """Whether target is now a hard link to the published .gz copy of published (core/hardlink.py), because
    path is that very file (a link: outputs/assetspill.py) and the copy holds the bytes packed: its time is
    then already the file's."""
    try:
        same = os.path.samestat(path.stat(), published.stat())
    except OSError:
        return False
    return same and link_if_same(published.with_name(published.name + ".gz"), packed, target)
