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

# The importer's review list (disclosures-import): what it guessed, kept, left out or did not find.
IMPORT_KEPT_NUMBER = ("{level}原文编号为{number}，按顺序应为{derived}：原文跳号，已在数据里用 number 保留原文编号，"
                      "后面的条目从它接着编号；check 会把它列为有意保留的编号。请核对原文是否确实跳号")
IMPORT_TOP_LEVEL_SECTION = "原文没有“一、”这一层，以“（一）”为最高一层：放入一个不写标题的部分，页面同样以（一）为最高一层"
IMPORT_SECTION_PROBLEMS_RESTART = "分类下的问题在每个分类里从 1. 重新编号，已把 section_problems 写为 restart"
IMPORT_LEAD_IN = "措施前的引语“{lead_in}”写入 lead_in，其后的文字按“一是”“二是”分为 {count} 项措施，页面连成一段显示"
IMPORT_LEAD_IN_ALONE = "措施前的引语“{lead_in}”单独成段，写入 lead_in；下面的段落作为它的措施，页面把引语和措施连成一段显示"
IMPORT_LEAD_IN_ONE = "措施前的引语“{lead_in}”写入 lead_in，其后的文字没有“一是”，作为一项措施，页面照原文不加编号"
IMPORT_NO_NUMBERING = "原文没有“一、”“（一）”这样的编号：第一段作为导语（preamble），其余段落放入一个不写标题的部分"
IMPORT_STATED_DATE = "原文没有落款日期，发布日期取自网页标注的发布时间：{date}"
IMPORT_WINDOW_DATE = "原文没有落款日期，也没有网页标注的发布时间，发布日期暂取公开期限的第一天：{date}"
IMPORT_NO_DATE = ("原文没有落款日期，也没有网页标注的发布时间：published 留作“{placeholder}”，"
                  "填写实际发布日期之前，检查和生成网站都会拒绝这份数据")
IMPORT_ISSUER_FROM_TITLE = "发布机关全称取自标题：{full}；正文里的写法“{short}”不同，作为简称（short_name）"
IMPORT_NO_CONTACT = ("未找到联系方式段落：页面将显示网站的默认联系方式（data/site.yml），它可能属于别的单位；"
                     "请核对，需要时补写 contact")
IMPORT_INSPECTION_MISSING = "原文未写明或未能识别：{missing}；inspection 只写入找到的部分，请核对原文"
IMPORT_INSPECTION_WITHOUT_BODY = "找到了{kind}日期，但没有找到{kind}组的名称，未写入 inspection；请按原文补写"
IMPORT_WORD_NUMBERING = "段落使用 Word 自动编号，已按编号定义补上“{label}”（第 {level} 级），请核对层级"
IMPORT_WORD_NUMBERING_UNREAD = "段落使用 Word 自动编号，但读不出编号格式，编号不在文字里，请核对层级"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
