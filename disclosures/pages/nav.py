"""The site navigation MkDocs shows, with Chinese titles (auto-nav would title folders in English)."""

from __future__ import annotations

import html

from disclosures.core import texts
from disclosures.core.urls import (FEEDBACK_URL, GLOSSARY_URL, NOTICES_URL, ROUNDS_URL, SUBSCRIBE_URL, UNITS_URL,
                                   YEARS_URL, page_source)
from disclosures.model.viewmodels import NoticeView
from disclosures.pages.lists import Portal


def nav(notices: list[NoticeView], glossary: bool, portal: Portal | None = None) -> list[dict]:
    """MkDocs nav: home, the notices newest first (a portal: its lists, never every notice), feedback,
    the glossary (if any), subscribe."""
    items: list[dict] = [{texts.HOME_TITLE: "index.md"}]
    if portal is not None and portal.active:
        items.append({texts.NAV_NOTICES: page_source(NOTICES_URL)})
        items.append({texts.NAV_UNITS: page_source(UNITS_URL)})
        if portal.rounds:
            items.append({texts.NAV_ROUNDS.format(kind=portal.kind): page_source(ROUNDS_URL)})
        items.append({texts.NAV_YEARS: page_source(YEARS_URL)})
    elif notices:
        # MkDocs and Material print nav titles as HTML: escape what came from data.
        items.append({texts.NOTICES_TITLE: [{html.escape(n.title): page_source(n.url)} for n in notices]})
    items.append({texts.FEEDBACK_TITLE: page_source(FEEDBACK_URL)})
    if glossary:
        items.append({texts.GLOSSARY_TITLE: page_source(GLOSSARY_URL)})
    items.append({texts.SUBSCRIBE_TITLE: page_source(SUBSCRIBE_URL)})
    return items
