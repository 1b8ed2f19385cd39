"""The text catalogue: every user-facing text of the site and the tools, written plainly, in one place.

Each text is an UPPER_CASE module constant whose name says what it is for, with named placeholders
filled by `str.format` (e.g. ``DATA_ERROR_COUNT.format(count=3)``). Python imports the constants;
templates receive the same texts through `catalogue()` as ``texts.NAME``; scripts get the ones they
need from the page's config script, as Material does with its own translations.

Chinese is written as Chinese with full-width punctuation; tests/test_texts.py guards that.
"""

from __future__ import annotations

# === Page, status, feed and open-data texts (shown to readers) ===

# --- Pages and navigation ---
HOME_TITLE = "首页"
NOTICES_TITLE = "公示公告"
FEEDBACK_TITLE = "意见反馈"
GLOSSARY_TITLE = "术语解释"
SUBSCRIBE_TITLE = "订阅"
SEARCH_LABEL = "搜索"  # the accessible name of Material's search dialog
NO_NOTICES = "目前没有公开的通报。"
DRAFT_NOTE = "预览：本通报尚未公开（草稿或未到发布日期），正式构建的网站中不会出现。"
SUBSCRIBE_PROMPT = "用 RSS 阅读器订阅本站，有新通报或通报更新时会自动收到。"  # after the 订阅 link on every page
LIST_SEPARATOR = "、"

# --- Key facts of a notice (and the home page's list) ---
FACT_ISSUER = "发布单位"
FACT_INSPECTION_BODY = "巡察组"
FACT_INSPECTION_ROUND = "{body}（{round}）"
FACT_INSPECTION_PERIOD = "巡察时间"
FACT_FEEDBACK_DATE = "反馈时间"
FACT_PUBLISHED = "发布日期"
FACT_WINDOW = "公开期限"
FACT_STATUS = "公示状态"

# --- Dates (the same formats in window-status.js) ---
DATE = "{year}年{month}月{day}日"
DATE_IN_SAME_YEAR = "{month}月{day}日"
DATE_SPAN = "{start}至{end}"

# --- Window status (timewindow.py and window-status.js) ---
STATUS_UPCOMING = "未开始"
STATUS_OPEN = "公示中"
STATUS_CLOSED = "已结束"
STATUS_STARTS_AT = "公示将于{start}开始"
STATUS_DAYS_LEFT = "距公示结束还有 {days} 天"
STATUS_LAST_DAY = "今天是最后一天"
STATUS_ENDED = "公示期已结束"
WINDOW_CLOSED_NOTE = "本通报的公示期已于{end}结束，意见征集已截止。"
BANNER_OPEN = "正在公示："

# --- Notice page ---
OVERVIEW_HEADING = "概览"
REVISIONS_HEADING = "更新记录"
DOWNLOADS_INTRO = "下载本通报的开放数据："
DOWNLOAD_JSON = "JSON"
DOWNLOAD_YAML = "YAML 源文件"
CONTACT_HEADING = "监督与意见反馈"
CONTACT_WINDOW = "公开期限：{span}。"
TO_FEEDBACK_PAGE = "前往意见反馈页"
TO_FEEDBACK_PAGE_WHAT = "一键拨打电话、发送邮件、复制联系方式、打印信封信息。"
PART_STATE_RECTIFIED = "已整改"
PART_STATE_ONGOING = "长期整改中"

# --- Contact channels (the notice's contact sentence and the feedback page) ---
CHANNEL_PHONE = "联系电话"
CHANNEL_ADDRESS = "邮政信箱"
CHANNEL_POSTCODE = "邮政编码"
CHANNEL_EMAIL = "电子邮箱"
CHANNEL_PHONE_HOURS = "（工作时间{hours}）"
CHANNEL_ENVELOPE_NOTE = "（信封上注明“{note}”）"

# --- Overview and chart ---
OVERVIEW_FIGURES = "主要数字"
OVERVIEW_PROBLEMS = "问题分类与整改状态"
OVERVIEW_TABLE_CAPTION = "各类别的方面数、问题数和整改状态"
OVERVIEW_COLUMN_CATEGORY = "类别"
OVERVIEW_COLUMN_THEMES = "方面"
OVERVIEW_COLUMN_PROBLEMS = "问题"
OVERVIEW_COLUMN_STATE = "整改状态"
OVERVIEW_STATE_NOT_STATED = "未注明"
OVERVIEW_TOTAL = "合计"
OVERVIEW_CATEGORIES = "{count}类、"
OVERVIEW_THEMES_AND_PROBLEMS = "{themes}个方面、{problems}个问题"
OVERVIEW_ITEMS = "{count}项"
PROBLEM_COUNT = "{count}个问题"
CHART_TITLE = "各类别问题数量"
CHART_ROW = "{category}：{problems}个问题"
CHART_ROW_SEPARATOR = "；"
CHART_END = "。"
CHART_CAPTION = "图：各类别问题数量（数据见上表）"

# --- Feedback page ---
FEEDBACK_INTRO = ("本页列出各通报接受意见建议的方式。点击电话号码可直接拨打，点击邮箱地址可写邮件（已填好主题），"
                  "每项都可以一键复制；写信时可打印信封信息。")
FEEDBACK_UPCOMING = "本通报公开期限为{span}，届时欢迎通过以下方式提出意见建议。"
FEEDBACK_OPEN = "本通报正在公开征求意见，公开期限为{span}。请于{due}前通过以下任一方式提出意见建议。"
FEEDBACK_DUE_WHOLE_DAY = "（含当日）"
FEEDBACK_AFTER_CLOSE = "如有其他意见建议，仍可通过以下方式与我们联系。"
FEEDBACK_STATUS = "公示状态："
FEEDBACK_CONTACT_TYPE = "意见建议"  # schema.org contactType
COPY = "复制"
COPY_LABEL = "复制{label} {value}"
COPIED = "已复制"
COPIED_ANNOUNCE = "已复制：{text}"
COPY_FAILED = "复制失败，请长按或选中文字后手动复制：{text}"
ENVELOPE_HEADING = "信封填写"
ENVELOPE_POSTCODE = "邮政编码"
ENVELOPE_ADDRESS = "收信地址"
ENVELOPE_NOTE = "信封上注明"
PRINT_ENVELOPE = "打印信封信息"
MAIL_SUBJECT = "对《{title}》的意见建议"
MAIL_GREETING = "您好："
MAIL_OPENING = "我对《{title}》（{url}）有以下意见建议："
MAIL_OPTIONAL = "（以下选填，便于回复）"
MAIL_NAME = "姓名："
MAIL_PHONE = "联系电话："

# --- Glossary page ---
GLOSSARY_INTRO = "通报中常见的政治和法律用语的简要说明。通报页面上，术语第一次出现时可以悬停或用 Tab 键聚焦查看解释。"
GLOSSARY_ALIASES = "（又称：{aliases}）"

# --- Feeds and the subscribe page ---
FEED_REVISION_TITLE = "{title}（{date}更新）"
FEED_REVISION_UPDATED = "更新："
FEED_READ_NOTICE = "查看通报全文"
SUBSCRIBE_INTRO = "把下面的订阅地址复制到您使用的 RSS 阅读器里“添加订阅”，有新通报或通报更新时阅读器会自动收到。"
SUBSCRIBE_RSS = "RSS 订阅地址"
SUBSCRIBE_JSON = "JSON Feed 地址"

# --- Footer ---
FOOTER_PUBLISHER = "主办单位"
FOOTER_SITE_CODE = "网站标识码"
FOOTER_ICP = "ICP备案号"
FOOTER_PUBLIC_SECURITY = "公安机关备案号"

# --- Reading comfort (reading.js) ---
LARGE_TEXT = "大字"
LARGE_TEXT_HINT = "放大文字，再按一次恢复"

# --- Configuration the build cannot work with (feeds.py, timewindow.py) ---
SITE_URL_NOT_ABSOLUTE = "网站网址 url 应为以 http:// 或 https:// 开头的完整网址，实际为“{url}”：订阅源需要它生成链接。"
REFERENCE_TIME_INVALID = "{name}={value}：应为 ISO 8601 日期或时间，例如 2025-04-28 或 2025-05-11T23:59:00+08:00"

# --- The build's last words when it stops (hooks/disclosures_hooks.py) ---
NOT_BUILT = "未生成网站，原有的 site/ 保持不变。（Nothing was built; site/ is unchanged.）"
NOT_REBUILT = "预览未更新，仍显示上一次成功生成的内容。（The preview was not rebuilt.）"

# --- The importer's review list (disclosures-import) ---
IMPORT_HELP = "把发布的通报（.txt 或 .docx）转成 YAML 数据文件的初稿，并列出需要核对的地方。"
IMPORT_HELP_SOURCE = "通报原文：.txt（UTF-8）或 .docx"
IMPORT_HELP_OUTPUT = "写入的 YAML 文件；不写则输出到屏幕"
IMPORT_HELP_ID = "通报编号（小写字母、数字、连字符）；默认取输出或原文的文件名"
IMPORT_HELP_TITLE = "标题；原文多半没有标题行"
IMPORT_NO_FILE = "找不到文件：{path}"
IMPORT_REVIEW_COUNT = "需要核对 {count} 处： (review list, {count} item(s))"
IMPORT_REVIEW_LINE = "{where} [{kind}] {message}"
IMPORT_AT_LINE = "第{line}行"
IMPORT_WHOLE_TEXT = "全文"
IMPORT_KIND_GUESS = "推测，请核对"
IMPORT_KIND_UNPLACED = "未能归位，保留为段落"
IMPORT_KIND_DROPPED = "未放入数据"
IMPORT_KIND_NOTE = "提示"
IMPORT_LEVEL_PART = "部分“一、”"
IMPORT_LEVEL_SECTION = "小节“（一）”"
IMPORT_LEVEL_THEME = "主题“1.”"
IMPORT_LEVEL_PROBLEM = "问题“（1）”"
IMPORT_LEVEL_MEASURE = "措施“一是”"
IMPORT_RENUMBERED = "{level}原文编号为{written}，按位置应为{position}；数据不写编号，页面将显示{position}。请核对是否漏项或重复"
IMPORT_UNPLACED = "{why}：“{text}”"
IMPORT_UNDER_UNPLACED = "属于上面未能归位的条目"
IMPORT_AFTER_CLOSING = "{level}出现在本部分的结尾段落之后"
IMPORT_PART_HEADING_WITH_TEXT = "部分标题后同一段还有正文，正文放入该部分的 paragraphs"
IMPORT_SECTION_OUTSIDE_PART = "小节“（一）”不在任何部分之下"
IMPORT_SECTION_AFTER_THEME = "小节出现在主题之后"
IMPORT_THEME_OUTSIDE_PART = "主题“1.”不在任何部分之下"
IMPORT_THEME_NOT_HERE = "此处不能放主题“1.”"
IMPORT_THEME_WITHOUT_PROBLEM = "主题“1.”下面没有问题“（1）”，数据里的主题必须含问题"
IMPORT_PROBLEM_OUTSIDE_THEME = "问题“（1）”不在任何主题“1.”之下"
IMPORT_PROBLEM_WITHOUT_MEASURE = "问题“（1）”下面没有措施或正文"
IMPORT_PROBLEM_HEADING_WITH_TEXT = "问题标题后同一段还有正文，作为第一项措施，页面会标“一是”"
IMPORT_MEASURE_OUTSIDE = "措施“一是”不在问题或带标题的小节之下"
IMPORT_MEASURES_RESTART = "“一是”在同一问题或小节里重新开始，数据里一处只能有一组措施"
IMPORT_UNNUMBERED_AS_MEASURE = "问题下的无编号段落作为措施，页面会给它加“一是”等编号"
IMPORT_UNNUMBERED_AS_CLOSING = "无编号段落作为第{part}部分的结尾段落（closing）"
IMPORT_CHROME = "网页附带的文字“{text}”，不属于通报正文"
IMPORT_FILL_ISSUER = "（请填写发布机关）"
IMPORT_NO_ISSUER = "未找到发布机关，请填写 issuer.name"
IMPORT_ISSUER_FROM_SIGNATURE = "发布机关取自落款：{issuer}"
IMPORT_ISSUER = "发布机关：{issuer}"
IMPORT_SHORT_NAME = "，简称：{short_name}"
IMPORT_NO_DATE = "未找到落款日期，发布日期暂填今天 {published}"
IMPORT_PUBLISHED = "发布日期：{published}"
IMPORT_TITLE_FROM_FIRST_LINE = "首行作为标题：{title}"
IMPORT_FILL_TITLE = "（请填写标题）"
IMPORT_NO_TITLE = "原文没有标题行，也找不到发布机关，请填写 title"
IMPORT_TITLE_ABOUT = "{issuer}关于{subject}的通报"
IMPORT_TITLE_PLAIN = "{issuer}通报"
IMPORT_GUESSED_TITLE = "原文没有标题行，标题为推测：{title}"
IMPORT_GUESSED_ID = "编号（id）为推测：{id}"
IMPORT_INSPECTION = "巡察：{body}，{start} 至 {end}，反馈 {feedback}"
IMPORT_INSPECTION_ROUND = "，轮次：{round}"
IMPORT_INSPECTION_INCOMPLETE = "巡察信息不全（巡察组、起止日期、反馈日期缺一），未写入 inspection，请补全"
IMPORT_WINDOW = "公开期限：{start} 至 {end}"
IMPORT_CLOSING_LEFTOVER = "结尾段落里未识别的文字：“{text}”，请核对 invitation 和 contact"
IMPORT_SIGNATURE_FROM_ISSUER = "未找到落款单位，暂用发布机关：{issuer}"
IMPORT_NO_PARTS = "原文没有“一、”这样的编号，全文放入 preamble；数据至少需要一个部分，已加一个空标题部分，请补写"
IMPORT_POSTAL_INCOMPLETE = "邮寄地址和邮政编码不全，未写入 contact.postal，请补全"
IMPORT_CONTACT_FROM_CLOSING = "联系方式取自结尾段落：{found}"
IMPORT_FIELD_SEPARATOR = "，"
IMPORT_WORD_NUMBERING = "段落使用 Word 自动编号，编号不在文字里，请核对层级"
IMPORT_TABLES = "文件含 {count} 个表格，表格内容未导入"

# The texts the page scripts need (docs/assets/javascripts/), handed over in the page's config script.
SCRIPT_TEXTS = ("DATE", "STATUS_UPCOMING", "STATUS_OPEN", "STATUS_CLOSED", "STATUS_STARTS_AT", "STATUS_DAYS_LEFT",
                "STATUS_LAST_DAY", "STATUS_ENDED", "COPY", "COPIED", "COPIED_ANNOUNCE", "COPY_FAILED",
                "LARGE_TEXT", "LARGE_TEXT_HINT")

# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}


def script_texts() -> dict[str, str]:
    """The texts the page scripts read from the config script (see SCRIPT_TEXTS)."""
    return {name: globals()[name] for name in SCRIPT_TEXTS}
