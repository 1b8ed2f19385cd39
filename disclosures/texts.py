"""The text catalogue: every user-facing text of the site and the tools, written plainly, in one place.

Each text is an UPPER_CASE module constant whose name says what it is for, with named placeholders
filled by `str.format` (e.g. ``DATA_ERROR_COUNT.format(count=3)``). Python imports the constants;
templates receive the same texts through `catalogue()` as ``texts.NAME``; scripts get the ones they
need from the page's config script, as Material does with its own translations.

Chinese is written as Chinese with full-width punctuation; tests/test_texts.py guards that.
"""

from __future__ import annotations

# === Page, status, feed and open-data texts (shown to readers) ===

# Navigation and list pages (lists.py, nav.py)
NAV_NOTICES = "公示公告"
NAV_UNITS = "按单位"
NAV_ROUNDS = "巡察专题"
NAV_YEARS = "按年度"
LIST_ALL_TITLE = "全部通报"
LIST_UNITS_TITLE = "各单位通报"
LIST_ROUNDS_TITLE = "巡察专题"
LIST_YEARS_TITLE = "按年度浏览"
LIST_UNIT_TITLE = "{name}"
LIST_ROUND_TITLE = "{name}专题"
LIST_YEAR_NAME = "{year}年"
LIST_YEAR_TITLE = "{year}通报"
LIST_PAGE_TITLE = "{title}（第{page}页）"
LIST_COUNT = "共 {count} 篇通报"
LIST_EMPTY = "目前没有公开的通报。"
LIST_GROUP_COUNT = "{count} 篇"
LIST_UNITS_OF_ROUND = "本轮巡察单位"
LIST_UNIT_MISSING = "尚未公开"
LIST_ROUND_COMPLETENESS = "已公开 {published} / {declared} 个单位"
LIST_ROUND_DATES = "巡察时间：{dates}"
LIST_NOTICES = "通报列表"
LIST_FEEDS = "订阅本页通报："
PAGINATION_LABEL = "分页"
PAGINATION_PREVIOUS = "上一页"
PAGINATION_NEXT = "下一页"
PAGINATION_PAGE = "第 {page} 页"
PAGINATION_OF = "第 {page} / {pages} 页"

# Site-wide banner when many notices are open for comment (banner.py)
BANNER_SUMMARY = "多篇通报正在公开征求意见，查看各通报及意见反馈方式"

# Home page of a portal (home.html)
HOME_OPEN_TITLE = "正在公开征求意见"
HOME_OPEN_MORE = "全部正在征求意见的通报及反馈方式见意见反馈页"
HOME_NEWEST_TITLE = "最新通报"
HOME_BROWSE_TITLE = "浏览全部通报"
HOME_UNIT_COUNT = "{count} 个单位"
HOME_ROUND_COUNT = "{count} 轮"
HOME_YEAR_COUNT = "{count} 个年度"

# Feedback page of a portal (feedback.py)
FEEDBACK_OTHERS_TITLE = "其他通报"
FEEDBACK_OTHERS = "其他通报的意见反馈方式列在各通报页面末尾的“监督与意见反馈”部分，可从以下列表找到通报："

# 政务公开 metadata (view.py, opendata.py)
META_INDEX = "索引号"
META_PUBLISHER = "发布机构"
META_WRITTEN = "成文日期"
META_DOCUMENT_NUMBER = "发文字号"
META_TOPIC = "主题分类"

# Feeds of a unit or a round (assets.py)
FEED_UNIT_TITLE = "{site}：{name}"
FEED_ROUND_TITLE = "{site}：{name}专题"


# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"

# data/units.yml and data/rounds.yml (portal.py); 索引号 (load.py)
REGISTRY_ENTRY_EXPECTED = "一组“键: 值”（至少有 id 和 name）"
REGISTRY_ID_EXPECTED = "由小写字母、数字和连字符组成的编号（如 city-finance），不能是 page 或 feed"
REGISTRY_ID_RESERVED = "保留字“{value}”"
REGISTRY_UNIQUE = "在本文件中只出现一次的值"
REGISTRY_DUPLICATE = "“{value}”（第{line}行已有）"
INDEX_NUMBER_UNIQUE = "全站唯一的索引号"
INDEX_NUMBER_DUPLICATE = "“{value}”，与 {other} 第{line}行重复"
INDEX_NUMBER_HINT = "每篇通报的索引号必须不同，请核对序号。"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
