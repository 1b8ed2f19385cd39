"""The numbered body of a notice: the shapes of its view (labels and anchors already set, see numbered.py)
and the one walk over them in page order.

The body of a notice is a tree: parts (一、) hold paragraphs, sections (（一）),
themes (1.) and closing paragraphs; a section holds a run-in paragraph or
paragraphs, themes, problems (1.) and measures; a theme holds problems (（1）); a problem holds
measures (一是). `walk` is the only place that knows the order the page shows
them in; every module that needs "each paragraph in order" uses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph: plain text, or the first use of a glossary term."""

    text: str
    term: str = ""  # the glossary term ("" for plain text)
    tip_id: str = ""  # id of the element holding the explanation (aria-describedby)
    href: str = ""  # the term on the glossary page, relative to the page the text is on


@dataclass(frozen=True)
class Para:
    lead: str
    text: str
    label: str = ""  # 一是 / (一) for enumerated paragraphs
    # The same texts cut around glossary terms used here first (see terms.py); () means no term.
    lead_parts: tuple[Segment, ...] = ()
    text_parts: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class ProblemView:
    number: int
    label: str
    heading: str
    anchor: str
    level: int
    measures: tuple[Para, ...]
    lead_in: str = ""  # 整改落实情况：: the measures are shown run on after it, in one paragraph


@dataclass(frozen=True)
class ThemeView:
    number: int
    label: str
    heading: str
    anchor: str
    level: int
    problems: tuple[ProblemView, ...]


@dataclass(frozen=True)
class SectionView:
    label: str
    heading: str  # empty for a run-in section
    run_in: Para | None
    anchor: str
    level: int
    paragraphs: tuple[Para, ...]
    themes: tuple[ThemeView, ...]
    measures: tuple[Para, ...]
    problems: tuple[ProblemView, ...] = ()  # problems directly under the category, labelled 1. 2.


@dataclass(frozen=True)
class PartView:
    label: str
    heading: str  # empty (and no label) for the one part of a notice whose top level is （一）
    anchor: str
    state: str  # "rectified", "ongoing" or "" (declared in the data, never guessed)
    paragraphs: tuple[Para, ...]
    sections: tuple[SectionView, ...]
    themes: tuple[ThemeView, ...]
    closing: tuple[Para, ...]


Node = PartView | SectionView | ThemeView | ProblemView | Para


def walk(preamble: tuple[Para, ...], parts: tuple[PartView, ...]) -> Iterator[Node]:
    """Every node of a notice body in the order notice.html shows it: a headed node before what it holds."""
    yield from preamble
    for part in parts:
        yield part
        yield from part.paragraphs
        for section in part.sections:
            yield section
            if section.run_in:
                yield section.run_in
            yield from section.paragraphs
            yield from _walk_themes(section.themes)
            yield from _walk_problems(section.problems)
            yield from section.measures
        yield from _walk_themes(part.themes)
        yield from part.closing


def _walk_themes(themes: tuple[ThemeView, ...]) -> Iterator[Node]:
    for theme in themes:
        yield theme
        yield from _walk_problems(theme.problems)


def _walk_problems(problems: tuple[ProblemView, ...]) -> Iterator[Node]:
    for problem in problems:
        yield problem
        yield from problem.measures


def heading_or_text(node: Node) -> str:
    """What a node says: the heading of a headed node (empty for a run-in section), or a paragraph's text."""
    return node.lead + node.text if isinstance(node, Para) else node.heading
