"""The reader's browser only ever talks to the site itself."""

from __future__ import annotations

import pytest

from conftest import REAL_ID
from helpers import outside_requests

pytestmark = pytest.mark.browser


def test_pages_request_nothing_but_the_site(browser, real_server: str) -> None:
    requested: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    for url in ("", f"disclosures/{REAL_ID}/"):
        page.goto(real_server + url, wait_until="networkidle")
    # Searching loads Pagefind (script, worker, wasm) and the index: still only the site itself.
    page.click("#dsc-search-box")
    page.keyboard.insert_text("2024")
    page.wait_for_selector("[data-search-result]", timeout=10_000)
    page.goto(real_server + "search/?q=食堂", wait_until="networkidle")
    page.wait_for_selector("[data-search-result]", timeout=10_000)
    context.close()
    assert len(requested) > 5
    assert outside_requests(requested, real_server) == []
