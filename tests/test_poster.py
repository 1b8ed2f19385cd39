"""The pure core of the notice-board poster, the share tags and cards, the QR codes and the footer entries
(no MkDocs, no browser): what the poster holds, how much text fits, escaping, validation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import lxml.html
import pytest
import segno
from conftest import REAL_ID, ROOT, TEST_DATA
from helpers import combine_data, normalise

from disclosures.build import prepare
from disclosures.core.cache import CLEAN_ENV
from disclosures.core.errors import DataInvalid
from disclosures.load.project import load_project
from disclosures.outputs import poster, qr, share
from disclosures.pages.footer import footer_items

NOW = {"DISCLOSURE_NOW": "2025-04-28"}
FICTIONAL_ID = "lakeside-bureau-2025-03-10"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("poster")
    combine_data(tmp / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"),
                 TEST_DATA / "fictional" / "disclosures" / f"{FICTIONAL_ID}.yml")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    # Without the cache: the tests read the notices' text from build.notices, which a build with its cache
    # holds as light views (model/viewmodels.py light_view).
    return prepare(tmp, {**NOW, CLEAN_ENV: "1"})


def _poster(build, notice_id: str) -> lxml.html.HtmlElement:
    page = build.page(f"disclosures/{notice_id}/poster/index.md")
    assert page is not None
    return lxml.html.fromstring(page.shown)


def test_qr_codes_use_error_correction_m_or_better_and_name_their_address() -> None:
    address = "https://fictional.example.org/disclosures/lakeside-bureau-2025-03-10/"
    svg = qr.qr_svg(address, "二维码：<本页>")
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "二维码：<本页>"
    assert re.fullmatch(r"0 0 (\d+) \1", root.get("viewBox"))
    code = segno.make(address, error="m", micro=False, boost_error=True)
    assert code.error in ("M", "Q", "H")
    size = int(root.get("viewBox").split()[2])
    assert size == code.symbol_size(border=qr.QUIET_ZONE)[0]  # the quiet zone is inside the SVG


def test_the_feedback_code_follows_the_block_to_its_feedback_page(build) -> None:
    """A portal pages its feedback blocks; the code must lead to the page that has this notice's block."""
    notice = next(v for v in build.notices if v.id == REAL_ID)
    site = "https://fictional.example.org/sub/"
    assert poster.poster_view(notice, site).feedback_address == f"{site}feedback/#{REAL_ID}"
    assert (poster.poster_view(notice, site, feedback_page="feedback/page/3/").feedback_address
            == f"{site}feedback/page/3/#{REAL_ID}")
    assert poster.poster_view(notice, site, feedback_page=None).feedback_address == f"{site}feedback/"


def test_poster_holds_title_issuer_window_overview_channels_and_two_codes(build) -> None:
    doc = _poster(build, REAL_ID)
    notice = next(v for v in build.notices if v.id == REAL_ID)
    text = normalise(doc.text_content())
    assert normalise(notice.title) in normalise(doc.cssselect("h1")[0].text_content())
    assert normalise(notice.issuer) in text and normalise(notice.published) in text
    assert normalise(doc.cssselect(".dsc-poster__window-text")[0].text_content()) == normalise(notice.window.text)
    for part in notice.overview.parts:
        assert normalise(part.heading) in text and normalise(part.state_label) in text
        for c in part.categories:
            assert normalise(f"{c.label}{c.heading}：{c.problems}个问题") in text
    for channel in notice.contact.items:
        assert normalise(channel.value) in text, channel.label
    labels = [svg.get("aria-label") for svg in doc.cssselect("svg.dsc-qr")]
    assert labels == [f"二维码：本通报网页 https://disclosures.example.org/disclosures/{REAL_ID}/",
                      f"二维码：本通报的意见反馈方式 https://disclosures.example.org/feedback/#{REAL_ID}"]
    # The real notice is far longer than a sheet: its beginning, then 全文见网站.
    assert "全文见网站" in text
    assert normalise(notice.preamble[0].text)[:40] in text


def test_a_short_notice_is_on_the_poster_whole(build) -> None:
    doc = _poster(build, FICTIONAL_ID)
    text = normalise(doc.cssselect(".dsc-poster__text")[0].text_content())
    notice = next(v for v in build.notices if v.id == FICTIONAL_ID)
    assert "全文见网站" not in text
    for line in poster.text_lines(notice):
        assert normalise(line.label + line.lead + line.text) in text


def test_the_excerpt_stays_within_its_budget_and_never_ends_on_a_heading(build) -> None:
    notice = next(v for v in build.notices if v.id == REAL_ID)
    everything = poster.text_lines(notice)
    for budget in (3, 8, 15, 26):
        lines, complete = poster.excerpt(notice, budget)
        assert not complete and lines and lines[-1].kind == "para"
        assert sum(poster._cost(line) for line in lines) <= budget
        # Page order kept: every line but the last (which may be cut) is the whole line from the text.
        assert list(lines[:-1]) == everything[:len(lines) - 1]


def test_notice_page_has_a_phone_code_and_a_poster_link_but_the_feed_copy_does_not(build) -> None:
    page = lxml.html.fromstring(build.page(f"disclosures/{REAL_ID}/index.md").shown)
    aside = page.cssselect("aside.dsc-phone-qr")[0]
    assert aside.cssselect("svg.dsc-qr")[0].get("aria-label") == \
        f"二维码：本页网址 https://disclosures.example.org/disclosures/{REAL_ID}/"
    assert page.cssselect(".dsc-poster-link a")[0].get("href") == "poster/"
    feed = next(a for a in build.assets if a.path == "feed.xml").content.decode()
    assert "dsc-phone-qr" not in feed and "poster/" not in feed


def test_every_generated_page_has_a_description_and_share_tags(build) -> None:
    for page in build.pages:
        assert page.share is not None, page.src_uri
        head = lxml.html.fromstring(f"<html><head>{build.head_html(page.src_uri)}</head></html>")
        tags = {m.get("property") or m.get("name"): m.get("content") for m in head.iter("meta")}
        assert tags["og:title"] and tags["og:description"] and tags["twitter:card"] == "summary_large_image"
        assert tags["og:image"].startswith("https://disclosures.example.org/")
        assert tags["og:url"].startswith("https://disclosures.example.org/")
        assert page.front_matter()["description"]
    notice = next(v for v in build.notices if v.id == REAL_ID)
    description = share.notice_description(notice)
    assert description.startswith(f"{notice.issuer}发布。公开期限：{notice.window.text}。")
    assert description.endswith("。") or description.endswith("…")
    assert len(description) <= share.DESCRIPTION_LIMIT
    assert share.notice_share(notice, build.project.site).image == \
        f"https://disclosures.example.org/disclosures/{REAL_ID}/share.svg"


def test_posters_are_not_searched_and_hide_the_navigation(build) -> None:
    page = build.page(f"disclosures/{REAL_ID}/poster/index.md")
    assert "data-pagefind-body" not in page.shown and "data-pagefind-body" in build.page(f"disclosures/{REAL_ID}/index.md").shown
    assert page.front_matter()["hide"] == ["navigation", "toc"]


def test_hostile_titles_are_escaped_in_share_tags_and_cards(tmp_path: Path) -> None:
    combine_data(tmp_path / "data", TEST_DATA / "feeds", TEST_DATA / "feeds" / "disclosures" / "escaping-2025-04-27.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    build = prepare(tmp_path, NOW)
    uri = "disclosures/escaping-2025-04-27/index.md"
    head = build.head_html(uri)
    assert "<b>" not in head and "<script>" not in head
    doc = lxml.html.fromstring(f"<html><head>{head}</head></html>")
    tags = {m.get("property"): m.get("content") for m in doc.iter("meta")}
    title = build.notices[0].title
    assert tags["og:title"] == title and "<b>不是标签</b>" in title and '"双引号"' in title
    assert '<script>alert("x")</script>' in tags["og:description"]  # the text itself, shown as text
    # Material prints the description front matter unescaped: it arrives escaped.
    matter = build.page(uri).front_matter()["description"]
    assert "<script>" not in matter and "&lt;script&gt;" in matter and "&quot;" in matter
    card = next(a for a in build.assets if a.path == "disclosures/escaping-2025-04-27/share.svg").content
    svg = ElementTree.fromstring(card)  # well-formed XML whatever the title holds
    assert title[:18] in "".join(svg.itertext())


def _site_with(tmp_path: Path, registrations: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("registrations: {}", registrations), encoding="utf-8")
    return data


def test_footer_shows_the_inspection_entries_only_when_set(tmp_path: Path) -> None:
    plain = load_project(ROOT / "data").site
    assert [i.value for i in footer_items(plain) if not i.label] == []
    data = _site_with(tmp_path, "registrations:\n  site_code: '4420000001'\n"
                                "  find_error: https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfo/4420000001\n"
                                "  site_mark: https://bszs.conac.cn/sitename?method=show&id=0000\n"
                                "  site_mark_image: assets/images/site-mark.png\n")
    items = footer_items(load_project(data).site)
    entries = [(i.value, i.href, i.image) for i in items if not i.label]
    assert entries == [("党政机关网站标识", "https://bszs.conac.cn/sitename?method=show&id=0000",
                        "assets/images/site-mark.png"),
                       ("我为政府网站找错", "https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfo/4420000001", "")]


@pytest.mark.parametrize("registrations, field, expected", [
    ("registrations:\n  find_error: javascript:alert(1)\n", "registrations.find_error", "我为政府网站找错"),
    ("registrations:\n  site_mark: zfwzzc.www.gov.cn/x\n", "registrations.site_mark", "核验网址"),
    ("registrations:\n  site_mark: https://bszs.conac.cn/x\n  site_mark_image: ../secret.png\n",
     "registrations.site_mark_image", "docs/ 下图片文件的路径"),
    ("registrations:\n  site_mark_image: assets/mark.png\n", "registrations.site_mark_image", "同时填写 site_mark"),
])
def test_wrong_inspection_entries_are_refused_with_a_message(tmp_path: Path, registrations: str, field: str,
                                                             expected: str) -> None:
    with pytest.raises(DataInvalid) as caught:
        load_project(_site_with(tmp_path, registrations))
    (error,) = caught.value.errors
    assert error.file == "data/site.yml" and error.path == field and error.line > 0
    assert expected in str(error)
