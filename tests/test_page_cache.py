"""The theme page cache (disclosures/pages/pagecache.py): its key writes down everything the theme reads.

The byte-for-byte comparisons with clean builds are in test_build_cache.py; here, the claim behind the key:
Material's templates (and our overrides of its templates) read of a page and of the navigation only what
the key holds, or what no object MkDocs makes has (undefined in every build, so the same in every build).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import ROOT
from markupsafe import Markup
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

from disclosures.pages.pagecache import FILE_FIELDS, PAGE_FIELDS, TEXT_FIELDS, Uncacheable, plain

THEME = [p for p in (Path(material.__file__).parent / "templates").rglob("*.html")]
OVERRIDES = [ROOT / "overrides" / "main.html", *(ROOT / "overrides" / "partials").glob("*.html"),
             *(ROOT / "overrides" / "partials" / "languages").glob("*.html")]
READ = re.compile(r"\b(page|nav_item|nav|page\.file)\.([a-z_]+)\b")
# Besides the fields: where the page is (the key holds the page itself, its neighbours, its ancestors; the
# navigation whole), and what MkDocs sets for the page being rendered only (derived from the page).
PLACE = {"file", "previous_page", "next_page", "ancestors", "parent", "children", "active", "items", "homepage",
         "pages"}


def _reads() -> set[tuple[str, str]]:
    return {m.groups() for path in THEME + OVERRIDES for m in READ.finditer(path.read_text(encoding="utf-8"))}


def _mkdocs_objects() -> list[object]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    page = Page("标题", File("x/index.md", str(ROOT / "docs"), str(ROOT / "site"), True), config)
    return [page, Section("分组", [page]), Link("链接", "https://example.org/")]


def test_the_theme_reads_of_a_page_only_what_its_key_holds() -> None:
    reads = _reads()
    assert ("page", "content") in reads and ("nav_item", "children") in reads  # the scan sees the templates
    written = set(PAGE_FIELDS) | set(TEXT_FIELDS) | PLACE
    unknown = {attr for obj, attr in reads if obj in ("page", "nav_item", "nav") and attr not in written}
    objects = _mkdocs_objects()
    assert {attr for attr in unknown if any(hasattr(o, attr) for o in objects)} == set()
    assert {attr for obj, attr in reads if obj == "page.file"} <= set(FILE_FIELDS)


def test_no_template_prints_the_build_time() -> None:
    """MkDocs puts the time of the build into the context; a page showing it could never be reused."""
    assert [p.name for p in THEME + OVERRIDES if "build_date_utc" in p.read_text(encoding="utf-8")] == []


def test_values_are_written_down_whole_or_refused() -> None:
    class Item:
        def __init__(self) -> None:
            self.title, self._private, self.children = "甲", object(), [1, (2, 3)]

    assert plain(Item())[1] == {"children": [1, [2, 3]], "title": "甲"}  # no private attribute
    assert plain(Markup("<b>")) != plain("<b>")  # escaped and plain text print differently
    assert plain({"b": 1, "a": {2}}) == {"a": ["2"], "b": 1}
    for opaque in (re.compile("x"), print, lambda: 1):
        with pytest.raises(Uncacheable):
            plain({"k": [opaque]})
