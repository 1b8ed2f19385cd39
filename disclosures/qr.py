"""QR codes as inline SVG (segno), for the notice-board poster and the "open on a phone" code.

Error correction is at least M (15 % of the code may be damaged: a poster gets creased, stained or
pinned through); segno raises it further when that does not make the code bigger. The quiet zone
(four modules) is part of the SVG, and the SVG has a white background so it scans in dark mode too.
"""

from __future__ import annotations

import html
import re

import segno

QUIET_ZONE = 4  # modules of white round the code, as ISO/IEC 18004 asks


def qr_svg(data: str, label: str, css_class: str = "dsc-qr") -> str:
    """Inline SVG markup of a QR code for data; label names it for screen readers (role="img").

    Size comes from CSS (viewBox only), so one code serves a small screen badge and a poster.
    """
    code = segno.make(data, error="m", micro=False, boost_error=True)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass=css_class, lineclass=None,
                          dark="#000", light="#fff")
    # segno's own <title> would be read as well as the label; an accessible name is enough.
    attributes = f'role="img" aria-label="{html.escape(label, quote=True)}"'
    return re.sub(r"^<svg ", f"<svg {attributes} ", svg, count=1)
