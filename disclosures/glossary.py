"""The glossary (data/glossary.yml): validation, and finding the first use of each term on a page.

The file is a list of entries `{term, explanation, aliases}`. Other code (the
search dictionary) reads the `term` values, so that key name is part of the
file's contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import records as r
from . import texts, urls
from . import fieldreader as v
from .errors import DataError
from .typography import to_fullwidth
from .yamlload import load_yaml

GLOSSARY_KEYS = ("term", "explanation", "aliases")


def _aliases(fields: v.Fields) -> tuple[str, ...]:
    found = []
    for node, path in fields.items("aliases"):
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            fields.reader.error(node, path, texts.EXPECTED_NONEMPTY_TEXT, v.describe(node))
            continue
        found.append(node.value.strip())
    return tuple(found)


def read_glossary(path: Path, name: str) -> tuple[tuple[r.GlossaryEntry, ...], list[DataError]]:
    """Every entry, or the reasons some cannot be used; a term or alias may be written only once."""
    loaded = load_yaml(path, name, sequence=True)
    if loaded.node is None:
        return (), loaded.errors
    reader = v.Reader(name, loaded.text)
    entries: list[r.GlossaryEntry] = []
    first: dict[str, int] = {}  # term or alias -> line where it was first written
    for index, node in enumerate(loaded.node.value):
        where = f"[{index}]"
        if not isinstance(node, yaml.MappingNode):
            reader.error(node, where, texts.EXPECTED_GLOSSARY_ENTRY, v.describe(node))
            continue
        fields = v.Fields(reader, node, where, GLOSSARY_KEYS)
        entry = r.GlossaryEntry(term=fields.text("term"), explanation=fields.text("explanation"),
                                aliases=_aliases(fields))
        line = node.start_mark.line + 1
        for form in (entry.term, *entry.aliases):
            if form and form in first:
                reader.error(node, where, texts.EXPECTED_UNIQUE_TERM,
                             texts.REGISTRY_DUPLICATE.format(value=form, line=first[form]),
                             texts.HINT_MERGE_DUPLICATE_ENTRY)
            elif form:
                first[form] = line
        if entry.term and entry.explanation:
            entries.append(entry)
    return tuple(entries), reader.errors


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph: plain text, or the first use of a glossary term."""

    text: str
    term: str = ""  # the glossary term ("" for plain text)
    tip_id: str = ""  # id of the element holding the explanation (aria-describedby)
    href: str = ""  # the term on the glossary page, relative to the page the text is on


@dataclass(frozen=True)
class TermNote:
    """An explanation shown for a marked term; rendered outside the notice text, referenced by id."""

    id: str
    term: str
    explanation: str


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
