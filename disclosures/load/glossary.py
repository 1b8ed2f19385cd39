"""The glossary file (data/glossary.yml), read and checked: model/terms.py marks the terms on a page.

The file is a list of entries `{term, explanation, aliases}`. Other code (the
search dictionary) reads the `term` values, so that key name is part of the
file's contract.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.errors import DataError
from disclosures.load import fieldreader as v
from disclosures.load.yamlload import load_yaml

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
