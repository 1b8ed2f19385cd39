"""The search page /search/: the form with its filters, and the notice lists for readers without JavaScript.

The filter choices are written into the page at build time (every unit, round
and year of the public notices, taken from the filters the notice pages give
Pagefind in searchmarks.py, so the two always agree), so a reader can filter
without typing and before the index is loaded. Without JavaScript, a simple
site lists its notices here; a portal links its list pages instead, so the
page does not grow with the number of notices.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.urls import NOTICES_URL, ROUNDS_URL, SEARCH_URL, UNITS_URL, YEARS_URL, relative_url
from disclosures.model.searchmarks import ROUND, UNIT, YEAR
from disclosures.model.viewmodels import Link, NoticeView


@dataclass(frozen=True)
class SearchPage:
    units: tuple[str, ...]
    rounds: tuple[str, ...]
    years: tuple[str, ...]  # newest first
    round_label: str  # 巡察轮次, or 巡视轮次 where the notices report 巡视 (lists.inspection_word)
    notices: tuple[Link, ...]  # a simple site's notices, newest first, or a portal's list pages
    home: str  # link to the home page (its list of notices)


def search_page(views: list[NoticeView], portal: bool = False, rounds: bool = False,
                kind: str = r.INSPECTION_KINDS[0]) -> SearchPage:
    """The search page for the notices of this build (newest first, as build.py orders them); portal: link
    the list pages (rounds: the portal has a rounds list) rather than every notice; kind: the notices'
    word for their inspections (巡察, 巡视 or both)."""
    def values(name: str) -> set[str]:
        return {value for v in views if v.search for key, value in v.search.filters if key == name}

    if portal:
        lists = [(texts.NAV_NOTICES, NOTICES_URL), (texts.NAV_UNITS, UNITS_URL)]
        lists += [(texts.NAV_ROUNDS.format(kind=kind), ROUNDS_URL)] if rounds else []
        lists += [(texts.NAV_YEARS, YEARS_URL)]
        links = tuple(Link(label, relative_url(SEARCH_URL, url)) for label, url in lists)
    else:
        links = tuple(Link(v.title, relative_url(SEARCH_URL, v.url)) for v in views)
    return SearchPage(units=tuple(sorted(values(UNIT))), rounds=tuple(sorted(values(ROUND))),
                      years=tuple(sorted(values(YEAR), reverse=True)),
                      round_label=texts.SEARCH_FILTER_ROUND.format(kind=kind), notices=links,
                      home=relative_url(SEARCH_URL, ""))
