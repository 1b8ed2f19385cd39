"""The glossary page (/glossary/): each entry of data/glossary.yml as the page shows it."""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core import urls
from disclosures.core.typography import to_fullwidth


@dataclass(frozen=True)
class GlossaryItem:
    """One entry as the glossary page shows it."""

    term: str
    explanation: str
    aliases: tuple[str, ...]
    anchor: str


def glossary_items(entries: tuple[r.GlossaryEntry, ...]) -> tuple[GlossaryItem, ...]:
    return tuple(GlossaryItem(to_fullwidth(e.term), to_fullwidth(e.explanation),
                              tuple(to_fullwidth(a) for a in e.aliases), urls.term_anchor(e.term)) for e in entries)
