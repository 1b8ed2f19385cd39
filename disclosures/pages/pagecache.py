"""The key of a theme page: everything the theme's render of one page reads, written down as plain data.

MkDocs renders every page through Material's templates (about 2.5 ms a page: 6 s of a build at 1,000
notices). That render is a pure function of the templates, the template globals and the context MkDocs
hands them (the page, the navigation, the configuration, base_url). The hook (a thin adapter) passes those
here; `site_part` is written once per build (configuration, navigation, globals, versions), `page_part`
once per page, and a page whose key an earlier build stored gets that build's output back.

Nothing is guessed: every object is written down whole (its attributes, recursively) or by the few
attributes named below with the reason they suffice; a value of any other type makes the page uncacheable
(`Uncacheable`), and it is rendered as in a clean build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from disclosures.core.cache import ByIdentity

# Configuration keys that are paths on this machine (the staging folder's name is new in every build, the
# others are where the project sits): no template prints them, and the pages cannot depend on them.
LOCAL_PATHS = frozenset({"site_dir", "docs_dir", "config_file_path"})
# What the theme reads of a page (every `page.…` and `nav_item.…` in Material's templates and ours;
# tests/test_page_cache.py fails when a template reads anything else). The page rendered is written down
# with its text; the pages in the navigation without it: a theme page shows only its own text.
PAGE_FIELDS = ("title", "url", "meta", "canonical_url", "abs_url", "edit_url", "update_date", "is_homepage",
               "is_index", "is_top_level", "is_page", "is_section", "is_link")
TEXT_FIELDS = ("content", "toc", "markdown")
FILE_FIELDS = ("src_uri", "dest_uri", "url", "name")


class Uncacheable(Exception):
    """A value that cannot be written down whole: the page is rendered, not taken from the cache."""


def plain(value: Any, skip: frozenset[str] = frozenset(), depth: int = 0) -> Any:
    """value as JSON-able data: objects by their attributes (minus skip and private ones), in a fixed order."""
    if depth > 40:
        raise Uncacheable("nested too deep (a cycle?)")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value if not isinstance(value, Markup) else ["Markup", str(value)]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        items = {str(k): plain(v, skip, depth + 1) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))
                 if k not in skip}
        if type(value) is dict or not hasattr(value, "__dict__"):
            return items
        # A mapping that is also an object (MkDocs' Theme: its options, and its name and folders)
        return [type(value).__qualname__, items, plain(_attributes(value, skip), skip, depth + 1)]
    if isinstance(value, (list, tuple)):
        return [plain(v, skip, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(json.dumps(plain(v, skip, depth + 1), sort_keys=True) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__qualname__, plain(dataclasses.asdict(value), skip, depth + 1)]
    if hasattr(value, "__dict__") and not callable(value):
        return [type(value).__qualname__, plain(_attributes(value, skip), skip, depth + 1)]
    raise Uncacheable(type(value).__qualname__)


def _attributes(value: Any, skip: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in vars(value).items() if not k.startswith("_") and k not in skip}


def nav_item(item: Any) -> Any:
    """A navigation entry (section, page or link) by what the theme reads of it, its children included."""
    written = {name: plain(getattr(item, name, None)) for name in PAGE_FIELDS}
    if getattr(item, "file", None) is not None:
        written["file"] = [getattr(item.file, name) for name in FILE_FIELDS]
    written["children"] = [nav_item(child) for child in (getattr(item, "children", None) or [])]
    return [type(item).__qualname__, written]


def site_part(versions: Mapping[str, str], templates: bytes, config: Mapping[str, Any],
              plugins: Mapping[str, Any], nav_items: list[Any], globals_: Mapping[str, Any]) -> bytes:
    """What every page of this build shares: the versions of what renders, the templates' digest, the
    configuration (without local paths; plugins by name and their own configuration), the navigation
    and the template globals (as values: those that are functions are called per page, page_part)."""
    written = {
        "versions": plain(versions),
        "config": plain({k: v for k, v in config.items() if k != "plugins"}, LOCAL_PATHS),  # at any depth
        "plugins": {name: plain(getattr(plugin, "config", None)) for name, plugin in sorted(plugins.items())},
        "nav": [nav_item(item) for item in nav_items],
        "globals": plain(globals_),
    }
    # A digest: every page's key starts with it, and hashing the whole of it once per page cost 0.2 s a build.
    return hashlib.sha256(templates + json.dumps(written, sort_keys=True, ensure_ascii=False).encode("utf-8")).digest()


class TextDigests(ByIdentity):
    """The SHA-256 of each page text keyed, found again by the very string object: a preview's rebuild hands
    MkDocs the same strings for the pages that did not change (100 KB each), and hashing them all again
    was a quarter of its page keys' cost."""

    def of(self, text: str) -> str:
        return self.get(text, lambda: hashlib.sha256(text.encode("utf-8")).hexdigest())

    def of_tokens(self, tokens: list) -> str:
        """The digest of a table of contents' tokens (MkDocs' get_toc makes page.toc of them), by the very list."""
        return self.get(tokens, lambda: tokens_digest(tokens))


def tokens_digest(tokens: list) -> str:
    return hashlib.sha256(json.dumps(tokens, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _text(value: Any, digests: TextDigests | None) -> Any:
    """A page's text by its digest (a notice page's is 100 KB: written out whole, it made each key that
    long, and writing and hashing it was most of a key's cost); anything else (the toc) written down."""
    if isinstance(value, str):
        digest = digests.of(value) if digests is not None and type(value) is str else \
            hashlib.sha256(value.encode("utf-8")).hexdigest()
        return ["sha256", type(value).__qualname__, digest]
    return plain(value)


def page_part(site: bytes, page: Any, base_url: str, calls: Mapping[str, str],
              digests: TextDigests | None = None, toc_tokens: list | None = None, text_key: str = "") -> bytes:
    """The key of one page: the site's part (site_part, a digest), the page (its text by digest), its
    neighbours and ancestors in the navigation, base_url and what the template globals that are functions
    return for this page. digests: kept by a process that builds again (a preview). toc_tokens: what the
    page's toc was made of (page.toc is get_toc(toc_tokens)): written down as they are, by their digest
    (MkDocs' objects for a notice's hundred headings took a quarter of a key's time). text_key: a name that
    stands for the page's content and toc, both pure functions of what it names (a render's cache entry,
    build.GeneratedPage.text_key): the page's text is then neither read nor hashed (page.content is empty)."""
    text = {name: _text(getattr(page, name, None), digests) for name in TEXT_FIELDS if name != "toc"}
    if text_key:
        text["content"], text["toc"] = ["render", text_key], ["render", text_key]
    elif toc_tokens is None:
        text["toc"] = _text(page.toc, digests)
    else:
        text["toc"] = ["get_toc", digests.of_tokens(toc_tokens) if digests is not None else tokens_digest(toc_tokens)]
    written = {
        "page": nav_item(page),
        "text": text,
        "neighbours": [nav_item(p) if p is not None else None for p in (page.previous_page, page.next_page)],
        "ancestors": [[plain(a.title), plain(getattr(a, "url", None))] for a in page.ancestors],  # in "nav" whole
        "base_url": base_url,
        "calls": plain(calls),
    }
    return site + json.dumps(written, sort_keys=True, ensure_ascii=False).encode("utf-8")
