"""The search page /search/: the form with its filters, and the notice lists for readers without JavaScript.

The filter choices are written into the page at build time (every unit, round
and year of the public notices), so a reader can filter without typing and
before the index is loaded; search.js reads the chosen values by the same
filter names the notice pages give Pagefind (searchmarks.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import records as r
from .urls import SEARCH_URL, relative_url
from .viewmodels import Link, NoticeView


@dataclass(frozen=True)
class SearchPage:
    units: tuple[str, ...]
    rounds: tuple[str, ...]
    years: tuple[str, ...]  # newest first
    notices: tuple[Link, ...]  # every public notice, newest first, linked from the search page
    home: str  # link to the home page (its list of notices)


def search_page(chosen: list[tuple[r.Notice, NoticeView]]) -> SearchPage:
    """The search page for the notices of this build (newest first, as build.py orders them)."""
    rounds = {n.inspection.round for n, _ in chosen if n.inspection and n.inspection.round}
    return SearchPage(
        units=tuple(sorted({v.issuer for _, v in chosen})),
        rounds=tuple(sorted(rounds)),
        years=tuple(sorted({v.published_iso[:4] for _, v in chosen}, reverse=True)),
        notices=tuple(Link(v.title, relative_url(SEARCH_URL, v.url)) for _, v in chosen),
        home=relative_url(SEARCH_URL, ""),
    )
