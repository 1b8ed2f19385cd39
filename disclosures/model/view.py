"""The model step: one notice record -> the NoticeView its page, feeds and downloads show.

It puts together the numbered body (numbered.py), the key facts, the window's
status at the build's reference time, the revisions already public, the contact
channels (contacts.py), the overview and the table of contents.
"""

from __future__ import annotations

import datetime as dt
import html

from disclosures.core import records as r
from disclosures.core import texts, urls
from disclosures.core.timewindow import (beijing_date, closed_note, format_date, format_moment, format_window,
                                         iso_bounds, status_at)
from disclosures.core.typography import present
from disclosures.model.contacts import contact_view
from disclosures.model.overview import overview_of
from disclosures.model.viewmodels import Fact, NoticeView, RevisionView, WindowView
from disclosures.numbering.body import PartView
from disclosures.numbering.numbered import NumberedBody, numbered_body


def as_of_text(now: dt.datetime) -> str:
    """截至…（本页生成时）: the moment a built page states its window status for."""
    return texts.STATUS_AS_OF.format(moment=format_moment(now))


def window_view(window: r.Window, now: dt.datetime) -> WindowView:
    start_iso, end_iso = iso_bounds(window)
    return WindowView(format_window(window), start_iso, end_iso, status_at(window, now), closed_note(window),
                      as_of_text(now))


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
                children.append(token(s.level, s.anchor, s.label + s.heading,
                                      [token(s.level + 1, t.anchor, t.label + t.heading, []) for t in s.themes]))
        children += [token(3, t.anchor, t.label + t.heading, []) for t in part.themes]
        if part.heading:
            toc.append(token(2, part.anchor, part.label + part.heading, children))
        else:  # the top level is （一）: its sections are the first level of the contents
            toc += children
    return toc


def metadata_values(notice: r.Notice) -> tuple[tuple[str, str], ...]:
    """The 政务公开 block as data: 成文日期 is the signature date, 发布日期 the publication date."""
    meta = notice.metadata
    if meta is None:
        return ()
    values = [("index", meta.index), ("publisher", present(meta.publisher or notice.issuer.name)),
              ("written", notice.signature.date.isoformat()), ("published", notice.published.isoformat())]
    if meta.document_number:
        values.append(("document_number", present(meta.document_number)))
    if meta.topic:
        values.append(("topic", present(meta.topic)))
    return tuple(values)


def _metadata_facts(notice: r.Notice) -> list[Fact]:
    """The block as key facts, in the order government disclosure pages print it (发布日期 follows below)."""
    values = dict(metadata_values(notice))
    if not values:
        return []
    facts = [Fact(texts.META_INDEX, values["index"])]
    if "topic" in values:
        facts.append(Fact(texts.META_TOPIC, values["topic"]))
    facts.append(Fact(texts.META_PUBLISHER, values["publisher"]))
    facts.append(Fact(texts.META_WRITTEN, format_date(notice.signature.date)))
    if "document_number" in values:
        facts.append(Fact(texts.META_DOCUMENT_NUMBER, values["document_number"]))
    return facts


def _facts(notice: r.Notice, window: WindowView | None) -> tuple[Fact, ...]:
    facts = _metadata_facts(notice)
    facts.append(Fact(texts.FACT_ISSUER, present(notice.issuer.name)))
    if notice.inspection:
        ins = notice.inspection
        body = present(ins.body)
        if ins.round:
            body = texts.FACT_INSPECTION_ROUND.format(body=body, round=present(ins.round))
        facts.append(Fact(texts.FACT_INSPECTION_BODY.format(kind=ins.kind), body))
        if ins.start and ins.end:  # a notice may leave out the period or the feedback date
            facts.append(Fact(texts.FACT_INSPECTION_PERIOD.format(kind=ins.kind),
                              format_window(r.Window(ins.start, ins.end))))
        if ins.feedback:
            facts.append(Fact(texts.FACT_FEEDBACK_DATE, format_date(ins.feedback)))
    facts.append(Fact(texts.FACT_PUBLISHED, format_date(notice.published)))
    if window:
        facts.append(Fact(texts.FACT_WINDOW, window.text))
    return tuple(facts)


def revision_views(revisions: tuple[r.Revision, ...], now: dt.datetime) -> tuple[RevisionView, ...]:
    """Revisions already public on the build's day (Beijing): a dated update is announced on its day."""
    today = beijing_date(now)
    return tuple(RevisionView(format_date(rev.date), rev.date.isoformat(), present(rev.note),
                              urls.revision_anchor(rev.date)) for rev in revisions if rev.date <= today)


def notice_view(notice: r.Notice, site: r.Site, now: dt.datetime, draft_note: str = "",
                body: NumberedBody | None = None) -> NoticeView:
    """body: numbered_body(notice), when the caller has it already."""
    body = body or numbered_body(notice)
    window = window_view(notice.window, now) if notice.window else None
    overview = overview_of(body.parts, notice.figures)
    toc = _toc(body.parts)
    if overview:
        toc.insert(0, {"level": 2, "id": urls.OVERVIEW_ANCHOR, "name": texts.OVERVIEW_HEADING, "children": []})
    return NoticeView(
        id=notice.id,
        url=urls.notice_url(notice.id),
        title=present(notice.title),
        issuer=present(notice.issuer.name),
        published=format_date(notice.published),
        published_iso=notice.published.isoformat(),
        window=window,
        facts=_facts(notice, window),
        preamble=body.preamble,
        parts=body.parts,
        invitation=present(notice.invitation),
        contact=contact_view(notice.contact or site.contact),
        signature_name=present(notice.signature.name),
        signature_date=format_date(notice.signature.date),
        problem_count=body.problems,
        theme_count=body.themes,
        toc=toc,
        draft_note=draft_note,
        revisions=revision_views(notice.revisions, now),
        overview=overview,
        metadata=metadata_values(notice),
    )
