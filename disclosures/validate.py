"""Notice rules: what data/site.yml and a notice must contain, as frozen records (records.py).

Pipeline: yamlload.py (text -> nodes) -> fieldreader.py (nodes -> typed values, errors collected)
-> this module (the rules of a notice and of the site settings) -> load.py (all of data/).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import PurePosixPath

import yaml

from . import records as r
from . import texts as t
from .fieldreader import _TEXTLIKE, Fields, describe, key_hint, normalised, visible
from .figures import paragraphs_of, stated_in
from .safe import WEB_SCHEMES
from .timewindow import bounds

# re.ASCII: Python's \d also matches full-width digits, which get their own message (fieldreader.py).
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Also used, unanchored, by the importer to find an address in running text.
EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_EMAIL = re.compile(f"^{EMAIL_PATTERN}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$", re.ASCII)
_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_HOTLINE = re.compile(r"^\d{5}$", re.ASCII)  # e.g. 12309, the procuratorate service line
_POSTCODE = re.compile(r"^\d{6}$", re.ASCII)
_HOURS = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)\s*(?:-|–|—|~|至)\s*([01]\d|2[0-3]):([0-5]\d)$", re.ASCII)


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
               "preamble", "parts", "invitation", "contact", "revisions", "figures")


# A numbering label typed at the start of a value, in any style, full or half width:
# 一、 （一） (一) 1. 1、 1． （1） (1) 1) ① 一是 第一， — a decimal such as 1.5 is not a label.
_ZH = "一二三四五六七八九十百零〇"
_TYPED_LABEL = re.compile(
    rf"^\s*(?:[{_ZH}]+\s*[、，,．.]|[（(]\s*[{_ZH}]+\s*[）)]|[0-9０-９]+\s*(?:[、，,]|[.．](?![0-9０-９])|[）)])"
    rf"|[（(]\s*[0-9０-９]+\s*[）)]|[①-⑳]|[{_ZH}]+是|第[{_ZH}0-9０-９]+\s*[、，,：:是])\s*")


def unnumbered(fields: Fields, node: yaml.Node | None, path: str, value: str) -> str:
    """The value of a numbered item (heading, lead, measure); a typed label is an error (labels are generated).

    The value is returned either way: the error stops the build, and a missing heading would add a second message.
    """
    match = _TYPED_LABEL.match(value)
    if match is not None and node is not None:
        fields.reader.error(node, path, t.EXPECTED_NO_LABEL,
                            t.FOUND_TYPED_LABEL.format(label=match.group().strip(), value=visible(value, 30)),
                            t.HINT_DELETE_LABEL)
    return value


def heading(fields: Fields, required: bool = True) -> str:
    """The heading of a numbered item: 一、 （一） 1. （1） are put before it on the page."""
    return unnumbered(fields, fields.node_of("heading"), fields.sub("heading"), fields.text("heading", required))


def paragraph(fields: Fields, node: yaml.Node, path: str, numbered: bool = False) -> r.Paragraph | None:
    """A paragraph is plain text, or {lead: 首句。, text: 其余内容} for a run-in lead sentence.

    `numbered` paragraphs (measures: 一是 二是 …) get their label on the page, so none may be typed.
    """
    if isinstance(node, yaml.ScalarNode) and node.tag in _TEXTLIKE:
        text = normalised(node.value).strip()
        if not text:
            fields.reader.error(node, path, t.EXPECTED_NONEMPTY_TEXT, t.FOUND_EMPTY_TEXT)
            return None
        text = fields.clean(node, path, text)
        text = unnumbered(fields, node, path, text) if numbered else text
        return r.Paragraph(text=text) if text else None
    sub = fields.fields_of(node, path, PARAGRAPH_KEYS)
    if sub is None:
        return None
    lead, text = lead_of(sub), sub.text("text", required=False)
    if numbered and not lead:
        text = unnumbered(sub, sub.node_of("text"), sub.sub("text"), text)
    if not lead and not text:
        fields.reader.error(node, path, "lead（首句）或 text（正文）至少一项", "两项都没有")
        return None
    return r.Paragraph(text=text, lead=lead)


def lead_of(fields: Fields) -> str:
    """A run-in lead sentence; it follows a generated label (一是, （一）), so none may be typed."""
    return unnumbered(fields, fields.node_of("lead"), fields.sub("lead"), fields.text("lead", required=False))


def paragraphs(fields: Fields, key: str, required: bool = False, numbered: bool = False) -> tuple[r.Paragraph, ...]:
    found = (paragraph(fields, node, path, numbered) for node, path in fields.items(key, required))
    return tuple(p for p in found if p is not None)


def hours(fields: Fields) -> r.OfficeHours | None:
    value = fields.text("hours", required=False, prose=False)
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
    return r.Problem(heading=heading(fields), measures=paragraphs(fields, "measures", required=True, numbered=True))


def theme(fields: Fields) -> r.Theme:
    found = (fields.fields_of(n, p, PROBLEM_KEYS) for n, p in fields.items("problems", required=True))
    return r.Theme(heading=heading(fields), problems=tuple(problem(f) for f in found if f))


def themes(fields: Fields) -> tuple[r.Theme, ...]:
    found = (fields.fields_of(n, p, THEME_KEYS) for n, p in fields.items("themes"))
    return tuple(theme(f) for f in found if f)



def section(fields: Fields) -> r.Section:
    title = heading(fields, required=False)
    lead, text = lead_of(fields), fields.text("text", required=False)
    if not lead:
        text = unnumbered(fields, fields.node_of("text"), fields.sub("text"), text)
    run_in = r.Paragraph(text=text, lead=lead) if (lead or text) else None
    body = {"paragraphs": paragraphs(fields, "paragraphs"), "themes": themes(fields),
            "measures": paragraphs(fields, "measures", numbered=True)}
    if title and run_in:
        fields.reader.error(fields.node, fields.path, "标题（heading）或首句段落（lead/text）二选一", "两者都有")
    elif not title and not run_in:
        fields.reader.error(fields.node, fields.path, "heading（独立标题）或 lead/text（段落）", "都没有")
    elif run_in and any(body.values()):
        fields.reader.error(fields.node, fields.path, "段落式小节不再包含 paragraphs/themes/measures",
                            "段落式小节下还有内容", "有下级内容时请改用 heading。")
    return r.Section(heading=title, run_in=run_in, **body)


def part_state(fields: Fields) -> str:
    value = fields.text("state", required=False, prose=False)
    if value and value not in r.PART_STATES:
        choices = "、".join(f"{key}（{label}）" for key, label in r.PART_STATES.items())
        fields.reader.error(fields.node_of("state"), fields.sub("state"), f"{choices} 之一", f"“{value}”")
        return ""
    return value



def part(fields: Fields) -> r.Part:
    found = (fields.fields_of(n, p, SECTION_KEYS) for n, p in fields.items("sections"))
    result = r.Part(
        heading=heading(fields),
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


_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d))?$", re.ASCII)
_MOMENT_EXPECTED = "日期 YYYY-MM-DD，可加北京时间 HH:MM（例如 2025-04-27 或 2025-05-11 17:30）"


def moment(fields: Fields, key: str) -> tuple[dt.date, dt.time | None] | None:
    """A window day, optionally with a Beijing time of day: 2025-05-11 or 2025-05-11 17:30."""
    node = fields.node_of(key)
    if node is None:
        fields.missing(key, _MOMENT_EXPECTED)
        return None
    if isinstance(node, yaml.ScalarNode) and not fields.halfwidth_digits(node, fields.sub(key), node.value.strip()):
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


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$", re.ASCII)


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


def notice_id(fields: Fields, source: str) -> str:
    """The id names the page address; the file name must say the same, so there is one source of truth."""
    value = fields.checked_text("id", _ID, "由小写字母、数字和连字符组成的编号（如 zhongshan-2025-04-27）")
    stem = PurePosixPath(source).name.rsplit(".", 1)[0]
    if value and value != stem:
        fields.reader.error(fields.node_of("id"), fields.sub("id"), t.EXPECTED_ID_IS_FILE_NAME.format(stem=stem),
                            t.FOUND_VALUE.format(value=value), t.HINT_ID_IS_FILE_NAME.format(stem=stem, id=value))
        return ""
    return value


def notice(fields: Fields, source: str) -> r.Notice:
    found = (fields.fields_of(n, p, PART_KEYS) for n, p in fields.items("parts", required=True))
    published = fields.date("published") or dt.date.min
    result = r.Notice(
        id=notice_id(fields, source),
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
    )
    if result.window and result.published != dt.date.min and result.window.start < result.published:
        window_node = fields.node_of("window")
        start_node = dict((k.value, v) for k, v in window_node.value).get("start") if window_node else None
        fields.reader.error(start_node or window_node, fields.sub("window.start"),
                            f"不早于发布日期 {result.published}", str(result.window.start),
                            "公示不能在通报发布之前开始。")
    return dataclasses.replace(result, figures=figures(fields, result))
