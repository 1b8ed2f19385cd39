"""Key figures must be the notice's own words: each value, with its unit, stands in the text near its label.

Checking this at validation time means a figure card can never drift from the
text it summarises: edit the sentence and forget the figure, and the build stops.
The text is read from the numbered view (the same walk the page uses); its
full-width punctuation makes no difference, since both sides are normalised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from disclosures.core import records as r
from disclosures.numbering.body import heading_or_text, walk
from disclosures.numbering.numbered import numbered_body

# How far (in characters, within one paragraph) the label may stand from the value.
NEAR = 40


def _normal(text: str) -> str:
    """Full-width and half-width as one, no white space: '41面（封）' matches '41面(封)'."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def paragraphs_of(notice: r.Notice) -> Iterator[str]:
    """The title and every heading and paragraph of the notice, in page order, normalised for stated_in."""
    body = numbered_body(notice)
    yield _normal(notice.title)
    for node in walk(body.preamble, body.parts):
        yield _normal(heading_or_text(node))


def stated_in(figure: r.Figure, paragraphs: list[str]) -> bool:
    """True when some paragraph holds value+unit (not part of a longer number) with the label nearby.

    paragraphs: from paragraphs_of, normalised once per notice rather than once per figure.
    """
    value, label = _normal(figure.value + figure.unit), _normal(figure.label)
    pattern = re.compile(r"(?<![\d.])" + re.escape(value))
    for text in paragraphs:
        for match in pattern.finditer(text):
            if label in text[max(0, match.start() - NEAR - len(label)): match.end() + NEAR + len(label)]:
                return True
    return False
