"""The overview at the top of a notice, read from its numbered view: problems by part and category, states,
key figures, a chart.

Which parts count: a part that holds problems (themes), or that declares a
`state` (e.g. 需长期整改事项, whose headed sections are items rather than
problems). State is never guessed from headings: a part says `state:
rectified` or `state: ongoing`; without it no state is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core import texts, urls
from disclosures.core.typography import present
from disclosures.model.chart import Bar, bar_chart
from disclosures.numbering.body import PartView, ThemeView

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
    anchor: str = urls.OVERVIEW_ANCHOR  # #overview, a stable anchor (handbook/office.md, "Stable anchors")

    @property
    def categories(self) -> tuple[CategoryRow, ...]:
        return tuple(c for p in self.parts for c in p.categories)

    @property
    def themes(self) -> int:
        return sum(p.themes for p in self.parts)

    @property
    def problems(self) -> int:
        return sum(p.problems for p in self.parts)


def _count(themes: tuple[ThemeView, ...]) -> int:
    return sum(len(t.problems) for t in themes)


def _part_summary(part: PartView) -> PartSummary | None:
    categories = [CategoryRow(s.label, s.heading, s.anchor, len(s.themes), _count(s.themes) + len(s.problems))
                  for s in part.sections if s.themes or s.problems]
    if part.themes:
        categories.append(CategoryRow(part.label, part.heading, part.anchor, len(part.themes), _count(part.themes)))
    items = tuple(Item(s.label, s.heading, s.anchor) for s in part.sections
                  if s.heading and not s.themes and not s.problems)
    if not categories and not part.state:
        return None
    themes = sum(c.themes for c in categories)
    problems = sum(c.problems for c in categories)
    words = []
    if problems:
        sorted_in = texts.OVERVIEW_CATEGORIES.format(count=len(categories)) if len(categories) > 1 else ""
        counted = (texts.OVERVIEW_THEMES_AND_PROBLEMS.format(themes=themes, problems=problems) if themes
                   else texts.OVERVIEW_PROBLEMS_ALONE.format(problems=problems))
        words.append(sorted_in + counted)
    if items and not problems:
        words.append(texts.OVERVIEW_ITEMS.format(count=len(items)))
    # The one unheaded part of a notice whose top level is （一） stands for the whole notice.
    heading = part.heading if part.heading else texts.WHOLE_NOTICE
    return PartSummary(part.label, heading, part.anchor, part.state, r.PART_STATES.get(part.state, ""),
                       "".join(words), tuple(categories), items if not problems else (), themes, problems)


def _chart(parts: tuple[PartSummary, ...]) -> str:
    rows = [c for p in parts for c in p.categories]
    if len(rows) < 2:
        return ""
    bars = [Bar(c.label + c.heading, c.problems, texts.PROBLEM_COUNT.format(count=c.problems)) for c in rows]
    description = texts.CHART_ROW_SEPARATOR.join(texts.CHART_ROW.format(category=c.label + c.heading, problems=c.problems)
                                                 for c in rows) + texts.CHART_END
    return bar_chart(bars, texts.CHART_TITLE, description, CHART_ID)


def overview_of(parts: tuple[PartView, ...], figures: tuple[r.Figure, ...]) -> Overview | None:
    """The overview of a numbered notice body, or None when it has neither problems, stated parts nor figures."""
    summaries = tuple(s for p in parts if (s := _part_summary(p)) is not None)
    cards = tuple(FigureCard(present(f.label), f.value, present(f.unit), present(f.note)) for f in figures)
    if not summaries and not cards:
        return None
    return Overview(summaries, cards, _chart(summaries))
