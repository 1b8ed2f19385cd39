"""Reading a source notice into numbered, non-blank lines, with web-page chrome trimmed off."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from disclosures.core import texts
from disclosures.numbering.labels import chinese_numeral

from .facts import plain

# Lines a web page adds around a notice; trimmed from the end (and the start) of the text only.
_CHROME = re.compile(
    r"^[【\[]?\s*(相关文章|相关链接|相关阅读|相关新闻|打印本页|打印|关闭窗口|关闭|返回顶部|上一篇.*|下一篇.*"
    r"|分享到.*|扫一扫.*|责任编辑.*|字号.*|来源[:：].*|发布时间[:：].*|浏览次数.*|附件[:：]?\s*)\s*[】\]]?$"
)
_SPACES = re.compile(r"^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$")
# Around the title of a copied web page: the breadcrumb, and lines of metadata fields (the publication
# date, the source, a view counter; a law database's 发文机关, 时效性, 施行日期 …).
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|位置)\s*[:：]"
                         r"|^首页\s*(?:[>＞»›/]|&gt;)")
_META_KEY = (r"(?:发布时间|发布日期|发布机构|发布机关|发文机关|发文日期|发文字号|成文日期|印发日期|施行日期|生效日期"
             r"|时效性|效力级别|效力等级|索引号|主题分类|体裁分类|公开方式|公开范围|所属机构|文号|信息来源|文章来源|来源"
             r"|作者|编辑|责任编辑|审核|访问次数|访问量|浏览次数|浏览量|阅读次数|阅读量|阅读数|点击数|点击量|点击次数"
             r"|点击率|字号|字体|日期|时间)")
_META_LINE = re.compile(r"^[【\[]?\s*" + _META_KEY + r"\s*[】\]]?\s*[:：]")
_META_FIELD = re.compile(_META_KEY + r"\s*[:：]")
# A view counter, also without a colon: 浏览次数 1024, 点击数：[ 56 ]
_COUNTER = re.compile(r"^[【\[]?\s*(?:访问次数|访问量|浏览次数|浏览量|阅读次数|阅读量|阅读数|点击数|点击量|点击次数|点击率)"
                      r"\s*[:：]?\s*[\[【(（]?\s*\d[\d,，]*\s*[\]】)）]?\s*(?:次)?\s*[】\]]?$")
# A law database's or web page's field with its value right after the label, no colon between them:
# 发文机关最高人民法院, 发文日期2017年04月27日, 时效性现行有效, 发文字号法释〔2017〕7号. Each label only
# with a value of the shape it takes (a date, a status, a name, a document number) and nothing else on
# the line, so a sentence that merely opens with such a word (来源于群众反映…, 时效性强的任务…) is not chrome.
_DATE_VALUE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_ISSUER_KEY = r"(?:发文机关|发布机关|发布机构|发布部门|制定机关|公布机关|发文单位)"
# A body's or website's name ends like one (…人民法院, …党组, …网站): 发文机关要严格审核文件 is a sentence.
_NAME_VALUE = (r"[\u4e00-\u9fffA-Za-z0-9（）()、·]{1,40}?(?:院|委员会|党组|党委|党工委|局|厅|部|办公室|办|政府|中心|委|会"
               r"|处|署|室|所|站|组|队|行|社|馆|校|公司|集团|网|网站|报|街道|镇|乡|县|市|区|省)")
_BARE_FIELD = (
    r"(?:(?:发文日期|发布日期|发布时间|公布日期|成文日期|印发日期|施行日期|实施日期|生效日期|失效日期|颁布日期)\s*" + _DATE_VALUE
    + r"|时效性\s*(?:现行有效|已失效|失效|已修改|已修订|部分失效|尚未生效|已废止|有效)"
    + r"|(?:" + _ISSUER_KEY + r"|所属机构|信息来源|文章来源|来源(?![于自]))\s*" + _NAME_VALUE
    + r"|(?:效力级别|效力等级|效力位阶|法规类别|主题分类|体裁分类|公开方式|公开范围)\s*[\u4e00-\u9fff、/（）()]{2,20}?"
    + r"|(?:发文字号|文号|索引号|法宝引证码)\s*(?=[^\s。，；！？]*\d)[^\s。，；！？]{2,40}?)")
_BARE_FIELDS = re.compile(r"^" + _BARE_FIELD + r"(?:\s*" + _BARE_FIELD + r")*$")  # matched without 【】[]
_STATED_ISSUER = re.compile(r"^" + _ISSUER_KEY + r"\s*[:：]?\s*([\u4e00-\u9fff（）()、·]{2,40})$")
_BRACKETS = str.maketrans("", "", "【】[]")
# A date with a time or further fields (2024-09-10 10:30 来源：…); a bare date may be the signature's.
_DATED_META = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                         r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:" + _META_KEY + r"\s*[:：].*)?|\s*" + _META_KEY + r"\s*[:：].*)$")
# The publication date a page states: 发布时间：2024-09-10 10:30, 发布日期：2024年9月10日 …
# The colon may be left out (a law database's 发文日期2017年04月27日); 施行日期, 生效日期 … are no publication date.
_STATED_DATE = re.compile(r"(发布时间|发布日期|发文日期|成文日期|印发日期|(?<![行施效])日期|时间)\s*[】\]]?\s*[:：]?\s*"
                          r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_FIRST = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


class SourceUnreadable(Exception):
    """The source cannot be read as a notice; the message says why, in Chinese, for the clerk."""


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line (for .docx: paragraph) in the source
    text: str


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their source line numbers; BOM, CRLF and blank-line noise removed."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = _SPACES.sub("", raw)
        if stripped:
            out.append(Line(number, stripped))
    return out


def _num_pr(paragraph: object) -> tuple[int, int] | None:
    """Word numbering of a paragraph (numId, level), set on it or inherited from its style ("List Number")."""
    num_id, level = None, None
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    sources = [ppr.numPr if ppr is not None else None]
    style = paragraph.style  # type: ignore[attr-defined]
    while style is not None:
        spr = style.element.pPr
        sources.append(spr.numPr if spr is not None else None)
        style = style.base_style
    for num_pr in sources:
        if num_pr is None:
            continue
        if num_id is None and num_pr.numId is not None:
            num_id = num_pr.numId.val
        if level is None and num_pr.ilvl is not None:
            level = num_pr.ilvl.val
    return (num_id, level or 0) if num_id else None  # numId 0 switches numbering off


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _format_number(n: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return str(n)
    if fmt == "decimalFullWidth":
        return str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "chineseLegalSimplified"):
        return chinese_numeral(n) if fmt != "chineseLegalSimplified" else None
    return None


class WordNumbering:
    """Labels of Word's automatic numbering, counted as Word does: each list (numId) keeps a counter per
    level, starting at the level's start value; a paragraph at a level restarts the levels below it,
    unless a level says otherwise (lvlRestart 0: never; n: only after level n)."""

    def __init__(self, document: object):
        try:
            self.root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            self.root = None
        self.counters: dict[int, dict[int, int]] = {}

    def _levels(self, num_id: int) -> dict[int, tuple[str, str, int, int | None]]:
        """level -> (number format, label text such as "（%2）", start, lvlRestart) for one list."""
        if self.root is None:
            return {}
        nums = [n for n in self.root.iter(f"{_W}num") if n.get(f"{_W}numId") == str(num_id)]
        if not nums:
            return {}
        abstract = nums[0].find(f"{_W}abstractNumId")
        abstract_id = abstract.get(f"{_W}val") if abstract is not None else None
        levels: dict[int, tuple[str, str, int, int | None]] = {}
        for node in self.root.iter(f"{_W}abstractNum"):
            if node.get(f"{_W}abstractNumId") != abstract_id:
                continue
            for lvl in node.iter(f"{_W}lvl"):
                fmt, text, start, restart = (lvl.find(f"{_W}{tag}")
                                             for tag in ("numFmt", "lvlText", "start", "lvlRestart"))
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                    int(restart.get(f"{_W}val", "0")) if restart is not None else None)
        return levels

    def label(self, num_id: int, level: int) -> str | None:
        """The label Word shows for the next paragraph of this list at this level, or None if unreadable."""
        levels = self._levels(num_id)
        if level not in levels:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level][2] - 1) + 1
        for deeper in [k for k in counts if k > level]:
            restart = levels.get(deeper, ("", "", 1, None))[3]
            if restart is None or (restart and level + 1 <= restart):
                del counts[deeper]
        text = levels[level][1]
        for shown in range(level + 1):
            if f"%{shown + 1}" not in text:
                continue
            fmt, _, start, _ = levels.get(shown, ("decimal", "", 1, None))
            number = _format_number(counts.get(shown, start), fmt)
            if number is None:
                return None
            text = text.replace(f"%{shown + 1}", number)
        return text or None


def _open_docx(path: Path) -> object:
    """The Word document, or SourceUnreadable: a file cut short, renamed or damaged fails in zipfile,
    lxml or python-docx in many ways, none of which the clerk can act on beyond "open and save it again"."""
    import docx  # python-docx; imported here so that reading .txt needs nothing extra

    try:
        return docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - any failure of a third-party parser on a damaged file
        raise SourceUnreadable(texts.IMPORT_DOCX_UNREADABLE) from error


def docx_lines(path: Path) -> tuple[list[Line], list[tuple[int, str]]]:
    """Paragraphs of a Word file as lines (numbered by paragraph), and notes on what text alone misses.

    Word's automatic numbering is not in the text: its label is rebuilt from the numbering definitions
    (numbering.xml) and put in front, as if typed, so the paragraph is placed by its level."""
    document = _open_docx(path)
    numbering = WordNumbering(document)
    lines: list[Line] = []
    notes: list[tuple[int, str]] = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text
        num_pr = _num_pr(paragraph) if text.strip() else None
        if num_pr:
            label = numbering.label(*num_pr)
            if label:
                text = label + _SPACES.sub("", text)
                notes.append((number, texts.IMPORT_WORD_NUMBERING.format(label=label, level=num_pr[1] + 1)))
            else:
                notes.append((number, texts.IMPORT_WORD_NUMBERING_UNREAD))
        for piece in text.split("\n"):  # soft line breaks inside one paragraph
            stripped = _SPACES.sub("", piece)
            if stripped:
                lines.append(Line(number, stripped))
    if document.tables:
        notes.append((0, texts.IMPORT_TABLES.format(count=len(document.tables))))
    return lines, notes


def read_source(path: Path) -> tuple[list[Line], list[tuple[int, str]]]:
    """Lines of a .txt (UTF-8, with or without BOM) or .docx notice, and notes for the review."""
    if path.suffix.lower() == ".docx":
        return docx_lines(path)
    try:
        return split_lines(path.read_text(encoding="utf-8-sig")), []
    except UnicodeDecodeError as error:
        raise SourceUnreadable(texts.IMPORT_NOT_UTF8.format(line=error.object.count(b"\n", 0, error.start) + 1)) \
            from error


def is_chrome(text: str) -> bool:
    """A line a web page or law database adds around a notice (only ever looked for around the text)."""
    if _CHROME.match(text) or _BREADCRUMB.match(text) or _META_LINE.match(text) or _COUNTER.match(text):
        return True
    if len(text) <= 120 and _BARE_FIELDS.match(text.translate(_BRACKETS).strip()):
        return True
    return len(text) <= 120 and (_DATED_META.match(text) is not None or len(_META_FIELD.findall(text)) >= 2)


def trim_chrome(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines without web-page chrome at either end, and the chrome lines removed."""
    start, end = 0, len(lines)
    while end > start and is_chrome(lines[end - 1].text):
        end -= 1
    while start < end and is_chrome(lines[start].text):
        start += 1
    return lines[start:end], lines[:start] + lines[end:]


def trim_header(lines: list[Line], is_title: Callable[[str], bool]) -> tuple[list[Line], list[Line]]:
    """Chrome right after the title line too (发布时间, 来源, 浏览量 …), which trim_chrome leaves there."""
    if not lines or not is_title(lines[0].text):
        return lines, []
    end = 1
    while end < len(lines) and is_chrome(lines[end].text):
        end += 1
    return lines[:1] + lines[end:], lines[1:end]


def stated_date(chrome: list[Line]) -> tuple[dt.date, int] | None:
    """The publication date the page states among its chrome lines, and the line it stands on."""
    found: list[tuple[int, dt.date, int]] = []
    for line in chrome:
        text = plain(line.text)
        match = _STATED_DATE.search(text)
        groups = match.groups()[1:] if match else None
        rank = (0 if match.group(1).startswith("发布") else 1) if match else 2
        if groups is None:
            first = _DATE_FIRST.match(text)
            groups = first.groups() if first else None
        if groups is None:
            continue
        try:
            found.append((rank, dt.date(*map(int, groups)), line.number))
        except ValueError:
            continue
    if not found:
        return None
    _, day, number = min(found, key=lambda item: (item[0], item[2]))
    return day, number



def stated_issuer(chrome: list[Line]) -> tuple[str, int] | None:
    """The issuing body a law database or web page names among its chrome lines (发文机关：…), and its line."""
    for line in chrome:
        match = _STATED_ISSUER.match(plain(line.text).translate(_BRACKETS).strip())
        if match:
            return match.group(1), line.number
    return None
