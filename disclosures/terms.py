"""Mark the first use of each glossary term in a notice's paragraphs, in the order the page shows them.

Only body paragraphs are marked (not headings): a term link inside a heading
would be a link inside every table-of-contents and search entry. The template
renders a marked paragraph from its segments, escaping each one, so no HTML is
ever pieced together from strings here.
"""

from __future__ import annotations

import dataclasses

from . import records as r
from .glossary import GLOSSARY_URL, FirstUse
from .view import NoticeView, Para, PartView, SectionView, ThemeView, relative_url


def _para(p: Para, marker: FirstUse) -> Para:
    lead_parts = marker.split(p.lead)
    text_parts = marker.split(p.text)
    if not lead_parts and not text_parts:
        return p
    return dataclasses.replace(p, lead_parts=lead_parts, text_parts=text_parts)


def _paras(items: tuple[Para, ...], marker: FirstUse) -> tuple[Para, ...]:
    return tuple(_para(p, marker) for p in items)


def _themes(themes: tuple[ThemeView, ...], marker: FirstUse) -> tuple[ThemeView, ...]:
    return tuple(dataclasses.replace(t, problems=tuple(dataclasses.replace(p, measures=_paras(p.measures, marker))
                                                       for p in t.problems)) for t in themes)


def _section(s: SectionView, marker: FirstUse) -> SectionView:
    # Same order as notice.html: run-in paragraph, or paragraphs, themes, problems, then measures.
    run_in = _para(s.run_in, marker) if s.run_in else None
    paragraphs = _paras(s.paragraphs, marker)
    themes = _themes(s.themes, marker)
    problems = tuple(dataclasses.replace(p, measures=_paras(p.measures, marker)) for p in s.problems)
    return dataclasses.replace(s, run_in=run_in, paragraphs=paragraphs, themes=themes, problems=problems,
                               measures=_paras(s.measures, marker))


def _part(part: PartView, marker: FirstUse) -> PartView:
    paragraphs = _paras(part.paragraphs, marker)
    sections = tuple(_section(s, marker) for s in part.sections)
    themes = _themes(part.themes, marker)
    return dataclasses.replace(part, paragraphs=paragraphs, sections=sections, themes=themes,
                               closing=_paras(part.closing, marker))


def mark_terms(view: NoticeView, glossary: tuple[r.GlossaryEntry, ...]) -> NoticeView:
    """The view with each term's first use cut out as a segment, and the explanations to show for them."""
    if not glossary:
        return view
    marker = FirstUse(glossary, relative_url(view.url, GLOSSARY_URL))
    preamble = _paras(view.preamble, marker)
    parts = tuple(_part(p, marker) for p in view.parts)
    return dataclasses.replace(view, preamble=preamble, parts=parts, term_notes=tuple(marker.notes))
