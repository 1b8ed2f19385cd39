"""Output safety helpers: what a link from data may point at, and JSON that is safe inside <script>.

HTML text and attributes are escaped by Jinja2's autoescape (render.py); feeds
use an XML serializer. These cover the two places neither does it for us.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto", "tel")
WEB_SCHEMES = ("http", "https")

# Characters that never belong in a URL we publish: white space, quotes, angle brackets, backslash.
_URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`{}|^]")
# Explicit bidirectional embeddings, overrides and isolates: they can make text read differently
# from what it is (e.g. a phone number shown reversed). Plain marks (U+200E/U+200F) are harmless.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line and paragraph separators (YAML reads them as line breaks) and non-characters.
_INVISIBLE = BIDI_CONTROLS | frozenset("\u2028\u2029\ufffe\uffff")


# One pattern for all of them (checked on every text value, so it must be fast): control characters
# (Unicode category Cc) except tab and newline, lone surrogates (Cs), and the invisible ones above.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
                     + "".join(sorted(_INVISIBLE)) + "]")


def unsafe_character(text: str) -> str | None:
    """The first character that must not reach a page: control characters (not tab or newline), bidi controls."""
    match = _UNSAFE.search(text)
    return match.group() if match else None


def is_safe_link(url: str, schemes: tuple[str, ...] = LINK_SCHEMES) -> bool:
    """True for an absolute link with an allowed scheme, nothing hidden in it, and a host for web links."""
    if not url or _URL_FORBIDDEN.search(url) or unsafe_character(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 literal
        return False
    if parts.scheme.lower() not in schemes or url[: len(parts.scheme)] != parts.scheme.lower():
        return False
    if parts.scheme in WEB_SCHEMES:
        return url.startswith(f"{parts.scheme}://") and bool(parts.hostname)
    return bool(parts.path)


def html_text(text: str) -> str:
    """Plain text as HTML, for values MkDocs and Material print without escaping.

    MkDocs treats page titles, nav titles, TOC names, site_name and site_description
    as HTML (its theme environment has no autoescape), so text from data must be
    escaped before it is handed to MkDocs.
    """
    return html.escape(text, quote=True)


def json_for_script(value: object) -> str:
    """JSON to place inside <script type="application/ld+json">: no "</script>", "<!--" or "]]>" can form.

    Escaping <, > and & as \\u escapes keeps the JSON equal in meaning; U+2028/U+2029 are escaped
    for old JavaScript parsers.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text
