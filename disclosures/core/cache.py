"""Work a build need not redo: results of pure functions of their inputs, kept between builds.

What a build computes again and again for unchanged input — a notice file read and checked, a notice's
page and poster rendered, a .gz copy of every text file, the link check's reading of every page, the scan
for inline scripts the CSP must allow — depends on nothing but its input and the code. So each result is
stored under the SHA-256 of its whole input, in a folder named after the SHA-256 of the code (every module
of this package, and the versions of Jinja2, Material and both deflate libraries): only the same input can
meet a stored result, and any change to the code starts an empty folder. Reuse is identical by
construction, not by trust:

- each entry starts with the SHA-256 of its value: a truncated, damaged or half-written entry does not
  match and is computed afresh (and rewritten), never used;
- a whole entry is never written over in place: a new entry is written where it goes, created only if no
  file is there (a reader meeting it half-written takes it as missing, as above), and an entry that is
  there already (damaged, or being written by another process) is replaced by a temporary renamed over
  it. So a reader that once found an entry whole finds it whole again (a page's render read back for
  MkDocs, build.py's _render_again), and a first build makes 37,000 entries without 37,000 renames (about
  35 µs of the kernel's time each on this disk: bench/cache_writes.py).

Some entries are pickled records (a checked notice): the cache is trusted as the project's own files
are (it sits beside data/, written by the build). It lives in .cache/build/, never in site/, and is not
deployed. After a build that published, entries that build did not use are removed (the cache holds one
site's worth). DISCLOSURE_CLEAN_BUILD=1 builds without reading it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import hashlib
import io
import itertools
import json
import os
import pickle
import shutil
from collections.abc import Callable, Hashable, Mapping
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from zlib_ng import zlib_ng

T = TypeVar("T")
_MISSING = object()

CLEAN_ENV = "DISCLOSURE_CLEAN_BUILD"
_PACKAGE = Path(__file__).resolve().parent.parent  # disclosures/: every module a result may depend on
_TOOLS = ("Jinja2", "mkdocs-material", "PyYAML", "pagefind-bin-extended", "zlib-ng", "deflate")


IN_USE = ".in-use"  # beside the code versions' folders: the lock of ContentCache.hold and prune


@functools.cache
def code_version() -> str:
    """The SHA-256 of this package's code, of the pinned tools' versions and of the deflate library the .gz
    copies are made with: another version, another folder."""
    digest = hashlib.sha256(zlib_ng.ZLIBNG_VERSION.encode("ascii"))
    for tool in _TOOLS:
        digest.update(f"{tool}=={metadata.version(tool)}".encode("ascii"))
    for module in sorted(_PACKAGE.rglob("*.py")):
        digest.update(module.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0" + module.read_bytes())
    return digest.hexdigest()[:16]


def key_of(value: object) -> bytes:
    """value pickled without the memo: the bytes depend on the values alone, not on which equal objects are
    one object (a record made in this process and the same record unpickled share strings differently, and
    a memo would give them different keys). Equal keys are equal values; values must hold no cycles."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()


def digest_of(value: object) -> bytes:
    """The SHA-256 of key_of(value): a short key for a large value (a notice's view is 77 KB pickled)."""
    return hashlib.sha256(key_of(value)).digest()


class ByIdentity:
    """Results found again by the very object they were made of (an immutable value: a view, a page's text),
    where making them again (hashing, pickling) is what a result saves. An entry holds its object, so no id
    is reused meanwhile. A process that builds again calls next_build(): what the last build did not ask
    for is let go."""

    def __init__(self) -> None:
        self._last: dict[int, tuple[object, object]] = {}
        self._this: dict[int, tuple[object, object]] = {}

    def get(self, value: object, make: Callable[[], T]) -> T:
        found = self._this.get(id(value)) or self._last.get(id(value))
        if found is None or found[0] is not value:
            found = (value, make())
        self._this[id(value)] = found
        return found[1]  # type: ignore[return-value]

    def next_build(self) -> None:
        self._last, self._this = self._this, {}


def folder_digest(folder: Path) -> bytes:
    """The SHA-256 of every file under folder, with its path (e.g. the templates a render depends on)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


class ContentCache:
    """Results by kind and by the SHA-256 of their input; a disabled cache (folder None) computes everything.

    records: the records of an earlier build in this same process (`mkdocs serve` rebuilds in one process),
    by entry: unpickling a notice's records costs about what making them does, so a preview keeps them.
    After each build it holds only what that build used."""

    def __init__(self, folder: Path | None, records: dict[Path, object] | None = None, version: str = ""):
        """version: the code version's folder name, when the caller knows it (another process of the build)."""
        self.folder = folder / (version or code_version()) if folder is not None else None
        self.used: set[Path] = set()
        self.records = records
        self._holding: io.BufferedWriter | None = None  # the shared lock of hold()
        self._older: dict[Path, dict] = {}  # same_record's and same_value's, of the last build

    def get(self, kind: str, data: bytes, digest: str | None = None) -> bytes | None:
        """The value stored for this input, if any (and intact). digest: data's SHA-256 (hex), if known."""
        return None if self.folder is None else self._get(self._entry(kind, data, digest))

    def put(self, kind: str, data: bytes, value: bytes, digest: str | None = None) -> None:
        if self.folder is not None:
            self._put(self._entry(kind, data, digest), value)

    def get_or_make(self, kind: str, data: bytes, make: Callable[[bytes], bytes], digest: str | None = None) -> bytes:
        digest = digest or self._digest(data)  # taken once, for the lookup and the store alike
        stored = self.get(kind, data, digest)
        if stored is not None:
            return stored
        value = make(data)
        self.put(kind, data, value, digest)
        return value

    def has(self, kind: str, digest: str) -> bool:
        """Whether an entry is stored for the input of this SHA-256 (hex), not reading it; it is kept through the
        prune as if read (whoever needs it next reads it)."""
        if self.folder is None:
            return False
        entry = self._entry(kind, b"", digest)
        if not entry.is_file():
            return False
        self.used.add(entry)
        return True

    def keep(self, kind: str, data: bytes) -> None:
        """Keep the entry for this input through the prune though this build did not read it (what a kept
        result was made of, which the next build may need again)."""
        if self.folder is not None:
            self.used.add(self._entry(kind, data))

    def _digest(self, data: bytes) -> str | None:
        """data's SHA-256 (hex) as an entry's name, or None for a disabled cache (which names nothing)."""
        return hashlib.sha256(data).hexdigest() if self.folder is not None else None

    def _entry(self, kind: str, data: bytes, digest: str | None = None) -> Path:
        assert self.folder is not None
        return self.folder / kind / (digest or hashlib.sha256(data).hexdigest())

    def _get(self, entry: Path) -> bytes | None:
        self.used.add(entry)
        return _read(entry)

    def _put(self, entry: Path, value: bytes) -> None:
        self.used.add(entry)
        _write(entry, value)

    def get_or_make_json(self, kind: str, data: bytes, make: Callable[[bytes], object], digest: str | None = None
                         ) -> object:
        """A value of lists, dicts and strings made from data, kept as JSON (what is made is returned as made).
        digest: data's SHA-256 (hex), if known."""
        digest = digest or self._digest(data)
        stored = self.get(kind, data, digest)
        if stored is not None:
            return json.loads(stored)
        value = make(data)
        self.put(kind, data, json.dumps(value, ensure_ascii=False).encode("utf-8"), digest)
        return value

    def get_record(self, kind: str, data: bytes) -> object | None:
        """The record stored for this input (kept in this process, or unpickled), if any."""
        if self.folder is None:
            return None
        entry = self._entry(kind, data)
        if self.records is not None and entry in self.records:
            self.used.add(entry)
            return self.records[entry]
        stored = self._get(entry)
        if stored is None:
            return None
        value = pickle.loads(stored)
        if self.records is not None:
            self.records[entry] = value
        return value

    def put_record(self, kind: str, data: bytes, value: T, kept: bool = True) -> T:
        """Store a record (frozen dataclasses, tuples, strings) made from data, pickled, and return it as read
        back, to be kept instead of value: pickling a string leaves a UTF-8 copy of it inside the string
        (CPython's, for as long as the string lives), 1.5 times its own size for Chinese text. Kept pages,
        feed items and notices held a quarter of a build's peak memory twice (220 MiB at 1,000 notices).
        kept: False for a record the caller lets go of at once: value itself, nothing read back (a second of
        unpickling at 1,000 notices for the full views alone)."""
        if self.folder is None:
            return value
        pickled = pickle.dumps(value, protocol=5)
        if not kept and self.records is None:
            self._put(self._entry(kind, data), pickled)
            return value
        return self.put_pickled(kind, data, pickled, pickle.loads(pickled))

    def put_pickled(self, kind: str, data: bytes, pickled: bytes, value: T) -> T:
        """Store a record another process pickled; value: the same, unpickled from these bytes (so it holds no
        UTF-8 copies, as put_record's read-back copy does not)."""
        if self.folder is not None:
            entry = self._entry(kind, data)
            self._put(entry, pickled)
            if self.records is not None:
                self.records[entry] = value
        return value

    def get_or_make_record(self, kind: str, data: bytes, make: Callable[[], object], kept: bool = True) -> object:
        """A record made from data, from the cache or made now (and stored; kept: see put_record)."""
        stored = self.get_record(kind, data)
        if stored is not None:
            return stored
        return self.put_record(kind, data, make(), kept)

    def same_record(self, kind: str, records: tuple[object, ...], make: Callable[[], T], also: bytes = b"") -> T:
        """make(), or what it gave in this build or the last one of this process for the very same record
        objects and equal `also` (the values it depends on besides them, as bytes). A record from
        get_record stays one object while its input is unchanged, and records are immutable (and so is what
        a memo gives back: a view made from records is a record too), so the same objects are the same
        values. Entries are found by the first record and `also`: records that begin alike (feeds sharing
        their newest item) but differ in `also` keep an entry each. Without records kept in this process
        (one build), make()."""
        if self.records is None or self.folder is None:
            return make()
        current, older = self._memo("same-record", kind)
        at = (id(records[0]), also)
        found = current.get(at) or older.get(at)
        # The entry holds the records themselves, so no id in it is reused by another object meanwhile.
        if found is None or len(found[0]) != len(records) or any(a is not b for a, b in zip(found[0], records)):
            found = (records, make())
        current[at] = found
        return found[1]

    def same_value(self, kind: str, key: Hashable, make: Callable[[], T]) -> T:
        """make(), or what it gave in this build or the last one of this process for an equal key: for small
        immutable values (a list page's entries, a page's share tags) whose equality costs far less than
        make(). The key must hold all that make() reads (the templates' digest too, for a render)."""
        if self.records is None or self.folder is None:
            return make()
        current, older = self._memo("same-value", kind)
        found = current.get(key, older.get(key, _MISSING))
        current[key] = make() if found is _MISSING else found
        return current[key]

    def _memo(self, room: str, kind: str) -> tuple[dict, dict]:
        """This build's memo of a kind and the last build's: at the first use in a build, the last build's
        results become the old ones (kept until the next build: what this one did not use is let go)."""
        assert self.records is not None and self.folder is not None
        slot = self.folder / room / kind
        if slot not in self.used:
            self.used.add(slot)
            self._older[slot] = self.records.get(slot, {})  # type: ignore[assignment]
            self.records[slot] = {}
        return self.records[slot], self._older[slot]  # type: ignore[return-value]

    def keep_used_records(self) -> None:
        """Forget the records this build did not use (the next build in this process starts from these)."""
        if self.records is not None:
            for entry in [e for e in self.records if e not in self.used]:
                del self.records[entry]

    def hold(self) -> None:
        """Keep any other build's prune from removing entries while this one still needs them (a page read
        again only when MkDocs writes it, GeneratedPage.waiting): a shared lock, held until this cache goes."""
        if self.folder is None or self._holding is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._holding = open(self.folder.parent / IN_USE, "ab")
            fcntl.flock(self._holding, fcntl.LOCK_SH)
        except OSError:  # best effort, as the cache is: a build that then misses an entry says so
            self._holding = None

    def prune(self) -> None:
        """Remove what this build did not use, and the folders of other code versions; nothing while another
        build holds the cache (hold), which may need what this one did not use."""
        if self.folder is None or not self.folder.parent.is_dir():
            return
        try:
            lock = self._holding or open(self.folder.parent / IN_USE, "ab")
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by another build (BlockingIOError), or not to be had: a later build prunes
            return
        try:
            self._prune()
        finally:
            fcntl.flock(lock, fcntl.LOCK_SH if lock is self._holding else fcntl.LOCK_UN)
            if lock is not self._holding:
                lock.close()

    def _prune(self) -> None:
        assert self.folder is not None
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
        # By name, not by Path: a cache at 1,000 notices holds about 33,000 entries, and comparing Paths took
        # half a second at the end of every build.
        used: dict[str, set[str]] = {}
        for entry in self.used:
            if entry.parent.parent == self.folder:
                used.setdefault(entry.parent.name, set()).add(entry.name)
        for kind in os.scandir(self.folder) if self.folder.is_dir() else ():
            kept = used.get(kind.name, set())
            for entry in os.scandir(kind.path):
                if entry.name not in kept:
                    Path(entry.path).unlink(missing_ok=True)


def cache_for(root: Path, environ: Mapping[str, str], records: dict[Path, object] | None = None) -> ContentCache:
    """The project's cache (with records kept in this process, if given), or a disabled one when a clean build
    is asked for."""
    if environ.get(CLEAN_ENV, "").strip() not in ("", "0"):
        return ContentCache(None)
    return ContentCache(root / ".cache" / "build", records)


def _read(entry: Path) -> bytes | None:
    try:
        with open(entry, "rb", buffering=0) as stored:
            digest, value = stored.read(32), stored.readall()  # not sliced off the whole: no copy of the value
    except OSError:
        return None
    return value if hashlib.sha256(value).digest() == digest else None


# A temporary name no other writer uses at the same time: this process's id and a count (a random name read
# the system's random source for each of a first build's 37,000 entries).
_WRITES = itertools.count()
_FOLDERS: set[Path] = set()  # folders this process has made: not made again for every entry


def _write(entry: Path, value: bytes) -> None:
    """Best effort: a cache that cannot be written (a full disk) only makes the next build slower. A new entry
    cut short is left as it is: whoever reads it next takes it as missing and replaces it (removing it could
    remove another process's whole entry renamed over it meanwhile)."""
    digest = hashlib.sha256(value).digest()
    try:
        if entry.parent not in _FOLDERS:
            entry.parent.mkdir(parents=True, exist_ok=True)
            _FOLDERS.add(entry.parent)
        _write_new(entry, digest, value, os.O_EXCL)  # a new entry, where it goes
    except FileExistsError:
        _replace(entry, digest, value)
    except FileNotFoundError:  # the folder was removed since (a prune of another version, by hand)
        _FOLDERS.discard(entry.parent)
        with contextlib.suppress(OSError):
            entry.parent.mkdir(parents=True, exist_ok=True)
            _write_new(entry, digest, value, os.O_EXCL)
    except OSError:
        pass


def _replace(entry: Path, digest: bytes, value: bytes) -> None:
    """The entry written to a temporary name and renamed over the file that is there."""
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.{next(_WRITES)}")
    try:
        _write_new(temporary, digest, value, os.O_TRUNC)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _write_new(path: Path, digest: bytes, value: bytes, flag: int) -> None:
    """The digest then the value, in one call and not joined first: joining copied every value (1.1 GB in a
    first build at 1,000 notices). flag: os.O_EXCL or os.O_TRUNC."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | flag, 0o666)
    try:
        if os.writev(descriptor, (digest, value)) != len(digest) + len(value):
            raise OSError(errno.ENOSPC, "short write")  # a regular file takes a write whole but on a full disk
    finally:
        os.close(descriptor)
