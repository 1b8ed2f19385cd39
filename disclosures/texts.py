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
DATA_ERROR_FIELD_SHOWN = " 字段 {shown}（{path}）"
DATA_ERROR = "{where}{field}：应为{expected}，实际为{found}。"

# --- Page texts from issue 14 (kept here to keep merges small; they belong in the section above) ---
STATUS_AS_OF = "截至{moment}（本页生成时）"

# --- Command line (cli.py) ---
CLI_OK = "数据无误：{site} 与 {count} 篇通报（data is valid）"
CLI_NO_DATA = "找不到数据文件夹 {path}（no such folder）"

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
HINT_PLACEHOLDER = "这是导入时留下的待填写项，请换成真实内容后再生成网站。"
EXPECTED_HALFWIDTH_DIGITS = "半角数字 0-9"
FOUND_FULLWIDTH_DIGITS = "“{value}”（含全角数字 {digits}）"
HINT_FULLWIDTH_DIGITS = "请把输入法切换到半角，重新输入数字（应为 {fixed}）。"

# --- Reading all of data/ (load.py) ---
EXPECTED_SITE_FILE = "网站设置文件 site.yml"
FOUND_NO_FILE = "文件不存在"
EXPECTED_UNIQUE_ID = "与其他通报不同的编号"
FOUND_DUPLICATE_ID = "“{id}”，与 {other} 第{line}行重复"
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
SHOWN_PARAGRAPH = "的第{n}段"
SHOWN_CLOSING = "的结尾第{n}段"
SHOWN_INSIDE = "中的 {rest}"

# --- Notice rules (validate.py) ---
EXPECTED_NO_LABEL = "不带编号的文字"
FOUND_TYPED_LABEL = "开头手写的编号“{label}”（在“{value}”中）"
HINT_DELETE_LABEL = "删除开头的编号，编号会自动生成。"
EXPECTED_ID_IS_FILE_NAME = "与文件名相同的编号“{stem}”（网页地址由它生成）"
HINT_ID_IS_FILE_NAME = "请把 id 改为 {stem}，或把文件改名为 {id}.yml。"


def catalogue() -> dict[str, str]:
    """Every text by name, for templates and scripts."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
