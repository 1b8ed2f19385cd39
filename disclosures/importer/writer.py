"""The imported data as the text of a YAML data file, laid out like the hand-kept ones."""

from __future__ import annotations

from typing import Any

import yaml

MODELINE = "# yaml-language-server: $schema=../../schema/disclosure.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Never anchors and aliases (&id001): data files refuse them, and a clerk would not follow them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def to_yaml(data: dict[str, Any]) -> str:
    """Keys in the order given, Chinese as is, one paragraph per line, dates as YYYY-MM-DD."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000,
                     default_flow_style=False)
    return MODELINE + body
