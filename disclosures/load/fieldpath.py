"""Field paths as the page shows them: parts[1].sections[0].themes[0].problems[1].heading -> 二、 （一） 1. （2） 的标题.

Its one job is naming where a mistake stands in the words a clerk sees on the page; the numbering
follows numbered.py (themes and problems run on through the notice, problems directly under a
category run on or restart as `section_problems` says, measures restart per problem, a kept `number`
is shown and counted on from, and the one part without heading shows no label).
"""

from __future__ import annotations

import re

import yaml

from disclosures.core import texts as t
from disclosures.numbering import labels as num
from disclosures.numbering.ordinals import Counter

_FIELD_NAMES = {"heading": t.SHOWN_HEADING, "lead": t.SHOWN_LEAD, "text": t.SHOWN_TEXT, "state": t.SHOWN_STATE,
                "paragraphs": t.SHOWN_PARAGRAPHS, "closing": t.SHOWN_CLOSINGS, "sections": t.SHOWN_SECTIONS,
                "themes": t.SHOWN_THEMES, "problems": t.SHOWN_PROBLEMS, "measures": t.SHOWN_MEASURES,
                "number": t.SHOWN_NUMBER, "lead_in": t.SHOWN_LEAD_IN}
_PARAGRAPH = re.compile(r"^\.(paragraphs|closing)\[(\d+)\]")


def _items(node: yaml.Node | None, key: str) -> list[yaml.Node]:
    """The list under `key` of a mapping node, or nothing when the shape is wrong (validation says why)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, value in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(value, yaml.SequenceNode):
            return value.value
    return []


def _number(node: yaml.Node) -> int | None:
    """The kept `number` of an item, when it is a positive whole number (validation says why otherwise)."""
    if isinstance(node, yaml.MappingNode):
        for k, value in node.value:
            if getattr(k, "value", None) == "number" and isinstance(value, yaml.ScalarNode) \
                    and value.value.isdigit() and int(value.value) > 0:
                return int(value.value)
    return None


def _scalar(node: yaml.Node | None, key: str) -> str:
    if isinstance(node, yaml.MappingNode):
        for k, value in node.value:
            if getattr(k, "value", None) == key and isinstance(value, yaml.ScalarNode):
                return value.value.strip()
    return ""


class _Labels:
    def __init__(self, restart_section_problems: bool) -> None:
        self.by_path: dict[str, str] = {}
        self.theme = Counter()
        self.problem = Counter()
        self.section_problem = Counter()
        self.restart_section_problems = restart_section_problems

    def measures(self, node: yaml.Node, path: str, shown: str) -> None:
        for m, _ in enumerate(_items(node, "measures")):
            self.by_path[f"{path}.measures[{m}]"] = f"{shown} {num.measure_label(m + 1)}"

    def themes(self, node: yaml.Node, path: str, shown: str) -> None:
        for k, theme in enumerate(_items(node, "themes")):
            theme_path = f"{path}.themes[{k}]"
            theme_shown = f"{shown} {num.theme_label(self.theme.take(_number(theme)))}".strip()
            self.by_path[theme_path] = theme_shown
            for p, problem in enumerate(_items(theme, "problems")):
                problem_path = f"{theme_path}.problems[{p}]"
                self.by_path[problem_path] = f"{theme_shown} {num.problem_label(self.problem.take(_number(problem)))}"
                self.measures(problem, problem_path, self.by_path[problem_path])

    def section_problems(self, node: yaml.Node, path: str, shown: str) -> None:
        """Problems directly under a category, labelled 1. 2. like themes."""
        if self.restart_section_problems:
            self.section_problem = Counter()
        for p, problem in enumerate(_items(node, "problems")):
            problem_path = f"{path}.problems[{p}]"
            self.by_path[problem_path] = f"{shown} {num.theme_label(self.section_problem.take(_number(problem)))}"
            self.measures(problem, problem_path, self.by_path[problem_path])


def page_labels(root: yaml.Node) -> dict[str, str]:
    """Every numbered item's path and its labels as printed on the page."""
    labels = _Labels(_scalar(root, "section_problems") == "restart")
    parts = _items(root, "parts")
    part_numbers = Counter()
    for i, part in enumerate(parts):
        path = f"parts[{i}]"
        n = part_numbers.take(_number(part))
        headless = len(parts) == 1 and not _scalar(part, "heading")  # the notice's top level is （一）
        shown = "" if headless else num.part_label(n)
        if not headless:
            labels.by_path[path] = shown
        section_numbers = Counter()
        for j, section in enumerate(_items(part, "sections")):
            section_path = f"{path}.sections[{j}]"
            section_shown = f"{shown} {num.section_label(section_numbers.take(_number(section)))}".strip()
            labels.by_path[section_path] = section_shown
            labels.themes(section, section_path, section_shown)
            labels.section_problems(section, section_path, section_shown)
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
