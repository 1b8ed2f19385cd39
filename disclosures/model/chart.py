"""A horizontal bar chart drawn at build time as static SVG: no chart script runs in the reader's browser.

Built with ElementTree, so every text from data is XML-escaped and the result
is well-formed XML that can be inlined in HTML or served as a file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

_WIDTH = 640
_ROW = 58  # label line + bar + gap
_BAR = 20
_LABEL_CHARS = 30  # CJK characters that fit on one label line at 15px in 640 units


@dataclass(frozen=True)
class Bar:
    label: str  # shown above the bar, shortened if long
    value: int
    value_text: str  # e.g. "18个问题"


def _el(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{SVG_NS}}}{tag}", {k.replace("_", "-"): v for k, v in attrs.items()})
    element.text = text or None
    return element


def shorten(text: str, limit: int = _LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(bars: list[Bar], title: str, description: str, id_prefix: str) -> str:
    """SVG markup with role="img", a <title> and a <desc> naming every value (the text alternative)."""
    height = _ROW * len(bars) + 8
    top = max((b.value for b in bars), default=0) or 1
    svg = ET.Element(f"{{{SVG_NS}}}svg", {
        "viewBox": f"0 0 {_WIDTH} {height}", "role": "img", "class": "dsc-chart",
        "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
        "font-size": "15", "fill": "currentColor",
    })
    _el(svg, "title", title, id=f"{id_prefix}-title")
    _el(svg, "desc", description, id=f"{id_prefix}-desc")
    usable = _WIDTH - 110  # room for the value text after the longest bar
    for index, bar in enumerate(bars):
        y = index * _ROW
        group = _el(svg, "g", **{"class": "dsc-chart__row"})
        _el(group, "text", shorten(bar.label), x="0", y=str(y + 18))
        width = max(2, round(usable * bar.value / top))
        _el(group, "rect", x="0", y=str(y + 26), width=str(width), height=str(_BAR), rx="3",
            fill="#c62828", **{"class": "dsc-chart__bar"})
        _el(group, "text", bar.value_text, x=str(width + 8), y=str(y + 26 + _BAR - 5),
            font_weight="700", **{"class": "dsc-chart__value"})
    return ET.tostring(svg, encoding="unicode")
