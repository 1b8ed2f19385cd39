"""The importer: a published notice (.txt or .docx) -> a YAML data file that validates, plus a review list."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REAL_ID, ROOT, SHARED_NOTICE, build_with
from helpers import article_text, find_in_order, normalise, sentences_of_source

from disclosures.core import texts
from disclosures.core.typography import to_fullwidth
from disclosures.importer import Imported, import_lines, read_source
from disclosures.importer.facts import channels, is_invitation
from disclosures.importer.labels import Level, label_of, split_lead
from disclosures.importer.source import split_lines, trim_chrome
from disclosures.importer.canonical import canonical_data
from disclosures.importer.writer import to_yaml
from test_import_shapes import plain_paragraphs
from disclosures.load.project import read_notice

HAND_KEPT = ROOT / "data" / "disclosures" / f"{REAL_ID}.yml"
# Where the imported data may differ from the hand-kept file, and why. Empty: the title the importer
# derives (issuer + 关于 + the object of 现将……予以公布 + 的通报) is the one the office used, and
# comments are not data. A difference that appears must be added here with its reason, or fixed.
EXPECTED_DIFFERENCES: dict[str, str] = {}
# Editorial additions a clerk makes by hand, which no importer can read off the text: the key
# figures shown as cards and each part's state (see handbook/office.md, "Overview, figures and states").
EDITORIAL_NOTICE_KEYS, EDITORIAL_PART_KEYS = ("figures",), ("state",)


def _without_editorial(data: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in data.items() if k not in EDITORIAL_NOTICE_KEYS}
    kept["parts"] = [{k: v for k, v in p.items() if k not in EDITORIAL_PART_KEYS} for p in data["parts"]]
    return kept


def _import(text: str, notice_id: str = "test-notice") -> Imported:
    return import_lines(split_lines(text), notice_id=notice_id)


def _validate(imported: Imported, tmp_path: Path, refused: tuple[str, ...] = ()) -> dict[str, Any]:
    """Write the draft, check it the way a build does, and return it as loaded. `refused`: the fields
    the check must refuse (placeholders left for the clerk), and nothing else."""
    path = tmp_path / f"{imported.data['id']}.yml"
    text = to_yaml(imported.data)
    path.write_text(text, encoding="utf-8")
    notice, errors, _ = read_notice(path, path.name)
    # A placeholder such as （请填写标题） is refused by every build until the clerk fills it in.
    assert sorted(e.path for e in errors) == sorted(refused), [str(e) for e in errors]
    assert all("请填写" in e.found and e.hint == texts.HINT_PLACEHOLDER for e in errors)
    assert notice is not None
    assert text.startswith("id: ")  # the editor's layout: no comment, keys in the schema's order
    return plain_paragraphs(yaml.safe_load(text))


def _differences(a: Any, b: Any, path: str = "") -> dict[str, str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out: dict[str, str] = {}
        for key in list(a) + [k for k in b if k not in a]:
            out |= _differences(a.get(key), b.get(key), f"{path}.{key}" if path else key)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = {}
        for i, (x, y) in enumerate(zip(a, b)):
            out |= _differences(x, y, f"{path}[{i}]")
        return out
    return {} if a == b else {path: f"imported {str(a)[:60]!r} vs hand-kept {str(b)[:60]!r}"}


def _review(imported: Imported, kind: str) -> list[tuple[int, str]]:
    return [(item.line, str(item)) for item in imported.review if item.kind == kind]


def _flat_text(data: dict[str, Any]) -> str:
    """All paragraph and heading text of the data in reading order (as the page shows it)."""
    out: list[str] = []

    def para(p: Any) -> None:
        out.append(p if isinstance(p, str) else p.get("lead", "") + p.get("text", ""))

    for p in data.get("preamble", []):
        para(p)
    def problem(p: dict[str, Any]) -> None:
        out.append(p["heading"] + p.get("lead_in", ""))
        for m in p["measures"]:
            para(m)

    for part in data["parts"]:
        out.append(part.get("heading", ""))
        for p in part.get("paragraphs", []):
            para(p)
        for holder in part.get("sections", []) + [{"themes": part.get("themes", [])}]:
            out.append(holder.get("heading", "") + holder.get("lead", "") + holder.get("text", ""))
            for p in holder.get("paragraphs", []):
                para(p)
            for theme in holder.get("themes", []):
                out.append(theme["heading"])
                for item in theme["problems"]:
                    problem(item)
            for item in holder.get("problems", []):
                problem(item)
            for p in holder.get("measures", []):
                para(p)
        for p in part.get("closing", []):
            para(p)
    out.append(data.get("invitation", ""))
    return normalise("".join(out))


def _every_line_in_order(text: str, data: dict[str, Any], signature_lines: int = 2) -> None:
    """Each line of the notice's body (label stripped) is in the data, in order. Not checked here: chrome,
    the title line, the invitation paragraph and the signature, whose content the facts tests check."""
    lines = [line.text for line in trim_chrome(split_lines(text))[0]]
    lines = lines[: len(lines) - signature_lines]
    pieces = []
    for line in lines:
        if to_fullwidth(line) == data["title"] or is_invitation(line):
            continue
        label = label_of(line)
        pieces.append(normalise(label.rest if label else line))
    found, missing = find_in_order(pieces, _flat_text(data))
    assert not missing, missing
    assert found == len(pieces) > 0


# --- the real notice ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_import() -> Imported:
    lines, notes = read_source(SHARED_NOTICE)
    return import_lines(lines, notice_id=REAL_ID, notes=notes)


def test_real_notice_matches_the_hand_kept_data_in_structure_and_facts(real_import: Imported,
                                                                        tmp_path: Path) -> None:
    imported = _validate(real_import, tmp_path)
    hand_kept = plain_paragraphs(canonical_data(yaml.safe_load(HAND_KEPT.read_text(encoding="utf-8"))))
    same_shape = plain_paragraphs(canonical_data(imported))  # dates as text on both sides
    assert _differences(same_shape, _without_editorial(hand_kept)) == EXPECTED_DIFFERENCES
    # The figures that the structure comes to, so a failure above is easy to read.
    part2 = imported["parts"][1]
    themes = [t for s in part2["sections"] for t in s["themes"]]
    assert (len(imported["parts"]), len(part2["sections"]), len(themes),
            sum(len(t["problems"]) for t in themes)) == (4, 4, 18, 45)


def test_real_notice_review_lists_the_guesses_with_source_lines(real_import: Imported) -> None:
    guesses = _review(real_import, "guess")
    assert any(line == 0 and "标题为推测" in text for line, text in guesses)
    assert any(line == 8 and "结尾段落" in text for line, text in guesses)  # 巡察整改直接推动了…
    assert any(line == 229 and "公开期限" in text for line, text in guesses)
    assert any(line == 231 and "2025-04-27" in text for line, text in guesses)
    assert _review(real_import, "dropped") == [(232, "第232行 [未放入数据] 网页附带的文字“相关文章”，不属于通报正文")]
    assert _review(real_import, "unplaced") == []


@pytest.mark.build
def test_imported_real_notice_builds_with_every_sentence_in_order(real_import: Imported, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "disclosures").mkdir(parents=True)
    (data / "site.yml").write_text((ROOT / "data" / "site.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "disclosures" / f"{REAL_ID}.yml").write_text(to_yaml(real_import.data), encoding="utf-8")
    build = build_with(tmp_path / "project", data)
    assert build.ok, build.result.stderr
    sentences = sentences_of_source(SHARED_NOTICE.read_text(encoding="utf-8"))
    found, missing = find_in_order(sentences, normalise(article_text(build.page(f"disclosures/{REAL_ID}"))))
    print(f"imported fidelity: {found} of {len(sentences)} sentences in order")
    assert not missing, missing[:5]
    assert found == len(sentences) > 400


def test_docx_made_from_the_shared_text_imports_like_the_text(real_import: Imported, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SHARED_NOTICE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
        document.add_paragraph("")  # Word users often leave an empty paragraph between paragraphs
    path = tmp_path / f"{REAL_ID}.docx"
    document.save(str(path))

    lines, notes = read_source(path)
    from_docx = import_lines(lines, notice_id=REAL_ID, notes=notes)
    assert from_docx.data == real_import.data
    assert notes == []
    # Review lines are paragraph numbers in the Word file: 相关文章 is paragraph 463 (two per line).
    assert _review(from_docx, "dropped")[0][0] == 2 * 232 - 1


def test_docx_with_word_numbering_is_flagged(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("根据统一部署，现将整改情况予以公布。")
    document.add_paragraph("总体情况", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    lines, notes = read_source(path)
    assert [n for n, _ in notes] == [2]
    imported = import_lines(lines, notice_id="numbered", notes=notes)
    assert any(line == 2 and "自动编号" in text for line, text in _review(imported, "note"))


def test_command_writes_a_valid_file_and_prints_the_review(tmp_path: Path) -> None:
    out = tmp_path / f"{REAL_ID}.yml"  # the id must be the file name
    result = subprocess.run([sys.executable, "-m", "disclosures.importer", str(SHARED_NOTICE), "-o", str(out),
                             "--id", REAL_ID, "--title", "中山市人民检察院党组巡察整改进展情况"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["id"] == REAL_ID and data["title"] == "中山市人民检察院党组巡察整改进展情况"
    assert "第232行" in result.stdout and "相关文章" in result.stdout
    assert "标题为推测" not in result.stdout  # a title given is no guess


# --- small notices the team wrote, one variant each --------------------------------------------------

HALF_WIDTH = "\r\n".join([
    "\ufeff根据区委统一部署,2024年3月4日至5月10日,区委第二巡察组对中共湖滨区水务局党组(以下简称“区水务局党组”)"
    "开展了巡察。2024年6月12日,巡察组向区水务局党组反馈了巡察意见。现将巡察整改进展情况予以公布。",
    "", "  ",
    "一、整改工作总体情况",
    "区水务局党组把整改作为政治任务。",
    "(一)统一思想认识。党组召开专题会议研究部署。",
    "(二)压实工作责任。主要负责人带头抓整改。",
    "二、问题整改情况",
    "(一)关于落实主体责任方面",
    "1.理论学习不够深入",
    "(1)学习制度执行不严",
    "一是健全学习制度。制定学习计划。",
    "二是加强督促检查。每季度通报一次。",
    "(2)学用结合不紧",
    "一是开展调研。完成调研报告3篇。",
    "2、工程管理不够规范",
    "(3)招标程序不严",
    "一是修订招标办法。",
    "(二)关于作风建设方面",
    "一是整治形式主义。精简会议文件。",
    "二是规范公务接待。",
    "三、下一步工作打算",
    "区水务局党组将持续巩固整改成果。",
    "",
    "欢迎广大干部群众对巡察整改落实情况进行监督。公开期限:2024年9月2日至9月16日。联系电话:020-12345678"
    "(工作时间9:00—17:00);邮政信箱:湖滨区湖滨路1号区水务局办公室(信封上注明“对区水务局党组巡察整改情况的意见建议”);"
    "邮政编码:510000;电子邮箱:shuiwu@example.org。",
    "中共湖滨区水务局党组",
    "2024年9月2日",
    "", "相关文章", "【打印本页】", "",
])


def test_half_width_crlf_bom_and_chrome(tmp_path: Path) -> None:
    imported = _import(HALF_WIDTH, "lakeside-water")
    data = _validate(imported, tmp_path)
    assert data["issuer"] == {"name": "中共湖滨区水务局党组", "short_name": "区水务局党组"}
    assert data["inspection"] == {"body": "区委第二巡察组", "start": dt.date(2024, 3, 4), "end": dt.date(2024, 5, 10),
                                  "feedback": dt.date(2024, 6, 12)}
    assert data["published"] == dt.date(2024, 9, 2)
    assert data["title"] == "中共湖滨区水务局党组关于巡察整改进展情况的通报"
    assert data["window"] == {"start": dt.date(2024, 9, 2), "end": dt.date(2024, 9, 16)}
    assert data["invitation"] == "欢迎广大干部群众对巡察整改落实情况进行监督。"
    assert data["contact"] == {
        "phone": {"number": "020-12345678", "hours": "09:00-17:00"},
        "postal": {"address": "湖滨区湖滨路1号区水务局办公室", "postcode": "510000",
                   "envelope_note": "对区水务局党组巡察整改情况的意见建议"},
        "email": "shuiwu@example.org",
    }
    assert data["signature"] == {"name": "中共湖滨区水务局党组", "date": dt.date(2024, 9, 2)}
    one, two, three = data["parts"]
    assert one == {"heading": "整改工作总体情况", "paragraphs": ["区水务局党组把整改作为政治任务。"],
                   "sections": [{"lead": "统一思想认识。", "text": "党组召开专题会议研究部署。"},
                                {"lead": "压实工作责任。", "text": "主要负责人带头抓整改。"}]}
    duties, style = two["sections"]
    assert duties["heading"] == "关于落实主体责任方面"
    assert [t["heading"] for t in duties["themes"]] == ["理论学习不够深入", "工程管理不够规范"]
    assert duties["themes"][0]["problems"][0] == {"heading": "学习制度执行不严", "measures": [
        {"lead": "健全学习制度。", "text": "制定学习计划。"}, {"lead": "加强督促检查。", "text": "每季度通报一次。"}]}
    assert duties["themes"][1]["problems"] == [{"heading": "招标程序不严", "measures": ["修订招标办法。"]}]
    # A section may skip the theme and problem levels and hold its 一是 list directly.
    assert style == {"heading": "关于作风建设方面",
                     "measures": [{"lead": "整治形式主义。", "text": "精简会议文件。"}, "规范公务接待。"]}
    assert three == {"heading": "下一步工作打算", "paragraphs": ["区水务局党组将持续巩固整改成果。"]}
    assert sorted(line for line, _ in _review(imported, "dropped")) == [29, 30]
    assert _review(imported, "unplaced") == []
    _every_line_in_order(HALF_WIDTH, data)


FULL_WIDTH = "\n".join([
    "为深化巡察整改，现将有关情况公布如下：",
    "一、具体问题整改情况",
    "1．党建工作薄弱",  # a part holding themes directly: the （一） level is skipped
    "（1）组织生活不规范",
    "一是规范组织生活。每月召开支部会议。",
    "二是建立台账（试行）。",
    "（2）发展党员程序不严",
    "一是逐一复核。",
    "2、作风建设有差距",
    "（3）调研不深入",
    "一是开展蹲点调研。",
    "本部分整改已全部完成。",
    "二、长期整改事项",
    "（一）建章立制",
    "一是修订制度。",
    "二是开展培训。",
    "一是再次检查。",  # 一是 restarts inside the same section: cannot be one list
    "（二）加强监督",
    "2024年5月8日",
])


def test_full_width_labels_and_skipped_levels(tmp_path: Path) -> None:
    imported = _import(FULL_WIDTH)
    data = _validate(imported, tmp_path, refused=("title", "issuer.name", "signature.name"))
    assert data["preamble"] == ["为深化巡察整改，现将有关情况公布如下："]
    problems_part, long_term = data["parts"]
    assert [t["heading"] for t in problems_part["themes"]] == ["党建工作薄弱", "作风建设有差距"]
    assert [p["heading"] for t in problems_part["themes"] for p in t["problems"]] == [
        "组织生活不规范", "发展党员程序不严", "调研不深入"]
    assert problems_part["themes"][0]["problems"][0]["measures"][1] == "建立台账（试行）。"
    assert problems_part["closing"] == ["本部分整改已全部完成。"]
    # The restarted list and everything after it in the part stay as paragraphs, in order, word for word.
    assert long_term["sections"] == [{"heading": "建章立制", "measures": ["修订制度。", "开展培训。"]}]
    assert long_term["closing"] == ["一是再次检查。", "（二）加强监督"]
    unplaced = _review(imported, "unplaced")
    assert [line for line, _ in unplaced] == [17, 18]
    assert "重新开始" in unplaced[0][1]
    assert data["published"] == data["signature"]["date"] == dt.date(2024, 5, 8)
    # Neither a title line nor an issuer in the text: placeholders the clerk must fill, and say so.
    assert data["title"] == "（请填写标题）" and data["issuer"]["name"] == "（请填写发布机关）"
    assert any("请填写 title" in text for _, text in _review(imported, "missing"))
    _every_line_in_order(FULL_WIDTH, data, signature_lines=1)


SKIPPED_NUMBERS = "\n".join([
    "某县统计局党组关于巡察整改情况的通报",
    "一、问题整改",
    "（一）数据质量",
    "（1）台账不全",  # a problem directly under a section: no theme to hold it
    "一是补齐台账。",
    "1.统计执法",
    "2.统计监督",
    "（1）监督不到位",
    "一是加强监督。",
    "（3）检查不严",  # (2) is missing in the source
    "加强检查,每月一次。",  # a plain paragraph under a problem becomes its measure
    "三、下一步打算",  # 二、 is missing
    "继续抓好整改。",
    "某县统计局党组",
    "2024年12月1日",
])


def test_skipped_numbers_and_unplaceable_levels(tmp_path: Path) -> None:
    imported = _import(SKIPPED_NUMBERS)
    data = _validate(imported, tmp_path)
    assert data["title"] == "某县统计局党组关于巡察整改情况的通报"
    assert data["issuer"] == {"name": "某县统计局党组"}  # from the signature: the text names no issuer
    part, plans = data["parts"]
    section = part["sections"][0]
    # The problem (with its measure) could not be placed under the section, nor theme 1 (it has no
    # problems): they stay as the section's paragraphs, word for word, before theme 2.
    assert section["paragraphs"] == ["（1）台账不全", "一是补齐台账。", "1.统计执法"]
    # Numbers the source skips to are kept (the page shows what was published), each a reported exception:
    # 2. after the unplaced 1., （3） after （1）, 三、 after 一、.
    assert section["themes"] == [{"heading": "统计监督", "number": 2, "problems": [
        {"heading": "监督不到位", "measures": ["加强监督。"]},
        {"heading": "检查不严", "number": 3, "measures": ["加强检查，每月一次。"]}]}]
    assert [line for line, _ in _review(imported, "unplaced")] == [4, 5, 6]
    assert "closing" not in part
    assert plans == {"heading": "下一步打算", "number": 3, "paragraphs": ["继续抓好整改。"]}
    kept = _review(imported, "kept")
    assert [line for line, _ in kept] == [7, 10, 12]
    assert "原文编号为3，按顺序应为2：原文跳号，已在数据里用 number 保留原文编号" in kept[1][1]
    guesses = "\n".join(text for _, text in _review(imported, "guess"))
    assert "首行作为标题" in guesses
    _every_line_in_order(SKIPPED_NUMBERS, data)


def test_a_problem_with_plain_paragraphs_keeps_them_as_measures(tmp_path: Path) -> None:
    text = "\n".join(["一、整改情况", "1.学习", "(1)学习不够", "开展集中学习。", "建立学习制度。", "某局党组", "2024年1月2日"])
    imported = _import(text)
    data = _validate(imported, tmp_path)
    assert data["parts"][0]["themes"][0]["problems"][0]["measures"] == ["开展集中学习。", "建立学习制度。"]
    assert [line for line, t in _review(imported, "guess") if "问题下的无编号段落" in t] == [4, 5]


NO_NUMBERING = "\r\n\r\n".join([
    "根据县委安排,县委第三巡察组对县档案馆进行了巡察。",
    "县档案馆高度重视,逐项整改。",
    "目前各项问题均已整改到位。",
    "欢迎对整改情况进行监督。联系电话:0755-1234567;电子邮箱:dag@example.cn。",
    "县档案馆",
    "2024年10月8日",
    "相关文章",
])


def test_a_notice_without_numbering(tmp_path: Path) -> None:
    imported = _import(NO_NUMBERING)
    data = _validate(imported, tmp_path)
    assert data["preamble"] == ["根据县委安排，县委第三巡察组对县档案馆进行了巡察。"]
    assert data["parts"] == [{"paragraphs": ["县档案馆高度重视，逐项整改。", "目前各项问题均已整改到位。"]}]
    assert data["invitation"] == "欢迎对整改情况进行监督。"
    assert data["contact"] == {"phone": {"number": "0755-1234567"}, "email": "dag@example.cn"}
    assert data["issuer"]["name"] == "县档案馆"
    assert data["inspection"] == {"body": "县委第三巡察组"}  # no period or feedback date: not invented
    notes = [text for _, text in _review(imported, "note")]
    assert any("没有“一、”“（一）”这样的编号" in text for text in notes)
    assert (1, "第1行 [原文未写明] 原文未写明或未能识别：巡察起止日期、反馈日期；inspection 只写入找到的部分，请核对原文") \
        in _review(imported, "missing")
    # Source line numbers count the blank lines in between.
    assert _review(imported, "dropped")[-1][0] == 13
    _every_line_in_order(NO_NUMBERING, data)


# --- the importer never writes what the check refuses (issue #25, 2) -------------------------------

def _cut_short(*last: str) -> str:
    return "\n".join(["一、问题整改情况", "（一）关于医疗服务方面", "1.住院病区呼叫响应不够及时。", *last])


def test_a_lone_一是_after_a_lead_in_becomes_one_measure_without_its_label(tmp_path: Path) -> None:
    # The text breaks off after 一是 (no 二是): the draft's measure began with 一是, which the check refuses.
    imported = _import(_cut_short("整改落实情况：一是调整夜班护士排班"))
    data = _validate(imported, tmp_path, refused=("title", "issuer.name", "signature.name", "published",
                                                  "signature.date"))
    problem = data["parts"][0]["sections"][0]["problems"][0]
    assert problem == {"heading": "住院病区呼叫响应不够及时。", "lead_in": "整改落实情况：", "measures": ["调整夜班护士排班"]}
    assert any(line == 4 and "没有“二是”" in text and "删去“一是”" in text for line, text in _review(imported, "guess"))


@pytest.mark.parametrize(("last", "measures"), [
    (("整改落实情况：",), None),  # a lead-in alone, and nothing after it: no problem without measures
    (("整改落实情况：一是",), None),
    (("整改落实情况：", "一是调整排班。"), ["调整排班。"]),
    (("①调整夜班护士排班。",), None),  # labels the importer does not place but the check refuses
    (("一是否调整排班尚待研究。",), None),
    (("第一，调整夜班护士排班。",), None),
    (("2)调整排班。",), None),
    (("（二）",), None),  # a label cut off from its text
])
def test_a_problem_is_placed_only_with_measures_the_check_accepts(last: tuple[str, ...], measures: list[str] | None,
                                                                  tmp_path: Path) -> None:
    imported = _import(_cut_short(*last))
    data = _validate(imported, tmp_path, refused=("title", "issuer.name", "signature.name", "published",
                                                  "signature.date"))
    section = data["parts"][0]["sections"][0]
    if measures is None:  # kept word for word, in order, as the section's paragraphs, and reported
        assert "problems" not in section and section["paragraphs"][-len(last):] == [to_fullwidth(t) for t in last]
        assert _review(imported, "unplaced")
    else:
        assert section["problems"][0]["measures"] == measures


@pytest.mark.parametrize("line", ["一、（一）总体情况", "1.（1）学习不够"])  # a heading would open with （一） or （1）
def test_a_heading_that_would_open_with_a_label_stays_a_paragraph(line: str, tmp_path: Path) -> None:
    imported = _import("\n".join(["根据统一部署，现将整改情况予以公布。", line, "二、下一步打算", "持续整改。",
                                   "某局党组", "2024年1月2日"]))
    data = _validate(imported, tmp_path)
    assert line in data["preamble"] + [p for part in data["parts"] for p in part.get("paragraphs", [])]
    assert any("像编号" in text for _, text in _review(imported, "unplaced"))


def test_measures_run_on_after_a_problem_heading_are_split_without_their_labels(tmp_path: Path) -> None:
    imported = _import("\n".join(["一、问题整改", "1.学习", "（1）学习不够。一是加强学习；二是建立制度。",
                                   "（2）调研不深。一是开展蹲点调研。", "某局党组", "2024年1月2日"]))
    data = _validate(imported, tmp_path)
    first, second = data["parts"][0]["themes"][0]["problems"]
    assert first["measures"] == ["加强学习；", "建立制度。"]
    assert second["measures"] == ["开展蹲点调研。"]  # the page labels it 一是 again


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"\n \n", "没有可导入的文字"),
    ("chrome.txt", "相关文章\n打印本页\n".encode(), "没有可导入的文字"),
    ("gbk.txt", "根据县委统一部署，现将整改情况予以公布。".encode("gbk"), "不是 UTF-8 编码"),
    ("damaged.docx", b"PK\x03\x04 not a whole Word file", "读不出这个 Word 文件"),
])
def test_the_command_refuses_a_source_it_cannot_read_naming_it(name: str, content: bytes, reason: str,
                                                               tmp_path: Path) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "draft.yml"
    result = subprocess.run([sys.executable, "-m", "disclosures.importer", str(source), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.startswith(f"{source}：") and reason in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unrecognised_part_of_the_closing_paragraph_is_reported() -> None:
    found = channels("欢迎监督。公开期限:2025年1月2日至1月9日。联系电话:12309;微信公众号:某某检察。")
    assert found.invitation == "欢迎监督。"
    assert found.phone == "12309" and found.window == (dt.date(2025, 1, 2), dt.date(2025, 1, 9))
    assert found.leftover == "微信公众号某某检察"


# --- labels -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "level", "number", "rest"), [
    ("一、总体情况", Level.PART, 1, "总体情况"),
    ("十二、其他", Level.PART, 12, "其他"),
    ("(一)提高站位", Level.SECTION, 1, "提高站位"),
    ("（十一）提高站位", Level.SECTION, 11, "提高站位"),
    ("1.学习", Level.THEME, 1, "学习"),
    ("18．学习", Level.THEME, 18, "学习"),
    ("2、学习", Level.THEME, 2, "学习"),
    ("(45)问题", Level.PROBLEM, 45, "问题"),
    ("（1）问题", Level.PROBLEM, 1, "问题"),
    ("一是制定方案。", Level.MEASURE, 1, "制定方案。"),
    ("二十是制定方案。", Level.MEASURE, 20, "制定方案。"),
])
def test_labels_full_and_half_width(text: str, level: Level, number: int, rest: str) -> None:
    label = label_of(text)
    assert label is not None and (label.level, label.number, label.rest) == (level, number, rest)


@pytest.mark.parametrize("text", ["2024年8月,召开会议。", "1.5亿元资金到位。", "一是否到位尚待核实。", "一般问题已整改。"])
def test_text_that_only_looks_numbered(text: str) -> None:
    assert label_of(text) is None


def test_run_in_lead_ends_at_the_first_full_stop_outside_quotes() -> None:
    assert split_lead("落实“第一议题。”制度。集中整改期间。") == ("落实“第一议题。”制度。", "集中整改期间。")
    assert split_lead("学深悟透,推动落实") == ("学深悟透,推动落实", "")
    assert split_lead("只有一句。") == ("只有一句。", "")
