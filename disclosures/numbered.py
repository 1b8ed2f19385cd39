"""Numbering: a notice's body (records) as the numbered view, with labels and anchors derived from order.

Parts 一、, sections （一）, themes 1. and problems （1） run on through the
whole notice, so #problem-N is unique; measures 一是 restart in each problem.
The labels come from numbering.py and the anchors from urls.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import numbering as num
from . import records as r
from . import urls
from .typography import present
from .viewmodels import Para, PartView, ProblemView, SectionView, ThemeView


@dataclass(frozen=True)
class NumberedBody:
    preamble: tuple[Para, ...]
    parts: tuple[PartView, ...]
    themes: int  # how many themes the whole notice has
    problems: int


def para(p: r.Paragraph, label: str = "") -> Para:
    return Para(lead=present(p.lead), text=present(p.text), label=label)


def _paras(items: tuple[r.Paragraph, ...]) -> tuple[Para, ...]:
    return tuple(para(p) for p in items)


def _measures(items: tuple[r.Paragraph, ...]) -> tuple[Para, ...]:
    return tuple(para(p, num.measure_label(i)) for i, p in enumerate(items, start=1))


class _Counter:
    """Running numbers for themes and problems, shared across the whole notice."""

    def __init__(self) -> None:
        self.theme = 0
        self.problem = 0


def _themes(themes: tuple[r.Theme, ...], level: int, counter: _Counter) -> tuple[ThemeView, ...]:
    views = []
    for theme in themes:
        counter.theme += 1
        problems = []
        for problem in theme.problems:
            counter.problem += 1
            n = counter.problem
            problems.append(ProblemView(n, num.problem_label(n), present(problem.heading), urls.problem_anchor(n),
                                        level + 1, _measures(problem.measures)))
        t = counter.theme
        views.append(ThemeView(t, num.theme_label(t), present(theme.heading), urls.theme_anchor(t), level,
                               tuple(problems)))
    return tuple(views)


def _sections(part_no: int, sections: tuple[r.Section, ...], counter: _Counter) -> tuple[SectionView, ...]:
    return tuple(SectionView(
        label=num.section_label(i),
        heading=present(s.heading),
        run_in=para(s.run_in) if s.run_in else None,
        anchor=urls.section_anchor(part_no, i),
        level=3,
        paragraphs=_paras(s.paragraphs),
        themes=_themes(s.themes, 4, counter),
        measures=_measures(s.measures),
    ) for i, s in enumerate(sections, start=1))


def numbered_body(notice: r.Notice) -> NumberedBody:
    """The preamble and parts of a notice, numbered; themes directly in a part sit at level 3."""
    counter = _Counter()
    parts = tuple(PartView(
        label=num.part_label(i),
        heading=present(part.heading),
        anchor=urls.part_anchor(i),
        state=part.state,
        paragraphs=_paras(part.paragraphs),
        sections=_sections(i, part.sections, counter),
        themes=_themes(part.themes, 3, counter),
        closing=_paras(part.closing),
    ) for i, part in enumerate(notice.parts, start=1))
    return NumberedBody(_paras(notice.preamble), parts, counter.theme, counter.problem)
