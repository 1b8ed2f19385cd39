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

from ..typography import to_fullwidth
from . import facts as f
from .labels import Label, Level, is_sentence, label_of, split_lead
from .source import Line, trim_chrome

Para = str | dict[str, str]
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TITLE_END = re.compile(r"(通报|公告|通知|报告|情况|公示|决定|说明)$")
_LEVEL_NAMES = {Level.PART: "部分“一、”", Level.SECTION: "小节“(一)”", Level.THEME: "主题“1.”",
                Level.PROBLEM: "问题“(1)”", Level.MEASURE: "措施“一是”"}


@dataclass(frozen=True)
class ReviewItem:
    line: int  # source line (paragraph for .docx); 0 for the whole notice
    kind: str  # "guess": check it; "unplaced": kept as a plain paragraph; "dropped": not in the data
    message: str

    def __str__(self) -> str:
        where = f"第{self.line}行" if self.line else "全文"
        return to_fullwidth(f"{where} [{_KINDS[self.kind]}] {self.message}")


_KINDS = {"guess": "推测,请核对", "unplaced": "未能归位,保留为段落", "dropped": "未放入数据", "note": "提示"}


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
        self.review.append(ReviewItem(line.number, "unplaced", f"{why}:“{line.text[:30]}”"))

    def _check_number(self, line: Line, label: Label, position: int) -> None:
        if label.number != position:
            self.review.append(ReviewItem(line.number, "guess",
                                          f"{_LEVEL_NAMES[label.level]}原文编号为{label.number},"
                                          f"按位置应为{position};数据不写编号,页面将显示{position}。"
                                          "请核对是否漏项或重复"))

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
                self._unplaced(line, "属于上面未能归位的条目")
                continue
            self.orphan = None
            if label is None:
                self._plain(line)
            elif label.level != Level.PART and self.closed:
                self._unplaced(line, f"{_LEVEL_NAMES[label.level]}出现在本部分的结尾段落之后")
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
            self.review.append(ReviewItem(line.number, "guess", "部分标题后同一段还有正文,正文放入该部分的 paragraphs"))

    def _section(self, i: int, line: Line, label: Label) -> None:
        if self.part is None or self.part["themes"]:
            self._unplaced(line, "小节“(一)”不在任何部分之下" if self.part is None else "小节出现在主题之后")
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
            return self._unplaced(line, "主题“1.”不在任何部分之下")
        s = self.section
        if s is not None:
            holder = s["themes"] if "heading" in s and not s["measures"] else None
        else:
            holder = self.part["themes"] if not self.part["sections"] else None
        if holder is None:
            return self._unplaced(line, "此处不能放主题“1.”")
        if not self._theme_has_problems(i):
            return self._unplaced(line, "主题“1.”下面没有问题“(1)”,数据里的主题必须含问题")
        self.theme = {"heading": _text(label.rest), "problems": []}
        holder.append(self.theme)
        self.problem = None
        self._check_number(line, label, self._count(Level.THEME))

    def _problem(self, i: int, line: Line, label: Label) -> None:
        if self.theme is None:
            return self._unplaced(line, "问题“(1)”不在任何主题“1.”之下")
        if not self._problem_has_body(i):
            return self._unplaced(line, "问题“(1)”下面没有措施或正文")
        lead, body = split_lead(label.rest)
        self.problem = {"heading": _text(lead), "measures": []}
        if body:
            self.problem["measures"].append(_text(body))
            self.review.append(ReviewItem(line.number, "guess", "问题标题后同一段还有正文,作为第一项措施,页面会标“一是”"))
        self.theme["problems"].append(self.problem)
        self._check_number(line, label, self._count(Level.PROBLEM))

    def _measure(self, i: int, line: Line, label: Label) -> None:
        s = self.section
        if self.problem is not None:
            holder = self.problem["measures"]
        elif s is not None and "heading" in s and not s["themes"]:
            holder = s["measures"]
        else:
            return self._unplaced(line, "措施“一是”不在问题或带标题的小节之下")
        if label.number == 1 and id(holder) in self.labelled and holder:
            return self._unplaced(line, "“一是”在同一问题或小节里重新开始,数据里一处只能有一组措施")
        self.labelled.add(id(holder))
        holder.append(_para(label.rest))
        self._check_number(line, label, len(holder))

    def _plain(self, line: Line) -> None:
        if self.part is None or self.closed:
            return self._tail().append(_text(line.text))
        if self.problem is not None and id(self.problem["measures"]) not in self.labelled:
            self.problem["measures"].append(_text(line.text))
            self.review.append(ReviewItem(line.number, "guess", "问题下的无编号段落作为措施,页面会给它加“一是”等编号"))
            return
        structured = self.part["sections"] or self.part["themes"]
        target = self._tail()
        if structured and target is self.part["closing"]:
            self.review.append(ReviewItem(line.number, "guess", f"无编号段落作为第{len(self.parts)}部分的结尾段落(closing)"))
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
    review += [ReviewItem(c.number, "dropped", f"网页附带的文字“{c.text}”,不属于通报正文") for c in chrome]

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
        issuer = _text("(请填写发布机关)")
        review.append(ReviewItem(0, "guess", "未找到发布机关,请填写 issuer.name"))
    elif not facts.issuer:
        review.append(ReviewItem(sig_lines[0].number if sig_lines else 0, "guess", f"发布机关取自落款:{issuer}"))
    else:
        review.append(ReviewItem(first_line, "guess", f"发布机关:{issuer}" +
                                 (f",简称:{facts.short_name}" if facts.short_name else "")))
    if published is None:
        published = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        review.append(ReviewItem(0, "guess", f"未找到落款日期,发布日期暂填今天 {published}"))
    else:
        review.append(ReviewItem(sig_lines[-1].number if sig_date else invitation_line.number, "guess",
                                 f"发布日期:{published}"))

    if title:
        data_title = title
    elif title_line:
        data_title = _text(title_line)
        review.append(ReviewItem(title_at, "guess", f"首行作为标题:{data_title}"))
    elif not facts.issuer and not sig_name:
        data_title = _text("(请填写标题)")
        review.append(ReviewItem(0, "guess", "原文没有标题行,也找不到发布机关,请填写 title"))
    else:
        data_title = _text(f"{issuer}关于{facts.title_object}的通报" if facts.title_object else f"{issuer}通报")
        review.append(ReviewItem(0, "guess", f"原文没有标题行,标题为推测:{data_title}"))

    if not notice_id or not _ID.match(notice_id):
        notice_id = f"notice-{published.isoformat()}"
        review.append(ReviewItem(0, "guess", f"编号(id)为推测:{notice_id}"))
    data["id"] = notice_id
    data["title"] = data_title
    data["published"] = published
    data["issuer"] = {"name": issuer, "short_name": _text(facts.short_name)}

    if facts.body and facts.start and facts.end and facts.feedback:
        data["inspection"] = {"body": _text(facts.body), "round": _text(facts.round), "start": facts.start,
                              "end": facts.end, "feedback": facts.feedback}
        review.append(ReviewItem(first_line, "guess", f"巡察:{facts.body},{facts.start} 至 {facts.end},"
                                 f"反馈 {facts.feedback}" + (f",轮次:{facts.round}" if facts.round else "")))
    elif facts.body or facts.start or facts.feedback:
        review.append(ReviewItem(first_line, "dropped", "巡察信息不全(巡察组、起止日期、反馈日期缺一),未写入 inspection,请补全"))

    if channels.window:
        data["window"] = {"start": channels.window[0], "end": channels.window[1]}
        review.append(ReviewItem(invitation_line.number, "guess", f"公开期限:{channels.window[0]} 至 {channels.window[1]}"))
    data["preamble"] = placer.preamble
    data["parts"] = placer.parts
    if invitation_line:
        data["invitation"] = _text(channels.invitation)
        contact = _contact(channels, invitation_line.number, review)
        if contact:
            data["contact"] = contact
        if channels.leftover:
            review.append(ReviewItem(invitation_line.number, "dropped",
                                     f"结尾段落里未识别的文字:“{channels.leftover}”,请核对 invitation 和 contact"))
    if sig_name:
        signature_name = _text(sig_name)
    else:
        signature_name = issuer
        review.append(ReviewItem(0, "guess", f"未找到落款单位,暂用发布机关:{issuer}"))
    data["signature"] = {"name": signature_name, "date": sig_date or published}
    if not placer.parts:
        review.append(ReviewItem(0, "note", "原文没有“一、”这样的编号,全文放入 preamble;数据至少需要一个部分,已加一个空标题部分,请补写"))
        data["parts"] = [{"heading": _text("(请填写标题)")}]
    return Imported(data=_clean(data), review=sorted(review, key=lambda item: item.line))


def _contact(channels: f.Channels, line: int, review: list[ReviewItem]) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    if channels.phone:
        contact["phone"] = {"number": channels.phone, "hours": channels.hours}
    if channels.address and channels.postcode:
        contact["postal"] = {"address": _text(channels.address), "postcode": channels.postcode,
                             "envelope_note": _text(channels.envelope_note)}
    elif channels.address or channels.postcode:
        review.append(ReviewItem(line, "dropped", "邮寄地址和邮政编码不全,未写入 contact.postal,请补全"))
    if channels.email:
        contact["email"] = channels.email
    if contact:
        found = ", ".join(f"{k}" for k in contact)
        review.append(ReviewItem(line, "guess", f"联系方式取自结尾段落:{found}"))
    return contact
