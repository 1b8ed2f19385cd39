"""Glossary tooltips in a real browser: reachable by keyboard and by pointer, dismissed with Escape."""

from __future__ import annotations

import pytest

from conftest import REAL_ID

pytestmark = pytest.mark.browser

NOTICE = f"disclosures/{REAL_ID}/"


def _note_of(page, term):
    return page.locator("#" + term.get_attribute("aria-describedby"))


def _tab_to_first_term(page, limit: int = 300) -> bool:
    """Press Tab from the top of the page until a term has focus; False if none is ever reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.dsc-term')"):
            return True
    return False


def test_tab_reaches_a_term_and_shows_its_explanation(browser, real_server: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(real_server + NOTICE)
    term = page.locator("article a.dsc-term").first
    note = _note_of(page, term)
    assert note.is_hidden()
    assert _tab_to_first_term(page)
    # The preamble names the inspection (巡察) before any other term.
    assert page.evaluate("document.activeElement.textContent") == term.text_content() == "巡察"
    assert note.is_visible()
    assert note.text_content().startswith("巡察：")
    # Shown next to the term and inside the viewport, even on a phone-sized screen.
    term_box, note_box = term.bounding_box(), note.bounding_box()
    assert abs(note_box["y"] - (term_box["y"] + term_box["height"])) < 40 or note_box["y"] < term_box["y"]
    assert 0 <= note_box["x"] and note_box["x"] + note_box["width"] <= 390
    # The next Tab moves to the next term: its explanation replaces the first one.
    page.keyboard.press("Tab")
    second = page.locator("article a.dsc-term").nth(1)
    assert page.evaluate("document.activeElement.textContent") == second.text_content()
    assert _note_of(page, second).is_visible() and note.is_hidden()
    page.keyboard.press("Escape")
    assert _note_of(page, second).is_hidden()
    page.close()


def test_hovering_a_term_shows_its_explanation_and_the_tooltip_is_hoverable(browser, real_server: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(real_server + NOTICE)
    term = page.locator("article a.dsc-term", has_text="第一议题")
    term.scroll_into_view_if_needed()
    note = _note_of(page, term)
    term.hover()
    assert note.is_visible() and "第一议题" in note.text_content()
    box = note.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # onto the tooltip itself
    page.wait_for_timeout(500)
    assert note.is_visible()
    page.mouse.move(5, 850)
    note.wait_for(state="hidden", timeout=3000)
    page.close()
