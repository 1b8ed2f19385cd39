"""A reader on a phone finds the 订阅 link, and the page's feed autodiscovery points at a real feed."""

from __future__ import annotations

import pytest

from conftest import REAL_ID

pytestmark = pytest.mark.browser


def test_on_a_phone_the_subscribe_link_is_visible_and_the_feeds_are_served(browser, real_server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(real_server + f"disclosures/{REAL_ID}/")
    link = page.locator("p.dsc-subscribe a")
    link.scroll_into_view_if_needed()
    assert link.is_visible() and link.inner_text() == "订阅"
    feeds = page.eval_on_selector_all('link[rel="alternate"]', "els => els.map(e => [e.type, e.href])")
    assert sorted(t for t, _ in feeds) == ["application/feed+json", "application/rss+xml"]
    for _, href in feeds:
        response = page.request.get(href)
        assert response.ok and response.body().startswith((b"<?xml", b"{")), href
    link.click()
    page.wait_for_url("**/subscribe/")
    assert page.locator("h1").inner_text() == "订阅"
    assert "RSS 阅读器" in page.locator("article").inner_text()
    context.close()
