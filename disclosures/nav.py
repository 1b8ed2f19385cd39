"""The site navigation MkDocs shows, with Chinese titles (auto-nav would title folders in English)."""

from __future__ import annotations

import html

from . import texts
from .feedback import TITLE as FEEDBACK_TITLE
from .lists import Portal
from .urls import FEEDBACK_URL, GLOSSARY_URL, NOTICES_URL, ROUNDS_URL, SUBSCRIBE_URL, UNITS_URL, YEARS_URL, page_source
from .viewmodels import NoticeView

HOME_TITLE = "首页"
NOTICES_TITLE = "公示公告"
GLOSSARY_TITLE = "术语解释"
SUBSCRIBE_TITLE = "订阅"


def nav(notices: list[NoticeView], glossary: bool, portal: Portal | None = None) -> list[dict]:
    """MkDocs nav: home, the notices newest first (a portal: its lists, never every notice), feedback,
    the glossary (if any), subscribe."""
    items: list[dict] = [{HOME_TITLE: "index.md"}]
    if portal is not None and portal.active:
        items.append({texts.NAV_NOTICES: page_source(NOTICES_URL)})
        items.append({texts.NAV_UNITS: page_source(UNITS_URL)})
        if portal.rounds:
            items.append({texts.NAV_ROUNDS: page_source(ROUNDS_URL)})
        items.append({texts.NAV_YEARS: page_source(YEARS_URL)})
    elif notices:
        # MkDocs and Material print nav titles as HTML: escape what came from data.
        items.append({NOTICES_TITLE: [{html.escape(n.title): page_source(n.url)} for n in notices]})
    items.append({FEEDBACK_TITLE: page_source(FEEDBACK_URL)})
    if glossary:
        items.append({GLOSSARY_TITLE: page_source(GLOSSARY_URL)})
    items.append({SUBSCRIBE_TITLE: page_source(SUBSCRIBE_URL)})
    return items
