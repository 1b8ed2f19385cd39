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
SEARCH_LABEL = "搜索"  # the header search box's button and landmark name
NO_NOTICES = "目前没有公开的通报。"
DRAFT_NOTE = "预览：本通报尚未公开（草稿或未到发布日期），正式构建的网站中不会出现。"
SUBSCRIBE_PROMPT = "用 RSS 阅读器订阅本站，有新通报或通报更新时会自动收到。"  # after the 订阅 link on every page
LIST_SEPARATOR = "、"

# --- Key facts of a notice (and the home page's list) ---
FACT_ISSUER = "发布单位"
# Facts of an inspection; {kind} is 巡察 or 巡视 (records.INSPECTION_KINDS), as the notice says.
FACT_INSPECTION_BODY = "{kind}组"
FACT_INSPECTION_ROUND = "{body}（{round}）"
FACT_INSPECTION_PERIOD = "{kind}时间"
FACT_ROUND = "轮次"  # a notice card on a portal's list pages (the round's name says 巡察 or 巡视)
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
OVERVIEW_PROBLEMS_ALONE = "{problems}个问题"  # problems directly under categories, without themes
OVERVIEW_ITEMS = "{count}项"
# The overview's name for the one part of a notice whose top level is （一） (it has no heading).
WHOLE_NOTICE = "全文"
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
NOT_BUILT_NONE = "未生成网站；{site} 此前也没有生成过，现在仍不存在。（Nothing was built.）"
CACHE_ENTRY_LOST = "页面 {page} 在生成缓存中的内容（{path}）在构建过程中丢失或损坏，无法写出：请重新生成，缓存会自动修复。"
# Publishing the finished build (publish/staging.py, publish/buildlock.py)
PUBLISH_WAITING = "另一次构建正在生成 {site}（进程 {pid}，{started} 开始：{command}），等它结束后再开始……"
PUBLISH_OS_ERROR = "无法写入 {path}：{cause}。"
PUBLISH_MOUNT_POINT = ("{path} 是挂载点，构建无法整体替换它：请把 site_dir 设为挂载点内的一个子文件夹，"
                       "或让它成为指向网站文件夹的符号链接。")
PUBLISH_LEFTOVER = "上次中断的构建留下的 {path} 无法删除（{cause}），请手动删除。"
PUBLISH_TERMINATED = "构建被终止（{signal}）。"
# Why the operating system refused (errno), in words a clerk can act on.
OS_NO_SPACE = "磁盘空间已满，请腾出空间后再生成"
OS_QUOTA = "已超出磁盘配额，请腾出空间后再生成"
OS_READ_ONLY = "所在的文件系统是只读的"
OS_NO_PERMISSION = "没有写入权限，请检查文件夹的所有者和权限"
OS_BUSY = "正被占用（可能是挂载点或正在使用的文件夹）"
OS_NOT_FOUND = "文件或文件夹不存在"
OS_OTHER = "操作系统报告错误 {code}（{reason}）"

# --- The importer's review list (disclosures-import) ---
IMPORT_HELP = "把发布的通报（.txt 或 .docx）转成 YAML 数据文件的初稿，并列出需要核对的地方。"
IMPORT_HELP_SOURCE = "通报原文：.txt（UTF-8）或 .docx"
IMPORT_HELP_OUTPUT = "写入的 YAML 文件；不写则输出到屏幕"
IMPORT_HELP_ID = "通报编号（小写字母、数字、连字符）；默认取输出或原文的文件名"
IMPORT_HELP_TITLE = "标题；原文多半没有标题行"
IMPORT_NO_FILE = "找不到文件：{path}"
IMPORT_REFUSED = "{path}：{reason}，未写出初稿"
IMPORT_NOT_UTF8 = "不是 UTF-8 编码的文本（第{line}行起读不出），请用记事本等另存为 UTF-8 后再导入"
IMPORT_DOCX_UNREADABLE = "读不出这个 Word 文件（可能不完整、已损坏或并非 .docx），请用 Word 打开后另存为 .docx 再导入"
IMPORT_UNREADABLE = "读不出这个文件，请确认它是可以打开的 .txt 或 .docx 文件"
IMPORT_EMPTY = "原文没有可导入的文字（只有空行或网页附带的文字）"
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
IMPORT_ISSUER_FROM_PAGE = "原文没有写明发布机关，取自网页标注的发文机关：{issuer}"
IMPORT_ISSUER = "发布机关：{issuer}"
IMPORT_SHORT_NAME = "，简称：{short_name}"
IMPORT_PUBLISHED = "发布日期：{published}"
IMPORT_TITLE_FROM_FIRST_LINE = "首行作为标题：{title}"
IMPORT_FILL_TITLE = "（请填写标题）"
IMPORT_NO_TITLE = "原文没有标题行，也找不到发布机关，请填写 title"
IMPORT_TITLE_ABOUT = "{issuer}关于{subject}的通报"
IMPORT_TITLE_PLAIN = "{issuer}通报"
IMPORT_GUESSED_TITLE = "原文没有标题行，标题为推测：{title}"
IMPORT_GUESSED_ID = "编号（id）为推测：{id}"
IMPORT_WINDOW = "公开期限：{start} 至 {end}"
# What the importer found of the inspection, one piece each, joined by IMPORT_FIELD_SEPARATOR.
IMPORT_INSPECTION_BODY = "{kind}组：{body}"
IMPORT_INSPECTION_PERIOD = "{start} 至 {end}"
IMPORT_INSPECTION_FEEDBACK = "反馈 {feedback}"
IMPORT_INSPECTION_ROUND = "轮次：{round}"
# The pieces of an inspection the text may leave out, named in IMPORT_INSPECTION_MISSING.
IMPORT_MISSING_BODY = "{kind}组"
IMPORT_MISSING_PERIOD = "{kind}起止日期"
IMPORT_MISSING_FEEDBACK = "反馈日期"
IMPORT_LIST_SEPARATOR = "、"
IMPORT_ISSUER_TITLE = "发布机关取自标题：{issuer}"
IMPORT_FILL_DATE = "（请填写发布日期）"
IMPORT_MEASURE_AFTER_RUN_ON = "措施“一是”出现在已连成一段的措施之后"
IMPORT_PLAIN_AFTER_RUN_ON = "问题的措施已连成一段，其后的无编号段落不能再作为措施"
IMPORT_KIND_KEPT = "保留原文编号"
IMPORT_KIND_MISSING = "原文未写明"
IMPORT_CLOSING_LEFTOVER = "结尾段落里未识别的文字：“{text}”，请核对 invitation 和 contact"
IMPORT_SIGNATURE_FROM_ISSUER = "未找到落款单位，暂用发布机关：{issuer}"
IMPORT_POSTAL_INCOMPLETE = "邮寄地址和邮政编码不全，未写入 contact.postal，请补全"
IMPORT_CONTACT_FROM_CLOSING = "联系方式取自结尾段落：{found}"
IMPORT_FIELD_SEPARATOR = "，"
IMPORT_TABLES = "文件含 {count} 个表格，表格内容未导入"

# The texts the page scripts need (docs/assets/javascripts/), handed over in the page's config script.
SCRIPT_TEXTS = ("DATE", "STATUS_UPCOMING", "STATUS_OPEN", "STATUS_CLOSED", "STATUS_STARTS_AT", "STATUS_DAYS_LEFT",
                "STATUS_LAST_DAY", "STATUS_ENDED", "COPY", "COPIED", "COPIED_ANNOUNCE", "COPY_FAILED",
                "LARGE_TEXT", "LARGE_TEXT_HINT", "SEARCH_LOADING", "SEARCH_READY", "SEARCH_NONE", "SEARCH_COUNT",
                "SEARCH_COUNT_NOTICES", "SEARCH_MORE", "SEARCH_OLDER", "SEARCH_FAILED")

# Other bodies' notices: kept numbers, top level （一）, lead-ins, missing dates and facts.
IMPORT_KEPT_NUMBER = ("{level}原文编号为{number}，按顺序应为{derived}：原文跳号，已在数据里用 number 保留原文编号，"
                      "后面的条目从它接着编号；check 会把它列为有意保留的编号。请核对原文是否确实跳号")
IMPORT_TOP_LEVEL_SECTION = "原文没有“一、”这一层，以“（一）”为最高一层：放入一个不写标题的部分，页面同样以（一）为最高一层"
IMPORT_SECTION_PROBLEMS_RESTART = "分类下的问题在每个分类里从 1. 重新编号，已把 section_problems 写为 restart"
IMPORT_LEAD_IN = "措施前的引语“{lead_in}”写入 lead_in，其后的文字按“一是”“二是”分为 {count} 项措施，页面连成一段显示"
IMPORT_LEAD_IN_ALONE = "措施前的引语“{lead_in}”单独成段，写入 lead_in；下面的段落作为它的措施，页面把引语和措施连成一段显示"
IMPORT_LEAD_IN_ONE = "措施前的引语“{lead_in}”写入 lead_in，其后的文字没有“一是”，作为一项措施，页面照原文不加编号"
IMPORT_LEAD_IN_LONE_LABEL = ("措施前的引语“{lead_in}”写入 lead_in；其后只有“一是”，没有“二是”：作为一项措施，"
                             "删去“一是”（数据里不写编号，页面对单独一项不加编号）。请核对原文是否缺了后面的措施")
IMPORT_RUN_ON_MEASURES = "问题标题后同一段的文字按“一是”“二是”分为 {count} 项措施，编号由页面生成"
IMPORT_LABEL_IN_TEXT = ("按层级放入后，标题或措施会以像编号的文字开头（如“①”“（一）”“一是否”），"
                        "而数据里的编号由页面生成、检查会拒绝手写编号，因此不按层级放入")
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

# Navigation and list pages (lists.py, nav.py)
NAV_NOTICES = "公示公告"
NAV_UNITS = "按单位"
NAV_ROUNDS = "{kind}专题"  # {kind}: the portal's word, lists.inspection_word()
NAV_YEARS = "按年度"
LIST_ALL_TITLE = "全部通报"
LIST_UNITS_TITLE = "各单位通报"
LIST_ROUNDS_TITLE = "{kind}专题"
LIST_YEARS_TITLE = "按年度浏览"
LIST_UNIT_TITLE = "{name}"
LIST_ROUND_TITLE = "{name}专题"
LIST_YEAR_NAME = "{year}年"
LIST_YEAR_TITLE = "{year}通报"
LIST_PAGE_TITLE = "{title}（第{page}页）"
LIST_COUNT = "共 {count} 篇通报"
LIST_GROUP_COUNT = "{count} 篇"
LIST_UNITS_OF_ROUND = "本轮{kind}单位"
LIST_UNIT_MISSING = "尚未公开"
LIST_ROUND_COMPLETENESS = "已公开 {published} / {declared} 个单位"
LIST_ROUND_DATES = "{kind}时间：{dates}"
LIST_NOTICES = "通报列表"
LIST_FEEDS = "订阅本页通报："
PAGINATION_LABEL = "分页"
PAGINATION_PREVIOUS = "上一页"
PAGINATION_NEXT = "下一页"
PAGINATION_PAGE = "第 {page} 页"
PAGINATION_OF = "第 {page} / {pages} 页"
PAGINATION_GAP = "…"  # pages not linked between two that are

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
# A portal's feedback page when no notice is open or about to open (all windows known at build time have closed,
# so this stays true until the next build).
FEEDBACK_NONE_WAITING = "目前没有正在或即将公开征求意见的通报。"
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


# --- Issue 20: notice-board posters, phone QR, share cards, footer entries, link check ---
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

# The search index (disclosures/outputs/search.py): Pagefind failed, or wrote files laid out unlike the pinned version.
SEARCH_INDEX_FAILED = "生成搜索索引失败（Pagefind）：{error}"
FINISHING_STOPPED = "写出压缩副本（.gz）和清单的后台进程意外退出（退出状态 {status}），请重新生成。"
SEARCH_SHARD_INVALID = "{name}={value}：应为不小于 1 的整数（搜索索引每个分片平均的页面数；不设则为 {default}）"
SEARCH_INDEX_UNEXPECTED = ("整理搜索索引失败：Pagefind 写出的文件与 {version} 版的格式不符（{error}）。"
                           "请安装 pyproject.toml 中固定的 Pagefind 版本。")

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

# The link check after every build (linkcheck.py)
LINKS_BROKEN_COUNT = "网站中有 {count} 个失效的站内链接（{count} broken internal link(s)）："
LINK_BROKEN = "页面 {page}：链接“{link}”{reason}。"
LINK_MISSING_FILE = "指向的 {path} 不存在"
LINK_MISSING_ANCHOR = "指向的 {path} 中没有锚点 #{anchor}"
LINKS_BROKEN_HINT = "请改正模板、docs/ 中的文件或 data/site.yml 中的链接后重新生成。"
LINKS_EXTERNAL = "站外链接 {count} 个（只列出，不访问）："
LINK_EXTERNAL_LINE = "  - {link}（{count} 个文件）"

# Search (the header box, the search page /search/ and docs/assets/javascripts/search.js).
SEARCH_HEADER_LANDMARK = "站内搜索"
SEARCH_PAGE_LANDMARK = "搜索与筛选"
SEARCH_PLACEHOLDER = "搜索通报、问题、日期"
SEARCH_PAGE_TITLE = "搜索"
SEARCH_BOX_LABEL = "搜索词"
SEARCH_SUBMIT = "搜索"
SEARCH_FILTERS = "筛选"
SEARCH_FILTER_UNIT = "发布单位"
SEARCH_FILTER_ROUND = "{kind}轮次"
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
# Shown under the newest shard's results while the older shards are merged in (search.js).
SEARCH_OLDER = "正在查找更早的通报……"
SEARCH_ALL = "在搜索页查看全部结果和筛选"
SEARCH_FAILED = "搜索暂时不可用，请稍后再试，或从首页的通报列表阅读。"
SEARCH_RESULTS_LABEL = "搜索结果"


# === Data messages (validation, loading, command line; shown to clerks) ===

DATA_ERROR_COUNT = "数据有 {count} 处错误（data has {count} error(s)）："
DATA_ERROR_FIELD = " 字段 {path}"
DATA_ERROR_FIELD_SHOWN = " 字段 {shown}（{path}）"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"

# data/units.yml and data/rounds.yml (portal.py); 索引号 (project.py)
REGISTRY_ENTRY_EXPECTED = "一组“键: 值”（至少有 id 和 name）"
REGISTRY_ID_EXPECTED = "由小写字母、数字和连字符组成的编号（如 city-finance），不能是 page 或 feed"
REGISTRY_ID_RESERVED = "保留字“{value}”"
REGISTRY_UNIQUE = "在本文件中只出现一次的值"
REGISTRY_DUPLICATE = "“{value}”（第{line}行已有）"
INDEX_NUMBER_UNIQUE = "全站唯一的索引号"
INDEX_NUMBER_DUPLICATE = "“{value}”，与 {other} 第{line}行重复"
INDEX_NUMBER_HINT = "每篇通报的索引号必须不同，请核对序号。"
EXPECTED_INDEX_NUMBER = ("索引号，格式为“单位代码/年份-序号”：18 位统一社会信用代码或 9 位组织机构代码（大写字母和数字），"
                         "斜杠，四位年份，连字符，3 至 6 位序号（例如 11441700007280420Y/2021-00050）")

# === Deployment checks (`disclosures verify`; shown to the server's operator) ===

VERIFY_OK = "网站文件与清单一致：{count} 个文件均未改动。（{site} matches its manifest）"
VERIFY_DIFFERENT = "网站文件与清单不符，共 {count} 处（{site} differs from its manifest）："
VERIFY_CHANGED = "  - 已被改动：{path}"
VERIFY_MISSING = "  - 已缺失：{path}"
VERIFY_ADDED = "  - 清单中没有（多出的文件）：{path}"
VERIFY_NO_SITE = "找不到网站文件夹 {path}（no such folder）"
VERIFY_NO_MANIFEST = "读不到清单 {path}：请用本项目重新生成网站，或用 --manifest 指明清单文件。（manifest missing or unreadable）"
VERIFY_BAD_MANIFEST = "清单 {path} 第 {line} 行格式不对，应为“SHA-256 值、两个空格、文件路径”。清单可能已被改动。（manifest damaged）"

# --- Page texts from issue 14 (kept here to keep merges small; they belong in the section above) ---
STATUS_AS_OF = "截至{moment}（本页生成时）"

# --- Command line (cli.py) ---
CLI_OK = "数据无误：{site} 与 {count} 篇通报（data is valid）"
CLI_NO_DATA = "找不到数据文件夹 {path}（no such folder）"
CLI_WARNING = "警告：{text}（make site 会因此停止）"
BUILD_PUBLISHED = "网站已发布到 {path}（用时 {seconds:.1f} 秒）"
BUILD_SEARCH_INDEX = "搜索索引：{pages} 个页面，{files} 个文件，{kib} KiB"
# A long build says what it is doing (publish/progress.py), once it has run a few seconds.
PROGRESS_READING = "正在读取并检查数据……"
PROGRESS_READ = "已读取并检查 {notices} 篇通报，生成 {pages} 个页面（{seconds:.0f} 秒）"
PROGRESS_WRITING = "正在写出页面……"
PROGRESS_PAGES_BAR = "写出页面"
PROGRESS_PAGES = "已写出页面 {done}/{total}"
PROGRESS_INDEX = "正在等待搜索索引……"
PROGRESS_LINKS = "正在检查站内链接……"
PROGRESS_FINISH = "正在写出压缩副本（.gz）、服务器规则和清单……"
CLI_DESCRIPTION = "巡察整改公开 - tools for the data in data/"

# --- Reading a YAML file (yamlload.py) ---
EXPECTED_SPACE_INDENT = "用空格缩进"
FOUND_TAB = "制表符（Tab）"
HINT_TAB = "YAML 只允许空格缩进，请把 Tab 换成空格。"
EXPECTED_UNIQUE_KEY = "每个键只出现一次"
FOUND_DUPLICATE_KEY = "重复的键 {key}（第{line}行已有）"
HINT_DUPLICATE_KEY = "请删除或合并其中一个。"
EXPECTED_PLAIN_VALUE = "普通的值"
FOUND_ANCHOR = "锚点 &{name}"
FOUND_ALIAS = "别名 *{name}"
HINT_ANCHORS_COUNT = "文件中共有 {count} 处锚点或别名；"
HINT_NO_ANCHORS = "数据文件不支持锚点和别名，请直接写出内容。"
EXPECTED_READABLE_FILE = "可读取的文件"
FOUND_UNREADABLE = "无法读取（{reason}）"
EXPECTED_FILE_SIZE = "不超过 {limit} MiB 的数据文件"
FOUND_FILE_SIZE = "{size} MiB"
HINT_FILE_SIZE = "文件过大，多半是误粘贴了大量内容或保存错了文件，请检查；一篇通报的数据文件通常只有几十 KB。"
EXPECTED_NO_BOM = "不带 BOM 的 UTF-8 文件"
FOUND_BOM = "字节顺序标记（BOM）"
HINT_SAVE_WITHOUT_BOM = "请在编辑器中另存为“UTF-8（无 BOM）”。"
EXPECTED_UTF8 = "UTF-8 编码的文本"
FOUND_NOT_UTF8 = "无法按 UTF-8 读取的字节 0x{byte}"
HINT_SAVE_AS_UTF8 = "请在编辑器中另存为“UTF-8”（不要用 GBK/GB2312）。"
EXPECTED_YAML_DATA = "YAML 数据"
FOUND_EMPTY_FILE = "空文件"
EXPECTED_PRINTABLE = "可打印的文字"
FOUND_CONTROL = "控制字符 U+{code}"
FOUND_CONTROL_UNKNOWN = "控制字符"
HINT_DELETE_INVISIBLE = "请删除这个看不见的字符。"
EXPECTED_LIST_FILE = "列表（每项以“- ”开头）"
FOUND_NOT_LIST = "映射或单个值"
EXPECTED_MAPPING_FILE = "以“键: 值”组成的映射"
FOUND_NOT_MAPPING = "列表或单个值"
# Syntax errors: the likely cause, at the line where the clerk must act, never the parser's English.
EXPECTED_YAML_SYNTAX = "合乎 YAML 语法的内容"
FOUND_FULLWIDTH_COLON = "全角冒号“：”（在 {key} 之后）"
FOUND_NO_SPACE_AFTER_COLON = "冒号后缺空格（在 {key}: 之后）"
HINT_KEY_COLON = "键和值之间要用半角冒号加一个空格，例如 “{key}: …”。"
FOUND_UNCLOSED_QUOTE = "引号未闭合：这里开始的 {quote} 在本行没有结束"
HINT_UNCLOSED_QUOTE = "请在这个值的末尾补上 {quote}（同一行内），或删除开头的 {quote}。"
FOUND_FULLWIDTH_INDENT = "全角空格缩进（行首的“　”）"
HINT_FULLWIDTH_INDENT = "YAML 只认半角空格：请把行首的全角空格换成半角空格，并与同级的行对齐。"
NAME_NEXT_LINE = "下一行符"
NAME_LINE_SEPARATOR = "行分隔符"
NAME_PARAGRAPH_SEPARATOR = "段分隔符"
FOUND_INVISIBLE = "不可见字符 U+{code}（{name}，YAML 会把它当作换行）"
HINT_DELETE_PASTED = "请删除这个看不见的字符（常见于从网页或 Word 复制的文字）。"
FOUND_SYNTAX = "语法错误：{cause}"
HINT_SYNTAX = "请检查这一行和上一行：缩进是否与同级对齐，冒号是否为半角并后跟空格，引号是否成对。"
CAUSE_COLON_MISPLACED = "这一行出现了不该有的冒号（值里含“: ”时请给整个值加引号）"
CAUSE_NO_COLON = "这一行缺少“键: 值”的冒号"
CAUSE_LIST_INDENT = "列表项（“- ”）与上一项没有对齐"
CAUSE_INDENT = "缩进不一致"
CAUSE_OTHER = "无法理解这一行"

# --- The field reader (fieldreader.py): any data file ---
FOUND_MAPPING = "一组“键: 值”"
FOUND_LIST = "列表"
FOUND_NULL = "空值"
FOUND_BOOL = "{value}（YAML 把它当作是/否）"
FOUND_VALUE = "“{value}”"
EXPECTED_MAPPING = "一组“键: 值”"
EXPECTED_LIST = "列表（每项以“- ”开头）"
EXPECTED_KNOWN_KEY = "已知的键"
FOUND_UNKNOWN_KEY = "未知的键 {name}"
HINT_CLOSE_KEY = "是不是想写 {key}？"
HINT_ALLOWED_KEYS = "可用的键：{keys}。"
FOUND_MISSING = "缺少该字段"
EXPECTED_TEXT = "文本"
EXPECTED_NONEMPTY_TEXT = "非空文本"
FOUND_EMPTY_TEXT = "空文本"
HINT_QUOTE_BOOL = "若要写文字，请加引号，例如 \"是\"。"
EXPECTED_VISIBLE = "可见的文字"
FOUND_CONTROL_CHARACTER = "看不见的控制字符 U+{code}（在“{value}”中）"
HINT_DELETE_CONTROL = "请删除这个字符（常见于从其他软件复制的文字）。"
EXPECTED_LINK = "以 {schemes} 开头的完整链接"
HINT_LINK_KINDS = "链接只能是网址、电子邮箱或电话号码。"
EXPECTED_DATE_SHAPE = "日期（YYYY-MM-DD）"
EXPECTED_DATE = "日期，格式为 YYYY-MM-DD（例如 2025-04-27）"
EXPECTED_REAL_DATE = "真实存在的日期"
FOUND_NO_SUCH_DAY = "“{value}”（没有这一天）"
EXPECTED_FLAG = "true 或 false"
EXPECTED_AT_LEAST_ONE = "至少一项"
FOUND_EMPTY_LIST = "空列表"
# The glossary (data/glossary.yml) and the search dictionary (data/search-terms.yml).
EXPECTED_GLOSSARY_ENTRY = "一组“键: 值”（term 和 explanation）"
EXPECTED_UNIQUE_TERM = "每个术语及其别名只出现一次"
HINT_MERGE_DUPLICATE_ENTRY = "请删除或合并重复的条目。"
EXPECTED_TERM_IN_ONE_LIST = "每个词只出现在 terms 或 split 之一中"
FOUND_TERM_IN_BOTH = "“{term}”两处都有"
EXPECTED_SYNONYMS = "一组“词: [其他说法]”"
EXPECTED_HAN_TERM = "2 至 16 个汉字组成的词"
EXPECTED_TERM_TEXT = "一个词（文本）"
EXPECTED_HAN_TERM_ONLY = "2 至 16 个汉字组成的词（不含空格、数字、字母或标点）"
HINT_KEY_NEEDS_HALFWIDTH_COLON = "键和值之间要用半角冒号加空格，例如 “{key}: …”。"
# Silent-loss guards on free text (issue 14).
EXPECTED_WHOLE_TEXT = "完整的文字（值中的“ #”之后会被 YAML 当作注释丢掉）"
FOUND_COMMENT_CUT = "“{kept}”，其后的“#{lost}”会被丢掉"
HINT_QUOTE_HASH = "含有“ #”的文字请整段加英文引号，例如 {key}\"…{sample}…\"。"
EXPECTED_UNQUOTED_TEXT = "不带中文引号的文字"
FOUND_WRAPPED_IN_QUOTES = "整段被中文引号包住的“{value}”（引号会原样公开）"
HINT_WRAPPING_QUOTES = "请删除开头的“和结尾的”；YAML 的引号只能用英文半角 \" 或 '。"
EXPECTED_FILLED_TEXT = "已填写的内容"
FOUND_PLACEHOLDER = "占位文字“{placeholder}”"
HINT_PLACEHOLDER = "这是导入时留下的待填写项：原文没有写明这一项（导入的核对清单里有说明），请按实际情况换成真实内容后再生成网站。"
EXPECTED_HALFWIDTH_DIGITS = "半角数字 0-9"
FOUND_FULLWIDTH_DIGITS = "“{value}”（含全角数字 {digits}）"
HINT_FULLWIDTH_DIGITS = "请把输入法切换到半角，重新输入数字（应为 {fixed}）。"
HINT_FULLWIDTH_SYMBOLS = "其中“{chars}”是全角符号：请把输入法切换到半角，重新输入（应为 {fixed}）。"

# --- Reading all of data/ (load/project.py) ---
EXPECTED_SITE_FILE = "网站设置文件 site.yml"
FOUND_NO_FILE = "文件不存在"
EXPECTED_UNIQUE_ID = "与其他通报不同的编号"
FOUND_DUPLICATE_ID = "“{id}”，与 {other} 第{line}行重复"
EXPECTED_UNIQUE_NOTICE = "与其他通报不同的标题、发布单位和发布日期"
FOUND_SAME_NOTICE = "与 {other} 第{line}行的通报相同（标题、发布单位和发布日期都一样）"
HINT_SAME_NOTICE = "同一篇通报只保留一个文件：请删除重复保存的那个；如确是另一篇通报，请改正它的标题或日期。"
HINT_UNIQUE_ID = "每篇通报的 id 必须唯一。"

# --- The publication summary (summary.py), printed by every build and check ---
SUMMARY_HEAD = "{count} 篇公开（按北京时间 {date}）。"
SUMMARY_NOT_PUBLIC = "  未公开 {file}：{why}"
SUMMARY_DRAFT = "草稿（draft: true），删去这一行或改为 false 才会公开"
SUMMARY_SCHEDULED = "将于 {date} 公开"
SUMMARY_IGNORED = "  未读取 {file}：{why}"
IGNORED_FOLDER = "这是文件夹，通报文件须直接放在 data/disclosures/ 中"
IGNORED_HIDDEN = "隐藏文件，不会读取"
IGNORED_TXT = "文件名多了 .txt，请改名为 {fixed}"
IGNORED_CASE = "扩展名须为小写，请改名为 {fixed}"
IGNORED_OTHER = "不是 .yml 或 .yaml 文件，不会读取"
IGNORED_KEPT = "已列为有意保留的文件"
IGNORED_BROKEN_LINK = "符号链接指向的 {target} 不存在，请改正或删除这个链接"
IGNORED_NOT_REGULAR = "不是普通文件（例如管道或设备文件），不会读取，请删除"
SUMMARY_LINKED = "  链接 {file}：按符号链接读取 {target}"
# Warnings: printed even under `mkdocs build -q`; `make site` (--strict) stops on them.
WARN_UNREAD = "未读取 {file}：{why}。如果是有意保留、不应发布的文件，请把文件名写进 {keep_list}（每行一个）"
WARN_SAME_TEXT = "{file} 与 {other} 的正文完全相同：是否同一篇通报保存了两次？若是，请删除其中一个文件；若是两篇通报，请改正其中一篇的正文"
NOTHING_PUBLIC = ("没有一篇公开的通报，未生成网站：空的公开网站几乎总是出错了，请看上面的原因。"
                  "如确实要生成没有通报的网站，请设置环境变量 {env}=1 再运行。")

# --- Field paths as the page shows them (fieldpath.py) ---
SHOWN_HEADING = "的标题"
SHOWN_LEAD = "的首句"
SHOWN_TEXT = "的正文"
SHOWN_STATE = "的整改状态"
SHOWN_PARAGRAPHS = "的段落"
SHOWN_CLOSINGS = "的结尾段落"
SHOWN_SECTIONS = "的小节"
SHOWN_THEMES = "的类别"
SHOWN_PROBLEMS = "的问题"
SHOWN_MEASURES = "的整改措施"
SHOWN_NUMBER = "的原文编号"
SHOWN_LEAD_IN = "的引语"
SHOWN_PARAGRAPH = "的第{n}段"
SHOWN_CLOSING = "的结尾第{n}段"
SHOWN_INSIDE = "中的 {rest}"

# --- Notice rules (validate.py) ---
EXPECTED_NO_LABEL = "不带编号的文字"
FOUND_TYPED_LABEL = "开头手写的编号“{label}”（在“{value}”中）"
HINT_DELETE_LABEL = "删除开头的编号，编号会自动生成。"
EXPECTED_ID_IS_FILE_NAME = "与文件名相同的编号“{stem}”（网页地址由它生成）"
HINT_ID_IS_FILE_NAME = "请把 id 改为 {stem}，或把文件改名为 {id}.yml。"
EXPECTED_LEAD_OR_TEXT = "lead（首句）或 text（正文）至少一项"
FOUND_NEITHER_OF_TWO = "两项都没有"
EXPECTED_HOURS = "时间段 HH:MM-HH:MM，开始早于结束（例如 08:30-17:30）"
EXPECTED_PHONE = "带区号的固定电话（如 0760-88883686）或 11 位手机号"
EXPECTED_POSTCODE = "6 位数字的邮政编码"
EXPECTED_EMAIL = "电子邮箱地址（如 name@example.org）"
EXPECTED_CONTACT = "至少一种联系方式（phone、postal 或 email）"
FOUND_NO_CONTACT = "没有联系方式"
EXPECTED_SITE_URL = "网站的公开网址，以 http:// 或 https:// 开头（订阅源 feed.xml 里的链接都由它生成）"
EXPECTED_PLAIN_URL = "不含 ? 或 # 的网址"
# The national inspection entries of the footer (data/site.yml registrations)
EXPECTED_FIND_ERROR = "“我为政府网站找错”入口的完整网址，以 https:// 或 http:// 开头（由上级主管部门提供）"
EXPECTED_SITE_MARK = "党政机关网站标识的核验网址，以 https:// 或 http:// 开头（开办审核后获得）"
EXPECTED_SITE_MARK_IMAGE = "docs/ 下图片文件的路径（如 assets/images/site-mark.png）"
EXPECTED_SITE_MARK_WITH_IMAGE = "同时填写 site_mark（标识链接到的核验网址）"
FOUND_IMAGE_WITHOUT_SITE_MARK = "只有图片，没有 site_mark"
EXPECTED_HEADING_OR_RUN_IN = "标题（heading）或首句段落（lead/text）二选一"
FOUND_BOTH = "两者都有"
EXPECTED_HEADING_OR_PARAGRAPH = "heading（独立标题）或 lead/text（段落）"
FOUND_NEITHER = "都没有"
EXPECTED_RUN_IN_ALONE = "段落式小节不再包含 paragraphs/themes/measures"
FOUND_RUN_IN_WITH_BODY = "段落式小节下还有内容"
HINT_USE_HEADING = "有下级内容时请改用 heading。"
EXPECTED_ONE_OF = "{choices} 之一"
EXPECTED_SECTIONS_OR_THEMES = "sections 或 themes 二选一"
HINT_THEMES_IN_SECTIONS = "有分类时请把 themes 放进各个 sections。"
EXPECTED_NOT_BEFORE_START = "不早于开始日期 {start}"
EXPECTED_WHOLE_PERIOD = "起止日期成对填写（缺 {missing}）"
HINT_WHOLE_PERIOD = "请补上 {missing}；原文未写明起止日期时，start 和 end 都不写。"
EXPECTED_MOMENT = "日期 YYYY-MM-DD，可加北京时间 HH:MM（例如 2025-04-27 或 2025-05-11 17:30）"
EXPECTED_END_AFTER_MIDNIGHT = "结束时间晚于 00:00"
HINT_END_AT_MIDNIGHT = "结束日期当天全天都在公示期内；要在午夜结束，请只写日期。"
EXPECTED_AFTER_WINDOW_START = "晚于公示开始 {start}"
HINT_END_BEFORE_START = "公示结束早于开始。"
EXPECTED_NOT_BEFORE_PUBLISHED = "不早于发布日期 {published}"
HINT_REVISION_AFTER_PUBLISHED = "更新只能在通报发布之后。"
EXPECTED_ONE_REVISION_A_DAY = "每天最多一条更新"
FOUND_ANOTHER_REVISION = "又一条 {day} 的更新"
HINT_ONE_NOTE_A_DAY = "同一天的几项更新请写在同一条 note 里。"
EXPECTED_FIGURE_VALUE = "正文中写出的数字（如 17562 或 9.96，不加单位和逗号）"
EXPECTED_FIGURE_IN_TEXT = "正文中在“{label}”附近写有“{value}{unit}”"
FOUND_NOT_IN_TEXT = "正文中找不到"
HINT_FIGURE_AS_IN_TEXT = "要点数字须与正文一致：请核对数字、单位和说明文字（label 应照抄正文用语）。"
EXPECTED_ID = "由小写字母、数字和连字符组成的编号（如 zhongshan-2025-04-27）"
HINT_WINDOW_AFTER_PUBLISHED = "公示不能在通报发布之前开始。"

# --- Shapes of other bodies' notices (validate.py; kept numbers also in cli.py's check) ---
# Explicit numbers kept from the source (a skipped label) and the checks on them.
NUMBER_EXPECTED = "正整数（原文印出的编号）"
KEPT_NUMBER_EXPECTED = "大于按顺序生成的编号 {derived}（原文跳号时才写 number）"
KEPT_NUMBER_HINT = "number 只用于原文跳号的地方，并且后面的条目从它接着编号；编号相同或倒退请删除 number。"
KEPT_NUMBERS_SUMMARY = "有意保留的原文编号（与按顺序生成的编号不同）：{count} 处"
KEPT_NUMBER_LINE = "{where}{field}：显示原文编号 {label}，按顺序应为 {derived}"  # field: DATA_ERROR_FIELD(_SHOWN)
SECTION_PROBLEMS_EXPECTED = "continue（全文连续编号）或 restart（每个小节重新编号）"
INSPECTION_KIND_EXPECTED = "巡察 或 巡视"
# A portal, or a round, whose notices report both kinds of inspection (lists.inspection_word).
INSPECTION_KINDS_BOTH = "巡视巡察"
INSPECTION_KIND_CONFLICT = "与 body 一致的 {kind}"
LEAD_IN_EXPECTED = "以冒号结尾的引语（如“整改落实情况：”）"
HEADLESS_PART_EXPECTED = "非空的 heading（只有原文没有“一、”这一层、全文只有一个部分时才可不写）"
SECTION_THEMES_OR_PROBLEMS = "themes 或 problems 二选一"


# === The form editor (`disclosures edit`; shown to clerks) ===

EDITOR_TITLE = "通报编辑器"
EDITOR_COLLECTION = "通报"
EDITOR_COLLECTION_ONE = "通报"
EDITOR_REQUIRED = "（必填）"
EDITOR_CHECKING = "正在检查……"
EDITOR_MESSAGE = "应为{expected}，实际为{found}。"
# The form writes yes, no, on, off … without quotes, and YAML 1.1 (what the build reads) takes them as 是/否.
EDITOR_HINT_BOOL_WORD = "这个词会被读成“是/否”而不是文字：请换一种写法（例如用中文）。"
EDITOR_CHECK_OK = "检查通过：网站可以用这篇通报生成。"
EDITOR_CHECK_FAILED = ("还有 {count} 处要改：改正之前网站无法生成（make site 会停下并列出同样的问题）。"
                       "可以先保存，工作不会丢失。")
EDITOR_PREVIEW = "页面上的编号"
EDITOR_CHECK_ELSEWHERE = "其他文件中的问题："
EDITOR_CHECK_UNAVAILABLE = "无法检查：编辑器的本地服务没有响应。请确认运行 make edit 的窗口仍开着。"
EDITOR_STARTED = "通报编辑器已启动：请用 Chrome 或 Edge 打开 {url}，点“使用本地仓库”，选择文件夹 {folder}。按 Ctrl+C 关闭。"
EDITOR_NOT_BUILT = "编辑器还没有安装：请先运行 make edit（它会安装并启动编辑器）。"
EDITOR_PORT_BUSY = "端口 {port} 已被占用：请关闭占用它的程序，或用 --port 换一个端口。"
EDITOR_NORMALISED = "已整理为编辑器的格式（内容不变）：{file}"
EDITOR_NOT_NORMALISED = ("未整理 {file}：检查发现其中有错误。请先运行 make check 按提示改正，再用编辑器打开；"
                         "否则在编辑器中保存可能丢失不带首句的段落。")
EDITOR_FOREIGN_REQUEST = "只接受本机（127.0.0.1）编辑器页面的请求。"
# Field labels in the form, by the field's path in the schema (a name alone: the same label at every level).
EDITOR_LABELS = {
    "id": "编号", "title": "标题", "published": "发布日期", "draft": "草稿",
    "issuer": "发布单位", "issuer.name": "全称", "issuer.short_name": "简称",
    "inspection": "巡察", "inspection.body": "巡察组", "inspection.round": "轮次", "inspection.start": "开始日期",
    "inspection.end": "结束日期", "inspection.feedback": "反馈日期", "inspection.kind": "巡察或巡视",
    "window": "公开期限", "window.start": "开始", "window.end": "结束",
    "signature": "落款", "signature.name": "落款单位", "signature.date": "落款日期",
    "preamble": "开头段落", "parts": "部分（一、二、……）", "invitation": "欢迎监督的句子",
    "contact": "联系方式", "contact.phone": "电话", "contact.phone.number": "号码", "contact.phone.hours": "工作时间",
    "contact.postal": "邮政信箱", "contact.postal.address": "地址", "contact.postal.postcode": "邮政编码",
    "contact.postal.envelope_note": "信封上注明", "contact.email": "电子邮箱",
    "revisions": "更新记录", "revisions.date": "更新日期", "revisions.note": "更新了什么",
    "figures": "要点数字", "figures.label": "正文用语", "figures.value": "数字", "figures.unit": "单位",
    "figures.note": "说明", "section_problems": "小节下问题的编号",
    "metadata": "政务公开信息", "metadata.index": "索引号", "metadata.publisher": "发布机构",
    "metadata.document_number": "发文字号", "metadata.topic": "主题分类",
    "heading": "标题", "state": "整改状态", "paragraphs": "段落", "sections": "小节（（一）（二）……）",
    "themes": "类别", "problems": "问题（1. 2. ……）", "measures": "整改措施", "closing": "结尾段落",
    "number": "原文编号（只在原文跳号时填）", "lead_in": "引语", "lead": "首句（加粗）", "text": "正文",
}
# What the form calls one item of a list (its 添加 button), by the list's field name.
EDITOR_ITEMS = {"parts": "部分", "sections": "小节", "themes": "类别", "problems": "问题", "measures": "整改措施",
                "paragraphs": "段落", "preamble": "段落", "closing": "段落", "revisions": "更新", "figures": "要点数字"}
EDITOR_CHOICES = {"rectified": PART_STATE_RECTIFIED, "ongoing": PART_STATE_ONGOING,
                  "continue": "全文连续编号", "restart": "每个小节重新编号", "巡察": "巡察", "巡视": "巡视"}
# The texts the editor's script shows (editor/src/main.js reads them from the local server).
EDITOR_SCRIPT_TEXTS = ("EDITOR_CHECKING", "EDITOR_CHECK_OK", "EDITOR_CHECK_FAILED", "EDITOR_CHECK_ELSEWHERE",
                       "EDITOR_CHECK_UNAVAILABLE", "EDITOR_PREVIEW")

def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}


def script_texts(names: tuple[str, ...] = SCRIPT_TEXTS) -> dict[str, str]:
    """The texts a script reads: the page scripts' from the config script (see SCRIPT_TEXTS), the editor's
    from the local server (EDITOR_SCRIPT_TEXTS)."""
    return {name: globals()[name] for name in names}
