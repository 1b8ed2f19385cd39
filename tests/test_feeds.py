"""Feeds (issue 5): feed.xml (RSS 2.0) and feed.json (JSON Feed 1.1), checked by a real feed client.

The build under test holds the real notice, a fictional notice whose text needs
escaping everywhere (with one past and one future revision), a draft and a
scheduled notice, built on 2025-04-28.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import shutil
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from conftest import REAL_ID, ROOT, TEST_DATA, Build, build_with, make_project
from fuzzing import fuzz_settings
from helpers import combine_data
from portal_data import BUILD_DAY, write_portal

from disclosures.build import prepare
from disclosures.core.cache import ContentCache
from disclosures.core.errors import DataInvalid
from disclosures.core.timewindow import BEIJING
from disclosures.core.typography import to_fullwidth
from disclosures.load.project import load_project
from disclosures.outputs import assets, feeds

FEED_DATA = TEST_DATA / "feeds"
SITE_URL = "https://fictional.example.org/"
ESCAPING_ID = "escaping-2025-04-27"
# Exactly as written in tests/data/feeds/disclosures/escaping-2025-04-27.yml.
TRICKY_TITLE = '虚构《示例条例》执行情况通报 & <b>不是标签</b> "双引号" \'单引号\' 🎉'
TRICKY_SUMMARY = '本通报为测试而虚构 & 所述 <script>alert("x")</script> 均不存在《示例》🎉'
TRICKY_ISSUER = "中共示例县虚构局 & <测试> 党组"
TRICKY_NOTE = '公开期限延长至5月18日 & <附件> "更正" 🎉《说明》'
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/"}


def feed_data(dest: Path) -> Path:
    return combine_data(dest, FEED_DATA, *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(FEED_DATA / "disclosures").glob("*.yml"))


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp = tmp_path_factory.mktemp("feeds")
    build = build_with(tmp / "site", feed_data(tmp / "data"))
    assert build.ok, build.result.stderr
    return build


def rss_items(build: Build) -> list[lxml.etree._Element]:
    return lxml.etree.parse(str(build.site / "feed.xml")).findall("channel/item")


def built_file(build: Build, url: str) -> Path:
    """The file a feed URL is served from, for a site published at SITE_URL."""
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path[len(urlsplit(SITE_URL).path):]
    return build.site / (path + "index.html" if path == "" or path.endswith("/") else path)


# --- pure core -------------------------------------------------------------------


@pytest.mark.parametrize("url, base", [("https://a.example.org", "https://a.example.org/"),
                                       ("https://a.example.org/sub/", "https://a.example.org/sub/"),
                                       ("http://a.example.org/sub", "http://a.example.org/sub/")])
def test_base_url_ends_with_one_slash(url: str, base: str) -> None:
    assert feeds.base_url(url) == base


@pytest.mark.parametrize("url", ["", "/", "disclosures.example.org", "ftp://a.example.org/", "https://a.org/?x=1"])
def test_base_url_refuses_what_cannot_make_absolute_links(url: str) -> None:
    with pytest.raises(feeds.FeedUrlError, match="url"):
        feeds.base_url(url)


def test_absolute_links_resolve_fragments_and_paths_but_keep_mailto_and_tel() -> None:
    body = ('<a href="#problem-3">a</a><a href="../../feedback/?a=1&amp;b=2">b</a>'
            '<a href="mailto:x@example.org">c</a><a href="tel:010-12345678">d</a><img src="p.png">')
    doc = lxml.html.fromstring(feeds.absolute_links(body, "https://s.example.org/disclosures/n/"))
    assert [a.get("href") for a in doc.iter("a")] == [
        "https://s.example.org/disclosures/n/#problem-3", "https://s.example.org/feedback/?a=1&b=2",
        "mailto:x@example.org", "tel:010-12345678"]
    assert next(doc.iter("img")).get("src") == "https://s.example.org/disclosures/n/p.png"


def _absolute_links_by_name(body: str, base: str) -> str:
    """The oracle: the links found by searching for the attribute's name, as absolute_links once did."""
    def resolve(match: re.Match[str]) -> str:
        target = urljoin(base, html.unescape(match.group(2)))
        return f'{match.group(1)}="{html.escape(target, quote=True)}"'
    return re.sub(r'\b(href|src)="([^"]*)"', resolve, body)


# Bodies of the pieces that make a link or almost one: names glued to other words, quotes left open.
_LINK_PIECES = st.lists(st.sampled_from(['<a ', 'href="', 'src="', 'data-href="', 'xhref="', 'srcset="', '#p-1',
                                         '../x/', '"', '>', ' ', '\n', '=', 'href', 'src', '链接', '&amp;', 'a']),
                        max_size=24).map("".join)


@fuzz_settings()
@given(_LINK_PIECES)
def test_absolute_links_change_the_same_attributes_as_a_search_by_their_name(body: str) -> None:
    base = "https://s.example.org/disclosures/n/"
    assert feeds.absolute_links(body, base) == _absolute_links_by_name(body, base)


def _item(guid: str, day: dt.date, title: str = "标题") -> feeds.FeedItem:
    moment = dt.datetime.combine(day, dt.time(), BEIJING)
    return feeds.FeedItem(guid, guid, title, "摘要", "<p>正文</p>", moment, "发布单位")


def test_rss_last_build_date_is_the_newest_item_not_the_clock() -> None:
    chan = feeds.Channel("站点", "https://s.example.org/", "说明")
    items = [_item("https://s.example.org/b/", dt.date(2025, 5, 6)), _item("https://s.example.org/a/", dt.date(2025, 4, 27))]
    channel = lxml.etree.fromstring(feeds.rss(chan, items)).find("channel")
    assert channel.findtext("lastBuildDate") == "Tue, 06 May 2025 00:00:00 +0800"
    assert lxml.etree.fromstring(feeds.rss(chan, [])).find("channel/lastBuildDate") is None


def test_items_are_newest_first_with_a_stable_order_for_one_day() -> None:
    a, b, c = (_item(f"https://s.example.org/{x}/", d) for x, d in
               (("a", dt.date(2025, 4, 27)), ("b", dt.date(2025, 4, 27)), ("c", dt.date(2025, 5, 1))))
    assert feeds.newest_first([a, b, c]) == feeds.newest_first([b, c, a]) == [c, b, a]


def test_a_previews_rebuild_keeps_a_feed_for_the_very_same_items_and_an_equal_channel(tmp_path: Path) -> None:
    chan = feeds.Channel("站点", "https://s.example.org/", "说明")
    items = [_item("https://s.example.org/b/", dt.date(2025, 5, 6)), _item("https://s.example.org/a/", dt.date(2025, 4, 27))]
    records: dict = {}

    def rebuild(chan: feeds.Channel, items: list[feeds.FeedItem]) -> list[bytes]:
        store = ContentCache(tmp_path / "cache", records)  # a preview's next rebuild, in the same process
        made = [a.content for a in assets.feed_pair(chan, items, store=store)]
        store.keep_used_records()
        assert made == [a.content for a in assets.feed_pair(chan, items)]  # what a single build makes
        return made

    first = rebuild(chan, items)
    assert all(a is b for a, b in zip(rebuild(chan, list(items)), first))  # the same items: the same bytes, kept
    renamed = rebuild(dataclasses.replace(chan, title="新站名"), items)
    assert "新站名".encode() in renamed[0] and "新站名".encode() in renamed[1]
    equal = [dataclasses.replace(items[0]), items[1]]  # equal, but not the very same: made again
    assert all(a is not b and a == b for a, b in zip(rebuild(chan, equal), first))


def test_a_builds_feeds_come_from_the_store_by_what_they_are_made_of(tmp_path: Path, fictional_data: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    data = combine_data(tmp_path / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(fictional_data / "disclosures").glob("*.yml"))
    root = make_project(tmp_path / "project", data)
    made: list[str] = []
    serialised = assets._serialised
    monkeypatch.setattr(assets, "_serialised", lambda chan, items: made.append(chan.rss_path) or serialised(chan, items))

    def feeds_at(now: str, clean: bool = False) -> dict[str, bytes]:
        made.clear()
        build = prepare(root, {"DISCLOSURE_NOW": now, "DISCLOSURE_CLEAN_BUILD": "1" if clean else ""})
        return {a.path: a.content for a in build.assets if a.path.endswith(("feed.xml", "feed.json"))}

    first = feeds_at("2025-04-28T10:00:00+08:00")
    every = sorted(made)
    assert len(every) >= 3 and len(first) == 2 * len(every)  # the site's, its units' and rounds'
    assert feeds_at("2025-04-28T10:00:00+08:00") == first and made == []  # unchanged: from the store
    # A later moment: the items do not show it (the feed's render leaves the status out), so no feed is made
    # again, and each is as a clean build makes it.
    assert feeds_at("2025-04-28T10:07:00+08:00") == first and made == []
    assert first == feeds_at("2025-04-28T10:07:00+08:00", clean=True)
    # An edited notice: made again, as a clean build makes it.
    source = next((data / "disclosures").glob(f"{REAL_ID}.yml"))
    target = root / "data" / "disclosures" / source.name
    target.write_text(target.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 更正", 1), encoding="utf-8")
    edited = feeds_at("2025-04-28T10:07:00+08:00")
    assert "feed.xml" in made and sorted(made) != every and "更正".encode() in edited["feed.xml"]
    assert edited == feeds_at("2025-04-28T10:07:00+08:00", clean=True)



@pytest.fixture(scope="module")
def revised_view(tmp_path_factory: pytest.TempPathFactory):
    """The escaping notice's view (it has revisions), to vary dates and revisions of."""
    root = make_project(tmp_path_factory.mktemp("revised") / "p", feed_data(tmp_path_factory.mktemp("d") / "data"))
    return next(v for v in prepare(root, {"DISCLOSURE_NOW": "2025-04-28"}).notices if v.revisions)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.dates(dt.date(2024, 1, 1), dt.date(2024, 1, 20)),
                          st.lists(st.dates(dt.date(2024, 1, 1), dt.date(2024, 1, 20)), max_size=3)),
                max_size=14), st.integers(1, 8))
def test_a_feed_of_the_newest_notices_alone_is_the_same_feed(revised_view, notices: list, limit: int) -> None:
    """newest_notices picks what can be in a feed of `limit` items from dates and addresses alone: a notice
    published long ago with a new revision is in, and ties on a day are kept as the whole feed keeps them."""
    home = "https://s.example.org/"
    base = revised_view.revisions[0]
    views = [dataclasses.replace(revised_view, id=f"n{i}", url=f"disclosures/n{i % 5}-{i}/",
                                 published_iso=published.isoformat(),
                                 revisions=tuple(dataclasses.replace(base, date_iso=d.isoformat(),
                                                                     anchor=f"revision-{j}")
                                                 for j, d in enumerate(revised)))
             for i, (published, revised) in enumerate(notices)]

    def feed(chosen: list) -> list[feeds.FeedItem]:
        return feeds.newest_first([item for v in chosen for item in
                                   feeds.notice_items(v, "<p>正文</p>", ["<p>修订</p>"] * len(v.revisions), home)],
                                  limit)
    chosen = feeds.newest_notices(views, home, limit)
    assert feed(chosen) == feed(views)
    assert [v.id for v in chosen] == [v.id for v in views if v in chosen]  # in the order given
    assert len(chosen) <= limit  # each item is one guid: no two tie


def test_an_edit_to_a_notice_not_among_the_newest_leaves_the_site_feed_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's feed shows the newest 50 items of a portal of 100 notices: an edit to an older one makes
    its unit's and round's feeds again, not the site's, and every feed is as a clean build makes it."""
    data = tmp_path / "data"
    written = write_portal(data, 26)
    root = make_project(tmp_path / "project", data)
    made: list[str] = []
    serialised = assets._serialised
    monkeypatch.setattr(assets, "_serialised", lambda chan, items: made.append(chan.rss_path) or serialised(chan, items))

    def feeds_at(clean: bool = False) -> dict[str, bytes]:
        made.clear()
        build = prepare(root, {"DISCLOSURE_NOW": BUILD_DAY, "DISCLOSURE_CLEAN_BUILD": "1" if clean else ""})
        return {a.path: a.content for a in build.assets if a.path.endswith(("feed.xml", "feed.json"))}

    first = feeds_at()
    assert len(written) > feeds.MAX_ITEMS and "feed.xml" in made
    oldest = min(written, key=lambda n: (str(n["published"]), n["id"]))
    target = root / "data" / "disclosures" / f"{oldest['id']}.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 更正", 1), encoding="utf-8")
    edited = feeds_at()
    assert made and "feed.xml" not in made and edited["feed.xml"] == first["feed.xml"]
    assert any("更正".encode() in content for content in edited.values())
    assert edited == feeds_at(clean=True)


def test_a_feed_whose_items_show_the_moment_is_made_again_when_it_changes(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    rendered = assets.render_notice  # as if the feed's render showed the status with its moment
    monkeypatch.setattr(assets, "render_notice", lambda env, view, **options: rendered(env, view, **options) + (
        f"<p>{view.window.as_of}</p>" if options.get("feed") and view.window else ""))
    root = make_project(tmp_path / "project", ROOT / "data")

    def feed_at(now: str, clean: bool = False) -> bytes:
        build = prepare(root, {"DISCLOSURE_NOW": now, "DISCLOSURE_CLEAN_BUILD": "1" if clean else ""})
        return next(a.content for a in build.assets if a.path == "feed.xml")

    first = feed_at("2025-04-28T10:00:00+08:00")
    assert "10:00".encode() in first and feed_at("2025-04-28T10:00:00+08:00") == first
    later = feed_at("2025-04-28T10:07:00+08:00")
    assert "10:07".encode() in later and "10:00".encode() not in later
    assert later == feed_at("2025-04-28T10:07:00+08:00", clean=True)


def test_the_tricky_test_text_is_what_the_site_presents() -> None:
    # If presentation changed these, the round-trip tests below would compare the wrong thing.
    for text in (TRICKY_TITLE, TRICKY_SUMMARY, TRICKY_ISSUER, TRICKY_NOTE):
        assert to_fullwidth(text) == text


# --- validation of revisions and the site address ---------------------------------


def _notice_with(tmp_path: Path, revisions: str) -> Path:
    data = combine_data(tmp_path / "data", FEED_DATA, FEED_DATA / "disclosures" / f"{ESCAPING_ID}.yml")
    path = data / "disclosures" / f"{ESCAPING_ID}.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("revisions:")
    end = text.index("invitation:")
    path.write_text(text[:start] + revisions + text[end:], encoding="utf-8")
    return data


def test_revision_mistakes_are_all_reported_with_line_and_field(tmp_path: Path) -> None:
    data = _notice_with(tmp_path, (
        "revisions:\n"
        "  - date: 2025-04-20\n"       # before publication
        "    note: 太早\n"
        "  - date: 2025-04-28\n"
        "    note: 第一条\n"
        "  - date: 2025-04-28\n"       # a second one on the same day
        "    note: 第二条\n"
        "  - date: 2025-04-29\n"       # no note
        "  - {date: 2025-04-30, note: 好, notes: 多余}\n"
        "  - 2025-05-01\n"))
    with pytest.raises(DataInvalid) as caught:
        load_project(data)
    found = {(e.path, e.line) for e in caught.value.errors}
    assert found == {("revisions[0].date", 15), ("revisions[2].date", 19), ("revisions[3].note", 21),
                     ("revisions[4].notes", 22), ("revisions[5]", 23)}
    report = caught.value.report()
    assert "不早于发布日期 2025-04-27" in report and "同一天的几项更新请写在同一条 note 里" in report
    assert f"disclosures/{ESCAPING_ID}.yml:15:" in report


def test_revisions_are_sorted_and_future_ones_stay_off_the_page_and_feed(tmp_path: Path) -> None:
    data = _notice_with(tmp_path, "revisions:\n  - {date: 2025-05-06, note: 后}\n  - {date: 2025-04-28, note: 前}\n")
    notice = load_project(data).notices[0]
    assert [r.note for r in notice.revisions] == ["前", "后"]
    build = prepare(make_project(tmp_path / "p", data), {"DISCLOSURE_NOW": "2025-04-28"})
    assert [r.note for r in build.notices[0].revisions] == ["前"]
    later = prepare(tmp_path / "p", {"DISCLOSURE_NOW": "2025-05-06T08:00"})
    assert [r.anchor for r in later.notices[0].revisions] == ["revision-2025-04-28", "revision-2025-05-06"]


@pytest.mark.parametrize("line, says", [("", "缺少该字段"), ("url: ''\n", "空值"),
                                        ("url: /disclosures/\n", "“/disclosures/”"),
                                        ("url: https://a.example.org/#top\n", "不含 ? 或 # 的网址")])
def test_a_site_without_an_absolute_url_is_refused_with_a_clear_message(tmp_path: Path, line: str, says: str) -> None:
    data = combine_data(tmp_path / "data", FEED_DATA)
    site = data / "site.yml"
    kept = [x for x in site.read_text(encoding="utf-8").splitlines(keepends=True) if not x.startswith("url:")]
    site.write_text("".join(kept) + line, encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        load_project(data)
    assert [e.path for e in caught.value.errors] == ["url"]
    assert caught.value.errors[0].file == "data/site.yml"
    report = caught.value.report()
    assert says in report
    if "#" not in line:
        assert "以 http:// 或 https:// 开头" in report and "feed.xml" in report


def test_a_preview_shows_drafts_but_never_puts_them_in_a_feed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", feed_data(tmp_path / "data"))
    build = prepare(root, {"DISCLOSURE_NOW": "2025-04-28"}, preview=True)
    assert {"draft-2025-04-20", "scheduled-2025-05-01"} <= {n.id for n in build.notices}
    feed_files = [a for a in build.assets if a.path in ("feed.xml", "feed.json")]  # other assets: open data
    assert len(feed_files) == 2
    for asset in feed_files:
        text = asset.content.decode("utf-8")
        assert ESCAPING_ID in text and REAL_ID in text
        assert "draft-2025-04-20" not in text and "scheduled-2025-05-01" not in text


# --- whole-site build ---------------------------------------------------------------

@pytest.mark.build
def test_feedparser_accepts_the_rss_feed(feed_site: Build) -> None:
    parsed = feedparser.parse(str(feed_site.site / "feed.xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "zh-CN"
    # Newest first; two notices of one day in a fixed order (by guid, descending).
    assert [e.id for e in parsed.entries] == [
        f"{SITE_URL}disclosures/{ESCAPING_ID}/#revision-2025-04-28",
        f"{SITE_URL}disclosures/{REAL_ID}/",
        f"{SITE_URL}disclosures/{ESCAPING_ID}/",
    ]
    assert all(e.id == e.link for e in parsed.entries)  # permalink guids


@pytest.mark.build
def test_rss_channel_has_every_required_element(feed_site: Build) -> None:
    channel = lxml.etree.parse(str(feed_site.site / "feed.xml")).find("channel")
    assert channel.findtext("title") == "示例县虚构局信息公开（测试用）"
    assert channel.findtext("link") == SITE_URL
    assert channel.findtext("description")
    assert channel.findtext("language") == "zh-CN"
    self_link = channel.find("atom:link", NS)
    assert (self_link.get("rel"), self_link.get("href")) == ("self", SITE_URL + "feed.xml")
    newest = max(parsedate_to_datetime(i.findtext("pubDate")) for i in channel.findall("item"))
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest
    for item in channel.findall("item"):
        assert item.find("guid").get("isPermaLink") == "true"
        for tag in ("title", "link", "guid", "pubDate", "description", "category", "content:encoded"):
            assert (item.findtext(tag, namespaces=NS) or "").strip(), tag


@pytest.mark.build
def test_every_item_link_resolves_to_a_built_page_and_anchor(feed_site: Build) -> None:
    items = rss_items(feed_site)
    assert len(items) == 3
    for item in items:
        link = item.findtext("link")
        page = built_file(feed_site, link)
        assert page.is_file(), link
        fragment = urlsplit(link).fragment
        if fragment:
            assert lxml.html.fromstring(page.read_text(encoding="utf-8")).get_element_by_id(fragment) is not None
        content = lxml.html.fromstring(item.findtext("content:encoded", namespaces=NS))
        for href in (a.get("href") for a in content.iter("a")):
            assert href.startswith((SITE_URL, "mailto:", "tel:")), href


@pytest.mark.build
def test_dates_are_the_beijing_day_in_rfc_822(feed_site: Build) -> None:
    dates = {item.findtext("guid"): item.findtext("pubDate") for item in rss_items(feed_site)}
    assert dates[f"{SITE_URL}disclosures/{REAL_ID}/"] == "Sun, 27 Apr 2025 00:00:00 +0800"
    for text in dates.values():
        moment = parsedate_to_datetime(text)
        assert moment.utcoffset() == dt.timedelta(hours=8)
    parsed = feedparser.parse(str(feed_site.site / "feed.xml"))
    real = next(e for e in parsed.entries if REAL_ID in e.id)
    assert real.published_parsed[:6] == (2025, 4, 26, 16, 0, 0)  # feedparser gives UTC


@pytest.mark.build
def test_escaping_text_survives_the_round_trip_unchanged(feed_site: Build) -> None:
    parsed = feedparser.parse(str(feed_site.site / "feed.xml"))
    assert parsed.bozo == 0
    entries = {e.id: e for e in parsed.entries}
    notice = entries[f"{SITE_URL}disclosures/{ESCAPING_ID}/"]
    revision = entries[f"{SITE_URL}disclosures/{ESCAPING_ID}/#revision-2025-04-28"]
    assert notice.title == TRICKY_TITLE
    assert revision.title == TRICKY_TITLE + "（2025年4月28日更新）"
    assert html.unescape(notice.summary) == TRICKY_SUMMARY  # description is HTML to readers
    assert html.unescape(revision.summary) == TRICKY_NOTE
    assert [t.term for t in notice.tags] == [TRICKY_ISSUER]
    # The XML parser sees the exact text too, and the full HTML keeps it as text, not markup.
    item = next(i for i in rss_items(feed_site) if i.findtext("guid") == notice.id)
    assert item.findtext("title") == TRICKY_TITLE and item.findtext("category") == TRICKY_ISSUER
    body = lxml.html.fromstring(item.findtext("content:encoded", namespaces=NS))
    assert TRICKY_SUMMARY in body.text_content()
    assert not body.cssselect("script") and not body.cssselect("b")
    items = json.loads((feed_site.site / "feed.json").read_text(encoding="utf-8"))["items"]
    by_id = {i["id"]: i for i in items}
    assert by_id[notice.id]["title"] == TRICKY_TITLE and by_id[notice.id]["summary"] == TRICKY_SUMMARY
    assert by_id[revision.id]["summary"] == TRICKY_NOTE


@pytest.mark.build
def test_drafts_scheduled_notices_and_future_revisions_are_never_announced(feed_site: Build) -> None:
    for name in ("feed.xml", "feed.json"):
        text = (feed_site.site / name).read_text(encoding="utf-8")
        for absent in ("draft-2025-04-20", "草稿通报", "scheduled-2025-05-01", "定时发布", "revision-2025-05-06",
                       "这条更新晚于构建日期"):
            assert absent not in text, (name, absent)


@pytest.mark.build
def test_json_feed_has_the_required_fields_and_the_same_items(feed_site: Build) -> None:
    feed = json.loads((feed_site.site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == SITE_URL and feed["feed_url"] == SITE_URL + "feed.json"
    assert built_file(feed_site, feed["feed_url"]).is_file()
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_html") or item.get("content_text")
        assert dt.datetime.fromisoformat(item["date_published"]).utcoffset() == dt.timedelta(hours=8)
    rss = [(i.findtext("guid"), i.findtext("link"), i.findtext("title"), html.unescape(i.findtext("description")),
            parsedate_to_datetime(i.findtext("pubDate")), i.findtext("content:encoded", namespaces=NS),
            i.findtext("category")) for i in rss_items(feed_site)]
    as_json = [(i["id"], i["url"], i["title"], i["summary"], dt.datetime.fromisoformat(i["date_published"]),
                i["content_html"], i["tags"][0]) for i in feed["items"]]
    assert as_json == rss


@pytest.mark.build
def test_two_builds_of_the_same_data_give_identical_feeds(feed_site: Build, tmp_path: Path) -> None:
    # Another folder, a later hour of the next day, and no git on PATH (a plain copy of the files must
    # build): nothing of these may leak into the feeds.
    bare_path = str(Path(sys.executable).parent)
    assert shutil.which("git", path=bare_path) is None
    again = build_with(tmp_path / "site", feed_data(tmp_path / "data"), now="2025-04-29T15:30:00+08:00",
                       extra_env={"PATH": bare_path})
    assert again.ok, again.result.stderr
    for name in ("feed.xml", "feed.json"):
        assert (again.site / name).read_bytes() == (feed_site.site / name).read_bytes(), name


@pytest.mark.build
def test_every_page_advertises_both_feeds(feed_site: Build) -> None:
    pages = sorted(feed_site.site.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        head = lxml.html.fromstring(path.read_text(encoding="utf-8")).head
        links = {a.get("type"): a.get("href") for a in head.cssselect('link[rel="alternate"]')}
        assert set(links) == {"application/rss+xml", "application/feed+json"}, path
        if path.name == "404.html":
            continue  # served at any depth; its links are root-relative by MkDocs' design
        for href in links.values():
            assert (path.parent / href).resolve().is_file(), (path, href)


@pytest.mark.build
def test_a_visible_subscribe_link_leads_to_how_to_subscribe(feed_site: Build) -> None:
    for url in ("", f"disclosures/{REAL_ID}", f"disclosures/{ESCAPING_ID}"):
        doc = lxml.html.fromstring(feed_site.page(url))
        link = doc.cssselect("p.dsc-subscribe a")[0]
        assert link.text_content() == "订阅"
        target = (feed_site.site / url / link.get("href") / "index.html").resolve()
        assert target == (feed_site.site / "subscribe" / "index.html").resolve()
    nav = [a.text_content().strip() for a in lxml.html.fromstring(feed_site.page("")).cssselect("nav.md-nav--primary a")]
    assert "订阅" in nav
    page = lxml.html.fromstring(feed_site.page("subscribe"))
    text = page.cssselect("article")[0].text_content()
    assert "RSS 阅读器" in text and SITE_URL + "feed.xml" in text
    hrefs = [a.get("href") for a in page.cssselect("article a")]
    assert all((feed_site.site / "subscribe" / h).resolve().is_file() for h in hrefs) and len(hrefs) == 2


@pytest.mark.build
def test_the_notice_page_lists_its_revisions(feed_site: Build) -> None:
    doc = lxml.html.fromstring(feed_site.page(f"disclosures/{ESCAPING_ID}"))
    entries = doc.cssselect("section.dsc-revisions li")
    assert [li.get("id") for li in entries] == ["revision-2025-04-28"]
    assert entries[0].text_content() == "2025年4月28日：" + TRICKY_NOTE
    assert not lxml.html.fromstring(feed_site.page(f"disclosures/{REAL_ID}")).cssselect("section.dsc-revisions")


@pytest.mark.build
def test_a_site_without_url_does_not_build(tmp_path: Path) -> None:
    data = combine_data(tmp_path / "data", FEED_DATA, *(FEED_DATA / "disclosures").glob("*.yml"))
    site = data / "site.yml"
    site.write_text("".join(x for x in site.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not x.startswith("url:")), encoding="utf-8")
    build = build_with(tmp_path / "site", data)
    assert not build.ok
    assert "data/site.yml" in build.result.stderr and "字段 url" in build.result.stderr
    assert "feed.xml" in build.result.stderr and "Traceback" not in build.result.stderr
    assert not (build.site / "feed.xml").exists()

