"""The imported data as the text of a YAML data file, in the layout the form editor writes (canonical.py)."""

from __future__ import annotations

from typing import Any

from disclosures.importer.canonical import canonical_data, canonical_yaml


def to_yaml(data: dict[str, Any]) -> str:
    """Keys in the schema's order, Chinese as is, one paragraph per line, dates as YYYY-MM-DD: the file as
    the form editor would save it, so that its first save of an imported draft changes nothing else."""
    return canonical_yaml(canonical_data(data))
