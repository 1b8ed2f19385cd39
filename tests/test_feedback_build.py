"""The feedback page, the contact block of each notice and the footer, on whole built sites."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
import yaml
from conftest import REAL_ID, ROOT, Build, build_with
from helpers import combine_data, normalise

from disclosures.core.urls import JSON_FEED_PATH as JSON_PATH
from disclosures.core.urls import RSS_PATH

pytestmark = pytest.mark.build

FICTIONAL_ID = "lakeside-bureau-2025-03-10"
REAL_TITLE = "中共中山市人民检察院党组关于巡察整改进展情况的通报"


def feedback_doc(build: Build) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(build.page("feedback"))


def channel(block: lxml.html.HtmlElement, key: str) -> tuple[str, str, str]:
    """(shown value, href or '', value the copy button copies)."""
    value = block.cssselect(f".dsc-channel--{key} .dsc-channel__value")[0]
    copy = block.cssselect(f".dsc-channel--{key} button.dsc-copy")[0]
    return value.text_content(), value.get("href") or "", copy.get("data-copy")


def json_ld(doc: lxml.html.HtmlElement) -> dict:
    scripts = doc.cssselect('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def test_feedback_page_lists_every_channel_with_its_one_step_link(real_site: Build) -> None:
    doc = feedback_doc(real_site)
    block = doc.get_element_by_id(REAL_ID)
    assert normalise(block.cssselect("h2")[0].text_content()) == REAL_TITLE
    assert channel(block, "phone") == ("0760-88883686", "tel:0760-88883686", "0760-88883686")
    assert "(工作时间08:30—17:30)" in normalise(block.cssselect(".dsc-channel--phone")[0].text_content())
    assert channel(block, "address") == ("中山市兴中道12号中山市人民检察院办公室", "",
                                         "中山市兴中道12号中山市人民检察院办公室")
    assert channel(block, "postcode") == ("528400", "", "528400")
    email, href, copied = channel(block, "email")
    assert email == copied == "gdszssjcy@sina.com"
    mail = urlsplit(href)
    assert mail.scheme == "mailto" and mail.path == "gdszssjcy@sina.com"
    assert href.isascii() and "subject=%E5%AF%B9%E3%80%8A" in href  # 对《 as UTF-8 bytes
    query = parse_qs(mail.query)
    assert query["subject"] == [f"对《{REAL_TITLE}》的意见建议"]
    assert f"https://disclosures.example.org/disclosures/{REAL_ID}/" in query["body"][0]
    envelope = normalise(block.cssselect(".dsc-envelope__card")[0].text_content())
    assert "528400" in envelope and "中山市兴中道12号中山市人民检察院办公室" in envelope
    assert "对中共中山市人民检察院党组关于巡察整改落实情况的意见建议" in envelope
    # What comments are for, and until when (built on 2025-04-28: the window is open).
    text = normalise(block.text_content())
    assert "欢迎广大干部群众对巡察整改落实情况进行监督" in text
    shown = [p.get("data-window-when") for p in block.cssselect("[data-window-when]") if p.get("hidden") is None]
    assert shown == ["open"]
    assert "请于2025年5月11日(含当日)前" in normalise(block.cssselect('[data-window-when="open"]')[0].text_content())
    assert block.cssselect('[data-window-status="open"][data-window-end="2025-05-12T00:00:00+08:00"]')


def test_feedback_page_json_ld_parses_with_the_contact(real_site: Build) -> None:
    data = json_ld(feedback_doc(real_site))
    assert data["@type"] == "GovernmentOrganization" and data["name"] == "中山市人民检察院"
    point = next(p for p in data["contactPoint"] if p["@type"] == "ContactPoint")
    assert (point["telephone"], point["email"]) == ("0760-88883686", "gdszssjcy@sina.com")
    assert (point["hoursAvailable"]["opens"], point["hoursAvailable"]["closes"]) == ("08:30", "17:30")
    postal = next(p for p in data["contactPoint"] if p["@type"] == "PostalAddress")
    assert (postal["postalCode"], postal["streetAddress"]) == ("528400", "中山市兴中道12号中山市人民检察院办公室")


def test_notice_ends_with_its_contact_and_a_link_to_its_feedback_block(real_site: Build) -> None:
    doc = lxml.html.fromstring(real_site.page(f"disclosures/{REAL_ID}"))
    contact = doc.cssselect("section.dsc-contact")[0]
    link = contact.cssselect(".dsc-contact__more a")[0]
    assert link.get("href") == f"../../feedback/#{REAL_ID}"
    target = (real_site.site / "disclosures" / REAL_ID / link.get("href").split("#")[0] / "index.html").resolve()
    assert target == (real_site.site / "feedback" / "index.html").resolve()
    nav = [normalise(a.text_content()) for a in doc.cssselect("nav.md-nav--primary a.md-nav__link")]
    assert "意见反馈" in nav


def test_footer_on_every_page_names_the_publisher_and_no_unset_registration(real_site: Build) -> None:
    pages = sorted(real_site.site.rglob("index.html")) + [real_site.site / "404.html"]
    assert len(pages) >= 3
    for page in pages:
        footer = normalise(lxml.html.fromstring(page.read_text(encoding="utf-8"))
                           .cssselect("footer .md-copyright")[0].text_content())
        assert footer == "主办单位:中山市人民检察院", page  # data/site.yml sets no registration


@pytest.fixture(scope="module")
def two_notices(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real notice and the fictional one (its own phone and e-mail, no postal address, no window),
    with registrations set and a hostile title on the fictional notice."""
    tmp = tmp_path_factory.mktemp("two")
    data = combine_data(tmp / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(ROOT / "tests" / "data" / "fictional" / "disclosures").glob("*.yml"))
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    site["registrations"] = {"site_code": "4420000001", "icp": "粤ICP备<b>00000000</b>号",
                             "public_security": "粤公网安备44200002000001号"}
    (data / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    path = data / "disclosures" / f"{FICTIONAL_ID}.yml"
    notice = yaml.safe_load(path.read_text(encoding="utf-8"))
    notice["title"] += "</script><script>alert(1)</script>&"
    notice["parts"][1]["themes"][0]["heading"] += "<script>alert(2)</script>"  # reaches the TOC
    path.write_text(yaml.safe_dump(notice, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build = build_with(tmp / "site", data)
    assert build.ok, build.result.stderr
    return build


def test_two_notices_each_show_their_own_contact_on_their_own_page(two_notices: Build) -> None:
    own = {REAL_ID: ("0760-88883686", "gdszssjcy@sina.com"), FICTIONAL_ID: ("010-87654321", "lakeside@example.org")}
    for notice_id, (phone, email) in own.items():
        doc = lxml.html.fromstring(two_notices.page(f"disclosures/{notice_id}"))
        contact = doc.cssselect("section.dsc-contact")[0]
        hrefs = [a.get("href") for a in contact.cssselect("a")]
        assert f"tel:{phone}" in hrefs and f"mailto:{email}" in hrefs
        assert f"../../feedback/#{notice_id}" in hrefs
        others = [v for other, values in own.items() if other != notice_id for v in values]
        assert not any(v in contact.text_content() for v in others)


def test_feedback_page_has_a_block_per_notice_with_its_own_channels(two_notices: Build) -> None:
    doc = feedback_doc(two_notices)
    blocks = doc.cssselect("section.dsc-feedback-block")
    assert [b.get("id") for b in blocks] == [REAL_ID, FICTIONAL_ID]  # open window first
    real, fictional = blocks
    assert channel(fictional, "phone") == ("010-87654321", "tel:010-87654321", "010-87654321")
    assert channel(fictional, "email")[0] == "lakeside@example.org"
    assert not fictional.cssselect(".dsc-envelope, [data-window-when]")  # no postal address, no window
    assert channel(real, "phone")[0] == "0760-88883686" and real.cssselect(".dsc-envelope")
    assert fictional.cssselect("h2 a")[0].text_content().endswith("</script><script>alert(1)</script>&")
    data = json_ld(doc)
    phones = [p.get("telephone") for p in data["contactPoint"] if p["@type"] == "ContactPoint"]
    assert phones == ["0760-88883686", "010-87654321"]
    assert data["contactPoint"][-1]["name"].endswith("</script><script>alert(1)</script>&")
    assert len(doc.cssselect("script")) == len(lxml.html.fromstring(two_notices.page("")).cssselect("script")) + 1


def test_footer_shows_the_registrations_that_are_set(two_notices: Build) -> None:
    for url in ("", "feedback", f"disclosures/{FICTIONAL_ID}"):
        doc = lxml.html.fromstring(two_notices.page(url))
        items = [normalise(li.text_content()) for li in doc.cssselect("footer li.dsc-footer-item")]
        assert items == ["主办单位:中山市人民检察院", "网站标识码:4420000001", "ICP备案号:粤ICP备<b>00000000</b>号",
                         "公安机关备案号:粤公网安备44200002000001号"]
        assert not doc.cssselect("footer b")  # the value was escaped, not markup
        assert doc.cssselect("footer li.dsc-footer-item a")[0].get("href") == "https://beian.miit.gov.cn/"


def test_a_hostile_notice_title_and_heading_are_text_on_every_page(two_notices: Build) -> None:
    for url in ("", "feedback", f"disclosures/{FICTIONAL_ID}", f"disclosures/{REAL_ID}"):
        page = two_notices.page(url)
        assert "<script>alert(" not in page, url
        doc = lxml.html.fromstring(page)
        assert all("alert" not in (s.text or "") or s.get("type") == "application/ld+json"
                   for s in doc.cssselect("script")), url
    notice = lxml.html.fromstring(two_notices.page(f"disclosures/{FICTIONAL_ID}"))
    assert notice.findtext(".//title").startswith("示例县虚构局党组关于巡察整改情况的通报（虚构）</script>")
    toc = [normalise(a.text_content()) for a in notice.cssselect("nav.md-nav--secondary a")]
    assert "1.湖边步道管理<script>alert(2)</script>" in toc


def test_feed_copies_of_a_notice_carry_no_relative_link_to_the_feedback_page(real_site: Build) -> None:
    for path in (RSS_PATH, JSON_PATH):
        feed = (real_site.site / path).read_text(encoding="utf-8")
        assert "0760-88883686" in feed, path  # the contact sentence is there
        assert "dsc-contact__more" not in feed and "feedback/#" not in feed, path
    assert "feedback/#" in real_site.page(f"disclosures/{REAL_ID}")
