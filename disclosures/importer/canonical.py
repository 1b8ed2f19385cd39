"""The one layout of a notice file, written alike by the importer and by the form editor.

The form editor (Sveltia CMS, disclosures/editor/) writes a whole file each time it saves: the keys in the
order of its form, which is the order of schema/disclosure.schema.json, every paragraph as {lead, text},
`draft` always, no comments, and each value styled as the `yaml` package styles it (YAML 1.2: plain where
that reads back as the same text, else in single quotes, else in double quotes; lines never folded; a text
of several lines as a |- block). So that saving a file unchanged changes nothing and changing one field
changes only its lines, every notice file is kept in that layout: the importer writes it, and
`canonical_data` + `canonical_yaml` turn any valid notice into it without changing a value.

editor/canonical.mjs runs the `yaml` package with the editor's options; tests/test_canonical_yaml.py holds
this module to it. Values it cannot style the same way (control characters, whitespace at either end of a
line of a multi-line text) raise Unsupported: the check refuses most of them anyway.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

_REPOSITORY = Path(__file__).resolve().parents[2]
SCHEMA_FOLDER = _REPOSITORY / "schema"


class Unsupported(ValueError):
    """A value this layout does not cover (see the module's docstring)."""


class Schemas:
    """The schema files of a folder, for $ref across them ("site.schema.json#/definitions/contact")."""

    def __init__(self, folder: Path = SCHEMA_FOLDER):
        self.folder = folder
        self.loaded: dict[str, dict] = {}

    def file(self, name: str) -> dict:
        if name not in self.loaded:
            self.loaded[name] = json.loads((self.folder / name).read_text(encoding="utf-8"))
        return self.loaded[name]

    def resolve(self, node: dict, current: str) -> tuple[dict, str]:
        """node with its $ref followed (its own description kept over the target's), and the file it is in."""
        while "$ref" in node:
            target, _, pointer = node["$ref"].partition("#")
            current = target or current
            found: Any = self.file(current)
            for part in pointer.strip("/").split("/"):
                found = found[part]
            node = {**found, **{k: v for k, v in node.items() if k != "$ref"}}
        return node, current


def paragraph_form(node: dict) -> dict | None:
    """The object form of the schema's paragraph (text, or {lead, text}); None for any other node."""
    if "oneOf" not in node:
        return None
    return next((o for o in node["oneOf"] if o.get("type") == "object"), None)


NOTICE_SCHEMA = "disclosure.schema.json"


def canonical_data(data: dict, schemas: Schemas | None = None) -> dict:
    """A notice's data as the form holds it: keys in the schema's order (keys it does not know kept, last),
    each paragraph as {lead, text}, dates and figures' values as text, `draft` always, no empty field (a
    list's items all kept: an item's place is its number)."""
    schemas = schemas or Schemas()
    notice = schemas.file(NOTICE_SCHEMA)
    return _shape({"draft": False, **data}, notice, NOTICE_SCHEMA, schemas)


def _shape(value: Any, node: dict, current: str, schemas: Schemas) -> Any:
    node, current = schemas.resolve(node, current)
    form = paragraph_form(node)
    if form is not None:
        node = form
        if isinstance(value, str):
            value = {"text": value}
    if isinstance(value, dict) and "properties" in node:
        known = node["properties"]
        shaped = {k: _shape(value[k], known[k], current, schemas) for k in known if k in value}
        shaped.update((k, v) for k, v in value.items() if k not in known)
        return {k: v for k, v in shaped.items() if not is_empty(v)}
    if isinstance(value, list) and "items" in node:
        return [_shape(v, node["items"], current, schemas) for v in value]  # an item keeps its place
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat() if isinstance(value, dt.date) and not isinstance(value, dt.datetime) \
            else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and node.get("type") == ["string", "number"]:
        return str(value)  # a figure's value: the form edits it as text, as the notice prints it
    return value


def is_empty(value: Any) -> bool:
    """A value the editor leaves out of the file (omit_empty_optional_fields)."""
    return value is None or value == "" or value == [] or value == {}


# --- Writing: the `yaml` package's choices (yaml 2.9.1, stringify/stringifyString.js) for these options ---

_NOT_PLAIN = re.compile(r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")
# Plain texts that YAML 1.2 (the core schema) would read as something else: null, booleans, numbers.
_OTHER_TYPES = [re.compile(p) for p in (
    r"^(?:~|[Nn]ull|NULL)?\Z", r"^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)\Z", r"^0o[0-7]+\Z", r"^[-+]?[0-9]+\Z",
    r"^0x[0-9a-fA-F]+\Z", r"^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)\Z",
    r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+\Z", r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)\Z")]
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _quoted(value: str) -> str:
    """Single quotes, unless the text has a ' and no " (then double quotes, as JSON writes them)."""
    if "'" in value and '"' not in value:
        return json.dumps(value, ensure_ascii=False)
    return "'" + value.replace("'", "''") + "'"


def _block(value: str, indent: str) -> str:
    """A text of several lines as a literal block, as the yaml package writes the simple case."""
    lines = value.split("\n")
    if value != value.strip(" \t\n") or any(line != line.rstrip(" \t") or line.startswith((" ", "\t"))
                                            for line in lines) or "" in lines:
        raise Unsupported(value)
    return "|-\n" + "\n".join(indent + line for line in lines)


def _string(value: str, indent: str) -> str:
    """value as a scalar after `key: ` or `- `; indent: where its block lines would start."""
    if _CONTROL.search(value):
        raise Unsupported(value)
    if _NOT_PLAIN.search(value):
        return _block(value, indent) if "\n" in value else _quoted(value)
    if "\n" in value:
        return _block(value, indent)
    return _quoted(value) if any(p.match(value) for p in _OTHER_TYPES) else value


def _scalar(value: Any, indent: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json.dumps(value)
    if isinstance(value, str):
        return _string(value, indent)
    raise Unsupported(repr(value))


def _mapping(value: dict, indent: str, lines: list[str], first: str | None = None) -> None:
    """The pairs of a mapping at indent; first: the text before the first key (a sequence's "- ")."""
    for i, (key, item) in enumerate(value.items()):
        lead = first if first is not None and i == 0 else indent
        if isinstance(item, dict) and item:
            lines.append(f"{lead}{key}:")
            _mapping(item, indent + "  ", lines)
        elif isinstance(item, list) and item:
            lines.append(f"{lead}{key}:")
            _sequence(item, indent, lines)
        else:
            empty = "{}" if isinstance(item, dict) else "[]" if isinstance(item, list) else None
            lines.append(f"{lead}{key}: {empty or _scalar(item, indent + '  ')}")


def _sequence(value: list, indent: str, lines: list[str]) -> None:
    """A block sequence at the indent of its key (indent_sequences: false)."""
    for item in value:
        if isinstance(item, dict) and item:
            _mapping(item, indent + "  ", lines, first=indent + "- ")
        elif isinstance(item, list) and item:
            raise Unsupported("a list in a list")
        else:
            empty = "{}" if isinstance(item, dict) else "[]" if isinstance(item, list) else None
            lines.append(f"{indent}- {empty or _scalar(item, indent + '  ')}")


def canonical_yaml(data: dict) -> str:
    """data (canonical_data's result) written as the form editor writes it."""
    lines: list[str] = []
    _mapping(data, "", lines)
    return "\n".join(lines) + "\n"
