"""Schema checks: PyYAML nodes in, frozen records out, every mistake collected on the way.

Each reader method records an error and returns a harmless default instead of
raising, so one pass over the data reports every problem at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import yaml

from . import records as r
from .figures import paragraphs_of, stated_in
from .errors import DataError
from .safe import LINK_SCHEMES, WEB_SCHEMES, is_safe_link, unsafe_character
from .timewindow import bounds
from .yamlload import position

T = TypeVar("T")

_STR = "tag:yaml.org,2002:str"
_TEXTLIKE = {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Also used, unanchored, by the importer to find an address in running text.
EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_EMAIL = re.compile(f"^{EMAIL_PATTERN}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_HOTLINE = re.compile(r"^\d{5}$")  # e.g. 12309, the procuratorate service line
_POSTCODE = re.compile(r"^\d{6}$")
_HOURS = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)\s*(?:-|–|—|~|至)\s*([01]\d|2[0-3]):([0-5]\d)$")


def describe(node: yaml.Node) -> str:
    """How a value reads to a clerk, for the 'found' half of a message."""
    if isinstance(node, yaml.MappingNode):
        return "一组“键: 值”"
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    if node.tag == _NULL:
        return "空值"
    if node.tag == _BOOL:
        return f"{node.value}（YAML 把它当作是/否）"
    return f"“{visible(node.value)}”"


def visible(value: str, limit: int = 60) -> str:
    """A value as it can be shown in a terminal: invisible characters spelt out, long text shortened."""
    shown = "".join(f"\\u{ord(c):04x}" if c in "\t\n" or unsafe_character(c) else c for c in value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


class Reader:
    """Collects errors for one file."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[DataError] = []

    def error(self, node: yaml.Node | None, path: str, expected: str, found: str, hint: str = "") -> None:
        line, column = position(node) if node is not None else (0, 0)
        self.errors.append(DataError(self.file, line, column, path, expected, found, hint))


class Fields:
    """The keys of one mapping; reports missing, mistyped and unknown keys."""

    def __init__(self, reader: Reader, node: yaml.MappingNode, path: str, allowed: tuple[str, ...]):
        self.reader = reader
        self.node = node
        self.path = path
        self.values = {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value not in allowed:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                hint = f"是不是想写 {close[0]}？" if close else f"可用的键：{'、'.join(allowed)}。"
                reader.error(key, self.sub(str(name)), "已知的键", f"未知的键 {name}", hint)

    def sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def node_of(self, key: str) -> yaml.Node | None:
        found = self.values.get(key)
        if found is None or (isinstance(found[1], yaml.ScalarNode) and found[1].tag == _NULL):
            return None
        return found[1]

    def missing(self, key: str, expected: str) -> None:
        where = self.values[key][0] if key in self.values else self.node
        self.reader.error(where, self.sub(key), expected, "缺少该字段" if key not in self.values else "空值")

    def text(self, key: str, required: bool = True) -> str:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, "非空文本")
            return ""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXTLIKE:
            hint = "若要写文字，请加引号，例如 \"是\"。" if getattr(node, "tag", "") == _BOOL else ""
            self.reader.error(node, self.sub(key), "文本", describe(node), hint)
            return ""
        value = node.value.strip()
        if required and not value:
            self.reader.error(node, self.sub(key), "非空文本", "空文本")
        return value if self.printable(node, self.sub(key), value) else ""

    def printable(self, node: yaml.Node, path: str, value: str) -> bool:
        """Refuse characters that would break a feed or make text read differently from what it is."""
        char = unsafe_character(value)
        if char is None:
            return True
        self.reader.error(node, path, "可见的文字",
                          f"看不见的控制字符 U+{ord(char):04X}（在“{visible(value)}”中）",
                          "请删除这个字符（常见于从其他软件复制的文字）。")
        return False

    def link(self, key: str, schemes: tuple[str, ...] = LINK_SCHEMES, required: bool = False,
             expected: str = "") -> str:
        """A URL that is safe to publish as a link: only the given schemes, nothing hidden in it."""
        value = self.text(key, required)
        if value and not is_safe_link(value, schemes):
            names = "、".join(f"{s}:" for s in schemes)
            self.reader.error(self.node_of(key), self.sub(key), expected or f"以 {names} 开头的完整链接",
                              f"“{visible(value)}”", "链接只能是网址、电子邮箱或电话号码。" if "tel" in schemes else "")
            return ""
        return value

    def checked_text(self, key: str, pattern: re.Pattern[str], expected: str, required: bool = True) -> str:
        value = self.text(key, required)
        if value and not pattern.match(value):
            self.reader.error(self.node_of(key), self.sub(key), expected, f"“{visible(value)}”")
            return ""
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, "日期（YYYY-MM-DD）")
            return None
        if not isinstance(node, yaml.ScalarNode) or not _DATE.match(node.value.strip()):
            self.reader.error(node, self.sub(key), "日期，格式为 YYYY-MM-DD（例如 2025-04-27）", describe(node))
            return None
        try:
            return dt.date.fromisoformat(node.value.strip())
        except ValueError:
            self.reader.error(node, self.sub(key), "真实存在的日期", f"“{node.value.strip()}”（没有这一天）")
            return None

    def flag(self, key: str) -> bool:
        node = self.node_of(key)
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL and node.value in ("true", "false"):
            return node.value == "true"
        self.reader.error(node, self.sub(key), "true 或 false", describe(node))
        return False

    def mapping(self, key: str, build: Callable[[Fields], T], allowed: tuple[str, ...], required: bool = True) -> T | None:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, "一组“键: 值”")
            return None
        if not isinstance(node, yaml.MappingNode):
            self.reader.error(node, self.sub(key), "一组“键: 值”", describe(node))
            return None
        return build(Fields(self.reader, node, self.sub(key), allowed))

    def items(self, key: str, required: bool = False) -> Iterator[tuple[yaml.Node, str]]:
        node = self.node_of(key)
        if node is None:
            if required:
                self.missing(key, "列表（每项以“- ”开头）")
            return
        if not isinstance(node, yaml.SequenceNode):
            self.reader.error(node, self.sub(key), "列表（每项以“- ”开头）", describe(node))
            return
        if required and not node.value:
            self.reader.error(node, self.sub(key), "至少一项", "空列表")
        for index, item in enumerate(node.value):
            yield item, f"{self.sub(key)}[{index}]"

    def fields_of(self, node: yaml.Node, path: str, allowed: tuple[str, ...]) -> Fields | None:
        if not isinstance(node, yaml.MappingNode):
            self.reader.error(node, path, "一组“键: 值”", describe(node))
            return None
        return Fields(self.reader, node, path, allowed)


# --- records -----------------------------------------------------------------

# Allowed keys of every mapping in the data files. schema/*.schema.json lists the same names
# (tests/test_schema.py compares them): add a key in both places.
PARAGRAPH_KEYS = ("lead", "text")
PHONE_KEYS = ("number", "hours")
POSTAL_KEYS = ("address", "postcode", "envelope_note")
CONTACT_KEYS = ("phone", "postal", "email")
REGISTRATION_KEYS = ("site_code", "icp", "public_security")
SITE_KEYS = ("name", "publisher", "url", "description", "contact", "registrations")
PROBLEM_KEYS = ("heading", "measures")
THEME_KEYS = ("heading", "problems")
SECTION_KEYS = ("heading", "lead", "text", "paragraphs", "themes", "measures")
PART_KEYS = ("heading", "state", "paragraphs", "sections", "themes", "closing")
ISSUER_KEYS = ("name", "short_name")
INSPECTION_KEYS = ("body", "round", "start", "end", "feedback")
WINDOW_KEYS = ("start", "end")
SIGNATURE_KEYS = ("name", "date")
REVISION_KEYS = ("date", "note")
FIGURE_KEYS = ("label", "value", "unit", "note")
NOTICE_KEYS = ("id", "title", "published", "draft", "issuer", "inspection", "window", "signature",
               "preamble", "parts", "invitation", "contact", "revisions", "figures", "metadata")
METADATA_KEYS = ("index", "publisher", "document_number", "topic")


def paragraph(fields: Fields, node: yaml.Node, path: str) -> r.Paragraph | None:
    """A paragraph is plain text, or {lead: 首句。, text: 其余内容} for a run-in lead sentence."""
    if isinstance(node, yaml.ScalarNode) and node.tag in _TEXTLIKE:
        if not node.value.strip():
            fields.reader.error(node, path, "非空文本", "空文本")
            return None
        text = node.value.strip()
        return r.Paragraph(text=text) if fields.printable(node, path, text) else None
    sub = fields.fields_of(node, path, PARAGRAPH_KEYS)
    if sub is None:
        return None
    lead, text = sub.text("lead", required=False), sub.text("text", required=False)
    if not lead and not text:
        fields.reader.error(node, path, "lead（首句）或 text（正文）至少一项", "两项都没有")
        return None
    return r.Paragraph(text=text, lead=lead)


def paragraphs(fields: Fields, key: str, required: bool = False) -> tuple[r.Paragraph, ...]:
    found = (paragraph(fields, node, path) for node, path in fields.items(key, required))
    return tuple(p for p in found if p is not None)


def hours(fields: Fields) -> r.OfficeHours | None:
    value = fields.text("hours", required=False)
    if not value:
        return None
    match = _HOURS.match(value)
    if not match or match.group(1, 2) >= match.group(3, 4):
        fields.reader.error(fields.node_of("hours"), fields.sub("hours"),
                            "时间段 HH:MM-HH:MM，开始早于结束（例如 08:30-17:30）", f"“{value}”")
        return None
    return r.OfficeHours(f"{match.group(1)}:{match.group(2)}", f"{match.group(3)}:{match.group(4)}")


def phone(fields: Fields) -> r.Phone:
    number = fields.text("number")
    plain = number.replace(" ", "")
    if number and not (_LANDLINE.match(plain) or _MOBILE.match(plain) or _HOTLINE.match(plain)):
        fields.reader.error(fields.node_of("number"), fields.sub("number"),
                            "带区号的固定电话（如 0760-88883686）或 11 位手机号", f"“{number}”")
    return r.Phone(number=number, hours=hours(fields))


def postal(fields: Fields) -> r.PostalAddress:
    return r.PostalAddress(
        address=fields.text("address"),
        postcode=fields.checked_text("postcode", _POSTCODE, "6 位数字的邮政编码"),
        envelope_note=fields.text("envelope_note", required=False),
    )


def contact(fields: Fields) -> r.Contact:
    result = r.Contact(
        phone=fields.mapping("phone", phone, PHONE_KEYS, required=False),
        postal=fields.mapping("postal", postal, POSTAL_KEYS, required=False),
        email=fields.checked_text("email", _EMAIL, "电子邮箱地址（如 name@example.org）", required=False),
    )
    if not (result.phone or result.postal or result.email):
        fields.reader.error(fields.node, fields.path, "至少一种联系方式（phone、postal 或 email）", "没有联系方式")
    return result



def registrations(fields: Fields) -> r.Registrations:
    return r.Registrations(
        site_code=fields.text("site_code", required=False),
        icp=fields.text("icp", required=False),
        public_security=fields.text("public_security", required=False),
    )


_SITE_URL_EXPECTED = "网站的公开网址，以 http:// 或 https:// 开头（订阅源 feed.xml 里的链接都由它生成）"


def site_url(fields: Fields) -> str:
    """The public address; feeds need absolute links, so a site without one does not build."""
    node = fields.node_of("url")
    if node is None or (isinstance(node, yaml.ScalarNode) and not node.value.strip()):
        fields.missing("url", _SITE_URL_EXPECTED)
        return ""
    url = fields.link("url", WEB_SCHEMES, expected=_SITE_URL_EXPECTED)
    if url and ("?" in url or "#" in url):
        fields.reader.error(fields.node_of("url"), fields.sub("url"), "不含 ? 或 # 的网址", f"“{url}”")
        return ""
    return url


def site(fields: Fields) -> r.Site:
    return r.Site(
        name=fields.text("name"),
        publisher=fields.text("publisher"),
        url=site_url(fields),
        description=fields.text("description", required=False),
        contact=fields.mapping("contact", contact, CONTACT_KEYS) or r.Contact(),
        registrations=fields.mapping("registrations", registrations, REGISTRATION_KEYS, required=False) or r.Registrations(),
    )


def problem(fields: Fields) -> r.Problem:
    return r.Problem(heading=fields.text("heading"), measures=paragraphs(fields, "measures", required=True))


def theme(fields: Fields) -> r.Theme:
    found = (fields.fields_of(n, p, PROBLEM_KEYS) for n, p in fields.items("problems", required=True))
    return r.Theme(heading=fields.text("heading"), problems=tuple(problem(f) for f in found if f))


def themes(fields: Fields) -> tuple[r.Theme, ...]:
    found = (fields.fields_of(n, p, THEME_KEYS) for n, p in fields.items("themes"))
    return tuple(theme(f) for f in found if f)



def section(fields: Fields) -> r.Section:
    heading = fields.text("heading", required=False)
    lead, text = fields.text("lead", required=False), fields.text("text", required=False)
    run_in = r.Paragraph(text=text, lead=lead) if (lead or text) else None
    body = {"paragraphs": paragraphs(fields, "paragraphs"), "themes": themes(fields),
            "measures": paragraphs(fields, "measures")}
    if heading and run_in:
        fields.reader.error(fields.node, fields.path, "标题（heading）或首句段落（lead/text）二选一", "两者都有")
    elif not heading and not run_in:
        fields.reader.error(fields.node, fields.path, "heading（独立标题）或 lead/text（段落）", "都没有")
    elif run_in and any(body.values()):
        fields.reader.error(fields.node, fields.path, "段落式小节不再包含 paragraphs/themes/measures",
                            "段落式小节下还有内容", "有下级内容时请改用 heading。")
    return r.Section(heading=heading, run_in=run_in, **body)


def part_state(fields: Fields) -> str:
    value = fields.text("state", required=False)
    if value and value not in r.PART_STATES:
        choices = "、".join(f"{key}（{label}）" for key, label in r.PART_STATES.items())
        fields.reader.error(fields.node_of("state"), fields.sub("state"), f"{choices} 之一", f"“{value}”")
        return ""
    return value



def part(fields: Fields) -> r.Part:
    found = (fields.fields_of(n, p, SECTION_KEYS) for n, p in fields.items("sections"))
    result = r.Part(
        heading=fields.text("heading"),
        state=part_state(fields),
        paragraphs=paragraphs(fields, "paragraphs"),
        sections=tuple(section(f) for f in found if f),
        themes=themes(fields),
        closing=paragraphs(fields, "closing"),
    )
    if result.sections and result.themes:
        fields.reader.error(fields.node, fields.path, "sections 或 themes 二选一", "两者都有",
                            "有分类时请把 themes 放进各个 sections。")
    return result


def issuer(fields: Fields) -> r.Issuer:
    return r.Issuer(name=fields.text("name"), short_name=fields.text("short_name", required=False))


def inspection(fields: Fields) -> r.Inspection:
    result = r.Inspection(
        body=fields.text("body"),
        round=fields.text("round", required=False),
        start=fields.date("start") or dt.date.min,
        end=fields.date("end") or dt.date.min,
        feedback=fields.date("feedback") or dt.date.min,
    )
    if dt.date.min not in (result.start, result.end) and result.end < result.start:
        fields.reader.error(fields.node_of("end"), fields.sub("end"), f"不早于开始日期 {result.start}",
                            str(result.end))
    return result


# 索引号: the unit's code (18-character unified social credit code, or 9-character organisation code,
# optionally written 8-1 with a hyphen) / year - serial number, e.g. 11441700007280420Y/2021-00050.
INDEX_NUMBER = re.compile(r"^(?:[0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9A-Z])/(?:19|20)\d{2}-\d{3,6}$")
_INDEX_NUMBER_EXPECTED = ("索引号，格式为“单位代码/年份-序号”：18 位统一社会信用代码或 9 位组织机构代码（大写字母和数字），"
                          "斜杠，四位年份，连字符，3 至 6 位序号（例如 11441700007280420Y/2021-00050）")


def metadata(fields: Fields) -> r.Metadata:
    """The optional 政务公开 block; 成文日期 and 发布日期 come from signature.date and published."""
    return r.Metadata(
        index=fields.checked_text("index", INDEX_NUMBER, _INDEX_NUMBER_EXPECTED),
        publisher=fields.text("publisher", required=False),
        document_number=fields.text("document_number", required=False),
        topic=fields.text("topic", required=False),
    )


_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d))?$")
_MOMENT_EXPECTED = "日期 YYYY-MM-DD，可加北京时间 HH:MM（例如 2025-04-27 或 2025-05-11 17:30）"


def moment(fields: Fields, key: str) -> tuple[dt.date, dt.time | None] | None:
    """A window day, optionally with a Beijing time of day: 2025-05-11 or 2025-05-11 17:30."""
    node = fields.node_of(key)
    if node is None:
        fields.missing(key, _MOMENT_EXPECTED)
        return None
    match = _MOMENT.match(node.value.strip()) if isinstance(node, yaml.ScalarNode) else None
    if not match:
        fields.reader.error(node, fields.sub(key), _MOMENT_EXPECTED, describe(node))
        return None
    try:
        day = dt.date.fromisoformat(match.group(1))
    except ValueError:
        fields.reader.error(node, fields.sub(key), "真实存在的日期", f"“{node.value.strip()}”（没有这一天）")
        return None
    return day, (dt.time(int(match.group(2)), int(match.group(3))) if match.group(2) else None)


def window(fields: Fields) -> r.Window | None:
    start, end = moment(fields, "start"), moment(fields, "end")
    if start is None or end is None:
        return None
    if end[1] == dt.time():
        fields.reader.error(fields.node_of("end"), fields.sub("end"), "结束时间晚于 00:00", f"“{fields.node_of('end').value}”",
                            "结束日期当天全天都在公示期内；要在午夜结束，请只写日期。")
        return None
    result = r.Window(start=start[0], end=end[0], start_time=start[1], end_time=end[1])
    first, last = bounds(result)
    if last <= first:
        fields.reader.error(fields.node_of("end"), fields.sub("end"), f"晚于公示开始 {fields.node_of('start').value}",
                            str(fields.node_of("end").value), "公示结束早于开始。")
        return None
    return result


def signature(fields: Fields) -> r.Signature:
    return r.Signature(name=fields.text("name"), date=fields.date("date") or dt.date.min)


def revisions(fields: Fields, published: dt.date) -> tuple[r.Revision, ...]:
    """Dated updates, oldest first; one per day, so each keeps a stable anchor and feed guid."""
    found: dict[dt.date, r.Revision] = {}
    for node, path in fields.items("revisions"):
        sub = fields.fields_of(node, path, REVISION_KEYS)
        if sub is None:
            continue
        day, note = sub.date("date"), sub.text("note")
        if day is None or not note:
            continue
        if published != dt.date.min and day < published:
            sub.reader.error(sub.node_of("date"), sub.sub("date"), f"不早于发布日期 {published}", str(day),
                             "更新只能在通报发布之后。")
        elif day in found:
            sub.reader.error(sub.node_of("date"), sub.sub("date"), "每天最多一条更新", f"又一条 {day} 的更新",
                             "同一天的几项更新请写在同一条 note 里。")
        else:
            found[day] = r.Revision(date=day, note=note)
    return tuple(sorted(found.values(), key=lambda rev: rev.date))


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def figure(fields: Fields) -> r.Figure:
    return r.Figure(
        label=fields.text("label"),
        value=fields.checked_text("value", _NUMBER, "正文中写出的数字（如 17562 或 9.96，不加单位和逗号）"),
        unit=fields.text("unit"),
        note=fields.text("note", required=False),
    )


def figures(fields: Fields, notice: r.Notice) -> tuple[r.Figure, ...]:
    """Key figures; each must be stated in the notice text next to its label, so the two cannot drift."""
    found = []
    text = list(paragraphs_of(notice))
    for node, path in fields.items("figures"):
        sub = fields.fields_of(node, path, FIGURE_KEYS)
        if sub is None:
            continue
        item = figure(sub)
        if item.label and item.value and item.unit and not stated_in(item, text):
            fields.reader.error(node, path, f"正文中在“{item.label}”附近写有“{item.value}{item.unit}”",
                                "正文中找不到", "要点数字须与正文一致：请核对数字、单位和说明文字（label 应照抄正文用语）。")
        found.append(item)
    return tuple(found)


def notice(fields: Fields, source: str) -> r.Notice:
    found = (fields.fields_of(n, p, PART_KEYS) for n, p in fields.items("parts", required=True))
    published = fields.date("published") or dt.date.min
    result = r.Notice(
        id=fields.checked_text("id", _ID, "由小写字母、数字和连字符组成的编号（如 zhongshan-2025-04-27）"),
        source=source,
        title=fields.text("title"),
        published=published,
        draft=fields.flag("draft"),
        issuer=fields.mapping("issuer", issuer, ISSUER_KEYS) or r.Issuer(""),
        inspection=fields.mapping("inspection", inspection, INSPECTION_KEYS, required=False),
        window=fields.mapping("window", window, WINDOW_KEYS, required=False),
        signature=fields.mapping("signature", signature, SIGNATURE_KEYS) or r.Signature("", dt.date.min),
        preamble=paragraphs(fields, "preamble"),
        parts=tuple(part(f) for f in found if f),
        invitation=fields.text("invitation", required=False),
        contact=fields.mapping("contact", contact, CONTACT_KEYS, required=False),
        revisions=revisions(fields, published),
        metadata=fields.mapping("metadata", metadata, METADATA_KEYS, required=False),
    )
    if result.window and result.published != dt.date.min and result.window.start < result.published:
        window_node = fields.node_of("window")
        start_node = dict((k.value, v) for k, v in window_node.value).get("start") if window_node else None
        fields.reader.error(start_node or window_node, fields.sub("window.start"),
                            f"不早于发布日期 {result.published}", str(result.window.start),
                            "公示不能在通报发布之前开始。")
    return dataclasses.replace(result, figures=figures(fields, result))
