"""The attributes of a start tag, read with a regular expression: the HTML the build writes is scanned
by the link check (linkcheck.py) and for the inline scripts of the CSP (serving.py), thousands of pages
where html.parser would take tens of seconds. Values may be quoted either way or bare."""

from __future__ import annotations

import html
import re

_ATTRIBUTE = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+)))?")


def attributes(tag: str) -> dict[str, str]:
    """Each attribute in the text of a start tag (after its name): lower-case name -> value, character
    references resolved; an attribute without a value maps to ""."""
    values = {}
    for found in _ATTRIBUTE.finditer(tag):
        value = found.group(2) or found.group(3) or found.group(4) or ""
        values[found.group(1).lower()] = html.unescape(value) if "&" in value else value
    return values
