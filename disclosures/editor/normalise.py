"""Before the form editor opens a folder: every notice file put into the layout the editor writes
(importer/canonical.py), so that its first save changes only what the clerk changed, and never drops a
paragraph it cannot read (a paragraph written as bare text: the form edits {lead, text}).

A file is rewritten only when the check reads the same notice from the new text as from the old; a file
the check refuses is left as it is, and named: the clerk fixes it first (make check says how).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import yaml

from disclosures.importer.canonical import Unsupported, canonical_data, canonical_yaml
from disclosures.load.project import notice_files, read_notice


@dataclass(frozen=True)
class Outcome:
    file: str  # as the check names it: data/disclosures/x.yml
    rewritten: bool  # False: left as it was (the check refuses it, or its layout cannot be kept)


def normalise_notices(data_dir: Path) -> list[Outcome]:
    """Each notice file not yet in the layout, rewritten or left (in file order)."""
    outcomes = []
    for path in notice_files(data_dir):
        name = path.relative_to(data_dir.parent).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text)
            new = canonical_yaml(canonical_data(data)) if isinstance(data, dict) else None
        except (yaml.YAMLError, Unsupported):
            new = None
        if new == text:
            continue
        outcomes.append(Outcome(name, new is not None and _replace_if_same_notice(path, name, new)))
    return outcomes


def _replace_if_same_notice(path: Path, name: str, new: str) -> bool:
    """Put new in place of the file in one step (a reader sees the old file or the new one), when the check
    reads the same notice, without a mistake, from both; whether it did."""
    before, errors, _ = read_notice(path, name)
    if errors or before is None:
        return False
    trial = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    try:
        trial.write_text(new, encoding="utf-8")
        after, after_errors, _ = read_notice(trial, name)
        if after_errors or after != before:
            return False
        os.replace(trial, path)
        return True
    finally:
        trial.unlink(missing_ok=True)
