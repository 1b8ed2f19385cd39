"""The field reader: turns the YAML nodes of any data file into typed values, collecting every error.

Its one job is generic reading (text, dates, flags, links, lists, mappings, unknown keys) and the
checks every piece of free text needs so that nothing is lost or changed in silence: a value cut
at " #", quotes pasted around a whole value, importer placeholders, control characters. What a
notice or the site settings must contain is the job of validate.py.

Each method records an error and returns a harmless default instead of raising, so one pass over
the data reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import yaml

from disclosures.core import texts as t
from disclosures.core.errors import DataError
from disclosures.core.safe import LINK_SCHEMES, is_safe_link, unsafe_character
from disclosures.core.typography import HALFWIDTH
from disclosures.load.yamlload import position

T = TypeVar("T")

_STR = "tag:yaml.org,2002:str"
_TEXTLIKE = {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
# re.ASCII: Python's \d also matches full-width digits (２０２５), which must get their own message.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_FULLWIDTH_DIGITS = re.compile("[０-９]+")
# Text after " #" on the line of an unquoted value: YAML drops it as a comment.
_COMMENT = re.compile(r"[ \t]+#(.*)$")
# What the importer leaves for the clerk to fill in, e.g. （请填写标题）, and the like.
_PLACEHOLDER = re.compile(r"[（(【\[]\s*(?:请|待)(?:填写|填入|输入|补充|补全)[^）)】\]]*[）)】\]]")
# Pasted from word processors and harmless once removed: these are normalised, never published.
# NBSP becomes an ordinary space; zero-width space, BOM and soft hyphen are dropped.
_NORMALISE = str.maketrans({"\u00a0": " ", "\u200b": None, "\ufeff": None, "\u00ad": None})
# Whether a text holds any of them: str.translate looks up every character (1.4 ms of a notice's text, which
# rarely holds one), a search for these four takes a fifteenth of that.
_INVISIBLE = re.compile("[" + "".join(map(chr, _NORMALISE)) + "]")
_WRAPPING_QUOTES = (("“", "”"), ("‘", "’"))
# A key typed with a full-width colon or without the space, which YAML reads as plain text.
_KEY_LIKE = re.compile(r"^([A-Za-z_]+)(：|:(?=\S))")


def describe(node: yaml.Node) -> str:
    """How a value reads to a clerk, for the 'found' half of a message."""
    if isinstance(node, yaml.MappingNode):
        return t.FOUND_MAPPING
    if isinstance(node, yaml.SequenceNode):
        return t.FOUND_LIST
    if node.tag == _NULL:
        return t.FOUND_NULL
    if node.tag == _BOOL:
        return t.FOUND_BOOL.format(value=node.value)
    return t.FOUND_VALUE.format(value=visible(node.value))


def visible(value: str, limit: int = 60) -> str:
    """A value as it can be shown in a terminal: invisible characters spelt out, long text shortened."""
    shown = "".join(f"\\u{ord(c):04x}" if c in "\t\n" or unsafe_character(c) else c for c in value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def _fullwidth_hint(value: str) -> str:
    """For a code typed with a Chinese input method (name＠example．org): which symbols, and the code as meant."""
    chars = "".join(dict.fromkeys(c for c in value if ord(c) in HALFWIDTH))
    if not chars:
        return ""
    return t.HINT_FULLWIDTH_SYMBOLS.format(chars="”“".join(chars), fixed=value.translate(HALFWIDTH))


def normalised(value: str) -> str:
    """Text with pasted invisible characters removed (see _NORMALISE); handbook/office.md: "Invisible characters"."""
    return value.translate(_NORMALISE) if _INVISIBLE.search(value) else value


def key_hint(node: yaml.Node) -> str:
    """For a scalar found where a mapping belongs: was it a key typed with a full-width colon?"""
    match = _KEY_LIKE.match(node.value) if isinstance(node, yaml.ScalarNode) else None
    return t.HINT_KEY_NEEDS_HALFWIDTH_COLON.format(key=match.group(1)) if match else ""


class Reader:
    """Collects errors for one file; `source` (the file's text) lets it see comments after values."""

    def __init__(self, file: str, source: str = ""):
        self.file = file
        self.lines = source.splitlines()
        self.errors: list[DataError] = []

    def error(self, node: yaml.Node | None, path: str, expected: str, found: str, hint: str = "") -> None:
        line, column = position(node) if node is not None else (0, 0)
        self.error_at(line, column, path, expected, found, hint)

    def error_at(self, line: int, column: int, path: str, expected: str, found: str, hint: str = "") -> None:
        self.errors.append(DataError(self.file, line, column, path, expected, found, hint))

    def comment_after(self, node: yaml.ScalarNode) -> tuple[int, str] | None:
        """Column of " #" and the text YAML dropped, when an unquoted value is followed by a comment."""
        if node.style not in (None, "") or node.end_mark.line >= len(self.lines):  # libyaml: "" is plain
            return None
        line = self.lines[node.end_mark.line]
        match = _COMMENT.match(line[node.end_mark.column:])
        if match is None:
            return None
        return node.end_mark.column + match.start(1), match.group(1)


class Fields:
    """The keys of one mapping; reports missing, mistyped and unknown keys."""

    def __init__(self, reader: Reader, node: yaml.MappingNode, path: str, allowed: tuple[str, ...]):
        self.reader = reader
        self.node = node
        self.path = path
        self.values = {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value not in allowed:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                hint = (t.HINT_CLOSE_KEY.format(key=close[0]) if close
                        else t.HINT_ALLOWED_KEYS.format(keys="、".join(allowed)))
                reader.error(key, self.sub(str(name)), t.EXPECTED_KNOWN_KEY, t.FOUND_UNKNOWN_KEY.format(name=name),
                             hint)

    def sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def node_of(self, key: str) -> yaml.Node | None:
        found = self.values.get(key)
        if found is None or (isinstance(found[1], yaml.ScalarNode) and found[1].tag == _NULL):
            return None
        return found[1]

    def missing(self, key: str, expected: str) -> None:
        where = self.values[key][0] if key in self.values else self.node
        self.reader.error(where, self.sub(key), expected, t.FOUND_MISSING if key not in self.values else t.FOUND_NULL)

    def text(self, key: str, required: bool = True, prose: bool = True) -> str:
        """A text value. `prose` (free text, not a code or a number) also gets the silent-loss checks."""
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, t.EXPECTED_NONEMPTY_TEXT)
            return ""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXTLIKE:
            hint = t.HINT_QUOTE_BOOL if getattr(node, "tag", "") == _BOOL else ""
            self.reader.error(node, self.sub(key), t.EXPECTED_TEXT, describe(node), hint)
            return ""
        value = normalised(node.value).strip()
        if required and not value:
            self.reader.error(node, self.sub(key), t.EXPECTED_NONEMPTY_TEXT, t.FOUND_EMPTY_TEXT)
        return self.clean(node, self.sub(key), value, prose)

    def clean(self, node: yaml.ScalarNode, path: str, value: str, prose: bool = True) -> str:
        """The value if nothing in it would be lost, changed or unfinished on the page; else "" and an error."""
        if not self.printable(node, path, value):
            return ""
        if not prose or not value:
            return value
        return value if self.kept_whole(node, path, value) and self.finished(node, path, value) else ""

    def printable(self, node: yaml.Node, path: str, value: str) -> bool:
        """Refuse characters that would break a feed or make text read differently from what it is."""
        char = unsafe_character(value)
        if char is None:
            return True
        self.reader.error(node, path, t.EXPECTED_VISIBLE,
                          t.FOUND_CONTROL_CHARACTER.format(code=f"{ord(char):04X}", value=visible(value)),
                          t.HINT_DELETE_CONTROL)
        return False

    def kept_whole(self, node: yaml.ScalarNode, path: str, value: str) -> bool:
        """False (with an error) when YAML cut the value at " #" or quotes pasted around it would be published."""
        cut = self.reader.comment_after(node)
        if cut is not None:
            column, lost = cut
            key = path.rsplit(".", 1)[-1]
            key = f"{key}: " if not key.endswith("]") else "- "
            self.reader.error_at(node.end_mark.line + 1, column, path, t.EXPECTED_WHOLE_TEXT,
                                 t.FOUND_COMMENT_CUT.format(kept=visible(value, 30), lost=visible(lost, 30)),
                                 t.HINT_QUOTE_HASH.format(key=key, sample=" #"))
            return False
        for opening, closing in _WRAPPING_QUOTES:
            inner = value[1:-1]
            wrapped = len(value) > 2 and value[0] == opening and value[-1] == closing
            if wrapped and opening not in inner and closing not in inner:
                self.reader.error(node, path, t.EXPECTED_UNQUOTED_TEXT,
                                  t.FOUND_WRAPPED_IN_QUOTES.format(value=visible(value)), t.HINT_WRAPPING_QUOTES)
                return False
        return True

    def finished(self, node: yaml.Node, path: str, value: str) -> bool:
        """False (with an error) while an importer placeholder such as （请填写标题） is left in."""
        match = _PLACEHOLDER.search(value)
        if match is None:
            return True
        self.reader.error(node, path, t.EXPECTED_FILLED_TEXT, t.FOUND_PLACEHOLDER.format(placeholder=match.group()),
                          t.HINT_PLACEHOLDER)
        return False

    def halfwidth_digits(self, node: yaml.Node, path: str, value: str) -> bool:
        """False (with an error naming them) when digits were typed full-width: ２０２５, ５２８４００."""
        found = _FULLWIDTH_DIGITS.findall(value)
        if not found:
            return True
        fixed = value.translate({code: code - 0xFF10 + ord("0") for code in range(0xFF10, 0xFF1A)})
        self.reader.error(node, path, t.EXPECTED_HALFWIDTH_DIGITS,
                          t.FOUND_FULLWIDTH_DIGITS.format(value=visible(value), digits="".join(found)),
                          t.HINT_FULLWIDTH_DIGITS.format(fixed=fixed))
        return False

    def link(self, key: str, schemes: tuple[str, ...] = LINK_SCHEMES, required: bool = False,
             expected: str = "") -> str:
        """A URL that is safe to publish as a link: only the given schemes, nothing hidden in it."""
        value = self.text(key, required, prose=False)
        if value and not is_safe_link(value, schemes):
            names = "、".join(f"{s}:" for s in schemes)
            self.reader.error(self.node_of(key), self.sub(key), expected or t.EXPECTED_LINK.format(schemes=names),
                              t.FOUND_VALUE.format(value=visible(value)), t.HINT_LINK_KINDS if "tel" in schemes else "")
            return ""
        return value

    def checked_text(self, key: str, pattern: re.Pattern[str], expected: str, required: bool = True) -> str:
        value = self.text(key, required, prose=False)
        if value and not self.halfwidth_digits(self.node_of(key), self.sub(key), value):
            return ""
        if value and not pattern.match(value):
            self.reader.error(self.node_of(key), self.sub(key), expected, t.FOUND_VALUE.format(value=visible(value)),
                              _fullwidth_hint(value))
            return ""
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, t.EXPECTED_DATE_SHAPE)
            return None
        if isinstance(node, yaml.ScalarNode) and not self.halfwidth_digits(node, self.sub(key), node.value.strip()):
            return None
        if not isinstance(node, yaml.ScalarNode) or not _DATE.match(node.value.strip()):
            # The importer's （请填写发布日期） gets the placeholder's hint: the source gave no date.
            placeholder = isinstance(node, yaml.ScalarNode) and _PLACEHOLDER.search(node.value)
            self.reader.error(node, self.sub(key), t.EXPECTED_DATE, describe(node),
                              t.HINT_PLACEHOLDER if placeholder else "")
            return None
        try:
            return dt.date.fromisoformat(node.value.strip())
        except ValueError:
            self.reader.error(node, self.sub(key), t.EXPECTED_REAL_DATE,
                              t.FOUND_NO_SUCH_DAY.format(value=node.value.strip()))
            return None

    def number(self, key: str) -> int | None:
        """An optional positive whole number."""
        node = self.node_of(key)
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int" and node.value.isdigit() \
                and int(node.value) > 0:
            return int(node.value)
        self.reader.error(node, self.sub(key), t.NUMBER_EXPECTED, describe(node))
        return None

    def choice(self, key: str, choices: tuple[str, ...], expected: str, default: str) -> str:
        """An optional value out of choices; default when absent or wrong (the error is reported)."""
        value = self.text(key, required=False, prose=False)
        if value and value not in choices:
            self.reader.error(self.node_of(key), self.sub(key), expected, t.FOUND_VALUE.format(value=visible(value)))
            return default
        return value or default

    def flag(self, key: str) -> bool:
        node = self.node_of(key)
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL and node.value in ("true", "false"):
            return node.value == "true"
        self.reader.error(node, self.sub(key), t.EXPECTED_FLAG, describe(node))
        return False

    def mapping(self, key: str, build: Callable[[Fields], T], allowed: tuple[str, ...], required: bool = True) -> T | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, t.EXPECTED_MAPPING)
            return None
        if not isinstance(node, yaml.MappingNode):
            self.reader.error(node, self.sub(key), t.EXPECTED_MAPPING, describe(node), key_hint(node))
            return None
        return build(Fields(self.reader, node, self.sub(key), allowed))

    def items(self, key: str, required: bool = False) -> Iterator[tuple[yaml.Node, str]]:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, t.EXPECTED_LIST)
            return
        if not isinstance(node, yaml.SequenceNode):
            self.reader.error(node, self.sub(key), t.EXPECTED_LIST, describe(node))
            return
        if required and not node.value:
            self.reader.error(node, self.sub(key), t.EXPECTED_AT_LEAST_ONE, t.FOUND_EMPTY_LIST)
        for index, item in enumerate(node.value):
            yield item, f"{self.sub(key)}[{index}]"

    def fields_of(self, node: yaml.Node, path: str, allowed: tuple[str, ...]) -> Fields | None:
        if not isinstance(node, yaml.MappingNode):
            self.reader.error(node, path, t.EXPECTED_MAPPING, describe(node), key_hint(node))
            return None
        return Fields(self.reader, node, path, allowed)
