"""data/search-terms.yml, read and checked: terms readers type whole, words to split, and synonyms.

model/dictionary.py merges these with the glossary's terms and the phrases the notices quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from disclosures.core import texts
from disclosures.core.errors import DataError, DataInvalid
from disclosures.core.records import SearchTerms
from disclosures.load.fieldreader import Fields, Reader, describe
from disclosures.load.yamlload import load_yaml

# A dictionary term is a run of Han characters.
HAN_TERM = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,16}$")
TERMS_FILE = "search-terms.yml"
_KEYS = ("terms", "split", "synonyms")


def read_terms_file(path: Path, name: str) -> SearchTerms:
    """data/search-terms.yml, validated; a missing file means no extra terms. Raises DataInvalid."""
    terms, errors = read_terms(path, name)
    if errors:
        raise DataInvalid(errors)
    return terms


def read_terms(path: Path, name: str) -> tuple[SearchTerms, list[DataError]]:
    """data/search-terms.yml and its mistakes (load_project reports them with all the others)."""
    if not path.is_file():
        return SearchTerms((), ()), []
    loaded = load_yaml(path, name)
    if loaded.node is None:
        return SearchTerms((), ()), loaded.errors
    reader = Reader(name, loaded.text)
    fields = Fields(reader, loaded.node, "", _KEYS)
    lists = {key: _term_list(fields, fields.items(key)) for key in ("terms", "split")}
    for term in sorted(set(lists["terms"]) & set(lists["split"])):
        reader.error(loaded.node, "", texts.EXPECTED_TERM_IN_ONE_LIST, texts.FOUND_TERM_IN_BOTH.format(term=term))
    synonyms = _synonyms(fields)
    return SearchTerms(tuple(lists["terms"]), tuple(lists["split"]), synonyms), reader.errors


def _synonyms(fields: Fields) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`synonyms: {word: [what readers type instead]}`; any word may be a key."""
    node = fields.node_of("synonyms")
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        fields.reader.error(node, "synonyms", texts.EXPECTED_SYNONYMS, describe(node))
        return ()
    pairs = []
    for key, value in node.value:
        path = f"synonyms.{key.value}"
        if not HAN_TERM.match(str(key.value)):
            fields.reader.error(key, path, texts.EXPECTED_HAN_TERM, texts.FOUND_VALUE.format(value=key.value))
        elif not isinstance(value, yaml.SequenceNode):
            fields.reader.error(value, path, texts.EXPECTED_LIST, describe(value))
        else:
            items = ((item, f"{path}[{i}]") for i, item in enumerate(value.value))
            pairs.append((str(key.value), tuple(_term_list(fields, items))))
    return tuple(pairs)


def _term_list(fields: Fields, items: Iterable[tuple[yaml.Node, str]]) -> list[str]:
    terms = []
    for node, path in items:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            fields.reader.error(node, path, texts.EXPECTED_TERM_TEXT, describe(node))
        elif not HAN_TERM.match(node.value.strip()):
            fields.reader.error(node, path, texts.EXPECTED_HAN_TERM_ONLY,
                                texts.FOUND_VALUE.format(value=node.value))
        else:
            terms.append(node.value.strip())
    return terms
