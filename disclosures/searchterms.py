"""The search dictionary: terms of art readers type whole, words to split, and synonyms, gathered from data/.

Pagefind segments Chinese on its own when it indexes the pages, and the browser
finds a word only as the prefix of an indexed one. So the dictionary is given to
the index as hidden keywords next to the text that uses a term (searchmarks.py):
the whole term (第一议题), the pieces of a long one (醉酒危险驾驶 -> 驾驶) and what
readers type instead (醉驾). Terms come from three places, merged: phrases the
notices themselves put in Chinese quotes (“…”), data/search-terms.yml, and the
glossary (data/glossary.yml).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import yaml

from . import records as r
from . import texts
from .errors import DataError, DataInvalid
from .records import SearchTerms
from .fieldreader import Fields, Reader, describe
from .yamlload import load_yaml

# A dictionary term is a run of Han characters.
_HAN_TERM = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,16}$")
_QUOTED = re.compile(r"“([^“”]+)”")  # “…”
# A quoted phrase longer than this is a slogan or a title, not a term people type.
QUOTED_MAX = 8
# Terms this long get their parts as keywords (醉酒危险驾驶 -> 醉酒, 危险, 驾驶).
PARTS_MIN = 5
TERMS_FILE = "search-terms.yml"
_KEYS = ("terms", "split", "synonyms")


def strings_in(record: object) -> Iterator[str]:
    """Every text value inside a record, however deeply nested (records change; this need not)."""
    if isinstance(record, str):
        yield record
    elif dataclasses.is_dataclass(record):
        for f in dataclasses.fields(record):
            yield from strings_in(getattr(record, f.name))
    elif isinstance(record, (tuple, list)):
        for item in record:
            yield from strings_in(item)


def quoted_terms(texts: Iterable[str]) -> set[str]:
    """Short all-Chinese phrases in “…”: the notices quote their own terms of art this way."""
    found = set()
    for text in texts:
        for phrase in _QUOTED.findall(text):
            if len(phrase) <= QUOTED_MAX and _HAN_TERM.match(phrase):
                found.add(phrase)
    return found


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
        if not _HAN_TERM.match(str(key.value)):
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
        elif not _HAN_TERM.match(node.value.strip()):
            fields.reader.error(node, path, texts.EXPECTED_HAN_TERM_ONLY,
                                texts.FOUND_VALUE.format(value=node.value))
        else:
            terms.append(node.value.strip())
    return terms


def gather_terms(project: r.Project, notices: Iterable[r.Notice]) -> SearchTerms:
    """All terms for the dictionary, merged and sorted so the generated file is reproducible.

    notices: the published ones (a draft's words must not leak into the public dictionary).
    """
    listed = project.search_terms
    whole = quoted_terms(s for n in notices for s in strings_in(n))
    whole |= set(listed.whole) | {e.term for e in project.glossary if _HAN_TERM.match(e.term)}
    whole -= set(listed.split)  # an explicit split wins over a quoted phrase
    return SearchTerms(tuple(sorted(whole)), tuple(sorted(set(listed.split))), listed.synonyms)


def keywords_for(text: str, terms: SearchTerms, parts: Callable[[str], Iterable[str]]) -> list[str]:
    """Extra words for a search entry: the parts of each whole term in it, and synonyms.

    The browser matches a typed word only as the prefix of an indexed word, so 驾驶
    finds 醉酒危险驾驶 only if it is a word of its own there; the parts provide it.
    parts: how a term falls apart (searchmarks.term_parts), passed in to keep this testable.
    """
    found: list[str] = []
    for term in terms.whole:
        # Short terms (三会一课) are typed whole; giving their parts would make the browser
        # cut the query into those parts and match too widely.
        if len(term) >= PARTS_MIN and term in text:
            found += [p for p in parts(term) if p != term and len(p) > 1]
    for word, others in terms.synonyms:
        if word in text:
            found += others
    return list(dict.fromkeys(found))
