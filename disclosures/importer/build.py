"""Placing the lines of a notice into the data shape, and listing every guess for the clerk.

Levels map to containers: 一、 part, (一) section, 1. theme, (1) problem, 一是
measure. A level may be skipped where the data shape allows it (a part that
holds themes directly, a section that holds measures directly). Whatever cannot
be placed stays, word for word, as a paragraph at the same point in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .. import texts
from ..typography import to_fullwidth
from . import facts as f
from .labels import Label, Level, is_sentence, label_of, split_lead
from .source import Line, trim_chrome

Para = str | dict[str, str]
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TITLE_END = re.compile(r"(通报|公告|通知|报告|情况|公示|决定|说明)$")
_LEVEL_NAMES = {Level.PART: texts.IMPORT_LEVEL_PART, Level.SECTION: texts.IMPORT_LEVEL_SECTION,
                Level.THEME: texts.IMPORT_LEVEL_THEME, Level.PROBLEM: texts.IMPORT_LEVEL_PROBLEM,
                Level.MEASURE: texts.IMPORT_LEVEL_MEASURE}


@dataclass(frozen=True)
class ReviewItem:
    line: int  # source line (paragraph for .docx); 0 for the whole notice
    kind: str  # "guess": check it; "unplaced": kept as a plain paragraph; "dropped": not in the data
    message: str

    def __str__(self) -> str:
        where = texts.IMPORT_AT_LINE.format(line=self.line) if self.line else texts.IMPORT_WHOLE_TEXT
        return texts.IMPORT_REVIEW_LINE.format(where=where, kind=_KINDS[self.kind], message=self.message)


_KINDS = {"guess": texts.IMPORT_KIND_GUESS, "unplaced": texts.IMPORT_KIND_UNPLACED,
          "dropped": texts.IMPORT_KIND_DROPPED, "note": texts.IMPORT_KIND_NOTE}


@dataclass
class Imported:
    data: dict[str, Any]
    review: list[ReviewItem] = field(default_factory=list)


def _text(text: str) -> str:
    return to_fullwidth(text.strip())


def _para(text: str) -> Para:
    """A numbered paragraph's text: {lead, text} when a lead sentence is run in, else plain text."""
    lead, body = split_lead(text)
    return {"lead": _text(lead), "text": _text(body)} if body else _text(text)


def _new_part(heading: str) -> dict[str, Any]:
    return {"heading": heading, "paragraphs": [], "sections": [], "themes": [], "closing": []}


class _Placer:
    """Walks the labelled lines once, keeping the open part, section, theme and problem."""

    def __init__(self, items: list[tuple[Line, Label | None]], review: list[ReviewItem]):
        self.items = items
        self.review = review
        self.preamble: list[Para] = []
        self.parts: list[dict[str, Any]] = []
        self.part: dict[str, Any] | None = None
        self.section: dict[str, Any] | None = None
        self.problem: dict[str, Any] | None = None
        self.theme: dict[str, Any] | None = None
        self.labelled: set[int] = set()  # ids of measure lists that came from 一是 labels
        self.closed = False  # the part already has closing text: nothing structured can follow in order
        self.orphan: Level | None = None  # level of the last item left unplaced: its children follow it

    # -- where a plain paragraph can go without changing the order of the text ------------------
    def _tail(self) -> list[Para]:
        if self.part is None:
            return self.preamble
        if not self.closed:
            s = self.section
            if s is not None and "heading" in s and not s["themes"] and not s["measures"]:
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
        self._tail().append(_text(line.text))
        self.review.append(ReviewItem(line.number, "unplaced", texts.IMPORT_UNPLACED.format(why=why, text=to_fullwidth(line.text[:30]))))

    def _check_number(self, line: Line, label: Label, position: int) -> None:
        if label.number != position:
            self.review.append(ReviewItem(line.number, "guess",
                                          texts.IMPORT_RENUMBERED.format(level=_LEVEL_NAMES[label.level],
                                                                         written=label.number, position=position)))

    # -- lookahead ---------------------------------------------------------------------------------
    def _next(self, i: int) -> Label | None | str:
        """The label of the next line, None for a plain line, "end" after the last line."""
        return self.items[i + 1][1] if i + 1 < len(self.items) else "end"

    def _problem_has_body(self, i: int) -> bool:
        label = self.items[i][1]
        nxt = self._next(i)
        return bool(label and split_lead(label.rest)[1]) or nxt is None or (
            isinstance(nxt, Label) and nxt.level == Level.MEASURE)

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
            if label is None:
                self._plain(line)
            elif label.level != Level.PART and self.closed:
                self._unplaced(line, texts.IMPORT_AFTER_CLOSING.format(level=_LEVEL_NAMES[label.level]))
            else:
                handlers[label.level](i, line, label)

    def _part(self, i: int, line: Line, label: Label) -> None:
        lead, body = split_lead(label.rest)
        self.part = _new_part(_text(lead))
        self.parts.append(self.part)
        self.section = self.theme = self.problem = None
        self.closed = False
        self._check_number(line, label, len(self.parts))
        if body:
            self.part["paragraphs"].append(_text(body))
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_PART_HEADING_WITH_TEXT))

    def _section(self, i: int, line: Line, label: Label) -> None:
        if self.part is None or self.part["themes"]:
            self._unplaced(line, texts.IMPORT_SECTION_OUTSIDE_PART if self.part is None
                          else texts.IMPORT_SECTION_AFTER_THEME)
            return
        lead, body = split_lead(label.rest)
        nxt = self._next(i)
        deeper = isinstance(nxt, Label) and nxt.level > Level.SECTION
        if body:
            section: dict[str, Any] = {"lead": _text(lead), "text": _text(body)}
        elif is_sentence(label.rest) and not deeper:
            section = {"text": _text(label.rest)}
        else:
            section = {"heading": _text(label.rest)}
        section |= {"paragraphs": [], "themes": [], "measures": []}
        self.part["sections"].append(section)
        self.section, self.theme, self.problem = section, None, None
        self._check_number(line, label, len(self.part["sections"]))

    def _theme(self, i: int, line: Line, label: Label) -> None:
        if self.part is None:
            return self._unplaced(line, texts.IMPORT_THEME_OUTSIDE_PART)
        s = self.section
        if s is not None:
            holder = s["themes"] if "heading" in s and not s["measures"] else None
        else:
            holder = self.part["themes"] if not self.part["sections"] else None
        if holder is None:
            return self._unplaced(line, texts.IMPORT_THEME_NOT_HERE)
        if not self._theme_has_problems(i):
            return self._unplaced(line, texts.IMPORT_THEME_WITHOUT_PROBLEM)
        self.theme = {"heading": _text(label.rest), "problems": []}
        holder.append(self.theme)
        self.problem = None
        self._check_number(line, label, self._count(Level.THEME))

    def _problem(self, i: int, line: Line, label: Label) -> None:
        if self.theme is None:
            return self._unplaced(line, texts.IMPORT_PROBLEM_OUTSIDE_THEME)
        if not self._problem_has_body(i):
            return self._unplaced(line, texts.IMPORT_PROBLEM_WITHOUT_MEASURE)
        lead, body = split_lead(label.rest)
        self.problem = {"heading": _text(lead), "measures": []}
        if body:
            self.problem["measures"].append(_text(body))
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_PROBLEM_HEADING_WITH_TEXT))
        self.theme["problems"].append(self.problem)
        self._check_number(line, label, self._count(Level.PROBLEM))

    def _measure(self, i: int, line: Line, label: Label) -> None:
        s = self.section
        if self.problem is not None:
            holder = self.problem["measures"]
        elif s is not None and "heading" in s and not s["themes"]:
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
            return self._tail().append(_text(line.text))
        if self.problem is not None and id(self.problem["measures"]) not in self.labelled:
            self.problem["measures"].append(_text(line.text))
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_UNNUMBERED_AS_MEASURE))
            return
        structured = self.part["sections"] or self.part["themes"]
        target = self._tail()
        if structured and target is self.part["closing"]:
            self.review.append(ReviewItem(line.number, "guess", texts.IMPORT_UNNUMBERED_AS_CLOSING.format(part=len(self.parts))))
        target.append(_text(line.text))

    def _count(self, level: Level) -> int:
        """Themes and problems are numbered on through the notice."""
        themes = [t for p in self.parts for t in p["themes"] + [t for s in p["sections"] for t in s["themes"]]]
        return len(themes) if level == Level.THEME else sum(len(t["problems"]) for t in themes)


def _clean(node: Any) -> Any:
    """Drop empty lists, so the file reads like a hand-kept one."""
    if isinstance(node, dict):
        return {k: _clean(v) for k, v in node.items() if v not in ([], "", None)}
    if isinstance(node, list):
        return [_clean(v) for v in node]
    return node


def _signature(lines: list[Line]) -> tuple[str, dt.date | None, int]:
    """Signature name and date from the last lines, and how many lines they took."""
    if not lines:
        return "", None, 0
    date = f.single_date(lines[-1].text)
    if date is None:
        return "", None, 0
    if len(lines) >= 2:
        name = lines[-2].text
        if len(name) <= 40 and not is_sentence(name) and label_of(name) is None and "。" not in name:
            return name, date, 2
    return "", date, 1


def _title_line(lines: list[Line]) -> str:
    if not lines:
        return ""
    first = lines[0].text
    if len(first) <= 60 and "。" not in first and label_of(first) is None and _TITLE_END.search(first) \
            and not f.is_invitation(first):
        return first
    return ""


def import_lines(lines: list[Line], notice_id: str = "", title: str = "",
                 notes: list[tuple[int, str]] | None = None) -> Imported:
    """A notice's lines -> the data of its YAML file and the review list."""
    review = [ReviewItem(n, "note", msg) for n, msg in (notes or [])]
    lines, chrome = trim_chrome(lines)
    review += [ReviewItem(c.number, "dropped", texts.IMPORT_CHROME.format(text=to_fullwidth(c.text))) for c in chrome]

    title_line = _title_line(lines)
    title_at = lines[0].number if title_line else 0
    if title_line:
        lines = lines[1:]
    sig_name, sig_date, taken = _signature(lines)
    sig_lines = lines[len(lines) - taken:]
    lines = lines[: len(lines) - taken]

    invitation_at = next((i for i in range(len(lines) - 1, -1, -1)
                          if f.is_invitation(lines[i].text) and label_of(lines[i].text) is None), None)
    invitation_line = lines.pop(invitation_at) if invitation_at is not None else None

    placer = _Placer([(line, label_of(line.text)) for line in lines], review)
    placer.run()

    preamble_text = "".join(p if isinstance(p, str) else p["lead"] + p["text"] for p in placer.preamble)
    first_line = lines[0].number if lines else 0
    facts = f.notice_facts(preamble_text, "\n".join(line.text for line in lines))
    data: dict[str, Any] = {}
    channels = f.channels(invitation_line.text) if invitation_line else f.Channels()

    published = sig_date or (channels.window[0] if channels.window else None)
    issuer = _text(facts.issuer or sig_name)
    if not issuer:
        issuer = texts.IMPORT_FILL_ISSUER
        review.append(ReviewItem(0, "guess", texts.IMPORT_NO_ISSUER))
    elif not facts.issuer:
        review.append(ReviewItem(sig_lines[0].number if sig_lines else 0, "guess", texts.IMPORT_ISSUER_FROM_SIGNATURE.format(issuer=issuer)))
    else:
        review.append(ReviewItem(first_line, "guess", texts.IMPORT_ISSUER.format(issuer=issuer) +
                                 (texts.IMPORT_SHORT_NAME.format(short_name=to_fullwidth(facts.short_name))
                                  if facts.short_name else "")))
    if published is None:
        published = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        review.append(ReviewItem(0, "guess", texts.IMPORT_NO_DATE.format(published=published)))
    else:
        review.append(ReviewItem(sig_lines[-1].number if sig_date else invitation_line.number, "guess",
                                 texts.IMPORT_PUBLISHED.format(published=published)))

    if title:
        data_title = title
    elif title_line:
        data_title = _text(title_line)
        review.append(ReviewItem(title_at, "guess", texts.IMPORT_TITLE_FROM_FIRST_LINE.format(title=data_title)))
    elif not facts.issuer and not sig_name:
        data_title = texts.IMPORT_FILL_TITLE
        review.append(ReviewItem(0, "guess", texts.IMPORT_NO_TITLE))
    else:
        data_title = _text(texts.IMPORT_TITLE_ABOUT.format(issuer=issuer, subject=facts.title_object) if facts.title_object
                           else texts.IMPORT_TITLE_PLAIN.format(issuer=issuer))
        review.append(ReviewItem(0, "guess", texts.IMPORT_GUESSED_TITLE.format(title=data_title)))

    if not notice_id or not _ID.match(notice_id):
        notice_id = f"notice-{published.isoformat()}"
        review.append(ReviewItem(0, "guess", texts.IMPORT_GUESSED_ID.format(id=notice_id)))
    data["id"] = notice_id
    data["title"] = data_title
    data["published"] = published
    data["issuer"] = {"name": issuer, "short_name": _text(facts.short_name)}

    if facts.body and facts.start and facts.end and facts.feedback:
        data["inspection"] = {"body": _text(facts.body), "round": _text(facts.round), "start": facts.start,
                              "end": facts.end, "feedback": facts.feedback}
        review.append(ReviewItem(first_line, "guess", texts.IMPORT_INSPECTION.format(
            body=to_fullwidth(facts.body), start=facts.start, end=facts.end, feedback=facts.feedback) +
            (texts.IMPORT_INSPECTION_ROUND.format(round=to_fullwidth(facts.round)) if facts.round else "")))
    elif facts.body or facts.start or facts.feedback:
        review.append(ReviewItem(first_line, "dropped", texts.IMPORT_INSPECTION_INCOMPLETE))

    if channels.window:
        data["window"] = {"start": channels.window[0], "end": channels.window[1]}
        review.append(ReviewItem(invitation_line.number, "guess", texts.IMPORT_WINDOW.format(start=channels.window[0],
                                                                                   end=channels.window[1])))
    data["preamble"] = placer.preamble
    data["parts"] = placer.parts
    if invitation_line:
        data["invitation"] = _text(channels.invitation)
        contact = _contact(channels, invitation_line.number, review)
        if contact:
            data["contact"] = contact
        if channels.leftover:
            review.append(ReviewItem(invitation_line.number, "dropped",
                                     texts.IMPORT_CLOSING_LEFTOVER.format(text=to_fullwidth(channels.leftover))))
    if sig_name:
        signature_name = _text(sig_name)
    else:
        signature_name = issuer
        review.append(ReviewItem(0, "guess", texts.IMPORT_SIGNATURE_FROM_ISSUER.format(issuer=issuer)))
    data["signature"] = {"name": signature_name, "date": sig_date or published}
    if not placer.parts:
        review.append(ReviewItem(0, "note", texts.IMPORT_NO_PARTS))
        data["parts"] = [{"heading": texts.IMPORT_FILL_TITLE}]
    return Imported(data=_clean(data), review=sorted(review, key=lambda item: item.line))


def _contact(channels: f.Channels, line: int, review: list[ReviewItem]) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    if channels.phone:
        contact["phone"] = {"number": channels.phone, "hours": channels.hours}
    if channels.address and channels.postcode:
        contact["postal"] = {"address": _text(channels.address), "postcode": channels.postcode,
                             "envelope_note": _text(channels.envelope_note)}
    elif channels.address or channels.postcode:
        review.append(ReviewItem(line, "dropped", texts.IMPORT_POSTAL_INCOMPLETE))
    if channels.email:
        contact["email"] = channels.email
    if contact:
        found = texts.IMPORT_FIELD_SEPARATOR.join(contact)
        review.append(ReviewItem(line, "guess", texts.IMPORT_CONTACT_FROM_CLOSING.format(found=found)))
    return contact
