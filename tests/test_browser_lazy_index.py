"""Pagefind (script, worker, wasm and index) is downloaded only when a reader starts to search."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from conftest import REAL_ID

pytestmark = pytest.mark.browser

BOX = "#dsc-search-box"


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


def _search_requests(requested: list[str]) -> list[str]:
    return [u for u in requested if "/pagefind/" in u]


@pytest.mark.parametrize("url", ["", f"disclosures/{REAL_ID}/", "glossary/"])
def test_reading_a_page_does_not_download_the_search(browser, real_server: str, url: str) -> None:
    with recorded_page(browser, real_server + url) as (page, requested):
        page.wait_for_timeout(500)
        assert requested and _search_requests(requested) == []


def test_focusing_the_box_downloads_the_search_and_typing_finds_results(browser, real_server: str) -> None:
    with recorded_page(browser, real_server) as (page, requested):
        page.focus(BOX)
        page.wait_for_selector("form[data-dsc-search=header][data-ready]", state="attached")
        loaded = _search_requests(requested)
        assert any(u.endswith("/pagefind/pagefind.js") for u in loaded)
        assert not any(".pf_fragment" in u for u in loaded)  # no notice text before a query
        page.keyboard.insert_text("2024")
        page.wait_for_selector("[data-search-result]", timeout=10_000)
        assert any(".pf_index" in u for u in _search_requests(requested))


def test_a_search_link_loads_the_search_at_once(browser, real_server: str) -> None:
    with recorded_page(browser, real_server + "search/?q=2024") as (page, requested):
        page.wait_for_selector("[data-search-result]", timeout=10_000)
        assert any(u.endswith("/pagefind/pagefind.js") for u in _search_requests(requested))
