"""Render view models to HTML with the Jinja2 templates in overrides/partials/disclosures/."""

from __future__ import annotations

from pathlib import Path

import jinja2

from disclosures.core import texts
from disclosures.core.records import Site
from disclosures.core.urls import FEEDBACK_URL, JSON_FEED_PATH, RSS_PATH, SUBSCRIBE_URL, relative_url
from disclosures.model.viewmodels import NoticeView, RevisionView
from disclosures.pages.feedback import FeedbackPage
from disclosures.pages.glossary import GlossaryItem
from disclosures.pages.lists import Home, ListPage
from disclosures.pages.searchpage import SearchPage
from disclosures.pages.templatecode import keep_compiled


def template_env(overrides_dir: Path) -> jinja2.Environment:
    # Autoescape everything: all text shown here comes from data files.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(overrides_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["texts"] = texts.catalogue()  # every page text by name: {{ texts.NO_NOTICES }}
    return keep_compiled(env)  # a preview's rebuild makes a new environment: its templates stay compiled


def render_notice(env: jinja2.Environment, notice: NoticeView, feed: bool = False,
                  feedback_page: str | None = FEEDBACK_URL) -> str:
    """The notice body; feed=True leaves out the title, the status that depends on the build day
    and the relative link to the feedback page (a feed reader would resolve it against the feed).
    feedback_page: the feedback page holding this notice's block (None: no block, link the first page)."""
    feedback_link = (relative_url(notice.url, feedback_page) + f"#{notice.id}" if feedback_page
                     else relative_url(notice.url, FEEDBACK_URL))
    return env.get_template("partials/disclosures/notice.html").render(n=notice, feed=feed,
                                                                        feedback_link=feedback_link)


def render_revision(env: jinja2.Environment, notice: NoticeView, revision: RevisionView) -> str:
    """Body of the feed item that announces one revision."""
    return env.get_template("partials/disclosures/feed-revision.html").render(n=notice, rev=revision)


def render_subscribe(env: jinja2.Environment, rss_url: str, json_url: str) -> str:
    """The 订阅 page at subscribe/: the feeds sit at the site root, one level up."""
    links = {"rss": relative_url(SUBSCRIBE_URL, RSS_PATH), "json": relative_url(SUBSCRIBE_URL, JSON_FEED_PATH)}
    return env.get_template("partials/disclosures/subscribe.html").render(rss_url=rss_url, json_url=json_url,
                                                                         links=links)


def render_glossary(env: jinja2.Environment, items: tuple[GlossaryItem, ...]) -> str:
    return env.get_template("partials/disclosures/glossary.html").render(items=items)


def render_home(env: jinja2.Environment, site: Site, home: Home) -> str:
    """A portal's home shows what is open, the newest notices and the lists; a simple site lists every notice."""
    return env.get_template("partials/disclosures/home.html").render(site=site, home=home)


def render_list(env: jinja2.Environment, page: ListPage) -> str:
    return env.get_template("partials/disclosures/list.html").render(page=page)


def render_feedback(env: jinja2.Environment, page: FeedbackPage) -> str:
    return env.get_template("partials/disclosures/feedback.html").render(page=page)


def render_search(env: jinja2.Environment, page: SearchPage) -> str:
    return env.get_template("partials/disclosures/search.html").render(page=page)
