"""The status shown when a page is read, computed by window-status.js in a real browser.

The pages are built at one reference time and read with the browser's clock set
elsewhere (Playwright's clock API), in several browser time zones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REAL_ID, TEST_DATA, build_with, make_project, run_build, serve
from helpers import combine_data

from disclosures.core.records import Window
from disclosures.core.timewindow import BEIJING, status_at

pytestmark = pytest.mark.browser

NOTICE = f"disclosures/{REAL_ID}/"
WINDOWED = TEST_DATA / "window" / "disclosures" / "riverside-office-2025-04-20.yml"
TIMED_ID = "riverside-timed-2025-04-20"


def beijing(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BEIJING)


def read(page) -> dict:
    """What the reader sees: every badge, the closed-notice note and the banner."""
    return page.evaluate("""() => ({
        badges: [...document.querySelectorAll('.dsc-status')].map(el => [
            el.dataset.windowStatus, el.querySelector('.dsc-status__label').textContent,
            el.querySelector('.dsc-status__detail').textContent, el.className]),
        carriers: [...new Set([...document.querySelectorAll('.md-content [data-window-start]')].map(el => el.dataset.windowStatus))],
        closedNote: [...document.querySelectorAll('.dsc-window-closed')].map(el => el.checkVisibility()),
        banner: [...document.querySelectorAll('aside.md-banner')].map(el => el.checkVisibility()),
        bannerText: [...document.querySelectorAll('.dsc-banner [data-window-when]')]
            .filter(el => el.checkVisibility()).map(el => el.innerText),
    })""")


def open_at(browser, url: str, moment: dt.datetime, timezone_id: str | None = None) -> tuple[object, dict]:
    context = browser.new_context(timezone_id=timezone_id) if timezone_id else browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    page.goto(url, wait_until="load")
    return context, read(page)


def test_built_inside_the_window_read_after_it_shows_closed(browser, real_server: str) -> None:
    """Built with DISCLOSURE_NOW=2025-04-28 (the real_site fixture), read on 2025-05-20."""
    for url in (NOTICE, ""):
        context, seen = open_at(browser, real_server + url, beijing(2025, 5, 20, 10, 0))
        context.close()
        assert seen["badges"] == [["closed", "已结束", "公示期已结束", "dsc-status dsc-status--closed"]]
        assert seen["carriers"] == ["closed"]
        assert seen["banner"] == [False] and seen["bannerText"] == []
    assert seen["closedNote"] == []  # home page
    context, seen = open_at(browser, real_server + NOTICE, beijing(2025, 5, 20))
    context.close()
    assert seen["closedNote"] == [True]


def test_last_day_at_23_30_beijing_shows_open_and_last_day(browser, real_server: str) -> None:
    context, seen = open_at(browser, real_server + NOTICE, beijing(2025, 5, 11, 23, 30))
    context.close()
    assert seen["badges"] == [["open", "公示中", "今天是最后一天", "dsc-status dsc-status--open"]]
    assert seen["carriers"] == ["open"] and seen["closedNote"] == [False]
    assert seen["banner"] == [True]
    assert seen["bannerText"] == ["正在公示：中共中山市人民检察院党组关于巡察整改进展情况的通报（今天是最后一天）"]


@pytest.mark.parametrize("timezone_id", ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"])
def test_the_browser_time_zone_does_not_matter(browser, real_server: str, timezone_id: str) -> None:
    # 23:30 Beijing on the last day is 08:30 the same day in Los Angeles and 05:30 the next day in Kiritimati.
    cases = [(beijing(2025, 5, 11, 23, 30), ["open", "公示中", "今天是最后一天"]),
             (beijing(2025, 5, 12, 0, 0, 30), ["closed", "已结束", "公示期已结束"]),
             (beijing(2025, 5, 10, 0, 30), ["open", "公示中", "距公示结束还有 1 天"])]
    for moment, expected in cases:
        context, seen = open_at(browser, real_server + NOTICE, moment, timezone_id)
        context.close()
        assert [b[:3] for b in seen["badges"]] == [expected], (timezone_id, moment)


def test_a_page_left_open_catches_up_when_the_window_closes(browser, real_server: str) -> None:
    context = browser.new_context(timezone_id="America/Los_Angeles")
    page = context.new_page()
    page.clock.install(time=beijing(2025, 5, 11, 23, 59, 30))
    page.goto(real_server + NOTICE, wait_until="load")
    assert read(page)["badges"][0][:3] == ["open", "公示中", "今天是最后一天"]
    page.clock.run_for(61_000)
    seen = read(page)
    context.close()
    assert seen["badges"][0][:3] == ["closed", "已结束", "公示期已结束"]
    assert seen["closedNote"] == [True] and seen["banner"] == [False]


# --- the script agrees with the Python rules, for a build made before the window ------------------

@pytest.fixture(scope="module")
def early_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The windowed fictional notice and a variant with times (09:00 to 17:30), built before both open."""
    tmp = tmp_path_factory.mktemp("early")
    data = combine_data(tmp / "data", TEST_DATA / "fictional", WINDOWED)
    timed = (WINDOWED.read_text(encoding="utf-8").replace("id: riverside-office-2025-04-20", f"id: {TIMED_ID}")
             .replace("start: 2025-04-27", "start: 2025-04-27 09:00").replace("end: 2025-05-11", "end: 2025-05-11 17:30")
             .replace("\ntitle: ", "\ntitle: 定时", 1).replace("研究整改工作2次。", "研究整改工作3次。"))  # another notice
    (data / "disclosures" / f"{TIMED_ID}.yml").write_text(timed, encoding="utf-8")
    build = build_with(tmp / "site", data, now="2025-04-21")
    assert build.ok, build.result.stderr
    server, url = serve(build.site)
    yield url
    server.shutdown()


WINDOWS = {
    "riverside-office-2025-04-20": Window(dt.date(2025, 4, 27), dt.date(2025, 5, 11)),
    TIMED_ID: Window(dt.date(2025, 4, 27), dt.date(2025, 5, 11), dt.time(9, 0), dt.time(17, 30)),
}
MOMENTS = [beijing(2025, 4, 26, 23, 59), beijing(2025, 4, 27), beijing(2025, 4, 27, 8, 59), beijing(2025, 4, 27, 9),
           beijing(2025, 5, 3, 18, 45), beijing(2025, 5, 10, 23, 59, 59), beijing(2025, 5, 11, 0, 0, 1),
           beijing(2025, 5, 11, 17, 29), beijing(2025, 5, 11, 17, 30), beijing(2025, 5, 11, 23, 59), beijing(2025, 5, 12),
           beijing(2031, 1, 1)]


@pytest.mark.parametrize("timezone_id", ["Asia/Shanghai", "America/Los_Angeles"])
def test_script_and_python_agree_at_every_moment(browser, early_server: str, timezone_id: str) -> None:
    context = browser.new_context(timezone_id=timezone_id)
    page = context.new_page()
    mismatches = []
    for moment in MOMENTS:
        page.clock.set_fixed_time(moment)
        for notice_id, window in WINDOWS.items():
            page.goto(f"{early_server}disclosures/{notice_id}/", wait_until="load")
            expected = status_at(window, moment)
            seen = read(page)
            state = seen["badges"][0][0]
            if seen["badges"][0][:3] != [expected.state, expected.label, expected.detail] or \
                    seen["carriers"] != [expected.state] or seen["closedNote"] != [expected.state == "closed"]:
                mismatches.append((notice_id, moment.isoformat(), seen, expected))
            # Both notices are published, so the banner lists every one that is open at this moment.
            open_now = sorted(n for n, w in WINDOWS.items() if status_at(w, moment).state == "open")
            assert seen["banner"] == [bool(open_now)], (notice_id, moment)
            assert len(seen["bannerText"]) == len(open_now) and state in ("upcoming", "open", "closed")
    context.close()
    assert mismatches == []


def test_upcoming_text_comes_from_the_build_without_javascript(browser, early_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.clock.set_fixed_time(beijing(2025, 5, 1))
    page.goto(f"{early_server}disclosures/{TIMED_ID}/", wait_until="load")
    seen = read(page)
    context.close()
    assert seen["badges"][0][:3] == ["upcoming", "未开始", "公示将于2025年4月27日09:00开始"]
    assert seen["banner"] == [False] and seen["closedNote"] == [False]


# --- Material's instant navigation: pages swapped in without reloading the script -----------------

def test_status_is_recomputed_after_instant_navigation(browser, tmp_path: Path) -> None:
    root = make_project(tmp_path / "site", combine_data(tmp_path / "data", TEST_DATA / "fictional", WINDOWED))
    (root / "site").mkdir()
    # Material matches links against sitemap.xml, whose URLs must carry the server's port: serve first.
    server, url = serve(root / "site")
    try:
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  features:\n" in text
        text = text.replace("  features:\n", "  features:\n    - navigation.instant\n")
        config.write_text(f"site_url: {url}\n" + text, encoding="utf-8")
        build = run_build(root, now="2025-04-28")
        assert build.ok, build.result.stderr
        context = browser.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(beijing(2025, 6, 1))
        page.goto(url, wait_until="networkidle")  # instant navigation reads sitemap.xml first
        assert read(page)["badges"][0][0] == "closed"
        page.evaluate("() => { window.__sameDocument = true; }")
        page.click("li.dsc-notice-card h3 a")
        page.wait_for_selector("article.dsc-notice")
        same_document = page.evaluate("() => window.__sameDocument === true")
        seen = read(page)
        context.close()
    finally:
        server.shutdown()
    assert same_document  # really instant navigation, not a page load
    assert seen["badges"][0][:3] == ["closed", "已结束", "公示期已结束"] and seen["closedNote"] == [True]
