"""Bad data: one exact message per mistake, with file, line, column, field, expected and found.

Each case starts from a small valid notice and makes one mistake a clerk could make.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TEST_DATA

from disclosures.cli import check
from disclosures.core.errors import DataInvalid
from disclosures.load.project import load_project
from disclosures.load.validate import NOTICE_KEYS

NAME = "data/disclosures/example-2025-03-10.yml"
SITE = "data/site.yml"

VALID = """\
id: example-2025-03-10
title: 示例通报
published: 2025-03-10
issuer:
  name: 示例局党组
parts:
  - heading: 整改情况
    paragraphs:
      - 已整改。
invitation: 欢迎监督。
signature:
  name: 示例局党组
  date: 2025-03-10
"""

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def replaced(old: str, new: str) -> str:
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


@dataclass(frozen=True)
class Case:
    id: str
    content: str | bytes
    messages: tuple[str, ...]


CASES = [
    Case("unknown key, misspelt", replaced("title:", "titel:"), (
        f"{NAME}:1:1 字段 title：应为非空文本，实际为缺少该字段。",
        f"{NAME}:2:1 字段 titel：应为已知的键，实际为未知的键 titel。是不是想写 title？",
    )),
    Case("unknown key, nothing close", replaced("invitation:", "remark: x\ninvitation:"), (
        f"{NAME}:10:1 字段 remark：应为已知的键，实际为未知的键 remark。可用的键：{'、'.join(NOTICE_KEYS)}。",
    )),
    Case("unknown key, nested", replaced("  name: 示例局党组\nparts", "  nmae: 示例局党组\nparts"), (
        f"{NAME}:5:3 字段 issuer.name：应为非空文本，实际为缺少该字段。",
        f"{NAME}:5:3 字段 issuer.nmae：应为已知的键，实际为未知的键 nmae。是不是想写 name？",
    )),
    Case("missing required field", replaced("  date: 2025-03-10\n", ""), (
        f"{NAME}:12:3 字段 signature.date：应为日期（YYYY-MM-DD），实际为缺少该字段。",
    )),
    Case("required field left empty", replaced("title: 示例通报", "title:"), (
        f"{NAME}:2:1 字段 title：应为非空文本，实际为空值。",
    )),
    Case("wrong type: list for text", replaced("title: 示例通报", "title: [示例, 通报]"), (
        f"{NAME}:2:8 字段 title：应为文本，实际为列表。",
    )),
    Case("wrong type: text for list", replaced("    paragraphs:\n      - 已整改。", "    paragraphs: 已整改。"), (
        f"{NAME}:8:17 字段 一、 的段落（parts[0].paragraphs）：应为列表（每项以“- ”开头），实际为“已整改。”。",
    )),
    Case("wrong type: text for mapping", replaced("issuer:\n  name: 示例局党组", "issuer: 示例局党组"), (
        f"{NAME}:4:9 字段 issuer：应为一组“键: 值”，实际为“示例局党组”。",
    )),
    Case("invalid date", replaced("published: 2025-03-10", "published: 2025-3-10"), (
        f"{NAME}:3:12 字段 published：应为日期，格式为 YYYY-MM-DD（例如 2025-04-27），实际为“2025-3-10”。",
    )),
    Case("impossible date", replaced("published: 2025-03-10", "published: 2025-02-30"), (
        f"{NAME}:3:12 字段 published：应为真实存在的日期，实际为“2025-02-30”（没有这一天）。",
    )),
    Case("draft must be true or false", replaced("invitation:", "draft: yes\ninvitation:"), (
        f"{NAME}:10:8 字段 draft：应为true 或 false，实际为yes（YAML 把它当作是/否）。",
    )),
    *[Case(f"{word} where text was meant", replaced("invitation: 欢迎监督。", f"invitation: {word}"), (
        f"{NAME}:10:13 字段 invitation：应为文本，实际为{word}（YAML 把它当作是/否）。"
        "若要写文字，请加引号，例如 \"是\"。",
    )) for word in ("yes", "no", "on", "off")],
    Case("duplicate key in one mapping", replaced("published:", "title: 另一个标题\npublished:"), (
        f"{NAME}:3:1 字段 title：应为每个键只出现一次，实际为重复的键 title（第2行已有）。请删除或合并其中一个。",
    )),
    Case("duplicate key, nested", replaced("  name: 示例局党组\nparts", "  name: 示例局党组\n  name: 别的党组\nparts"), (
        f"{NAME}:6:3 字段 issuer.name：应为每个键只出现一次，实际为重复的键 name（第5行已有）。请删除或合并其中一个。",
    )),
    Case("tab in indentation", replaced("  name: 示例局党组\nparts", "\tname: 示例局党组\nparts"), (
        f"{NAME}:5:1：应为用空格缩进，实际为制表符（Tab）。YAML 只允许空格缩进，请把 Tab 换成空格。",
    )),
    # GBK bytes CA BE (示) happen to form one UTF-8 character; C0 (例) is the first that cannot.
    Case("not UTF-8 (saved as GBK)", VALID.encode("gbk"), (
        f"{NAME}:2:9：应为UTF-8 编码的文本，实际为无法按 UTF-8 读取的字节 0xC0。"
        "请在编辑器中另存为“UTF-8”（不要用 GBK/GB2312）。",
    )),
    Case("byte-order mark", b"\xef\xbb\xbf" + VALID.encode("utf-8"), (
        f"{NAME}:1:1：应为不带 BOM 的 UTF-8 文件，实际为字节顺序标记（BOM）。请在编辑器中另存为“UTF-8（无 BOM）”。",
    )),
    Case("empty file", b"", (f"{NAME}：应为YAML 数据，实际为空文件。",)),
    Case("only comments", "# nothing yet\n", (f"{NAME}：应为YAML 数据，实际为空文件。",)),
    Case("alias bomb (billion laughs)", BILLION_LAUGHS, (
        f"{NAME}:1:4：应为普通的值，实际为锚点 &a。文件中共有 81 处锚点或别名；数据文件不支持锚点和别名，请直接写出内容。",
    )),
    Case("YAML syntax error: unclosed quote, at the line where it opens", replaced("title: 示例通报", "title: \"示例通报"), (
        f"{NAME}:2:8：应为合乎 YAML 语法的内容，实际为引号未闭合：这里开始的 \" 在本行没有结束。"
        "请在这个值的末尾补上 \"（同一行内），或删除开头的 \"。",
    )),
    Case("raw control character", replaced("已整改。", "已整改\x07。"), (
        f"{NAME}:9:12：应为可打印的文字，实际为控制字符 U+0007。请删除这个看不见的字符。",
    )),
    Case("escaped control character", replaced("title: 示例通报", 'title: "示例\\x1b通报"'), (
        f"{NAME}:2:8 字段 title：应为可见的文字，实际为看不见的控制字符 U+001B（在“示例\\u001b通报”中）。"
        "请删除这个字符（常见于从其他软件复制的文字）。",
    )),
    Case("bidi override", replaced("已整改。", "已整改\u202e。"), (
        f"{NAME}:9:9 字段 一、 的第1段（parts[0].paragraphs[0]）：应为可见的文字，实际为看不见的控制字符 U+202E"
        "（在“已整改\\u202e。”中）。请删除这个字符（常见于从其他软件复制的文字）。",
    )),
    Case("root is a list", "- id: x\n", (f"{NAME}:1:1：应为以“键: 值”组成的映射，实际为列表或单个值。",)),
    Case("half an inspection period", VALID + "inspection:\n  body: 县委第一巡察组\n  start: 2024-09-02\n", (
        f"{NAME}:16:10 字段 inspection.start：应为起止日期成对填写（缺 end），实际为2024-09-02。"
        "请补上 end；原文未写明起止日期时，start 和 end 都不写。",
    )),
]


def data_dir(tmp_path: Path, notices: dict[str, str | bytes]) -> Path:
    data = tmp_path / "data"
    (data / "disclosures").mkdir(parents=True)
    shutil.copy2(TEST_DATA / "fictional" / "site.yml", data / "site.yml")
    for name, content in notices.items():
        target = data / "disclosures" / name
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return data


def messages(data: Path) -> list[str]:
    with pytest.raises(DataInvalid) as caught:
        load_project(data)
    return [str(error) for error in caught.value.errors]


def test_the_base_notice_is_valid(tmp_path: Path) -> None:
    project = load_project(data_dir(tmp_path, {"example-2025-03-10.yml": VALID}))
    assert [n.id for n in project.notices] == ["example-2025-03-10"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_one_message_per_mistake(tmp_path: Path, case: Case) -> None:
    assert messages(data_dir(tmp_path, {"example-2025-03-10.yml": case.content})) == list(case.messages)


def test_duplicate_notice_ids(tmp_path: Path) -> None:
    # The id is the file name (one source of truth), so only .yml and .yaml twins can share one.
    data = data_dir(tmp_path, {"example-2025-03-10.yaml": VALID, "example-2025-03-10.yml": VALID})
    assert messages(data) == [
        "data/disclosures/example-2025-03-10.yml:1:5 字段 id：应为与其他通报不同的编号，"
        "实际为“example-2025-03-10”，与 data/disclosures/example-2025-03-10.yaml 第1行重复。每篇通报的 id 必须唯一。",
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/", "https://exa mple.org/",
                                 "https://example.org/\"onmouseover=\"x", "//example.org/", "https://"])
def test_site_url_must_be_a_plain_web_address(tmp_path: Path, url: str) -> None:
    data = data_dir(tmp_path, {"example-2025-03-10.yml": VALID})
    site = (data / "site.yml").read_text(encoding="utf-8")
    (data / "site.yml").write_text(site.replace("url: https://fictional.example.org/", f"url: '{url}'"),
                                   encoding="utf-8")
    found = messages(data)
    assert len(found) == 1
    assert found[0].startswith(f"{SITE}:4:6 字段 url：应为网站的公开网址，以 http:// 或 https:// 开头")
    assert found[0].endswith(f"实际为“{url}”。")


def test_several_mistakes_in_several_files_are_all_reported_in_order(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {
        "a.yml": replaced("published: 2025-03-10", "published: 2025-02-30").replace("example-2025-03-10", "a"),
        "b.yml": replaced("id: example-2025-03-10", "id: b").replace("invitation: 欢迎监督。", "invitation: no"),
        "c.yml": b"",
    })
    site = (data / "site.yml").read_text(encoding="utf-8")
    (data / "site.yml").write_text(site.replace("publisher:", "publsher:"), encoding="utf-8")
    found = messages(data)
    assert [m.split(" ")[0].split("：")[0] for m in found] == [
        "data/disclosures/a.yml:3:12", "data/disclosures/b.yml:10:13", "data/disclosures/c.yml",
        "data/site.yml:2:1", "data/site.yml:3:1",
    ]
    assert "字段 publsher" in found[4] and "是不是想写 publisher？" in found[4]
    report = str(DataInvalid_from(data))
    assert report.splitlines()[0] == "数据有 5 处错误（data has 5 error(s)）："
    assert report.splitlines()[1:] == [f"  - {m}" for m in found]


def DataInvalid_from(data: Path) -> DataInvalid:  # noqa: N802 - reads as the exception it returns
    with pytest.raises(DataInvalid) as caught:
        load_project(data)
    return caught.value


def test_check_lists_mistakes_in_notices_and_search_terms_together(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {"example-2025-03-10.yml": replaced("title:", "titel:")})
    assert check(data) == (False, DataInvalid_from(data).report())
    (data / "search-terms.yml").write_text("terms:\n  - ab\n", encoding="utf-8")
    ok, text = check(data)
    assert not ok
    assert text.splitlines()[0] == "数据有 3 处错误（data has 3 error(s)）："
    assert text.splitlines()[-1].startswith("  - data/search-terms.yml:2:5 ")


def test_check_accepts_valid_data(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {"example-2025-03-10.yml": VALID})
    assert check(data, environ={"DISCLOSURE_NOW": "2025-03-10"}) == (
        True, f"数据无误：{data.as_posix()}/site.yml 与 1 篇通报（data is valid）\n1 篇公开（按北京时间 2025年3月10日）。")
    assert check(tmp_path / "missing") == (False, f"找不到数据文件夹 {tmp_path / 'missing'}（no such folder）")
