"""The importer on the shapes other bodies publish: one fictional notice per shape (tests/data/imports/),
two that combine several, and a Word file numbered by Word. Each is imported, checked, built, and every
source sentence not listed as left out is on its page, in order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TEST_DATA, Build, build_with
from helpers import article_text, find_in_order, normalise, sentences_of_source

from disclosures.cli import check
from disclosures.importer import Imported, import_lines, read_source
from disclosures.importer.facts import notice_facts
from disclosures.importer.source import Line, is_chrome, split_lines, stated_date
from disclosures.importer.writer import to_yaml
from disclosures.load.project import read_notice

IMPORTS = TEST_DATA / "imports"
SOURCES = sorted(IMPORTS.glob("*.txt"))
BUILD_NOW = "2026-01-01"  # after every fixture's publication date


def notice_id(source: Path) -> str:
    return f"imp-{source.stem}"


def imported(name: str) -> Imported:
    source = IMPORTS / name
    lines, notes = read_source(source)
    return import_lines(lines, notice_id=notice_id(source), notes=notes)


def plain_paragraphs(value: Any) -> Any:
    """The data with each paragraph that has no lead as its text: the file writes it {text: …} (the form
    editor's layout, importer/canonical.py), the expectations below as the text alone."""
    if isinstance(value, dict):
        return value["text"] if list(value) == ["text"] else {k: plain_paragraphs(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_paragraphs(v) for v in value]
    return value


def checked(result: Imported, tmp_path: Path, refused: tuple[str, ...] = ()) -> dict[str, Any]:
    """The draft as written, checked as a build checks it; only the fields in `refused` may be refused."""
    path = tmp_path / f"{result.data['id']}.yml"
    path.write_text(to_yaml(result.data), encoding="utf-8")
    _, errors, _ = read_notice(path, path.name)
    assert sorted(e.path for e in errors) == sorted(refused), [str(e) for e in errors]
    return plain_paragraphs(yaml.safe_load(path.read_text(encoding="utf-8")))


def review(result: Imported, kind: str) -> list[tuple[int, str]]:
    return [(item.line, str(item)) for item in result.review if item.kind == kind]


# --- one shape each -----------------------------------------------------------------------------------

def test_01_problems_directly_under_a_category_with_lead_ins(tmp_path: Path) -> None:
    result = imported("01-problems-under-category.txt")
    data = checked(result, tmp_path)
    service, management = data["parts"][1]["sections"]
    assert service["heading"] == "关于医疗服务方面"
    assert service["problems"] == [
        {"heading": "住院病区呼叫响应不够及时。", "lead_in": "整改落实情况：", "measures": [
            "调整夜班护士排班，每个病区增加1名值守人员；", "每月抽查呼叫记录并通报结果。"]},
        {"heading": "检查报告领取不够方便。", "lead_in": "整改情况：", "measures": ["开通手机查询检查报告功能，患者可在线查看和下载。"]}]
    assert [p["heading"] for p in management["problems"]] == ["医用耗材出入库登记不完整。"]
    assert len(management["problems"][0]["measures"]) == 3
    assert data["section_problems"] == "restart"  # 1. again in the second category
    assert any(line == 12 and "重新编号" in text for line, text in review(result, "guess"))
    assert review(result, "unplaced") == []


def test_01_a_lead_in_on_a_line_of_its_own_takes_the_measures_below_it(tmp_path: Path) -> None:
    text = "\n".join(["一、问题整改情况", "（一）关于窗口服务方面", "1.办事指南更新不及时。", "整改落实情况：",
                      "一是全面修订办事指南。", "二是建立季度更新机制。", "2.咨询电话接听率不高。",
                      "整改情况：增设2条咨询专线。", "青禾县政务服务中心", "2024年12月2日"])
    result = import_lines(split_lines(text), notice_id="lead-in")
    data = checked(result, tmp_path)
    assert data["parts"][0]["sections"][0]["problems"] == [
        {"heading": "办事指南更新不及时。", "lead_in": "整改落实情况：", "measures": ["全面修订办事指南。", "建立季度更新机制。"]},
        {"heading": "咨询电话接听率不高。", "lead_in": "整改情况：", "measures": ["增设2条咨询专线。"]}]
    assert [line for line, text in review(result, "guess") if "单独成段" in text] == [4]


def test_02_top_level_section_and_problems_running_on(tmp_path: Path) -> None:
    result = imported("02-top-level-section.txt")
    data = checked(result, tmp_path)
    (part,) = data["parts"]
    assert "heading" not in part  # the top level is （一）: no 一、 level, no placeholder
    assert [s["heading"] for s in part["sections"]] == ["贯彻落实党的路线方针政策方面", "落实全面从严治党责任方面"]
    assert [len(s["problems"]) for s in part["sections"]] == [2, 1]
    assert "section_problems" not in data  # 3. runs on after 1. 2.: the default
    assert all("number" not in p for s in part["sections"] for p in s["problems"])
    assert data["preamble"][0].startswith("2024年3月11日至5月17日")
    assert any(line == 3 and "最高一层" in text for line, text in review(result, "guess"))


def test_03_xunshi_kind_from_the_body(tmp_path: Path) -> None:
    data = checked(imported("03-xunshi.txt"), tmp_path)
    assert data["inspection"] == {"body": "省委第三巡视组", "start": dt.date(2024, 2, 26), "end": dt.date(2024, 4, 30),
                                  "feedback": dt.date(2024, 6, 5)}
    assert data["issuer"] == {"name": "中共岚山省高级人民法院党组", "short_name": "省高院党组"}


def test_04_a_skipped_label_is_kept_and_reported(tmp_path: Path) -> None:
    result = imported("04-skipped-label.txt")
    data = checked(result, tmp_path)
    sections = data["parts"][0]["sections"]
    assert [s.get("number") for s in sections] == [None, 3, None]  # （一） （三） （四）: （四） counts on
    kept = review(result, "kept")
    assert [line for line, _ in kept] == [7] and "原文编号为3，按顺序应为2" in kept[0][1]


def test_05_the_title_full_name_wins_over_the_preamble_short_form(tmp_path: Path) -> None:
    result = imported("05-title-issuer.txt")
    data = checked(result, tmp_path)
    assert data["issuer"] == {"name": "中共云溪市中级人民法院党组", "short_name": "市中级法院党组"}
    assert data["signature"]["name"] == "中共云溪市中级人民法院党组"
    guesses = review(result, "guess")
    assert any(line == 1 and "全称取自标题" in text and "“市中级法院党组”不同" in text for line, text in guesses)


def test_06_the_issuer_before_a_list_of_inspected_bodies(tmp_path: Path) -> None:
    data = checked(imported("06-issuer-before-list.txt"), tmp_path)
    assert data["issuer"] == {"name": "白鹭镇党委"}
    assert data["title"] == "白鹭镇党委关于巡察整改进展情况的通报"
    assert data["inspection"]["body"] == "区委第三巡察组" and data["inspection"]["feedback"] == dt.date(2024, 7, 26)
    assert data["signature"]["name"] == "中共白鹭镇委员会"


def test_07_feedback_phrasing_and_a_missing_period_named(tmp_path: Path) -> None:
    result = imported("07-feedback-phrasing.txt")
    data = checked(result, tmp_path)
    # Only a month is given for the visit: the period is missing, the rest is kept.
    assert data["inspection"] == {"body": "区委第五巡察组", "feedback": dt.date(2024, 8, 22)}
    assert review(result, "missing") == [
        (2, "第2行 [原文未写明] 原文未写明或未能识别：巡察起止日期；inspection 只写入找到的部分，请核对原文")]


@pytest.mark.parametrize("preamble", [
    "区委第二巡察组于2024年3月4日至4月30日对区卫健局党组开展了巡察，5月28日反馈了巡察意见。",
    "2024年3月4日至4月30日，区委第二巡察组对区卫健局党组进行了巡察，并于2024年5月28日向区卫健局党组反馈了巡察意见。",
    "2024年3月4日至2024年4月30日，区委第二巡察组对区卫健局党组开展巡察，巡察反馈会于2024年5月28日召开。",
    "根据区委部署，2024年3月4日至4月30日，区委第二巡察组对区卫健局党组开展了巡察。2024年5月28日，巡察组向区卫健局党组反馈了巡察意见。",
])
def test_07_common_period_and_feedback_phrasings(preamble: str) -> None:
    facts = notice_facts(preamble, preamble)
    assert (facts.body, facts.start, facts.end, facts.feedback, facts.issuer) == (
        "区委第二巡察组", dt.date(2024, 3, 4), dt.date(2024, 4, 30), dt.date(2024, 5, 28), "区卫健局党组")


def test_08_round_from_the_title(tmp_path: Path) -> None:
    data = checked(imported("08-round-in-title.txt"), tmp_path)
    assert data["inspection"]["round"] == "十五届县委第二轮巡察"
    assert data["inspection"]["body"] == "县委第四巡察组"


def test_09_web_chrome_left_out_and_the_stated_date_used(tmp_path: Path) -> None:
    result = imported("09-web-chrome.txt")
    data = checked(result, tmp_path)
    assert [line for line, _ in review(result, "dropped")] == [1, 3, 4, 10, 11]
    assert data["title"] == "中共云溪市水利局党组关于巡察整改进展情况的通报"
    assert data["published"] == data["signature"]["date"] == dt.date(2024, 11, 5)
    assert data["signature"]["name"] == "中共云溪市水利局党组"
    assert any(line == 3 and "发布日期取自网页标注的发布时间：2024-11-05" in text
               for line, text in review(result, "guess"))
    assert data["preamble"][0].startswith("根据市委统一部署")


@pytest.mark.parametrize(("line", "chrome"), [
    ("【发布时间：2024-09-10】【来源：县政府办】【点击数：56】", True),
    ("发布日期:2024/09/10 | 信息来源:区纪委 | 访问次数:1024", True),
    ("时间：2024年9月10日\u3000来源：本网\u3000阅读次数：88", True),
    ("2024-09-10 14:05:33 作者：办公室", True),
    ("浏览次数 1024", True),
    ("施行日期：2024年9月10日", True),
    ("效力级别：党内规范性文件", True),
    ("首页 » 信息公开 » 通知", True),
    ("您现在的位置: 首页 > 巡察", True),
    ("2024年9月10日", False),  # a signature's date
    ("时间紧任务重，必须抓紧整改。", False),
    ("发布会上，局长通报了整改情况。", False),
    # A law database's fields with the value right after the label (issue #25, 6), or after a space.
    ("发文机关最高人民法院", True),
    ("发文日期2017年04月27日", True),
    ("时效性现行有效", True),
    ("施行日期2017年04月27日", True),
    ("发文字号法释〔2017〕7号", True),
    ("效力级别司法解释", True),
    ("发布日期 2024.09.10", True),
    ("【发文机关】最高人民法院、最高人民检察院", True),
    ("来源青禾县人民法院网", True),
    ("发文机关 青禾县人民政府办公室  发文字号 青政办发〔2024〕12号", True),
    # Sentences that open with such a word: their own punctuation, length or wording say they are text.
    ("时效性是整改工作的生命线。", False),
    ("来源于群众反映的问题已全部办结", False),
    ("发文机关要严格审核文件", False),
    ("效力级别不高的制度文件已清理完毕，共清理12件。", False),
    ("施行日期前完成清理工作。", False),
    ("文号管理不规范", False),
])
def test_09_chrome_lines_in_their_many_spellings(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


def test_12_law_database_fields_without_separators_are_left_out(tmp_path: Path) -> None:
    result = imported("12-law-database-chrome.txt")
    data = checked(result, tmp_path)
    assert [line for line, _ in review(result, "dropped")] == [1, 3, 4, 5, 6, 7, 8, 9, 26, 27]
    assert len(data["preamble"]) == 1 and data["preamble"][0].startswith("根据县委统一部署")
    assert data["title"] == "中共青禾县人民法院党组关于巡察整改进展情况的通报"
    # No date under the signature: the database's 发文日期, not its 施行日期 (2025-02-20).
    assert data["published"] == data["signature"]["date"] == dt.date(2025, 2, 18)
    assert data["parts"][0]["paragraphs"] == ["时效性是整改工作的生命线。县法院党组成立整改工作领导小组，每半月调度一次整改进展。"]
    assert any(line == 6 and "发布时间：2025-02-18" in text for line, text in review(result, "guess"))


def test_12_the_issuer_a_law_database_names_when_the_text_names_none(tmp_path: Path) -> None:
    text = "\n".join(["发文机关青禾县审计局", "发文日期2025年03月04日", "时效性现行有效", "一、整改情况",
                      "各项问题均已整改到位。"])
    result = import_lines(split_lines(text), notice_id="law-db")
    data = checked(result, tmp_path)
    assert data["issuer"] == {"name": "青禾县审计局"} and data["signature"]["name"] == "青禾县审计局"
    assert data["published"] == dt.date(2025, 3, 4) and "preamble" not in data
    assert any(line == 1 and "网页标注的发文机关：青禾县审计局" in text for line, text in review(result, "guess"))


def test_09_the_stated_publication_date_prefers_发布_over_成文() -> None:
    lines = [Line(3, "成文日期：2024年9月1日"), Line(4, "发布日期:2024/09/10 | 信息来源:区纪委")]
    assert stated_date(lines) == (dt.date(2024, 9, 10), 4)


def test_10_no_date_leaves_a_placeholder_the_check_refuses(tmp_path: Path) -> None:
    result = imported("10-no-date.txt")
    data = checked(result, tmp_path, refused=("published", "signature.date"))
    assert data["published"] == "（请填写发布日期）"  # never today
    assert data["signature"]["name"] == "中共青禾县档案馆支部委员会"
    missing = review(result, "missing")
    assert len(missing) == 1 and "published 留作“（请填写发布日期）”" in missing[0][1]


def test_11_no_contact_paragraph_is_said(tmp_path: Path) -> None:
    result = imported("11-no-contact.txt")
    data = checked(result, tmp_path)
    assert "contact" not in data and "invitation" not in data
    assert any("未找到联系方式段落" in text and "默认联系方式" in text for _, text in review(result, "missing"))


def test_combined_city_hospital(tmp_path: Path) -> None:
    result = imported("21-combined-city-hospital.txt")
    data = checked(result, tmp_path)
    assert data["issuer"] == {"name": "中共云溪市第一人民医院委员会", "short_name": "市一医院党委"}
    assert data["inspection"] == {"body": "市委第六巡察组", "round": "十届市委第四轮巡察", "start": dt.date(2024, 9, 9),
                                  "end": dt.date(2024, 11, 15), "feedback": dt.date(2024, 12, 20)}
    assert data["published"] == dt.date(2025, 3, 3)
    assert [line for line, _ in review(result, "dropped")] == [1, 3, 4, 5, 23]
    sections = data["parts"][1]["sections"]
    assert [len(s["problems"]) for s in sections] == [2, 1] and "section_problems" not in data
    assert data["contact"] == {"phone": {"number": "0571-88120000", "hours": "08:00-17:30"},
                               "email": "jw@ysyy.example.cn"}


def test_combined_province_xunshi(tmp_path: Path) -> None:
    result = imported("22-combined-town-xunshi.txt")
    data = checked(result, tmp_path)
    assert data["issuer"]["name"] == "岚山省交通运输厅党组"
    assert data["inspection"] == {"body": "中央第六巡视组", "start": dt.date(2024, 10, 14), "end": dt.date(2024, 12, 13),
                                  "feedback": dt.date(2025, 1, 21)}
    (part,) = data["parts"]
    assert [s.get("number") for s in part["sections"]] == [None, None, 4]
    assert data["section_problems"] == "restart"
    assert [line for line, _ in review(result, "kept")] == [8]


# --- Word's automatic numbering -----------------------------------------------------------------------

# Paragraphs of a Word notice: (text, list level or None). Level 0 is 一、, 1 （一）, 2 1., 3 （1）.
WORD_NOTICE = [
    ("中共青禾县文化和广电旅游体育局党组关于巡察整改进展情况的通报", None),
    ("根据县委统一部署，2024年5月20日至7月12日，县委第三巡察组对中共青禾县文化和广电旅游体育局党组（以下简称“县文广旅体局党组”）"
     "开展了巡察。2024年8月30日，巡察组向县文广旅体局党组反馈了巡察意见。现将巡察整改进展情况予以公布。", None),
    ("整改工作总体情况", 0),
    ("县文广旅体局党组成立整改工作专班，每周调度整改进度。", None),
    ("巡察反馈问题整改情况", 0),
    ("关于公共文化服务方面", 1),
    ("乡镇文化站开放时间不规范", 2),
    ("部分文化站周末不开放", 3),
    ("一是统一公示开放时间。", None),
    ("二是每月抽查开放情况。", None),
    ("关于文物安全方面", 1),
    ("文物巡查记录不完整", 2),
    ("巡查台账填写不规范", 3),
    ("一是印发巡查台账填写规范。", None),
    ("下一步工作打算", 0),
    ("坚持问题导向，确保整改到位。", None),
    ("欢迎广大干部群众对巡察整改落实情况进行监督。公开期限：2024年10月14日至10月25日。联系电话：0571-86990000。", None),
    ("中共青禾县文化和广电旅游体育局党组", None),
    ("2024年10月14日", None),
]
# (format, label, restart): 1. and （1） run on through the notice, as this office numbers them (lvlRestart 0).
WORD_LEVELS = [("chineseCounting", "%1、", ""), ("chineseCounting", "（%2）", ""),
               ("decimal", "%3.", '<w:lvlRestart w:val="0"/>'), ("decimal", "（%4）", '<w:lvlRestart w:val="0"/>')]
TYPED = {0: lambda n: f"{'一二三四五'[n - 1]}、", 1: lambda n: f"（{'一二三四五'[n - 1]}）", 2: lambda n: f"{n}.",
         3: lambda n: f"（{n}）"}


def word_file(path: Path, paragraphs: list[tuple[str, int | None]] = WORD_NOTICE) -> Path:
    """A .docx whose headings carry Word's automatic numbering (numbering.xml), the labels not in the text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}'
                     f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text, restart) in enumerate(WORD_LEVELS))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="71">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="71"/></w:num>'))
    for text, level in paragraphs:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="71"/></w:numPr>'))
    document.save(str(path))
    return path


def typed_text() -> str:
    """The same notice with the labels typed, numbered as Word numbers them."""
    counters: dict[int, int] = {}
    out = []
    for text, level in WORD_NOTICE:
        if level is None:
            out.append(text)
            continue
        kept = {k: v for k, v in counters.items() if k < level or WORD_LEVELS[k][2]}  # lvlRestart 0: never
        counters = kept | {level: counters.get(level, 0) + 1}
        out.append(TYPED[level](counters[level]) + text)
    return "\n".join(out)


def test_12_word_numbering_places_paragraphs_by_level(tmp_path: Path) -> None:
    lines, notes = read_source(word_file(tmp_path / "word.docx"))
    from_word = import_lines(lines, notice_id="imp-12-word-numbering", notes=notes)
    from_typed = import_lines(split_lines(typed_text()), notice_id="imp-12-word-numbering")
    assert from_word.data == from_typed.data
    data = checked(from_word, tmp_path)
    two = data["parts"][1]
    assert [t["heading"] for s in two["sections"] for t in s["themes"]] == ["乡镇文化站开放时间不规范", "文物巡查记录不完整"]
    assert [p["heading"] for s in two["sections"] for t in s["themes"] for p in t["problems"]] == [
        "部分文化站周末不开放", "巡查台账填写不规范"]
    assert [n for n, _ in notes] == [3, 5, 6, 7, 8, 11, 12, 13, 15]
    assert "已按编号定义补上“（一）”（第 2 级）" in dict(notes)[6]


# --- imported, checked and built: every sentence in order --------------------------------------------

def _source_text(name: str) -> str:
    return (IMPORTS / name).read_text(encoding="utf-8")


def _kept_text(text: str, result: Imported) -> tuple[str, list[Line]]:
    """The source without the lines the review lists as left out, and those lines."""
    dropped = {line for line, _ in review(result, "dropped")}
    lines = split_lines(text)
    return "\n".join(line.text for line in lines if line.number not in dropped), \
        [line for line in lines if line.number in dropped]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, dict[str, tuple[str, Imported]], Path]:
    """Every fixture imported into one data folder (the undated one after the clerk filled in its date)."""
    tmp = tmp_path_factory.mktemp("imports")
    data = tmp / "data"
    (data / "disclosures").mkdir(parents=True)
    for name in ("site.yml", "glossary.yml"):
        (data / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    notices: dict[str, tuple[str, Imported]] = {}
    for source in SOURCES:
        notices[notice_id(source)] = (source.read_text(encoding="utf-8"), imported(source.name))
    lines, notes = read_source(word_file(tmp / "word.docx"))
    notices["imp-12-word-numbering"] = (typed_text(), import_lines(lines, "imp-12-word-numbering", notes=notes))
    for key, (_, result) in notices.items():
        text = to_yaml(result.data).replace("（请填写发布日期）", "2024-12-30")  # what the clerk does
        (data / "disclosures" / f"{key}.yml").write_text(text, encoding="utf-8")
    build = build_with(tmp / "project", data, now=BUILD_NOW)
    assert build.ok, build.result.stderr
    return build, notices, data


@pytest.mark.build
def test_every_imported_notice_builds_with_every_sentence_in_order(built: tuple[Build, dict, Path]) -> None:
    build, notices, _ = built
    assert len(notices) == 15
    for key, (text, result) in notices.items():
        page = normalise(article_text(build.page(f"disclosures/{key}")))
        kept, dropped = _kept_text(text, result)
        sentences = sentences_of_source(kept)
        found, missing = find_in_order(sentences, page)
        print(f"{key}: {found} of {len(sentences)} sentences in order")
        assert not missing and found == len(sentences) > 5, (key, missing)
        assert "请填写" not in page
        for line in dropped:
            assert normalise(line.text) not in page, (key, line)


@pytest.mark.build
def test_built_pages_show_the_shapes_as_published(built: tuple[Build, dict, Path]) -> None:
    build, _, _ = built
    hospital = build.page("disclosures/imp-01-problems-under-category")
    assert '<h4 id="part-2-section-2-problem-1"><span class="dsc-num">1.</span>医用耗材出入库登记不完整。</h4>' in hospital
    assert ('<p class="dsc-run-on"><span class="dsc-lead-in">整改情况：</span>开通手机查询检查报告功能，'
            '患者可在线查看和下载。</p>') in hospital
    top = build.page("disclosures/imp-02-top-level-section")
    assert '<h2 id="part-1-section-1"><span class="dsc-num">（一）</span>贯彻落实党的路线方针政策方面</h2>' in top
    assert "一、" not in article_text(top)
    gap = build.page("disclosures/imp-04-skipped-label")
    assert '<h3 id="part-1-section-3"><span class="dsc-num">（三）</span>统计执法方面</h3>' in gap
    assert '<h3 id="part-1-section-4"><span class="dsc-num">（四）</span>统计服务方面</h3>' in gap
    no_contact = build.page("disclosures/imp-11-no-contact")
    assert "联系电话：<a href=\"tel:0760-88883686\">0760-88883686</a>" in no_contact  # the site's default


@pytest.mark.build
def test_xunshi_is_named_so_in_facts_feeds_and_open_data(built: tuple[Build, dict, Path]) -> None:
    build, _, _ = built
    for key in ("imp-03-xunshi", "imp-22-combined-town-xunshi"):
        page = build.page(f"disclosures/{key}")
        assert "<dt>巡视组</dt>" in page and "<dt>巡视时间</dt>" in page and "<dt>巡察组</dt>" not in page
        document = json.loads((build.site / "data" / "notices" / f"{key}.json").read_text(encoding="utf-8"))
        assert document["inspection"]["kind"] == "巡视"
        # The glossary explains the word the notice uses: 巡视, never 巡察.
        assert 'role="tooltip" hidden>巡视：' in page and 'role="tooltip" hidden>巡察：' not in page
    feed = json.loads((build.site / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if "imp-03-xunshi" in i["url"])
    assert "<dt>巡视组</dt>" in item["content_html"] and "巡察组" not in item["content_html"]
    city = build.page("disclosures/imp-08-round-in-title")
    assert "<dt>巡察组</dt><dd>县委第四巡察组（十五届县委第二轮巡察）</dd>" in city
    assert 'role="tooltip" hidden>巡察：' in city and 'role="tooltip" hidden>巡视：' not in city


@pytest.mark.build
def test_check_lists_the_kept_numbers_of_the_imported_notices(built: tuple[Build, dict, Path]) -> None:
    _, _, data = built
    ok, text = check(data)
    assert ok, text
    kept = text.splitlines()[1:4]  # after the OK line; the publication summary follows
    assert kept[0] == "有意保留的原文编号（与按顺序生成的编号不同）：2 处"
    assert any("imp-04-skipped-label.yml" in line and "（parts[0].sections[1].number）：显示原文编号 （三），按顺序应为 （二）"
               in line for line in kept)
    assert any("imp-22-combined-town-xunshi.yml" in line and "（四），按顺序应为 （三）" in line for line in kept)


@pytest.mark.build
def test_a_notice_with_no_date_does_not_build_until_the_clerk_gives_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "disclosures").mkdir(parents=True)
    (data / "site.yml").write_text((ROOT / "data" / "site.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "disclosures" / "imp-10-no-date.yml").write_text(to_yaml(imported("10-no-date.txt").data), encoding="utf-8")
    build = build_with(tmp_path / "project", data, now=BUILD_NOW)
    assert not build.ok
    assert "字段 published：应为日期" in build.result.stderr and "原文没有写明这一项" in build.result.stderr
    assert not (build.site / "disclosures" / "imp-10-no-date").exists()


@pytest.mark.build
def test_imported_pages_are_valid_html_with_headings_in_order(built: tuple[Build, dict, Path]) -> None:
    """The new shapes' markup (a part without heading, problems under a category, run-on measures)."""
    import subprocess

    import lxml.html

    build, notices, _ = built
    pages = [build.site / "disclosures" / key / "index.html" for key in notices]
    for page in pages:
        levels = [int(h.tag[1]) for h in lxml.html.fromstring(page.read_text(encoding="utf-8")).iter(
            "h1", "h2", "h3", "h4", "h5", "h6")]
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--format", "json", "--errors-only", "--stdout",
                             *map(str, pages)], capture_output=True, text=True, timeout=600)
    assert json.loads(result.stdout)["messages"] == []


def test_the_command_says_what_the_clerk_must_fill_in(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "imp-10.yml"
    result = subprocess.run([sys.executable, "-m", "disclosures.importer", str(IMPORTS / "10-no-date.txt"), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1  # the draft is written, but it does not pass the check yet
    assert "published：应为日期" in result.stderr and "原文没有写明这一项" in result.stderr
    assert "全文 [原文未写明] 原文没有落款日期" in result.stdout
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["published"] == "（请填写发布日期）"
