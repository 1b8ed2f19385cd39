"""Feeds for subscribers: RSS 2.0 (/feed.xml) and JSON Feed 1.1 (/feed.json) with the same items.

A feed is a function of the data and the reference day only (no clock, no git
history), so two builds of the same data give byte-identical files. Callers pass
only public notices: drafts and scheduled notices must never be announced.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import urljoin, urlsplit

from disclosures.core import texts
from disclosures.core.errors import ProjectError
from disclosures.core.records import Site
from disclosures.core.timewindow import BEIJING
from disclosures.core.typography import present
from disclosures.core.urls import JSON_FEED_PATH, RSS_PATH
from disclosures.model.viewmodels import NoticeView

LANGUAGE = "zh-CN"
SUMMARY_CHARS = 200
MAX_ITEMS = 50  # a feed carries the newest items only; older notices stay on the site and in the open data

_ATOM = "http://www.w3.org/2005/Atom"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
ET.register_namespace("atom", _ATOM)
ET.register_namespace("content", _CONTENT)
ET.register_namespace("dc", _DC)
# 政务公开 metadata in RSS as Dublin Core: 索引号 the identifier, 主题分类 the subject, 发布机构 the publisher.
_DC_OF = {"index": "identifier", "topic": "subject", "publisher": "publisher"}

# Our templates always write double-quoted attributes, and autoescape keeps '"' out of values. The match
# starts at '="' and looks back for the name: a search for the name itself tried every position of the
# body (0.65 ms of a notice's feed copy against 0.07 ms), and the matches are the same.
_LINK_ATTR = re.compile(r'="(?:(?<=\bhref=")|(?<=\bsrc="))([^"]*)"')


class FeedUrlError(ProjectError, ValueError):
    """The site address is not absolute: a feed with relative links breaks in every reader."""


@dataclass(frozen=True)
class Channel:
    title: str
    home: str  # the site, absolute, ends with "/"
    description: str
    page: str = ""  # the page the feed follows, from the site root ("" is home; a unit's or round's list)
    rss_path: str = RSS_PATH
    json_path: str = JSON_FEED_PATH

    @property
    def link(self) -> str:
        return self.home + self.page

    @property
    def rss_url(self) -> str:
        return self.home + self.rss_path

    @property
    def json_url(self) -> str:
        return self.home + self.json_path


@dataclass(frozen=True)
class FeedItem:
    guid: str  # absolute permalink; never changes once published
    link: str
    title: str
    summary: str  # plain text
    content_html: str  # links absolute
    published: dt.datetime  # Beijing midnight of the day
    category: str  # issuing body
    metadata: tuple[tuple[str, str], ...] = ()  # 政务公开 fields (key, value), e.g. ("index", "…/2021-00050")


def base_url(url: str) -> str:
    """The site address as a base for absolute links, with exactly one trailing slash."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise FeedUrlError(texts.SITE_URL_NOT_ABSOLUTE.format(url=url))
    return url.rstrip("/") + "/"


def channel(site: Site) -> Channel:
    return Channel(title=present(site.name), home=base_url(site.url), description=present(site.description or site.name))


def beijing_midnight(iso_date: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(iso_date), dt.time(), BEIJING)


def absolute_links(body: str, base: str) -> str:
    """Resolve every href/src against the page URL: readers resolve relative links against the feed."""

    def resolve(match: re.Match[str]) -> str:
        target = urljoin(base, html.unescape(match.group(1)))
        return f'="{html.escape(target, quote=True)}"'

    return _LINK_ATTR.sub(resolve, body)


def summary(notice: NoticeView) -> str:
    """Plain text: the opening paragraph, cut at a length readers show in a list."""
    first = notice.preamble[0] if notice.preamble else None
    text = (first.lead + first.text) if first else (notice.invitation or notice.title)
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "……"


def notice_items(notice: NoticeView, body_html: str, revision_html: list[str], home: str) -> list[FeedItem]:
    """The notice itself, then one item per revision, each linking to its entry on the notice page."""
    (published, link), *revised = item_order(notice, home)
    items = [FeedItem(link, link, notice.title, summary(notice), absolute_links(body_html, link), published,
                      notice.issuer, notice.metadata)]
    for revision, body, (date, anchor_link) in zip(notice.revisions, revision_html, revised, strict=True):
        items.append(FeedItem(anchor_link, anchor_link, texts.FEED_REVISION_TITLE.format(title=notice.title, date=revision.date),
                              revision.note, absolute_links(body, link), date, notice.issuer))
    return items


def item_order(notice: NoticeView, home: str) -> list[tuple[dt.datetime, str]]:
    """What orders each of notice_items' items in a feed (newest_first): its date and guid, known without
    rendering the notice."""
    link = urljoin(home, notice.url)
    return [(beijing_midnight(notice.published_iso), link)] + \
        [(beijing_midnight(revision.date_iso), f"{link}#{revision.anchor}") for revision in notice.revisions]


def newest_first(items: list[FeedItem], limit: int = MAX_ITEMS) -> list[FeedItem]:
    return sorted(items, key=lambda item: (item.published, item.guid), reverse=True)[:limit]


def newest_notices(notices: list[NoticeView], home: str, limit: int = MAX_ITEMS) -> list[NoticeView]:
    """The notices (in the order given) that have an item among the newest `limit` of all their items: a feed
    of these alone is the same feed (newest_first keeps what ties with its last item in the order given,
    and these keep theirs). An edit to any other notice leaves the feed as it is."""
    orders = [item_order(v, home) for v in notices]
    newest = sorted((key for order in orders for key in order), reverse=True)[:limit]
    if not newest:
        return []
    return [v for v, order in zip(notices, orders) if max(order) >= newest[-1]]


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def rss(chan: Channel, items: list[FeedItem]) -> bytes:
    """RSS 2.0 with atom:link rel=self and content:encoded; lastBuildDate is the newest item's date."""
    root = ET.Element("rss", {"version": "2.0"})
    c = ET.SubElement(root, "channel")
    _text(c, "title", chan.title)
    _text(c, "link", chan.link)
    _text(c, "description", html.escape(chan.description, quote=False))
    _text(c, "language", LANGUAGE)
    ET.SubElement(c, f"{{{_ATOM}}}link", {"href": chan.rss_url, "rel": "self", "type": "application/rss+xml"})
    if items:
        _text(c, "lastBuildDate", format_datetime(max(item.published for item in items)))
    for item in items:
        i = ET.SubElement(c, "item")
        _text(i, "title", item.title)
        _text(i, "link", item.link)
        _text(i, "guid", item.guid, isPermaLink="true")
        _text(i, "pubDate", format_datetime(item.published))
        _text(i, "category", item.category)
        for key, value in item.metadata:
            if key in _DC_OF:
                _text(i, f"{{{_DC}}}{_DC_OF[key]}", value)
        # RSS readers take description as HTML: escape the plain text so it shows exactly as written.
        _text(i, "description", html.escape(item.summary, quote=False))
        _text(i, f"{{{_CONTENT}}}encoded", item.content_html)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def json_feed(chan: Channel, items: list[FeedItem]) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the same items as the RSS feed."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": chan.title,
        "home_page_url": chan.link,
        "feed_url": chan.json_url,
        "description": chan.description,
        "language": LANGUAGE,
        "items": [{
            "id": item.guid,
            "url": item.link,
            "title": item.title,
            "summary": item.summary,
            "content_html": item.content_html,
            "date_published": item.published.isoformat(),
            "tags": [item.category],
            "authors": [{"name": item.category}],
            **({"_disclosure": dict(item.metadata)} if item.metadata else {}),
        } for item in items],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
