"""Reading a source notice into numbered, non-blank lines, with web-page chrome trimmed off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import texts

# Lines a web page adds around a notice; trimmed from the end (and the start) of the text only.
_CHROME = re.compile(
    r"^[【\[]?\s*(相关文章|相关链接|相关阅读|相关新闻|打印本页|打印|关闭窗口|关闭|返回顶部|上一篇.*|下一篇.*"
    r"|分享到.*|扫一扫.*|责任编辑.*|字号.*|来源[:：].*|发布时间[:：].*|浏览次数.*|附件[:：]?\s*)\s*[】\]]?$"
)
_SPACES = re.compile(r"^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$")


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


def _auto_numbered(paragraph: object) -> bool:
    """Word numbering, set on the paragraph or inherited from its style (e.g. "List Number")."""
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    if ppr is not None and ppr.numPr is not None:
        return True
    style = paragraph.style  # type: ignore[attr-defined]
    while style is not None:
        spr = style.element.pPr
        if spr is not None and spr.numPr is not None:
            return True
        style = style.base_style
    return False


def docx_lines(path: Path) -> tuple[list[Line], list[tuple[int, str]]]:
    """Paragraphs of a Word file as lines (numbered by paragraph), and notes on what text alone misses."""
    import docx  # python-docx; imported here so that reading .txt needs nothing extra

    document = docx.Document(str(path))
    lines: list[Line] = []
    notes: list[tuple[int, str]] = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        if _auto_numbered(paragraph) and paragraph.text.strip():
            notes.append((number, texts.IMPORT_WORD_NUMBERING))
        for piece in paragraph.text.split("\n"):  # soft line breaks inside one paragraph
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
    return split_lines(path.read_text(encoding="utf-8-sig")), []


def trim_chrome(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines without web-page chrome at either end, and the chrome lines removed."""
    start, end = 0, len(lines)
    while end > start and _CHROME.match(lines[end - 1].text):
        end -= 1
    while start < end and _CHROME.match(lines[start].text):
        start += 1
    return lines[start:end], lines[:start] + lines[end:]
