"""QR codes as inline SVG (segno), for the notice-board poster and the "open on a phone" code.

Error correction is at least M (15 % of the code may be damaged: a poster gets creased, stained or
pinned through); segno raises it further when that does not make the code bigger. The quiet zone
(four modules) is part of the SVG, and the SVG has a white background so it scans in dark mode too.
"""

from __future__ import annotations

import functools
import html
import re

import segno

from disclosures.core.cache import ContentCache

QUIET_ZONE = 4  # modules of white round the code, as ISO/IEC 18004 asks


@functools.lru_cache(maxsize=8192)
def _code_svg(data: str, css_class: str) -> str:
    """The SVG of one code. segno spends about 30 ms choosing the best of eight masks (the one with the
    fewest patterns that confuse a scanner); a notice page and its poster share an address, and
    `mkdocs serve` rebuilds in the same process, so each address is encoded once."""
    code = segno.make(data, error="m", micro=False, boost_error=True)
    return code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass=css_class, lineclass=None,
                           dark="#000", light="#fff")


def qr_svg(data: str, label: str, css_class: str = "dsc-qr", store: ContentCache | None = None) -> str:
    """Inline SVG markup of a QR code for data; label names it for screen readers (role="img").

    Size comes from CSS (viewBox only), so one code serves a small screen badge and a poster. With a
    store (core/cache.py), a code an earlier build encoded is taken from it.
    """
    if store is None:
        svg = _code_svg(data, css_class)
    else:
        key = f"{css_class}\0{data}".encode("utf-8")
        svg = store.get_or_make("qr", key, lambda _: _code_svg(data, css_class).encode("utf-8")).decode("utf-8")
    # segno's own <title> would be read as well as the label; an accessible name is enough.
    attributes = f'role="img" aria-label="{html.escape(label, quote=True)}"'
    return re.sub(r"^<svg ", f"<svg {attributes} ", svg, count=1)
