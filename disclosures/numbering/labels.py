"""Chinese ordinal labels, generated from position so that numbering is never typed by hand."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (enough for any notice)."""
    if n <= 0 or n >= 10000:
        raise ValueError(f"ordinal out of range: {n}")
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out = ""
    rest = n
    pending_zero = False
    for value, name in units:
        digit, rest = divmod(rest, value)
        if digit:
            if pending_zero:
                out += "零"
                pending_zero = False
            # 十 rather than 一十 at the start of a number (十一, not 一十一)
            out += ("" if (value == 10 and digit == 1 and not out) else _DIGITS[digit]) + name
        elif out:
            pending_zero = True
    if rest:
        if pending_zero:
            out += "零"
        out += _DIGITS[rest]
    return out


def part_label(n: int) -> str:
    """Top level: 一、"""
    return f"{chinese_numeral(n)}、"


def section_label(n: int) -> str:
    """Second level: full-width parentheses, as in the printed notice."""
    return f"（{chinese_numeral(n)}）"


def theme_label(n: int) -> str:
    """Third level: 1."""
    return f"{n}."


def problem_label(n: int) -> str:
    """Fourth level: full-width parentheses around Arabic digits."""
    return f"（{n}）"


def measure_label(n: int) -> str:
    """Enumerated measures inside a problem: 一是, 二是 …"""
    return f"{chinese_numeral(n)}是"
