"""The numbers items are shown with: derived from order, except where the published notice printed another.

A notice that skips a label (（一） then （三）) keeps it: the item carries `number`, the page shows
that number and the items after it count on from it. Such numbers are deliberate exceptions; they
must be larger than the derived number (so no label is ever shown twice) and `check` lists them.

Counting: parts and sections restart in their parent; themes 1. and problems （1） run on through the
notice; problems held directly by a section (1.) run on or restart in each section, as the notice says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from disclosures.core import records as r
from disclosures.numbering import labels as num


class Counter:
    """The running number of one level."""

    def __init__(self) -> None:
        self.last = 0

    def take(self, explicit: int | None) -> int:
        self.last = explicit if explicit is not None and explicit > self.last else self.last + 1
        return self.last


@dataclass(frozen=True)
class Kept:
    """An explicit number: where it is, what is shown and what order alone would give."""

    path: tuple[str | int, ...]  # ("parts", 1, "sections", 2): the item in the data file
    label: str  # （三）
    derived: str  # （二）
    valid: bool  # larger than the derived number


def _check(counter: Counter, explicit: int | None, path: tuple[str | int, ...],
           label: Callable[[int], str], out: list[Kept]) -> None:
    derived = counter.last + 1
    counter.take(explicit)
    if explicit is not None:
        out.append(Kept(path, label(explicit), label(derived), explicit > derived))


def kept_numbers(notice: r.Notice) -> list[Kept]:
    """Every explicit number in the notice, in reading order, with whether it is allowed."""
    out: list[Kept] = []
    parts, themes, problems, section_problems = Counter(), Counter(), Counter(), Counter()

    def theme_list(items: tuple[r.Theme, ...], at: tuple[str | int, ...]) -> None:
        for t_index, theme in enumerate(items):
            _check(themes, theme.number, (*at, "themes", t_index), num.theme_label, out)
            for p_index, problem in enumerate(theme.problems):
                _check(problems, problem.number, (*at, "themes", t_index, "problems", p_index),
                       num.problem_label, out)

    for p_index, part in enumerate(notice.parts):
        _check(parts, part.number, ("parts", p_index), num.part_label, out)
        sections = Counter()
        for s_index, section in enumerate(part.sections):
            at = ("parts", p_index, "sections", s_index)
            _check(sections, section.number, at, num.section_label, out)
            theme_list(section.themes, at)
            if notice.section_problems == "restart":
                section_problems = Counter()
            for q_index, problem in enumerate(section.problems):
                _check(section_problems, problem.number, (*at, "problems", q_index), num.theme_label, out)
        theme_list(part.themes, ("parts", p_index))
    return out


def dotted(path: tuple[str | int, ...]) -> str:
    """("parts", 1, "sections", 2) -> parts[1].sections[2].number, as data messages name fields."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out + ".number"


def node_at(root: yaml.Node, path: tuple[str | int, ...]) -> yaml.Node:
    """The YAML node of the item at path (its mapping), for the line of a message; root if not found."""
    node = root
    for step in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if getattr(k, "value", None) == step]
            if not found:
                return node
            node = found[0]
        else:
            return node
    return node
