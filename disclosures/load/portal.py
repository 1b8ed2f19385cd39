"""Units and rounds: which issuing body and which inspection round each notice belongs to.

Both are derived from the notices, so existing data keeps working unchanged: a
notice belongs to the unit named by `issuer.name` and to the round named by
`inspection.round`. Two optional registries refine that:

- data/units.yml, a list of {id, name, aliases}: a readable, stable id for a unit
  (its address /units/<id>/) and the other names it published under;
- data/rounds.yml, a list of {id, name, start, end, units}: a readable id, the
  round's dates, and the units it covers (for the line 已公开 N / M 个单位).

A unit or round not in a registry gets an id made from its name (u-/r- and ten
hex digits of its SHA-1), which stays the same as long as the name does.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.errors import DataError
from disclosures.load import fieldreader as v
from disclosures.load.yamlload import load_yaml

UNITS_FILE = "units.yml"
ROUNDS_FILE = "rounds.yml"
UNIT_KEYS = ("id", "name", "aliases")
ROUND_KEYS = ("id", "name", "start", "end", "units")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RESERVED = {"page", "feed"}  # would collide with …/page/2/ and the feed files of a list


def derived_id(prefix: str, name: str) -> str:
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"


def _names(fields: v.Fields, key: str) -> tuple[str, ...]:
    found = []
    for node, path in fields.items(key):
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            fields.reader.error(node, path, texts.EXPECTED_NONEMPTY_TEXT, v.describe(node))
            continue
        found.append(node.value.strip())
    return tuple(found)


def _entries(path: Path, name: str, keys: tuple[str, ...]
             ) -> tuple[tuple[v.Reader, list[v.Fields]] | None, list[DataError]]:
    """The mappings of a registry file as Fields, or the reasons it cannot be read."""
    loaded = load_yaml(path, name, sequence=True)
    if loaded.node is None:
        return None, loaded.errors
    reader = v.Reader(name, loaded.text)
    found = []
    for index, node in enumerate(loaded.node.value):
        fields = v.Fields(reader, node, f"[{index}]", keys) if isinstance(node, yaml.MappingNode) else None
        if fields is None:
            reader.error(node, f"[{index}]", texts.REGISTRY_ENTRY_EXPECTED, v.describe(node))
            continue
        found.append(fields)
    return (reader, found), []


def _unique(fields: v.Fields, key: str, value: str, seen: dict[str, int]) -> None:
    if not value:
        return
    if value in seen:
        fields.reader.error(fields.node_of(key) or fields.node, fields.sub(key), texts.REGISTRY_UNIQUE,
                            texts.REGISTRY_DUPLICATE.format(value=value, line=seen[value]))
    else:
        seen[value] = fields.node.start_mark.line + 1


def _id(fields: v.Fields) -> str:
    value = fields.checked_text("id", _ID, texts.REGISTRY_ID_EXPECTED)
    if value in _RESERVED:
        fields.reader.error(fields.node_of("id"), fields.sub("id"), texts.REGISTRY_ID_EXPECTED,
                            texts.REGISTRY_ID_RESERVED.format(value=value))
        return ""
    return value


def read_units(path: Path, name: str) -> tuple[tuple[r.UnitEntry, ...], list[DataError]]:
    read, errors = _entries(path, name, UNIT_KEYS)
    if read is None:
        return (), errors
    reader, entries = read
    units, ids, names = [], {}, {}
    for fields in entries:
        unit = r.UnitEntry(id=_id(fields), name=fields.text("name"), aliases=_names(fields, "aliases"))
        _unique(fields, "id", unit.id, ids)
        for form in (unit.name, *unit.aliases):
            _unique(fields, "name", form, names)
        if unit.id and unit.name:
            units.append(unit)
    return tuple(units), reader.errors


def read_rounds(path: Path, name: str) -> tuple[tuple[r.RoundEntry, ...], list[DataError]]:
    read, errors = _entries(path, name, ROUND_KEYS)
    if read is None:
        return (), errors
    reader, entries = read
    rounds, ids, names = [], {}, {}
    for fields in entries:
        entry = r.RoundEntry(id=_id(fields), name=fields.text("name"), start=fields.date("start", required=False),
                             end=fields.date("end", required=False), units=_names(fields, "units"))
        _unique(fields, "id", entry.id, ids)
        _unique(fields, "name", entry.name, names)
        if entry.start and entry.end and entry.end < entry.start:
            reader.error(fields.node_of("end"), fields.sub("end"), texts.EXPECTED_NOT_BEFORE_START.format(start=entry.start),
                         str(entry.end))
        if entry.id and entry.name:
            rounds.append(entry)
    return tuple(rounds), reader.errors


def read_registries(data_dir: Path, relative: Callable[[Path], str]) -> tuple[tuple[r.UnitEntry, ...], tuple[r.RoundEntry, ...],
                                                      list[DataError]]:
    """Both optional registries; `relative` names a path in messages."""
    units: tuple[r.UnitEntry, ...] = ()
    rounds: tuple[r.RoundEntry, ...] = ()
    errors: list[DataError] = []
    if (data_dir / UNITS_FILE).is_file():
        units, found = read_units(data_dir / UNITS_FILE, relative(data_dir / UNITS_FILE))
        errors += found
    if (data_dir / ROUNDS_FILE).is_file():
        rounds, found = read_rounds(data_dir / ROUNDS_FILE, relative(data_dir / ROUNDS_FILE))
        errors += found
    return units, rounds, errors


class Directory:
    """Looks up the unit and round of a notice (registry first, else derived from the name)."""

    def __init__(self, units: tuple[r.UnitEntry, ...], rounds: tuple[r.RoundEntry, ...]):
        self._unit_by_name = {form: u for u in units for form in (u.name, *u.aliases)}
        self._unit_by_id = {u.id: u for u in units}
        self._round_by_name = {x.name: x for x in rounds}
        self.rounds = rounds

    def unit_of(self, issuer_name: str) -> tuple[str, str]:
        """(id, display name) of the unit a notice issued under this name belongs to."""
        entry = self._unit_by_name.get(issuer_name)
        return (entry.id, entry.name) if entry else (derived_id("u", issuer_name), issuer_name)

    def unit_ref(self, ref: str) -> tuple[str, str]:
        """A unit named in rounds.yml: a registry id, or an issuer name."""
        entry = self._unit_by_id.get(ref)
        return (entry.id, entry.name) if entry else self.unit_of(ref)

    def round_of(self, notice: r.Notice) -> r.RoundEntry | None:
        name = notice.inspection.round if notice.inspection else ""
        if not name:
            return None
        return self._round_by_name.get(name) or r.RoundEntry(derived_id("r", name), name)

    def ids_of(self, notice: r.Notice) -> tuple[str, str | None]:
        """The notice's unit id and round id (None without inspection.round), for the open-data index."""
        found = self.round_of(notice)
        return self.unit_of(notice.issuer.name)[0], found.id if found else None
