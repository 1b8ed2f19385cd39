"""The gather phase: read data/ once and prepare every generated page before MkDocs renders any.

Nothing here imports MkDocs, so tests can call it directly and the renderer
can be swapped later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from . import opendata
from . import records as r
from .banner import BannerItem, banner_items, render_banner
from .feedback import TITLE as FEEDBACK_TITLE
from .feedback import feedback_page
from .glossary import GLOSSARY_URL, glossary_items
from .load import load_project
from . import feeds
from .render import (render_feedback, render_glossary, render_home, render_notice, render_revision,
                     render_subscribe, template_env)
from .records import SearchTerms
from .searchindex import lean_search_index
from .searchterms import default_parts, gather_terms, keywords_for
from .summary import allow_empty, ignored_files, refuse_if_empty, summary
from .terms import mark_terms
from .timewindow import is_public, reference_time
from .view import FEEDBACK_URL, NoticeView, notice_view

GLOSSARY_TITLE = "术语解释"

DRAFT_NOTE = "预览：本通报尚未公开（草稿或未到发布日期），正式构建的网站中不会出现。"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # path MkDocs knows the page by, e.g. "disclosures/<id>/index.md"
    title: str
    html: str
    toc: list[dict]


@dataclass(frozen=True)
class GeneratedAsset:
    """A non-page file the site serves (feed, open-data download), copied verbatim into site/."""

    path: str  # e.g. "feed.xml"
    content: bytes


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
    summary: str = ""  # what is public and what is not, and why (summary.py): every build ends with it

    def banner_html(self, base_url: str) -> str:
        """The site-wide banner for a page at base_url from the root; empty when there is none."""
        return render_banner(self.templates, self.banner, base_url) if self.templates else ""

    def search_index(self, raw: str) -> str:
        """Material's search index, rewritten: each notice section a result of its own, with keywords."""
        notices = [(n.url, n.title) for n in self.notices]
        return lean_search_index(raw, notices, lambda text: keywords_for(text, self.terms, default_parts))

    def page(self, src_uri: str) -> GeneratedPage | None:
        return self._pages_by_uri.get(src_uri)

    @functools.cached_property
    def _pages_by_uri(self) -> dict[str, GeneratedPage]:
        # MkDocs asks once per page: a dict keeps that linear for sites with thousands of notices.
        return {p.src_uri: p for p in self.pages}

    def nav(self) -> list[dict]:
        """MkDocs nav with Chinese titles (auto-nav would title folders in English)."""
        items: list[dict] = [{"首页": "index.md"}]
        if self.notices:
            # MkDocs and Material print nav titles as HTML: escape what came from data.
            items.append({"公示公告": [{html.escape(n.title): f"{n.url}index.md"} for n in self.notices]})
        items.append({FEEDBACK_TITLE: f"{FEEDBACK_URL}index.md"})
        if self.page(f"{GLOSSARY_URL}index.md"):
            items.append({GLOSSARY_TITLE: f"{GLOSSARY_URL}index.md"})
        items.append({"订阅": SUBSCRIBE_URI})
        return items


def published_notices(project: r.Project, now: dt.datetime, preview: bool) -> list[tuple[r.Notice, str]]:
    """Notices to show, newest first, with a preview note for those not yet public."""
    chosen = []
    for notice in project.notices:
        public = is_public(notice.published, notice.draft, now)
        if public or preview:
            chosen.append((notice, "" if public else DRAFT_NOTE))
    return sorted(chosen, key=lambda item: (item[0].published, item[0].id), reverse=True)


SUBSCRIBE_URI = "subscribe/index.md"


def feed_assets(env: Environment, site: r.Site, public: list[NoticeView]) -> list[GeneratedAsset]:
    """feed.xml and feed.json with the same items; callers pass only public notices."""
    chan = feeds.channel(site)
    items = [item for v in public for item in feeds.notice_items(
        v, render_notice(env, v, feed=True), [render_revision(env, v, rev) for rev in v.revisions], chan.home)]
    items = feeds.newest_first(items)
    return [GeneratedAsset(feeds.RSS_PATH, feeds.rss(chan, items)),
            GeneratedAsset(feeds.JSON_PATH, feeds.json_feed(chan, items))]


def prepare(root: Path, environ: Mapping[str, str], preview: bool = False) -> SiteBuild:
    """Validate data/ under root and render every generated page.

    Raises DataInvalid, BadReferenceTime, or NothingPublic (a real build with no public notice,
    unless DISCLOSURE_ALLOW_EMPTY is set; a preview shows drafts, so it may be empty).
    """
    project = load_project(root / "data")
    now = reference_time(environ)
    report = summary(project, ignored_files(root / "data"), now)
    refuse_if_empty(project, now, report, preview or allow_empty(environ))
    env = template_env(root / "overrides")
    chosen = published_notices(project, now, preview)
    views: list[NoticeView] = []
    public: list[tuple[r.Notice, NoticeView]] = []  # only these get open-data files
    for notice, note in chosen:
        view = notice_view(notice, project.site, now, note)
        if not note:
            view = dataclasses.replace(view, downloads=opendata.download_links(notice, view))
            public.append((notice, view))
        views.append(mark_terms(view, project.glossary))
    pages = [GeneratedPage("index.md", "首页", render_home(env, project.site, views), [])]
    # Material prints page titles as HTML (<title>, header): escape the title that came from data.
    pages += [GeneratedPage(f"{v.url}index.md", html.escape(v.title), render_notice(env, v), v.toc) for v in views]
    feedback = feedback_page(project.site, [(n, v) for (n, _), v in zip(chosen, views)])
    pages.append(GeneratedPage(f"{FEEDBACK_URL}index.md", feedback.title, render_feedback(env, feedback), feedback.toc))
    if project.glossary:
        glossary_html = render_glossary(env, glossary_items(project.glossary))
        pages.append(GeneratedPage(f"{GLOSSARY_URL}index.md", GLOSSARY_TITLE, glossary_html, []))
    chan = feeds.channel(project.site)
    pages.append(GeneratedPage(SUBSCRIBE_URI, "订阅", render_subscribe(env, chan.rss_url, chan.json_url), []))
    # Even a preview (mkdocs serve) never puts a draft or scheduled notice into a feed or the open data.
    public_ids = {n.id for n, _ in public}
    assets = feed_assets(env, project.site, [v for v in views if v.id in public_ids])
    assets += open_data_assets(root, project.site, public)
    return SiteBuild(project=project, now=now, notices=views, pages=pages, assets=assets,
                     banner=banner_items(views), templates=env,
                     terms=gather_terms(project, [n for n, _ in chosen]), summary=report)


def open_data_assets(root: Path, site: r.Site, public: list[tuple[r.Notice, NoticeView]]) -> list[GeneratedAsset]:
    """Each public notice as JSON and as its YAML source (the data file's bytes), and the index of them all."""
    assets = [GeneratedAsset(opendata.INDEX_PATH, opendata.dump(opendata.index_document(site, public)))]
    for notice, view in public:
        assets.append(GeneratedAsset(opendata.json_path(notice),
                                     opendata.dump(opendata.notice_document(notice, view, site))))
        assets.append(GeneratedAsset(opendata.yaml_path(notice), (root / notice.source).read_bytes()))
    return assets
