"""The site navigation MkDocs shows, with Chinese titles (auto-nav would title folders in English)."""

from __future__ import annotations

import html

from .feedback import TITLE as FEEDBACK_TITLE
from .urls import FEEDBACK_URL, GLOSSARY_URL, SUBSCRIBE_URL, page_source
from .viewmodels import NoticeView

HOME_TITLE = "首页"
NOTICES_TITLE = "公示公告"
GLOSSARY_TITLE = "术语解释"
SUBSCRIBE_TITLE = "订阅"


def nav(notices: list[NoticeView], glossary: bool) -> list[dict]:
    """MkDocs nav: home, the notices newest first, feedback, the glossary (if any), subscribe."""
    items: list[dict] = [{HOME_TITLE: "index.md"}]
    if notices:
        # MkDocs and Material print nav titles as HTML: escape what came from data.
        items.append({NOTICES_TITLE: [{html.escape(n.title): page_source(n.url)} for n in notices]})
    items.append({FEEDBACK_TITLE: page_source(FEEDBACK_URL)})
    if glossary:
        items.append({GLOSSARY_TITLE: page_source(GLOSSARY_URL)})
    items.append({SUBSCRIBE_TITLE: page_source(SUBSCRIBE_URL)})
    return items
