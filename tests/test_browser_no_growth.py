"""In Chromium, no page view fetches a file that grows with the number of notices (sitemap.xml included).

The same fictional portal is built with about 20 and about 200 notices; each kind of page is opened
in both, and every request it makes is recorded. Apart from the page itself (its size is bounded by
the lists' page sizes; tests/test_portal_build.py compares the largest pages), both must fetch exactly
the same files with exactly the same sizes.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import Build, build_with, serve
from portal_data import BUILD_DAY, write_portal

pytestmark = pytest.mark.browser

FAVICON = "/assets/images/favicon.png"
KINDS = ("", "disclosures/r3-bureau-002/", "notices/", "units/bureau-002/", "rounds/round-1/", "years/2024/",
         "feedback/", "subscribe/")


def _site(tmp_path_factory: pytest.TempPathFactory, units: int) -> Build:
    data = tmp_path_factory.mktemp(f"growth-data-{units}") / "data"
    write_portal(data, units)
    build = build_with(tmp_path_factory.mktemp(f"growth-{units}"), data, now=BUILD_DAY)
    assert build.ok, build.result.stderr
    return build


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    small, large = _site(tmp_path_factory, 6), _site(tmp_path_factory, 60)
    assert len(list((small.site / "disclosures").iterdir())) <= 22
    assert len(list((large.site / "disclosures").iterdir())) >= 190
    (s, small_url), (l, large_url) = serve(small.site), serve(large.site)
    yield small_url, large_url
    s.shutdown()
    l.shutdown()


def _fetches(browser, base: str, url: str) -> dict[str, int]:
    """Every file one page view fetches (path from the site root -> bytes), after the page has settled."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}

    def record(response) -> None:
        path = urlsplit(response.url).path
        sizes[path] = len(response.body()) if response.status == 200 else -response.status

    page.on("response", record)
    page.goto(base + url, wait_until="networkidle")
    page.wait_for_timeout(500)  # Material's bundle works after load (the sitemap fetch came from there)
    context.close()
    return sizes


@pytest.mark.parametrize("url", KINDS)
def test_a_page_view_fetches_nothing_that_grows_with_the_site(browser, servers: tuple[str, str], url: str) -> None:
    small_url, large_url = servers
    small, large = _fetches(browser, small_url, url), _fetches(browser, large_url, url)
    page = "/" + url
    for fetched in (small, large):
        assert not any(path.endswith(("sitemap.xml", "search_index.json")) for path in fetched), fetched
        assert all(size > 0 for size in fetched.values()), fetched  # nothing missing, nothing refused
    assert page in small and page in large
    # The favicon is fetched by Chromium itself, whenever it gets round to it: a fixed file, in or out.
    assert {p: s for p, s in small.items() if p != page and p != FAVICON} == \
           {p: s for p, s in large.items() if p != page and p != FAVICON}


def test_without_the_guard_material_would_fetch_the_sitemap_for_the_feed_links(browser, servers) -> None:
    """The control: with no-feed-sitemap.js blocked, Material fetches sitemap.xml on a plain page view."""
    small_url, _ = servers
    context = browser.new_context()
    context.route("**/no-feed-sitemap.*.js", lambda route: route.abort())  # its content-hashed name
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(small_url + "units/bureau-002/", wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    assert "/sitemap.xml" in fetched  # beside the site's feeds
    assert "/units/bureau-002/sitemap.xml" in fetched  # beside the unit's own feeds
