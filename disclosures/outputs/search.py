"""The search index: Pagefind run over the site's pages into <site>/pagefind/.

Pagefind (PyPI `pagefind[extended]`: its bundled binary, run as a command; no
Node) splits the index into small chunks, so a reader's search downloads only
the pieces its words need, and its extended build segments Chinese. It indexes
only what the pages mark with data-pagefind-body (the notice text and the
glossary): that element of each page is handed to it as a page of its own, one
result per page with a sub-result per heading that has an id, so a problem （N）
is found as itself and the link lands on #problem-N. Filters, sort keys and
hidden keywords are in the pages (searchmarks.py); the tokens of each date are
added to the copy Pagefind reads, right where the date stands (with_date_marks);
the browser side is docs/assets/javascripts/search.js.

The hook starts the index as soon as the pages are rendered (the marked element
is the generated content, which MkDocs puts into the page unchanged), so that
Pagefind works while the feeds are made, MkDocs writes the pages and the link
check reads them.

Shards. Pagefind holds a whole index in memory while it writes it (about 38
bytes per byte of text: 2.3 GB at 1,000 long notices), so the pages are cut
into shards, each indexed by a Pagefind run of its own, one at a time, and
taken from the build cache while its pages stay the same. The cuts
(shards_of) follow the pages in publication order and fall after a page
whose path hashes to 0 modulo the shard size, or before one that would take
a shard over MAX_SHARD_BYTES: an edit changes its own shard only, and a new
notice (the newest) the newest shard. A shard is known by its pages' paths
and indexed parts (shard_key): the copy Pagefind reads is a pure function of
the part, so an unchanged shard is found without making any copy. The
newest shard is the primary index in pagefind/ (with Pagefind's script,
worker and wasm); the others sit in pagefind/shards/<name>/ (their index
files only: merged indexes use the primary's wasm), listed newest first in
pagefind/shards.json. search.js answers from the newest shard first and then
merges the others in (Pagefind's mergeIndex), so a reader's first search
costs what one shard costs, however large the portal.

Pages arrive as they are rendered (BackgroundIndex.add), in publication order
(prepare renders them so): a cut depends only on the pages before it, so each
shard is indexed as soon as its last page is known, while the rest are still
being rendered. The shards are then cut again from all the pages, sorted; a
shard made early is used only if it is one of these (the same key), so pages
that came out of order cost time, never a different index.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import pickle
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from zlib_ng import zlib_ng as zlib

from disclosures.core import texts
from disclosures.core.cache import ContentCache
from disclosures.core.errors import ProjectError
from disclosures.core.hardlink import link_if_same
from disclosures.core.processes import dying_with_parent
from disclosures.core.urls import PAGEFIND_DIR
from disclosures.model.searchmarks import CLOSE, OPEN, date_marks
from disclosures.outputs.searchorder import (PAGEFIND_VERSION, SHORT_HASH, UnexpectedIndex, fragment_names,
                                            fragment_url, make_deterministic)

# Every page is Chinese; one index for the whole site (no per-language split).
LANGUAGE = "zh-cn"
# Pagefind writes ready-made UIs too; search.js uses only the core API, so these are removed.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


# Pagefind's engine (script, worker, wasm): only the primary index needs it; merged indexes use its wasm.
ENGINE_FILES = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
SHARDS_DIR = "shards"  # under pagefind/: the older shards, one folder each
SHARDS_LIST = "shards.json"  # under pagefind/: {"shards": [folder, …]}, newest first, relative to pagefind/
# Pages per shard on average (a cut falls after a page whose path hashes to 0 modulo this). An operator with
# less memory may lower it; the search then fetches a little more per shard. Half of 250, which it was: an
# edit at 1,000 notices re-indexed about 240 pages, 7 s of Pagefind's CPU beside the build's own on two cores
# (an edit build took 10-11.5 s, now 8.3-8.9 s), while a reader's first search fetches no more until its first
# result (the newest shard: 215 KiB at 1,000 notices either way) and the merge of the older shards after it
# fetches more (670 KiB in all against 528 KiB; handbook/development.md).
SHARD_ENV = "DISCLOSURE_SEARCH_SHARD_PAGES"
DEFAULT_SHARD_PAGES = 120
# Text per shard at most, counted in its pages' indexed parts (Pagefind's copies add the dates' tokens, about
# 7% of the real notice): about 0.5 GB of Pagefind's memory (38 bytes per byte), and 120 of the real notice's
# pages (93 KiB each), so that an edit re-indexes at most that many.
MAX_SHARD_BYTES = 11 * 2**20
P = TypeVar("P")  # what a shard holds of a page: (path, part), or a Part
_PUBLISHED = re.compile(r'data-pagefind-sort="published\[data-value\]" data-value="([^"]*)"')


class SearchIndexFailed(ProjectError):
    """Pagefind could not index the built pages."""


_BODY_ATTR = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body[\s>=]")


def indexed_part(html: str) -> str | None:
    """The element marked data-pagefind-body, as a page of its own; None when a page has none (not indexed).

    Pagefind would parse each whole page, navigation included (at 1,000 notices every page lists them
    all, five times the notice's own text), only to keep this element: about a fifth of its time.
    """
    found = _BODY_ATTR.search(html)
    if found is None:
        return None
    tag = found.group(1)
    opening, closing = re.compile(rf"<{tag}[\s>]"), f"</{tag}>"
    depth, at = 1, found.end()
    while depth:
        end = html.find(closing, at)
        if end < 0:
            return html  # not well-formed: Pagefind finds the element in the whole page itself
        depth += len(opening.findall(html, at, end)) - 1
        at = end + len(closing)
    return f'<!DOCTYPE html><html lang="zh-CN"><body>{html[found.start():at]}</body></html>'


# A tag, or the text between two tags (the pages are our own escaped HTML: text holds no "<").
_PIECE = re.compile(r"<[^>]*>|[^<]+")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
# Elements whose text Pagefind takes as a whole (a heading is a sub-result's title; the others are values):
# a date's tokens inside one go after its end tag.
_HEADING = re.compile(r"h[1-6]")
_VALUE_ATTR = re.compile(r"\sdata-pagefind-(?:filter|sort|meta)\b")
# The build's 截至…（本页生成时）: the day the page was made, no date of the notice (every notice built that
# day would be found by it).
_AS_OF_ATTR = re.compile(r"\sdata-window-as-of\b")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})  # no end tag: never held


def _marks_span(tokens: Iterable[str]) -> str:
    """The tokens as the hidden keyword lines are written (search.js cuts ⟦…⟧ out of what it shows)."""
    return f'<span class="dsc-search-keys" hidden>{OPEN}{" ".join(dict.fromkeys(tokens))}{CLOSE}</span>'


def _marked_text(text: str) -> str:
    """text with the tokens of each date right after it: 2024年8月30日⟦rq20240830 ny202408 yr0830⟧."""
    marks = date_marks(text)
    if not marks:
        return text
    out, at = [], 0
    for mark in marks:
        out += [text[at:mark.end], _marks_span(mark.tokens)]
        at = mark.end
    return "".join(out) + text[at:]


def with_date_marks(html: str) -> str:
    """The indexed part with the tokens of every date in its text next to it, so Pagefind counts them for
    the section the date stands in, wherever it is: a keyword line after a heading (searchmarks.py) only
    reaches the texts the template renders under that heading with a line of their own.

    Only the copy Pagefind reads gets them; the page itself is unchanged. A date in a heading or a filter's
    text gets them after the element (they would show in the result's title or change the value), the
    build's own day (截至…（本页生成时）) none.
    """
    out: list[str] = []
    held: list[str] = []  # tokens of dates inside a heading or value element, written after its end tag
    holder, depth, drop = "", 0, False  # the element being held, its nesting, and whether its dates count
    for piece in _PIECE.findall(html):
        # Outside a held element most pieces change nothing and are copied as they are, without the tag's
        # parse (a notice's part has about 3,400 pieces: the parse of each was two thirds of the time): text
        # without 月 (every date has one), and a tag without one that cannot start a held element (an end
        # tag, or neither a heading nor an element with a data- attribute).
        if not holder and "月" not in piece and (
                piece[0] != "<" or piece[1] == "/" or ("data-" not in piece and piece[1] not in "hH")):
            out.append(piece)
            continue
        tag = _TAG.match(piece)
        if tag is None:  # text (or a comment or doctype, which holds no date)
            if holder:
                held += [] if drop else [t for mark in date_marks(piece) for t in mark.tokens]
                # The build's moment is left out of the copy entirely: it is nothing to search for, and
                # without it the same notices give the same input, whose index the cache can give back.
                out += [] if drop else [piece]
            else:
                out.append(_marked_text(piece))
            continue
        out.append(piece)
        closing, name, attrs = tag.group(1) == "/", tag.group(2).lower(), tag.group(3)
        if holder and name == holder:
            depth += -1 if closing else 1
            if depth == 0:
                out += [_marks_span(held)] if held else []
                holder, held = "", []
        elif not holder and not closing and name not in _VOID and not attrs.rstrip().endswith("/"):
            drop = bool(_AS_OF_ATTR.search(attrs))
            if drop or _HEADING.fullmatch(name) or _VALUE_ATTR.search(attrs):
                holder, depth = name, 1
    return "".join(out + ([_marks_span(held)] if held else []))  # an element left open: its dates at the end


Page = tuple[str, str]  # (path in the site, text): a page's HTML, its indexed part, or the copy Pagefind reads


def indexed_parts(pages: Iterable[Page]) -> list[Page]:
    """(path, indexed part) of each page (path, HTML) that has one, in the order given."""
    return [(path, part) for path, page in pages if (part := indexed_part(page)) is not None]


def indexed_copies(pages: Iterable[Page], store: ContentCache | None = None) -> list[Page]:
    """(path, the copy Pagefind reads) for each page (path in the site, HTML) that has an indexed part, in
    publication order: dated pages oldest first, then pages without a date (the glossary), each by path."""
    return marked_copies(sorted(indexed_parts(pages), key=publication_key), store)


def marked_copies(parts: Iterable[Page], store: ContentCache | None = None) -> list[Page]:
    """The copy Pagefind reads of each (path, part): a pure function of the part, so the store gives back
    those of parts an earlier build marked."""
    store = store or ContentCache(None)
    return [(path, store.get_or_make("search-copy", part.encode("utf-8"), _marked_copy).decode("utf-8"))
            for path, part in parts]


def _marked_copy(part: bytes) -> bytes:
    return with_date_marks(part.decode("utf-8")).encode("utf-8")


def publication_key(page: Page) -> tuple[int, str, str]:
    """The order of the index's pages: by the published date a page's part holds, then by path; undated last."""
    found = _PUBLISHED.search(page[1])
    return (0, found.group(1), page[0]) if found else (1, "", page[0])


def shard_pages(environ: Mapping[str, str] = os.environ) -> int:
    """The shard size (SHARD_ENV); refused with a message if it is not a whole number of at least 1."""
    raw = environ.get(SHARD_ENV, "").strip()
    if not raw:
        return DEFAULT_SHARD_PAGES
    if not raw.isdigit() or int(raw) < 1:
        raise ProjectError(texts.SEARCH_SHARD_INVALID.format(name=SHARD_ENV, value=raw, default=DEFAULT_SHARD_PAGES))
    return int(raw)


def _cut_after(path: str, pages: int) -> bool:
    return int.from_bytes(hashlib.sha256(path.encode("utf-8")).digest()[:8], "big") % pages == 0


class ShardCutter(Generic[P]):
    """shards_of a page at a time: add() gives the shards its page completed (see shards_of). measure(page):
    its path in the site and the size of its part in UTF-8 bytes."""

    def __init__(self, measure: Callable[[P], tuple[str, int]], pages: int = DEFAULT_SHARD_PAGES,
                 max_bytes: int = MAX_SHARD_BYTES):
        self._measure, self._pages, self._max_bytes = measure, pages, max_bytes
        self._shard: list[P] = []
        self._size = 0

    def add(self, page: P) -> list[list[P]]:
        done = []
        path, size = self._measure(page)
        if self._shard and self._size + size > self._max_bytes:
            done.append(self._shard)
            self._shard, self._size = [], 0
        self._shard.append(page)
        self._size += size
        if _cut_after(path, self._pages):
            done.append(self._shard)
            self._shard, self._size = [], 0
        return done

    def rest(self) -> list[list[P]]:
        """The last shard, if it has pages."""
        return [self._shard] if self._shard else []

    def all(self, pages: Iterable[P]) -> list[list[P]]:
        """Every shard of these pages (and of those added before)."""
        return [shard for page in pages for shard in self.add(page)] + self.rest()


def shards_of(parts: list[Page], pages: int = DEFAULT_SHARD_PAGES, max_bytes: int = MAX_SHARD_BYTES
              ) -> list[list[Page]]:
    """The (path, part) pages (in publication order) cut into shards, oldest first; see the module's docstring.

    A cut depends only on the page before it (its path) and the shard's size so far, so an edit moves at
    most the cuts up to the next one its path decides, and a page added at the end changes the last shard.
    """
    return ShardCutter(lambda page: (page[0], len(page[1].encode("utf-8"))), pages, max_bytes).all(parts)


@dataclass(frozen=True)
class Part:
    """A page's indexed part as the index thread keeps it until every page has come (the shards are then cut
    again): deflated, about a third of its size (at 10,000 notices the parts were a gigabyte), with what the
    cuts and a shard's key need of it."""

    path: str  # in the site
    order: tuple[int, str, str]  # publication_key
    size: int  # of the part in UTF-8: what MAX_SHARD_BYTES counts
    digest: bytes  # SHA-256 of the same: what a shard's key holds
    packed: bytes  # the same, deflated

    def measure(self) -> tuple[str, int]:  # as ShardCutter takes it
        return self.path, self.size

    @classmethod
    def of(cls, page: Page) -> Part:
        data = page[1].encode("utf-8")
        return cls(page[0], publication_key(page), len(data), hashlib.sha256(data).digest(), zlib.compress(data, 1))

    def page(self) -> Page:
        return self.path, zlib.decompress(self.packed).decode("utf-8")


def _part_of(page: Page) -> Part | None:
    """The Part of a page (path, HTML), if it has an indexed part."""
    found = indexed_part(page[1])
    return None if found is None else Part.of((page[0], found))


PART_KIND = "search part"  # the cache's kind for a page's Part, by its path and text key (BackgroundIndex.add)


def shard_key(shard: list[Page]) -> bytes:
    """What a shard's index is made of (its pages' paths and parts, in order), as a SHA-256."""
    return _key([Part.of(page) for page in shard])


def _key(shard: list[Part]) -> bytes:
    return hashlib.sha256(b"".join(part.path.encode("utf-8") + b"\0" + part.digest for part in shard)).digest()


# A page's fragment (Pagefind's JSON of its URL, text, filters, meta and headings) is a pure function of the
# page's copy, compressed at Pagefind's highest level (a third of a run's time) and named by the start of its
# SHA-1 (searchorder.SHORT_HASH); Pagefind writes it only if no file has that name. A run that re-indexes a
# shard after an edit finds the fragment files of the unchanged pages in place (seeds, from the cache by page
# and part: FRAGMENT_KIND), written by an earlier run of the same Pagefind (the cache's code version holds
# it). Each seed is then the file Pagefind would write under its name, unless this run gives that name to
# other content, which it can only do when two of its fragments begin alike and one takes a longer name: a
# run whose names are not all of the short length, or that does not name every seed, is made again without
# seeds. The output is the same either way.
FRAGMENTS = "fragment"  # Pagefind's folder of them
FRAGMENT_SUFFIX = ".pf_fragment"
FRAGMENT_KIND = "search fragment"  # the cache's: name, NUL, the file's bytes


def _fragment_key(part: Part) -> bytes:
    return part.path.encode("utf-8") + b"\0" + part.digest


def _seeds_held(written: Path, seeds: Mapping[str, bytes]) -> bool:
    """Whether the run into written gave every page its short name and named every seed (see FRAGMENTS)."""
    names = fragment_names(written)
    return all(len(name.rpartition("_")[2]) == SHORT_HASH for name in names) and set(seeds) <= set(names)


def _write_parts(parts: Iterable[tuple[str, str]], dest: Path) -> int:
    """Each copy (indexed_copies) at its path under dest, so Pagefind gives the same URLs.

    Written in the order given (the caller sorts): Pagefind numbers pages in the order it finds them, and
    a directory lists its files in creation order (tmpfs) or hash order, so the same input gives the same index.
    """
    written = 0
    for path, part in parts:
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(part, encoding="utf-8")
        written += 1
    return written


def built_pages(site_dir: Path) -> Iterator[tuple[str, str]]:
    """Every HTML page under site_dir as (path, HTML), sorted by path."""
    for path in sorted(site_dir.rglob("*.html")):
        yield path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class IndexStats:
    pages: int  # pages indexed
    files: int  # files in pagefind/
    bytes: int  # their size on disk


class BackgroundIndex:
    """Pagefind indexing pages in a thread, from the moment they are rendered (Pagefind works in its own
    process, on about 1.4 cores, while the build renders the rest, MkDocs writes the pages and the link check
    reads them).

    Its output stays in a temporary folder until publish() moves it into a site whole, so a site never
    holds half an index and a failed build leaves nothing behind. Call close() in any case.

        index = BackgroundIndex(store=cache)
        index.add(pages)                   # (path in the site, HTML), as rendered; in publication order
        index.added_all()
        ...
        stats = index.publish(site_dir)    # waits; raises SearchIndexFailed
        index.close()

    BackgroundIndex(pages) adds the pages and added_all() at once.
    """

    def __init__(self, pages: Iterable[Page] | None = None, store: ContentCache | None = None,
                 pages_per_shard: int = DEFAULT_SHARD_PAGES, published: Path | None = None):
        """published: the site this build replaces; an older shard's file it holds byte for byte is linked
        (core/hardlink.py)."""
        remove_orphaned_work()
        self._store = store or ContentCache(None)
        self._published = published / PAGEFIND_DIR / SHARDS_DIR if published is not None else None
        self._work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
        self._process: subprocess.Popen | None = None
        self._one_pagefind = threading.Lock()  # one Pagefind process at a time: its memory is the bound
        self._closed = False
        self._moving = threading.Lock()  # publish_later's move and close()'s removal of the work folder
        self._added: queue.SimpleQueue[list[tuple[Page, str]] | None] = queue.SimpleQueue()
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind")
        self._future: Future[int] = pool.submit(self._run, pages_per_shard)
        pool.shutdown(wait=False)  # the thread ends with its one task
        if pages is not None:
            self.add(pages)
            self.added_all()

    def add(self, pages: Iterable[Page], text_keys: Iterable[str] = ()) -> None:
        """Pages (path in the site, HTML) to index; the index thread keeps only their indexed parts (finding
        them in 1,000 pages took the caller's thread half a second: a preview's reload waited for it).
        text_keys: for each page, a name its HTML is a pure function of (build.GeneratedPage.text_key: its
        render's cache entry), or "": a named page's Part is taken from the cache (PART_KIND)."""
        self._added.put(list(zip(pages, itertools.chain(text_keys, itertools.repeat("")))))

    def added_all(self) -> None:
        self._added.put(None)

    def _run(self, pages_per_shard: int) -> int:
        """Index the pages shard by shard into work/index (the layout in the module's docstring): each shard
        as soon as its pages have come in order, then the shards of all pages as sorted (those not made
        yet now). A shard whose pages are exactly those of an earlier build's shard is taken from the cache
        (the output is deterministic, searchorder.py, so it is the index Pagefind would write again); the
        others are made by Pagefind in threads of their own, so an edit's shard does not hold up the unchanged
        ones. Two threads, one Pagefind process at a time (its memory is the bound): while Pagefind indexes a
        shard, the other thread takes the last one's output and writes the next one's copies. In one thread
        that work stood between two runs, 1 to 1.7 s each time, and left the index the build's last 11 s at
        1,000 notices."""
        pagefind = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pagefind-run")
        try:
            return self._index_all(pages_per_shard, pagefind)
        finally:
            pagefind.shutdown(wait=True, cancel_futures=True)

    def _index_all(self, pages_per_shard: int, pagefind: ThreadPoolExecutor) -> int:
        parts: list[Part] = []
        made: dict[bytes, Future[tuple[int, Path]]] = {}  # a shard's key -> (its pages, the folder it is made in)
        cutter: ShardCutter[Part] | None = ShardCutter(Part.measure, pages_per_shard)  # None once out of order
        last: tuple[int, str, str] | None = None
        while (added := self._added.get()) is not None and not self._closed:
            for part in self._parts(added):
                order, last = last, part.order
                cutter = cutter if order is None or order <= last else None
                parts.append(part)
                for shard in cutter.add(part) if cutter is not None else ():
                    self._made_into(shard, made, pagefind)
        if self._closed:
            return 0
        parts.sort(key=lambda part: part.order)
        shards = ShardCutter(Part.measure, pages_per_shard).all(parts)
        for shard in shards:
            self._made_into(shard, made, pagefind)
        out = self._work / "index"
        older, count = [], 0
        for i, shard in enumerate(reversed(shards)):  # newest first: the newest is the primary index
            pages, folder = made[_key(shard)].result()
            count += pages
            if i == 0:
                folder.rename(out)
                continue
            older.append(f"{SHARDS_DIR}/{folder.name}/")
            for engine in ENGINE_FILES:  # merged indexes run on the primary's engine
                for file in folder.glob(engine):
                    file.unlink()
            (out / SHARDS_DIR).mkdir(exist_ok=True)
            folder.rename(out / SHARDS_DIR / folder.name)
        if count:
            (out / SHARDS_LIST).write_text(json.dumps({"shards": older}, separators=(",", ":")), encoding="utf-8")
        return count

    def _parts(self, added: list[tuple[Page, str]]) -> Iterator[Part]:
        """The Part of each added page that has an indexed part. Finding the part and deflating it took the
        index thread 1.3 s of an edit build at 1,000 notices, holding the interpreter the build's thread
        needs: a page named by its render's cache entry takes its Part (or that it has none) from the cache,
        by its path and that name."""
        for page, text_key in added:
            if text_key:
                part = self._store.get_or_make_record(PART_KIND, f"{page[0]}\0{text_key}".encode("utf-8"),
                                                      lambda page=page: (_part_of(page),), kept=False)[0]
            else:
                part = _part_of(page)
            if part is not None:
                yield part

    def _made_into(self, shard: list[Part], made: dict[bytes, Future[tuple[int, Path]]],
                   pagefind: ThreadPoolExecutor) -> None:
        """made[the shard's key]: (pages indexed, the folder under work/made/ holding its index), from the
        cache now or made by Pagefind (in the pagefind thread)."""
        key = _key(shard)
        if key in made:
            return
        folder = self._work / "made" / key.hex()[:16]
        stored = self._store.get("search-shard", key)
        if stored is None:
            made[key] = pagefind.submit(lambda: self._written(folder, *self._make(shard, key)))
        else:
            for part in shard:  # for the run that indexes one of them again
                self._store.keep(FRAGMENT_KIND, _fragment_key(part))
            made[key] = Future()
            made[key].set_result(self._written(folder, *pickle.loads(stored)))

    def _written(self, folder: Path, count: int, files: list[tuple[str, bytes]]) -> tuple[int, Path]:
        """The shard's files in folder (each a link to the published site's, where that holds its bytes)."""
        for name, content in files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if self._published is None or not link_if_same(self._published / folder.name / name, content, target):
                target.write_bytes(content)
        return count, folder

    def _make(self, shard: list[Part], key: bytes) -> tuple[int, list[tuple[str, bytes]]]:
        name = key.hex()[:16]  # a folder of the shard's own: two are made at once
        source, written = self._work / "parts" / name, self._work / "shard" / name
        shutil.rmtree(source, ignore_errors=True)
        # An OSError of our own (a full disk) goes up as it is: the build reports it with the path and cause.
        _write_parts(marked_copies([part.page() for part in shard], self._store), source)
        seeds = self._seeds(shard)
        count = self._pagefind(source, written, seeds)
        if seeds and not _seeds_held(written, seeds):
            count = self._pagefind(source, written, {})
        self._keep_fragments(shard, written, seeds)
        files = [(f.relative_to(written).as_posix(), f.read_bytes()) for f in sorted(written.rglob("*")) if f.is_file()]
        shutil.rmtree(source, ignore_errors=True)
        shutil.rmtree(written, ignore_errors=True)
        made = count, files
        self._store.put("search-shard", key, pickle.dumps(made, protocol=5))
        return made

    def _pagefind(self, source: Path, written: Path, seeds: Mapping[str, bytes]) -> int:
        """Pagefind over the copies in source into written, with these fragment files in place (seeds); the
        number of pages indexed."""
        shutil.rmtree(written, ignore_errors=True)
        for name, content in seeds.items():
            target = written / FRAGMENTS / f"{name}{FRAGMENT_SUFFIX}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        try:
            self._index(source, written)
        except (OSError, RuntimeError) as error:  # the binary is missing, or it failed
            raise SearchIndexFailed(texts.SEARCH_INDEX_FAILED.format(error=error)) from error
        for name in UNUSED_FILES:
            (written / name).unlink(missing_ok=True)
        try:
            return make_deterministic(written)
        except (ValueError, KeyError, UnexpectedIndex) as error:  # cbor2's errors are ValueErrors
            raise SearchIndexFailed(texts.SEARCH_INDEX_UNEXPECTED.format(version=PAGEFIND_VERSION, error=error)) \
                from error

    def _seeds(self, shard: list[Part]) -> dict[str, bytes]:
        """The fragment files an earlier Pagefind run wrote for the very pages of this shard (same path, same
        part), by name: Pagefind compresses a page's fragment only if no file has its name (see FRAGMENTS)."""
        seeds = {}
        for part in shard:
            stored = self._store.get(FRAGMENT_KIND, _fragment_key(part))
            if stored is not None:
                name, _, content = stored.partition(b"\0")
                seeds[name.decode("ascii")] = content
        return seeds

    def _keep_fragments(self, shard: list[Part], written: Path, seeds: Mapping[str, bytes]) -> None:
        """Store each page's fragment file by its page and part, for the next run that indexes that page."""
        by_url = {"/" + part.path.removesuffix("index.html"): part for part in shard}
        for file in (written / FRAGMENTS).glob(f"*{FRAGMENT_SUFFIX}"):
            name = file.name.removesuffix(FRAGMENT_SUFFIX)
            if name in seeds:
                continue  # stored already (and found: kept)
            content = file.read_bytes()
            part = by_url.get(fragment_url(content) or "")
            if part is not None and name.isascii():
                self._store.put(FRAGMENT_KIND, _fragment_key(part), name.encode("ascii") + b"\0" + content)

    def publish(self, site_dir: Path) -> IndexStats:
        """Wait for the index and move it to site_dir/pagefind/ (replacing an older one, e.g. a dirty build's)."""
        return self._move_in(self._future.result(), site_dir)

    def publish_later(self, site_dir: Path, done: Callable[[IndexStats | SearchIndexFailed], None]) -> None:
        """For a preview: move the index into site_dir once it is made, without waiting (until then a search
        uses the last one), and tell done what came of it; nothing once close() has begun."""
        def move(future: Future[int]) -> None:
            with self._moving:
                if self._closed or future.cancelled():
                    return
                error = future.exception()
                if error is not None:
                    if isinstance(error, SearchIndexFailed):
                        done(error)
                    return  # any other error: the build that follows reports its own
                done(self._move_in(future.result(), site_dir))
        self._future.add_done_callback(move)

    def _move_in(self, pages: int, site_dir: Path) -> IndexStats:
        """The finished index to site_dir/pagefind/, replacing what was there by two renames."""
        out = site_dir / PAGEFIND_DIR
        new, old = out.with_name(f"{out.name}.new"), out.with_name(f"{out.name}.old")
        for leftover in (new, old):
            shutil.rmtree(leftover, ignore_errors=True)
        if not pages:  # nothing to index (an empty site, DISCLOSURE_ALLOW_EMPTY): Pagefind's command refuses that
            shutil.rmtree(out, ignore_errors=True)
            return IndexStats(0, 0, 0)  # no index: search.js then says search is unavailable
        shutil.move(self._work / "index", new)
        if out.exists():
            out.rename(old)
        new.rename(out)
        shutil.rmtree(old, ignore_errors=True)
        files = [p for p in out.rglob("*") if p.is_file()]
        return IndexStats(pages, len(files), sum(p.stat().st_size for p in files))

    def close(self) -> None:
        """Stop Pagefind if it still runs (a build that failed or was stopped), wait for the thread (its error,
        if any, is moot by now) and remove the temporary folder."""
        self._closed = True
        self._added.put(None)  # a thread still waiting for pages stops
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
        self._future.exception()
        with self._moving:  # a move begun by publish_later ends first
            shutil.rmtree(self._work, ignore_errors=True)

    def _index(self, pages_dir: Path, out: Path) -> None:
        """Pagefind over pages_dir into out, as a process close() can stop."""
        command = pagefind_command(pages_dir, out)
        with self._one_pagefind:
            if self._closed:
                raise RuntimeError("the build stopped before the index was made")
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            _finished(self._process)


def index_site(site_dir: Path, pages_per_shard: int = DEFAULT_SHARD_PAGES) -> IndexStats:
    """Index the built pages under site_dir into site_dir/pagefind/ and wait for it (tests, tools)."""
    index = BackgroundIndex(built_pages(site_dir), pages_per_shard=pages_per_shard)
    try:
        return index.publish(site_dir)
    finally:
        index.close()


def pagefind_command(pages_dir: Path, out: Path) -> list[str]:
    """Pagefind's own command (the binary pagefind[extended] ships) over pages_dir into out.

    Not its Python service: that one stops the binary with SIGTERM as soon as it answers "written", while
    the binary may still be writing files in the background (seen as an empty pagefind-entry.json under
    load). The command writes everything before it exits. It dies with the thread that starts it, however
    the build ends (PR_SET_PDEATHSIG), so a killed build leaves no Pagefind running.
    """
    from pagefind.service import get_executable  # imported here: `disclosures check` needs no Pagefind

    binary = get_executable()
    if binary is None:
        raise OSError("pagefind[extended] is not installed")
    return dying_with_parent([str(binary), "--site", str(pages_dir), "--output-path", str(out),
                               "--force-language", LANGUAGE, "--quiet"])


def _finished(process: subprocess.Popen) -> None:
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise RuntimeError((stderr or stdout).strip() or f"exit status {process.returncode}")


def _index(pages_dir: Path, out: Path) -> None:
    """Run Pagefind and wait for it (tests and tools; builds use BackgroundIndex)."""
    _finished(subprocess.Popen(pagefind_command(pages_dir, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True))


WORK_PREFIX = "disclosures-search-"  # + the building process's id: a folder whose process is gone is an orphan


def remove_orphaned_work(folder: Path | None = None) -> None:
    """Remove the index folders of builds that were killed (their process is gone)."""
    for work in Path(folder or tempfile.gettempdir()).glob(f"{WORK_PREFIX}*-*"):
        pid = work.name[len(WORK_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(work, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
