"""MkDocs hooks: a thin adapter from MkDocs events to the disclosures package.

Every `on_*` name here is an event handler; keep logic in disclosures/.
`mkdocs serve` does not reload this file, but it re-runs on_config on every
rebuild, so data/ is read afresh each time.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler, get_relative_url

from disclosures.build import SiteBuild, moment_in, prepare
from disclosures.core import texts
from disclosures.core.errors import ProjectError
from disclosures.core.safe import html_text, json_for_script
from disclosures.outputs.assets import GeneratedAsset
from disclosures.outputs.assetspill import SPILL, SpillFolder
from disclosures.outputs.posterpdf import poster_pdfs
from disclosures.outputs.search import BackgroundIndex, IndexStats, SearchIndexFailed
from disclosures.pages import pagecache
from disclosures.pages.footer import footer_items
from disclosures.pages.templatecode import keep_compiled
from disclosures.pages.themefix import fix_theme_html
from disclosures.publish import assethash, finishing, linkcheck, staging
from disclosures.publish.buildlock import BuildLock
from disclosures.publish.previewfolder import PreviewFolder
from disclosures.publish.progress import Progress


@dataclass
class _State:
    """What one MkDocs run carries from event to event."""

    command: str = ""  # MkDocs' command: build, serve, gh-deploy
    serve: bool = False  # `mkdocs serve`: preview drafts, build into MkDocs' temporary folder
    dirty: bool = False  # `--dirty`: keep the previous files in the staging folder
    build: SiteBuild | None = None  # the gather phase's result, set in on_config
    started: float = 0.0  # when this build's on_config began (the published line says how long it took)
    staged: tuple[MkDocsConfig, Path] | None = None  # (config, the real site_dir) while building into staging
    lock: BuildLock | None = None  # held from staging to the swap: one build at a time per site folder
    site_dir: Path | None = None  # the published folder of this build (for the message when it fails)
    progress: Progress | None = None  # what a long build is doing (nothing under -q)
    assets: dict[str, str] = field(default_factory=dict)  # our asset paths -> their content-hashed names
    index: BackgroundIndex | None = None  # the search index, made while MkDocs writes the pages
    finishing: finishing.Finishing | None = None  # the .gz copies, CSP and manifest, begun on_files
    written: list[str] = field(default_factory=list)  # pages MkDocs has written, not yet handed to finishing
    writing_page: str | None = None  # the page MkDocs writes once on_post_page returns (dest_uri)
    env: Any = None  # the theme's Jinja environment (on_env): its globals are part of every theme page's key
    site_key: bytes | None = None  # what every theme page of this build shares (pagecache.site_part)
    to_store: dict[str, bytes] = field(default_factory=dict)  # src_uri -> key of a theme page rendered anew
    reused: int = 0  # theme pages taken from the cache in this build
    cached_page: str | None = None  # src_uri of the page being rendered from the cache (fixed already)
    summary: str = ""  # the publication summary of a published build, logged last (in on_shutdown)
    records: dict = field(default_factory=dict)  # `mkdocs serve`: the last build's records, for the next rebuild
    preview: PreviewFolder = field(default_factory=PreviewFolder)  # `make serve`: what a rebuild may keep
    untouched: linkcheck.Untouched = field(default_factory=linkcheck.Untouched)  # the link check's, in a kept preview
    writing: bool = False  # MkDocs has begun writing this build's files (on_env): a failure leaves them mixed
    keys: dict[str, bytes | None] = field(default_factory=dict)  # src_uri -> theme key, from the --dirty check
    files: Files | None = None  # this build's files (on_files): what a kept preview folder should hold
    rendering: Any = None  # (config, nav) of this build, set in on_nav: what every theme page's key holds
    spill: SpillFolder | None = None  # where on_config's feeds and open data wait for on_files
    index_later: tuple | None = None  # a kept preview's index, started after its link check (_index_pages)
    indexing: bool = False  # this build has handed the index pages (_index_pages)
    digests: pagecache.TextDigests = field(default_factory=pagecache.TextDigests)  # a preview's page texts'

    def __post_init__(self) -> None:
        self.preview.moment_only = self.untouched.rewritten  # a page whose moment alone changed is not read again


_state = _State()
log = logging.getLogger("mkdocs.hooks.disclosures")
# `mkdocs build -q` raises the "mkdocs" logger to ERROR, which would drop our warnings (and strict mode's
# count of them); a level of their own keeps them printed and counted under -q, for a cron job's mail.
warn = logging.getLogger("mkdocs.hooks.disclosures.warnings")
warn.setLevel(logging.WARNING)


class _Routine(logging.Filter):
    """MkDocs' routine English lines (cleaning, the staging folder's name, the time taken) tell a clerk nothing
    our published line does not say in Chinese; `mkdocs build -v` still shows them."""

    LINES = ("Cleaning site directory", "Building documentation to directory", "Documentation built in")

    def filter(self, record: logging.LogRecord) -> bool:
        verbose = logging.getLogger("mkdocs").level <= logging.DEBUG
        return verbose or record.levelno != logging.INFO or not record.getMessage().startswith(self.LINES)


class _KeptPreview(logging.Filter):
    """`make serve` runs `mkdocs serve --dirty`, and MkDocs warns that a dirty build may leave the navigation
    and links stale. Ours does not: a page is kept only when its theme key, navigation included, is unchanged,
    and files no longer made are removed (disclosures/publish/previewfolder.py). Strict mode would otherwise
    refuse every preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (_state.serve and record.getMessage().startswith("A 'dirty' build is being performed"))


logging.getLogger("mkdocs.commands.build").addFilter(_Routine())
logging.getLogger("mkdocs.commands.build").addFilter(_KeptPreview())
_warnings = CountHandler()  # MkDocs counts strict-mode warnings only after on_post_build
_warnings.setLevel(logging.WARNING)


def _build() -> SiteBuild:
    assert _state.build is not None, "on_config runs before every other build event"
    return _state.build


# A build allocates millions of small objects that live until it ends; with Python's default thresholds the
# collector scans them again and again (a quarter of the gather phase at 1,000 notices, more in a long-running
# preview). Collecting less often changes no result, only when cyclic garbage is freed.
GC_THRESHOLDS = (100_000, 20, 100)


def on_startup(command, dirty):
    _state.command = command
    _state.serve = command == "serve"
    _state.dirty = dirty
    # SIGTERM (a service stopped, a timeout) ends the run like Ctrl-C: on_shutdown removes the staging
    # folder and stops Pagefind. SIGKILL cannot be caught: the next build cleans up (staging.recover).
    signal.signal(signal.SIGTERM, _terminated)


def _terminated(number, frame):
    log.error(texts.PUBLISH_TERMINATED.format(signal=signal.Signals(number).name))
    raise SystemExit(128 + number)


@event_priority(100)  # first: everything else reads what this sets
def on_config(config):
    gc.set_threshold(*GC_THRESHOLDS)  # here, not in on_startup: MkDocs' build() alone (bench, tools) skips that
    # First: a rebuild refused in on_config (a slip in data/) wrote nothing, and its preview keeps its files.
    _state.writing, _state.keys, _state.preview.kept, _state.indexing = False, {}, 0, False
    _state.written, _state.writing_page, _state.cached_page = [], None, None
    root = Path(config.config_file_path).parent
    _state.started = time.perf_counter()
    _state.site_dir = Path(config.site_dir)
    _state.progress = Progress(log, _state.started)
    if not _state.serve:
        _lock_and_recover(_state.site_dir)  # first: a failing build must find the old site back in place
    _stage(config)  # first: the feeds and open data are written into the folder being built as they are made
    try:
        _state.progress.reading()
        site_dir = Path(config.site_dir)
        unchanged = functools.partial(_state.preview.holds, site_dir) if _keeping() else None
        published = None if _state.serve else _state.site_dir  # an unchanged feed is a link to its file there
        _state.spill = SpillFolder(site_dir, unchanged, published)
        build = prepare(root, os.environ, preview=_state.serve, records=_state.records if _state.serve else None,
                        sink=_state.spill, rendered=functools.partial(_index_pages, config))
        _state.progress.read(len(build.notices), len(build.pages))
    except ProjectError as error:
        # mkdocs serve builds into a temporary folder, not site/: the old preview stays up.
        raise _failed(str(error)) from None
    except OSError as error:  # a full disk while the feeds were written
        raise _failed(staging.os_failure(error, _state.site_dir)) from None
    _state.build = build
    site = build.project.site
    # Material prints these unescaped (and sometimes with |e): escaped Markup is right in both cases.
    config.site_name = Markup(html_text(site.name))
    config.site_description = config.site_description or Markup(html_text(site.description))
    config.site_url = config.site_url or site.url
    config.nav = build.nav()
    _state.build = build.released()  # MkDocs writes the pages next: the notices' records and views are let go of
    config.extra["disclosures_footer"] = footer_items(site)
    for warning in build.warnings:  # after _stage counts warnings: printed under -q, and --strict keeps the old site
        warn.warning(warning)
    return config


def _index_pages(config, pages: list, cache, shard_size: int, last: bool) -> None:
    """Pagefind starts on the notices' pages as they are rendered (prepare's `rendered`), in publication
    order: while the rest are rendered, the feeds and open data made and MkDocs writes the pages. Each at the
    address MkDocs will give it. A kept preview (make serve) does not wait for its index: it starts it after
    the link check (_finish), so that its work in this process does not slow the rebuild the clerk waits for."""
    if not _state.indexing:  # this build's first pages: a preview's last rebuild may still be indexing
        _close_index()
        _state.index_later, _state.indexing = None, True
    addresses = [(File.generated(config, page.src_uri, content="").dest_uri, page.html) for page in pages]
    if _keeping():
        _state.index_later = _state.index_later or ([], cache, shard_size)
        _state.index_later[0].extend(addresses)
        return
    if _state.index is None:
        _state.index = BackgroundIndex(None, cache, shard_size, published=_state.site_dir)
    _state.index.add(addresses, [page.text_key for page in pages])
    if last:
        _state.index.added_all()


def _lock_and_recover(site_dir: Path) -> None:
    """Wait for any other build into the same folder, then undo what a killed build left (staging.recover)."""
    target = staging.published_path(site_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _state.lock = BuildLock(target)
        _state.lock.acquire(lambda who: log.info(texts.PUBLISH_WAITING.format(site=site_dir, **who)))
        for stuck, error in staging.recover(target):
            log.info(texts.PUBLISH_LEFTOVER.format(path=stuck, cause=staging.os_cause(error)))
    except OSError as error:
        _release()
        raise _failed(staging.os_failure(error, site_dir)) from None


def _stage(config) -> None:
    """Build into a staging folder beside site/ (not when serving: serve builds into a temporary folder)."""
    if _state.serve:
        return
    site_dir = Path(config.site_dir)
    try:
        built = staging.begin(site_dir, keep_existing=_state.dirty)
    except (OSError, staging.CannotPublish) as error:
        _release()
        raise _failed(staging.os_failure(error, site_dir) if isinstance(error, OSError) else str(error)) from None
    _state.staged = (config, site_dir)  # only now: the error path may discard only what begin() made
    config.site_dir = str(built)
    _warnings.counts.clear()
    logging.getLogger("mkdocs").addHandler(_warnings)


def _failed(cause: str) -> PluginError:
    """A failed build's message: the cause, then whether the old site was kept or there was none."""
    site_dir = _state.site_dir
    if _state.serve or site_dir is None:
        return PluginError(f"{cause}\n{texts.NOT_REBUILT if _state.serve else texts.NOT_BUILT}")
    kept = staging.published_path(site_dir).is_dir()
    return PluginError(f"{cause}\n{texts.NOT_BUILT if kept else texts.NOT_BUILT_NONE.format(site=site_dir)}")


def _release() -> None:
    lock, _state.lock = _state.lock, None
    if lock is not None:
        lock.release()


def _unstage(publish: bool) -> None:
    """Swap the staging folder in (publish) or throw it away; the real site_dir goes back into the config.
    The lock is released either way."""
    staged, _state.staged = _state.staged, None
    logging.getLogger("mkdocs").removeHandler(_warnings)
    try:
        if staged is None:
            return
        config, site_dir = staged
        built = Path(config.site_dir)
        config.site_dir = str(site_dir)  # e.g. gh-deploy reads it after the build
        if publish:
            try:
                staging.publish(built, site_dir)
            except OSError as error:
                shutil.rmtree(built, ignore_errors=True)
                raise _failed(staging.os_failure(error, site_dir)) from None
            log.info(texts.BUILD_PUBLISHED.format(path=site_dir, seconds=time.perf_counter() - _state.started))
            _build().cache.prune()  # what no page of this site needs any more
            _state.summary = _build().summary
        else:
            shutil.rmtree(built, ignore_errors=True)
    finally:
        _release()


def on_pre_build(config):
    # mkdocs serve empties its folder before each rebuild (MkDocs' clean_directory): done at once instead.
    if _state.serve and not _state.dirty:
        staging.empty_at_once(Path(config.site_dir), spared=(SPILL,))


def _keeping() -> bool:
    """`mkdocs serve --dirty` (make serve): a rebuild keeps the files that did not change."""
    return _state.serve and _state.dirty


def on_files(files: Files, config):
    for page in _build().pages:
        files.append(File.generated(config, page.src_uri, content=generated_source(page)))
    # MkDocs has emptied the folder (sparing the hidden spill folder): the assets go to their places, and
    # MkDocs, told they are there already, leaves them (a copy onto itself is skipped).
    site_dir = Path(config.site_dir)
    assert _state.spill is not None, "on_config made the assets"
    try:
        moved = _state.spill.move_in(_build().assets, site_dir, kept=_asset_kept if _keeping() else None)
    except BaseException:
        _state.preview.forget()  # some moved, some not: what the folder holds is no longer known
        raise
    _state.build = dataclasses.replace(_build(), assets=moved)
    for asset in moved:
        files.append(File.generated(config, asset.path, abs_src_path=str(asset.file)))
    if not _state.serve:  # the feeds and open data are final: their .gz copies and digests while MkDocs writes pages
        _state.finishing = finishing.Finishing(site_dir, _build().cache, _build().as_of, _state.site_dir)
        _state.finishing.begin(asset.path for asset in moved)
    _state.assets = _hash_own_assets(files, config)
    _state.files = files
    if _keeping():  # every page, ours and any Markdown page in docs/ (MkDocs would compare modification times)
        for file in files.documentation_pages():
            file.is_modified = functools.partial(_page_changed, file)
    return files


def generated_source(page) -> str:
    """A generated page as a Markdown file: front matter (the title, description, hide and page.meta: feeds,
    search) and no body (the text is put in by on_page_content). on_pre_page reads the front matter directly."""
    # Not \u escapes: YAML reads a character beyond U+FFFF (𠮷, in names) written as two of them as two halves.
    matter = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in page.front_matter().items())
    return f"---\n{matter}---\n"


def _page_changed(file: File) -> bool:
    """MkDocs asks this of each page before reading it (yes: every page is read, the navigation needs the
    titles) and, with --dirty, before writing it: no when the page was last written from the same theme key."""
    if not _state.writing or file.page is None:
        return True
    key = _page_key(file.page, get_relative_url(".", file.page.url))
    if key is None or not _state.preview.keep_page(Path(_state.site_dir), file.dest_uri, key, _build().as_of):
        _state.keys[file.page.file.src_uri] = key  # for on_page_context, next
        return True
    if _state.progress is not None:
        _state.progress.page_written()
    return False


def _asset_kept(asset: GeneratedAsset) -> bool:
    """A kept preview: whether the file at the asset's place holds its bytes already (then left as it is)."""
    assert asset.digest is not None, "a kept preview's spill takes digests"
    return _state.preview.keep_file(Path(_state.site_dir), asset.path, asset.digest)


def _hash_own_assets(files: Files, config) -> dict[str, str]:
    """Our CSS and JS from docs/ get content-hashed names (disclosures/publish/assethash.py); mkdocs.yml's lists follow."""
    docs = Path(config.docs_dir).resolve()
    renamed = {}
    for f in list(files):
        if f.generated_by or not f.abs_src_path or not Path(f.abs_src_path).resolve().is_relative_to(docs):
            continue
        if assethash.is_hashable(f.src_uri):
            renamed[f.src_uri] = assethash.hashed_path(f.src_uri, f.content_bytes)
            files.remove(f)
            files.append(File(f.src_uri, f.src_dir, f.dest_dir, f.use_directory_urls, dest_uri=renamed[f.src_uri]))
    config.extra_css = [renamed.get(path, path) for path in config.extra_css]
    for i, script in enumerate(config.extra_javascript):  # plain strings, or ExtraScriptValue with a path
        if isinstance(script, str):
            config.extra_javascript[i] = renamed.get(script, script)
        else:
            script.path = renamed.get(script.path, script.path)
    return renamed


def on_nav(nav, config, files):
    _state.rendering = (config, nav)
    return nav


def on_env(env, config, files):
    _state.env, _state.site_key, _state.to_store, _state.reused = env, None, {}, 0
    _state.digests.next_build()
    _state.writing = True  # MkDocs copies the static files and writes the pages next
    keep_compiled(env)  # MkDocs makes the theme's environment anew for each of a preview's rebuilds
    # overrides/main.html calls this in Material's announce block, once per page.
    # With the mark for the build's moment, put in after the render (on_post_page): a cached page stays valid.
    env.globals["disclosures_banner"] = functools.partial(_build().banner_html, marked=True)
    env.globals["disclosures_head"] = _build().head_html  # Open Graph tags, by the page's src_uri
    # Template paths of our own assets -> their content-hashed names, e.g. in overrides/main.html.
    env.globals["disclosures_assets"] = _state.assets
    # The text catalogue for the theme templates, and what the page scripts need (main.html's config script).
    env.globals["texts"] = texts.catalogue()
    env.globals["disclosures_config"] = Markup(json_for_script({"texts": texts.script_texts()}))
    if _state.progress is not None:  # the pages are written next
        _state.progress.phase(texts.PROGRESS_WRITING)
        _state.progress.pages(len(files.documentation_pages()))
    return env


@event_priority(-100)  # last: the context as every other handler left it
def on_page_context(context, page, config, nav):
    """A theme page whose key an earlier build stored is that build's output (disclosures/pages/pagecache.py):
    main.html then extends a template that prints it instead of Material's base. A page waiting in the build
    cache (GeneratedPage.waiting) is keyed by its render's entry, and read only to be rendered."""
    generated = _build().page(page.file.src_uri)
    waiting = generated is not None and generated.waiting_now
    key = _state.keys.pop(page.file.src_uri, None) or _page_key(page, context["base_url"])
    if _keeping():  # the page is written from this key now (a failure to write it forgets the folder)
        _state.preview.wrote_page(page.file.dest_uri, key, _build().as_of)
    stored = _build().cache.get("theme-page", key) if key is not None else None
    if stored is not None:
        context["disclosures_cached"] = Markup(stored.decode("utf-8"))
        _state.reused, _state.cached_page = _state.reused + 1, page.file.src_uri
        return context
    if waiting:
        page.content = _html_of(generated)
    if key is not None:
        _state.to_store[page.file.src_uri] = key
    return context


def _page_key(page, base_url: str) -> bytes | None:
    """The page's theme key (pagecache.page_part); None for a page that cannot have one."""
    try:
        if _state.site_key is None:
            config, nav = _state.rendering
            _state.site_key = pagecache.site_part(_render_versions(), _build().templates_digest, _config_values(config),
                                                  dict(config.plugins), nav.items, _theme_globals())
        globals_ = _state.env.globals  # called as the templates call them
        calls = {"banner": globals_["disclosures_banner"](base_url),
                 "head": globals_["disclosures_head"](page.file.src_uri)}
        generated = _build().page(page.file.src_uri)  # its toc is get_toc(generated.toc) (on_page_content)
        return pagecache.page_part(_state.site_key, page, base_url, calls, _state.digests if _state.serve else None,
                                   generated.toc if generated is not None else None,
                                   generated.text_key if generated is not None and generated.waiting_now else "")
    except pagecache.Uncacheable as error:
        log.debug(f"Theme page {page.file.src_uri} not cached: {error}")
        return None


def _config_values(config) -> dict[str, Any]:
    """The configuration as values: hook modules by the digest of their source, file patterns as written."""
    values = dict(config)
    values["hooks"] = {name: hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest()
                       for name, module in (config.hooks or {}).items()}
    for name in ("not_in_nav", "exclude_docs", "draft_docs"):
        spec = values.get(name)
        values[name] = [str(getattr(p, "pattern", p)) for p in spec.patterns] if spec is not None else None
    # The theme's folders and the watched ones, from the project's folder: a copy of the project (another
    # checkout, a test's copy) renders the same pages.
    root = str(Path(config.config_file_path).parent) + os.sep
    values["theme"] = {"name": config.theme.name, "options": dict(config.theme), "locale": str(config.theme.locale),
                       "dirs": [d.removeprefix(root) for d in config.theme.dirs],
                       "static_templates": sorted(config.theme.static_templates)}
    values["watch"] = [str(w).removeprefix(root) for w in values.get("watch") or []]
    return values


def _render_versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in ("mkdocs", "mkdocs-material", "jinja2", "markupsafe")}


# Template globals that are functions: Jinja's own and the theme's translations (code and locale, both in the
# key), and ours, whose results for the page are in its key (on_page_context). Any other makes pages uncacheable.
KNOWN_FUNCTIONS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace", "_", "gettext", "ngettext",
                             "pgettext", "npgettext", "disclosures_banner", "disclosures_head"})


def _theme_globals() -> dict[str, Any]:
    """Every template global that is a value (the functions: KNOWN_FUNCTIONS)."""
    unknown = [name for name, value in _state.env.globals.items() if callable(value) and name not in KNOWN_FUNCTIONS]
    if unknown:
        raise pagecache.Uncacheable(f"template globals {unknown}")
    return {name: value for name, value in _state.env.globals.items() if not callable(value)}


def on_pre_page(page, config, files):
    """Our pages' text is made in prepare(): MkDocs need not parse their front matter (YAML) nor set up a
    Markdown parser (a new one per page, 0.3 ms each) to render their empty body. Each gets what MkDocs would
    have read and rendered (tests/test_generated_pages.py compares the two); on_page_content puts the text in."""
    generated = _build().page(page.file.src_uri)
    if generated is not None:
        page.read_source = functools.partial(_read_generated, page, generated.front_matter())
        page.render = functools.partial(_render_empty, page)
    return page


def _read_generated(page, matter: dict, config) -> None:
    """Page.read_source for a generated page: its front matter, and no Markdown after it."""
    page.markdown, page.meta = "", matter


def _render_empty(page, config, files) -> None:
    """Page.render for an empty Markdown body."""
    page.content, page.toc, page._title_from_render, page.present_anchor_ids = "", get_toc([]), None, set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


def on_page_content(html, page, config, files):
    generated = _build().page(page.file.src_uri)
    if generated is None:
        return html
    page.toc = get_toc(generated.toc)
    # MkDocs keeps every page's content from here until it writes the pages: a page waiting in the build cache
    # (GeneratedPage.waiting) is read only when MkDocs writes it (on_page_context).
    return "" if generated.waiting_now else _html_of(generated)


def _html_of(generated) -> str:
    try:
        return generated.html
    except ProjectError as error:  # its entry in the build cache was damaged since
        raise _failed(str(error)) from None


@event_priority(-100)  # last, after every plugin has written its files
def on_post_build(config):
    # In strict mode MkDocs fails the build after this event if anything warned: keep the old site then
    # (and leave MkDocs' own message as the one the clerk reads).
    failing = bool(config.strict and _warnings.get_counts())
    log.debug(f"Theme pages taken from the build cache: {_state.reused}")
    if not failing and _keeping():
        _remove_stale(config)
    if failing:
        _close_finishing()  # begun in on_files: nothing of it may write once the staging folder goes
    else:
        _finish(Path(config.site_dir), config.site_url or "")
    _unstage(publish=not failing)
    if _state.serve:
        _build().cache.keep_used_records()
        log.info(_build().summary)


def _remove_stale(config) -> None:
    """A kept preview folder: remove what this build did not make (a deleted notice's pages), before the link
    check reads the folder. MkDocs also writes the theme's templates, and sitemap.xml's .gz; pagefind/ is
    replaced whole."""
    assert _state.files is not None, "on_files ran"
    expected = {f.dest_uri for f in _state.files} | set(config.theme.static_templates) | set(config.extra_templates)
    if "sitemap.xml" in expected:
        expected.add("sitemap.xml.gz")
    removed = _state.preview.remove_stale(Path(config.site_dir), expected, spared=("pagefind/",))
    log.debug(f"Preview: {_state.preview.kept} files kept, {len(removed)} removed: {removed[:10]}")


def _finish(site_dir: Path, site_url: str) -> None:
    """The steps on the finished folder, in order: poster PDFs (optional) and the link check over the pages as
    built (assets already carry their hashed names; no page links into pagefind/), then the search index
    (Pagefind has been indexing since the pages were rendered, in on_config) moved in, then the serving files,
    whose manifest covers all: their pass over the files but the index (finishing.Finishing, a worker process,
    begun on the feeds and open data in on_files) goes on beside the link check. A kept preview (make serve)
    starts its index now and does not wait for it: it is moved in when made."""
    later = _keeping()
    try:
        if _build().poster_pdfs:
            poster_pdfs(site_dir, list(_build().notice_ids))
        if _state.finishing is not None:  # the rest of the .gz copies, CSP scan and digests, beside the link check
            _state.finishing.begin()
        _progress(texts.PROGRESS_LINKS)
        report = linkcheck.verify(site_dir, _build().project.site.url, aliases=(site_url,), cache=_build().cache,
                                  moment=_build().as_of, untouched=_state.untouched if later else None,
                                  known=_state.finishing.left_out if _state.finishing is not None else None)
        if later:
            assert _state.index_later is not None, "on_config made the pages"
            _state.index, _state.index_later = BackgroundIndex(*_state.index_later), None
            _state.index.publish_later(site_dir, _index_done)
        else:
            assert _state.index is not None, "on_config starts the index"
            _progress(texts.PROGRESS_INDEX)
            started = time.perf_counter()
            _index_done(_state.index.publish(site_dir))
            log.debug(f"Search index: waited {time.perf_counter() - started:.1f} s for it after the link check")
    except ProjectError as error:
        later = False
        raise _failed(str(error)) from None
    finally:
        if not later:  # else the next build or on_shutdown closes it
            _close_index()
    log.info(linkcheck.external_summary(report))
    if _state.finishing is not None:  # the server rules, .gz copies and manifest only matter for a published site
        _progress(texts.PROGRESS_FINISH)
        begun, _state.finishing = _state.finishing, None
        try:
            begun.finish(site_url)
        except ProjectError as error:  # its worker process was killed
            raise _failed(str(error)) from None


def _index_done(result: IndexStats | SearchIndexFailed) -> None:
    if isinstance(result, SearchIndexFailed):  # only from publish_later: a build's publish() raises it
        log.error(str(result))
    else:
        log.info(texts.BUILD_SEARCH_INDEX.format(pages=result.pages, files=result.files, kib=round(result.bytes / 1024)))


def _progress(phase: str) -> None:
    if _state.progress is not None:
        _state.progress.phase(phase)


def _close_index() -> None:
    """Wait for the search index thread, if any, and remove what it left (after a build, or instead of one)."""
    index, _state.index = _state.index, None
    if index is not None:
        index.close()


def _close_finishing() -> None:
    """Stop the finishing pass of a build that failed or was stopped, if begun: nothing of it writes into
    the staging folder once that is thrown away."""
    begun, _state.finishing = _state.finishing, None
    if begun is not None:
        begun.close()


def on_post_page(output, page, config):
    if _state.progress is not None:
        _state.progress.page_written()
    _page_done(page.file.dest_uri)
    # The page's text is in output now: neither MkDocs (a title comes from the page's meta) nor we read it again.
    page.content = ""
    _build().written(page.file.src_uri)
    key = _state.to_store.pop(page.file.src_uri, None)
    if page.file.src_uri == _state.cached_page:  # stored as fixed (fixing 2,400 pages took 0.4 s of a build)
        _state.cached_page = None
        return moment_in(output, _build().as_of)
    output = fix_theme_html(output)
    if key is not None:
        _build().cache.put("theme-page", key, output.encode("utf-8"))
    return moment_in(output, _build().as_of)


def _page_done(writing: str) -> None:
    """The page before this one is written (MkDocs writes a page once on_post_page returns): the finishing pass
    reads the written pages in batches while MkDocs writes the rest (its .gz copies, digests and CSP scan
    took the second core only after the last page, while it was idle during the pages)."""
    if _state.finishing is None:
        return
    if _state.writing_page is not None:
        _state.written.append(_state.writing_page)
    _state.writing_page = writing
    if len(_state.written) >= finishing.Finishing.BATCH:
        _state.finishing.begin(_state.written)
        _state.written = []


def on_post_template(output_content, template_name, config):
    # Theme pages that are not MkDocs pages, such as 404.html, need the same fixes.
    return fix_theme_html(moment_in(output_content, _build().as_of)) if template_name.endswith(".html") \
        else output_content


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / "data"))
    return server


def on_build_error(error):
    _state.summary = ""
    if _state.writing:  # the preview's folder holds some of this build's files, some of the last one's
        _state.preview.forget()
    if _state.progress is not None:
        _state.progress.close_pages()
    _close_index()
    _close_finishing()
    _unstage(publish=False)
    _release()  # a build that failed before staging (bad data) held the lock too
    if isinstance(error, OSError) and _state.site_dir is not None:
        # A full disk or a read-only folder while the pages were written: one Chinese line, no traceback.
        raise _failed(staging.os_failure(error, _state.site_dir)) from None


def on_shutdown():
    _close_index()
    _close_finishing()
    _unstage(publish=False)  # a build stopped without an error event (e.g. Ctrl-C)
    _release()
    summary, _state.summary = _state.summary, ""
    if summary:
        log.info(summary)  # last, after MkDocs' own lines: what is public, what is not and why
        if _state.command == "build":
            _exit_published()


def _exit_published() -> None:
    """`mkdocs build` has published and said everything: MkDocs' next step is exit status 0. End the process
    now rather than free the build's millions of objects one by one at exit (4 s at 1,000 notices). Only
    here: a build that failed or was aborted in strict mode went through on_build_error (no summary)."""
    logging.shutdown()  # flushes every handler
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
