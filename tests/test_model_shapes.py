"""Shapes published notices of other bodies take: problems directly under a category, （一） as the top
level, 巡视 as well as 巡察, numbers kept where the source skips one, and placeholders never published."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import ROOT

from disclosures.cli import check
from disclosures.core.records import Notice
from disclosures.load.fieldreader import Fields, Reader
from disclosures.load.project import read_notice
from disclosures.load.validate import SITE_KEYS, site
from disclosures.load.yamlload import load_yaml
from disclosures.model.view import notice_view
from disclosures.outputs.opendata import notice_document

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))

HEAD = """\
id: {id}
title: 中共青禾县人民医院委员会关于巡察整改进展情况的通报
published: 2025-05-20
issuer: {{name: 中共青禾县人民医院委员会, short_name: 县医院党委}}
signature: {{name: 中共青禾县人民医院委员会, date: 2025-05-20}}
"""

CATEGORY_PROBLEMS = HEAD + """\
{numbering}
parts:
  - heading: 巡察反馈问题整改情况
    sections:
      - heading: 关于医疗服务方面
        problems:
          - heading: 门诊挂号等候时间偏长。
            lead_in: 整改落实情况：
            measures:
              - 开通分时段预约。
              - 增设自助挂号机8台。
          - heading: 住院结算窗口设置不足。
            lead_in: 整改情况：
            measures: [延长窗口服务时间至晚上8点。]
      - heading: 关于内部管理方面
        problems:
          - heading: 药品采购审批不严。
            measures: [修订采购审批办法。]
"""


def _notice(tmp_path: Path, text: str, name: str = "") -> tuple[Notice | None, list[str]]:
    """Read a notice from a file named after its id (the id must equal the file name)."""
    name = name or re.search(r"^id: (\S+)$", text, re.MULTILINE).group(1) + ".yml"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    notice, errors, _ = read_notice(path, name)
    return notice, [str(e) for e in errors]


def _site() -> object:
    loaded = load_yaml(ROOT / "data" / "site.yml", "site.yml")
    return site(Fields(Reader("site.yml"), loaded.node, "", SITE_KEYS))


@pytest.mark.parametrize(("numbering", "labels"), [
    ("", ["1.", "2.", "3."]),  # the default runs on through the notice
    ("section_problems: restart", ["1.", "2.", "1."]),
])
def test_problems_directly_under_a_category_run_on_or_restart(tmp_path: Path, numbering: str,
                                                               labels: list[str]) -> None:
    notice, errors = _notice(tmp_path, CATEGORY_PROBLEMS.format(id="hospital", numbering=numbering))
    assert errors == [] and notice is not None
    view = notice_view(notice, _site(), NOW)
    problems = [p for s in view.parts[0].sections for p in s.problems]
    assert [p.label for p in problems] == labels
    assert [p.anchor for p in problems][:2] == ["part-1-section-1-problem-1", "part-1-section-1-problem-2"]
    assert view.problem_count == 3 and view.theme_count == 0
    first = problems[0]
    assert first.lead_in == "整改落实情况：" and [m.label for m in first.measures] == ["一是", "二是"]
    assert [m.label for m in problems[1].measures] == [""]  # one measure after a lead-in: no lone 一是
    assert view.overview is not None and view.overview.problems == 3
    assert view.overview.parts[0].summary == "2类、3个问题"
    document = notice_document(notice, view, _site())
    assert document["parts"][0]["sections"][0]["problems"][0]["lead_in"] == "整改落实情况："


def test_a_bad_section_problem_numbering_and_a_lead_in_without_colon_are_refused(tmp_path: Path) -> None:
    text = CATEGORY_PROBLEMS.format(id="hospital", numbering="section_problems: again").replace(
        "lead_in: 整改情况：", "lead_in: 整改情况")
    _, errors = _notice(tmp_path, text)
    assert len(errors) == 2
    assert any("字段 section_problems：应为continue（全文连续编号）或 restart" in e for e in errors)
    assert any("problems[1].lead_in）：应为以冒号结尾的引语" in e for e in errors)


TOP_LEVEL_SECTIONS = HEAD + """\
preamble: [根据县委统一部署，县委第一巡察组对县医院党委开展了巡察。]
parts:
  - sections:
      - heading: 党的领导方面
        problems:
          - heading: 理论学习不够系统。
            measures: [制定年度学习计划。]
      - heading: 作风建设方面
        problems:
          - heading: 会议偏多。
            measures: [精简会议。]
"""


def test_a_notice_whose_top_level_is_a_section_shows_no_part_heading(tmp_path: Path) -> None:
    notice, errors = _notice(tmp_path, TOP_LEVEL_SECTIONS.format(id="top"))
    assert errors == [] and notice is not None
    view = notice_view(notice, _site(), NOW)
    part = view.parts[0]
    assert (part.label, part.heading) == ("", "")
    assert [(s.label, s.level) for s in part.sections] == [("（一）", 2), ("（二）", 2)]
    assert [t["level"] for t in view.toc if t["id"] != "overview"] == [2, 2]
    # Two parts must each have their heading.
    two = TOP_LEVEL_SECTIONS.format(id="top") + "  - heading: 下一步打算\n    paragraphs: [继续整改。]\n"
    _, errors = _notice(tmp_path, two)
    assert len(errors) == 1 and "（parts[0].heading）：应为非空的 heading" in errors[0]


@pytest.mark.parametrize(("body", "kind", "labels"), [
    ("省委第三巡视组", "巡视", ("巡视组", "巡视时间")),
    ("市委第二巡察组", "巡察", ("巡察组", "巡察时间")),
])
def test_the_inspection_kind_follows_the_body(tmp_path: Path, body: str, kind: str, labels: tuple[str, str]) -> None:
    text = TOP_LEVEL_SECTIONS.format(id="kind") + f"inspection: {{body: {body}, start: 2024-03-01, end: 2024-05-01}}\n"
    notice, errors = _notice(tmp_path, text)
    assert errors == [] and notice is not None and notice.inspection is not None
    assert notice.inspection.kind == kind
    view = notice_view(notice, _site(), NOW)
    facts = {f.label: f.value for f in view.facts}
    assert facts[labels[0]] == body and labels[1] in facts
    assert "反馈时间" not in facts  # not stated, not shown, never invented
    ins = notice_document(notice, view, _site())["inspection"]
    assert (ins["kind"], ins["feedback"]) == (kind, None)


def test_a_stated_kind_that_contradicts_the_body_is_refused(tmp_path: Path) -> None:
    text = TOP_LEVEL_SECTIONS.format(id="kind") + "inspection: {body: 省委第三巡视组, kind: 巡察}\n"
    _, errors = _notice(tmp_path, text)
    assert len(errors) == 1 and "inspection.kind：应为与 body 一致的 巡视，实际为“巡察”" in errors[0]


SKIPPED = HEAD + """\
parts:
  - heading: 整改情况
    sections:
      - heading: 组织建设
        paragraphs: [已完成。]
      - heading: 队伍建设
        number: {number}
        paragraphs: [已完成。]
      - heading: 制度建设
        paragraphs: [已完成。]
"""


def test_a_number_kept_from_the_source_is_shown_and_the_next_items_count_on(tmp_path: Path) -> None:
    notice, errors = _notice(tmp_path, SKIPPED.format(id="gap", number=3))
    assert errors == [] and notice is not None
    sections = notice_view(notice, _site(), NOW).parts[0].sections
    assert [(s.label, s.anchor) for s in sections] == [
        ("（一）", "part-1-section-1"), ("（三）", "part-1-section-3"), ("（四）", "part-1-section-4")]


@pytest.mark.parametrize("number", [1, 2])
def test_a_kept_number_that_repeats_or_goes_back_is_refused(tmp_path: Path, number: int) -> None:
    _, errors = _notice(tmp_path, SKIPPED.format(id="gap", number=number))
    assert len(errors) == 1
    assert "gap.yml:12:17 字段 一、 （二） 的原文编号（parts[0].sections[1].number）：应为大于按顺序生成的编号 （二）" \
        in errors[0]


def test_check_lists_kept_numbers_as_deliberate_exceptions(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "disclosures").mkdir(parents=True)
    (data / "site.yml").write_text((ROOT / "data" / "site.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "disclosures" / "gap.yml").write_text(SKIPPED.format(id="gap", number=3), encoding="utf-8")
    ok, text = check(data)
    assert ok
    # Right after the OK line, before the publication summary that ends every check.
    assert text.splitlines()[1:3] == [
        "有意保留的原文编号（与按顺序生成的编号不同）：1 处",
        "  - data/disclosures/gap.yml:11:9 字段 一、 （三） 的原文编号（parts[0].sections[1].number）："
        "显示原文编号 （三），按顺序应为 （二）"]
    assert text.splitlines()[3].startswith("1 篇公开")


@pytest.mark.parametrize(("old", "new", "field"), [
    ("title: 中共青禾县人民医院委员会关于巡察整改进展情况的通报", "title: （请填写标题）", "title"),
    ("heading: 整改情况", "heading: (请填写标题)", "parts[0].heading"),
    ("[已完成。]\n      - heading: 队伍建设", "[（请填写正文）]\n      - heading: 队伍建设", "parts[0].sections[0].paragraphs[0]"),
])
def test_an_importer_placeholder_is_refused_wherever_it_stands(tmp_path: Path, old: str, new: str, field: str) -> None:
    text = SKIPPED.format(id="gap", number=3)
    assert text.count(old) == 1
    _, errors = _notice(tmp_path, text.replace(old, new))
    assert len(errors) == 1 and re.search(rf"(字段 |（){re.escape(field)}）?：应为已填写的内容，实际为占位文字", errors[0])


def test_a_placeholder_date_is_refused_with_the_reason(tmp_path: Path) -> None:
    text = SKIPPED.format(id="gap", number=3).replace("published: 2025-05-20", "published: （请填写发布日期）")
    _, errors = _notice(tmp_path, text)
    assert len(errors) == 1 and "字段 published：应为日期" in errors[0] and "原文没有写明这一项" in errors[0]


def test_problems_directly_under_a_category_are_search_results_of_their_own(tmp_path: Path) -> None:
    """Each such problem gets its own keyword line at its own anchor (searchmarks.py), rendered after its
    heading inside the indexed notice, so Pagefind makes it a result that leads to that anchor."""
    import dataclasses

    from disclosures.core.records import SearchTerms
    from disclosures.model.searchmarks import notice_search
    from disclosures.pages.render import render_notice, template_env

    notice, errors = _notice(tmp_path, CATEGORY_PROBLEMS.format(id="hospital", numbering="section_problems: restart"))
    assert errors == [] and notice is not None
    view = notice_view(notice, _site(), NOW)
    view = dataclasses.replace(view, search=notice_search(notice, view, SearchTerms((), ())))
    keys = view.search.keywords
    assert "挂号" in keys["part-1-section-1-problem-1"].split() and "结算" in keys["part-1-section-1-problem-2"].split()
    assert "采购" in keys["part-1-section-2-problem-1"].split() and "采购" not in keys["part-1-section-1-problem-1"]
    page = render_notice(template_env(ROOT / "overrides"), view, feedback_page="../../feedback/")
    assert 'data-pagefind-body' in page
    for anchor in ("part-1-section-1-problem-1", "part-1-section-2-problem-1"):
        heading = re.search(rf'<h\d id="{anchor}">.*?</h\d>(<span class="dsc-search-keys" hidden>⟦[^⟧]*⟧</span>)', page)
        assert heading is not None, anchor
