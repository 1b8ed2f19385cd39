"""Pagefind's index files that come out in hash-map order, rewritten in a fixed order.

Pagefind 1.5.2 keeps its filters and sort orders in hash maps (its source says so:
"TODO: Change filter indexes to BTree to give them a stable hash"), so the same pages
give filter files, a metadata file and an entry file whose bytes and names change
from run to run. Everything else it writes is stable. A build must be reproducible
(the manifest and `disclosures verify` compare digests), so after indexing this
module decodes those files, sorts what was in map order, encodes them again and
renames them by their new content, the way Pagefind names them.

Formats (pagefind/src/index/*.rs, output/mod.rs at v1.5.2): each .pf_* file is
gzip of b"pagefind_dcd" + CBOR. A filter file is [filter, [[value, [page…]]…]];
the metadata file is [version, pages, index_chunks, filters, sorts, meta_fields],
where filters is [[filter, file hash]…] and sorts is [[sort key, [page…]]…].
pagefind-entry.json names the metadata file per language.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
# The tested format: another Pagefind version may lay its files out differently.
PAGEFIND_VERSION = "1.5.2"
ENTRY = "pagefind-entry.json"


class UnexpectedIndex(Exception):
    """The index is not laid out as Pagefind 1.5.2 lays it out."""


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedIndex(f"{path.name}: no Pagefind signature")
    return cbor2.loads(data[len(SIGNATURE):])


def _encode(value: Any) -> bytes:
    return cbor2.dumps(value)


def _write(path: Path, encoded: bytes) -> None:
    # mtime=0 and no file name in the header: the same content gives the same bytes.
    path.write_bytes(gzip.compress(SIGNATURE + encoded, compresslevel=9, mtime=0))


def _name(language: str, encoded: bytes, digits: int) -> str:
    """Pagefind's naming: the language, an underscore and the start of the content's SHA-1."""
    return f"{language}_{hashlib.sha1(encoded).hexdigest()[:digits]}"


def _unique(name: str, full: str, taken: set[str]) -> str:
    """Like Pagefind: on a clash of short names, take more digits of the hash."""
    while name in taken and len(name) < len(full):
        name = full[:len(name) + 1]
    taken.add(name)
    return name


def _rewrite_filters(out: Path, language: str, filters: list[list[str]]) -> list[list[str]]:
    """The filter files with their values (and each value's pages) sorted; returns [[filter, new hash]…].

    All are read before any is written: a new name may be the old name of a file not yet read.
    """
    folder = out / "filter"
    contents = []
    for name, old_hash in sorted(filters):
        filter_name, values = _read(folder / f"{old_hash}.pf_filter")
        contents.append((name, _encode([filter_name, sorted([v, sorted(pages)] for v, pages in values)])))
        (folder / f"{old_hash}.pf_filter").unlink()
    taken: set[str] = set()
    renamed = []
    for name, encoded in contents:
        full = _name(language, encoded, 40)
        new_hash = _unique(full[:len(language) + 8], full, taken)
        _write(folder / f"{new_hash}.pf_filter", encoded)
        renamed.append([name, new_hash])
    return renamed


# Pagefind names a page's fragment by the first 7 hex digits of its content's SHA-1, and takes more digits
# only when two fragments of one run begin alike (pagefind/src/index/mod.rs).
SHORT_HASH = 7


def fragment_names(out: Path) -> list[str]:
    """The fragment file names (without .pf_fragment) of the pages indexed under out, in Pagefind's page order."""
    entry = json.loads((out / ENTRY).read_text(encoding="utf-8"))
    names = []
    for about in entry["languages"].values():
        meta = _read(out / f"pagefind.{about['hash']}.pf_meta")
        names += [str(page[0]) for page in meta[1]]
    return names


def fragment_url(compressed: bytes) -> str | None:
    """The URL a fragment file (gzip of the signature and Pagefind's JSON of the page) is for; None if its
    beginning is not laid out as Pagefind 1.5.2 writes it."""
    start = zlib.decompressobj(wbits=31).decompress(compressed, 16384)  # the URL comes first
    found = _FRAGMENT_URL.match(start)
    return json.loads(f'"{found.group(1).decode("utf-8")}"') if found else None


_FRAGMENT_URL = re.compile(rb'pagefind_dcd\{"url":"((?:[^"\\]|\\.)*)"')


def make_deterministic(out: Path) -> int:
    """Rewrite the filter, metadata and entry files under out (a Pagefind output folder) in sorted order;
    returns the number of pages indexed."""
    entry = json.loads((out / ENTRY).read_text(encoding="utf-8"))
    if entry.get("version") != PAGEFIND_VERSION:
        raise UnexpectedIndex(f"{ENTRY}: version {entry.get('version')!r}, expected {PAGEFIND_VERSION}")
    for language, about in sorted(entry["languages"].items()):
        old_meta = out / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(old_meta)
        if not (isinstance(meta, list) and len(meta) == 6):
            raise UnexpectedIndex(f"{old_meta.name}: not the 1.5.2 metadata layout")
        meta[3] = _rewrite_filters(out, language, meta[3])
        meta[4] = sorted(meta[4])
        encoded = _encode(meta)
        about["hash"] = _name(language, encoded, 13)  # Pagefind's metadata name is 13 digits long
        old_meta.unlink()
        _write(out / f"pagefind.{about['hash']}.pf_meta", encoded)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    (out / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return sum(int(about["page_count"]) for about in entry["languages"].values())
