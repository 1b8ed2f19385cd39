"""Field paths as the page shows them: parts[1].sections[0].themes[0].problems[1].heading -> 二、 （一） 1. （2） 的标题.

Its one job is naming where a mistake stands in the words a clerk sees on the page; the numbering
follows view.py (themes and problems run on through the notice, measures restart per problem).
"""

from __future__ import annotations

import re

import yaml

from . import numbering as num
from . import texts as t

_FIELD_NAMES = {"heading": t.SHOWN_HEADING, "lead": t.SHOWN_LEAD, "text": t.SHOWN_TEXT, "state": t.SHOWN_STATE,
                "paragraphs": t.SHOWN_PARAGRAPHS, "closing": t.SHOWN_CLOSINGS, "sections": t.SHOWN_SECTIONS,
                "themes": t.SHOWN_THEMES, "problems": t.SHOWN_PROBLEMS, "measures": t.SHOWN_MEASURES}
_PARAGRAPH = re.compile(r"^\.(paragraphs|closing)\[(\d+)\]")


def _items(node: yaml.Node | None, key: str) -> list[yaml.Node]:
    """The list under `key` of a mapping node, or nothing when the shape is wrong (validation says why)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, value in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(value, yaml.SequenceNode):
            return value.value
    return []


class _Labels:
    def __init__(self) -> None:
        self.by_path: dict[str, str] = {}
        self.theme = 0
        self.problem = 0

    def measures(self, node: yaml.Node, path: str, shown: str) -> None:
        for m, _ in enumerate(_items(node, "measures")):
            self.by_path[f"{path}.measures[{m}]"] = f"{shown} {num.measure_label(m + 1)}"

    def themes(self, node: yaml.Node, path: str, shown: str) -> None:
        for k, theme in enumerate(_items(node, "themes")):
            self.theme += 1
            theme_path, theme_shown = f"{path}.themes[{k}]", f"{shown} {num.theme_label(self.theme)}"
            self.by_path[theme_path] = theme_shown
            for p, problem in enumerate(_items(theme, "problems")):
                self.problem += 1
                problem_path = f"{theme_path}.problems[{p}]"
                self.by_path[problem_path] = f"{theme_shown} {num.problem_label(self.problem)}"
                self.measures(problem, problem_path, self.by_path[problem_path])


def page_labels(root: yaml.Node) -> dict[str, str]:
    """Every numbered item's path and its labels as printed on the page."""
    labels = _Labels()
    for i, part in enumerate(_items(root, "parts")):
        path, shown = f"parts[{i}]", num.part_label(i + 1)
        labels.by_path[path] = shown
        for j, section in enumerate(_items(part, "sections")):
            section_path, section_shown = f"{path}.sections[{j}]", f"{shown} {num.section_label(j + 1)}"
            labels.by_path[section_path] = section_shown
            labels.themes(section, section_path, section_shown)
            labels.measures(section, section_path, section_shown)
        labels.themes(part, path, shown)
    return labels.by_path


def shown_path(path: str, labels: dict[str, str]) -> str:
    """The page's words for a field path, or "" when it is not inside a numbered item."""
    prefix = path
    while prefix and prefix not in labels:
        prefix = prefix[: max(prefix.rfind("."), prefix.rfind("["), 0)]
    if not prefix:
        return ""
    rest = path[len(prefix):]
    field = _FIELD_NAMES.get(rest.lstrip("."), "")
    paragraph = _PARAGRAPH.match(rest)
    if paragraph:
        kind = t.SHOWN_PARAGRAPH if paragraph.group(1) == "paragraphs" else t.SHOWN_CLOSING
        return f"{labels[prefix]} {kind.format(n=int(paragraph.group(2)) + 1)}"
    if rest and not field:
        return f"{labels[prefix]} {t.SHOWN_INSIDE.format(rest=rest.lstrip('.'))}"
    return f"{labels[prefix]} {field}".rstrip()
