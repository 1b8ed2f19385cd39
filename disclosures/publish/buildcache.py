"""Work a build need not redo: results of pure functions of a file's bytes, kept between builds.

The fixed costs of a build — a .gz copy of every text file, the link check's reading of every page, the
scan for inline scripts the CSP must allow — depend on nothing but a file's bytes and the code that reads
them. So each result is stored under the SHA-256 of those bytes, in a folder named after the SHA-256 of
that code (and of zlib's version, for the .gz copies): a file that did not change is not read again, and
a change to the code starts an empty folder. Reuse is identical by construction, not by trust:

- the key is the whole input's hash, so only the same bytes can meet a stored result;
- each entry starts with the SHA-256 of its value: a truncated, damaged or half-written entry does not
  match and is computed afresh (and rewritten), never used;
- entries are written to a temporary name and renamed, so a reader never sees half an entry.

The cache lives in .cache/build/ beside data/, never in site/, and is not deployed. After a build that
published, entries no build of this code used are removed (the cache holds one site's worth).
DISCLOSURE_CLEAN_BUILD=1 builds without reading it.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path

CLEAN_ENV = "DISCLOSURE_CLEAN_BUILD"
_CODE = ("buildcache.py", "compress.py", "htmlscan.py", "linkcheck.py", "serving.py")  # what the results depend on


def code_version() -> str:
    """The SHA-256 of the code whose results are kept, and of zlib: another version, another folder."""
    digest = hashlib.sha256(zlib.ZLIB_RUNTIME_VERSION.encode("ascii"))
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


class ContentCache:
    """Results by kind and by the SHA-256 of their input; a disabled cache (folder None) computes everything."""

    def __init__(self, folder: Path | None):
        self.folder = folder / code_version() if folder is not None else None
        self.used: set[Path] = set()
        self.hits = self.misses = 0

    def get_or_make(self, kind: str, data: bytes, make: Callable[[bytes], bytes]) -> bytes:
        if self.folder is None:
            return make(data)
        entry = self.folder / kind / hashlib.sha256(data).hexdigest()
        self.used.add(entry)
        stored = _read(entry)
        if stored is not None:
            self.hits += 1
            return stored
        self.misses += 1
        value = make(data)
        _write(entry, value)
        return value

    def get_or_make_json(self, kind: str, data: bytes, make: Callable[[bytes], object]) -> object:
        raw = self.get_or_make(kind, data, lambda d: json.dumps(make(d), ensure_ascii=False).encode("utf-8"))
        return json.loads(raw)

    def prune(self) -> None:
        """Remove what this build did not use, and the folders of other code versions."""
        if self.folder is None or not self.folder.parent.is_dir():
            return
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir():
                _remove_tree(other)
        for kind in self.folder.iterdir() if self.folder.is_dir() else ():
            for entry in kind.iterdir():
                if entry not in self.used:
                    entry.unlink(missing_ok=True)


def cache_for(root: Path, environ: Mapping[str, str]) -> ContentCache:
    """The project's cache, or a disabled one when a clean build is asked for."""
    if environ.get(CLEAN_ENV, "").strip() not in ("", "0"):
        return ContentCache(None)
    return ContentCache(root / ".cache" / "build")


def _read(entry: Path) -> bytes | None:
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    digest, value = raw[:32], raw[32:]
    return value if len(raw) >= 32 and hashlib.sha256(value).digest() == digest else None


def _write(entry: Path, value: bytes) -> None:
    """Best effort: a cache that cannot be written (a full disk) only makes the next build slower."""
    temporary = entry.with_name(f".{entry.name}.{secrets.token_hex(4)}")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(hashlib.sha256(value).digest() + value)
        os.replace(temporary, entry)
    except OSError:
        temporary.unlink(missing_ok=True)


def _remove_tree(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
