"""The corrections applied to Material's markup (disclosures/pages/themefix.py)."""

from __future__ import annotations

from pathlib import Path

import material

from disclosures.pages import themefix
from disclosures.pages.themefix import fix_theme_html

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def test_every_fix_still_matches_the_installed_theme() -> None:
    """If a Material upgrade changes this markup, say which fix no longer applies."""
    sources = "".join((MATERIAL_TEMPLATES / name).read_text(encoding="utf-8")
                      for name in ("base.html",))
    stale = [old for old, _ in themefix._FIXES if old not in sources]
    assert stale == []


def test_toggles_lose_autocomplete() -> None:
    page = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<p>autocomplete="off"</p>')
    fixed = fix_theme_html(page)
    assert 'id="__drawer">' in fixed and 'id="__search">' in fixed
    assert '<p>autocomplete="off"</p>' in fixed  # text elsewhere is untouched


def test_a_page_without_the_theme_markup_is_unchanged() -> None:
    page = "<html><body><p>type=\"checkbox\"</p></body></html>"
    assert fix_theme_html(page) == page


def test_a_toc_title_outside_the_navigation_labels_nothing() -> None:
    from disclosures.pages.themefix import fix_theme_html

    title = '<label class="md-nav__title" for="__toc">\n      <span class="md-nav__icon md-icon"></span>\n      目录\n    </label>'
    outside = fix_theme_html(f"<nav>{title}</nav>")
    assert 'for="__toc"' not in outside and outside.count('<div class="md-nav__title">') == 1 and "目录" in outside
    inside = f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><nav>{title}</nav>'
    assert fix_theme_html(inside) == inside  # in the navigation the label has its toggle
