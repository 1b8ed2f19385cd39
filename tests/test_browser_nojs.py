"""Readers without JavaScript (issue 14, points 10-12), in a real browser with scripts switched off.

The real site is built on 2025-04-28, inside its window; a reader without scripts sees that state
for ever, so it must say when it was true. With scripts on, the live status replaces it.
"""

from __future__ import annotations

import pytest

from conftest import REAL_ID

pytestmark = pytest.mark.browser

NOTICE = f"disclosures/{REAL_ID}/"
PAGES = ["", NOTICE, "feedback/", "subscribe/", "glossary/"]
AS_OF = "截至2025年4月28日（本页生成时）"
PHONE = 390

_SHOWN = """() => ({
    statuses: [...document.querySelectorAll('.md-content .dsc-status')].filter(el => el.checkVisibility())
        .map(el => el.innerText.replace(/\\s+/g, '')),
    banner: [...document.querySelectorAll('.dsc-banner')].filter(el => el.checkVisibility())
        .map(el => el.innerText.replace(/\\s+/g, '')),
    buttons: [...document.querySelectorAll('button')]
        .filter(el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
        .map(el => el.className + ' ' + el.textContent.trim()),
    scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth,
    out: [...document.querySelectorAll('body *')]
        .filter(el => !el.closest('.md-sidebar--primary, .md-search, .md-tooltip, .md-tooltip2'))
        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > document.scrollingElement.clientWidth + 1; })
        .map(el => el.tagName + '.' + el.className),
})"""


@pytest.fixture(scope="module")
def pages_read(browser, real_server: str) -> dict[tuple[bool, str], dict]:
    found = {}
    for javascript in (False, True):
        context = browser.new_context(viewport={"width": PHONE, "height": 844}, java_script_enabled=javascript)
        if javascript:
            context.clock.set_fixed_time("2025-05-01T10:00:00+08:00")  # later than the build, still open
        page = context.new_page()
        for url in PAGES:
            page.goto(real_server + url)
            found[javascript, url] = page.evaluate(_SHOWN)
        context.close()
    return found


def test_without_javascript_every_status_names_the_moment_it_was_true(pages_read: dict) -> None:
    assert pages_read[False, ""]["statuses"] == [f"{AS_OF}公示中距公示结束还有13天"]
    assert pages_read[False, NOTICE]["statuses"] == [f"{AS_OF}公示中距公示结束还有13天"]
    assert pages_read[False, "feedback/"]["statuses"] == [f"{AS_OF}公示中距公示结束还有13天"]
    for url in PAGES:
        assert pages_read[False, url]["banner"] == [
            f"{AS_OF}正在公示：中共中山市人民检察院党组关于巡察整改进展情况的通报（距公示结束还有13天）"], url


def test_with_javascript_the_live_status_replaces_it(pages_read: dict) -> None:
    assert pages_read[True, NOTICE]["statuses"] == ["公示中距公示结束还有10天"]
    assert pages_read[True, "feedback/"]["banner"] == ["正在公示：中共中山市人民检察院党组关于巡察整改进展情况的通报（距公示结束还有10天）"]


def test_without_javascript_no_button_shows_that_does_nothing(pages_read: dict) -> None:
    for url in PAGES:
        assert pages_read[False, url]["buttons"] == [], url
    copy_and_print = [b for b in pages_read[True, "feedback/"]["buttons"] if "dsc-copy" in b or "dsc-print" in b]
    assert len(copy_and_print) == 5  # with JavaScript they work, and show: four channels and the envelope


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_no_sideways_scrolling_on_a_phone(pages_read: dict, javascript: bool) -> None:
    wide = {url: (m["scroll"], m["out"]) for (js, url), m in pages_read.items()
            if js == javascript and (m["scroll"] > m["client"] or m["out"])}
    assert wide == {}
