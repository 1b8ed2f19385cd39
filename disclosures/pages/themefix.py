"""Corrections to the markup Material writes around our content, applied to every built page.

Material's base templates include a few things that the Nu Html Checker or axe-core reject. Copying
whole partials to change one attribute would freeze them at one theme version, so each fix here is an
exact replacement with its reason. If a theme upgrade changes the markup, the replacement no longer
applies and the HTML and accessibility tests fail, pointing here.
"""

from __future__ import annotations

import re

_FIXES: tuple[tuple[str, str], ...] = (
    # autocomplete is only allowed on text-like inputs (Nu Html Checker error). Material adds it to its two
    # hidden toggles (the search toggle stays in its base template without the search plugin) so Firefox
    # does not restore an open drawer or search on reload; reading.js resets them on pageshow instead.
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
)


# Material titles a page's table of contents with a label for the toggle "__toc", which it writes only
# into the navigation entry of the current page. A page outside the navigation (a portal's notice and
# list pages: the navigation lists sections, disclosures/pages/nav.py) would keep a label for nothing (Nu Html
# Checker error): there the title becomes a plain element with the same class.
_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(\s*<span class="md-nav__icon md-icon"></span>'
                        r'[^<]*)</label>')


def fix_theme_html(html: str) -> str:
    """The page with Material's known markup problems corrected; everything else untouched."""
    for old, new in _FIXES:
        html = html.replace(old, new)
    if 'id="__toc"' not in html:
        html = _TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)
    return html
