"""The files a build serves besides pages: the feeds and the open-data downloads, as bytes.

Callers pass only public notices: a draft or scheduled notice never reaches a
feed or the open data, not even in a preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from . import feeds, opendata
from . import records as r
from .render import render_notice, render_revision
from .urls import JSON_FEED_PATH, OPEN_DATA_INDEX_PATH, RSS_PATH
from .viewmodels import NoticeView


@dataclass(frozen=True)
class GeneratedAsset:
    """A non-page file the site serves (feed, open-data download), copied verbatim into site/."""

    path: str  # e.g. "feed.xml"
    content: bytes


def feed_assets(env: Environment, site: r.Site, public: list[NoticeView]) -> list[GeneratedAsset]:
    """feed.xml and feed.json with the same items."""
    chan = feeds.channel(site)
    items = [item for v in public for item in feeds.notice_items(
        v, render_notice(env, v, feed=True), [render_revision(env, v, rev) for rev in v.revisions], chan.home)]
    items = feeds.newest_first(items)
    return [GeneratedAsset(RSS_PATH, feeds.rss(chan, items)), GeneratedAsset(JSON_FEED_PATH, feeds.json_feed(chan, items))]


def open_data_assets(root: Path, site: r.Site, public: list[tuple[r.Notice, NoticeView]]) -> list[GeneratedAsset]:
    """Each public notice as JSON and as its YAML source (the data file's bytes), and the index of them all."""
    assets = [GeneratedAsset(OPEN_DATA_INDEX_PATH, opendata.dump(opendata.index_document(site, public)))]
    for notice, view in public:
        assets.append(GeneratedAsset(opendata.json_path(notice),
                                     opendata.dump(opendata.notice_document(notice, view, site))))
        assets.append(GeneratedAsset(opendata.yaml_path(notice), (root / notice.source).read_bytes()))
    return assets
