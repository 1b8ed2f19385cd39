"""Printing a notice (Chromium's own PDF output): the whole numbered text, the key facts and the contact block,
and none of the screen's navigation, search, banners or controls. The PDF goes to artifacts/ to look at."""

from __future__ import annotations

import subprocess

import lxml.html
import pytest

from conftest import REAL_ID, ROOT, Build
from helpers import find_in_order, normalise

pytestmark = pytest.mark.browser

NOTICE = f"disclosures/{REAL_ID}/"
ARTIFACTS = ROOT / "artifacts"

# Text of everything print.css hides, as the screen shows it (leaf elements only, so the parts are short).
_CHROME_TEXT = """() => {
    const chrome = document.querySelectorAll(".md-header, .md-tabs, .md-sidebar, .md-footer, .md-banner, "
        + "[data-md-component=announce], .md-search, .md-skip, .md-top, .dsc-text-size, .dsc-no-print, .dsc-subscribe");
    return [...chrome].flatMap((el) => [el, ...el.querySelectorAll("*")])
        .filter((el) => el.children.length === 0)
        .map((el) => el.textContent.trim()).filter((text) => text.length > 0);
}"""


def _print(browser, url: str, scheme: str, large_text: bool = False) -> tuple[str, list[str], list[str], str]:
    """The PDF's text, the screen chrome's text, and the key facts and article text as the reader's page has
    them (the window status is recomputed when the page is read, so it can differ from the built HTML)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    if large_text:
        context.add_init_script("localStorage.setItem('dsc-text-size', 'large')")
    page = context.new_page()
    page.goto(url)
    chrome = page.evaluate(_CHROME_TEXT)
    # As shown: the script hides the build-time 截至…（本页生成时）.
    facts = page.locator("dl.dsc-facts").first.locator("dt, dd").all_inner_texts()
    article = page.locator("article.dsc-notice").text_content() or ""
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"notice-print-{scheme}{'-large' if large_text else ''}.pdf"
    page.pdf(path=pdf, format="A4", margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"})
    context.close()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text, chrome, facts, article


@pytest.mark.parametrize("scheme, large_text", [("light", False), ("dark", True)], ids=["light", "dark-large-text"])
def test_printed_notice_has_the_whole_numbered_text_and_no_screen_chrome(browser, real_server: str, real_site: Build,
                                                                          scheme: str, large_text: bool) -> None:
    text, chrome, facts, live_article = _print(browser, real_server + NOTICE, scheme, large_text)
    printed = normalise(text)
    doc = lxml.html.fromstring(real_site.page(NOTICE.rstrip("/")))
    article = normalise(live_article)

    # All 45 problem headings, with their numbers, in order.
    problems = [normalise(h.text_content()) for h in doc.cssselect("section.dsc-problem > h5")]
    assert len(problems) == 45 and problems[0].startswith("(1)") and problems[44].startswith("(45)")
    found, missing = find_in_order(problems, printed)
    print(f"print [{scheme}]: {found} of 45 problem headings in the PDF text")
    assert missing == []
    # The other numbered headings, the key facts and the contact block.
    others = [normalise(h.text_content()) for h in doc.cssselect("article.dsc-notice :is(h1, h2, h3, h4)")]
    assert find_in_order(others, printed)[1] == []
    facts = [normalise(f) for f in facts]
    assert len(facts) >= 10 and [f for f in facts if f not in printed] == []
    block = doc.cssselect("section.dsc-contact")[0]
    for keywords in block.cssselect(".dsc-search-keys"):  # hidden keywords for the search index: never shown
        keywords.drop_tree()
    contact = normalise(block.text_content())
    assert "0760-88883686" in contact and contact in printed
    # Nothing from the header, navigation, search, banners or footer (unless the notice itself says it).
    chrome_only = sorted({normalise(t) for t in chrome} - {""})
    chrome_only = [t for t in chrome_only if t not in article]
    assert "跳转至" in chrome_only and "大字" in chrome_only  # 跳转至 (skip link), 大字 (switch)
    assert [t for t in chrome_only if t in printed] == []


def test_print_is_black_on_white_without_screen_controls_in_either_scheme(browser, real_server: str) -> None:
    """Printers leave out backgrounds: text that relies on one (the status badge, slate's light text)
    would vanish on paper."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(real_server + NOTICE)
    page.emulate_media(media="print")
    m = page.evaluate("""() => ({
        colours: [".dsc-notice p", ".dsc-status__label", ".dsc-facts dt", "#notice-title"].map(
            (s) => getComputedStyle(document.querySelector(s)).color),
        shown: [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer",
                ".dsc-text-size"].filter((s) => {
            const el = document.querySelector(s);
            return el && el.getBoundingClientRect().height > 0;
        }),
    })""")
    context.close()
    assert m["colours"] == ["rgb(0, 0, 0)"] * 4
    assert m["shown"] == []
