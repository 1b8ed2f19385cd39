"""Lists that stay short: the portal's list pages (all notices, per unit, per round, per year), paginated.

A site is a *portal* when it has more than one unit, more than one round or more
notices than the home page shows; only then are list pages made and the
navigation lists sections instead of notices. A one-body site with a few notices
keeps its simple home page and navigation.

Every list is newest first, PAGE_SIZE entries a page, at <list>/, <list>/page/2/ …
Each page links every page of its list, so any notice is at most four clicks from
the home page: home -> a list -> one of its pages -> the notice (a unit: home ->
按单位 -> its page -> the unit -> the notice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core import texts, urls
from disclosures.core.timewindow import format_window
from disclosures.core.typography import present
from disclosures.load.portal import Directory
from disclosures.model.viewmodels import Link, NoticeView, WindowView

PAGE_SIZE = 20
HOME_NEWEST = 20  # newest notices on a portal's home page
HOME_OPEN = 10  # notices open for comment on a portal's home page, soonest-closing first (all: the feedback pages)


@dataclass(frozen=True)
class Entry:
    """One notice in a list."""

    id: str
    title: str
    href: str  # relative to the list page
    issuer: str
    round: str
    published: str
    published_iso: str
    window: WindowView | None
    draft_note: str


@dataclass(frozen=True)
class GroupLink:
    """A unit, round or year in an index, or a unit on its round's page."""

    label: str
    href: str  # relative; empty for a declared unit that has not published
    note: str  # 3 篇 / 尚未公开


@dataclass(frozen=True)
class PageLink:
    label: str
    href: str  # "" for a gap (…) between the pages linked
    current: bool


@dataclass(frozen=True)
class Pager:
    label: str  # 第 2 / 5 页
    previous: str  # href or ""
    next: str
    pages: tuple[PageLink, ...]


@dataclass(frozen=True)
class ListPage:
    url: str
    title: str  # h1 and page title
    lines: tuple[str, ...]  # count, completeness, dates
    groups_title: str
    groups: tuple[GroupLink, ...]
    entries: tuple[Entry, ...]
    pager: Pager | None
    feeds: tuple[Link, ...] = ()  # visible links, relative
    feed_paths: tuple[tuple[str, str], ...] = ()  # (media type, site-root path) for autodiscovery


@dataclass(frozen=True)
class Group:
    """The notices of one unit, round or year, newest first."""

    id: str
    name: str
    url: str
    notices: tuple[tuple[r.Notice, NoticeView], ...]
    unit_ids: tuple[str, ...] = ()  # the unit of each notice, in the same order
    declared: tuple[tuple[str, str], ...] = ()  # a round's declared units: (unit id, name)
    dates: str = ""  # a round's inspection dates


@dataclass(frozen=True)
class Portal:
    notices: tuple[tuple[r.Notice, NoticeView], ...]  # newest first
    units: tuple[Group, ...]
    rounds: tuple[Group, ...]
    years: tuple[Group, ...]

    @property
    def active(self) -> bool:
        return len(self.units) > 1 or len(self.rounds) > 1 or len(self.notices) > HOME_NEWEST

    @property
    def kind(self) -> str:
        """巡察, 巡视 or both, as its notices report them: the word of its round labels (巡视专题 …)."""
        return inspection_word(n for n, _ in self.notices)


def inspection_word(notices: Iterable[r.Notice]) -> str:
    """The kind of inspection the notices report: 巡察 or 巡视 when all say the same, 巡视巡察 when both
    occur, 巡察 (the default kind) when none names an inspection."""
    kinds = {n.inspection.kind for n in notices if n.inspection}
    if len(kinds) > 1:
        return texts.INSPECTION_KINDS_BOTH
    return next(iter(kinds), r.INSPECTION_KINDS[0])


def _dates(entry: r.RoundEntry, notices: Iterable[r.Notice]) -> str:
    """The round's dates: declared, else the span of its inspections."""
    if entry.start and entry.end:
        return format_window(r.Window(entry.start, entry.end))
    # A notice may leave out its inspection's period (check refuses half a period).
    spans = [(n.inspection.start, n.inspection.end) for n in notices
             if n.inspection and n.inspection.start and n.inspection.end]
    if not spans:
        return ""
    return format_window(r.Window(min(start for start, _ in spans), max(end for _, end in spans)))


def portal_of(chosen: list[tuple[r.Notice, NoticeView]], directory: Directory) -> Portal:
    """Group the notices a build shows (newest first) by unit, round and year."""
    units: dict[str, list] = {}
    unit_names: dict[str, str] = {}
    rounds: dict[str, list] = {}
    round_entries: dict[str, r.RoundEntry] = {}
    years: dict[int, list] = {}
    for notice, view in chosen:
        unit_id, unit_name = directory.unit_of(notice.issuer.name)
        units.setdefault(unit_id, []).append((notice, view))
        unit_names.setdefault(unit_id, unit_name)
        entry = directory.round_of(notice)
        if entry:
            rounds.setdefault(entry.id, []).append((notice, view, unit_id))
            round_entries[entry.id] = entry
        years.setdefault(notice.published.year, []).append((notice, view))
    unit_groups = tuple(Group(i, unit_names[i], urls.unit_url(i), tuple(items)) for i, items in units.items())
    round_groups = tuple(
        Group(i, round_entries[i].name, urls.round_url(i), tuple((n, v) for n, v, _ in items),
              unit_ids=tuple(u for _, _, u in items),
              declared=tuple(directory.unit_ref(ref) for ref in round_entries[i].units),
              dates=_dates(round_entries[i], (n for n, _, _ in items)))
        for i, items in rounds.items())
    year_groups = tuple(Group(str(y), texts.LIST_YEAR_NAME.format(year=y), urls.year_url(y), tuple(items))
                        for y, items in sorted(years.items(), reverse=True))
    # Newest first: a group's place is that of its newest notice (chosen is newest first).
    return Portal(tuple(chosen), unit_groups, round_groups, year_groups)


def entry(notice: r.Notice, view: NoticeView, from_url: str, round_shown: bool = True) -> Entry:
    """A notice's card on the page at from_url (round_shown: its inspection round among the facts, if it has one)."""
    shown = round_shown and notice.inspection and notice.inspection.round
    return Entry(view.id, view.title, urls.relative_url(from_url, view.url), view.issuer,
                 present(notice.inspection.round) if shown else "",
                 view.published, view.published_iso, view.window, view.draft_note)


PAGER_AROUND = 3  # page links on each side of the current one; the first and the last are always linked
PAGER_MOST = 2 * PAGER_AROUND + 5  # entries of a pager at most (gaps included): a list this long links every page


def shown_pages(page: int, pages: int) -> list[int | None]:
    """The page numbers a pager links, None where it leaves a gap: 1 … 3 4 5 [6] 7 8 9 … 50.

    A pager linking every page would grow with the list (50 links at 1,000 notices); this one has at most
    PAGER_MOST entries, and a list of up to PAGER_MOST pages (220 notices) links every page, so every
    page stays one click away. A gap of one page shows that page instead.
    """
    if pages <= PAGER_MOST:
        return list(range(1, pages + 1))
    keep = sorted({1, pages, *range(max(1, page - PAGER_AROUND), min(pages, page + PAGER_AROUND) + 1)})
    shown: list[int | None] = []
    for previous, n in zip([0, *keep], keep):
        if n - previous == 2 and previous:
            shown.append(previous + 1)
        elif n - previous > 2 and previous:
            shown.append(None)
        shown.append(n)
    return shown


def pager(list_url: str, page: int, pages: int) -> Pager | None:
    if pages <= 1:
        return None
    here = urls.list_page_url(list_url, page)

    def href(n: int) -> str:
        return urls.relative_url(here, urls.list_page_url(list_url, n))

    return Pager(texts.PAGINATION_OF.format(page=page, pages=pages),
                 href(page - 1) if page > 1 else "", href(page + 1) if page < pages else "",
                 tuple(PageLink(str(n), href(n), n == page) if n else PageLink(texts.PAGINATION_GAP, "", False)
                       for n in shown_pages(page, pages)))


def paginate(list_url: str, title: str, items: tuple[tuple[r.Notice, NoticeView], ...],
             lines: tuple[str, ...] = (), groups_title: str = "", groups: tuple[GroupLink, ...] = (),
             feed_paths: tuple[str, str] | None = None) -> list[ListPage]:
    """The pages of one list of notices; the groups (a round's units) and lines show on page 1 only."""
    pages = max(1, -(-len(items) // PAGE_SIZE))
    out = []
    for page in range(1, pages + 1):
        url = urls.list_page_url(list_url, page)
        chunk = items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        feeds: tuple[Link, ...] = ()
        discovery: tuple[tuple[str, str], ...] = ()
        if feed_paths:
            rss, json_feed = feed_paths
            feeds = (Link("RSS", urls.relative_url(url, rss), "application/rss+xml"),
                     Link("JSON Feed", urls.relative_url(url, json_feed), "application/feed+json"))
            discovery = (("application/rss+xml", rss), ("application/feed+json", json_feed))
        out.append(ListPage(
            url=url,
            title=title if page == 1 else texts.LIST_PAGE_TITLE.format(title=title, page=page),
            lines=lines if page == 1 else (),
            groups_title=groups_title if page == 1 else "",
            groups=groups if page == 1 else (),
            entries=tuple(entry(n, v, url) for n, v in chunk),
            pager=pager(list_url, page, pages),
            feeds=feeds,
            feed_paths=discovery,
        ))
    return out


def _count(items) -> str:
    return texts.LIST_COUNT.format(count=len(items))


def _index(list_url: str, title: str, groups: tuple[Group, ...]) -> list[ListPage]:
    """An index of units, rounds or years, paginated like the lists."""
    pages = max(1, -(-len(groups) // PAGE_SIZE))
    out = []
    for page in range(1, pages + 1):
        url = urls.list_page_url(list_url, page)
        chunk = groups[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        links = tuple(GroupLink(g.name if not g.dates else f"{g.name}（{g.dates}）", urls.relative_url(url, g.url),
                                texts.LIST_GROUP_COUNT.format(count=len(g.notices))) for g in chunk)
        out.append(ListPage(url, title if page == 1 else texts.LIST_PAGE_TITLE.format(title=title, page=page),
                            (), "", links, (), pager(list_url, page, pages)))
    return out


def _round_units(group: Group) -> tuple[tuple[str, ...], tuple[GroupLink, ...]]:
    """The completeness line and the units of a round: declared ones in their order, then the others."""
    published: dict[str, NoticeView] = {}  # unit id -> its newest notice in the round
    for (_, view), uid in zip(group.notices, group.unit_ids):
        published.setdefault(uid, view)
    lines = []
    links = []
    if group.declared:
        declared = dict(group.declared)  # a unit named twice counts once
        done = [uid for uid in declared if uid in published]
        lines.append(texts.LIST_ROUND_COMPLETENESS.format(published=len(done), declared=len(declared)))
        for uid, name in declared.items():
            view = published.get(uid)
            links.append(GroupLink(present(name), urls.relative_url(group.url, view.url), "") if view
                         else GroupLink(present(name), "", texts.LIST_UNIT_MISSING))
    for uid, view in published.items():
        if uid not in dict(group.declared):
            links.append(GroupLink(view.issuer, urls.relative_url(group.url, view.url), ""))
    return tuple(lines), tuple(links)


def list_pages(portal: Portal) -> list[ListPage]:
    """Every list page of a portal (none for a simple site)."""
    if not portal.active:
        return []
    pages = paginate(urls.NOTICES_URL, texts.LIST_ALL_TITLE, portal.notices, (_count(portal.notices),))
    pages += _index(urls.UNITS_URL, texts.LIST_UNITS_TITLE, portal.units)
    for g in portal.units:
        pages += paginate(g.url, texts.LIST_UNIT_TITLE.format(name=present(g.name)), g.notices, (_count(g.notices),),
                          feed_paths=urls.list_feed_paths(g.url))
    pages += _index(urls.ROUNDS_URL, texts.LIST_ROUNDS_TITLE.format(kind=portal.kind), portal.rounds)
    for g in portal.rounds:
        lines, units = _round_units(g)
        kind = inspection_word(n for n, _ in g.notices)
        if g.dates:
            lines = (texts.LIST_ROUND_DATES.format(kind=kind, dates=g.dates), *lines)
        pages += paginate(g.url, texts.LIST_ROUND_TITLE.format(name=present(g.name)), g.notices,
                          (*lines, _count(g.notices)), texts.LIST_UNITS_OF_ROUND.format(kind=kind), units,
                          feed_paths=urls.list_feed_paths(g.url))
    pages += _index(urls.YEARS_URL, texts.LIST_YEARS_TITLE, portal.years)
    for g in portal.years:
        pages += paginate(g.url, texts.LIST_YEAR_TITLE.format(year=g.name), g.notices, (_count(g.notices),))
    return pages


@dataclass(frozen=True)
class Home:
    """What the home page lists: a portal's open and newest notices and its lists, or a simple site's every
    notice. Both show their notices as the same cards (card.html) as the list pages."""

    portal: bool
    newest: tuple[Entry, ...]  # a portal's HOME_NEWEST newest; every notice of a simple site (newest first)
    open: tuple[Entry, ...] = ()  # open or upcoming at build time, soonest end first; window-status.js hides closed
    browse: tuple[GroupLink, ...] = ()
    feedback_href: str = ""


def home_of(portal: Portal) -> Home:
    here = urls.HOME_URL
    if not portal.active:
        # A simple site's notices come from one body; a round is told on the notice page, not on its card.
        return Home(portal=False, newest=tuple(entry(n, v, here, round_shown=False) for n, v in portal.notices))
    waiting = [(n, v) for n, v in portal.notices if v.window and v.window.status.state != "closed"]
    waiting.sort(key=lambda nv: (nv[1].window.end_iso, nv[1].id))
    browse = (GroupLink(texts.LIST_ALL_TITLE, urls.relative_url(here, urls.NOTICES_URL),
                        texts.LIST_GROUP_COUNT.format(count=len(portal.notices))),
              GroupLink(texts.LIST_UNITS_TITLE, urls.relative_url(here, urls.UNITS_URL), texts.HOME_UNIT_COUNT.format(count=len(portal.units))),
              GroupLink(texts.LIST_ROUNDS_TITLE.format(kind=portal.kind), urls.relative_url(here, urls.ROUNDS_URL), texts.HOME_ROUND_COUNT.format(count=len(portal.rounds))),
              GroupLink(texts.LIST_YEARS_TITLE, urls.relative_url(here, urls.YEARS_URL), texts.HOME_YEAR_COUNT.format(count=len(portal.years))))
    return Home(portal=True, open=tuple(entry(n, v, here) for n, v in waiting[:HOME_OPEN]),
                newest=tuple(entry(n, v, here) for n, v in portal.notices[:HOME_NEWEST]),
                browse=browse, feedback_href=urls.relative_url(here, urls.FEEDBACK_URL))
