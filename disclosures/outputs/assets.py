"""The files a build serves besides pages: the feeds and the open-data downloads, as bytes.

Callers pass only public notices: a draft or scheduled notice never reaches a
feed or the open data, not even in a preview.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from jinja2 import Environment
from markupsafe import escape

from disclosures.core import records as r
from disclosures.core.cache import ContentCache, digest_of, key_of
from disclosures.core.urls import OPEN_DATA_INDEX_PATH, list_feed_paths
from disclosures.model.viewmodels import AS_OF_MARK, NoticeView, with_as_of_mark
from disclosures.outputs import feeds, opendata
from disclosures.pages.render import render_notice, render_revision


@dataclass(frozen=True)
class GeneratedAsset:
    """A non-page file the site serves (feed, open-data download), copied verbatim into site/: its bytes in
    memory, or (an AssetSink that writes them out) the file that holds them."""

    path: str  # e.g. "feed.xml"
    content: bytes | None
    file: Path | None = None  # where the bytes wait, when not in memory
    digest: bytes | None = None  # their SHA-256, when the sink was asked for it


class AssetSink(Protocol):
    """Takes each asset as it is made. A build's assets (every feed holds full texts: 300 MB at 1,000
    notices) need not all be in memory at once."""

    def put(self, path: str, content: bytes) -> GeneratedAsset: ...


class InMemory:
    """The assets kept as bytes (tests, tools, a build whose caller keeps them)."""

    def put(self, path: str, content: bytes) -> GeneratedAsset:
        return GeneratedAsset(path, content)


def _itself(view: NoticeView) -> NoticeView:
    return view


class FeedItems:
    """The feed items of each public notice, rendered once and shared by the site's and the lists' feeds."""

    def __init__(self, env: Environment, site: r.Site, store: ContentCache | None = None, templates: bytes = b"",
                 as_of: str = "", view_key: Callable[[NoticeView], bytes] | None = None,
                 full: Callable[[NoticeView], NoticeView] | None = None):
        self.env = env
        self.full = full or _itself  # the full view a light one stands for (model/viewmodels.py light_view)
        self.as_of = as_of  # the build's moment (截至…（本页生成时）), also for views whose window holds the mark
        self.chan = feeds.channel(site)
        self._items: dict[str, list[feeds.FeedItem]] = {}
        self._moment_shown: set[str] = set()  # notices whose items hold the mark (the moment was put in)
        # Items are a pure function of the view, the channel and the templates (digest `templates`): a
        # notice whose view an earlier build rendered takes them from the store (core/cache.py).
        self.store = store or ContentCache(None)
        self.templates = templates
        self._chan_key = templates + key_of(self.chan)
        # A view's key, shared with its page's (a build's product keys): by default the digest of its pickle.
        self.view_key = view_key or digest_of

    def feed_key(self, chan: feeds.Channel, notices: list[NoticeView]) -> bytes:
        """What a feed of these notices' items is made of but for the moment: the feed's channel and each
        item's key (view, site channel, templates). Whether the items hold the moment is stored with the feed
        (channel_feeds)."""
        return key_of(chan) + self._chan_key + b"".join(self.view_key(v) for v in notices)

    def moment_in(self, notices: list[NoticeView]) -> str:
        """The moment these notices' items (made by of()) show: "" when none of them holds the mark for it."""
        return self.as_of if any(v.id in self._moment_shown for v in notices) else ""

    def keep(self, notices: list[NoticeView]) -> None:
        """A feed of these notices was taken whole from the store: their items, not read, stay stored (the next
        build that changes one of them makes the feed again from all of them)."""
        for v in notices:
            self.store.keep("feed-items", self._items_key(self.view_key(v)))

    def _items_key(self, view_key: bytes) -> bytes:
        """The key of a notice's items, by its view's key (view_key's): marked is made of the view; equal keys:
        equal values."""
        return self._chan_key + view_key

    def of(self, v: NoticeView) -> list[feeds.FeedItem]:
        """The notice's items. A build with its cache (no earlier build in this process) reads them from the
        store for each feed that has them rather than keeping them all until the last feed (a first build at
        10,000 notices held a gigabyte of them); a preview keeps them, and so does a build without a cache,
        which would render them again."""
        if v.id not in self._items:
            items = self._shown(v)
            if self.store.folder is not None and self.store.records is None:
                return items
            self._items[v.id] = items
        return self._items[v.id]

    def _shown(self, v: NoticeView) -> list[feeds.FeedItem]:
        as_of = self.as_of or with_as_of_mark(v)[0]  # the moment is put in after the cache (viewmodels.py)

        def made() -> list[feeds.FeedItem]:
            return self.store.get_or_make_record("feed-items", self._items_key(self.view_key(v)),
                                                  lambda: self._made(v))
        # A view a preview's last rebuild had (the very object) keeps its items without a key, and with the
        # same moment its items as shown (the very objects: a feed of them is kept too, feed_pair).
        items = self.store.same_record("feed items", (v,), made, also=self._chan_key)
        shown = self.store.same_record(
            "feed items shown", (v,), lambda: [_unmarked(item, as_of) for item in items],
            also=self._chan_key + as_of.encode("utf-8"))
        if any(item_shown is not item for item_shown, item in zip(shown, items)):
            self._moment_shown.add(v.id)
        return shown

    def store_ahead(self, view_key: bytes, full: Callable[[], NoticeView]) -> None:
        """Store the items of the notice whose view has this key (view_key's), made of its full view (full(),
        asked for only if they are not stored), for a build that reads them later (buildahead.py)."""
        key = self._items_key(view_key)
        if not self.store.has("feed-items", hashlib.sha256(key).hexdigest()):
            self.store.get_or_make_record("feed-items", key, lambda: self._made(full()), kept=False)

    def _made(self, v: NoticeView) -> list[feeds.FeedItem]:
        marked = with_as_of_mark(self.full(v))[1]
        return feeds.notice_items(marked, render_notice(self.env, marked, feed=True),
                                  [render_revision(self.env, marked, rev) for rev in marked.revisions], self.chan.home)


def _unmarked(item: feeds.FeedItem, as_of: str) -> feeds.FeedItem:
    """The item with the build's moment where its render has the mark (HTML escaped in content_html)."""
    changes = {name: value.replace(AS_OF_MARK, str(escape(as_of)) if name == "content_html" else as_of)
               for name, value in dataclasses.asdict(item).items() if isinstance(value, str) and AS_OF_MARK in value}
    return dataclasses.replace(item, **changes) if changes else item


def _serialised(chan: feeds.Channel, items: list[feeds.FeedItem]) -> tuple[bytes, bytes]:
    newest = feeds.newest_first(items)
    return feeds.rss(chan, newest), feeds.json_feed(chan, newest)


def feed_pair(chan: feeds.Channel, items: list[feeds.FeedItem], sink: AssetSink | None = None,
              store: ContentCache | None = None) -> list[GeneratedAsset]:
    """The RSS and the JSON feed of one channel, with the same (newest) items. A preview's rebuild keeps the
    last one's bytes when the items are the very same objects (store.same_record) and the channel is equal."""
    sink = sink or InMemory()
    made = functools.partial(_serialised, chan, items)
    rss, json_feed = store.same_record("feed", tuple(items), made, also=key_of(chan)) \
        if store is not None and items else made()
    return [sink.put(chan.rss_path, rss), sink.put(chan.json_path, json_feed)]


def channel_feeds(cache: FeedItems, chan: feeds.Channel, notices: list[NoticeView], sink: AssetSink
                  ) -> list[GeneratedAsset]:
    """A channel's feeds of these notices. Only the notices with an item among the newest (newest_notices)
    are rendered and keyed: an edit to an older one leaves the feed as it was. A build takes them from the
    store by what they are made of (FeedItems.feed_key), so an unchanged feed is neither serialised again
    nor are its items read; a preview keeps them by the very items (feed_pair), which it has without
    pickling a view for its key."""
    store = cache.store
    notices = feeds.newest_notices(notices, cache.chan.home)  # only these can have an item in the feed
    if store.folder is None or store.records is not None or not notices or not cache.as_of:
        return feed_pair(chan, [item for v in notices for item in cache.of(v)], sink, store)
    key = cache.feed_key(chan, notices)
    stored = store.get_record("feed", key)
    if stored is not None and stored[2] in ("", cache.as_of):  # items without the moment, or with this one
        rss, json_feed, _ = stored
        cache.keep(notices)
    else:
        rss, json_feed = _serialised(chan, [item for v in notices for item in cache.of(v)])
        store.put_record("feed", key, (rss, json_feed, cache.moment_in(notices)), kept=False)
    return [sink.put(chan.rss_path, rss), sink.put(chan.json_path, json_feed)]


def feed_assets(env: Environment, site: r.Site, public: list[NoticeView],
                lists: list[tuple[str, str, list[NoticeView]]] = (), cache: FeedItems | None = None,
                sink: AssetSink | None = None) -> list[GeneratedAsset]:
    """feed.xml and feed.json of the site, and of each list given as (title, list URL, its public notices)."""
    cache, sink = cache or FeedItems(env, site), sink or InMemory()
    assets = channel_feeds(cache, cache.chan, public, sink)
    for title, list_url, notices in lists:
        rss_path, json_path = list_feed_paths(list_url)
        chan = dataclasses.replace(cache.chan, title=title, page=list_url, rss_path=rss_path, json_path=json_path)
        assets += channel_feeds(cache, chan, notices, sink)
    return assets


def open_data_assets(root: Path, site: r.Site, public: list[tuple[r.Notice, NoticeView]],
                     groups: dict[str, tuple[str, str | None]] | None = None, store: ContentCache | None = None,
                     sink: AssetSink | None = None, keys: Mapping[str, bytes] | None = None,
                     full: Callable[[NoticeView], NoticeView] | None = None) -> list[GeneratedAsset]:
    """Each public notice as JSON and as its YAML source (the data file's bytes), and the index of them all
    (groups: each notice's unit and round ids). A notice's JSON is taken from the store by keys[its id] (what
    its view, record and site are made of: a build's product keys), or, in a preview's rebuild, for the very
    view and record the last one wrote. A light view's document is made of full(view), the view it stands for."""
    store, sink = store or ContentCache(None), sink or InMemory()
    full = full or _itself
    assets = [sink.put(OPEN_DATA_INDEX_PATH, opendata.dump(opendata.index_document(site, public, groups)))]
    for notice, view in public:
        def made(_: bytes = b"", n: r.Notice = notice, v: NoticeView = view) -> bytes:
            return _open_data(n, full(v), site)
        document = store.get_or_make("open data", keys[view.id], made) if keys is not None else \
            store.same_record("open data", (view, notice), made)  # the view was made with this site
        assets.append(sink.put(opendata.json_path(notice), document))
        assets.append(sink.put(opendata.yaml_path(notice), (root / notice.source).read_bytes()))
    return assets


def _open_data(notice: r.Notice, view: NoticeView, site: r.Site) -> bytes:
    return opendata.dump(opendata.notice_document(notice, view, site))


def open_data_ahead(store: ContentCache, key: bytes, opened: Callable[[], tuple[r.Notice, NoticeView]],
                    site: r.Site) -> None:
    """Store a notice's open-data document by its product key unless it is stored, for a build that takes it
    later (buildahead.py); opened(): the notice and its view as its open data has it (asked for only then)."""
    if not store.has("open data", hashlib.sha256(key).hexdigest()):
        store.get_or_make("open data", key, lambda _: _open_data(*opened(), site))
