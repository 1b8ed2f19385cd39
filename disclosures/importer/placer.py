"""Placing the lines of a notice into the data shape, and listing every guess for the clerk.

Levels map to containers: 一、 part, (一) section, 1. theme, (1) problem, 一是
measure. A level may be skipped where the data shape allows it (a part that
holds themes directly, a section that holds measures or problems directly, a
notice whose top level is (一)). Whatever cannot be placed stays, word for
word, as a paragraph at the same point in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from disclosures.core import texts
from disclosures.core.typography import to_fullwidth

from .labels import Label, Level, checked_as_label, is_sentence, label_of, measure_spans, split_lead
from .review import ReviewItem
from .source import Line

Para = str | dict[str, str]
# The lead-in before a problem's measures: 整改落实情况：一是…二是…
LEAD_IN = re.compile(r"^(整改落实情况|整改情况|整改措施|整改进展情况|整改进展|落实情况)\s*[:：]\s*")
_LEVEL_NAMES = {Level.PART: texts.IMPORT_LEVEL_PART, Level.SECTION: texts.IMPORT_LEVEL_SECTION,
                Level.THEME: texts.IMPORT_LEVEL_THEME, Level.PROBLEM: texts.IMPORT_LEVEL_PROBLEM,
                Level.MEASURE: texts.IMPORT_LEVEL_MEASURE}


def tidy(text: str) -> str:
    """Text as stored: trimmed, Chinese punctuation full-width."""
    return to_fullwidth(text.strip())


def _para(text: str) -> Para:
    """A numbered paragraph's text: {lead, text} when a lead sentence is run in, else plain text."""
    lead, body = split_lead(text)
    return {"lead": tidy(lead), "text": tidy(body)} if body else tidy(text)


def _new_part(heading: str) -> dict[str, Any]:
    return {"heading": heading, "paragraphs": [], "sections": [], "themes": [], "closing": []}


def _refused(p: Para) -> bool:
    """The check would refuse this numbered value: it opens with what reads as a typed label."""
    return checked_as_label(p if isinstance(p, str) else p["lead"] or p["text"])


@dataclass(frozen=True)
class Body:
    """A problem's measures found in one paragraph, and what the review says about them."""

    lead_in: str  # 整改落实情况：, or ""
    measures: list[Para]  # empty: a lead-in alone, its measures follow as paragraphs of their own
    message: str
    enumerated: bool = False  # read from 一是 二是 …: a later 一是 would start a second list


def _enumerated(text: str) -> list[Para] | None:
    """一是……；二是…… run on in one paragraph -> the measures without their labels (None if not a list).

    A lone 一是 with no 二是 is a list of one: its label is not kept in the text, because the check
    refuses a typed label and the page writes the label itself where it shows one. The review says so."""
    label = label_of(text)
    if label is None or label.level != Level.MEASURE or label.number != 1:
        return None
    spans = measure_spans(text)
    return [m for m in (_para(text[a:b]) for a, b in spans) if m] if spans else None


def problem_body(text: str) -> Body | None:
    """The measures a problem's paragraph gives (after its heading, or on a line of its own after a
    lead-in such as 整改落实情况：). None when one of them would still open with something the check
    reads as a typed label: the importer never writes what the check refuses, so such a line stays a
    paragraph, word for word (see Placer._unplaced)."""
    match = LEAD_IN.match(text)
    rest = text[match.end():].strip() if match else text
    lead_in = tidy(match.group(0).strip()) if match else ""
    listed = _enumerated(rest)
    if match and (not rest or rest == "一是" or listed == []):
        return Body(lead_in, [], texts.IMPORT_LEAD_IN_ALONE.format(lead_in=lead_in))
    if listed and len(listed) > 1:
        message = texts.IMPORT_LEAD_IN if match else texts.IMPORT_RUN_ON_MEASURES
        body = Body(lead_in, listed, message.format(lead_in=lead_in, count=len(listed)), True)
    elif listed:
        body = Body(lead_in, listed, texts.IMPORT_LEAD_IN_LONE_LABEL.format(lead_in=lead_in) if match
                    else texts.IMPORT_PROBLEM_HEADING_WITH_TEXT, True)
    elif match:
        body = Body(lead_in, [tidy(rest)], texts.IMPORT_LEAD_IN_ONE.format(lead_in=lead_in))
    else:
        body = Body("", [tidy(rest)], texts.IMPORT_PROBLEM_HEADING_WITH_TEXT)
    return None if any(_refused(m) for m in body.measures) else body


def placeable(label: Label | None) -> Label | None:
    """The label, unless its text would open a numbered value with what the check reads as a typed
    label (一、（一）…, 1.（1）…, （1）问题。②…): then the line is not placed by it at all."""
    if label is None or checked_as_label(tidy(label.rest)):
        return None
    body = split_lead(label.rest)[1]
    if label.level in (Level.THEME, Level.PROBLEM) and body and problem_body(body) is None:
        return None
    return label


class Placer:
    """Walks the labelled lines once, keeping the open part, section, theme and problem."""

    def __init__(self, items: list[tuple[Line, Label | None]], review: list[ReviewItem]):
        # A label whose text the check would refuse is not followed: the line is kept as a paragraph.
        self.demoted = {i for i, (_, label) in enumerate(items) if label is not None and placeable(label) is None}
        self.items = [(line, None if i in self.demoted else label) for i, (line, label) in enumerate(items)]
        self.review = review
        self.preamble: list[Para] = []
        self.parts: list[dict[str, Any]] = []
        self.part: dict[str, Any] | None = None
        self.section: dict[str, Any] | None = None
        self.problem: dict[str, Any] | None = None
        self.theme: dict[str, Any] | None = None
        self.labelled: set[int] = set()  # ids of measure lists that came from 一是 labels
        self.separate_lead_in: set[int] = set()  # ids of measure lists after a lead-in on a line of its own
        self.closed = False  # the part already has closing text: nothing structured can follow in order
        self.orphan: Level | None = None  # level of the last item left unplaced: its children follow it
        # Numbers shown so far, as the page derives them (disclosures/numbering/ordinals.py).
        self.last = {Level.PART: 0, Level.SECTION: 0, Level.THEME: 0, Level.PROBLEM: 0}
        self.section_problem_no = 0
        self.section_problems = ""  # "restart" or "continue", once two sections held problems
        # A notice without the 一、 level: the first (一) opens the one part, which has no heading.
        labels = [label.level for _, label in items if label is not None]
        self.top_is_section = Level.PART not in labels and Level.SECTION in labels

    # -- where a plain paragraph can go without changing the order of the text ------------------
    def _tail(self) -> list[Para]:
        if self.part is None:
            return self.preamble
        if not self.closed:
            s = self.section
            if s is not None and "heading" in s and not s["themes"] and not s["measures"] and not s["problems"]:
                return s["paragraphs"]
            if not self.part["sections"] and not self.part["themes"]:
                return self.part["paragraphs"]
        self.closed = True
        self.section = self.theme = self.problem = None
        return self.part["closing"]

    def _unplaced(self, line: Line, why: str) -> None:
        label = label_of(line.text)
        if label is not None and (self.orphan is None or label.level < self.orphan):
            self.orphan = label.level
        self._tail().append(tidy(line.text))
        self.review.append(ReviewItem(line.number, "unplaced", texts.IMPORT_UNPLACED.format(why=why, text=line.text[:30])))

    def _check_number(self, line: Line, label: Label, position: int) -> None:
        if label.number != position:
            self.review.append(ReviewItem(line.number, "guess",
                                          texts.IMPORT_RENUMBERED.format(level=_LEVEL_NAMES[label.level],
                                                                         written=label.number, position=position)))

    def _numbered(self, line: Line, label: Label, item: dict[str, Any], last: int) -> int:
        """The number the page will show: the source's own where it skips ahead (kept as `number`, a
        deliberate exception), else the next one (a repeat or a step back is renumbered and reported)."""
        if label.number > last + 1:
            item["number"] = label.number
            self.review.append(ReviewItem(line.number, "kept", texts.IMPORT_KEPT_NUMBER.format(
                level=to_fullwidth(_LEVEL_NAMES[label.level]), number=label.number, derived=last + 1)))
            return label.number
        self._check_number(line, label, last + 1)
        return last + 1

    # -- lookahead ---------------------------------------------------------------------------------
    def _next(self, i: int) -> Label | None | str:
        """The label of the next line, None for a plain line, "end" after the last line."""
        return self.items[i + 1][1] if i + 1 < len(self.items) else "end"

    def _problem_has_body(self, i: int) -> bool:
        """The problem at line i will have measures: in its own paragraph, or in the lines below it."""
        label = self.items[i][1]
        body = split_lead(label.rest)[1] if label else ""
        found = problem_body(body) if body else None
        if found is not None and found.measures:
            return True
        return (not body or found is not None) and self._measures_follow(i + 1)

    def _measures_follow(self, j: int) -> bool:
        """Line j opens the measures of the problem above it (_measure or _plain will take it)."""
        if j >= len(self.items) or j in self.demoted:
            return False
        line, label = self.items[j]
        if label is not None:
            return label.level == Level.MEASURE
        if LEAD_IN.match(line.text):
            found = problem_body(line.text)
            return found is not None and (bool(found.measures) or self._measures_follow(j + 1))
        return not checked_as_label(tidy(line.text))

    def _theme_has_problems(self, i: int) -> bool:
        nxt = self._next(i)
        return isinstance(nxt, Label) and nxt.level == Level.PROBLEM and self._problem_has_body(i + 1)

    # -- one handler per level -----------------------------------------------------------------------
    def run(self) -> None:
        handlers = {Level.PART: self._part, Level.SECTION: self._section, Level.THEME: self._theme,
                    Level.PROBLEM: self._problem, Level.MEASURE: self._measure}
        for i, (line, label) in enumerate(self.items):
            if self.orphan is not None and (label is None or label.level > self.orphan):
                self._unplaced(line, texts.IMPORT_UNDER_UNPLACED)
                continue
            self.orphan = None
            if i in self.demoted:
                self._unplaced(line, texts.IMPORT_LABEL_IN_TEXT)
                continue
            if label is None:
                self._plain(line)
            elif label.level != Level.PART and self.closed:
                self._unplaced(line, texts.IMPORT_AFTER_CLOSING.format(level=_LEVEL_NAMES[label.level]))
            else:
                handlers[label.level](i, line, label)

    def _part(self, i: int, line: Line, label: Label) -> None:
        lead, body = split_lead(label.rest)
        self.part = _new_part(tidy(lead))
        self.parts.append(self.part)
        self.section = self.theme = self.problem = None
        self.closed = False
        self.last[Level.PART] = self._numbered(line, label, self.part, self.last[Level.PART])
        self.last[Level.SECTION] = 0
        if body:
            self.part["paragraphs"].append(tidy(body))
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_PART_HEADING_WITH_TEXT))

    def _section(self, i: int, line: Line, label: Label) -> None:
        if self.part is None and self.top_is_section:
            self.part = _new_part("")
            self.parts.append(self.part)
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_TOP_LEVEL_SECTION))
        if self.part is None or self.part["themes"]:
            self._unplaced(line, texts.IMPORT_SECTION_OUTSIDE_PART if self.part is None
                                  else texts.IMPORT_SECTION_AFTER_THEME)
            return
        lead, body = split_lead(label.rest)
        nxt = self._next(i)
        deeper = isinstance(nxt, Label) and nxt.level > Level.SECTION
        if body:
            section: dict[str, Any] = {"lead": tidy(lead), "text": tidy(body)}
        elif is_sentence(label.rest) and not deeper:
            section = {"text": tidy(label.rest)}
        else:
            section = {"heading": tidy(label.rest)}
        section |= {"paragraphs": [], "themes": [], "problems": [], "measures": []}
        self.part["sections"].append(section)
        self.section, self.theme, self.problem = section, None, None
        self.last[Level.SECTION] = self._numbered(line, label, section, self.last[Level.SECTION])

    def _theme(self, i: int, line: Line, label: Label) -> None:
        if self.part is None:
            return self._unplaced(line, texts.IMPORT_THEME_OUTSIDE_PART)
        s = self.section
        if s is not None:
            holder = s["themes"] if "heading" in s and not s["measures"] and not s["problems"] else None
        else:
            holder = self.part["themes"] if not self.part["sections"] else None
        if not self._theme_has_problems(i):
            if s is not None and "heading" in s and not s["themes"] and not s["measures"] \
                    and self._problem_has_body(i):
                return self._section_problem(line, label, s)
            return self._unplaced(line, texts.IMPORT_THEME_WITHOUT_PROBLEM)
        if holder is None:
            return self._unplaced(line, texts.IMPORT_THEME_NOT_HERE)
        self.theme = {"heading": tidy(label.rest), "problems": []}
        holder.append(self.theme)
        self.problem = None
        self.last[Level.THEME] = self._numbered(line, label, self.theme, self.last[Level.THEME])

    def _section_problem(self, line: Line, label: Label, section: dict[str, Any]) -> None:
        """1. directly under a category: a problem, with its measures below or run on after a lead-in."""
        if not section["problems"] and self.section_problem_no:  # a later category: restart or run on?
            restarts = label.number == 1
            if not self.section_problems:
                self.section_problems = "restart" if restarts else "continue"
                if restarts:
                    self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_SECTION_PROBLEMS_RESTART))
            if self.section_problems == "restart":
                self.section_problem_no = 0
        lead, body = split_lead(label.rest)
        self.problem = {"heading": tidy(lead), "lead_in": "", "measures": []}
        self.theme = None
        section["problems"].append(self.problem)
        self.section_problem_no = self._numbered(line, label, self.problem, self.section_problem_no)
        if body:
            self._problem_body(line, body)

    def _problem(self, i: int, line: Line, label: Label) -> None:
        if self.theme is None:
            return self._unplaced(line, texts.IMPORT_PROBLEM_OUTSIDE_THEME)
        if not self._problem_has_body(i):
            return self._unplaced(line, texts.IMPORT_PROBLEM_WITHOUT_MEASURE)
        lead, body = split_lead(label.rest)
        self.problem = {"heading": tidy(lead), "lead_in": "", "measures": []}
        self.theme["problems"].append(self.problem)
        self.last[Level.PROBLEM] = self._numbered(line, label, self.problem, self.last[Level.PROBLEM])
        if body:
            self._problem_body(line, body)

    def _problem_body(self, line: Line, body: str) -> None:
        """Text after a problem's heading in the same paragraph: its measures (after a lead-in, as published)."""
        assert self.problem is not None
        found = problem_body(body)
        assert found is not None  # placeable() and _plain() only let a body through that the check accepts
        self.problem["lead_in"] = found.lead_in
        if found.lead_in and not found.measures:  # the lead-in alone: the measures follow as paragraphs
            self.separate_lead_in.add(id(self.problem["measures"]))
        elif found.enumerated and not found.lead_in:
            self.labelled.add(id(self.problem["measures"]))  # its own 一是 list: a later 一是 starts another
        self.problem["measures"].extend(found.measures)
        self.review.append(ReviewItem(line.number, "guess", found.message))

    def _run_on_done(self) -> bool:
        """The open problem's measures were run on after a lead-in in one paragraph: nothing can join them."""
        return self.problem is not None and bool(self.problem.get("lead_in")) \
            and id(self.problem["measures"]) not in self.separate_lead_in

    def _measure(self, i: int, line: Line, label: Label) -> None:
        s = self.section
        if self._run_on_done():
            return self._unplaced(line, texts.IMPORT_MEASURE_AFTER_RUN_ON)
        if self.problem is not None:
            holder = self.problem["measures"]
        elif s is not None and "heading" in s and not s["themes"] and not s["problems"]:
            holder = s["measures"]
        else:
            return self._unplaced(line, texts.IMPORT_MEASURE_OUTSIDE)
        if label.number == 1 and id(holder) in self.labelled and holder:
            return self._unplaced(line, texts.IMPORT_MEASURES_RESTART)
        self.labelled.add(id(holder))
        holder.append(_para(label.rest))
        self._check_number(line, label, len(holder))

    def _plain(self, line: Line) -> None:
        if self.part is None or self.closed:
            return self._tail().append(tidy(line.text))
        if self.problem is not None and not self.problem["measures"] and LEAD_IN.match(line.text):
            if problem_body(line.text) is None:
                return self._unplaced(line, texts.IMPORT_LABEL_IN_TEXT)
            return self._problem_body(line, line.text)
        if self._run_on_done():
            return self._unplaced(line, texts.IMPORT_PLAIN_AFTER_RUN_ON)
        if self.problem is not None and checked_as_label(tidy(line.text)):
            return self._unplaced(line, texts.IMPORT_LABEL_IN_TEXT)
        if self.problem is not None and id(self.problem["measures"]) not in self.labelled:
            self.problem["measures"].append(tidy(line.text))
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_UNNUMBERED_AS_MEASURE))
            return
        structured = self.part["sections"] or self.part["themes"]
        target = self._tail()
        if structured and target is self.part["closing"]:
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_UNNUMBERED_AS_CLOSING.format(part=len(self.parts))))
        target.append(tidy(line.text))
