"""View models: the shapes templates show (prepared in Python; templates only loop and format).

A notice's page is a NoticeView: its facts, window, contact and the numbered body
(numbering/body.py, whose one walk gives the page order), and map_paras to change
every paragraph of it in that order.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from disclosures.core.timewindow import WindowStatus, shown_when
from disclosures.numbering.body import Para, PartView, ProblemView, SectionView, ThemeView, walk

if TYPE_CHECKING:  # only an annotation: overview.py reads the numbered body, so no run-time import is needed
    from disclosures.model.overview import Overview


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


# Stands for the build's moment in a cached render (data cannot hold a NUL: validation refuses it): the
# moment changes with every build, the rest of a notice's page only when its status does (core/cache.py).
AS_OF_MARK = "\x00as-of\x00"


def with_as_of_mark(view: NoticeView) -> tuple[str, NoticeView]:
    """The build's moment (截至…（本页生成时）) of a notice with a window, and the view with a mark in its place."""
    if view.window is None or not view.window.as_of:
        return "", view
    return view.window.as_of, dataclasses.replace(view, window=with_as_of_mark_window(view.window))


def with_as_of_mark_window(window: WindowView) -> WindowView:
    """The window with the mark in place of the build's moment (if it names one)."""
    return dataclasses.replace(window, as_of=AS_OF_MARK) if window.as_of else window


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
class TermNote:
    """An explanation shown for a marked term; rendered outside the notice text, referenced by id."""

    id: str
    term: str
    explanation: str


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
    # A light view (light_view) has no text: preamble, parts, term_notes and overview are None, and lead holds
    # the first sentence its share tags quote. None in a full view (first_sentence reads the text).
    lead: str | None = None


_SENTENCE = re.compile(r"^.*?[。！？]")


def first_sentence(view: NoticeView) -> str:
    """The first sentence of the notice text (the whole first paragraph when it has no full stop)."""
    if view.lead is not None:
        return view.lead
    for node in walk(view.preamble, view.parts):
        if isinstance(node, Para) and (node.lead + node.text).strip():
            text = (node.lead + node.text).strip()
            match = _SENTENCE.match(text)
            return match.group() if match else text
    return view.invitation


def light_view(view: NoticeView) -> NoticeView:
    """The view without its text: all that lists, the navigation, the search page, the banner, share tags and
    the order of feeds read of a notice, a sixth of a full view to unpickle. Whatever would show the text
    (a render, feed items, open data) fails on it (None is not iterable) instead of showing less."""
    return dataclasses.replace(view, lead=first_sentence(view), preamble=None, parts=None, term_notes=None,
                               overview=None)


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
