"""Chinese typographic conventions for text that came to us with ASCII punctuation.

The copy of a notice pasted from a web page often carries half-width commas,
colons and parentheses where the original used full-width ones. We present
full-width punctuation in Chinese text, but leave digits, times (08:30),
decimals (9.96%), e-mail addresses and URLs untouched.
"""

from __future__ import annotations

import re

# The full-width forms of ASCII's ! to ~ (＠ ． （ ，…), each 0xFEE0 above its ASCII character, made half-width
# by str.translate: what a Chinese input method types where a code or an address was meant.
HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
_IS_CJK = re.compile(f"[{_CJK}]")

# A comma, colon or semicolon is Chinese unless it sits between two digits (1,000 or 08:30).
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COLON = re.compile(r"(?<!\d):(?!//)|:(?!\d)(?!//)")
_SEMICOLON = re.compile(r";")
_QUESTION = re.compile(f"(?<=[{_CJK}])\\?")
_EXCLAIM = re.compile(f"(?<=[{_CJK}])!")
_PARENS = re.compile(r"\(([^()]*)\)")
# Spaces next to full-width punctuation or between two CJK characters are noise from the copy.
_SPACE_AFTER_PUNCT = re.compile("(?<=[，。；：！？、）“”])[ \\t\u3000]+")
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])[ \\t]+(?=[{_CJK}])")


# Every rule below starts from one of these characters.
_NEEDS_WORK = re.compile("[,:;?!( \t\u3000]")


def _is_url_or_email(text: str) -> bool:
    return "://" in text or "@" in text


def _fullwidth_parens(match: re.Match[str]) -> str:
    inner = match.group(1)
    before = match.string[match.start() - 1] if match.start() > 0 else ""
    if _IS_CJK.search(inner) or _IS_CJK.match(before or " "):
        return f"（{inner}）"
    return match.group(0)


def to_fullwidth(text: str) -> str:
    """Return text with Chinese punctuation full-width, leaving numbers, times and addresses alone."""
    if not _NEEDS_WORK.search(text):
        return text  # most data is already full-width: nothing to change
    # Protect URLs and e-mail addresses: split on whitespace-free tokens that contain them.
    pieces = re.split(r"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[a-z]+://\S+)", text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2 == 1 or _is_url_or_email(piece):
            out.append(piece)
            continue
        piece = _COMMA.sub("，", piece)
        piece = _COLON.sub("：", piece)
        piece = _SEMICOLON.sub("；", piece)
        piece = _QUESTION.sub("？", piece)
        piece = _EXCLAIM.sub("！", piece)
        piece = _PARENS.sub(_fullwidth_parens, piece)
        out.append(piece)
    text = "".join(out)
    text = _SPACE_AFTER_PUNCT.sub("", text)
    return _SPACE_BETWEEN_CJK.sub("", text)


def present(text: str) -> str:
    """Text as readers see it: Chinese punctuation full-width."""
    return to_fullwidth(text)
