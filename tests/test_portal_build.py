"""A portal (several units over several rounds) built whole: lists, pagination, feeds, metadata, sizes.

The site is fictional (tests/portal_data.py): 18 units over 4 rounds, some units skipping a
round, one renamed unit, one round that declares its units, some notices with 政务公开 metadata.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import deque
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.html
import pytest
from conftest import Build, build_with
from helpers import built_pages
from portal_data import BUILD_DAY, ROUNDS, unit_id, unit_name, write_portal

from disclosures.outputs.search import indexed_part
from disclosures.pages import lists

pytestmark = pytest.mark.build

UNITS = 18


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, list[dict]]:
    data = tmp_path_factory.mktemp("portal-data") / "data"
    written = write_portal(data, UNITS)
    build = build_with(tmp_path_factory.mktemp("portal"), data, now=BUILD_DAY)
    assert build.ok, build.result.stderr
    # Notices dated after the build day are scheduled: in no list, feed or open data.
    notices = [n for n in written if n["published"].isoformat() <= BUILD_DAY]
    scheduled = [n for n in written if n not in notices]
    assert scheduled and not any((build.site / "disclosures" / n["id"]).exists() for n in scheduled)
    return build, notices


def _doc(build: Build, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(build.page(url))


def _content(build: Build, url: str) -> lxml.html.HtmlElement:
    return _doc(build, url).cssselect("article.md-content__inner")[0]


def _notice_links(build: Build, url: str) -> list[str]:
    """Notice ids linked from a page's content (not the banner or the navigation)."""
    found = []
    for a in _content(build, url).cssselect("a[href]"):
        target = urljoin("/" + url, a.get("href"))
        match = re.fullmatch(r"/disclosures/([a-z0-9-]+)/", target)
        if match:
            found.append(match.group(1))
    return found


def _card_id(url: str, card: lxml.html.HtmlElement) -> str:
    """The id of the notice a card on the page at url links to."""
    link = card.cssselect(".dsc-notice-card__title a")[0]
    return re.search(r"disclosures/([a-z0-9-]+)/", urljoin("/" + url, link.get("href"))).group(1)


def _list_ids(build: Build, first_url: str) -> list[str]:
    """Every notice listed on a paginated list, following its pages in order."""
    ids = []
    page, url = 1, first_url
    while (build.site / url / "index.html").is_file():
        ids += [_card_id(url, card) for card in _content(build, url).cssselect("li.dsc-notice-card")]
        page += 1
        url = f"{first_url}page/{page}/"
    return ids


def _newest_first(notices: list[dict]) -> list[str]:
    return [n["id"] for n in sorted(notices, key=lambda n: (n["published"], n["id"]), reverse=True)]


def test_all_notices_list_is_paginated_twenty_a_page_newest_first(portal) -> None:
    build, notices = portal
    assert len(notices) > 40  # three pages at least
    ids = _list_ids(build, "notices/")
    assert ids == _newest_first(notices)
    first = _content(build, "notices/")
    assert len(first.cssselect(".dsc-notice-card")) == 20
    pager = first.cssselect("nav.dsc-pager")[0]
    pages = -(-len(notices) // 20)
    assert [a.text_content() for a in pager.cssselect(".dsc-pager__pages a[aria-label]")] == \
        [str(n) for n in lists.shown_pages(1, pages) if n]
    assert pager.cssselect("a[aria-current=page]")[0].text_content() == "1"
    second = _content(build, "notices/page/2/")
    assert second.cssselect("a[rel=prev]")[0].get("href") == "../../"
    assert "第2页" in _doc(build, "notices/page/2/").findtext(".//title")


def _cards(build: Build, url: str) -> dict[str, lxml.html.HtmlElement]:
    """The notice cards of a page by the id of the notice each links to."""
    return {_card_id(url, card): card for card in _content(build, url).cssselect("li.dsc-notice-card")}


def test_a_notice_has_one_card_on_the_home_page_and_in_every_list(portal) -> None:
    """One partial (card.html) for every list: the same facts, in the same order, wherever a notice is listed."""
    build, notices = portal
    home = _cards(build, "")
    windowed = next(n for n in notices if n["id"] in home and "window" in n)
    lists_ = [f"{p.parent.relative_to(build.site).as_posix()}/" for kind in ("units", "rounds", "years")
              for p in sorted((build.site / kind).glob("*/index.html"))]
    cards = [home[windowed["id"]], _cards(build, "notices/")[windowed["id"]]]
    cards += [found[windowed["id"]] for url in lists_ if windowed["id"] in (found := _cards(build, url))]
    assert len(cards) == 5  # the home page, all notices, its unit, its round, its year
    labels = [[dt.text_content() for dt in card.cssselect("dt")] for card in cards]
    assert labels == [["发布单位", "轮次", "发布日期", "公开期限", "公示状态"]] * len(cards)
    texts = {" ".join(card.text_content().split()) for card in cards}
    assert len(texts) == 1 and windowed["title"] in texts.pop()
    # A portal's cards carry no anchor: the notice ids could meet the page's own (notices, browse).
    assert not any(card.cssselect("[id]") for card in cards)


def test_each_unit_has_its_own_list_of_exactly_its_notices(portal) -> None:
    build, notices = portal
    for u in range(UNITS):
        names = {unit_name(u)} | ({"中共示例县水利局党组"} if u == 1 else set())
        own = [n for n in notices if n["issuer"]["name"] in names]
        assert _list_ids(build, f"units/{unit_id(u)}/") == _newest_first(own), unit_id(u)
    # The renamed unit keeps its history under one id.
    assert any("水利局" in n["issuer"]["name"] for n in notices if n["id"] in _list_ids(build, "units/bureau-002/"))


def test_each_round_has_its_list_and_a_completeness_line_when_it_declares_units(portal) -> None:
    build, notices = portal
    rounds_index = _content(build, "rounds/")
    links = {a.text_content().split("（")[0]: urljoin("/rounds/", a.get("href")).strip("/") + "/"
             for a in rounds_index.cssselect(".dsc-group-list a")}
    assert set(links) == {name for name, _ in ROUNDS}
    for name, _ in ROUNDS:
        own = [n for n in notices if n["inspection"]["round"] == name]
        assert _list_ids(build, links[name]) == _newest_first(own), name
    declared = _content(build, "rounds/round-1/").text_content()
    published = len([n for n in notices if n["inspection"]["round"] == ROUNDS[0][0]])
    assert f"已公开 {published} / {UNITS} 个单位" in declared
    assert declared.count("尚未公开") == UNITS - published
    assert "已公开" not in _content(build, links[ROUNDS[1][0]]).text_content()  # no declared units


def test_each_year_has_its_list(portal) -> None:
    build, notices = portal
    for year in {n["published"].year for n in notices}:
        own = [n for n in notices if n["published"].year == year]
        assert _list_ids(build, f"years/{year}/") == _newest_first(own)


def test_home_shows_open_ones_first_then_twenty_newest_and_links_every_list(portal) -> None:
    build, notices = portal
    home = _content(build, "")
    sections = [h.get("id") for h in home.cssselect("h2")]
    assert sections[:2] == ["home-open", "notices"]
    open_now = sorted((n for n in notices if n["window"]["end"].isoformat() >= BUILD_DAY),
                      key=lambda n: (n["window"]["end"], n["id"]))
    listed_open = [re.search(r"disclosures/([a-z0-9-]+)/", a.get("href")).group(1)
                   for a in home.cssselect(".dsc-open-list a")]
    assert listed_open == [n["id"] for n in open_now][:10]  # soonest-closing first
    assert home.cssselect(".dsc-home-open")[0].get("data-window-banner") is not None
    assert len(home.cssselect(".dsc-notice-card")) == 20
    assert len(_notice_links(build, "")) <= 60
    hrefs = {a.get("href") for a in home.cssselect("a")}
    assert {"notices/", "units/", "rounds/", "years/"} <= hrefs


def test_navigation_lists_sections_never_notices(portal) -> None:
    build, _ = portal
    nav = _doc(build, "disclosures/r3-bureau-001/").cssselect("nav.md-nav--primary")[0]
    titles = [a.text_content().strip() for a in nav.cssselect("a.md-nav__link")]
    assert titles == ["首页", "公示公告", "按单位", "巡察专题", "按年度", "意见反馈", "订阅"]


def test_every_notice_is_within_four_clicks_of_home(portal) -> None:
    build, notices = portal
    depth = {"": 0}
    queue = deque([""])
    while queue:
        url = queue.popleft()
        if depth[url] == 4 or not (build.site / url / "index.html").is_file():
            continue
        for a in _doc(build, url).cssselect("a[href]"):
            target = urljoin("/" + url, a.get("href")).split("#")[0]
            if target.startswith("/") and target.endswith("/") and target[1:] not in depth:
                depth[target[1:]] = depth[url] + 1
                queue.append(target[1:])
    assert all(f"disclosures/{n['id']}/" in depth for n in notices)


def test_feedback_pages_list_open_notices_five_a_page_and_link_the_lists(portal) -> None:
    build, notices = portal
    blocks, url, number = [], "feedback/", 1
    while (build.site / url / "index.html").is_file():
        page = _content(build, url)
        found = [b.get("id") for b in page.cssselect("section.dsc-feedback-block")]
        assert 0 < len(found) <= 5
        blocks += [(b, url) for b in found]
        prefix = "../" * url.count("/")
        assert {a.get("href") for a in page.cssselect(".dsc-feedback-others a")} == \
            {f"{prefix}notices/", f"{prefix}units/", f"{prefix}rounds/", f"{prefix}years/"}
        number += 1
        url = f"feedback/page/{number}/"
    open_now = [n["id"] for n in notices if n["window"]["end"].isoformat() >= BUILD_DAY]
    assert len(open_now) > 5  # more than one page
    assert sorted(b for b, _ in blocks) == sorted(open_now)
    # A notice with a block links to it, on its page of the feedback list; one without links the first page.
    for block, url in blocks:
        assert _content(build, f"disclosures/{block}/").cssselect(".dsc-contact__more a")[0].get("href") == \
            f"../../{url}#{block}"
    closed = next(n["id"] for n in notices if n["id"] not in open_now)
    assert _content(build, f"disclosures/{closed}/").cssselect(".dsc-contact__more a")[0].get("href") == \
        "../../feedback/"


def test_banner_names_no_notice_when_many_are_open(portal) -> None:
    build, _ = portal
    banner = _doc(build, "units/").cssselect("[data-window-banner]")[0]
    assert [a.get("href") for a in banner.cssselect("a")] == ["../feedback/"]  # one stretch of open windows
    assert banner.cssselect("[data-window-start]")[0].get("data-window-status") == "open"


def _feed_pair(build: Build, folder: str):
    rss = feedparser.parse((build.site / folder / "feed.xml").read_bytes())
    jf = json.loads((build.site / folder / "feed.json").read_text(encoding="utf-8"))
    assert not rss.bozo, rss.bozo_exception
    return rss, jf


def test_unit_and_round_feeds_are_clean_and_hold_exactly_their_notices(portal) -> None:
    build, notices = portal
    site_url = "https://fictional.example.org/"
    for folder, own in [(f"units/{unit_id(3)}/", [n for n in notices if n["issuer"]["name"] == unit_name(3)]),
                        ("rounds/round-1/", [n for n in notices if n["inspection"]["round"] == ROUNDS[0][0]])]:
        rss, jf = _feed_pair(build, folder)
        links = [e.link for e in rss.entries]
        assert links == [site_url + f"disclosures/{i}/" for i in _newest_first(own)]
        assert [i["url"] for i in jf["items"]] == links
        assert rss.feed.link == site_url + folder
        assert jf["feed_url"] == site_url + folder + "feed.json"
        head = _doc(build, folder).cssselect("head link[rel=alternate]")
        assert {(x.get("type"), x.get("href")) for x in head} >= {("application/rss+xml", "feed.xml"),
                                                                 ("application/feed+json", "feed.json")}


def test_site_feed_carries_the_newest_fifty_items(portal) -> None:
    build, notices = portal
    rss, jf = _feed_pair(build, "")
    assert len(notices) > 50
    assert len(rss.entries) == len(jf["items"]) == 50
    assert [e.link.rsplit("/", 2)[-2] for e in rss.entries] == _newest_first(notices)[:50]


def test_metadata_block_in_key_facts_open_data_and_feeds(portal) -> None:
    build, notices = portal
    with_meta = next(n for n in notices if "metadata" in n and "document_number" in n["metadata"]
                     and n["issuer"]["name"] == unit_name(int(n["id"][-3:]) - 1))
    without = next(n for n in notices if "metadata" not in n)
    facts = {dt.text_content(): dd.text_content() for dt, dd in zip(
        _content(build, f"disclosures/{with_meta['id']}/").cssselect(".dsc-facts dt"),
        _content(build, f"disclosures/{with_meta['id']}/").cssselect(".dsc-facts dd"))}
    meta = with_meta["metadata"]
    signed = with_meta["signature"]["date"]
    assert facts["索引号"] == meta["index"]
    assert facts["发布机构"] == meta["publisher"]
    assert facts["主题分类"] == "巡察整改"
    assert facts["发文字号"] == meta["document_number"]
    assert facts["成文日期"] == f"{signed.year}年{signed.month}月{signed.day}日"
    plain = _content(build, f"disclosures/{without['id']}/").text_content()
    assert "索引号" not in plain and "成文日期" not in plain
    document = json.loads((build.site / "data" / "notices" / f"{with_meta['id']}.json").read_text(encoding="utf-8"))
    assert document["metadata"] == {"index": meta["index"], "publisher": meta["publisher"],
                                    "written": signed.isoformat(), "published": with_meta["published"].isoformat(),
                                    "document_number": meta["document_number"], "topic": "巡察整改"}
    other = json.loads((build.site / "data" / "notices" / f"{without['id']}.json").read_text(encoding="utf-8"))
    assert other["metadata"] is None
    index = json.loads((build.site / "data" / "notices.json").read_text(encoding="utf-8"))
    assert {n["id"]: n["index_number"] for n in index["notices"]}[with_meta["id"]] == meta["index"]
    entry = next(n for n in index["notices"] if n["id"] == with_meta["id"])
    assert entry["unit"] == unit_id(int(with_meta["id"][-3:]) - 1)
    assert entry["round"] == ("round-1" if with_meta["id"].startswith("r1-") else entry["round"])
    assert {n["round"] for n in index["notices"] if n["id"].startswith("r1-")} == {"round-1"}
    unit = next(u for u in range(UNITS) if unit_name(u) == with_meta["issuer"]["name"])
    rss, jf = _feed_pair(build, f"units/{unit_id(unit)}/")
    entry = next(e for e in rss.entries if e.link.endswith(f"/{with_meta['id']}/"))
    assert entry.get("dc_identifier") == meta["index"]
    item = next(i for i in jf["items"] if i["url"].endswith(f"/{with_meta['id']}/"))
    assert item["_disclosure"]["index"] == meta["index"]
    assert item["_disclosure"]["document_number"] == meta["document_number"]


def test_list_pages_and_posters_stay_out_of_the_search_index(portal) -> None:
    """Pagefind indexes only what a page marks data-pagefind-body (search.py): the notices, never their
    posters or the list pages; its entry file counts exactly those pages."""
    build, _ = portal
    indexed = {url for url in built_pages(build.site)
               if indexed_part((build.site / (url + "index.html" if url.endswith("/") or not url else url))
                               .read_text(encoding="utf-8")) is not None}
    assert not any(url.startswith(("notices/", "units/", "rounds/", "years/", "feedback/")) or "/poster/" in url
                   for url in indexed), sorted(indexed)[:5]
    notices = {f"disclosures/{p.name}/" for p in (build.site / "disclosures").iterdir()}
    assert notices <= indexed
    entry = json.loads((build.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(indexed)


def test_the_portal_rebuilds_byte_identically(portal, tmp_path: Path) -> None:
    build, _ = portal
    again = build_with(tmp_path / "again", build.root / "data", now=BUILD_DAY)
    assert again.ok, again.result.stderr
    for folder in ("units", "rounds", "years", "notices"):
        for path in sorted((build.site / folder).rglob("*")):
            if path.is_file():
                assert path.read_bytes() == (again.site / path.relative_to(build.site)).read_bytes(), path
    for name in ("feed.xml", "feed.json", "index.html", "feedback/index.html"):
        assert (build.site / name).read_bytes() == (again.site / name).read_bytes(), name


def _sizes(site: Path) -> tuple[int, int]:
    """(largest non-notice page, median notice page) in bytes."""
    notice, other = [], []
    for url in built_pages(site):
        size = (site / url / "index.html").stat().st_size if url.endswith("/") or url == "" else \
            (site / url).stat().st_size
        (notice if url.startswith("disclosures/") else other).append(size)
    return max(other), int(statistics.median(notice))


@pytest.fixture(scope="module")
def small_and_large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for units, rounds in ((6, 4), (60, 4)):  # about 20 and about 200 notices
        data = tmp_path_factory.mktemp(f"data-{units}") / "data"
        write_portal(data, units, rounds)
        build = build_with(tmp_path_factory.mktemp(f"site-{units}"), data, now=BUILD_DAY)
        assert build.ok, build.result.stderr
        sites.append(build.site)
    return sites[0], sites[1]


def test_pages_do_not_grow_with_the_number_of_notices(small_and_large) -> None:
    small, large = small_and_large
    assert len(list((small / "disclosures").iterdir())) < 25 < 180 < len(list((large / "disclosures").iterdir()))
    (small_other, small_notice), (large_other, large_notice) = _sizes(small), _sizes(large)
    assert abs(large_other - small_other) / small_other < 0.25, (small_other, large_other)
    assert abs(large_notice - small_notice) / small_notice < 0.25, (small_notice, large_notice)


def test_the_one_notice_site_looks_as_before(real_site: Build) -> None:
    """One body, one notice: no list pages, no extra feeds, the navigation and home page of a simple site."""
    from conftest import REAL_ID

    site = real_site.site
    assert not any((site / folder).exists() for folder in ("notices", "units", "rounds", "years"))
    assert not (site / "feedback" / "page").exists()
    assert sorted(p.name for p in site.glob("feed.*") if p.suffix != ".gz") == ["feed.json", "feed.xml"]
    assert not list(site.glob("*/*/feed.xml"))
    doc = _doc(real_site, f"disclosures/{REAL_ID}/")
    nav = doc.cssselect("nav.md-nav--primary")[0]
    titles = [a.text_content().strip() for a in nav.cssselect("a.md-nav__link, label.md-nav__link")]
    assert titles[:2] == ["首页", "公示公告"]
    assert "中共中山市人民检察院党组关于巡察整改进展情况的通报" in titles  # the notice itself, as before
    home = _content(real_site, "")
    assert [h.get("id") for h in home.cssselect("h2")] == ["notices"]
    assert home.cssselect("ol.dsc-notice-list h3.dsc-notice-card__title")[0].get("id") == REAL_ID
    facts = [dt.text_content() for dt in _content(real_site, f"disclosures/{REAL_ID}/").cssselect(".dsc-facts dt")]
    assert facts[:2] == ["发布单位", "巡察组"] and "索引号" not in facts
    feedback = _content(real_site, "feedback/")
    assert [b.get("id") for b in feedback.cssselect("section.dsc-feedback-block")] == [REAL_ID]
    assert not feedback.cssselect(".dsc-feedback-others, nav.dsc-pager")
    banner = doc.cssselect("[data-window-banner] a")
    assert [a.text_content() for a in banner] == ["中共中山市人民检察院党组关于巡察整改进展情况的通报"]
