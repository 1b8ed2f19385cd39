"""The text catalogue: every user-facing text of the site and the tools, written plainly, in one place.

Each text is an UPPER_CASE module constant whose name says what it is for, with named placeholders
filled by `str.format` (e.g. ``DATA_ERROR_COUNT.format(count=3)``). Python imports the constants;
templates receive the same texts through `catalogue()` as ``texts.NAME``; scripts get the ones they
need from the page's config script, as Material does with its own translations.

Chinese is written as Chinese with full-width punctuation; tests/test_texts.py guards that.
"""

from __future__ import annotations

# === Page, status, feed and open-data texts (shown to readers) ===

# The notice-board poster (poster.py, partials/disclosures/poster.html)
POSTER_TITLE = "公示栏海报：{title}"
POSTER_LINK = "打印公示栏海报"
POSTER_LINK_NOTE = "（A4或A3纸，含二维码）"
POSTER_INTRO = "本页是供张贴在公示栏的海报。打印时请选择A4或A3纸、纵向；海报会按纸张大小排版，只打印海报本身。"
POSTER_PDF_LINKS = "也可下载PDF文件："
POSTER_PDF_A4 = "A4海报（PDF）"
POSTER_PDF_A3 = "A3海报（PDF）"
POSTER_SHEET_LABEL = "海报"
POSTER_ISSUER = "发布单位"
POSTER_PUBLISHED = "发布日期"
POSTER_WINDOW = "公开期限"
POSTER_OVERVIEW = "整改概况"
POSTER_CATEGORY_PROBLEMS = "{count}个问题"
POSTER_TEXT = "通报内容"
POSTER_FULL_TEXT_ONLINE = "……（全文见网站，扫描二维码阅读）"
POSTER_CHANNELS = "意见反馈方式"
POSTER_QR_NOTICE = "扫码阅读全文"
POSTER_QR_FEEDBACK = "扫码提意见"
POSTER_QR_NOTICE_LABEL = "二维码：本通报网页 {url}"
POSTER_QR_FEEDBACK_LABEL = "二维码：本通报的意见反馈方式 {url}"

POSTER_PDF_NO_BROWSER = ("海报PDF需要 Chromium 浏览器，本机未找到（设置了 DISCLOSURE_POSTER_PDF=1）。"
                         "请安装 chromium（scripts/setup --test），或去掉该设置，海报网页仍可直接打印。")
POSTER_PDF_FAILED = "打印海报PDF失败：{page}。Chromium 报告：{error}"

# "Open on a phone" on a notice page (wide screens only)
PHONE_QR_TITLE = "在手机上打开"
PHONE_QR_NOTE = "用手机扫描二维码，即可在手机上阅读本页。"
PHONE_QR_LABEL = "二维码：本页网址 {url}"

# Share cards and description meta tags (share.py)
SHARE_DESCRIPTION = "{issuer}发布。{window}{first_sentence}"
SHARE_WINDOW = "公开期限：{window}。"
SHARE_CARD_WINDOW = "公开期限：{window}"
SHARE_CARD_LABEL = "分享图：{title}"

# The footer (footer.py): national inspection entries, shown only when data/site.yml sets them
FOOTER_FIND_ERROR = "我为政府网站找错"
FOOTER_SITE_MARK = "党政机关网站标识"

# Lists of notices
LIST_PUBLISHED = "发布日期"

# The link check after every build (linkcheck.py)
LINKS_BROKEN_COUNT = "网站中有 {count} 个失效的站内链接（{count} broken internal link(s)）："
LINK_BROKEN = "页面 {page}：链接“{link}”{reason}。"
LINK_MISSING_FILE = "指向的 {path} 不存在"
LINK_MISSING_ANCHOR = "指向的 {path} 中没有锚点 #{anchor}"
LINKS_BROKEN_HINT = "请改正模板、docs/ 中的文件或 data/site.yml 中的链接后重新生成。"
LINKS_EXTERNAL = "站外链接 {count} 个（只列出，不访问）："


# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
