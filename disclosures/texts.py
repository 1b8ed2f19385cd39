"""The text catalogue: every user-facing text of the site and the tools, written plainly, in one place.

Each text is an UPPER_CASE module constant whose name says what it is for, with named placeholders
filled by `str.format` (e.g. ``DATA_ERROR_COUNT.format(count=3)``). Python imports the constants;
templates receive the same texts through `catalogue()` as ``texts.NAME``; scripts get the ones they
need from the page's config script, as Material does with its own translations.

Chinese is written as Chinese with full-width punctuation; tests/test_texts.py guards that.
"""

from __future__ import annotations

# === Page, status, feed and open-data texts (shown to readers) ===

# Facts of an inspection; {kind} is 巡察 or 巡视 (records.INSPECTION_KINDS), as the notice says.
FACT_INSPECTION_BODY = "{kind}组"
FACT_INSPECTION_PERIOD = "{kind}时间"
FACT_INSPECTION_FEEDBACK = "反馈时间"
# The overview's name for the one part of a notice whose top level is （一） (it has no heading).
WHOLE_NOTICE = "全文"


# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"

# Placeholders the importer leaves where the source does not say: never published.
PLACEHOLDER_EXPECTED = "照原文填写的内容"
PLACEHOLDER_FOUND = "导入时留下的占位文字“{text}”"
PLACEHOLDER_HINT = "原文没有写明这一项，导入程序留了占位；请按实际情况填写（核对清单里有说明）。"
# Explicit numbers kept from the source (a skipped label) and the checks on them.
NUMBER_EXPECTED = "正整数（原文印出的编号）"
KEPT_NUMBER_EXPECTED = "大于按顺序生成的编号 {derived}（原文跳号时才写 number）"
KEPT_NUMBER_HINT = "number 只用于原文跳号的地方，并且后面的条目从它接着编号；编号相同或倒退请删除 number。"
KEPT_NUMBERS_SUMMARY = "有意保留的原文编号（与按顺序生成的编号不同）：{count} 处"
KEPT_NUMBER_LINE = "{where} 字段 {path}：显示原文编号 {label}，按顺序应为 {derived}"
SECTION_PROBLEMS_EXPECTED = "continue（全文连续编号）或 restart（每个小节重新编号）"
INSPECTION_KIND_EXPECTED = "巡察 或 巡视"
INSPECTION_KIND_CONFLICT = "与 body 一致的 {kind}"
LEAD_IN_EXPECTED = "以冒号结尾的引语（如“整改落实情况：”）"
HEADLESS_PART_EXPECTED = "非空的 heading（只有原文没有“一、”这一层、全文只有一个部分时才可不写）"
SECTION_THEMES_OR_PROBLEMS = "themes 或 problems 二选一"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
