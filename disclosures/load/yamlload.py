"""Read a YAML data file into PyYAML nodes, keeping line and column for every value.

We compose nodes instead of constructing Python objects so that validation can
say where each value stands, see duplicate keys (PyYAML's constructor silently
keeps the last one) and refuse anchors and aliases (the "billion laughs" bomb)
before anything is expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from disclosures.core import texts as t
from disclosures.core.errors import DataError

_BOM = b"\xef\xbb\xbf"
# libyaml's parser is an order of magnitude faster than the pure-Python one and gives the same
# nodes and marks; reading YAML dominated build time before (see bench/).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Loaded:
    node: yaml.MappingNode | None  # a SequenceNode when load_yaml(..., sequence=True)
    errors: list[DataError]
    text: str = ""  # the file's text, for checks that need the source line (a comment after a value)


def position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _tab_errors(name: str, text: str) -> list[DataError]:
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue  # a blank line with a stray tab is harmless
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.append(DataError(name, number, indent.index("\t") + 1, "", t.EXPECTED_SPACE_INDENT, t.FOUND_TAB,
                                    t.HINT_TAB))
        elif _FULLWIDTH_INDENT.match(line):
            errors.append(DataError(name, number, line.index("\u3000") + 1, "", t.EXPECTED_SPACE_INDENT,
                                    t.FOUND_FULLWIDTH_INDENT, t.HINT_FULLWIDTH_INDENT))
    return errors


# Full-width spaces before a key or a list item: indentation typed with a Chinese input method.
# (Full-width spaces opening a paragraph of text are left alone: they do not precede "key:" or "- ".)
_FULLWIDTH_INDENT = re.compile(r"^ *\u3000[ \u3000]*(?:- |[A-Za-z_]+ *[:：])")
# Characters YAML reads as line breaks although no editor shows one: the parser then fails lines later.
_HIDDEN_BREAKS = re.compile("[\u0085\u2028\u2029]")
_FULLWIDTH_COLON_KEY = re.compile(r"^ *(?:- )?([A-Za-z_]+) *：")
_NO_SPACE_KEY = re.compile(r"^ *(?:- )?([A-Za-z_]+):(?!//)(?=\S)")
# A value that opens a quote and does not close it on its line (our files never need multi-line quotes).
_OPEN_QUOTE = re.compile(r"""^ *(?:- )?(?:[A-Za-z_]+: +)?(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)$""")
_BREAK_NAMES = {"\u0085": t.NAME_NEXT_LINE, "\u2028": t.NAME_LINE_SEPARATOR, "\u2029": t.NAME_PARAGRAPH_SEPARATOR}
_CAUSES = (("mapping values are not allowed", t.CAUSE_COLON_MISPLACED),
           ("could not find expected ':'", t.CAUSE_NO_COLON),
           ("expected '-' indicator", t.CAUSE_LIST_INDENT),
           ("expected <block end>", t.CAUSE_INDENT),
           ("did not find expected key", t.CAUSE_INDENT))


def _hidden_break_errors(name: str, text: str) -> list[DataError]:
    found = _HIDDEN_BREAKS.search(text)
    if found is None:
        return []
    char = found.group()
    line, column = _line_column(text, found.start())
    return [DataError(name, line, column, "", t.EXPECTED_PRINTABLE,
                      t.FOUND_INVISIBLE.format(code=f"{ord(char):04X}", name=_BREAK_NAMES[char]),
                      t.HINT_DELETE_PASTED)]


def _unclosed(name: str, line: int, column: int, quote: str) -> DataError:
    return DataError(name, line, column, "", t.EXPECTED_YAML_SYNTAX,
                     t.FOUND_UNCLOSED_QUOTE.format(quote=quote), t.HINT_UNCLOSED_QUOTE.format(quote=quote))


def syntax_error(name: str, text: str, error: yaml.YAMLError) -> DataError:
    """A parser error as the likely cause, at the line where the clerk must act, never past the end of the file."""
    lines = text.splitlines() or [""]
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = min(mark.line + 1, len(lines)) if mark else len(lines)
    start = getattr(error, "context_mark", None)
    if "quoted scalar" in context and start is not None:
        quote = lines[start.line][start.column] if start.column < len(lines[start.line]) else "\""
        return _unclosed(name, start.line + 1, start.column + 1, quote)
    # A quote left open is closed by the next quote, lines later: the error then shows up far below it.
    for number in range(1, line + 1):
        if _OPEN_QUOTE.match(lines[number - 1]):
            column = min(i for i in (lines[number - 1].find('"'), lines[number - 1].find("'")) if i >= 0)
            return _unclosed(name, number, column + 1, lines[number - 1][column])
    # The cause usually stands on the reported line or just above it (a key typed wrongly ends the mapping).
    for number in range(line, max(line - 3, 0), -1):
        source = lines[number - 1]
        for pattern, found in ((_FULLWIDTH_COLON_KEY, t.FOUND_FULLWIDTH_COLON),
                               (_NO_SPACE_KEY, t.FOUND_NO_SPACE_AFTER_COLON)):
            match = pattern.match(source)
            if match:
                return DataError(name, number, match.end(1) + 1, "", t.EXPECTED_YAML_SYNTAX,
                                 found.format(key=match.group(1)), t.HINT_KEY_COLON.format(key=match.group(1)))
    cause = next((words for english, words in _CAUSES if english in problem), t.CAUSE_OTHER)
    column = min(mark.column + 1, len(lines[line - 1]) + 1) if mark and mark.line + 1 == line else 0
    return DataError(name, line, column, "", t.EXPECTED_YAML_SYNTAX, t.FOUND_SYNTAX.format(cause=cause), t.HINT_SYNTAX)


def _structure_errors(name: str, root: yaml.Node) -> list[DataError]:
    """Duplicate keys inside one mapping, anywhere in the document."""
    errors: list[DataError] = []
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                sub = f"{path}.{key.value}" if path else key.value
                if key.value in seen:
                    line, column = position(key)
                    first_line, _ = position(seen[key.value])
                    errors.append(DataError(name, line, column, sub, t.EXPECTED_UNIQUE_KEY,
                                            t.FOUND_DUPLICATE_KEY.format(key=key.value, line=first_line),
                                            t.HINT_DUPLICATE_KEY))
                else:
                    seen[key.value] = key
                stack.append((value, sub))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{path}[{index}]") for index, item in enumerate(node.value))
    return errors


def _reject_anchors(name: str, text: str) -> list[DataError]:
    """Anchors and aliases are never needed in our data and can expand exponentially ("billion laughs").

    Parsing events is linear and expands nothing; one message (at the first one) is enough.
    """
    if "&" not in text and "*" not in text:
        return []  # neither can be written without these characters: spare a second parse
    try:
        found = [e for e in yaml.parse(text, Loader=_LOADER) if getattr(e, "anchor", None) is not None]
    except yaml.YAMLError:
        return []  # the parser reports the syntax error itself
    if not found:
        return []
    first = found[0]
    kind = t.FOUND_ALIAS if isinstance(first, yaml.AliasEvent) else t.FOUND_ANCHOR
    more = t.HINT_ANCHORS_COUNT.format(count=len(found)) if len(found) > 1 else ""
    return [DataError(name, first.start_mark.line + 1, first.start_mark.column + 1, "", t.EXPECTED_PLAIN_VALUE,
                      kind.format(name=first.anchor), more + t.HINT_NO_ANCHORS)]


def _line_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


# The largest data file read (handbook/office.md): a real notice is about 40 KB; this leaves room for a
# paragraph of 10 MB (which builds in linear time) and keeps a pasted runaway file from stalling a build.
MAX_FILE_MIB = 16
MAX_FILE_BYTES = MAX_FILE_MIB * 2**20


def load_yaml(path: Path, name: str, sequence: bool = False) -> Loaded:
    """Return the root mapping (a list if `sequence`) of a data file, or the reasons it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # checked before reading: a runaway file must not stall the check itself
            return Loaded(None, [DataError(name, 0, 0, "", t.EXPECTED_FILE_SIZE.format(limit=MAX_FILE_MIB),
                                           t.FOUND_FILE_SIZE.format(size=f"{size / 2**20:.1f}"),
                                           t.HINT_FILE_SIZE)])
        raw = path.read_bytes()
    except OSError as error:
        return Loaded(None, [DataError(name, 0, 0, "", t.EXPECTED_READABLE_FILE,
                                       t.FOUND_UNREADABLE.format(reason=error.strerror))])
    if raw.startswith(_BOM):
        return Loaded(None, [DataError(name, 1, 1, "", t.EXPECTED_NO_BOM, t.FOUND_BOM, t.HINT_SAVE_WITHOUT_BOM)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start: error.start].decode("utf-8", "replace")) + 1
        return Loaded(None, [DataError(name, line, column, "", t.EXPECTED_UTF8,
                                       t.FOUND_NOT_UTF8.format(byte=f"{raw[error.start]:02X}"), t.HINT_SAVE_AS_UTF8)])
    if not text.strip():
        return Loaded(None, [DataError(name, 0, 0, "", t.EXPECTED_YAML_DATA, t.FOUND_EMPTY_FILE)])
    errors = _tab_errors(name, text) + _hidden_break_errors(name, text)
    if errors:
        return Loaded(None, errors)
    errors = _reject_anchors(name, text)
    if errors:
        return Loaded(None, errors)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as error:
        # A control character YAML does not allow, e.g. a NUL pasted from another program.
        # libyaml reports a byte offset: find the character ourselves.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        line, column = _line_column(text, bad.start()) if bad else (0, 0)
        return Loaded(None, [DataError(name, line, column, "", t.EXPECTED_PRINTABLE,
                                       t.FOUND_CONTROL.format(code=f"{error.character:04X}")
                                       if isinstance(error.character, int) else t.FOUND_CONTROL_UNKNOWN,
                                       t.HINT_DELETE_INVISIBLE)])
    except yaml.YAMLError as error:
        return Loaded(None, [syntax_error(name, text, error)])
    if root is None:
        return Loaded(None, [DataError(name, 0, 0, "", t.EXPECTED_YAML_DATA, t.FOUND_EMPTY_FILE)])
    if sequence and not isinstance(root, yaml.SequenceNode):
        line, column = position(root)
        return Loaded(None, [DataError(name, line, column, "", t.EXPECTED_LIST_FILE, t.FOUND_NOT_LIST)])
    if not sequence and not isinstance(root, yaml.MappingNode):
        line, column = position(root)
        return Loaded(None, [DataError(name, line, column, "", t.EXPECTED_MAPPING_FILE, t.FOUND_NOT_MAPPING)])
    errors = _structure_errors(name, root)
    return Loaded(None if errors else root, errors, text)
