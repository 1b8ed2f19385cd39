"""Never publish something wrong in silence (issue 14): each class of silent loss is refused with one exact message.

Every case starts from a small valid fictional notice with the full depth of numbering
(part, section, theme, problem, measures) and makes one mistake a clerk could make.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, TEST_DATA
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from test_validation import data_dir, messages

from disclosures.cli import check, main, next_change_text
from disclosures.load.fieldreader import normalised
from disclosures.load.project import load_project

FILE = "hillside-office-2025-06-02"
NAME = f"data/disclosures/{FILE}.yml"

BASE = f"""\
id: {FILE}
title: 山坡区虚构办公室党组关于巡察整改情况的通报
published: 2025-06-02
issuer:
  name: 山坡区虚构办公室党组
window:
  start: 2025-06-02
  end: 2025-06-16
parts:
  - heading: 总体情况
    paragraphs:
      - 党组高度重视，逐项整改。
  - heading: 反馈问题整改情况
    sections:
      - heading: 关于落实主体责任方面
        themes:
          - heading: 学习贯彻不深入
            problems:
              - heading: 理论学习流于形式
                measures:
                  - 制定学习计划。
                  - lead: 狠抓学习落实。
                    text: 全年开展集中学习12次。
              - heading: 调查研究不够
                measures:
                  - 开展专题调研3次。
invitation: 欢迎监督。
signature:
  name: 山坡区虚构办公室党组
  date: 2025-06-02
"""


def changed(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def refused(content: str, tmp_path: Path) -> list[str]:
    return messages(data_dir(tmp_path, {f"{FILE}.yml": content}))


def test_the_base_notice_is_valid(tmp_path: Path) -> None:
    assert [n.id for n in load_project(data_dir(tmp_path, {f"{FILE}.yml": BASE})).notices] == [FILE]


@dataclass(frozen=True)
class Case:
    id: str
    content: str
    messages: tuple[str, ...]


WHOLE = "应为完整的文字（值中的“ #”之后会被 YAML 当作注释丢掉）"
QUOTE_HASH = "含有“ #”的文字请整段加英文引号"
NO_LABEL = "应为不带编号的文字"
DELETE_LABEL = "删除开头的编号，编号会自动生成。"
PROBLEM_1 = "二、 （一） 1. （1）"

# 1. Text cut at " #"
COMMENT_CASES = [
    Case("measure cut at #", changed("- 制定学习计划。", "- 制定学习计划 #见附件，按月通报。"), (
        f"{NAME}:21:28 字段 {PROBLEM_1} 一是（parts[1].sections[0].themes[0].problems[0].measures[0]）："
        f"{WHOLE}，实际为“制定学习计划”，其后的“#见附件，按月通报。”会被丢掉。{QUOTE_HASH}，例如 - \"… #…\"。",
    )),
    Case("heading cut at #", changed("heading: 总体情况", "heading: 总体情况 #2025年"), (
        f"{NAME}:10:19 字段 一、 的标题（parts[0].heading）：{WHOLE}，实际为“总体情况”，其后的“#2025年”会被丢掉。"
        f"{QUOTE_HASH}，例如 heading: \"… #…\"。",
    )),
]

# 2. Numbering typed by hand, in any style
LABEL_CASES = [
    Case("problem heading （1）", changed("- heading: 理论学习流于形式", "- heading: （1）理论学习流于形式"), (
        f"{NAME}:19:26 字段 {PROBLEM_1} 的标题（parts[1].sections[0].themes[0].problems[0].heading）：{NO_LABEL}，"
        f"实际为开头手写的编号“（1）”（在“（1）理论学习流于形式”中）。{DELETE_LABEL}",
    )),
    Case("lead 二是", changed("lead: 狠抓学习落实。", "lead: 二是狠抓学习落实。"), (
        f"{NAME}:22:27 字段 {PROBLEM_1} 二是 的首句（parts[1].sections[0].themes[0].problems[0].measures[1].lead）："
        f"{NO_LABEL}，实际为开头手写的编号“二是”（在“二是狠抓学习落实。”中）。{DELETE_LABEL}",
    )),
    Case("part heading 一、", changed("heading: 总体情况", "heading: 一、总体情况"), (
        f"{NAME}:10:14 字段 一、 的标题（parts[0].heading）：{NO_LABEL}，实际为开头手写的编号“一、”（在“一、总体情况”中）。"
        f"{DELETE_LABEL}",
    )),
    Case("section heading (一) half-width", changed("heading: 关于落实主体责任方面", "heading: (一)关于落实主体责任方面"), (
        f"{NAME}:15:18 字段 二、 （一） 的标题（parts[1].sections[0].heading）：{NO_LABEL}，"
        f"实际为开头手写的编号“(一)”（在“(一)关于落实主体责任方面”中）。{DELETE_LABEL}",
    )),
    Case("theme heading 1． full-width", changed("heading: 学习贯彻不深入", "heading: 1．学习贯彻不深入"), (
        f"{NAME}:17:22 字段 二、 （一） 1. 的标题（parts[1].sections[0].themes[0].heading）：{NO_LABEL}，"
        f"实际为开头手写的编号“1．”（在“1．学习贯彻不深入”中）。{DELETE_LABEL}",
    )),
    Case("measure 第一，", changed("- 开展专题调研3次。", "- 第一，开展专题调研3次。"), (
        f"{NAME}:26:21 字段 二、 （一） 1. （2） 一是（parts[1].sections[0].themes[0].problems[1].measures[0]）："
        f"{NO_LABEL}，实际为开头手写的编号“第一，”（在“第一，开展专题调研3次。”中）。{DELETE_LABEL}",
    )),
    Case("measure 1、", changed("- 开展专题调研3次。", "- 1、开展专题调研3次。"), (
        f"{NAME}:26:21 字段 二、 （一） 1. （2） 一是（parts[1].sections[0].themes[0].problems[1].measures[0]）："
        f"{NO_LABEL}，实际为开头手写的编号“1、”（在“1、开展专题调研3次。”中）。{DELETE_LABEL}",
    )),
]

# 4. id different from the file name
ID_CASES = [
    Case("id is not the file name", changed(f"id: {FILE}", "id: hillside-office-2025"), (
        f"{NAME}:1:5 字段 id：应为与文件名相同的编号“{FILE}”（网页地址由它生成），实际为“hillside-office-2025”。"
        f"请把 id 改为 {FILE}，或把文件改名为 hillside-office-2025.yml。",
    )),
]

# 5. Smart quotes around a whole value; full-width digits
PASTE_CASES = [
    Case("title wrapped in “…”", changed("title: 山坡区", "title: “山坡区").replace("的通报\n", "的通报”\n", 1), (
        f"{NAME}:2:8 字段 title：应为不带中文引号的文字，实际为整段被中文引号包住的“"
        "“山坡区虚构办公室党组关于巡察整改情况的通报””（引号会原样公开）。"
        "请删除开头的“和结尾的”；YAML 的引号只能用英文半角 \" 或 '。",
    )),
    Case("full-width digits in a date", changed("published: 2025-06-02", "published: ２０２５-06-02"), (
        f"{NAME}:3:12 字段 published：应为半角数字 0-9，实际为“２０２５-06-02”（含全角数字 ２０２５）。"
        "请把输入法切换到半角，重新输入数字（应为 2025-06-02）。",
    )),
    Case("full-width digits in a window day", changed("  end: 2025-06-16", "  end: 2025-06-１６"), (
        f"{NAME}:8:8 字段 window.end：应为半角数字 0-9，实际为“2025-06-１６”（含全角数字 １６）。"
        "请把输入法切换到半角，重新输入数字（应为 2025-06-16）。",
    )),
    Case("full-width digits in a postcode", changed("invitation: 欢迎监督。", "invitation: 欢迎监督。\ncontact:\n  postal:\n"
                                                    "    address: 山坡区虚构路1号\n    postcode: ５２８４００"), (
        f"{NAME}:31:15 字段 contact.postal.postcode：应为半角数字 0-9，实际为“５２８４００”（含全角数字 ５２８４００）。"
        "请把输入法切换到半角，重新输入数字（应为 528400）。",
    )),
]

# 6. Importer placeholders
PLACEHOLDER_CASES = [
    Case("（请填写发布机关）", changed("  name: 山坡区虚构办公室党组\nwindow", "  name: （请填写发布机关）\nwindow"), (
        f"{NAME}:5:9 字段 issuer.name：应为已填写的内容，实际为占位文字“（请填写发布机关）”。"
        "这是导入时留下的待填写项：原文没有写明这一项（导入的核对清单里有说明），请按实际情况换成真实内容后再生成网站。",
    )),
    Case("(待补充) inside a measure", changed("全年开展集中学习12次。", "全年开展集中学习(待补充次数)次。"), (
        f"{NAME}:23:27 字段 {PROBLEM_1} 二是 的正文（parts[1].sections[0].themes[0].problems[0].measures[1].text）："
        "应为已填写的内容，实际为占位文字“(待补充次数)”。这是导入时留下的待填写项：原文没有写明这一项（导入的核对清单里有说明），请按实际情况换成真实内容后再生成网站。",
    )),
]


@pytest.mark.parametrize("case", COMMENT_CASES + LABEL_CASES + ID_CASES + PASTE_CASES + PLACEHOLDER_CASES,
                         ids=lambda c: c.id)
def test_silent_loss_is_refused_with_one_exact_message(tmp_path: Path, case: Case) -> None:
    assert refused(case.content, tmp_path) == list(case.messages)


@pytest.mark.parametrize("content", [
    changed("published: 2025-06-02", "published: 2025-06-02  # 北京时间"),  # a comment after a date loses nothing
    changed("- 制定学习计划。", "- \"制定学习计划 #见附件，按月通报。\""),  # quoted: kept whole
    changed("- 开展专题调研3次。", "- 1.5万元专项经费已到位。"),  # a decimal is no label
    changed("- 开展专题调研3次。", "- “三会一课”制度全面落实。"),  # quotes inside, not around
], ids=["comment after a date", "quoted hash", "decimal", "inner quotes"])
def test_what_is_meant_is_accepted(tmp_path: Path, content: str) -> None:
    assert len(load_project(data_dir(tmp_path, {f"{FILE}.yml": content})).notices) == 1


def test_invisible_characters_pasted_from_word_are_normalised(tmp_path: Path) -> None:
    """Decision: NBSP becomes a space; U+200B, U+FEFF and U+00AD are dropped (handbook/office.md, "Invisible characters")."""
    content = changed("全年开展集中学习12次。", "全年开展\u00a0集中\u200b学习\ufeff12\u00ad次。")
    notice = load_project(data_dir(tmp_path, {f"{FILE}.yml": content})).notices[0]
    measure = notice.parts[1].sections[0].themes[0].problems[0].measures[1]
    assert measure.text == "全年开展 集中学习12次。"


# 7. YAML syntax errors: the likely cause in Chinese, at the line to fix
SYNTAX = "应为合乎 YAML 语法的内容"
COLON_HINT = "键和值之间要用半角冒号加一个空格，例如 “{key}: …”。"
SYNTAX_CASES = [
    ("full-width colon", changed("title: 山坡区", "title：山坡区"),
     f"{NAME}:2:6：{SYNTAX}，实际为全角冒号“：”（在 title 之后）。{COLON_HINT.format(key='title')}"),
    ("full-width colon in a list item", changed("- heading: 调查研究不够", "- heading：调查研究不够"),
     f"{NAME}:24:24：{SYNTAX}，实际为全角冒号“：”（在 heading 之后）。{COLON_HINT.format(key='heading')}"),
    ("no space after colon", changed("published: 2025-06-02", "published:2025-06-02"),
     f"{NAME}:3:10：{SYNTAX}，实际为冒号后缺空格（在 published: 之后）。{COLON_HINT.format(key='published')}"),
    ("unclosed quote, closed by a later one", changed("title: 山坡区", "title: \"山坡区").replace(
        "invitation: 欢迎监督。", "invitation: \"欢迎监督。\""),
     f"{NAME}:2:8：{SYNTAX}，实际为引号未闭合：这里开始的 \" 在本行没有结束。请在这个值的末尾补上 \"（同一行内），或删除开头的 \"。"),
    ("unclosed quote at the last line", BASE.rstrip("\n").rsplit("\n", 1)[0] + "\n  date: '2025-06-02\n",
     f"{NAME}:30:9：{SYNTAX}，实际为引号未闭合：这里开始的 ' 在本行没有结束。请在这个值的末尾补上 '（同一行内），或删除开头的 '。"),
    ("full-width space indentation", changed("  name: 山坡区虚构办公室党组\nwindow", "\u3000\u3000name: 山坡区虚构办公室党组\nwindow"),
     f"{NAME}:5:1：应为用空格缩进，实际为全角空格缩进（行首的“\u3000”）。"
     "YAML 只认半角空格：请把行首的全角空格换成半角空格，并与同级的行对齐。"),
    ("tab indentation", changed("  name: 山坡区虚构办公室党组\nwindow", "\tname: 山坡区虚构办公室党组\nwindow"),
     f"{NAME}:5:1：应为用空格缩进，实际为制表符（Tab）。YAML 只允许空格缩进，请把 Tab 换成空格。"),
    ("line separator pasted from a web page", changed("党组高度重视，", "党组高度重视，\u2028"),
     f"{NAME}:12:16：应为可打印的文字，实际为不可见字符 U+2028（行分隔符，YAML 会把它当作换行）。"
     "请删除这个看不见的字符（常见于从网页或 Word 复制的文字）。"),
    ("misaligned list item", changed("                  - 制定学习计划。", "                   - 制定学习计划。"),
     f"{NAME}:22:19：{SYNTAX}，实际为语法错误：缩进不一致。"
     "请检查这一行和上一行：缩进是否与同级对齐，冒号是否为半角并后跟空格，引号是否成对。"),
]


@pytest.mark.parametrize("name, content, message", SYNTAX_CASES, ids=[c[0] for c in SYNTAX_CASES])
def test_syntax_errors_name_the_cause_in_chinese(tmp_path: Path, name: str, content: str, message: str) -> None:
    found = refused(content, tmp_path)
    assert found == [message]
    line = int(found[0].split(":")[1])
    assert 1 <= line <= len(content.splitlines())  # never past the end of the file
    assert not any(word in found[0] for word in ("found", "expected", "while", "scanning", "mapping"))


# 8. Field paths as the page shows them (the labels run on through the notice, as on the page)
def test_field_paths_follow_the_page_numbering(tmp_path: Path) -> None:
    second_theme = changed("invitation:", "          - heading: 制度执行不严格\n            problems:\n"
                           "              - heading: （3）制度不全\n                measures: [修订制度。]\ninvitation:")
    found = refused(second_theme.replace("  - heading: 总体情况", "  - heading: 总体情况\n    state: done"), tmp_path)
    assert [m.split("：")[0] for m in found] == [
        f"{NAME}:11:12 字段 一、 的整改状态（parts[0].state）",
        f"{NAME}:30:26 字段 二、 （一） 2. （3） 的标题（parts[1].sections[0].themes[1].problems[0].heading）",
    ]


# 3. The summary: what is public, what is not and why, what was not read
def summary_data(tmp_path: Path, kept: str = "") -> Path:
    """Three notices (public, draft, scheduled) and four files not read; kept: the office's .keep-unread."""
    draft = changed(f"id: {FILE}", "id: draft-notice").replace("published: 2025-06-02", "published: 2025-06-02\ndraft: true")
    scheduled = changed(f"id: {FILE}", "id: later-notice").replace("published: 2025-06-02", "published: 2025-07-01")
    scheduled = scheduled.replace("start: 2025-06-02\n  end: 2025-06-16", "start: 2025-07-01\n  end: 2025-07-15")
    scheduled = scheduled.replace("开展专题调研3次。", "开展专题调研5次。")  # another notice: its own text
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE, "draft-notice.yml": draft, "later-notice.yml": scheduled})
    for name in ("typo-notice.YML", "saved-twice.yaml.txt", "saved-once.yml.txt", "notes.docx"):
        (data / "disclosures" / name).write_text(BASE, encoding="utf-8")
    if kept:
        (data / "disclosures" / ".keep-unread").write_text(kept, encoding="utf-8")
    return data


def test_check_ends_with_the_summary(tmp_path: Path) -> None:
    data = summary_data(tmp_path, kept="# 原件，不发布\nnotes.docx\n")
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert not ok  # files that look like notices but are not read stop make site: check says so too
    folder = f"{data.as_posix()}/disclosures"
    keep = "。如果是有意保留、不应发布的文件，请把文件名写进 data/disclosures/.keep-unread（每行一个）（make site 会因此停止）"
    assert text.splitlines()[1:] == [
        "1 篇公开（按北京时间 2025年6月10日）。",
        "  未公开 data/disclosures/draft-notice.yml：草稿（draft: true），删去这一行或改为 false 才会公开",
        "  未公开 data/disclosures/later-notice.yml：将于 2025年7月1日 公开",
        f"  未读取 {folder}/notes.docx：已列为有意保留的文件",
        f"  未读取 {folder}/saved-once.yml.txt：文件名多了 .txt，请改名为 saved-once.yml",
        f"  未读取 {folder}/saved-twice.yaml.txt：文件名多了 .txt，请改名为 saved-twice.yaml",
        f"  未读取 {folder}/typo-notice.YML：扩展名须为小写，请改名为 typo-notice.yml",
        f"警告：未读取 {folder}/saved-once.yml.txt：文件名多了 .txt，请改名为 saved-once.yml{keep}",
        f"警告：未读取 {folder}/saved-twice.yaml.txt：文件名多了 .txt，请改名为 saved-twice.yaml{keep}",
        f"警告：未读取 {folder}/typo-notice.YML：扩展名须为小写，请改名为 typo-notice.yml{keep}",
    ]
    for name in ("saved-once.yml.txt", "saved-twice.yaml.txt", "typo-notice.YML"):
        (data / "disclosures" / name).unlink()
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert ok and "警告" not in text


@pytest.mark.parametrize("name", [".notice.yml.swp", "notice.yml~", "notice.yml.bak", "#notice.yml#", "Thumbs.db",
                                  ".DS_Store"])
def test_hidden_files_and_editor_backups_are_named_but_not_warned_about(tmp_path: Path, name: str) -> None:
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE, name: BASE})
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert ok and f"未读取 {data.as_posix()}/disclosures/{name}：" in text and "警告" not in text


def test_the_keep_list_takes_patterns_and_comments(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE, "原件-2025.docx": "x", "原件-2024.docx": "x", "copy.yml.txt": BASE})
    (data / "disclosures" / ".keep-unread").write_text("原件-*.docx  # the Word originals\n\n", encoding="utf-8")
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert not ok
    assert [line.split("：")[1] for line in text.splitlines() if line.startswith("警告")] == [
        f"未读取 {data.as_posix()}/disclosures/copy.yml.txt"]
    assert text.count("已列为有意保留的文件") == 2


NOTHING_PUBLIC = ("没有一篇公开的通报，未生成网站：空的公开网站几乎总是出错了，请看上面的原因。"
                  "如确实要生成没有通报的网站，请设置环境变量 DISCLOSURE_ALLOW_EMPTY=1 再运行。")


def test_no_public_notice_is_refused_unless_allowed(tmp_path: Path) -> None:
    data = summary_data(tmp_path, kept="*\n")
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-01"})  # the day before the first publication
    assert not ok
    assert text.splitlines()[1] == "0 篇公开（按北京时间 2025年6月1日）。"
    assert text.splitlines()[-1] == NOTHING_PUBLIC
    assert check(data, allow_empty_site=True, environ={"DISCLOSURE_NOW": "2025-06-01"})[0]
    assert check(data, environ={"DISCLOSURE_NOW": "2025-06-01", "DISCLOSURE_ALLOW_EMPTY": "1"})[0]


def test_the_build_is_refused_when_nothing_is_public(tmp_path: Path) -> None:
    from disclosures.build import prepare
    from disclosures.load.summary import NothingPublic

    data = summary_data(tmp_path)
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    with pytest.raises(NothingPublic) as caught:
        prepare(tmp_path, {"DISCLOSURE_NOW": "2025-06-01"})
    assert str(caught.value).splitlines()[-1] == NOTHING_PUBLIC
    assert prepare(tmp_path, {"DISCLOSURE_NOW": "2025-06-01"}, preview=True).notices  # a preview shows drafts
    built = prepare(tmp_path, {"DISCLOSURE_NOW": "2025-06-02"})
    assert built.summary.splitlines()[0] == "1 篇公开（按北京时间 2025年6月2日）。"
    assert data.is_dir()


# 13. next-change: the next moment a rebuild would change the site
@pytest.mark.parametrize("data, now, expected", [
    (ROOT / "data", "2025-04-26T12:00", "2025-04-27T00:00:00+08:00"),  # the seed notice is published
    (ROOT / "data", "2025-04-27", "2025-05-12T00:00:00+08:00"),  # published and open at the same moment: next is the close
    (ROOT / "data", "2025-05-11T23:59", "2025-05-12T00:00:00+08:00"),
    (ROOT / "data", "2025-05-12", ""),  # closed: nothing changes any more
    (TEST_DATA / "fictional", "2025-03-01", "2025-03-10T00:00:00+08:00"),
    (TEST_DATA / "fictional", "2025-03-10T08:00:00+08:00", ""),  # no window, no revision
    (TEST_DATA / "fictional", "2025-03-09T16:30:00Z", ""),  # 00:30 on 10 March in Beijing: already public
], ids=lambda v: str(v).rsplit("/", 1)[-1])
def test_next_change(data: Path, now: str, expected: str) -> None:
    assert next_change_text(data, environ={"DISCLOSURE_NOW": now}) == (True, expected)


def test_next_change_sees_times_of_day_and_revisions(tmp_path: Path) -> None:
    timed = changed("  start: 2025-06-02\n  end: 2025-06-16", "  start: 2025-06-02 09:00\n  end: 2025-06-16 17:30")
    timed = timed.replace("invitation:", "revisions:\n  - date: 2025-06-20\n    note: 补充了整改材料。\ninvitation:")
    data = data_dir(tmp_path, {f"{FILE}.yml": timed})
    times = ["2025-06-01", "2025-06-02T08:00", "2025-06-10", "2025-06-17"]
    assert [next_change_text(data, after=t)[1] for t in times] == [
        "2025-06-02T00:00:00+08:00", "2025-06-02T09:00:00+08:00", "2025-06-16T17:30:00+08:00", "2025-06-20T00:00:00+08:00",
    ]


def test_next_change_command_prints_nothing_when_nothing_will_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["next-change", str(TEST_DATA / "fictional"), "--after", "2026-01-01"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["next-change", str(TEST_DATA / "fictional"), "--after", "2025-01-01"]) == 0
    assert capsys.readouterr().out == "2025-03-10T00:00:00+08:00\n"


# Whole builds: the summary ends a good build; an empty one is refused like any bad data (site/ untouched).
@pytest.mark.build
def test_builds_end_with_the_summary_and_refuse_an_empty_site(tmp_path: Path) -> None:
    from conftest import make_project, run_build

    draft = changed("published: 2025-06-02", "published: 2025-06-02\ndraft: true")
    project = make_project(tmp_path / "project", data_dir(tmp_path, {f"{FILE}.yml": draft, "notes.txt": "备忘",
                                                                     ".keep-unread": "notes.txt\n"}))
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site", encoding="utf-8")
    refused_build = run_build(project, now="2025-06-10")
    assert refused_build.result.returncode != 0
    assert "Traceback" not in refused_build.result.stderr
    assert "0 篇公开（按北京时间 2025年6月10日）。\n" in refused_build.result.stderr
    assert f"  未公开 {NAME}：草稿（draft: true），删去这一行或改为 false 才会公开\n" in refused_build.result.stderr
    assert "  未读取 data/disclosures/notes.txt：已列为有意保留的文件\n" in refused_build.result.stderr
    assert NOTHING_PUBLIC in refused_build.result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "old site"

    allowed = run_build(project, now="2025-06-10", extra_env={"DISCLOSURE_ALLOW_EMPTY": "1"})
    assert allowed.ok, allowed.result.stderr
    (project / "data" / "disclosures" / f"{FILE}.yml").write_text(BASE, encoding="utf-8")
    built = run_build(project, now="2025-06-10")
    assert built.ok, built.result.stderr
    assert built.result.stderr.rstrip("\n").splitlines()[-2:] == [
        "INFO    -  1 篇公开（按北京时间 2025年6月10日）。",
        "  未读取 data/disclosures/notes.txt：已列为有意保留的文件",
    ]


# A notice saved twice: refused when it would be the same notice twice, a warning when only the text is the same
def test_a_notice_saved_twice_under_another_name_is_refused_naming_both_files(tmp_path: Path) -> None:
    copy = changed(f"id: {FILE}", "id: copy-of-notice")
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE, "copy-of-notice.yml": copy,
                               "draft-copy.yml": copy.replace("id: copy-of-notice", "id: draft-copy\ndraft: true")})
    assert messages(data) == [
        "data/disclosures/hillside-office-2025-06-02.yml:2:8 字段 title：应为与其他通报不同的标题、发布单位和发布日期，"
        "实际为与 data/disclosures/copy-of-notice.yml 第2行的通报相同（标题、发布单位和发布日期都一样）。"
        "同一篇通报只保留一个文件：请删除重复保存的那个；如确是另一篇通报，请改正它的标题或日期。"]
    # Another date or issuer is another notice (a draft copy being rewritten is not published).
    later = copy.replace("published: 2025-06-02", "published: 2025-06-01").replace("开展专题调研3次。", "开展专题调研4次。")
    assert len(load_project(data_dir(tmp_path / "b", {f"{FILE}.yml": BASE, "copy-of-notice.yml": later})).notices) == 2


@pytest.mark.parametrize("edit", [("title: 山坡区虚构办公室党组关于巡察整改情况的通报", "title: 关于巡察整改情况的通报（更正）"),
                                  ("published: 2025-06-02", "published: 2025-06-01")])
def test_two_notices_with_the_same_text_are_a_warning_naming_both(tmp_path: Path, edit: tuple[str, str]) -> None:
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE, "corrected.yml": changed(f"id: {FILE}", "id: corrected").replace(*edit)})
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert not ok
    assert text.splitlines()[-1] == (
        f"警告：{NAME} 与 data/disclosures/corrected.yml 的正文完全相同：是否同一篇通报保存了两次？"
        "若是，请删除其中一个文件；若是两篇通报，请改正其中一篇的正文（make site 会因此停止）")


@pytest.mark.build
def test_an_unread_look_alike_is_printed_under_q_and_stops_a_strict_build(tmp_path: Path) -> None:
    from conftest import make_project, run_build

    data = data_dir(tmp_path, {f"{FILE}.yml": BASE, "second-notice.yml.txt": BASE.replace(FILE, "second-notice")})
    project = make_project(tmp_path / "project", data)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site", encoding="utf-8")
    warning = ("未读取 data/disclosures/second-notice.yml.txt：文件名多了 .txt，请改名为 second-notice.yml。"
               "如果是有意保留、不应发布的文件，请把文件名写进 data/disclosures/.keep-unread（每行一个）")
    # A cron job's build (mkdocs.yml sets strict): only problems are printed, and the old site stays.
    quiet = run_build(project, now="2025-06-10", args=("-q",))
    assert not quiet.ok and quiet.result.stderr.splitlines() == [f"WARNING -  {warning}"]
    strict = run_build(project, now="2025-06-10")  # make site
    assert not strict.ok and f"WARNING -  {warning}" in strict.result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "old site"
    (project / "data" / "disclosures" / ".keep-unread").write_text("second-notice.yml.txt\n", encoding="utf-8")
    kept = run_build(project, now="2025-06-10")
    assert kept.ok, kept.result.stderr


# Files that are not regular files, links, and the size limit (issue #26.7, #26.8)
def test_a_dangling_link_and_a_pipe_get_their_own_reason(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE})
    (data / "disclosures" / "x-notice.yml").symlink_to(tmp_path / "gone.yml")
    os.mkfifo(data / "disclosures" / "y-notice.yml")
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert not ok
    folder = f"{data.as_posix()}/disclosures"
    assert f"  未读取 {folder}/x-notice.yml：符号链接指向的 {tmp_path / 'gone.yml'} 不存在，请改正或删除这个链接" in text
    assert f"  未读取 {folder}/y-notice.yml：不是普通文件（例如管道或设备文件），不会读取，请删除" in text
    assert "扩展名须为小写" not in text


def test_a_link_to_a_notice_elsewhere_is_read_and_named(tmp_path: Path) -> None:
    """Decided: a symlink is read like the file it points to (whoever made it meant it), and the summary
    says so, with the file it reads (handbook/office.md)."""
    elsewhere = tmp_path / "elsewhere" / "linked-notice.yml"
    elsewhere.parent.mkdir()
    linked = changed(f"id: {FILE}", "id: linked-notice").replace("开展专题调研3次。", "开展专题调研6次。")
    elsewhere.write_text(linked.replace("published: 2025-06-02", "published: 2025-06-01"), encoding="utf-8")
    data = data_dir(tmp_path, {f"{FILE}.yml": BASE})
    (data / "disclosures" / "linked-notice.yml").symlink_to(elsewhere)
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-06-10"})
    assert ok and "2 篇公开" in text
    assert f"  链接 {data.as_posix()}/disclosures/linked-notice.yml：按符号链接读取 {elsewhere}" in text


def test_a_data_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    from disclosures.load.yamlload import MAX_FILE_BYTES

    huge = changed("全年开展集中学习12次。", "全年开展集中学习12次。" + "很长的段落。" * (MAX_FILE_BYTES // 18 + 1))
    assert len(huge.encode("utf-8")) > MAX_FILE_BYTES
    found = messages(data_dir(tmp_path, {f"{FILE}.yml": huge}))
    assert len(found) == 1 and found[0].startswith(f"{NAME}：应为不超过 16 MiB 的数据文件，实际为16.")


@fuzz_settings()
@given(st.text(st.sampled_from("学习次，12 \u00a0\u200b\ufeff\u00ad\u200e\t"), max_size=30))
def test_normalised_text_loses_exactly_the_invisible_characters_it_names(text: str) -> None:
    """The check that skips the removal when none is there changes nothing (fieldreader._INVISIBLE)."""
    from disclosures.load.fieldreader import _NORMALISE
    assert normalised(text) == text.translate(_NORMALISE)
