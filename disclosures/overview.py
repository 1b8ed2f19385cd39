"""The overview at the top of a notice: problems by part and category with their state, key figures, a chart.

Which parts count: a part that holds problems (themes), or that declares a
`state` (e.g. 需长期整改事项, whose headed sections are items rather than
problems). State is never guessed from headings: a part says `state:
rectified` or `state: ongoing`; without it no state is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import numbering as num
from . import records as r
from . import texts
from .ordinals import Counter
from .chart import Bar, bar_chart
from .typography import to_fullwidth

CHART_ID = "overview-chart"


@dataclass(frozen=True)
class CategoryRow:
    label: str  # （一）, or the part label when a part holds themes directly
    heading: str
    anchor: str
    themes: int
    problems: int


@dataclass(frozen=True)
class Item:
    """A headed section without problems, e.g. one 需长期整改事项."""

    label: str
    heading: str
    anchor: str


@dataclass(frozen=True)
class PartSummary:
    label: str
    heading: str
    anchor: str
    state: str  # "rectified", "ongoing" or ""
    state_label: str  # 已整改 / 长期整改中 / ""
    summary: str  # 4类、18个方面、45个问题
    categories: tuple[CategoryRow, ...]
    items: tuple[Item, ...]
    themes: int
    problems: int


@dataclass(frozen=True)
class FigureCard:
    label: str
    value: str
    unit: str
    note: str


@dataclass(frozen=True)
class Overview:
    parts: tuple[PartSummary, ...]
    figures: tuple[FigureCard, ...]
    chart_svg: str  # inline SVG markup, "" when there are fewer than two categories to compare
    chart_id: str = CHART_ID

    @property
    def categories(self) -> tuple[CategoryRow, ...]:
        return tuple(c for p in self.parts for c in p.categories)

    @property
    def themes(self) -> int:
        return sum(p.themes for p in self.parts)

    @property
    def problems(self) -> int:
        return sum(p.problems for p in self.parts)


def _count(themes: tuple[r.Theme, ...]) -> int:
    return sum(len(t.problems) for t in themes)


def _section_numbers(part: r.Part) -> list[int]:
    numbers = Counter()
    return [numbers.take(s.number) for s in part.sections]


def _part_summary(number: int, part: r.Part) -> PartSummary | None:
    numbered = list(zip(_section_numbers(part), part.sections))
    categories = [CategoryRow(num.section_label(i), to_fullwidth(s.heading), f"part-{number}-section-{i}",
                              len(s.themes), _count(s.themes) + len(s.problems))
                  for i, s in numbered if s.themes or s.problems]
    if part.themes:
        categories.append(CategoryRow(num.part_label(number), to_fullwidth(part.heading), f"part-{number}",
                                      len(part.themes), _count(part.themes)))
    items = tuple(Item(num.section_label(i), to_fullwidth(s.heading), f"part-{number}-section-{i}")
                  for i, s in numbered if s.heading and not s.themes and not s.problems)
    if not categories and not part.state:
        return None
    themes = sum(c.themes for c in categories)
    problems = sum(c.problems for c in categories)
    words = []
    if problems:
        sorted_in = f"{len(categories)}类、" if len(categories) > 1 else ""
        words.append(f"{sorted_in}{themes}个方面、{problems}个问题" if themes else f"{sorted_in}{problems}个问题")
    if items and not problems:
        words.append(f"{len(items)}项")
    label, heading = (num.part_label(number), to_fullwidth(part.heading)) if part.heading else ("", texts.WHOLE_NOTICE)
    return PartSummary(label, heading, f"part-{number}", part.state,
                       r.PART_STATES.get(part.state, ""), "".join(words), tuple(categories),
                       items if not problems else (), themes, problems)


def _chart(parts: tuple[PartSummary, ...]) -> str:
    rows = [c for p in parts for c in p.categories]
    if len(rows) < 2:
        return ""
    bars = [Bar(c.label + c.heading, c.problems, f"{c.problems}个问题") for c in rows]
    description = "；".join(f"{c.label}{c.heading}：{c.problems}个问题" for c in rows) + "。"
    return bar_chart(bars, "各类别问题数量", description, CHART_ID)


def overview_of(notice: r.Notice) -> Overview | None:
    """The overview, or None when the notice has neither problems, stated parts nor figures."""
    numbers = Counter()
    parts = tuple(s for p in notice.parts if (s := _part_summary(numbers.take(p.number), p)) is not None)
    figures = tuple(FigureCard(to_fullwidth(f.label), f.value, to_fullwidth(f.unit), to_fullwidth(f.note))
                    for f in notice.figures)
    if not parts and not figures:
        return None
    return Overview(parts, figures, _chart(parts))
