"""The numbered structure derived from data, checked without building a site."""

import copy
import dataclasses
import datetime as dt
from pathlib import Path

from conftest import ROOT

from disclosures.core.urls import relative_url
from disclosures.load.project import load_project
from disclosures.model.view import notice_view

NOW = dt.datetime(2025, 4, 28, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def real_view():
    project = load_project(ROOT / "data")
    return project, notice_view(project.notices[0], project.site, NOW)


def problems_of(view):
    return [p for part in view.parts for s in part.sections for t in s.themes for p in t.problems] + \
        [p for part in view.parts for t in part.themes for p in t.problems]


def test_real_notice_has_4_parts_4_categories_18_themes_45_problems() -> None:
    _, view = real_view()
    assert [p.label for p in view.parts] == ["一、", "二、", "三、", "四、"]
    categories = [s for s in view.parts[1].sections if s.themes]
    assert [s.label for s in categories] == ["（一）", "（二）", "（三）", "（四）"]
    themes = [t for s in categories for t in s.themes]
    assert [t.label for t in themes] == [f"{n}." for n in range(1, 19)]
    problems = problems_of(view)
    assert [p.label for p in problems] == [f"（{n}）" for n in range(1, 46)]
    assert [p.anchor for p in problems] == [f"problem-{n}" for n in range(1, 46)]
    assert view.problem_count == 45 and view.theme_count == 18


def test_measures_restart_in_each_problem_and_keep_run_in_leads() -> None:
    _, view = real_view()
    first, second = problems_of(view)[:2]
    assert [m.label for m in first.measures] == ["一是", "二是", "三是"]
    assert [m.label for m in second.measures] == ["一是", "二是"]
    assert first.measures[0].lead == "狠抓“第一议题”制度落实。"
    assert first.measures[0].text.startswith("集中整改期间")


def test_part_one_sections_are_run_in_and_part_three_has_standalone_headings() -> None:
    _, view = real_view()
    part_one, _, part_three, part_four = view.parts
    assert all(s.run_in and not s.heading for s in part_one.sections)
    assert part_one.sections[0].run_in.lead == "提高政治站位，牢牢把握巡察整改政治方向。"
    assert [s.heading for s in part_three.sections] == ["系统推进以案促改", "规范内部审计工作", "加强固定资产管理"]
    assert len(part_three.sections[2].measures) == 5
    assert len(part_four.sections) == 4 and part_one.closing[0].text.startswith("巡察整改直接推动了")


def test_moving_a_problem_renumbers_the_ones_after_it() -> None:
    project, _ = real_view()
    notice = project.notices[0]
    part = notice.parts[1]
    cat = part.sections[0]
    theme1, theme2 = cat.themes[0], cat.themes[1]
    # Move problem (1) to the end of theme 2: old (2) becomes (1), old (3) (theme 2's first) becomes (2).
    moved = theme1.problems[0]
    new_cat = dataclasses.replace(cat, themes=(
        dataclasses.replace(theme1, problems=theme1.problems[1:]),
        dataclasses.replace(theme2, problems=theme2.problems + (moved,)),
    ) + cat.themes[2:])
    new_part = dataclasses.replace(part, sections=(new_cat,) + part.sections[1:])
    changed = dataclasses.replace(notice, parts=(notice.parts[0], new_part) + notice.parts[2:])
    view = notice_view(changed, project.site, NOW)
    headings = [(p.label, p.heading) for p in problems_of(view)]
    assert headings[0] == ("（1）", theme1.problems[1].heading)
    assert headings[1] == ("（2）", theme2.problems[0].heading)
    assert headings[2] == ("（3）", moved.heading)
    assert headings[3][0] == "（4）" and len(headings) == 45


def test_fictional_part_without_categories(fictional_data: Path) -> None:
    project = load_project(fictional_data)
    view = notice_view(project.notices[0], project.site, NOW)
    assert view.window is None
    part = view.parts[1]
    assert not part.sections and [t.label for t in part.themes] == ["1.", "2."]
    assert [t.level for t in part.themes] == [3, 3]  # no skipped heading level under an h2
    assert [p.level for t in part.themes for p in t.problems] == [4, 4, 4]
    assert [len(p.measures) for t in part.themes for p in t.problems] == [2, 1, 1]
    assert view.contact.phone == "010-87654321"  # the notice's own contact, not the site default


def test_relative_urls() -> None:
    assert relative_url("", "disclosures/a/") == "disclosures/a/"
    assert relative_url("disclosures/a/", "") == "../../"
    assert relative_url("disclosures/a/", "feedback/") == "../../feedback/"
    assert relative_url("feedback/", "feedback/") == "./"
    assert relative_url("subscribe/", "feed.xml") == "../feed.xml"
    assert relative_url("disclosures/a/", "data/notices/a.json") == "../../data/notices/a.json"
