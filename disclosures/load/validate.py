"""Notice rules: what data/site.yml and a notice must contain, as frozen records (records.py).

Pipeline: yamlload.py (text -> nodes) -> fieldreader.py (nodes -> typed values, errors collected)
-> this module (the rules of a notice and of the site settings) -> project.py (all of data/).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import PurePosixPath

import yaml

from disclosures.core import records as r
from disclosures.core import texts as t
from disclosures.core.safe import WEB_SCHEMES
from disclosures.core.timewindow import bounds
from disclosures.load.fieldreader import _TEXTLIKE, Fields, describe, normalised, visible
from disclosures.load.figures import paragraphs_of, stated_in
from disclosures.numbering.ordinals import dotted, kept_numbers, node_at

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
REGISTRATION_KEYS = ("site_code", "icp", "public_security", "find_error", "site_mark", "site_mark_image")
SITE_KEYS = ("name", "publisher", "url", "description", "contact", "registrations")
PROBLEM_KEYS = ("heading", "number", "lead_in", "measures")
THEME_KEYS = ("heading", "number", "problems")
SECTION_KEYS = ("heading", "number", "lead", "text", "paragraphs", "themes", "problems", "measures")
PART_KEYS = ("heading", "number", "state", "paragraphs", "sections", "themes", "closing")
ISSUER_KEYS = ("name", "short_name")
INSPECTION_KEYS = ("body", "kind", "round", "start", "end", "feedback")
WINDOW_KEYS = ("start", "end")
SIGNATURE_KEYS = ("name", "date")
REVISION_KEYS = ("date", "note")
FIGURE_KEYS = ("label", "value", "unit", "note")
NOTICE_KEYS = ("id", "title", "published", "draft", "issuer", "inspection", "window", "signature",
               "preamble", "parts", "invitation", "contact", "revisions", "figures", "section_problems",
               "metadata")
METADATA_KEYS = ("index", "publisher", "document_number", "topic")


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
        fields.reader.error(node, path, t.EXPECTED_LEAD_OR_TEXT, t.FOUND_NEITHER_OF_TWO)
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
                            t.EXPECTED_HOURS, t.FOUND_VALUE.format(value=value))
        return None
    return r.OfficeHours(f"{match.group(1)}:{match.group(2)}", f"{match.group(3)}:{match.group(4)}")


def phone(fields: Fields) -> r.Phone:
    number = fields.text("number")
    plain = number.replace(" ", "")
    if number and not (_LANDLINE.match(plain) or _MOBILE.match(plain) or _HOTLINE.match(plain)):
        fields.reader.error(fields.node_of("number"), fields.sub("number"),
                            t.EXPECTED_PHONE, t.FOUND_VALUE.format(value=number))
    return r.Phone(number=number, hours=hours(fields))


def postal(fields: Fields) -> r.PostalAddress:
    return r.PostalAddress(
        address=fields.text("address"),
        postcode=fields.checked_text("postcode", _POSTCODE, t.EXPECTED_POSTCODE),
        envelope_note=fields.text("envelope_note", required=False),
    )


def contact(fields: Fields) -> r.Contact:
    result = r.Contact(
        phone=fields.mapping("phone", phone, PHONE_KEYS, required=False),
        postal=fields.mapping("postal", postal, POSTAL_KEYS, required=False),
        email=fields.checked_text("email", _EMAIL, t.EXPECTED_EMAIL, required=False),
    )
    if not (result.phone or result.postal or result.email):
        fields.reader.error(fields.node, fields.path, t.EXPECTED_CONTACT, t.FOUND_NO_CONTACT)
    return result



def registrations(fields: Fields) -> r.Registrations:
    return r.Registrations(
        site_code=fields.text("site_code", required=False),
        icp=fields.text("icp", required=False),
        public_security=fields.text("public_security", required=False),
        find_error=inspection_link(fields, "find_error", t.EXPECTED_FIND_ERROR),
        site_mark=inspection_link(fields, "site_mark", t.EXPECTED_SITE_MARK),
        site_mark_image=site_mark_image(fields),
    )


# A file in docs/, e.g. assets/images/site-mark.png; the link check after the build finds a missing one.
_SITE_FILE = re.compile(r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\.(?:png|gif|svg|jpg|jpeg|webp)$")


def inspection_link(fields: Fields, key: str, expected: str) -> str:
    """A footer entry the national inspection rules ask for: a web address, nothing else."""
    return fields.link(key, WEB_SCHEMES, expected=expected)


def site_mark_image(fields: Fields) -> str:
    """The 党政机关网站标识 image, kept in docs/ so that no page loads anything from outside the site."""
    value = fields.checked_text("site_mark_image", _SITE_FILE, t.EXPECTED_SITE_MARK_IMAGE, required=False)
    if value and not fields.node_of("site_mark"):
        fields.reader.error(fields.node_of("site_mark_image"), fields.sub("site_mark_image"),
                            t.EXPECTED_SITE_MARK_WITH_IMAGE, t.FOUND_IMAGE_WITHOUT_SITE_MARK)
    return value


_SITE_URL_EXPECTED = t.EXPECTED_SITE_URL


def site_url(fields: Fields) -> str:
    """The public address; feeds need absolute links, so a site without one does not build."""
    node = fields.node_of("url")
    if node is None or (isinstance(node, yaml.ScalarNode) and not node.value.strip()):
        fields.missing("url", _SITE_URL_EXPECTED)
        return ""
    url = fields.link("url", WEB_SCHEMES, expected=_SITE_URL_EXPECTED)
    if url and ("?" in url or "#" in url):
        fields.reader.error(fields.node_of("url"), fields.sub("url"), t.EXPECTED_PLAIN_URL, t.FOUND_VALUE.format(value=url))
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
    lead_in = fields.text("lead_in", required=False)
    if lead_in and not lead_in.endswith(("：", ":")):
        fields.reader.error(fields.node_of("lead_in"), fields.sub("lead_in"), t.LEAD_IN_EXPECTED,
                            t.FOUND_VALUE.format(value=lead_in))
    return r.Problem(heading=heading(fields), measures=paragraphs(fields, "measures", required=True, numbered=True),
                     lead_in=lead_in, number=fields.number("number"))


def problems(fields: Fields, required: bool = False) -> tuple[r.Problem, ...]:
    found = (fields.fields_of(n, p, PROBLEM_KEYS) for n, p in fields.items("problems", required=required))
    return tuple(problem(f) for f in found if f)


def theme(fields: Fields) -> r.Theme:
    return r.Theme(heading=heading(fields), problems=problems(fields, required=True), number=fields.number("number"))


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
            "measures": paragraphs(fields, "measures", numbered=True), "problems": problems(fields)}
    if title and run_in:
        fields.reader.error(fields.node, fields.path, t.EXPECTED_HEADING_OR_RUN_IN, t.FOUND_BOTH)
    elif not title and not run_in:
        fields.reader.error(fields.node, fields.path, t.EXPECTED_HEADING_OR_PARAGRAPH, t.FOUND_NEITHER)
    elif run_in and any(body.values()):
        fields.reader.error(fields.node, fields.path, t.EXPECTED_RUN_IN_ALONE,
                            t.FOUND_RUN_IN_WITH_BODY, t.HINT_USE_HEADING)
    if body["themes"] and body["problems"]:
        fields.reader.error(fields.node, fields.path, t.SECTION_THEMES_OR_PROBLEMS, t.FOUND_BOTH)
    return r.Section(heading=title, run_in=run_in, number=fields.number("number"), **body)


def part_state(fields: Fields) -> str:
    value = fields.text("state", required=False, prose=False)
    if value and value not in r.PART_STATES:
        choices = "、".join(f"{key}（{label}）" for key, label in r.PART_STATES.items())
        fields.reader.error(fields.node_of("state"), fields.sub("state"), t.EXPECTED_ONE_OF.format(choices=choices),
                            t.FOUND_VALUE.format(value=value))
        return ""
    return value



def part(fields: Fields, alone: bool) -> r.Part:
    """A part; one alone in its notice may go without a heading: its sections are then the top level."""
    found = (fields.fields_of(n, p, SECTION_KEYS) for n, p in fields.items("sections"))
    result = r.Part(
        heading=heading(fields, required=False),
        number=fields.number("number"),
        state=part_state(fields),
        paragraphs=paragraphs(fields, "paragraphs"),
        sections=tuple(section(f) for f in found if f),
        themes=themes(fields),
        closing=paragraphs(fields, "closing"),
    )
    if result.sections and result.themes:
        fields.reader.error(fields.node, fields.path, t.EXPECTED_SECTIONS_OR_THEMES, t.FOUND_BOTH,
                            t.HINT_THEMES_IN_SECTIONS)
    heading_node = fields.node_of("heading")
    blank = heading_node is None or (isinstance(heading_node, yaml.ScalarNode) and not heading_node.value.strip())
    if blank and not (alone and not result.number):
        fields.reader.error(heading_node or fields.node, fields.sub("heading"), t.HEADLESS_PART_EXPECTED,
                            t.FOUND_EMPTY_TEXT if heading_node is not None else t.FOUND_MISSING)
    return result


def issuer(fields: Fields) -> r.Issuer:
    return r.Issuer(name=fields.text("name"), short_name=fields.text("short_name", required=False))


def inspection_kind(fields: Fields, body: str) -> str:
    """巡视 or 巡察: as stated, else from the body's name (巡视组 / 巡察组); the two must agree."""
    said = [kind for kind in r.INSPECTION_KINDS if kind in body]
    stated = fields.choice("kind", r.INSPECTION_KINDS, t.INSPECTION_KIND_EXPECTED, "")
    if stated and len(said) == 1 and said[0] != stated:
        fields.reader.error(fields.node_of("kind"), fields.sub("kind"),
                            t.INSPECTION_KIND_CONFLICT.format(kind=said[0]), t.FOUND_VALUE.format(value=stated))
    return stated or (said[0] if len(said) == 1 else r.INSPECTION_KINDS[0])


def inspection(fields: Fields) -> r.Inspection:
    body = fields.text("body")
    result = r.Inspection(
        body=body,
        kind=inspection_kind(fields, body),
        round=fields.text("round", required=False),
        start=fields.date("start", required=False),
        end=fields.date("end", required=False),
        feedback=fields.date("feedback", required=False),
    )
    if bool(result.start) != bool(result.end):  # half a period would be shown nowhere
        given, missing = ("start", "end") if result.start else ("end", "start")
        fields.reader.error(fields.node_of(given), fields.sub(given), t.EXPECTED_WHOLE_PERIOD.format(missing=missing),
                            str(result.start or result.end), t.HINT_WHOLE_PERIOD.format(missing=missing))
    if result.start and result.end and result.end < result.start:
        fields.reader.error(fields.node_of("end"), fields.sub("end"), t.EXPECTED_NOT_BEFORE_START.format(start=result.start),
                            str(result.end))
    return result


# 索引号: the unit's code (18-character unified social credit code, or 9-character organisation code,
# optionally written 8-1 with a hyphen) / year - serial number, e.g. 11441700007280420Y/2021-00050.
INDEX_NUMBER = re.compile(r"^(?:[0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9A-Z])/(?:19|20)\d{2}-\d{3,6}$", re.ASCII)


def metadata(fields: Fields) -> r.Metadata:
    """The optional 政务公开 block; 成文日期 and 发布日期 come from signature.date and published."""
    return r.Metadata(
        index=fields.checked_text("index", INDEX_NUMBER, t.EXPECTED_INDEX_NUMBER),
        publisher=fields.text("publisher", required=False),
        document_number=fields.text("document_number", required=False),
        topic=fields.text("topic", required=False),
    )


_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d))?$", re.ASCII)
_MOMENT_EXPECTED = t.EXPECTED_MOMENT


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
        fields.reader.error(node, fields.sub(key), t.EXPECTED_REAL_DATE, t.FOUND_NO_SUCH_DAY.format(value=node.value.strip()))
        return None
    return day, (dt.time(int(match.group(2)), int(match.group(3))) if match.group(2) else None)


def window(fields: Fields) -> r.Window | None:
    start, end = moment(fields, "start"), moment(fields, "end")
    if start is None or end is None:
        return None
    if end[1] == dt.time():
        fields.reader.error(fields.node_of("end"), fields.sub("end"), t.EXPECTED_END_AFTER_MIDNIGHT,
                            t.FOUND_VALUE.format(value=fields.node_of("end").value), t.HINT_END_AT_MIDNIGHT)
        return None
    result = r.Window(start=start[0], end=end[0], start_time=start[1], end_time=end[1])
    first, last = bounds(result)
    if last <= first:
        fields.reader.error(fields.node_of("end"), fields.sub("end"),
                            t.EXPECTED_AFTER_WINDOW_START.format(start=fields.node_of("start").value),
                            str(fields.node_of("end").value), t.HINT_END_BEFORE_START)
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
            sub.reader.error(sub.node_of("date"), sub.sub("date"),
                             t.EXPECTED_NOT_BEFORE_PUBLISHED.format(published=published), str(day),
                             t.HINT_REVISION_AFTER_PUBLISHED)
        elif day in found:
            sub.reader.error(sub.node_of("date"), sub.sub("date"), t.EXPECTED_ONE_REVISION_A_DAY,
                             t.FOUND_ANOTHER_REVISION.format(day=day),
                             t.HINT_ONE_NOTE_A_DAY)
        else:
            found[day] = r.Revision(date=day, note=note)
    return tuple(sorted(found.values(), key=lambda rev: rev.date))


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$", re.ASCII)


def figure(fields: Fields) -> r.Figure:
    return r.Figure(
        label=fields.text("label"),
        value=fields.checked_text("value", _NUMBER, t.EXPECTED_FIGURE_VALUE),
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
            expected = t.EXPECTED_FIGURE_IN_TEXT.format(label=item.label, value=item.value, unit=item.unit)
            fields.reader.error(node, path, expected,
                                t.FOUND_NOT_IN_TEXT, t.HINT_FIGURE_AS_IN_TEXT)
        found.append(item)
    return tuple(found)


def kept_number_errors(fields: Fields, notice: r.Notice) -> None:
    """An explicit number must be larger than the derived one: a label is never shown twice or going back."""
    for kept in kept_numbers(notice):
        if not kept.valid:
            item = node_at(fields.node, kept.path)
            node = item
            if isinstance(item, yaml.MappingNode):
                node = next((v for k, v in item.value if getattr(k, "value", None) == "number"), item)
            fields.reader.error(node, dotted(kept.path), t.KEPT_NUMBER_EXPECTED.format(derived=kept.derived),
                                kept.label, t.KEPT_NUMBER_HINT)


def notice_id(fields: Fields, source: str) -> str:
    """The id names the page address; the file name must say the same, so there is one source of truth."""
    value = fields.checked_text("id", _ID, t.EXPECTED_ID)
    stem = PurePosixPath(source).name.rsplit(".", 1)[0]
    if value and value != stem:
        fields.reader.error(fields.node_of("id"), fields.sub("id"), t.EXPECTED_ID_IS_FILE_NAME.format(stem=stem),
                            t.FOUND_VALUE.format(value=value), t.HINT_ID_IS_FILE_NAME.format(stem=stem, id=value))
        return ""
    return value


def notice(fields: Fields, source: str) -> r.Notice:
    found = [fields.fields_of(n, p, PART_KEYS) for n, p in fields.items("parts", required=True)]
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
        parts=tuple(part(f, len(found) == 1) for f in found if f),
        invitation=fields.text("invitation", required=False),
        contact=fields.mapping("contact", contact, CONTACT_KEYS, required=False),
        revisions=revisions(fields, published),
        section_problems=fields.choice("section_problems", r.SECTION_PROBLEM_NUMBERING,
                                       t.SECTION_PROBLEMS_EXPECTED, r.SECTION_PROBLEM_NUMBERING[0]),
        metadata=fields.mapping("metadata", metadata, METADATA_KEYS, required=False),
    )
    kept_number_errors(fields, result)
    if result.window and result.published != dt.date.min and result.window.start < result.published:
        window_node = fields.node_of("window")
        start_node = dict((k.value, v) for k, v in window_node.value).get("start") if window_node else None
        fields.reader.error(start_node or window_node, fields.sub("window.start"),
                            t.EXPECTED_NOT_BEFORE_PUBLISHED.format(published=result.published),
                            str(result.window.start), t.HINT_WINDOW_AFTER_PUBLISHED)
    return dataclasses.replace(result, figures=figures(fields, result))
