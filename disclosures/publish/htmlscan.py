"""The attributes of a start tag, read with a regular expression: the HTML the build writes is scanned
for the inline scripts of the CSP (serving.py), thousands of pages where html.parser would take tens of
seconds. Values may be quoted either way or bare. And a page as
those scans' caches know it: without the build's moment."""

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


_AS_OF_TEXT = b"data-window-as-of>"  # the status's 截至…（本页生成时） span (overrides/partials/disclosures/macros.html)


def moment_left_out(page: bytes, moment: str) -> bytes:
    """The page with the build's moment (as the pages print it) left out, when each time it occurs it is the
    text of the status's as-of span: plain text, which no link, id or script can depend on. So a page that
    differs from an earlier build's by the moment alone keeps that build's scans. Otherwise the page as is."""
    printed = moment.encode("utf-8")
    if not printed or printed not in page or not _only_as_of(page, printed):
        return page
    return page.replace(printed, b"\0moment\0")


def _only_as_of(page: bytes, printed: bytes) -> bool:
    """Whether each time the moment (as printed) occurs in the page, it is the text of the as-of span."""
    return page.count(printed) == page.count(_AS_OF_TEXT + printed + b"</span>")


def moment_replaced(page: bytes, old: str, new: str) -> bytes | None:
    """The page with the moment old (as the pages print it) replaced by new, when each time old occurs it is
    the text of the status's as-of span (moment_left_out's rule); None when that cannot be shown."""
    printed = old.encode("utf-8")
    if not printed or printed not in page:
        return page
    if not _only_as_of(page, printed):
        return None
    return page.replace(_AS_OF_TEXT + printed + b"</span>", _AS_OF_TEXT + new.encode("utf-8") + b"</span>")


def moment_offsets(page: bytes, moment: str) -> list[int]:
    """Where the moment (as the pages print it) starts each time it is the text of the status's as-of span."""
    marked = _AS_OF_TEXT + moment.encode("utf-8") + b"</span>"
    offsets, at = [], page.find(marked)
    while at >= 0:
        offsets.append(at + len(_AS_OF_TEXT))
        at = page.find(marked, at + len(marked))
    return offsets
