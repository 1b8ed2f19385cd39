"""The text catalogue: every user-facing text of the site and the tools, written plainly, in one place.

Each text is an UPPER_CASE module constant whose name says what it is for, with named placeholders
filled by `str.format` (e.g. ``DATA_ERROR_COUNT.format(count=3)``). Python imports the constants;
templates receive the same texts through `catalogue()` as ``texts.NAME``; scripts get the ones they
need from the page's config script, as Material does with its own translations.

Chinese is written as Chinese with full-width punctuation; tests/test_texts.py guards that.
"""

from __future__ import annotations

# === Page, status, feed and open-data texts (shown to readers) ===


# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"

# === Deployment checks (`disclosures verify`; shown to the server's operator) ===

VERIFY_OK = "网站文件与清单一致：{count} 个文件均未改动。（{site} matches its manifest）"
VERIFY_DIFFERENT = "网站文件与清单不符，共 {count} 处（{site} differs from its manifest）："
VERIFY_CHANGED = "  - 已被改动：{path}"
VERIFY_MISSING = "  - 已缺失：{path}"
VERIFY_ADDED = "  - 清单中没有（多出的文件）：{path}"
VERIFY_NO_SITE = "找不到网站文件夹 {path}（no such folder）"
VERIFY_NO_MANIFEST = "读不到清单 {path}：请用本项目重新生成网站，或用 --manifest 指明清单文件。（manifest missing or unreadable）"
VERIFY_BAD_MANIFEST = "清单 {path} 第 {line} 行格式不对，应为“SHA-256 值、两个空格、文件路径”。清单可能已被改动。（manifest damaged）"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
