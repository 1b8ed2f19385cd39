"""View models: everything a template shows, prepared in Python (templates only loop and format).

Numbering is derived here from order: parts 一、, sections (一), themes 1. and
problems (1) run on through the whole notice, measures 一是 restart in each
problem. Anchors are documented in the README and never change meaning:
#part-N, #part-N-section-M, #theme-N, #problem-N.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from dataclasses import dataclass, field

from . import numbering as num
from . import records as r
from .glossary import Segment, TermNote
from .overview import Overview, overview_of
from . import texts
from .timewindow import (WindowStatus, beijing_date, closed_note, format_date, format_moment, format_window,
                         iso_bounds, shown_when, status_at)
from .typography import to_fullwidth


def present(text: str) -> str:
    """Text as readers see it: Chinese punctuation full-width."""
    return to_fullwidth(text)


def notice_url(notice_id: str) -> str:
    return f"disclosures/{notice_id}/"


FEEDBACK_URL = "feedback/"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from a directory-style page URL ("" is home) to a page ("…/") or a file ("feed.xml"),
    relative so that the site works under any sub-path."""
    target = posixpath.relpath("/" + to_url, "/" + from_url)
    if to_url and not to_url.endswith("/"):
        return target  # a file
    return "./" if target == "." else target + "/"


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


@dataclass(frozen=True)
class PartView:
    label: str
    heading: str
    anchor: str
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
class ContactItem:
    label: str  # 联系电话
    value: str
    href: str  # tel:/mailto: link, or empty
    note: str  # (工作时间08:30—17:30)


@dataclass(frozen=True)
class ContactView:
    phone: str
    phone_uri: str
    hours: str  # 08:30—17:30
    address: str
    postcode: str
    envelope_note: str
    email: str
    items: tuple[ContactItem, ...]


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


def _para(p: r.Paragraph, label: str = "") -> Para:
    return Para(lead=present(p.lead), text=present(p.text), label=label)


def _measures(items: tuple[r.Paragraph, ...]) -> tuple[Para, ...]:
    return tuple(_para(p, num.measure_label(i)) for i, p in enumerate(items, start=1))


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
            problems.append(ProblemView(n, num.problem_label(n), present(problem.heading), f"problem-{n}",
                                        level + 1, _measures(problem.measures)))
        t = counter.theme
        views.append(ThemeView(t, num.theme_label(t), present(theme.heading), f"theme-{t}", level, tuple(problems)))
    return tuple(views)


def _sections(part_no: int, sections: tuple[r.Section, ...], counter: _Counter) -> tuple[SectionView, ...]:
    views = []
    for i, s in enumerate(sections, start=1):
        views.append(SectionView(
            label=num.section_label(i),
            heading=present(s.heading),
            run_in=_para(s.run_in) if s.run_in else None,
            anchor=f"part-{part_no}-section-{i}",
            level=3,
            paragraphs=tuple(_para(p) for p in s.paragraphs),
            themes=_themes(s.themes, 4, counter),
            measures=_measures(s.measures),
        ))
    return tuple(views)


def contact_view(contact: r.Contact) -> ContactView:
    phone = contact.phone
    hours = f"{phone.hours.start}—{phone.hours.end}" if phone and phone.hours else ""
    postal = contact.postal
    items = []
    if phone:
        items.append(ContactItem("联系电话", phone.number, "tel:" + phone.number.replace(" ", ""),
                                 f"（工作时间{hours}）" if hours else ""))
    if postal:
        note = f"（信封上注明“{present(postal.envelope_note)}”）" if postal.envelope_note else ""
        items.append(ContactItem("邮政信箱", present(postal.address), "", note))
        items.append(ContactItem("邮政编码", postal.postcode, "", ""))
    if contact.email:
        items.append(ContactItem("电子邮箱", contact.email, "mailto:" + contact.email, ""))
    return ContactView(
        phone=phone.number if phone else "",
        phone_uri="tel:" + phone.number.replace(" ", "") if phone else "",
        hours=hours,
        address=present(postal.address) if postal else "",
        postcode=postal.postcode if postal else "",
        envelope_note=present(postal.envelope_note) if postal else "",
        email=contact.email,
        items=tuple(items),
    )


def window_view(window: r.Window, now: dt.datetime) -> WindowView:
    start_iso, end_iso = iso_bounds(window)
    return WindowView(format_window(window), start_iso, end_iso, status_at(window, now), closed_note(window),
                      texts.STATUS_AS_OF.format(moment=format_moment(now)))


def _toc(parts: tuple[PartView, ...]) -> list[dict]:
    """MkDocs TOC tokens down to the themes (problems would make it too long to scan)."""

    def token(level: int, anchor: str, name: str, children: list[dict]) -> dict:
        # Material prints TOC names as HTML: escape the headings that came from data.
        return {"level": level, "id": anchor, "name": html.escape(name), "children": children}

    toc = []
    for part in parts:
        children = []
        for s in part.sections:
            if s.heading:
                children.append(token(3, s.anchor, s.label + s.heading,
                                      [token(4, t.anchor, t.label + t.heading, []) for t in s.themes]))
        children += [token(3, t.anchor, t.label + t.heading, []) for t in part.themes]
        toc.append(token(2, part.anchor, part.label + part.heading, children))
    return toc


def _facts(notice: r.Notice, window: WindowView | None) -> tuple[Fact, ...]:
    facts = [Fact("发布单位", present(notice.issuer.name))]
    if notice.inspection:
        ins = notice.inspection
        facts.append(Fact("巡察组", present(ins.body) + (f"（{present(ins.round)}）" if ins.round else "")))
        facts.append(Fact("巡察时间", format_window(r.Window(ins.start, ins.end))))
        facts.append(Fact("反馈时间", format_date(ins.feedback)))
    facts.append(Fact("发布日期", format_date(notice.published)))
    if window:
        facts.append(Fact("公开期限", window.text))
    return tuple(facts)


def revision_views(revisions: tuple[r.Revision, ...], now: dt.datetime) -> tuple[RevisionView, ...]:
    """Revisions already public on the build's day (Beijing): a dated update is announced on its day."""
    today = beijing_date(now)
    return tuple(RevisionView(format_date(rev.date), rev.date.isoformat(), present(rev.note),
                              f"revision-{rev.date.isoformat()}") for rev in revisions if rev.date <= today)


def notice_view(notice: r.Notice, site: r.Site, now: dt.datetime, draft_note: str = "") -> NoticeView:
    counter = _Counter()
    parts = []
    for i, part in enumerate(notice.parts, start=1):
        theme_level = 3
        parts.append(PartView(
            label=num.part_label(i),
            heading=present(part.heading),
            anchor=f"part-{i}",
            paragraphs=tuple(_para(p) for p in part.paragraphs),
            sections=_sections(i, part.sections, counter),
            themes=_themes(part.themes, theme_level, counter),
            closing=tuple(_para(p) for p in part.closing),
        ))
    window = window_view(notice.window, now) if notice.window else None
    parts_t = tuple(parts)
    overview = overview_of(notice)
    toc = _toc(parts_t)
    if overview:
        toc.insert(0, {"level": 2, "id": "overview", "name": "概览", "children": []})
    return NoticeView(
        id=notice.id,
        url=notice_url(notice.id),
        title=present(notice.title),
        issuer=present(notice.issuer.name),
        published=format_date(notice.published),
        published_iso=notice.published.isoformat(),
        window=window,
        facts=_facts(notice, window),
        preamble=tuple(_para(p) for p in notice.preamble),
        parts=parts_t,
        invitation=present(notice.invitation),
        contact=contact_view(notice.contact or site.contact),
        signature_name=present(notice.signature.name),
        signature_date=format_date(notice.signature.date),
        problem_count=counter.problem,
        theme_count=counter.theme,
        toc=toc,
        draft_note=draft_note,
        revisions=revision_views(notice.revisions, now),
        overview=overview,
    )
