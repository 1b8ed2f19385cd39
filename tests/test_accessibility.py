"""Readable by everyone, checked in headless Chromium: axe-core on every page at phone and desktop widths in
both colour schemes, visible focus, the larger-text switch, reflow at 200% zoom, Chinese reading comfort.

Pages come from the built site (helpers.built_pages), so pages added later are checked too. Screenshots of
every page and variant go to artifacts/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REAL_ID, ROOT, Build
from helpers import built_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# Every rule of WCAG 2.0-2.2 A and AA plus axe's best practices (AAA and experimental rules are not asked for).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
TEXT_SIZE_KEY = "dsc-text-size"
NOTICE = f"disclosures/{REAL_ID}/"
PHONE, DESKTOP = 390, 1280


@dataclass(frozen=True)
class Variant:
    width: int
    scheme: str  # "light" or "dark": what the reader's system prefers
    large_text: bool = False

    @property
    def name(self) -> str:
        return f"{self.width}-{self.scheme}" + ("-large" if self.large_text else "")


VARIANTS = [Variant(PHONE, "light"), Variant(PHONE, "dark"), Variant(DESKTOP, "light"), Variant(DESKTOP, "dark"),
            Variant(PHONE, "light", large_text=True)]
_SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}  # Material's data-md-color-scheme


def _context(browser, variant: Variant, **kwargs):
    context = browser.new_context(viewport={"width": variant.width, "height": 844}, color_scheme=variant.scheme,
                                  **kwargs)
    if variant.large_text:
        context.add_init_script(f"localStorage.setItem('{TEXT_SIZE_KEY}', 'large')")
    return context


def _slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


def _screenshot(page, path: Path) -> None:
    """The whole page, or its first four screens when longer (a notice is dozens of screens)."""
    viewport = page.viewport_size
    height = min(page.evaluate("document.documentElement.scrollHeight"), 4 * viewport["height"])
    page.screenshot(path=path, full_page=True, clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})


def _axe(page) -> dict:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            const show = (items) => items.flatMap((v) => v.nodes.map((n) =>
                `${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}: ${n.failureSummary}`));
            // axe cannot tell the background of text inside an SVG chart and leaves it "incomplete". Such
            // text passes only if it is drawn in the surrounding text colour, which axe has checked.
            const contrast = r.incomplete.filter((v) => v.id.startsWith("color-contrast"));
            const inherits = (n) => {
                const el = document.querySelector(n.target[0]), svg = el && el.closest("svg");
                return svg !== null && getComputedStyle(el).fill === getComputedStyle(svg.parentElement).color;
            };
            const unsure = contrast.map((v) => ({...v, nodes: v.nodes.filter((n) => !inherits(n))}));
            return {violations: show(r.violations),
                    unsure_contrast: show(unsure),
                    rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length};
        }""", AXE_TAGS)


@pytest.fixture(scope="module")
def pages(real_site: Build) -> list[str]:
    urls = built_pages(real_site.site)
    assert "" in urls and NOTICE in urls and NOTICE + "poster/" in urls  # the poster page is checked too
    return urls


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_axe_finds_no_violations_on_any_kind_of_portal_page(browser, portal_server: str, variant: Variant) -> None:
    from conftest import PORTAL_PAGE_KINDS

    context = _context(browser, variant)
    page = context.new_page()
    found: list[str] = []
    for url in PORTAL_PAGE_KINDS:
        page.goto(portal_server + url)
        _screenshot(page, SCREENSHOTS / f"portal-{_slug(url)}-{variant.name}.png")
        result = _axe(page)
        assert result["rules"] > 50
        found += [f"/{url} [{variant.name}] {v}" for v in result["violations"] + result["unsure_contrast"]]
    context.close()
    assert found == []


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_axe_finds_no_violations_on_any_page(browser, real_server: str, pages: list[str], variant: Variant) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = _context(browser, variant)
    page = context.new_page()
    found: list[str] = []
    for url in pages:
        page.goto(real_server + url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == _SCHEME_ATTRIBUTE[variant.scheme]
        assert page.evaluate("document.documentElement.classList.contains('dsc-text-large')") == variant.large_text
        _screenshot(page, SCREENSHOTS / f"{_slug(url)}-{variant.name}.png")
        result = _axe(page)
        assert result["rules"] > 50  # axe really ran its rule set
        found += [f"/{url} [{variant.name}] {v}" for v in result["violations"] + result["unsure_contrast"]]
    context.close()
    print(f"axe-core [{variant.name}]: {len(pages)} pages, {len(found)} problems")
    assert found == []


def _focus_ring(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {tag: el.tagName, text: (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30),
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow,
                shown: box.width > 0 && box.height > 0 && style.visibility !== "hidden"};
    }""")


@pytest.mark.parametrize("variant", [Variant(DESKTOP, "light"), Variant(DESKTOP, "dark"), Variant(PHONE, "light")],
                         ids=lambda v: v.name)
def test_keyboard_focus_is_always_visible(browser, real_server: str, variant: Variant) -> None:
    context = _context(browser, variant)
    page = context.new_page()
    unseen: list[str] = []
    stops = 0
    for url in ("", NOTICE):
        page.goto(real_server + url)
        for _ in range(40):
            page.keyboard.press("Tab")
            ring = _focus_ring(page)
            if ring["tag"] == "BODY":
                break
            stops += 1
            if ring["shown"] and not (ring["outline"] != "none" and ring["width"] >= 2):
                unseen.append(f"/{url} {ring}")
    context.close()
    assert stops > 20
    assert unseen == []


def test_larger_text_switch_is_a_pressed_button_that_persists(browser, real_server: str) -> None:
    context = _context(browser, Variant(PHONE, "light"))
    page = context.new_page()
    page.goto(real_server + NOTICE)
    switch = page.locator(".md-header").get_by_role("button", name="大字")
    assert switch.get_attribute("aria-pressed") == "false"
    size = "() => parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)"
    normal = page.evaluate(size)
    switch.focus()
    page.keyboard.press("Enter")  # a real button: keyboard works
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.evaluate(size) == pytest.approx(normal * 1.25, rel=0.01)
    page.goto(real_server)  # another page: the choice is kept
    assert page.locator(".dsc-text-size").get_attribute("aria-pressed") == "true"
    assert page.evaluate("localStorage.getItem('dsc-text-size')") == "large"
    page.locator(".dsc-text-size").click()
    page.reload()
    assert page.locator(".dsc-text-size").get_attribute("aria-pressed") == "false"
    assert page.evaluate(size) == pytest.approx(normal, rel=0.01)
    context.close()


_OVERFLOW = """() => {
    const root = document.scrollingElement, limit = root.clientWidth + 1;
    // Elements sticking out to the right (Material clips the page sideways, so scrollWidth alone
    // would not see text cut off). The drawer is off-canvas on purpose until opened.
    const out = [...document.querySelectorAll("body *")]
        .filter((el) => !el.closest(".md-sidebar--primary, .md-search, .md-tooltip, .md-tooltip2"))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > limit; })
        .slice(0, 5).map((el) => `${el.tagName}.${el.className}`);
    return {scroll: root.scrollWidth, client: root.clientWidth, body: document.body.scrollWidth, out};
}"""


@pytest.mark.parametrize("large_text", [False, True], ids=["normal-text", "large-text"])
def test_no_horizontal_scrolling_at_200_percent_zoom_on_a_phone(browser, real_server: str, pages: list[str],
                                                                 large_text: bool) -> None:
    """200% zoom on a 390 px phone leaves 195 CSS pixels, with the pixel density doubled (that is what
    browser zoom does: media queries see the narrower width)."""
    context = browser.new_context(viewport={"width": PHONE // 2, "height": 422}, device_scale_factor=4)
    if large_text:
        context.add_init_script(f"localStorage.setItem('{TEXT_SIZE_KEY}', 'large')")
    page = context.new_page()
    wide: list[str] = []
    for url in pages:
        page.goto(real_server + url)
        m = page.evaluate(_OVERFLOW)
        if m["scroll"] > m["client"] or m["body"] > m["client"] or m["out"]:
            wide.append(f"/{url}: {m}")
        if url in ("", NOTICE):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            _screenshot(page, SCREENSHOTS / f"{_slug(url)}-zoom200{'-large' if large_text else ''}.png")
    context.close()
    assert wide == []


def test_chinese_text_is_comfortable_to_read(browser, real_server: str) -> None:
    context = _context(browser, Variant(DESKTOP, "light"))
    page = context.new_page()
    page.goto(real_server + NOTICE)
    m = page.evaluate("""() => {
        const p = [...document.querySelectorAll(".dsc-notice p")].sort((a, b) => b.offsetWidth - a.offsetWidth)[0];
        const s = getComputedStyle(p);
        return {font: s.fontFamily, size: parseFloat(s.fontSize), leading: parseFloat(s.lineHeight),
                width: p.getBoundingClientRect().width};
    }""")
    context.close()
    families = [f.strip().strip('"') for f in m["font"].split(",")]
    # System CJK fonts first (nothing is downloaded; see test_browser_offline).
    assert families[:4] == ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC"]
    assert m["size"] >= 16
    assert m["leading"] / m["size"] >= 1.5  # WCAG 1.4.12 line spacing
    chars_per_line = m["width"] / m["size"]  # one Chinese character is one em wide
    print(f"reading: {m['size']:.1f}px text, leading {m['leading'] / m['size']:.2f}, {chars_per_line:.0f} characters a line")
    assert 25 <= chars_per_line <= 41


def test_screen_readers_get_numbered_headings_and_lists(browser, real_server: str) -> None:
    context = _context(browser, Variant(DESKTOP, "light"))
    page = context.new_page()
    page.goto(real_server + NOTICE)
    tree = page.locator("article.dsc-notice").aria_snapshot()
    context.close()
    problems = re.findall(r'- heading "（(\d+)）[^"]*" \[level=5\]', tree)
    assert problems == [str(n) for n in range(1, 46)]
    # Each problem's measures are a list whose first item starts with 一是.
    lists = re.findall(r"- list:\n\s+- listitem:\n\s+- paragraph:\n\s+- text: (\S+)", tree)
    assert len(lists) >= 45 and set(lists) == {"一是"}
    # Parts and the contact block are landmarks; the 18 themes and 45 problems are not (a landmark list of
    # 70 entries would bury the useful ones).
    regions = re.findall(r"^\s*- region ", tree, flags=re.MULTILINE)
    assert 4 <= len(regions) <= 15


@pytest.mark.parametrize("url, items", [("notices/", ".dsc-pager__pages > li"),
                                        ("rounds/round-1/", ".dsc-group-list--inline > li")])
def test_a_portals_pager_and_a_rounds_units_run_along_a_line(browser, portal_server: str, url: str, items: str) -> None:
    """Material's `.md-typeset ul:not([hidden])` outweighed our flex rules once and stacked them one per line."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(portal_server + url)
    tops = page.eval_on_selector_all(items, "els => els.map(el => Math.round(el.getBoundingClientRect().top))")
    context.close()
    assert len(tops) >= 2 and tops[0] == tops[1], tops


# Characters of a line pulled apart: justification spreads every line of a block but its last, so any
# block that wraps a label, a badge line or a short phrase shows its characters letter-spaced.
_SPREAD = """(prose) => {
    const spread = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const owner = node.parentElement;
        if (!owner || !owner.offsetParent || owner.closest(prose)) continue;
        const em = parseFloat(getComputedStyle(owner).fontSize), text = node.textContent;
        for (let i = 0; i < text.length; i++) {
            if (!/[\\u3400-\\u9fff]/.test(text[i])) continue;
            range.setStart(node, i); range.setEnd(node, i + 1);
            // A Han character is one em wide; justification adds its extra space to the character's box.
            if (range.getBoundingClientRect().width > em + 1.5) {
                const block = owner.closest("p, li, dd, dt, div, td, th, h1, h2, h3, h4, h5, h6, figcaption, label");
                spread.push(`${(block || owner).tagName.toLowerCase()}.${(block || owner).className}: ${text.trim().slice(0, 30)}`);
                break;
            }
        }
    }
    return [...new Set(spread)];
}"""
# Running text, where justification is meant: the paragraphs of a notice and of its poster.
PROSE = (".dsc-notice > p:not([class]), .dsc-notice section p:not([class]), .dsc-notice p.dsc-run-in, "
         ".dsc-poster__text p:not(.dsc-poster__heading)")


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_no_label_badge_or_short_line_is_justified_on_a_phone(browser, real_server: str, pages: list[str],
                                                               portal_server: str, script: bool) -> None:
    """Without JavaScript the status line says 截至…（本页生成时） before its badge: the line that wraps."""
    from conftest import PORTAL_PAGE_KINDS

    context = _context(browser, Variant(PHONE, "light"), locale="zh-CN", java_script_enabled=script)
    page = context.new_page()
    found: list[str] = []
    for url in [real_server + u for u in pages] + [portal_server + u for u in PORTAL_PAGE_KINDS]:
        page.goto(url)
        found += [f"{url}: {line}" for line in page.evaluate(_SPREAD, PROSE)]
    context.close()
    assert found == []
