"""The window status a build writes, whatever the build machine's time zone, and scheduled publication."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
from conftest import REAL_ID, TEST_DATA, Build, build_with, make_project
from helpers import MOMENTS, combine_data, normalise

from disclosures.build import prepare
from disclosures.core.texts import DRAFT_NOTE

pytestmark = pytest.mark.build

WINDOWED = TEST_DATA / "window" / "disclosures" / "riverside-office-2025-04-20.yml"
WINDOWED_URL = "disclosures/riverside-office-2025-04-20"
WINDOWED_TITLE = "示例县虚构河务办党组关于巡察整改情况的通报（虚构）"



def statuses(doc: lxml.html.HtmlElement) -> list[tuple[str, str, str]]:
    return [(el.get("data-window-status"), el.cssselect(".dsc-status__label")[0].text_content(),
             el.cssselect(".dsc-status__detail")[0].text_content()) for el in doc.cssselect(".dsc-status")]


def shown(element: lxml.html.HtmlElement) -> bool:
    return element.get("hidden") is None


def test_status_and_banner_in_a_whole_site_built_on_another_time_zone(tmp_path: Path) -> None:
    """The full matrix of moments and time zones runs in process (test_gather.py); this one build checks
    that MkDocs puts the same status and Material's banner bar into the written pages."""
    now, state, label, detail, as_of = MOMENTS["last-day-23:59"]
    data = combine_data(tmp_path / "data", TEST_DATA / "fictional", WINDOWED)
    build = build_with(tmp_path / "site", data, now=now, extra_env={"TZ": "America/Los_Angeles"})
    assert build.ok, build.result.stderr
    home, page = lxml.html.fromstring(build.page("")), lxml.html.fromstring(build.page(WINDOWED_URL))
    assert statuses(home) == statuses(page) == [(state, label, detail)]
    # Without JavaScript the badge is all a reader sees, maybe years later: it says when it was true.
    assert [el.text_content() for el in page.cssselect(".dsc-status [data-window-as-of]")] == [f"截至{as_of}（本页生成时）"]
    assert page.cssselect(".dsc-status")[0].get("class") == f"dsc-status dsc-status--{state}"
    # Every window carrier on the page carries the same state and the same bounds.
    carriers = page.cssselect("[data-window-start]")
    assert len(carriers) == 3  # badge, contact section, banner
    for doc in (home, page):
        [banner] = doc.cssselect("aside.md-banner .dsc-banner")
        [item] = banner.cssselect("[data-window-when='open']")
        assert shown(banner) and shown(item)
        assert normalise(item.text_content()) == normalise(f"截至{as_of}（本页生成时）正在公示：{WINDOWED_TITLE}（{detail}）")
    assert page.cssselect(".dsc-banner a")[0].get("href") == f"../../{WINDOWED_URL}/"


def test_real_notice_on_2025_04_28_with_banner_links_right_from_every_page(real_site: Build) -> None:
    page = lxml.html.fromstring(real_site.page(f"disclosures/{REAL_ID}"))
    assert statuses(page) == [("open", "公示中", "距公示结束还有 13 天")]
    hrefs = {url: lxml.html.fromstring(real_site.page(url)).cssselect(".dsc-banner a")[0].get("href")
             for url in ("", f"disclosures/{REAL_ID}")}
    assert hrefs == {"": f"./disclosures/{REAL_ID}/", f"disclosures/{REAL_ID}": f"../../disclosures/{REAL_ID}/"}
    not_found = lxml.html.fromstring((real_site.site / "404.html").read_text(encoding="utf-8"))
    assert not_found.cssselect(".dsc-banner a")[0].get("href") == f"/disclosures/{REAL_ID}/"
    # Published under a content-hashed name (disclosures/publish/assethash.py).
    scripts = list((real_site.site / "assets" / "javascripts").glob("window-status.*.js"))
    assert len(scripts) == 1 and f"assets/javascripts/{scripts[0].name}" in real_site.page("")


# --- scheduled and draft notices -------------------------------------------------------------------

SCHEDULED_ID, DRAFT_ID = "riverside-scheduled-2025-05-01", "riverside-draft-2025-04-21"
SCHEDULED_TITLE, DRAFT_TITLE = "定时发布的虚构通报（虚构）", "尚为草稿的虚构通报（虚构）"


def hidden_notices_data(dest: Path) -> Path:
    """The windowed notice, plus one to be published 2025-05-01 and one marked draft."""
    data = combine_data(dest, TEST_DATA / "fictional", WINDOWED)
    text = WINDOWED.read_text(encoding="utf-8")
    variants = {
        SCHEDULED_ID: (SCHEDULED_TITLE, "published: 2025-05-01", "start: 2025-05-01"),
        DRAFT_ID: (DRAFT_TITLE, "published: 2025-04-21\ndraft: true", "start: 2025-04-27"),
    }
    for count, (notice_id, (title, published, start)) in enumerate(variants.items(), start=3):
        variant = (text.replace("id: riverside-office-2025-04-20", f"id: {notice_id}")
                   .replace(f"title: {WINDOWED_TITLE}", f"title: {title}")
                   .replace("published: 2025-04-20", published)
                   .replace("start: 2025-04-27", start)
                   .replace("研究整改工作2次。", f"研究整改工作{count}次。"))  # its own text, not a copy
        assert notice_id in variant and title in variant
        (data / "disclosures" / f"{notice_id}.yml").write_text(variant, encoding="utf-8")
    return data


def test_scheduled_and_draft_notices_appear_nowhere_in_the_built_site(tmp_path: Path) -> None:
    build = build_with(tmp_path / "site", hidden_notices_data(tmp_path / "data"), now="2025-04-30T23:59:00+08:00")
    assert build.ok, build.result.stderr
    texts = {p.relative_to(build.site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
             for p in build.site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt", ".js")}
    # The search index is compressed: read its parts as text too.
    texts |= {p.relative_to(build.site).as_posix(): gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
              for p in (build.site / "pagefind").rglob("*.pf_*")}
    assert {"index.html", "sitemap.xml", f"{WINDOWED_URL}/index.html"} <= set(texts)
    for needle in (SCHEDULED_ID, DRAFT_ID, SCHEDULED_TITLE, DRAFT_TITLE, "定时发布", "尚为草稿"):
        assert [name for name, text in texts.items() if needle in text] == [], needle
    assert not (build.site / "disclosures" / SCHEDULED_ID).exists()
    assert not (build.site / "disclosures" / DRAFT_ID).exists()
    # The published one is really there, in every place the hidden ones were looked for.
    assert any(WINDOWED_URL in text for name, text in texts.items() if name.endswith(".pf_fragment"))
    assert WINDOWED_URL in texts["sitemap.xml"] and WINDOWED_TITLE in texts["index.html"]


def test_a_scheduled_notice_is_published_on_its_beijing_day(tmp_path: Path) -> None:
    root = make_project(tmp_path / "site", hidden_notices_data(tmp_path / "data"))
    before = prepare(root, {"DISCLOSURE_NOW": "2025-04-30T15:59:59Z"})
    on_the_day = prepare(root, {"DISCLOSURE_NOW": "2025-04-30T16:00:00Z"})  # 2025-05-01 00:00 Beijing
    assert [n.id for n in before.notices] == ["riverside-office-2025-04-20"]
    assert [n.id for n in on_the_day.notices] == [SCHEDULED_ID, "riverside-office-2025-04-20"]
    assert on_the_day.page(f"disclosures/{SCHEDULED_ID}/index.md") is not None


def test_preview_shows_scheduled_and_draft_notices_clearly_marked(tmp_path: Path) -> None:
    root = make_project(tmp_path / "site", hidden_notices_data(tmp_path / "data"))
    build = prepare(root, {"DISCLOSURE_NOW": "2025-04-28"}, preview=True)
    assert {n.id: bool(n.draft_note) for n in build.notices} == \
        {SCHEDULED_ID: True, DRAFT_ID: True, "riverside-office-2025-04-20": False}
    home = lxml.html.fromstring(build.page("index.md").shown)
    marked = {card.cssselect("h3")[0].get("id"): [normalise(p.text_content()) for p in card.cssselect(".dsc-draft")]
              for card in home.cssselect("li.dsc-notice-card")}
    assert marked == {SCHEDULED_ID: [normalise(DRAFT_NOTE)], DRAFT_ID: [normalise(DRAFT_NOTE)],
                      "riverside-office-2025-04-20": []}
    for notice_id in (SCHEDULED_ID, DRAFT_ID):
        page = lxml.html.fromstring(build.page(f"disclosures/{notice_id}/index.md").shown)
        assert page.cssselect("article .dsc-draft[role=note]")
    # Only public notices are announced in the banner, even in preview.
    assert [item.url for item in build.banner] == ["disclosures/riverside-office-2025-04-20/"]
    assert DRAFT_TITLE not in build.banner_html(".") and WINDOWED_TITLE in build.banner_html(".")
