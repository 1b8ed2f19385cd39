"""The check the form runs on opening and saving a notice: `disclosures check`'s validation of the whole
data folder with this notice as the form holds it, and its messages placed on the form's fields."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from disclosures.core import texts
from disclosures.core.cache import ContentCache
from disclosures.core.errors import DataError, DataInvalid
from disclosures.importer.canonical import Unsupported, canonical_data, canonical_yaml, is_empty
from disclosures.importer.writer import to_yaml
from disclosures.load.fieldpath import page_labels
from disclosures.load.project import load_project
from disclosures.load.yamlload import load_yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # a notice's id, which names its file


def without_empty(value: Any) -> Any:
    """The data as the editor writes it: empty texts, lists and groups left out (output option
    omit_empty_optional_fields; every field of the form is optional, formconfig.py), and the keys the
    form keeps for itself while editing (__sc_item_id …), which it never writes."""
    if isinstance(value, dict):
        kept = {k: without_empty(v) for k, v in value.items() if not k.startswith("__sc_")}
        return {k: v for k, v in kept.items() if not is_empty(v)}
    if isinstance(value, list):
        return [v for v in (without_empty(v) for v in value) if not is_empty(v)]
    return value


def key_path(path: str) -> str:
    """A check's field path as the form names the field: parts[1].heading -> parts.1.heading."""
    return re.sub(r"\[(\d+)\]", r".\1", path)


def field_message(error: DataError) -> str:
    """The message beside a field: what was expected and found, and how to fix it (the field is in sight).
    "Put it in quotes" is no advice in a form, which writes the quotes itself or none."""
    hint = texts.EDITOR_HINT_BOOL_WORD if error.hint == texts.HINT_QUOTE_BOOL else error.hint
    return texts.EDITOR_MESSAGE.format(expected=error.expected, found=error.found) + hint


def saved_text(data: dict) -> str:
    """The file the editor writes for data: its layout (canonical.py), so that the check reads what will be
    saved, `yes` left bare included; a value outside that layout, as YAML writes it otherwise."""
    try:
        return canonical_yaml(canonical_data(data))
    except Unsupported:
        return to_yaml(data)


def check_notice(data_dir: Path, slug: str, data: dict | None = None,
                 cache: ContentCache | None = None) -> dict[str, Any]:
    """The check of data_dir with the notice `slug` as given (data: the form's values; None: the file as
    saved). Returns the messages on this notice's fields, the messages about other files, and the page's
    numbering label of each numbered item (by the form's key path). cache: the build's (a notice file is
    checked again only when its bytes changed; the form checks half a second after each change)."""
    name = f"data/disclosures/{slug}.yml"
    with tempfile.TemporaryDirectory(prefix="disclosures-edit-") as folder:
        copy = Path(folder) / "data"
        shutil.copytree(data_dir, copy, symlinks=True)
        target = copy / "disclosures" / f"{slug}.yml"
        if data is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(saved_text(without_empty(data)), encoding="utf-8")
        try:
            load_project(copy, cache)
            errors: list[DataError] = []
        except DataInvalid as invalid:
            errors = invalid.errors
        loaded = load_yaml(target, name) if target.is_file() else None
        labels = page_labels(loaded.node) if loaded is not None and loaded.node is not None else {}
    mine = [e for e in errors if e.file == name]
    return {
        "ok": not errors,
        "fields": [{"field": key_path(e.path), "message": field_message(e)} for e in mine],
        "elsewhere": [str(e) for e in errors if e.file != name],
        "labels": {key_path(path): label for path, label in labels.items()},
    }
