"""The text catalogue: every user-facing text of the site and the tools, written plainly, in one place.

Each text is an UPPER_CASE module constant whose name says what it is for, with named placeholders
filled by `str.format` (e.g. ``DATA_ERROR_COUNT.format(count=3)``). Python imports the constants;
templates receive the same texts through `catalogue()` as ``texts.NAME``; scripts get the ones they
need from the page's config script, as Material does with its own translations.

Chinese is written as Chinese with full-width punctuation; tests/test_texts.py guards that.
"""

from __future__ import annotations

# === Page, status, feed and open-data texts (shown to readers) ===

# Search (the header box, the search page /search/ and docs/assets/javascripts/search.js).
SEARCH_LABEL = "搜索"
SEARCH_HEADER_LANDMARK = "站内搜索"
SEARCH_PAGE_LANDMARK = "搜索与筛选"
SEARCH_PLACEHOLDER = "搜索通报、问题、日期"
SEARCH_PAGE_TITLE = "搜索"
SEARCH_BOX_LABEL = "搜索词"
SEARCH_SUBMIT = "搜索"
SEARCH_FILTERS = "筛选"
SEARCH_FILTER_UNIT = "发布单位"
SEARCH_FILTER_ROUND = "巡察轮次"
SEARCH_FILTER_YEAR = "发布年份"
SEARCH_FILTER_WINDOW = "公示状态"
SEARCH_FILTER_ANY = "全部"
SEARCH_WINDOW_OPEN = "公示中"
SEARCH_WINDOW_CLOSED = "已结束"
SEARCH_WINDOW_UPCOMING = "未开始"
SEARCH_HINT = "可输入词语、问题编号或日期（如 2024年8月30日、2024-08-30、8月30日），也可以不输入，只用筛选条件浏览通报。"
SEARCH_NO_SCRIPT = "搜索需要浏览器启用 JavaScript。未启用时，可以从下面的通报列表直接阅读。"
SEARCH_LIST_TITLE = "通报列表"
SEARCH_HOME_LINK = "返回首页"
SEARCH_LOADING = "正在搜索……"
SEARCH_READY = "键入以开始搜索"
SEARCH_NONE = "没有找到符合条件的结果"
SEARCH_COUNT = "在 {count} 个页面中找到结果"
SEARCH_COUNT_NOTICES = "共 {count} 份通报"
SEARCH_MORE = "显示更多结果"
SEARCH_ALL = "在搜索页查看全部结果和筛选"
SEARCH_FAILED = "搜索暂时不可用，请稍后再试，或从首页的通报列表阅读。"
SEARCH_RESULTS_LABEL = "搜索结果"


# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
