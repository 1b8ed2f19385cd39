"""Read and validate everything under data/ once, before any page is generated."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import selectors
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from disclosures.core import records as r
from disclosures.core import texts as t
from disclosures.core.cache import ContentCache
from disclosures.core.errors import DataError, DataInvalid
from disclosures.core.processes import FRAME, dying_with_parent
from disclosures.load import validate as v
from disclosures.load.fieldpath import page_labels, shown_path
from disclosures.load.fieldreader import Fields, Reader
from disclosures.load.glossary import read_glossary
from disclosures.load.portal import read_registries
from disclosures.load.searchterms import TERMS_FILE, read_terms
from disclosures.load.summary import is_notice_file
from disclosures.load.yamlload import MAX_FILE_BYTES, load_yaml, position


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def notice_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "disclosures"
    return sorted(p for p in folder.iterdir() if is_notice_file(p)) if folder.is_dir() else []


def read_site(path: Path, name: str) -> tuple[r.Site | None, list[DataError]]:
    loaded = load_yaml(path, name)
    if loaded.node is None:
        return None, loaded.errors
    reader = Reader(name, loaded.text)
    site = v.site(Fields(reader, loaded.node, "", v.SITE_KEYS))
    return site, reader.errors


def read_notice(path: Path, name: str) -> tuple[r.Notice | None, list[DataError], tuple[int, int]]:
    """The notice, its errors, and the line and column of its id (for duplicate-id messages)."""
    loaded = load_yaml(path, name)
    if loaded.node is None:
        return None, loaded.errors, (0, 0)
    reader = Reader(name, loaded.text)
    fields = Fields(reader, loaded.node, "", v.NOTICE_KEYS)
    notice = v.notice(fields, name)
    if notice is not None:
        source = name.encode("utf-8") + b"\0" + loaded.text.encode("utf-8", "surrogatepass")
        notice = dataclasses.replace(notice, digest=hashlib.sha256(source).hexdigest())
    id_node = fields.node_of("id")
    labels = page_labels(loaded.node)
    errors = [dataclasses.replace(e, shown=shown_path(e.path, labels)) for e in reader.errors]
    return notice, errors, position(id_node) if id_node is not None else (0, 0)


def _index_number_errors(notices: list[r.Notice], data_dir: Path) -> list[DataError]:
    """索引号 is an identifier: two notices with one would be two documents under one number."""
    by_index: dict[str, list[r.Notice]] = {}
    for notice in notices:
        if notice.metadata and notice.metadata.index:
            by_index.setdefault(notice.metadata.index, []).append(notice)
    errors: list[DataError] = []
    for index, sharing in by_index.items():
        if len(sharing) == 1:
            continue  # the file is read again for a duplicate's message only
        first, first_line = sharing[0].source, _index_position(data_dir.parent / sharing[0].source, index)[0]
        for notice in sharing[1:]:
            line, column = _index_position(data_dir.parent / notice.source, index)
            errors.append(DataError(notice.source, line, column, "metadata.index", t.INDEX_NUMBER_UNIQUE,
                                    t.INDEX_NUMBER_DUPLICATE.format(value=index, other=first, line=first_line),
                                    t.INDEX_NUMBER_HINT))
    return errors


def _index_position(path: Path, index: str) -> tuple[int, int]:
    """Line and column of the 索引号 in its file (read again only for a duplicate's message)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        at = line.find(index)
        if at >= 0:
            return number, at + 1
    return 0, 0


def _same_notice_errors(notices: list[r.Notice], data_dir: Path) -> list[DataError]:
    """A notice saved twice (a copy under another file name and id) would be published twice: the same
    title, issuer and publication date can only be one notice. Drafts are left out: a copy being
    rewritten into a new notice is not published yet."""
    first: dict[tuple[str, str, object], r.Notice] = {}
    errors: list[DataError] = []
    for notice in notices:
        if notice.draft:
            continue
        key = (notice.title, notice.issuer.name, notice.published)
        if key not in first:
            first[key] = notice
            continue
        other = first[key]
        line, column = _key_position(data_dir.parent / notice.source, notice.source, "title")
        other_line = _key_position(data_dir.parent / other.source, other.source, "title")[0]
        errors.append(DataError(notice.source, line, column, "title", t.EXPECTED_UNIQUE_NOTICE,
                                t.FOUND_SAME_NOTICE.format(other=other.source, line=other_line), t.HINT_SAME_NOTICE))
    return errors


def _key_position(path: Path, name: str, key: str) -> tuple[int, int]:
    """Line and column of a top-level key's value (read again only for a duplicate's message)."""
    root = load_yaml(path, name).node
    for key_node, value in getattr(root, "value", ()):
        if getattr(key_node, "value", None) == key:
            return position(value)
    return 0, 0


Read = tuple[r.Notice | None, list[DataError], tuple[int, int]]  # what read_notice gives for one file
# Below this many files to read, a second process costs more than it saves (it starts in about 0.3 s).
PARALLEL_FROM = 32


def read_notices(files: list[tuple[Path, str]], cache: ContentCache | None) -> list[Read]:
    """read_notice for each (path, name), in order: a file read before with the same name and bytes comes
    from the cache; the others are read by one process per core (reading and checking is pure Python).

    What is stored is what read_notice made of the bytes the key was taken from: the file is read again
    afterwards, and nothing is stored if it changed in between (an editor saving meanwhile)."""
    cache = cache or ContentCache(None)
    # Only a cache that is on reads the files for their keys (a clean build reads each once, in read_notice).
    keys = [_cache_key(path, name) if cache.folder is not None else None for path, name in files]
    results: list[Read | None] = [cache.get_record("notice", key) if key is not None else None  # type: ignore[misc]
                                  for key in keys]
    for i, read, pickled in _read_in_parallel(files, [i for i, result in enumerate(results) if result is None]):
        results[i] = read
        if keys[i] is not None and _cache_key(*files[i]) == keys[i]:
            results[i] = cache.put_pickled("notice", keys[i], pickled, read) if pickled is not None else \
                cache.put_record("notice", keys[i], read)
    assert all(result is not None for result in results)
    return results  # type: ignore[return-value]  # every None was filled in above


def _cache_key(path: Path, name: str) -> bytes | None:
    if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
        return None  # read_notice gives its own message; nothing worth keeping
    return name.encode("utf-8") + b"\0" + path.read_bytes()


def _read_in_parallel(files: list[tuple[Path, str]], indices: list[int]
                      ) -> Iterator[tuple[int, Read, bytes | None]]:
    """(i, read_notice of files[i], its pickle if a helper made it) for each of indices, in any order: read by
    one helper process per core (readworker.py), each record as the helper sends it. This process makes
    nothing but what it keeps: a first build at 10,000 notices held a helper's whole output, the records
    unpickled from it, and the records it read itself together with their stored copies."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    done: set[int] = set()
    if len(indices) >= PARALLEL_FROM and cores >= 2:
        parts = [indices[k::cores] for k in range(cores)]  # strided: long and short files spread evenly
        for i, read, pickled in _from_helpers([(part, _start_reading([files[i] for i in part])) for part in parts]):
            done.add(i)
            yield i, read, pickled
    for i in indices:
        if i not in done:  # few files, one core, or a helper that failed: never a build's cause
            yield i, read_notice(*files[i]), None


def _start_reading(files: list[tuple[Path, str]]) -> subprocess.Popen | None:
    try:
        # It dies with the build (a killed build left its helpers reading for up to a minute at 10,000 notices).
        child = subprocess.Popen(dying_with_parent([sys.executable, "-m", "disclosures.load.readworker"]),
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert child.stdin is not None
        child.stdin.write(pickle.dumps(files, protocol=5))
        child.stdin.close()
        return child
    except OSError:  # no process to be had (a limit): its files are read here
        return None


def _from_helpers(helpers: list[tuple[list[int], subprocess.Popen | None]]) -> Iterator[tuple[int, Read, bytes]]:
    """Each helper's records as they come, with the index each stands for (helpers write them in the order
    of their files); a helper that sends a record that is not one stops being read (and is stopped)."""
    with selectors.DefaultSelector() as selector:
        for part, child in helpers:
            if child is not None and child.stdout is not None:
                selector.register(child.stdout, selectors.EVENT_READ, (part, child, bytearray(), [0]))
        while selector.get_map():
            for key, _ in selector.select():
                part, child, buffer, at = key.data
                chunk = os.read(key.fd, 1 << 20)
                buffer += chunk
                while len(buffer) >= FRAME.size and \
                        len(buffer) >= (end := FRAME.size + FRAME.unpack_from(buffer)[0]):
                    pickled = bytes(buffer[FRAME.size:end])
                    del buffer[:end]
                    read = _unpickled(pickled) if at[0] < len(part) else None
                    if read is None:
                        chunk = b""  # not a record: stop reading this helper
                        break
                    yield part[at[0]], read, pickled
                    at[0] += 1
                if not chunk:
                    selector.unregister(key.fileobj)
                    child.kill()
                    child.wait()


def _unpickled(pickled: bytes) -> Read | None:
    try:
        read = pickle.loads(pickled)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError):
        return None
    return read if isinstance(read, tuple) and len(read) == 3 else None


def load_project(data_dir: Path, cache: ContentCache | None = None) -> r.Project:
    """Every notice and the site settings, or DataInvalid listing every mistake (notice files read before
    with the same bytes come from the cache, core/cache.py)."""
    errors: list[DataError] = []
    site_path = data_dir / "site.yml"
    site: r.Site | None = None
    if site_path.is_file():
        site, site_errors = read_site(site_path, _relative(site_path, data_dir))
        errors += site_errors
    else:
        errors.append(DataError(_relative(site_path, data_dir), 0, 0, "", t.EXPECTED_SITE_FILE, t.FOUND_NO_FILE))

    notices: list[r.Notice] = []
    first_seen: dict[str, tuple[str, int]] = {}  # id -> file and line where it first appeared
    files = [(path, _relative(path, data_dir)) for path in notice_files(data_dir)]
    for (path, name), (notice, notice_errors, (id_line, id_column)) in zip(files, read_notices(files, cache)):
        errors += notice_errors
        if notice is None or not notice.id:
            continue
        if notice.id in first_seen:
            other, other_line = first_seen[notice.id]
            errors.append(DataError(name, id_line, id_column, "id", t.EXPECTED_UNIQUE_ID,
                                    t.FOUND_DUPLICATE_ID.format(id=notice.id, other=other, line=other_line),
                                    t.HINT_UNIQUE_ID))
            continue
        first_seen[notice.id] = (name, id_line)
        notices.append(notice)

    glossary: tuple[r.GlossaryEntry, ...] = ()
    glossary_path = data_dir / "glossary.yml"  # optional
    if glossary_path.is_file():
        glossary, glossary_errors = read_glossary(glossary_path, _relative(glossary_path, data_dir))
        errors += glossary_errors

    terms_path = data_dir / TERMS_FILE  # optional
    search_terms, terms_errors = read_terms(terms_path, _relative(terms_path, data_dir))
    errors += terms_errors

    units, rounds, registry_errors = read_registries(data_dir, lambda p: _relative(p, data_dir))
    errors += registry_errors
    errors += _index_number_errors(notices, data_dir)
    errors += _same_notice_errors(notices, data_dir)

    if errors or site is None:
        raise DataInvalid(errors)
    return r.Project(site=site, notices=tuple(notices), glossary=glossary, search_terms=search_terms,
                     units=units, rounds=rounds)
