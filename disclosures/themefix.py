"""Corrections to the markup Material writes around our content, applied to every built page.

Material's base templates include a few things that the Nu Html Checker or axe-core reject. Copying
whole partials to change one attribute would freeze them at one theme version, so each fix here is an
exact replacement with its reason. If a theme upgrade changes the markup, the replacement no longer
applies and the HTML and accessibility tests fail, pointing here.
"""

from __future__ import annotations

from . import texts

_FIXES: tuple[tuple[str, str], ...] = (
    # autocomplete is only allowed on text-like inputs (Nu Html Checker error). Material adds it to its two
    # hidden toggles so Firefox does not restore an open drawer or search on reload; reading.js resets
    # them on pageshow instead.
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    # A dialog needs an accessible name (axe aria-dialog-name): screen readers announce it on opening.
    ('<div class="md-search" data-md-component="search" role="dialog">',
     f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{texts.SEARCH_LABEL}">'),
)


def fix_theme_html(html: str) -> str:
    """The page with Material's known markup problems corrected; everything else untouched."""
    for old, new in _FIXES:
        html = html.replace(old, new)
    return html
