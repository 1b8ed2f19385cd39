"""Key figures must be the notice's own words: each value, with its unit, stands in the text near its label.

Checking this at validation time means a figure card can never drift from the
text it summarises: edit the sentence and forget the figure, and the build stops.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from . import records as r

# How far (in characters, within one paragraph) the label may stand from the value.
NEAR = 40


def _normal(text: str) -> str:
    """Full-width and half-width as one, no white space: '41面（封）' matches '41面(封)'."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _paragraph_texts(p: r.Paragraph) -> Iterator[str]:
    yield p.lead + p.text


def _themes(themes: tuple[r.Theme, ...]) -> Iterator[str]:
    for theme in themes:
        yield theme.heading
        for problem in theme.problems:
            yield problem.heading
            for m in problem.measures:
                yield from _paragraph_texts(m)


def paragraphs_of(notice: r.Notice) -> Iterator[str]:
    """Every heading and paragraph of the notice, in reading order, normalised for stated_in."""
    return map(_normal, _texts_of(notice))


def _texts_of(notice: r.Notice) -> Iterator[str]:
    yield notice.title
    for p in notice.preamble:
        yield from _paragraph_texts(p)
    for part in notice.parts:
        yield part.heading
        for p in part.paragraphs:
            yield from _paragraph_texts(p)
        for s in part.sections:
            if s.heading:
                yield s.heading
            if s.run_in:
                yield from _paragraph_texts(s.run_in)
            for p in s.paragraphs + s.measures:
                yield from _paragraph_texts(p)
            yield from _themes(s.themes)
            yield from _themes((r.Theme("", s.problems),))
        yield from _themes(part.themes)
        for p in part.closing:
            yield from _paragraph_texts(p)


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
