"""View models: the shapes templates show (prepared in Python; templates only loop and format),
and the one walk over a numbered notice in page order.

The body of a notice is a tree: parts (一、) hold paragraphs, sections (（一）),
themes (1.) and closing paragraphs; a section holds a run-in paragraph or
paragraphs, themes, problems (1.) and measures; a theme holds problems (（1）); a problem holds
measures (一是). `walk` is the only place that knows the order the page shows
them in; every module that needs "each paragraph in order" uses it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .timewindow import WindowStatus, shown_when

if TYPE_CHECKING:  # only annotations: overview.py and terms.py read these views, so no run-time import
    from .glossary import Segment, TermNote
    from .overview import Overview


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


@dataclass(frozen=True)
class WindowView:
    text: str  # 2025年4月27日至5月11日
    start_iso: str
    end_iso: str
    status: WindowStatus  # at the build's reference time; the view-time script recomputes it
    closed_note: str = ""  # 本通报的公示期已于…结束，意见征集已截止。
    # 截至2025年5月1日（本页生成时）: the built status names its moment; window-status.js hides it
    # when it writes the live status (a page read years later must not say "open" as of now).
    as_of: str = ""

    def hides(self, when: str) -> bool:
        """Server side of data-window-when: hidden unless the build-time state is listed."""
        return not shown_when(when, self.status.state)


@dataclass(frozen=True)
class Channel:
    """One way to reach the publisher, labelled the same on every page."""

    key: str  # phone / address / postcode / email: stable class names and test hooks
    label: str  # 联系电话
    value: str  # what is shown and what a copy button copies
    href: str  # tel:/mailto: link, or empty
    note: str  # （工作时间08:30—17:30）


@dataclass(frozen=True)
class ContactView:
    phone: str
    phone_uri: str
    hours: str  # 08:30—17:30
    address: str
    postcode: str
    envelope_note: str
    email: str
    items: tuple[Channel, ...]


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class RevisionView:
    date: str  # 2025年5月6日
    date_iso: str
    note: str
    anchor: str  # revision-2025-05-06: stable, the feed links to it


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # relative to the page it is shown on
    type: str = ""  # media type, for the type attribute


@dataclass(frozen=True)
class NoticeSearch:
    """What the page gives the search index (searchmarks.py): keywords per anchor, filters, sort keys."""

    keywords: dict[str, str]  # anchor -> hidden keyword line rendered after that heading
    filters: tuple[tuple[str, str], ...]  # (filter name, value)
    sort: tuple[tuple[str, str], ...]  # (sort key, value)


@dataclass(frozen=True)
class NoticeView:
    id: str
    url: str
    title: str
    issuer: str
    published: str  # 2025年4月27日
    published_iso: str
    window: WindowView | None
    facts: tuple[Fact, ...]
    preamble: tuple[Para, ...]
    parts: tuple[PartView, ...]
    invitation: str
    contact: ContactView
    signature_name: str
    signature_date: str
    problem_count: int
    theme_count: int
    toc: list[dict] = field(default_factory=list)
    draft_note: str = ""  # shown only in `mkdocs serve` for notices that are not public
    revisions: tuple[RevisionView, ...] = ()  # oldest first; those dated after the build's day are left out
    overview: Overview | None = None
    term_notes: tuple[TermNote, ...] = ()  # explanations of the terms marked in the text
    downloads: tuple[Link, ...] = ()  # open-data files of this notice (never for drafts)
    # 政务公开 metadata as (key, value) for feeds and open data: index, publisher, written, published,
    # document_number, topic (the last two only when set); () when the notice has no metadata block.
    metadata: tuple[tuple[str, str], ...] = ()
    poster_link: str = ""  # its notice-board poster, relative to the notice page (poster.py)
    phone_qr: str = ""  # inline SVG: a QR code of the page's address ("在手机上打开")
    search: NoticeSearch | None = None  # filters and keywords for the search index (searchmarks.py)


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


def map_paras(view: NoticeView, change: Callable[[Para], Para]) -> NoticeView:
    """The view with every paragraph replaced by change(paragraph), called once each in page order (walk)."""
    changed = {id(p): change(p) for p in walk(view.preamble, view.parts) if isinstance(p, Para)}

    def paras(items: tuple[Para, ...]) -> tuple[Para, ...]:
        return tuple(changed[id(p)] for p in items)

    def problems(items: tuple[ProblemView, ...]) -> tuple[ProblemView, ...]:
        return tuple(dataclasses.replace(p, measures=paras(p.measures)) for p in items)

    def themes(items: tuple[ThemeView, ...]) -> tuple[ThemeView, ...]:
        return tuple(dataclasses.replace(t, problems=problems(t.problems)) for t in items)

    def section(s: SectionView) -> SectionView:
        return dataclasses.replace(s, run_in=changed[id(s.run_in)] if s.run_in else None,
                                   paragraphs=paras(s.paragraphs), themes=themes(s.themes),
                                   problems=problems(s.problems), measures=paras(s.measures))

    parts = tuple(dataclasses.replace(part, paragraphs=paras(part.paragraphs),
                                      sections=tuple(section(s) for s in part.sections),
                                      themes=themes(part.themes), closing=paras(part.closing))
                  for part in view.parts)
    return dataclasses.replace(view, preamble=paras(view.preamble), parts=parts)


def heading_or_text(node: Node) -> str:
    """What a node says: the heading of a headed node (empty for a run-in section), or a paragraph's text."""
    return node.lead + node.text if isinstance(node, Para) else node.heading
