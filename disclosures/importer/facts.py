"""The facts a notice states in its own words: who, when, the window and the contact channels.

Patterns run on a half-width copy of the text, so full-width and half-width
punctuation ((（ ,， :：) read the same.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from disclosures.core.typography import HALFWIDTH
from disclosures.load.validate import EMAIL_PATTERN

_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
# The end of a range may leave out the year, or the year and month: 2025年4月27日至5月11日.
_RANGE = re.compile(_DATE + r"\s*(?:至|到|—|-|–|~)\s*(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*日")
_ONE_DATE = re.compile(r"^" + _DATE + r"$")
_SHORT_NAME = re.compile(r"对([^,。;、“”()]+?)\(以下简称“([^”]+)”\)")
_INSPECTED = re.compile(r"对([^,。;、“”()]+?)(?:\(|开展|进行)")
# 对某某街道党工委及甲、乙、丙等八个社区党组织进行了巡察: the issuer is the body before the list.
_INSPECTED_WITH_OTHERS = re.compile(r"对([^,。;、“”()及和]+?)(?:及|和|以及)[^,。;]*?(?:开展|进行)")
_BODY = re.compile(_RANGE.pattern + r"\s*,?\s*([^,。;、]*?巡[察视]组)")
_CN_NUM = "一二三四五六七八九十"
_COMMITTEE = r"(?:中央|(?:自治区|自治州|[省市县区州旗盟])委)"
_NAMED_BODY = re.compile(rf"({_COMMITTEE}(?:第[{_CN_NUM}]+)?(?:专项)?巡[察视]组)")
# 市委第五轮巡察, 十届市委第三轮巡察, 十五届区委第二轮巡察, 中央第二轮巡视 …
_ROUND = re.compile(rf"((?:[{_CN_NUM}]+届)?{_COMMITTEE}第[{_CN_NUM}]+轮(?:专项)?巡[察视])")
# A date, with or without its year, before 反馈 in the same sentence: …并于2024年9月3日反馈了巡察意见
_SHORT_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_FEEDBACK_WORD = re.compile(r"反馈")
_TITLE_ISSUER = re.compile(r"^(.{4,40}?)关于")
_WINDOW = re.compile(r"公[开示]期限?\s*[:为是]?\s*" + _RANGE.pattern)
_PHONE = re.compile(r"(?:联系|举报|监督)?电话\s*:?\s*((?:0\d{2,3}-?\d{7,8})|(?:1[3-9]\d{9})|(?:\d{5}))")
_HOURS = re.compile(r"(?:工作时间|时间)\s*:?\s*(\d{1,2}:\d{2})\s*(?:—+|-|–|~|至|到)\s*(\d{1,2}:\d{2})")
_POSTAL = re.compile(r"(?:邮政信箱|通信地址|通讯地址|邮寄地址|来信地址|信件邮寄)\s*:?\s*([^;。(]+)")
_ENVELOPE = re.compile(r"信封上?(?:请)?注明\s*“([^”]+)”")
_POSTCODE = re.compile(r"(?:邮政编码|邮编)\s*:?\s*(\d{6})")
_EMAIL = re.compile(EMAIL_PATTERN)  # what validation accepts
_TITLE_OBJECT = re.compile(r"现将(.{2,30}?)(?:予以公布|予以公开|公布如下|通报如下|公告如下|报告如下)")


_HALF = HALFWIDTH | {0x3000: 0x20}


def plain(text: str) -> str:
    """Full-width ASCII forms ((（ ,， :： digits) made half-width; 。 and “” stay; length unchanged,
    so a position found in the plain copy is the same position in the original."""
    return text.translate(_HALF)


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_range(match: re.Match[str], offset: int = 0) -> tuple[dt.date | None, dt.date | None]:
    """Start and end of a _RANGE match (groups from offset+1); the end borrows the start's year/month."""
    g = match.groups()[offset:offset + 6]
    start = _date(g[0], g[1], g[2])
    end = _date(g[3] or g[0], g[4] or g[1], g[5])
    return start, end


def single_date(text: str) -> dt.date | None:
    """A line that is nothing but a date, as under a signature."""
    match = _ONE_DATE.match(plain(text).strip())
    return _date(*match.groups()) if match else None


@dataclass
class Facts:
    issuer: str = ""
    short_name: str = ""
    body: str = ""
    round: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    feedback: dt.date | None = None
    title_object: str = ""  # 巡察整改进展情况, from 现将……予以公布
    title_issuer: str = ""  # the full name before 关于 in the title, when the title has one
    found: dict[str, str] = field(default_factory=dict)  # what was found, for the review


def _inspected(text: str) -> tuple[str, str]:
    """The inspected body named in the preamble, and its short name (以下简称“…”) if given."""
    named = _SHORT_NAME.search(text)
    if named:
        return named.group(1).strip(), named.group(2).strip()
    with_others = _INSPECTED_WITH_OTHERS.search(text)
    inspected = _INSPECTED.search(text)
    if with_others and (not inspected or with_others.start() <= inspected.start()):
        return with_others.group(1).strip(), ""
    return (inspected.group(1).strip(), "") if inspected else ("", "")


def _period(text: str, body: str) -> tuple[dt.date | None, dt.date | None, tuple[int, int] | None]:
    """The inspection period: the first date range in the sentence that names the body or the inspection."""
    for sentence in re.finditer(r"[^。]+", text):
        if body and body not in sentence.group(0) and not re.search(r"巡[察视]", sentence.group(0)):
            continue
        found = _RANGE.search(sentence.group(0))
        if found and not re.search(r"公[开示]期", sentence.group(0)[: found.start()]):
            start, end = date_range(found)
            return start, end, (sentence.start() + found.start(), sentence.start() + found.end())
    return None, None, None


def _feedback(text: str, period: tuple[int, int] | None, year: int | None) -> dt.date | None:
    """The date nearest before 反馈 in its sentence (…并于9月3日反馈了巡察意见), else the first after it
    (巡察反馈会于2024年9月3日召开); never one of the period's. A date without its year takes the period's."""
    for word in _FEEDBACK_WORD.finditer(text):
        sentence_start = text.rfind("。", 0, word.start()) + 1
        sentence_end = text.find("。", word.end())
        sentence_end = len(text) if sentence_end < 0 else sentence_end
        outside = [d for d in _SHORT_DATE.finditer(text, sentence_start, sentence_end)
                   if not (period and period[0] <= d.start() < period[1])]
        before = [d for d in outside if d.end() <= word.start()]
        after = [d for d in outside if d.start() >= word.end()]
        found = before[-1] if before else (after[0] if after else None)
        if found:
            y, m, d = found.groups()
            if y or year:
                return _date(y or str(year), m, d)
    return None


def notice_facts(preamble: str, whole: str, title: str = "") -> Facts:
    """Issuer, short name and the inspection, from the opening paragraph(s); the round from the title or
    anywhere in the text."""
    text = plain(preamble)
    facts = Facts()
    facts.issuer, facts.short_name = _inspected(text)
    title_issuer = _TITLE_ISSUER.match(plain(title))
    if title_issuer:
        facts.title_issuer = title_issuer.group(1).strip()
    body = _BODY.search(text)
    named_body = _NAMED_BODY.search(text)
    facts.body = body.group(7).strip() if body else (named_body.group(1) if named_body else "")
    facts.start, facts.end, span = _period(text, facts.body)
    facts.feedback = _feedback(text, span, (facts.end or facts.start).year if facts.start else None)
    round_ = _ROUND.search(plain(title)) or _ROUND.search(plain(whole))
    if round_:
        facts.round = round_.group(1)
    obj = _TITLE_OBJECT.search(text)
    if obj:
        facts.title_object = obj.group(1)
    return facts


@dataclass
class Channels:
    """What the closing invitation paragraph says beyond its invitation sentences."""

    invitation: str = ""
    window: tuple[dt.date, dt.date] | None = None
    phone: str = ""
    hours: str = ""
    address: str = ""
    envelope_note: str = ""
    postcode: str = ""
    email: str = ""
    leftover: str = ""  # text of the tail that none of the above accounts for


def _strip_found(text: str, pieces: list[str]) -> str:
    for piece in pieces:
        text = text.replace(piece, "", 1)
    return text


# Words that only introduce a channel; once the values are taken out, these are all that should remain.
_GLUE = re.compile(r"公[开示]期限?|联系电话|举报电话|监督电话|电话|工作时间|邮政信箱|通信地址|通讯地址|邮寄地址|来信地址"
                   r"|信件邮寄|信封上?(?:请)?注明|邮政编码|邮编|电子邮箱|电子邮件|邮箱|[\s:;,。、()“”—\-–~至到为是]")


def channels(paragraph: str) -> Channels:
    """Split the invitation paragraph: sentences before 公开期限 invite; the rest is window and contact."""
    text = plain(paragraph)
    found = Channels()
    cut = re.search(r"公[开示]期限", text)
    head, tail = (text[: cut.start()], text[cut.start():]) if cut else (text, "")
    if not cut:  # no window: the invitation ends where the first channel starts
        first = re.search(r"(联系电话|举报电话|电话|邮政信箱|通信地址|电子邮箱|邮政编码)", text)
        if first:
            head, tail = text[: first.start()], text[first.start():]
    found.invitation = paragraph[: len(head)].strip()
    used: list[str] = []
    window = _WINDOW.search(tail)
    if window:
        start, end = date_range(window)
        if start and end:
            found.window = (start, end)
            used.append(window.group(0))
    for name, pattern in (("phone", _PHONE), ("postcode", _POSTCODE), ("envelope_note", _ENVELOPE)):
        match = pattern.search(tail)
        if match:
            setattr(found, name, match.group(1).strip())
            used.append(match.group(0))
    hours = _HOURS.search(tail)
    if hours:
        found.hours = f"{int(hours.group(1).split(':')[0]):02d}:{hours.group(1).split(':')[1]}-" \
                      f"{int(hours.group(2).split(':')[0]):02d}:{hours.group(2).split(':')[1]}"
        used.append(hours.group(0))
    postal = _POSTAL.search(tail)
    if postal:
        found.address = postal.group(1).strip()
        used.append(postal.group(1))
    email = _EMAIL.search(tail)
    if email:
        found.email = email.group(0)
        used.append(email.group(0))
    rest = _GLUE.sub("", _strip_found(tail, used))
    found.leftover = rest
    return found


def is_invitation(text: str) -> bool:
    """The paragraph that invites comment and gives the window or the channels."""
    t = plain(text)
    return bool(re.search(r"公[开示]期限", t)) or (t.startswith("欢迎") and bool(re.search(r"监督|意见|反映", t)))
