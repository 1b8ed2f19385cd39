"""Mark the first use of each glossary term in a notice's paragraphs, in the order the page shows them.

Only body paragraphs are marked (not headings): a term link inside a heading
would be a link inside every table-of-contents and search entry. The order is
the view's one walk (viewmodels.walk). The template renders a marked paragraph
from its segments, escaping each one, so no HTML is ever pieced together from
strings here.
"""

from __future__ import annotations

import dataclasses

from . import records as r
from .glossary import FirstUse
from .urls import GLOSSARY_URL, relative_url
from .viewmodels import NoticeView, Para, map_paras


def mark_terms(view: NoticeView, glossary: tuple[r.GlossaryEntry, ...]) -> NoticeView:
    """The view with each term's first use cut out as a segment, and the explanations to show for them."""
    if not glossary:
        return view
    marker = FirstUse(glossary, relative_url(view.url, GLOSSARY_URL))

    def mark(p: Para) -> Para:
        lead_parts = marker.split(p.lead)
        text_parts = marker.split(p.text)
        if not lead_parts and not text_parts:
            return p
        return dataclasses.replace(p, lead_parts=lead_parts, text_parts=text_parts)

    return dataclasses.replace(map_paras(view, mark), term_notes=tuple(marker.notes))
