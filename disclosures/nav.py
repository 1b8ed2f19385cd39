"""The site navigation MkDocs shows, with Chinese titles (auto-nav would title folders in English)."""

from __future__ import annotations

import html

from . import texts
from .urls import FEEDBACK_URL, GLOSSARY_URL, SUBSCRIBE_URL, page_source
from .viewmodels import NoticeView

def nav(notices: list[NoticeView], glossary: bool) -> list[dict]:
    """MkDocs nav: home, the notices newest first, feedback, the glossary (if any), subscribe."""
    items: list[dict] = [{texts.HOME_TITLE: "index.md"}]
    if notices:
        # MkDocs and Material print nav titles as HTML: escape what came from data.
        items.append({texts.NOTICES_TITLE: [{html.escape(n.title): page_source(n.url)} for n in notices]})
    items.append({texts.FEEDBACK_TITLE: page_source(FEEDBACK_URL)})
    if glossary:
        items.append({texts.GLOSSARY_TITLE: page_source(GLOSSARY_URL)})
    items.append({texts.SUBSCRIBE_TITLE: page_source(SUBSCRIBE_URL)})
    return items
