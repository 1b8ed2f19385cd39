"""Numbering: a notice's body (records) as the numbered view, with labels and anchors derived from order.

Parts 一、 and sections （一） restart in their parent; themes 1. and problems （1） run on through the
whole notice, so #problem-N is unique; problems held directly by a section (1.) run on or restart
in each section, as the notice says (section_problems); measures 一是 restart in each problem.
Where the published notice skipped a label, the item's kept number is shown and the next ones count
on from it (ordinals.py). The labels come from labels.py and the anchors from urls.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core import urls
from disclosures.core.typography import present
from disclosures.numbering import labels as num
from disclosures.numbering.body import Para, PartView, ProblemView, SectionView, ThemeView
from disclosures.numbering.ordinals import Counter


@dataclass(frozen=True)
class NumberedBody:
    preamble: tuple[Para, ...]
    parts: tuple[PartView, ...]
    themes: int  # how many themes the whole notice has
    problems: int  # every problem, under a theme or directly under a section


def para(p: r.Paragraph, label: str = "") -> Para:
    return Para(lead=present(p.lead), text=present(p.text), label=label)


def _paras(items: tuple[r.Paragraph, ...]) -> tuple[Para, ...]:
    return tuple(para(p) for p in items)


def _measures(items: tuple[r.Paragraph, ...], run_on: bool = False) -> tuple[Para, ...]:
    """一是 二是 …; measures run on after a lead-in show no 一是 when there is only one."""
    if run_on and len(items) == 1:
        return (para(items[0]),)
    return tuple(para(p, num.measure_label(i)) for i, p in enumerate(items, start=1))


class _Counter:
    """Running numbers for themes, problems and problems held by sections, across the whole notice."""

    def __init__(self, section_problems: str = "continue") -> None:
        self.theme = Counter()
        self.problem = Counter()
        self.section_problem = Counter()
        self.restart_section_problems = section_problems == "restart"
        self.problems_shown = 0  # every problem, of either kind, for the count
        self.themes_shown = 0


def _problem(problem: r.Problem, n: int, label: str, anchor: str, level: int) -> ProblemView:
    return ProblemView(n, label, present(problem.heading), anchor, level,
                       _measures(problem.measures, run_on=bool(problem.lead_in)), present(problem.lead_in))


def _themes(themes: tuple[r.Theme, ...], level: int, counter: _Counter) -> tuple[ThemeView, ...]:
    views = []
    for theme in themes:
        t = counter.theme.take(theme.number)
        counter.themes_shown += 1
        problems = []
        for problem in theme.problems:
            n = counter.problem.take(problem.number)
            counter.problems_shown += 1
            problems.append(_problem(problem, n, num.problem_label(n), urls.problem_anchor(n), level + 1))
        views.append(ThemeView(t, num.theme_label(t), present(theme.heading), urls.theme_anchor(t), level,
                               tuple(problems)))
    return tuple(views)


def _section_problems(s: r.Section, part_no: int, section_no: int, level: int,
                      counter: _Counter) -> tuple[ProblemView, ...]:
    """Problems directly under a category: 1. 2. …, anchored inside their section (numbers may restart)."""
    if counter.restart_section_problems:
        counter.section_problem = Counter()
    views = []
    for problem in s.problems:
        n = counter.section_problem.take(problem.number)
        counter.problems_shown += 1
        views.append(_problem(problem, n, num.theme_label(n), urls.section_problem_anchor(part_no, section_no, n),
                              level))
    return tuple(views)


def _sections(part_no: int, sections: tuple[r.Section, ...], counter: _Counter, level: int) -> tuple[SectionView, ...]:
    views = []
    numbers = Counter()
    for s in sections:
        i = numbers.take(s.number)
        views.append(SectionView(
            label=num.section_label(i),
            heading=present(s.heading),
            run_in=para(s.run_in) if s.run_in else None,
            anchor=urls.section_anchor(part_no, i),
            level=level,
            paragraphs=_paras(s.paragraphs),
            themes=_themes(s.themes, level + 1, counter),
            measures=_measures(s.measures),
            problems=_section_problems(s, part_no, i, level + 1, counter),
        ))
    return tuple(views)


def numbered_body(notice: r.Notice) -> NumberedBody:
    """The preamble and parts of a notice, numbered; themes directly in a part sit at level 3.

    A part without heading (the notice's top level is （一）) shows no label, and its sections sit at level 2.
    """
    counter = _Counter(notice.section_problems)
    numbers = Counter()
    parts = []
    for part in notice.parts:
        i = numbers.take(part.number)
        parts.append(PartView(
            label=num.part_label(i) if part.heading else "",
            heading=present(part.heading),
            anchor=urls.part_anchor(i),
            state=part.state,
            paragraphs=_paras(part.paragraphs),
            sections=_sections(i, part.sections, counter, level=3 if part.heading else 2),
            themes=_themes(part.themes, 3, counter),
            closing=_paras(part.closing),
        ))
    return NumberedBody(_paras(notice.preamble), tuple(parts), counter.themes_shown, counter.problems_shown)
