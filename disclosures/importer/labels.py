"""Recognising the official numbering labels at the start of a paragraph.

Levels, outermost first: 一、  (一)  1.  (1)  一是. Full-width and half-width
forms are the same label: （一） (一), 1. 1． 1、, （1） (1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from disclosures.load.validate import _TYPED_LABEL
from disclosures.numbering.labels import chinese_numeral


class Level(IntEnum):
    PART = 1  # 一、
    SECTION = 2  # （一）
    THEME = 3  # 1.
    PROBLEM = 4  # （1）
    MEASURE = 5  # 一是


_CN = "一二三四五六七八九十百零〇"
_PATTERNS = (
    (Level.PART, re.compile(rf"^([{_CN}]+)\s*[、．]\s*(.+)$")),
    (Level.SECTION, re.compile(rf"^[(（]\s*([{_CN}]+)\s*[)）]\s*(.+)$")),
    # 1. 1． 1、 but not a decimal (1.5亿元) or a year (2024年)
    (Level.THEME, re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*(.+)$")),
    (Level.PROBLEM, re.compile(r"^[(（]\s*(\d{1,3})\s*[)）]\s*(.+)$")),
    (Level.MEASURE, re.compile(rf"^([{_CN}]+)是(?![否的])\s*(.+)$")),
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGITS["〇"] = 0


def checked_as_label(value: str) -> bool:
    """The check refuses this value where the page writes the label itself (headings, leads, measures):
    it opens with a typed label in any style (1) ① 第一， 一是否 … too, not only those placed here).
    The check's own pattern, so the two can never disagree."""
    return _TYPED_LABEL.match(value) is not None


def chinese_to_int(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 一百零五 -> 105."""
    total, digit = 0, 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            unit = 100 if char == "百" else 10
            total += (digit or 1) * unit
            digit = 0
    return total + digit


@dataclass(frozen=True)
class Label:
    level: Level
    number: int
    rest: str  # the paragraph without its label


def label_of(text: str) -> Label | None:
    """The numbering label a paragraph opens with, if any."""
    for level, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            raw = match.group(1)
            number = int(raw) if raw.isdigit() else chinese_to_int(raw)
            return Label(level, number, match.group(2).strip())
    return None


_CLOSERS = {"“": "”", "‘": "’", "《": "》", "(": ")", "（": "）", "[": "]", "【": "】", "\"": "\""}


def split_lead(text: str) -> tuple[str, str]:
    """A run-in heading: (first sentence with its 。, the rest). The rest is empty when there is none.

    A full stop inside quotation marks, titles or brackets does not end the lead.
    """
    expected: list[str] = []
    for index, char in enumerate(text):
        if expected and char == expected[-1]:
            expected.pop()
        elif char in _CLOSERS:
            expected.append(_CLOSERS[char])
        elif not expected and char in "。！？!?" and (char in "。！？" or index + 1 == len(text)):
            return text[: index + 1], text[index + 1:].strip()
    return text, ""


def is_sentence(text: str) -> bool:
    """Ends like a sentence (a heading does not)."""
    return text.endswith(("。", "！", "？", "；", ";"))


def measure_spans(text: str) -> list[tuple[int, int]]:
    """Measures run on in one paragraph (一是……；二是……。三是……): the span of each, labels left out.

    Empty unless the text opens with 一是 and every next label (二是, 三是 …) follows the end of a
    clause or sentence; anything else is not read as a list.
    """
    if not text.startswith("一是"):
        return []
    starts = [0]
    while True:
        label = f"{chinese_numeral(len(starts) + 1)}是"
        at = text.find(label, starts[-1] + 2)
        while at > 0 and text[at - 1] not in "。；;！!？?":
            at = text.find(label, at + 1)
        if at <= 0:
            break
        starts.append(at)
    ends = starts[1:] + [len(text)]
    return [(start + len(chinese_numeral(n)) + 1, end) for n, (start, end) in enumerate(zip(starts, ends), start=1)]
