"""The search index is downloaded only when a reader opens search, not with every page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from conftest import REAL_ID

pytestmark = pytest.mark.browser


@contextmanager
def recorded_page(browser, url: str) -> Iterator[tuple[object, list[str]]]:
    """A fresh page (cold cache) opened at url, and the list of every URL it requests."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    try:
        yield page, requested
    finally:
        context.close()


def _index_requests(requested: list[str]) -> list[str]:
    return [u for u in requested if u.split("?")[0].endswith("/search/search_index.json")]


@pytest.mark.parametrize("url", ["", f"disclosures/{REAL_ID}/"])
def test_reading_a_page_does_not_download_the_index(browser, real_server: str, url: str) -> None:
    with recorded_page(browser, real_server + url) as (page, requested):
        page.wait_for_timeout(500)
        assert requested and _index_requests(requested) == []


def test_opening_search_downloads_the_index_and_finds_results(browser, real_server: str) -> None:
    with recorded_page(browser, real_server) as (page, requested):
        page.click("label.md-search__icon, input.md-search__input")
        page.keyboard.type("2024")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert len(_index_requests(requested)) == 1


def test_a_search_link_loads_the_index_at_once(browser, real_server: str) -> None:
    with recorded_page(browser, real_server + "?q=2024") as (_, requested):
        assert len(_index_requests(requested)) == 1
