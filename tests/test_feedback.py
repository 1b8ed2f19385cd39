"""The feedback page model, checked without building a site: links, window notes, order, JSON-LD, footer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import ROOT, TEST_DATA

from disclosures.core import records as r
from disclosures.core.safe import json_for_script as script_json
from disclosures.core.timewindow import BEIJING
from disclosures.load.project import load_project
from disclosures.model.view import notice_view
from disclosures.pages.feedback import feedback_page, mail_body, mail_subject, mailto_href
from disclosures.pages.footer import ICP_LOOKUP, footer_items

TITLE = "中共中山市人民检察院党组关于巡察整改进展情况的通报"
HOSTILE = '</script><script>alert("x")</script><!-- & \u2028 \'"'


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12), BEIJING)


def page_for(notices: list[r.Notice], site: r.Site, now: dt.datetime):
    return feedback_page(site, [(n, notice_view(n, site, now)) for n in notices])


def real_project() -> r.Project:
    return load_project(ROOT / "data")


def test_mailto_subject_and_body_are_percent_encoded_utf8() -> None:
    href = mailto_href("gdszssjcy@sina.com", mail_subject(TITLE), mail_body(TITLE, "https://x.example/d/"))
    assert href.isascii() and " " not in href and "+" not in href
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "gdszssjcy@sina.com"
    # The subject is the notice title in 《》, encoded byte by byte as UTF-8.
    assert "subject=%E5%AF%B9%E3%80%8A%E4%B8%AD%E5%85%B1" in href
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == [f"对《{TITLE}》的意见建议"]
    body = query["body"][0]
    assert body.startswith("您好：\r\n") and f"我对《{TITLE}》（https://x.example/d/）有以下意见建议：" in body
    assert "%0D%0A" in href and "%20" in href  # CRLF line breaks, spaces never as '+'


def test_mailto_keeps_characters_that_would_break_the_query_inside_their_field() -> None:
    title = "A&B=C?D#E%F+G 通报"
    href = mailto_href("a+b@example.org", mail_subject(title), mail_body(title, "https://x.example/"))
    parts = urlsplit(href)
    assert parts.fragment == "" and unquote(parts.path) == "a+b@example.org"
    assert parse_qs(parts.query)["subject"] == [f"对《{title}》的意见建议"]


@pytest.mark.parametrize("hostile", [HOSTILE, "<!--<script>", "a&amp;b", "]]>", "\u2028\u2029"])
def test_script_json_survives_hostile_strings(hostile: str) -> None:
    text = script_json({"name": hostile, "list": [hostile]})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": hostile, "list": [hostile]}


def notes_of(notice: r.Notice, site: r.Site, day: str) -> dict[str, str]:
    return {n.when: n.text for n in page_for([notice], site, at(day)).blocks[0].window_notes}


def test_window_notes_ask_by_the_end_date_and_say_when_it_closed() -> None:
    project = real_project()
    notes = notes_of(project.notices[0], project.site, "2025-04-28")
    assert list(notes) == ["upcoming", "open", "closed"]
    assert "请于2025年5月11日（含当日）前通过以下任一方式提出意见建议。" in notes["open"]
    assert notes["upcoming"].startswith("本通报公开期限为2025年4月27日至5月11日，")
    assert notes["closed"].startswith("本通报的公示期已于2025年5月11日结束") and "仍可通过以下方式" in notes["closed"]
    # A window that ends at a time of day asks for comments by that time.
    timed = dataclasses.replace(project.notices[0], window=r.Window(dt.date(2025, 4, 27), dt.date(2025, 5, 11),
                                                                    end_time=dt.time(17, 30)))
    notes = notes_of(timed, project.site, "2025-04-28")
    assert "请于2025年5月11日17:30前" in notes["open"] and "含当日" not in notes["open"]
    assert notes["closed"].startswith("本通报的公示期已于2025年5月11日17:30结束")
    without = dataclasses.replace(project.notices[0], window=None)
    assert notes_of(without, project.site, "2025-04-28") == {}


def test_every_channel_of_the_real_notice_with_one_step_links() -> None:
    project = real_project()
    block = page_for(list(project.notices), project.site, at("2025-04-28")).blocks[0]
    by_key = {c.key: c for c in block.channels}
    # The same channels, labels and order as the notice page's contact sentence (contacts.py).
    assert list(by_key) == ["phone", "address", "postcode", "email"]
    assert [c.label for c in block.channels] == [c.label for c in block.notice.contact.items]
    assert by_key["address"].label == "邮政信箱" and by_key["address"].note == ""
    assert (by_key["phone"].value, by_key["phone"].href) == ("0760-88883686", "tel:0760-88883686")
    assert by_key["phone"].note == "（工作时间08:30—17:30）"
    assert by_key["email"].value == "gdszssjcy@sina.com"
    assert by_key["email"].href.startswith("mailto:gdszssjcy@sina.com?subject=")
    assert by_key["address"].value == "中山市兴中道12号中山市人民检察院办公室" and by_key["postcode"].value == "528400"
    assert block.envelope == type(block.envelope)(
        "中山市兴中道12号中山市人民检察院办公室", "528400", "对中共中山市人民检察院党组关于巡察整改落实情况的意见建议")
    assert block.notice_link == "../disclosures/zhongshan-procuratorate-2025-04-27/"


def test_open_notices_come_first_and_each_keeps_its_own_contact() -> None:
    real = real_project()
    fictional = load_project(TEST_DATA / "fictional").notices[0]
    # A third notice, newer, whose window has already closed on the build day.
    closed = dataclasses.replace(real.notices[0], id="closed-2025-04-28", published=dt.date(2025, 4, 28),
                                 window=r.Window(dt.date(2025, 4, 28), dt.date(2025, 4, 30)))
    newest_first = [closed, real.notices[0], fictional]
    page = page_for(newest_first, real.site, at("2025-05-02"))
    assert [b.id for b in page.blocks] == [real.notices[0].id, fictional.id, "closed-2025-04-28"]
    phones = {b.id: next(c.value for c in b.channels if c.key == "phone") for b in page.blocks}
    assert phones[fictional.id] == "010-87654321" and phones[real.notices[0].id] == "0760-88883686"
    assert page.blocks[1].envelope is None  # the fictional contact has no postal address
    assert [t["id"] for t in page.toc] == [b.id for b in page.blocks]


def test_json_ld_names_the_publisher_with_a_contact_point_per_notice() -> None:
    project = real_project()
    data = json.loads(page_for(list(project.notices), project.site, at("2025-04-28")).json_ld)
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentOrganization"
    assert data["name"] == "中山市人民检察院" and data["url"] == "https://disclosures.example.org/"
    point, postal = data["contactPoint"]
    assert point["@type"] == "ContactPoint" and point["name"] == TITLE
    assert point["telephone"] == "0760-88883686" and point["email"] == "gdszssjcy@sina.com"
    assert point["hoursAvailable"] == {"@type": "OpeningHoursSpecification", "opens": "08:30", "closes": "17:30"}
    assert postal["@type"] == "PostalAddress" and postal["postalCode"] == "528400"
    assert postal["streetAddress"] == "中山市兴中道12号中山市人民检察院办公室"


def test_json_ld_with_hostile_data_stays_one_json_value() -> None:
    project = real_project()
    site = dataclasses.replace(project.site, publisher=HOSTILE)
    notice = dataclasses.replace(project.notices[0], title=HOSTILE)
    text = page_for([notice], site, at("2025-04-28")).json_ld
    assert "</script" not in text.lower() and "<!--" not in text
    data = json.loads(text)
    assert data["name"] == HOSTILE and data["contactPoint"][0]["name"].startswith("</script>")


def test_footer_shows_the_publisher_and_only_the_registrations_that_are_set() -> None:
    site = real_project().site
    assert [(i.label, i.value) for i in footer_items(site)] == [("主办单位", "中山市人民检察院")]
    full = dataclasses.replace(site, registrations=r.Registrations("4420000001", "粤ICP备00000000号", ""))
    items = footer_items(full)
    assert [i.label for i in items] == ["主办单位", "网站标识码", "ICP备案号"]
    assert items[2].href == ICP_LOOKUP and items[1].href == ""
