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


# Full-width ASCII and the ideographic space, each as NFKD writes it (one ASCII character): most of what NFKC
# changes in a Chinese text (its punctuation), put right in a pass that leaves the rest to NFKC only where
# something is still not normal. NFKC of the text is the same either way (it depends only on the text's
# NFKD, which this keeps), in a third of the time (1 ms a notice instead of 3: every notice is checked).
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_AS_NFKD = {chr(c): unicodedata.normalize("NFKD", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000)}
_WHITE_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    """Full-width and half-width as one, no white space: '41面（封）' matches '41面(封)'."""
    text = _FULL_WIDTH.sub(lambda found: _AS_NFKD[found.group()], text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _WHITE_SPACE.sub("", text)


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
        if value not in text:  # most paragraphs: passed over without the scan (a notice has about 250)
            continue
        for match in pattern.finditer(text):
            if label in text[max(0, match.start() - NEAR - len(label)): match.end() + NEAR + len(label)]:
                return True
    return False
