"""Overview, key figures, chart and glossary marking, checked on the pure core without building a site."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import REAL_ID, ROOT
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from disclosures.core import records as r
from disclosures.core.errors import DataInvalid
from disclosures.core.typography import to_fullwidth
from disclosures.load.figures import paragraphs_of, stated_in
from disclosures.load.glossary import read_glossary
from disclosures.load.project import load_project
from disclosures.model.chart import SVG_NS, Bar, bar_chart
from disclosures.model.overview import Overview, overview_of
from disclosures.model.terms import FirstUse, mark_terms
from disclosures.model.view import notice_view
from disclosures.numbering.numbered import numbered_body

NOW = dt.datetime(2025, 4, 28, tzinfo=dt.timezone(dt.timedelta(hours=8)))
REAL_FILE = ROOT / "data" / "disclosures" / f"{REAL_ID}.yml"


def overview_from(notice: r.Notice) -> Overview | None:
    return overview_of(numbered_body(notice).parts, notice.figures)


def raw_real() -> dict:
    return yaml.safe_load(REAL_FILE.read_text(encoding="utf-8"))


def real_notice() -> r.Notice:
    return next(n for n in load_project(ROOT / "data").notices if n.id == REAL_ID)


# --- overview ----------------------------------------------------------------------------------


def test_overview_counts_match_the_data_file() -> None:
    raw = raw_real()
    overview = overview_from(real_notice())
    expected = []  # (anchor, themes, problems) counted straight from the YAML
    for i, part in enumerate(raw["parts"], start=1):
        for j, section in enumerate(part.get("sections", []), start=1):
            if section.get("themes"):
                expected.append((f"part-{i}-section-{j}", len(section["themes"]),
                                 sum(len(t["problems"]) for t in section["themes"])))
    assert [(c.anchor, c.themes, c.problems) for c in overview.categories] == expected
    assert [c.problems for c in overview.categories] == [18, 13, 10, 4]
    assert overview.problems == 45 and overview.themes == 18


def test_states_come_from_the_data_and_long_term_items_are_listed() -> None:
    overview = overview_from(real_notice())
    states = {p.anchor: (p.state, p.state_label) for p in overview.parts}
    assert states == {"part-2": ("rectified", "已整改"), "part-3": ("ongoing", "长期整改中")}
    part_two, part_three = overview.parts
    assert part_two.summary == "4类、18个方面、45个问题"
    assert [i.heading for i in part_three.items] == ["系统推进以案促改", "规范内部审计工作", "加强固定资产管理"]
    assert part_three.summary == "3项" and part_three.problems == 0


def test_a_part_holding_themes_directly_counts_as_one_category(fictional_data: Path) -> None:
    overview = overview_from(load_project(fictional_data).notices[0])
    assert [(c.label, c.problems) for c in overview.categories] == [("二、", 3)]
    assert overview.parts[0].state == "" and overview.chart_svg == ""  # one bar compares nothing


# --- figures -----------------------------------------------------------------------------------


def test_every_real_figure_stands_in_the_text_near_its_label() -> None:
    notice = real_notice()
    text = list(paragraphs_of(notice))
    assert len(notice.figures) >= 6
    wanted = {("办理各类案件", "17562", "件"), ("获评全国全省典型案例", "33", "个"),
              ("集体和个人获市级以上荣誉", "59", "个"), ("群众赠送锦旗和感谢信", "41", "面（封）")}
    assert wanted <= {(f.label, f.value, f.unit) for f in notice.figures}
    for figure in notice.figures:
        assert stated_in(figure, text), figure


@pytest.mark.parametrize("figure", [
    r.Figure("办理各类案件", "17563", "件"),  # a different number
    r.Figure("办理各类案件", "1756", "件"),  # part of a longer number
    r.Figure("办理各类案件", "17562", "人"),  # a different unit
    r.Figure("听取律师意见", "17562", "件"),  # a label from another paragraph
])
def test_a_figure_not_in_the_text_is_not_stated(figure: r.Figure) -> None:
    assert not stated_in(figure, list(paragraphs_of(real_notice())))


def _write_real_with(tmp_path: Path, change) -> Path:
    """A data/ folder holding the real notice after `change(raw)` edits its YAML."""
    data = tmp_path / "data"
    (data / "disclosures").mkdir(parents=True)
    (data / "site.yml").write_bytes((ROOT / "data" / "site.yml").read_bytes())
    raw = raw_real()
    change(raw)
    (data / "disclosures" / REAL_FILE.name).write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False),
                                                       encoding="utf-8")
    return data


def test_bad_figures_and_states_are_each_reported(tmp_path: Path) -> None:
    def change(raw: dict) -> None:
        raw["figures"][0]["value"] = 17563  # drifted from the text
        raw["figures"][1]["value"] = "33个"  # unit inside the value
        raw["figures"][2] = {"label": "入选中山改革典型案例", "value": 4}  # no unit
        raw["figures"][3]["colour"] = "red"
        raw["parts"][1]["state"] = "done"

    with pytest.raises(DataInvalid) as caught:
        load_project(_write_real_with(tmp_path, change))
    by_path = {e.path: e for e in caught.value.errors}
    assert set(by_path) == {"figures[0]", "figures[1].value", "figures[2].unit", "figures[3].colour",
                            "parts[1].state"}
    assert "17563件" in by_path["figures[0]"].expected and by_path["figures[0]"].line > 0
    assert "rectified" in by_path["parts[1].state"].expected and "done" in by_path["parts[1].state"].found
    assert all(e.file.endswith(REAL_FILE.name) for e in caught.value.errors)


# --- chart -------------------------------------------------------------------------------------


def test_chart_is_well_formed_svg_with_a_text_alternative_naming_every_value() -> None:
    svg = ET.fromstring(overview_from(real_notice()).chart_svg)
    assert svg.tag == f"{{{SVG_NS}}}svg" and svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    found = {el.get("id"): el for el in svg.iter() if el.get("id")}
    assert [found[i].tag for i in ids] == [f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc"]
    desc = found[ids[1]].text
    for label, count in [("（一）", 18), ("（二）", 13), ("（三）", 10), ("（四）", 4)]:
        assert f"{label}" in desc and f"{count}个问题" in desc
    bars = [float(rect.get("width")) for rect in svg.iter(f"{{{SVG_NS}}}rect")]
    assert len(bars) == 4 and bars == sorted(bars, reverse=True)  # 18 > 13 > 10 > 4


def test_chart_escapes_text_from_data() -> None:
    markup = bar_chart([Bar("<script>&", 2, "2个"), Bar("a\"b'", 1, "1个")], "T<", "D&", "c")
    svg = ET.fromstring(markup)
    assert "<script>" not in markup
    assert [t.text for t in svg.iter(f"{{{SVG_NS}}}text")][0] == "<script>&"


# --- glossary ----------------------------------------------------------------------------------


def test_real_glossary_has_the_issue_terms_with_short_explanations() -> None:
    entries, errors = read_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml")
    assert errors == []
    terms = {e.term for e in entries}
    assert {"第一议题", "三会一课", "一岗双责", "两个确立", "两个维护", "两项监督", "认罪认罚从宽",
            "羁押必要性审查", "一号检察建议", "防止干预司法“三个规定”"} <= terms
    for e in entries:
        assert 10 <= len(e.explanation) <= 160, e.term
        assert to_fullwidth(e.explanation) == e.explanation, e.term  # full-width punctuation as typed


def test_glossary_mistakes_are_each_reported(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text("- term: 甲\n  explanation: 说明甲。\n- term: 乙\n- term: 丙\n  explanation: 说明丙。\n"
                    "  aliases: [甲]\n- 丁\n- {term: 戊, explanation: 说明, note: x}\n", encoding="utf-8")
    entries, errors = read_glossary(path, "data/glossary.yml")
    assert [e.term for e in entries] == ["甲", "丙", "戊"]
    assert sorted((e.line, e.path) for e in errors) == [(3, "[1].explanation"), (4, "[2]"), (7, "[3]"),
                                                        (8, "[4].note")]
    path.write_text("term: 甲\nexplanation: 说明。\n", encoding="utf-8")
    _, errors = read_glossary(path, "data/glossary.yml")
    assert len(errors) == 1 and "列表" in errors[0].expected


def test_first_use_marks_each_term_once_and_keeps_the_text() -> None:
    entries = (r.GlossaryEntry("三个规定", "短。"), r.GlossaryEntry("防止干预司法“三个规定”", "长。"),
               r.GlossaryEntry("侦查监督与协作配合办公室", "机构。", ("侦协办",)))
    marker = FirstUse(entries, "../../glossary/")
    first = marker.split("执行防止干预司法“三个规定”，研究侦协办工作。")
    assert "".join(s.text for s in first) == "执行防止干预司法“三个规定”，研究侦协办工作。"
    assert [(s.text, s.term) for s in first if s.term] == [("防止干预司法“三个规定”", "防止干预司法“三个规定”"),
                                                          ("侦协办", "侦查监督与协作配合办公室")]
    assert marker.split("再谈侦协办和防止干预司法“三个规定”。") == ()  # already explained on this page
    assert [(s.text, s.term) for s in marker.split("三个规定") if s.term] == [("三个规定", "三个规定")]
    assert [n.id for n in marker.notes] == ["term-tip-1", "term-tip-2", "term-tip-3"]
    assert first[1].href.startswith("../../glossary/#term-")


def _reference_split(forms: list[tuple[str, str]], done: set[str], text: str) -> list[tuple[str, str]]:
    """The marking as it was written before (quadratic, obviously right): the earliest use of any form,
    the longest at one place, each term once; [(text, term)] with "" for plain text."""
    out, position, cut = [], 0, 0
    while True:
        found = [(text.find(form, position), -len(form), form, term) for form, term in forms
                 if text.find(form, position) >= 0]
        if not found:
            break
        at, _, form, term = min(found)
        position = at + len(form)
        if term in done:
            continue
        done.add(term)
        out += [(text[cut:at], "")] if at > cut else []
        out.append((form, term))
        cut = position
    return out + [(text[cut:], "")] if out and cut < len(text) else out


@given(texts=st.lists(st.text(st.sampled_from("甲乙丙丁规定三个侦协办，。"), max_size=40), min_size=1, max_size=4))
def test_first_use_in_one_pass_marks_what_the_rescanning_one_did(texts: list[str]) -> None:
    entries = (r.GlossaryEntry("三个规定", "短。"), r.GlossaryEntry("甲乙", "甲。", ("甲",)),
               r.GlossaryEntry("乙丙丁", "乙。", ("丙丁",)), r.GlossaryEntry("侦协办", "侦。"))
    marker = FirstUse(entries, "g/")
    forms = [(form, e.term) for e in entries for form in (e.term, *e.aliases)]
    done: set[str] = set()
    for text in texts:
        assert [(s.text, s.term or "") for s in marker.split(text)] == _reference_split(forms, done, text)


def test_real_notice_marks_the_first_body_use_of_each_term_in_reading_order() -> None:
    project = load_project(ROOT / "data")
    notice = real_notice()
    view = mark_terms(notice_view(notice, project.site, NOW), project.glossary)
    paras = [p for p in view.preamble]
    for part in view.parts:
        paras += list(part.paragraphs)
        for s in part.sections:
            paras += ([s.run_in] if s.run_in else []) + list(s.paragraphs)
            paras += [m for t in s.themes for pr in t.problems for m in pr.measures] + list(s.measures)
        paras += [m for t in part.themes for pr in t.problems for m in pr.measures] + list(part.closing)
    marked = [s.term for p in paras for s in p.lead_parts + p.text_parts if s.term]
    assert marked == [n.term for n in view.term_notes] and len(marked) == len(set(marked))
    assert marked[:3] == ["巡察", "两个确立", "两个维护"]  # the preamble, then part 一 before part 二
    assert {"第一议题", "三会一课", "两项监督", "认罪认罚从宽", "羁押必要性审查", "一号检察建议",
            "防止干预司法“三个规定”"} <= set(marked)
    for p in paras:  # marking never changes the text
        if p.text_parts:
            assert "".join(s.text for s in p.text_parts) == p.text
        if p.lead_parts:
            assert "".join(s.text for s in p.lead_parts) == p.lead


# Text as notices hold it: Han, full-width and half-width punctuation and digits, white space of every kind,
# and characters NFKC changes in other ways (circled numbers, a compatibility ideograph, combining marks).
_NOTICE_CHARACTERS = st.text(st.one_of(
    st.sampled_from([*"面封件个元万（）：；，。、．％＋－０１９ 　\t\n\u00a0①⑴㈠㎡ﬁ豈=＝é", chr(0x0301), chr(0x0338)]),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFF), st.characters(min_codepoint=0xFE00, max_codepoint=0xFFEF)),
    max_size=40)


@fuzz_settings()
@given(_NOTICE_CHARACTERS)
def test_a_figure_is_compared_on_the_text_as_nfkc_writes_it_without_white_space(text: str) -> None:
    import re
    import unicodedata

    from disclosures.load.figures import _normal
    assert _normal(text) == re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
