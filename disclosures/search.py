"""The search index: Pagefind run over the built pages, after the build, into <site>/pagefind/.

Pagefind (PyPI `pagefind[extended]`, its Python API driving the bundled binary;
no Node) splits the index into small chunks, so a reader's search downloads only
the pieces its words need, and its extended build segments Chinese. It indexes
only what the pages mark with data-pagefind-body (the notice text and the
glossary; only that part of each built page is handed to it), one result per page with a sub-result per heading that has an id, so
a problem （N） is found as itself and the link lands on #problem-N. Filters,
sort keys and hidden keywords are in the pages (searchmarks.py); the browser side
is docs/assets/javascripts/search.js.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import texts
from .errors import ProjectError
from .searchorder import PAGEFIND_VERSION, UnexpectedIndex, make_deterministic
from .urls import PAGEFIND_DIR

# Every page is Chinese; one index for the whole site (no per-language split).
LANGUAGE = "zh-cn"
# Pagefind writes ready-made UIs too; search.js uses only the core API, so these are removed.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


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


def _write_indexed_parts(site_dir: Path, dest: Path) -> None:
    """The indexed part of every built page, at the same paths (so Pagefind gives the same URLs).

    Written in sorted order: Pagefind numbers pages in the order it finds them, and a directory lists
    its files in creation order (tmpfs) or hash order, so the same input gives the same index.
    """
    for path in sorted(site_dir.rglob("*.html")):
        part = indexed_part(path.read_text(encoding="utf-8"))
        if part is not None:
            target = dest / path.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(part, encoding="utf-8")


@dataclass(frozen=True)
class IndexStats:
    pages: int  # pages indexed
    files: int  # files in pagefind/
    bytes: int  # their size on disk


def index_site(site_dir: Path) -> IndexStats:
    """Index the built pages under site_dir into site_dir/pagefind/ (replacing an older index)."""
    out = site_dir / PAGEFIND_DIR
    with tempfile.TemporaryDirectory(prefix="disclosures-search-") as work:
        parts, written = Path(work) / "parts", Path(work) / "index"
        try:
            _write_indexed_parts(site_dir, parts)
            pages = asyncio.run(_index(parts, written))
        except (OSError, RuntimeError, AssertionError) as error:  # the service's failures (binary missing, crash)
            raise SearchIndexFailed(texts.SEARCH_INDEX_FAILED.format(error=error)) from error
        for name in UNUSED_FILES:
            (written / name).unlink(missing_ok=True)
        try:
            make_deterministic(written)
        except (OSError, ValueError, KeyError, UnexpectedIndex) as error:  # cbor2's errors are ValueErrors
            raise SearchIndexFailed(texts.SEARCH_INDEX_UNEXPECTED.format(version=PAGEFIND_VERSION, error=error)) \
                from error
        # Moved in whole when done: the site never holds half an index (and a dirty build's old chunks go).
        shutil.rmtree(out, ignore_errors=True)
        shutil.move(written, out)
    files = [p for p in out.rglob("*") if p.is_file()]
    return IndexStats(pages, len(files), sum(p.stat().st_size for p in files))


class BackgroundIndex:
    """index_site in a thread, started on entry: Pagefind works in its own process (on about 1.4 cores)
    while the build checks its pages. Leaving the block waits for it, so nothing writes into the site after.

        with BackgroundIndex(site_dir) as index:
            ...                    # anything that does not read site_dir/pagefind/
            stats = index.result()  # raises SearchIndexFailed
    """

    def __init__(self, site_dir: Path):
        self._site_dir = site_dir
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind")
        self._future: Future[IndexStats] | None = None

    def __enter__(self) -> BackgroundIndex:
        self._future = self._pool.submit(index_site, self._site_dir)
        return self

    def result(self) -> IndexStats:
        assert self._future is not None, "used inside its with block"
        return self._future.result()

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True)  # on an error in the block too; the index's own error is then moot


async def _index(pages_dir: Path, out: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex  # imported here: `disclosures check` needs no Pagefind

    config = IndexConfig(force_language=LANGUAGE, output_path=str(out))
    async with PagefindIndex(config) as index:
        result = await index.add_directory(str(pages_dir))
        return int(result["page_count"])
