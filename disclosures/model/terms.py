"""Mark the first use of each glossary term in a notice's paragraphs, in the order the page shows them.

Only body paragraphs are marked (not headings): a term link inside a heading
would be a link inside every table-of-contents and search entry. The order is
the view's one walk (numbering/body.py). The template renders a marked paragraph
from its segments, escaping each one, so no HTML is ever pieced together from
strings here.
"""

from __future__ import annotations

import dataclasses

from disclosures.core import records as r
from disclosures.core import urls
from disclosures.core.typography import to_fullwidth
from disclosures.core.urls import GLOSSARY_URL, relative_url
from disclosures.model.viewmodels import NoticeView, TermNote, map_paras
from disclosures.numbering.body import Para, Segment


class FirstUse:
    """Marks the first use of each term on one page, in the order paragraphs are fed in."""

    def __init__(self, entries: tuple[r.GlossaryEntry, ...], glossary_href: str):
        # Longest form first, so 防止干预司法“三个规定” wins over a shorter alias inside it.
        self.forms = sorted(((to_fullwidth(form), e) for e in entries for form in (e.term, *e.aliases)),
                            key=lambda item: -len(item[0]))
        self.glossary_href = glossary_href
        self.notes: list[TermNote] = []
        self._done: set[str] = set()

    def _next(self, text: str, start: int) -> tuple[int, str, r.GlossaryEntry] | None:
        """The earliest use of any form (longest first at one place), explained already or not."""
        best = None
        for form, entry in self.forms:
            at = text.find(form, start)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, form, entry)
        return best

    def split(self, text: str) -> tuple[Segment, ...]:
        """The text cut around first uses, or () when it holds none (then the text is shown as is)."""
        segments: list[Segment] = []
        position = cut = 0
        while (found := self._next(text, position)) is not None:
            at, form, entry = found
            position = at + len(form)
            if entry.term in self._done:
                continue  # a later use, which also hides any shorter term inside it
            self._done.add(entry.term)
            note = TermNote(urls.term_tip_id(len(self.notes) + 1), to_fullwidth(entry.term),
                            to_fullwidth(entry.explanation))
            self.notes.append(note)
            if at > cut:
                segments.append(Segment(text[cut:at]))
            href = f"{self.glossary_href}#{urls.term_anchor(entry.term)}"
            segments.append(Segment(form, note.term, note.id, href))
            cut = position
        if not segments:
            return ()
        if cut < len(text):
            segments.append(Segment(text[cut:]))
        return tuple(segments)


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
