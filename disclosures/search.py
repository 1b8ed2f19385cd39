"""The search index: Pagefind run over the built pages, after the build, into <site>/pagefind/.

Pagefind (PyPI `pagefind[extended]`, its Python API driving the bundled binary;
no Node) splits the index into small chunks, so a reader's search downloads only
the pieces its words need, and its extended build segments Chinese. It indexes
only what the pages mark with data-pagefind-body (the notice text and the
glossary), one result per page with a sub-result per heading that has an id, so
a problem （N） is found as itself and the link lands on #problem-N. Filters,
sort keys and hidden keywords are in the pages (searchmarks.py); the browser side
is docs/assets/javascripts/search.js.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError
from .urls import PAGEFIND_DIR

# Every page is Chinese; one index for the whole site (no per-language split).
LANGUAGE = "zh-cn"
# Pagefind writes ready-made UIs too; search.js uses only the core API, so these are removed.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexFailed(ProjectError):
    """Pagefind could not index the built pages."""


@dataclass(frozen=True)
class IndexStats:
    pages: int  # pages indexed
    files: int  # files in pagefind/
    bytes: int  # their size on disk


def index_site(site_dir: Path) -> IndexStats:
    """Index the built pages under site_dir into site_dir/pagefind/ (replacing an older index)."""
    out = site_dir / PAGEFIND_DIR
    shutil.rmtree(out, ignore_errors=True)  # a dirty build keeps old files; their chunks would linger
    try:
        pages = asyncio.run(_index(site_dir, out))
    except (OSError, RuntimeError, AssertionError) as error:  # the service's failures (binary missing, crash)
        raise SearchIndexFailed(f"生成搜索索引失败（Pagefind）：{error}") from error
    for name in UNUSED_FILES:
        (out / name).unlink(missing_ok=True)
    files = [p for p in out.rglob("*") if p.is_file()]
    return IndexStats(pages, len(files), sum(p.stat().st_size for p in files))


async def _index(site_dir: Path, out: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex  # imported here: `disclosures check` needs no Pagefind

    config = IndexConfig(force_language=LANGUAGE, output_path=str(out))
    async with PagefindIndex(config) as index:
        result = await index.add_directory(str(site_dir))
        return int(result["page_count"])
