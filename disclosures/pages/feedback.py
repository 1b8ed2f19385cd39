"""The feedback page (/feedback/): every contact channel of every published notice, each usable in one step.

Several notices may each have their own contact, so the page holds one block per
published notice, titled with the notice: notices open for comment first, then
upcoming ones, then those without a window, then closed ones; newest first within
each group. Every block keeps listing its channels after its window has closed.

Window-dependent sentences carry data-window-when and are hidden at build time
unless they match the build's status; window-status.js re-decides on the day the
page is read.
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.safe import json_for_script
from disclosures.core.timewindow import format_date
from disclosures.core.typography import present
from disclosures.core.urls import (FEEDBACK_URL, NOTICES_URL, ROUNDS_URL, UNITS_URL, YEARS_URL, feedback_anchor,
                                   list_page_url, relative_url)
from disclosures.model.viewmodels import Channel, NoticeView
from disclosures.pages.lists import Pager, inspection_word, pager

_ORDER = {"open": 0, "upcoming": 1, None: 2, "closed": 3}
PORTAL_BLOCKS = 5  # blocks per page of a portal's feedback pages (feedback/, feedback/page/2/ …)


@dataclass(frozen=True)
class WindowNote:
    when: str  # data-window-when: open / upcoming / closed (hidden per WindowView.hides in the template)
    text: str


@dataclass(frozen=True)
class Envelope:
    address: str
    postcode: str
    note: str  # what to write on the envelope, may be empty


@dataclass(frozen=True)
class FeedbackBlock:
    id: str  # anchor on the feedback page: the notice id, so a notice links to feedback/#<id>
    title: str
    notice_link: str  # relative to the feedback page
    notice: NoticeView
    invitation: str
    window_notes: tuple[WindowNote, ...]
    channels: tuple[Channel, ...]
    envelope: Envelope | None


@dataclass(frozen=True)
class FeedbackPage:
    title: str
    intro: str
    blocks: tuple[FeedbackBlock, ...]
    json_ld: str  # already escaped for a <script> element
    others_title: str = ""  # a portal: where the other notices' contacts are
    others_intro: str = ""
    others: tuple[tuple[str, str], ...] = ()  # (label, href) of the list pages
    url: str = FEEDBACK_URL
    pager: Pager | None = None  # a portal's feedback pages, when there are several

    @property
    def toc(self) -> list[dict]:
        # Material prints TOC names as HTML, so the title from data is escaped here.
        return [{"level": 2, "id": b.id, "name": html.escape(b.title), "children": []} for b in self.blocks]


def mail_subject(title: str) -> str:
    return present(texts.MAIL_SUBJECT.format(title=title))


def mail_body(title: str, page_url: str) -> str:
    """A template that starts the letter: which notice, where the comment goes, optional contact."""
    lines = [
        texts.MAIL_GREETING,
        "",
        present(texts.MAIL_OPENING.format(title=title, url=page_url)),
        "",
        "1. ",
        "",
        texts.MAIL_OPTIONAL,
        texts.MAIL_NAME,
        texts.MAIL_PHONE,
    ]
    return "\r\n".join(lines)  # RFC 6068: line breaks in a mailto body are CRLF


def mailto_href(email: str, subject: str, body: str) -> str:
    """RFC 6068 mailto: every byte outside the unreserved set is percent-encoded as UTF-8 (space is %20)."""
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def channels(notice: NoticeView, page_url: str) -> tuple[Channel, ...]:
    """The notice's channels (contacts.py) with a mailto link that starts the letter; the envelope note
    is shown on the envelope, not beside the address."""
    found = []
    for c in notice.contact.items:
        if c.key == "email":
            c = dataclasses.replace(c, href=mailto_href(c.value, mail_subject(notice.title),
                                                        mail_body(notice.title, page_url)))
        elif c.key == "address":
            c = dataclasses.replace(c, note="")
        found.append(c)
    return tuple(found)


def window_notes(notice: r.Notice, view: NoticeView) -> tuple[WindowNote, ...]:
    """What the block says before, during and after the window; the page shows the one that applies."""
    if not (notice.window and view.window):
        return ()
    w = notice.window
    span = view.window.text
    # Without an end time the last day counts whole (含当日); with one, comments are due by that time.
    due = format_date(w.end) + (w.end_time.strftime("%H:%M") if w.end_time else texts.FEEDBACK_DUE_WHOLE_DAY)
    notes = {
        "upcoming": texts.FEEDBACK_UPCOMING.format(span=span),
        "open": texts.FEEDBACK_OPEN.format(span=span, due=due),
        "closed": view.window.closed_note + texts.FEEDBACK_AFTER_CLOSE,
    }
    return tuple(WindowNote(when, present(text)) for when, text in notes.items())


def feedback_block(notice: r.Notice, view: NoticeView, site: r.Site, page_url: str = FEEDBACK_URL) -> FeedbackBlock:
    c = view.contact
    envelope = Envelope(c.address, c.postcode, c.envelope_note) if c.address else None
    return FeedbackBlock(
        id=feedback_anchor(view.id),
        title=view.title,
        notice_link=relative_url(page_url, view.url),
        notice=view,
        invitation=view.invitation,
        window_notes=window_notes(notice, view),
        channels=channels(view, urljoin(site.url, view.url)),
        envelope=envelope,
    )


def contact_points(notice: r.Notice, contact: r.Contact) -> list[dict]:
    """A ContactPoint per notice; its postal address as a PostalAddress (itself a kind of ContactPoint)."""
    point: dict = {"@type": "ContactPoint", "contactType": texts.FEEDBACK_CONTACT_TYPE, "name": present(notice.title),
                   "availableLanguage": "zh-CN"}
    if contact.phone:
        point["telephone"] = contact.phone.number
        if contact.phone.hours:
            point["hoursAvailable"] = {"@type": "OpeningHoursSpecification",
                                       "opens": contact.phone.hours.start, "closes": contact.phone.hours.end}
    if contact.email:
        point["email"] = contact.email
    points = [point]
    if contact.postal:
        points.append(postal_address(contact.postal) | {"contactType": texts.FEEDBACK_CONTACT_TYPE, "name": present(notice.title)})
    return points


def postal_address(postal: r.PostalAddress) -> dict:
    return {"@type": "PostalAddress", "streetAddress": postal.address, "postalCode": postal.postcode,
            "addressCountry": "CN"}


def json_ld(site: r.Site, notices: list[r.Notice]) -> str:
    org: dict = {"@context": "https://schema.org", "@type": "GovernmentOrganization", "name": site.publisher}
    if site.url:
        org["url"] = site.url
    if site.contact.postal:
        org["address"] = postal_address(site.contact.postal)
    org["contactPoint"] = [p for n in notices for p in contact_points(n, n.contact or site.contact)]
    return json_for_script(org)


def _waiting(notices: list[tuple[r.Notice, NoticeView]]) -> list[tuple[r.Notice, NoticeView]]:
    """Notices open or about to open at build time, open ones first, soonest-closing first."""
    waiting = [(n, v) for n, v in notices if v.window and v.window.status.state != "closed"]
    waiting.sort(key=lambda nv: (_ORDER[nv[1].window.status.state], nv[1].window.end_iso, nv[1].id))
    return waiting


def _others(page_url: str, kind: str) -> tuple[tuple[str, str], ...]:
    return tuple((label, relative_url(page_url, url)) for label, url in (
        (texts.LIST_ALL_TITLE, NOTICES_URL), (texts.LIST_UNITS_TITLE, UNITS_URL),
        (texts.LIST_ROUNDS_TITLE.format(kind=kind), ROUNDS_URL), (texts.LIST_YEARS_TITLE, YEARS_URL)))


def feedback_page(site: r.Site, notices: list[tuple[r.Notice, NoticeView]]) -> FeedbackPage:
    """A simple site's feedback page: a block per published notice (notices: newest first)."""
    ordered = sorted(notices, key=lambda nv: _ORDER[nv[1].window.status.state if nv[1].window else None])
    return FeedbackPage(
        title=texts.FEEDBACK_TITLE,
        intro=texts.FEEDBACK_INTRO,
        blocks=tuple(feedback_block(n, v, site) for n, v in ordered),
        json_ld=json_ld(site, [n for n, _ in ordered]),
    )


def feedback_pages(site: r.Site, notices: list[tuple[r.Notice, NoticeView]], portal: bool) -> list[FeedbackPage]:
    """A portal's feedback pages: the notices open for comment (or about to open) with their channels,
    PORTAL_BLOCKS a page, so no page grows with the site; the others are reached through the lists and
    keep their contact block on their own page. A simple site, or a portal with no more notices than
    fit on one page, gets the one page with a block for every notice (feedback_page)."""
    if not portal or len(notices) <= PORTAL_BLOCKS:
        return [feedback_page(site, notices)]
    waiting = _waiting(notices)
    kind = inspection_word(n for n, _ in notices)
    count = max(1, -(-len(waiting) // PORTAL_BLOCKS))
    pages = []
    for number in range(1, count + 1):
        url = list_page_url(FEEDBACK_URL, number)
        chosen = waiting[(number - 1) * PORTAL_BLOCKS: number * PORTAL_BLOCKS]
        title = texts.FEEDBACK_TITLE
        pages.append(FeedbackPage(
            title=title if number == 1 else texts.LIST_PAGE_TITLE.format(title=title, page=number),
            intro=texts.FEEDBACK_INTRO,
            blocks=tuple(feedback_block(n, v, site, url) for n, v in chosen),
            json_ld=json_ld(site, [n for n, _ in chosen]),
            others_title=texts.FEEDBACK_OTHERS_TITLE,
            others_intro=texts.FEEDBACK_OTHERS,
            others=_others(url, kind),
            url=url,
            pager=pager(FEEDBACK_URL, number, count),
        ))
    return pages
