"""The gather phase: read data/ once and prepare every generated page and file before MkDocs renders any.

Nothing here imports MkDocs, so tests can call prepare() directly and the
renderer can be swapped later. The hook hands the result to MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment
from markupsafe import escape

from disclosures import buildahead
from disclosures.buildahead import Ahead, PagesJob, ViewsJob
from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.cache import ContentCache, cache_for, digest_of, folder_digest, key_of
from disclosures.core.errors import ProjectError
from disclosures.core.records import SearchTerms
from disclosures.core.timewindow import is_public, reference_time
from disclosures.core.typography import present
from disclosures.core.urls import (GLOSSARY_URL, HOME_URL, SEARCH_URL, SUBSCRIBE_URL, page_source, poster_url,
                                   relative_url, share_image_path)
from disclosures.load.portal import Directory
from disclosures.load.project import load_project
from disclosures.load.summary import allow_empty, ignored_files, linked_files, refuse_if_empty, summary, warnings
from disclosures.model.dictionary import gather_terms, notice_quoted_terms
from disclosures.model.searchmarks import notice_search
from disclosures.model.terms import mark_terms
from disclosures.model.view import as_of_text, notice_view, revision_views, window_view
from disclosures.model.viewmodels import (AS_OF_MARK, NoticeView, light_view, with_as_of_mark,
                                          with_as_of_mark_window)
from disclosures.numbering.numbered import numbered_body
from disclosures.outputs import opendata
from disclosures.outputs.assets import (AssetSink, FeedItems, GeneratedAsset, InMemory, feed_assets, open_data_ahead,
                                       open_data_assets)
from disclosures.outputs.feeds import channel
from disclosures.outputs.poster import pdf_links, poster_title, poster_view, render_poster
from disclosures.outputs.qr import qr_svg
from disclosures.outputs.search import DEFAULT_SHARD_PAGES, shard_pages
from disclosures.outputs.share import ShareMeta, notice_card, notice_share, render_share_meta, site_card, site_share
from disclosures.pages.banner import BannerItem, banner_items, render_banner
from disclosures.pages.feedback import feedback_pages
from disclosures.pages.glossary import glossary_items
from disclosures.pages.lists import ListPage, Portal, home_of, list_pages, portal_of
from disclosures.pages.nav import nav
from disclosures.pages.render import (render_feedback, render_glossary, render_home, render_list, render_notice,
                                      render_search, render_subscribe, template_env)
from disclosures.pages.searchpage import search_page

# Set to 1 to make each poster a PDF after the build (Chromium's print path, see posterpdf.py).
POSTER_PDF_SWITCH = "DISCLOSURE_POSTER_PDF"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # path MkDocs knows the page by, e.g. "disclosures/<id>/index.md"
    title: str
    body: str  # the page's HTML (html), or "" while it waits in the build cache (reread)
    toc: list[dict]
    share: ShareMeta | None = None  # description and Open Graph tags (share.py)
    hide: tuple[str, ...] = ()  # Material's front-matter `hide` (navigation, toc) for full-width pages
    meta: dict = field(default_factory=dict)  # more front matter for MkDocs (list pages: feeds, search)
    as_of: str = ""  # the build's moment as HTML, where html has AS_OF_MARK (put in after the theme's render)
    reread: Callable[[], str] | None = field(default=None, compare=False, repr=False)  # the HTML, read again
    # With reread: the name of the cache entry the HTML is read from (kind/SHA-256 of the render's key), which
    # stands for the HTML and the toc in the theme's key (hook: a page whose theme render an earlier build
    # stored is not read again at all). The render is a pure function of that key, the toc of the view in it.
    text_key: str = ""

    @property
    def html(self) -> str:
        return self.reread() if self.waiting_now and self.reread is not None else self.body

    @property
    def waiting_now(self) -> bool:
        """Whether the page's HTML is in the build cache only (waiting)."""
        return self.reread is not None and not self.body

    def waiting(self) -> GeneratedPage:
        """The page without its HTML, which MkDocs reads again when it writes the page (a notice's render is in
        the build cache): a first build at 10,000 notices held 1.3 GB of them from their render to their
        writing (MkDocs too holds every page's content from on_page_content until it writes the pages, so
        the hook gives it a waiting page's only in on_page_context). A page that cannot be read again is
        kept whole."""
        return dataclasses.replace(self, body="") if self.reread is not None else self

    @property
    def shown(self) -> str:
        """The page's HTML as readers get it (html with the build's moment in place of the mark)."""
        return moment_in(self.html, self.as_of)

    def front_matter(self) -> dict:
        """The page's front matter. Material prints `description` unescaped, so it is escaped here."""
        matter: dict = {"title": self.title, **self.meta}
        if self.share:
            matter["description"] = html.escape(self.share.description)
        if self.hide:
            matter["hide"] = list(self.hide)
        return matter


@dataclass(frozen=True)
class SiteBuild:
    project: r.Project
    now: dt.datetime
    notices: list[NoticeView]  # what this build publishes, newest first
    pages: list[GeneratedPage]
    assets: list[GeneratedAsset] = field(default_factory=list)
    banner: tuple[BannerItem, ...] = ()  # notices open (or about to open) for comment
    templates: Environment | None = None
    terms: SearchTerms = SearchTerms((), ())  # the search dictionary for what this build shows
    portal: Portal | None = None  # units, rounds and years of what this build shows
    summary: str = ""  # what is public and what is not, and why (summary.py): every build ends with it
    warnings: tuple[str, ...] = ()  # what may be a mistake (summary.py): logged as warnings, so -q shows them
    poster_pdfs: bool = False  # make each poster a PDF after the build (posterpdf.py; needs Chromium)
    cache: ContentCache = field(default_factory=lambda: ContentCache(None))  # reused work (core/cache.py)
    templates_digest: bytes = b""  # of overrides/: what every cached render depends on besides its input
    search_shard_pages: int = DEFAULT_SHARD_PAGES  # pages per search index shard on average (search.py, shard_pages)
    notice_ids: tuple[str, ...] = ()  # set by released(): the ids of `notices`, newest first

    def head_html(self, src_uri: str | None) -> str:
        """The Open Graph tags of a page; the site's own for pages not generated here (404)."""
        if self.templates is None:
            return ""
        generated = self.page(src_uri) if src_uri else None
        share = generated.share if generated and generated.share else site_share(self.project.site, "",
                                                                                 self.project.site.name)
        return self.cache.same_value("share tags", (self.templates_digest, share),
                                     lambda: render_share_meta(self.templates, share))

    def banner_html(self, base_url: str, marked: bool = False) -> str:
        """The site-wide banner for a page at base_url from the root; empty when there is none. marked: with
        AS_OF_MARK for the build's moment (the theme's render is cached; the hook puts the moment in after)."""
        if not self.templates:
            return ""
        rendered = render_banner(self.templates, self.banner, base_url)  # the views hold the mark (prepare)
        return rendered if marked else moment_in(rendered, self.as_of)

    @functools.cached_property
    def as_of(self) -> str:
        return shown_moment(self.now)

    def page(self, src_uri: str) -> GeneratedPage | None:
        at = self._page_at.get(src_uri)
        return None if at is None else self.pages[at]

    def written(self, src_uri: str) -> None:
        """MkDocs has written the page: its HTML is let go of (a gigabyte at 10,000 notices), the rest kept."""
        at = self._page_at.get(src_uri)
        if at is not None:
            self.pages[at] = dataclasses.replace(self.pages[at], body="", reread=None)

    @functools.cached_property
    def _page_at(self) -> dict[str, int]:
        # MkDocs asks once per page: a dict keeps that linear for sites with thousands of notices.
        return {p.src_uri: i for i, p in enumerate(self.pages)}

    def nav(self) -> list[dict]:
        return nav(self.notices, glossary=self.page(page_source(GLOSSARY_URL)) is not None, portal=self.portal)

    def released(self) -> SiteBuild:
        """What writing the site still needs, once the navigation is made: the pages, files and the few
        values the theme reads. The notices' records and views (two thirds of what a build holds after
        prepare: 270 MB at 1,000 notices) are let go of; the notices' ids stay (poster PDFs)."""
        project = dataclasses.replace(self.project, notices=())
        return dataclasses.replace(self, notices=[], portal=None, project=project,
                                   notice_ids=tuple(v.id for v in self.notices))


def published_notices(project: r.Project, now: dt.datetime, preview: bool) -> list[tuple[r.Notice, str]]:
    """Notices to show, newest first, with a preview note for those not yet public."""
    chosen = []
    for notice in project.notices:
        public = is_public(notice.published, notice.draft, now)
        if public or preview:
            chosen.append((notice, "" if public else texts.DRAFT_NOTE))
    return sorted(chosen, key=lambda item: (item[0].published, item[0].id), reverse=True)


def with_poster_and_phone(view: NoticeView, site: r.Site, store: ContentCache | None = None) -> NoticeView:
    """The notice view with a link to its poster and a QR code of its address (for the wide screen)."""
    address = urljoin(site.url, view.url)
    return dataclasses.replace(view, poster_link=relative_url(view.url, poster_url(view.id)),
                               phone_qr=qr_svg(address, texts.PHONE_QR_LABEL.format(url=address), "dsc-qr", store))


@dataclass
class ChosenNotice:
    """A notice the build shows, with what its views are made of besides the search terms and the glossary.
    Its modelled view is made when first asked for (view()): a build that takes the notice's finished views
    from the cache never models it."""

    notice: r.Notice
    note: str  # the preview's note for a notice not yet public, else ""
    decided: bytes  # the site and what the build's moment decides for it (chosen_notice)
    unit: str  # its unit's name in the portal's directory (one name across the unit's renamings)
    make: Callable[[], NoticeView]
    _view: NoticeView | None = None

    def view(self) -> NoticeView:
        if self._view is None:
            self._view = self.make()
        return self._view

    def let_go(self) -> None:
        """Forget the modelled view (view() makes it again if asked): a first build kept every notice's from
        the search terms to the end of prepare (71 KiB each: 0.7 GB at 10,000 notices)."""
        self._view = None

    def product_key(self, shown_key: bytes) -> bytes:
        """The key of everything made of this notice's finished views (the views, its pages, its feed items):
        the SHA-256 of its file's name and text (the record is made of them, by this code), of what the
        moment decides, of the search terms and glossary (shown_key) and of its unit."""
        source = self.notice.digest.encode("ascii") if self.notice.digest else digest_of(self.notice)
        return hashlib.sha256(source + b"\0" + self.decided + shown_key + key_of(self.unit)).digest()


def notice_pages(env: Environment, site: r.Site, view: NoticeView, pdfs: bool, feedback_page: str | None,
                 cache: ContentCache, templates: bytes, view_key: Callable[[NoticeView], bytes] = digest_of,
                 full: Callable[[NoticeView], NoticeView] | None = None, reread: bool = False) -> list[GeneratedPage]:
    """A notice's page and its poster page; feedback_page holds the notice's feedback block (None: none does).

    The two renders are pure functions of the view, the site, the options and the templates (whose digest
    is `templates`): a notice whose view is the same as in an earlier build takes them from the cache. The
    poster's view is made of the same (and QR codes of addresses on the site), so it is made only to render.
    view may be light (light_view): full(view) is the view it stands for, asked for only to render.
    reread: each page can read its HTML again from the cache (GeneratedPage.waiting).
    """
    key = render_key(templates, view_key(view), site, feedback_page, pdfs)
    notice_html, poster_html = notice_renders(env, site, view, pdfs, feedback_page, cache, key, full)

    entry = hashlib.sha256(key).hexdigest() if reread else ""  # the renders' entries' name (ContentCache._entry)

    def again(i: int, src_uri: str) -> dict:
        if not reread:
            return {}
        return {"reread": functools.partial(_render_again, cache, key, i, src_uri),
                "text_key": f"{_RENDERS[i]}/{entry}"}
    # Material prints page titles as HTML (<title>, header): escape the titles that came from data.
    return [
        GeneratedPage(page_source(view.url), html.escape(view.title), notice_html, view.toc,
                      share=notice_share(view, site), **again(0, page_source(view.url))),
        GeneratedPage(page_source(poster_url(view.id)), html.escape(poster_title(view)), poster_html, [],
                      share=notice_share(view, site, poster_url(view.id)), hide=("navigation", "toc"),
                      **again(1, page_source(poster_url(view.id)))),
    ]


# A notice's page and its poster, each an entry of its own: a page read again (GeneratedPage.waiting) reads
# only its own HTML.
_RENDERS = ("render", "render poster")


def render_key(templates: bytes, view_key: bytes, site: r.Site, feedback_page: str | None, pdfs: bool) -> bytes:
    """What a notice's page and poster are made of: the templates' digest, the view's key and the options."""
    return templates + view_key + key_of((site, feedback_page, pdfs))


def notice_renders(env: Environment, site: r.Site, view: NoticeView, pdfs: bool, feedback_page: str | None,
                   cache: ContentCache, key: bytes, full: Callable[[NoticeView], NoticeView] | None = None
                   ) -> tuple[str, str]:
    """The notice's page and poster with the mark for the moment (GeneratedPage.as_of), by their key."""
    def rendered() -> tuple[str, str]:
        # The moment in 截至…（本页生成时） changes with every build; rendered as a mark and put in afterwards, it
        # leaves the cached renders of a notice valid for as long as its status (the day count) stays the same.
        marked = with_as_of_mark(full(view) if full else view)[1]  # made of view, as the poster is: the key need hold neither
        poster = poster_view(marked, site.url, pdf_links(view.id) if pdfs else (), feedback_page, cache)
        return render_notice(env, marked, feedback_page=feedback_page), render_poster(env, poster)
    return _renders(cache, key, rendered)


def public_products_ahead(items: FeedItems, cache: ContentCache, key: bytes, views: Callable[[], Views],
                          opened: Callable[[], tuple[r.Notice, NoticeView]], site: r.Site) -> None:
    """A public notice's feed items and open data, stored by its product key unless they are, made of its full
    views (views(), asked for only if one is missing; opened(): the notice and its view as its open data has
    it): the build and its helper (aheadworker.py) make them with the notice's renders, its views read once."""
    items.store_ahead(key, lambda: views()[0])
    open_data_ahead(cache, key, opened, site)


def renders_stored(cache: ContentCache, key: bytes) -> bool:
    """Whether both renders of this key are in the cache (not reading them)."""
    digest = hashlib.sha256(key).hexdigest()
    return all(cache.has(kind, digest) for kind in _RENDERS)


def _renders(cache: ContentCache, key: bytes, rendered: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """The notice's page and poster from the cache, or rendered now (both, if either entry is gone)."""
    found = [cache.get_record(kind, key) for kind in _RENDERS]
    if None in found:
        found = [cache.put_record(kind, key, made) for kind, made in zip(_RENDERS, rendered())]
    notice_html, poster_html = found
    return notice_html, poster_html  # type: ignore[return-value]


class CacheEntryLost(ProjectError):
    """A page's render, which the build left in its cache to read again, is gone or damaged."""


def _render_again(cache: ContentCache, key: bytes, which: int, src_uri: str) -> str:
    """A waiting page's HTML, read again. The build holds the cache (ContentCache.hold), so another build
    removes nothing from it; an entry that is still gone was damaged, and the build stops with the page's
    name (rendering it again would need the notice's records and views, which the build has let go of)."""
    found = cache.get_record(_RENDERS[which], key)
    if not isinstance(found, str):
        assert cache.folder is not None, "only a build with a cache lets its pages wait"
        raise CacheEntryLost(texts.CACHE_ENTRY_LOST.format(page=src_uri, path=cache.folder / _RENDERS[which]))
    return found


def shown_moment(now: dt.datetime) -> str:
    """The build's moment as the pages print it (escaped HTML): 截至…（本页生成时）."""
    return str(escape(as_of_text(now)))


def chosen_notice(notice: r.Notice, note: str, site: r.Site, site_key: bytes, now: dt.datetime,
                  directory: Directory, cache: ContentCache) -> ChosenNotice:
    """The notice as the build shows it. Its view (with the mark for the build's moment) depends on the moment
    only by the window's status and the revisions shown (decided): in a preview's rebuild, the last one's
    view is kept when the notice is the same record and the site (site_key) and these the same."""
    window = with_as_of_mark_window(window_view(notice.window, now)) if notice.window else None
    decided = site_key + key_of((note, window, revision_views(notice.revisions, now)))

    def made() -> NoticeView:
        body = cache.same_record("numbered", (notice,), functools.partial(numbered_body, notice))
        return with_as_of_mark(notice_view(notice, site, now, note, body))[1]
    return ChosenNotice(notice, note, decided, directory.unit_of(notice.issuer.name)[1],
                        lambda: cache.same_record("view", (notice,), made, also=decided))


def _quoted(chosen: ChosenNotice, cache: ContentCache, keyed: bool) -> frozenset[str]:
    """The terms the notice quotes (for the search dictionary): a function of its view, so of its record and
    what the moment decides; kept by its product key without the terms and glossary (keyed), or in a
    preview for the very view."""
    def made() -> frozenset[str]:
        return notice_quoted_terms(chosen.view())
    if not keyed:
        return cache.same_record("quoted terms", (chosen.view(),), made)
    key = chosen.product_key(b"")
    return frozenset(cache.get_or_make_json("quoted terms", key, lambda _: sorted(made())))


def moment_in(text: str, as_of: str) -> str:
    """text with the build's moment (as_of, escaped HTML) where a render left AS_OF_MARK."""
    return text.replace(AS_OF_MARK, as_of) if AS_OF_MARK in text else text


def prepare(root: Path, environ: Mapping[str, str], preview: bool = False,
            records: dict[Path, object] | None = None, sink: AssetSink | None = None,
            rendered: Callable[[list[GeneratedPage], ContentCache, int, bool], None] | None = None) -> SiteBuild:
    """Validate data/ under root and render every generated page. The other files (feeds, open data, share
    cards) go to sink as they are made (by default: kept in memory). rendered(pages, cache, shard size, last)
    is called with each notice's pages as soon as they are rendered, in publication order (the search index's
    shards fill as they come), and then with the other pages (last: True), before those files are made.

    Raises a ProjectError (errors.py): DataInvalid, BadReferenceTime, or NothingPublic (a real build
    with no public notice, unless DISCLOSURE_ALLOW_EMPTY is set; a preview shows drafts, so it may be empty).
    """
    ahead = Ahead()  # a helper process making notices' products into the cache (buildahead.py), if any
    try:
        return _prepare(root, environ, preview, records, sink, rendered, ahead)
    finally:
        ahead.stop()


def _prepare(root: Path, environ: Mapping[str, str], preview: bool, records: dict[Path, object] | None,
             sink: AssetSink | None, rendered: Callable[[list[GeneratedPage], ContentCache, int, bool], None] | None,
             ahead: Ahead) -> SiteBuild:
    cache = cache_for(root, environ, records)  # records: kept by a process that builds again (mkdocs serve)
    shard_size = shard_pages(environ)  # a mistake in the environment is refused before anything is read
    project = load_project(root / "data", cache)
    now = reference_time(environ)
    ignored = ignored_files(root / "data")
    report = summary(project, ignored, now, linked_files(root / "data"))
    refuse_if_empty(project, now, report, preview or allow_empty(environ))
    env = template_env(root / "overrides")
    templates = folder_digest(root / "overrides")  # what every cached render depends on besides its view
    chosen = published_notices(project, now, preview)
    # The views hold AS_OF_MARK for the build's moment (截至…（本页生成时）), which every output puts in (the
    # pages after the theme's render, the feed items, the banner): a view stays the same from minute to
    # minute, and a preview's rebuild takes an unchanged notice's work from the last one (same_record).
    site_key = key_of(project.site)  # a record read again each build: by value
    directory = Directory(project.units, project.rounds)
    shown_notices = [chosen_notice(notice, note, project.site, site_key, now, directory, cache)
                     for notice, note in chosen]
    # One build with its cache (no earlier build in this process) takes an unchanged notice's quoted terms and
    # finished views whole from the cache, by what they are made of (ChosenNotice.product_key): it models only
    # the notices that changed. A preview's rebuild keeps them in memory instead (same_record).
    keyed = cache.folder is not None and cache.records is None
    if keyed:
        cache.hold()  # the notices' pages wait in it until MkDocs writes them (GeneratedPage.waiting)
    terms = gather_terms(project, [_quoted(c, cache, keyed) for c in shown_notices])
    made = ViewsMade(project.site, project.glossary, terms, cache)
    shown_key = made.shown_key()  # what a finished view depends on besides its notice's
    if keyed:
        _start_ahead(ahead, root, cache, made, project, now, shown_notices)
    views: list[NoticeView] = []
    public: list[tuple[r.Notice, NoticeView]] = []  # only these get open-data files
    product_keys: dict[str, bytes] = {}  # a finished view's id -> its product key (renders and feed items)
    fulls: dict[str, Callable[[], Views]] = {}  # a light view's id -> its full views (as `finished` gives them)
    for c in shown_notices:
        finished = functools.partial(finished_views, c, made)
        key = c.product_key(shown_key)
        if keyed:
            (shown, opened), fulls[c.notice.id] = light_views(cache, key, finished)
            c.let_go()  # its full views are in the cache now (read back, or made again, when needed)
        else:
            shown, opened = cache.same_record("finished view", (c.view(),), finished, also=key)
        views.append(shown)
        product_keys[shown.id] = key
        if opened is not None:
            public.append((c.notice, opened))
    site = project.site
    pdfs = environ.get(POSTER_PDF_SWITCH, "") == "1"
    pairs = [(n, v) for (n, _), v in zip(chosen, views)]
    portal = portal_of(pairs, directory)
    feedback = feedback_pages(site, pairs, portal=portal.active)
    block_page = {b.id: f.url for f in feedback for b in f.blocks}
    ahead.pages(PagesJob(block_page, pdfs))
    pages = [GeneratedPage("index.md", texts.HOME_TITLE, render_home(env, site, home_of(portal)), [],
                           share=site_share(site, HOME_URL, site.name))]
    def view_key(v: NoticeView) -> bytes:
        return product_keys[v.id]

    def full_shown(v: NoticeView) -> NoticeView:
        return v if v.parts is not None else fulls[v.id]()[0]

    def full_opened(v: NoticeView) -> NoticeView:
        return v if v.parts is not None else opened_view(fulls[v.id]())
    items = FeedItems(env, site, cache, templates, as_of_text(now), view_key, full_shown)
    public_notices = {notice.id: notice for notice, _ in public}  # only these get feed items and open data
    by_notice: dict[str, list[GeneratedPage]] = {}
    for v in sorted(views, key=lambda v: (v.published_iso, v.url)):  # publication order: see `rendered`
        feedback_page = block_page.get(v.id)
        # With its cache, a notice's renders, feed items and open data are made in one pass, its full views
        # read once for all three (if one is missing), as the helper makes them (aheadworker.py): read for
        # each, they were 2 s of the build's thread at 1,000 notices.
        full = functools.cache(fulls[v.id]) if keyed else None
        shown_full = (lambda _, full=full: full()[0]) if full else full_shown
        by_notice[v.id] = cache.same_record("notice pages", (v,), functools.partial(
            notice_pages, env, site, v, pdfs, feedback_page, cache, templates, view_key, shown_full, reread=keyed),
            also=templates + key_of((feedback_page, pdfs)))
        if full and v.id in public_notices:
            public_products_ahead(items, cache, product_keys[v.id], full,
                                  lambda full=full, n=public_notices[v.id]: (n, opened_view(full())), site)
        if rendered is not None:
            rendered(by_notice[v.id], cache, shard_size, False)
        by_notice[v.id] = [page.waiting() for page in by_notice[v.id]]
    first_notice = len(pages)
    pages += [page for v in views for page in by_notice.pop(v.id)]
    after_notices = len(pages)
    pages += [GeneratedPage(page_source(f.url), f.title, render_feedback(env, f), f.toc,
                            share=site_share(site, f.url, f.title)) for f in feedback]
    pages += _list_pages(site, portal, functools.partial(_list_html, env, cache, templates))
    if project.glossary:
        glossary_html = render_glossary(env, glossary_items(project.glossary))
        pages.append(GeneratedPage(page_source(GLOSSARY_URL), texts.GLOSSARY_TITLE, glossary_html, [],
                                   share=site_share(site, GLOSSARY_URL, texts.GLOSSARY_TITLE)))
    pages.append(GeneratedPage(page_source(SEARCH_URL), texts.SEARCH_PAGE_TITLE,
                               render_search(env, search_page([v for _, v in pairs], portal.active, bool(portal.rounds),
                                                              portal.kind)), [],
                               share=site_share(site, SEARCH_URL, texts.SEARCH_PAGE_TITLE)))
    chan = channel(site)
    pages.append(GeneratedPage(page_source(SUBSCRIBE_URL), texts.SUBSCRIBE_TITLE,
                               render_subscribe(env, chan.rss_url, chan.json_url), [],
                               share=site_share(site, SUBSCRIBE_URL, texts.SUBSCRIBE_TITLE)))
    if rendered is not None:
        rendered(pages[:first_notice] + pages[after_notices:], cache, shard_size, True)
    # Even a preview (mkdocs serve) never puts a draft or scheduled notice into a feed or the open data.
    public_ids = set(public_notices)
    sink = sink or InMemory()
    assets = feed_assets(env, project.site, [v for v in views if v.id in public_ids],
                         _list_feeds(project.site, portal, public_ids), items, sink)
    assets += open_data_assets(root, project.site, public, {n.id: directory.ids_of(n) for n, _ in public}, cache,
                               sink, product_keys if keyed else None, full_opened)
    fulls.clear()  # the loaders of full views (and the records they would be made of) are let go of
    ahead.stop()  # the helper makes nothing the rest needs: the cores are the share cards' and the search index's
    assets.append(sink.put(share_image_path(), site_card(site)))
    assets += [sink.put(share_image_path(v.id), notice_card(v, site)) for v in views]
    shown_as_of = shown_moment(now)
    pages = [dataclasses.replace(page, as_of=shown_as_of) for page in pages]
    return SiteBuild(project=project, now=now, notices=views, pages=pages, assets=assets,
                     banner=banner_items(views), templates=env,
                     terms=terms, portal=portal, summary=report, warnings=tuple(warnings(project, ignored, cache)),
                     poster_pdfs=pdfs, cache=cache, templates_digest=templates,
                     search_shard_pages=shard_size)


def _start_ahead(ahead: Ahead, root: Path, cache: ContentCache, made: ViewsMade, project: r.Project,
                 now: dt.datetime, shown: list[ChosenNotice]) -> None:
    """Start the helper (buildahead.py) when enough notices' finished views are not in the cache to be worth it
    (a first build, new search terms; not an edit build)."""
    shown_key = made.shown_key()
    missing = sum(not cache.has("light views", hashlib.sha256(c.product_key(shown_key)).hexdigest()) for c in shown)
    if missing >= buildahead.AHEAD_FROM and cache.folder is not None:
        ahead.start(ViewsJob(root, cache.folder, project.site, project.glossary, made.terms, project.units,
                             project.rounds, now, tuple((c.notice.source, c.notice.digest, c.note) for c in shown)))


Views = tuple[NoticeView, NoticeView | None]  # a notice's finished views: as pages show it, as its open data has it


@dataclass(frozen=True)
class ViewsMade:
    """What a notice's finished views are made of besides the notice (finished_views)."""

    site: r.Site
    glossary: tuple[r.GlossaryEntry, ...]
    terms: SearchTerms
    cache: ContentCache
    # Keys are pickles without a memo (key_of): equal keys are equal values.
    terms_key: bytes = field(init=False, default=b"")

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms_key", key_of(self.terms))

    def shown_key(self) -> bytes:
        """What a finished view depends on besides its notice's (ChosenNotice.product_key)."""
        return self.terms_key + key_of(self.glossary)

    def keywords(self, inputs: tuple, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """A notice's keyword lines, a pure function of its texts and the search dictionary: unchanged notices
        take them from the cache."""
        return self.cache.get_or_make_record("keywords", self.terms_key + key_of(inputs), make)


def opened_view(views: Views) -> NoticeView:
    """A public notice's view as its open data has it."""
    assert views[1] is not None, "only public notices have open data"
    return views[1]


def finished_views(c: ChosenNotice, made: ViewsMade) -> Views:
    """The notice's view as pages show it, and (public notices) as its open-data file has it."""
    view, notice = c.view(), c.notice
    view = dataclasses.replace(view, search=notice_search(notice, view, made.terms, c.unit, made.keywords))
    opened = None if c.note else dataclasses.replace(view, downloads=opendata.download_links(notice, view))
    return with_poster_and_phone(mark_terms(opened or view, made.glossary), made.site, made.cache), opened


def light_views(cache: ContentCache, key: bytes, finished: Callable[[], Views]) -> tuple[Views, Callable[[], Views]]:
    """A notice's finished views as lists and the navigation need them (light_view), from the cache by its
    product key, and how to have the full ones. An unchanged notice's full views are read from the cache only
    if a render, its feed items or its open data must be made again (unpickling 1,000 of them took a second
    of every build at 1,000 notices). They are read again for each of these rather than kept: a first build
    kept every notice's full views until its feeds and open data were made, a quarter of its peak memory
    (242 MiB at 1,000 notices, against 2.2 s more of unpickling)."""
    def full() -> Views:  # made again if the entry is gone; let go of by every caller, so not read back
        return cache.get_or_make_record("finished views", key, finished, kept=False)
    light = cache.get_record("light views", key)
    if light is None:
        shown, opened = full()
        light = (light_view(shown), None if opened is None else light_view(opened))
        return cache.put_record("light views", key, light), full
    cache.keep("finished views", key)  # may be needed by the next build (a template changed)
    return light, full


def _list_html(env: Environment, cache: ContentCache, templates: bytes, page: ListPage) -> str:
    """A list page's HTML; a preview's rebuild keeps the last one's for an equal page (a few hundred of them
    are rendered again for any change)."""
    return cache.same_value("list page", (templates, page), lambda: render_list(env, page))


def _list_pages(site: r.Site, portal: Portal, rendered: Callable[[ListPage], str]) -> list[GeneratedPage]:
    """The portal's list pages (none for a simple site); not in the search index (no data-pagefind-body)."""
    pages = []
    for page in list_pages(portal):
        meta: dict = {}
        if page.feed_paths:
            title = html.escape(page.title)
            meta["disclosures_feeds"] = [{"type": t, "path": p, "title": title} for t, p in page.feed_paths]
        pages.append(GeneratedPage(page_source(page.url), html.escape(page.title), rendered(page), [],
                                   share=site_share(site, page.url, page.title), meta=meta))
    return pages


def _list_feeds(site: r.Site, portal: Portal, public_ids: set[str]) -> list[tuple[str, str, list[NoticeView]]]:
    """A feed for every unit and every round of a portal, with its public notices only."""
    if not portal.active:
        return []
    name = present(site.name)
    feeds = [(texts.FEED_UNIT_TITLE.format(site=name, name=present(g.name)), g.url, g.notices) for g in portal.units]
    feeds += [(texts.FEED_ROUND_TITLE.format(site=name, name=present(g.name)), g.url, g.notices)
              for g in portal.rounds]
    return [(title, url, [v for _, v in notices if v.id in public_ids]) for title, url, notices in feeds]
