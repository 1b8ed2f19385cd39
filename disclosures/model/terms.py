"""Mark the first use of each glossary term in a notice's paragraphs, in the order the page shows them.

Only body paragraphs are marked (not headings): a term link inside a heading
would be a link inside every table-of-contents and search entry. The order is
the view's one walk (numbering/body.py). The template renders a marked paragraph
from its segments, escaping each one, so no HTML is ever pieced together from
strings here.
"""

from __future__ import annotations

import dataclasses
import re

from disclosures.core import records as r
from disclosures.core import urls
from disclosures.core.typography import to_fullwidth
from disclosures.core.urls import GLOSSARY_URL, relative_url
from disclosures.model.viewmodels import NoticeView, TermNote, map_paras
from disclosures.numbering.body import Para, Segment


class FirstUse:
    """Marks the first use of each term on one page, in the order paragraphs are fed in.

    One pass over each text: a single pattern of every form, longest first, finds each use in turn
    (the leftmost, and at one place the longest form), so a paragraph of any length costs time in
    proportion to its length, whatever the number of repeats.
    """

    def __init__(self, entries: tuple[r.GlossaryEntry, ...], glossary_href: str):
        # Longest form first, so 防止干预司法“三个规定” wins over a shorter alias inside it.
        forms = sorted(((to_fullwidth(form), e) for e in entries for form in (e.term, *e.aliases) if form),
                       key=lambda item: -len(item[0]))
        self._entry_of: dict[str, r.GlossaryEntry] = {}
        for form, entry in forms:
            self._entry_of.setdefault(form, entry)
        self._uses = re.compile("|".join(re.escape(form) for form in self._entry_of)) if self._entry_of else None
        self._terms = {entry.term for entry in self._entry_of.values()}
        self.glossary_href = glossary_href
        self.notes: list[TermNote] = []
        self._done: set[str] = set()

    def split(self, text: str) -> tuple[Segment, ...]:
        """The text cut around first uses, or () when it holds none (then the text is shown as is)."""
        if self._uses is None or self._done >= self._terms:
            return ()  # every term explained already: nothing more to mark on this page
        segments: list[Segment] = []
        cut = 0
        for use in self._uses.finditer(text):
            form = use.group()
            entry = self._entry_of[form]
            if entry.term in self._done:
                continue  # a later use, which also hides any shorter term inside it
            self._done.add(entry.term)
            note = TermNote(urls.term_tip_id(len(self.notes) + 1), to_fullwidth(entry.term),
                            to_fullwidth(entry.explanation))
            self.notes.append(note)
            if use.start() > cut:
                segments.append(Segment(text[cut:use.start()]))
            href = f"{self.glossary_href}#{urls.term_anchor(entry.term)}"
            segments.append(Segment(form, note.term, note.id, href))
            cut = use.end()
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
