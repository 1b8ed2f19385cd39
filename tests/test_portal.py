"""Units, rounds and the 政务公开 metadata block without building: validation, grouping, pagination, views."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT
from test_validation import VALID, data_dir, messages

from disclosures.core import urls
from disclosures.core.timewindow import reference_time
from disclosures.load.portal import Directory, derived_id
from disclosures.load.project import load_project
from disclosures.model.view import notice_view
from disclosures.pages import lists
from disclosures.pages.feedback import feedback_pages
from disclosures.pages.render import render_feedback, template_env

NAME = "data/disclosures/example-2025-03-10.yml"

META = """\
metadata:
  index: 11441700007280420Y/2025-00031
  publisher: 示例县纪委监委
  document_number: 示纪发〔2025〕7号
  topic: 巡察整改
"""


def notice(number: int, issuer: str = "示例局党组", round_name: str = "", index: str = "",
           published: str = "2025-03-10", body: str = "县委第一巡察组") -> str:
    text = VALID.replace("id: example-2025-03-10", f"id: example-{number}")
    text = text.replace("title: 示例通报", f"title: 示例通报（{number}）")  # two notices, not one saved twice
    text = text.replace("published: 2025-03-10", f"published: {published}")
    text = text.replace("issuer:\n  name: 示例局党组", f"issuer:\n  name: {issuer}")
    if round_name:
        text += (f"inspection: {{body: {body}, round: {round_name}, start: 2024-09-02, end: 2024-10-31, "
                 "feedback: 2024-11-20}\n")
    if index:
        text += f"metadata: {{index: {index}}}\n"
    return text


# --- the metadata block ---------------------------------------------------------------------------

def test_metadata_is_optional_and_read_when_given(tmp_path: Path) -> None:
    project = load_project(data_dir(tmp_path, {"example-2025-03-10.yml": VALID + META, "example-2.yml": notice(2)}))
    meta = {n.id: n.metadata for n in project.notices}
    assert meta["example-2"] is None
    assert meta["example-2025-03-10"].index == "11441700007280420Y/2025-00031"
    assert meta["example-2025-03-10"].document_number == "示纪发〔2025〕7号"


@pytest.mark.parametrize("index", ["11441700007280420Y-2025-00031", "11441700007280420y/2025-00031",
                                   "1144170000728042/2025-00031", "11441700007280420Y/25-00031",
                                   "11441700007280420Y/2025-31", "11441700007280420Y/2025-00031/1"])
def test_a_malformed_index_number_is_refused(tmp_path: Path, index: str) -> None:
    found = messages(data_dir(tmp_path, {"example-2025-03-10.yml": VALID + f"metadata: {{index: '{index}'}}\n"}))
    assert len(found) == 1
    assert found[0].startswith(f"{NAME}:14:") and "字段 metadata.index：应为索引号" in found[0]
    assert "11441700007280420Y/2021-00050" in found[0]  # the expected form, by example


def test_the_index_number_is_required_in_the_block_and_keys_are_checked(tmp_path: Path) -> None:
    found = messages(data_dir(tmp_path, {"example-2025-03-10.yml": VALID + "metadata: {topic: 巡察整改, topics: x}\n"}))
    assert any("metadata.index：应为非空文本，实际为缺少该字段" in m for m in found)
    assert any("metadata.topics：应为已知的键" in m for m in found)


def test_nine_character_organisation_codes_are_accepted(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {"example-1.yml": notice(1, index="00728042-0/2021-00050"),
                               "example-2.yml": notice(2, index="007280420/2021-00051")})
    assert len(load_project(data).notices) == 2


def test_a_duplicate_index_number_is_refused_naming_both_files(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {"example-1.yml": notice(1, index="11441700007280420Y/2025-00031"),
                               "example-2.yml": notice(2, index="11441700007280420Y/2025-00031"),
                               "example-3.yml": notice(3, index="11441700007280420Y/2025-00032")})
    assert messages(data) == [
        "data/disclosures/example-2.yml:14:19 字段 metadata.index：应为全站唯一的索引号，实际为“11441700007280420Y/2025-00031”，"
        "与 data/disclosures/example-1.yml 第14行重复。每篇通报的索引号必须不同，请核对序号。"]


def test_metadata_view_facts_come_first_with_the_signature_date(tmp_path: Path) -> None:
    text = VALID.replace("  date: 2025-03-10", "  date: 2025-03-07") + META
    project = load_project(data_dir(tmp_path, {"example-2025-03-10.yml": text}))
    view = notice_view(project.notices[0], project.site, reference_time({"DISCLOSURE_NOW": "2025-03-20"}))
    facts = [(f.label, f.value) for f in view.facts]
    assert facts[:5] == [("索引号", "11441700007280420Y/2025-00031"), ("主题分类", "巡察整改"),
                         ("发布机构", "示例县纪委监委"), ("成文日期", "2025年3月7日"), ("发文字号", "示纪发〔2025〕7号")]
    assert ("发布日期", "2025年3月10日") in facts
    assert dict(view.metadata) == {"index": "11441700007280420Y/2025-00031", "publisher": "示例县纪委监委",
                                   "written": "2025-03-07", "published": "2025-03-10",
                                   "document_number": "示纪发〔2025〕7号", "topic": "巡察整改"}


# --- registries -------------------------------------------------------------------------------------

def test_registry_mistakes_are_reported_with_line_and_field(tmp_path: Path) -> None:
    data = data_dir(tmp_path, {"example-2025-03-10.yml": VALID})
    (data / "units.yml").write_text("- {id: finance, name: 示例县财政局党组}\n- {id: Finance, name: 示例县财政局党组}\n"
                                    "- {id: page, name: 示例县审计局党组}\n- {id: finance, name: 示例县水务局党组}\n",
                                    encoding="utf-8")
    (data / "rounds.yml").write_text("- {id: r1, name: 第一轮, start: 2024-10-01, end: 2024-09-01}\n",
                                     encoding="utf-8")
    found = messages(data)
    assert any(m.startswith("data/units.yml:2:") and "[1].id：应为由小写字母" in m for m in found)
    assert any(m.startswith("data/units.yml:2:") and "[1].name：应为在本文件中只出现一次的值" in m for m in found)
    assert any(m.startswith("data/units.yml:3:") and "保留字“page”" in m for m in found)
    assert any(m.startswith("data/units.yml:4:") and "“finance”（第1行已有）" in m for m in found)
    assert any(m.startswith("data/rounds.yml:1:") and "[0].end：应为不早于开始日期 2024-10-01" in m for m in found)


def test_units_and_rounds_are_derived_from_names_without_registries() -> None:
    directory = Directory((), ())
    assert directory.unit_of("示例县财政局党组") == (derived_id("u", "示例县财政局党组"), "示例县财政局党组")
    assert derived_id("u", "示例县财政局党组") == derived_id("u", "示例县财政局党组")  # stable
    assert derived_id("u", "示例县财政局党组") != derived_id("u", "示例县审计局党组")


def _portal(tmp_path: Path, files: dict[str, str], registry: dict[str, str] | None = None) -> lists.Portal:
    data = data_dir(tmp_path, files)
    for name, text in (registry or {}).items():
        (data / name).write_text(text, encoding="utf-8")
    project = load_project(data)
    now = reference_time({"DISCLOSURE_NOW": "2025-12-31"})
    pairs = sorted(((n, notice_view(n, project.site, now)) for n in project.notices),
                   key=lambda p: (p[0].published, p[0].id), reverse=True)
    return lists.portal_of(pairs, Directory(project.units, project.rounds))


def test_a_renamed_unit_keeps_one_history_and_a_round_counts_its_declared_units(tmp_path: Path) -> None:
    files = {"example-1.yml": notice(1, "示例县水利局党组", "第一轮", published="2024-03-01"),
             "example-2.yml": notice(2, "示例县水务局党组", "第二轮", published="2024-09-01"),
             "example-3.yml": notice(3, "示例县审计局党组", "第一轮", published="2024-03-05")}
    registry = {"units.yml": "- {id: water, name: 示例县水务局党组, aliases: [示例县水利局党组]}\n",
                "rounds.yml": "- {id: first, name: 第一轮, units: [water, 示例县审计局党组, 示例县统计局党组]}\n"}
    portal = _portal(tmp_path, files, registry)
    units = {g.id: [n.id for n, _ in g.notices] for g in portal.units}
    assert units["water"] == ["example-2", "example-1"]
    assert units[derived_id("u", "示例县审计局党组")] == ["example-3"]
    first = next(g for g in portal.rounds if g.id == "first")
    page = next(p for p in lists.list_pages(portal) if p.url == "rounds/first/")
    assert "已公开 2 / 3 个单位" in page.lines
    assert [(g.label, g.note) for g in page.groups] == [("示例县水务局党组", ""), ("示例县审计局党组", ""),
                                                        ("示例县统计局党组", "尚未公开")]
    assert [e.id for e in page.entries] == [n.id for n, _ in first.notices] == ["example-3", "example-1"]
    second = next(g for g in portal.rounds if g.name == "第二轮")
    assert second.id == derived_id("r", "第二轮")


def test_a_portal_of_巡视_notices_says_巡视_and_a_mixed_one_says_both(tmp_path: Path) -> None:
    from disclosures.pages.nav import nav
    from disclosures.pages.searchpage import search_page

    tour = {f"example-{i}.yml": notice(i, f"省{unit}厅党组", f"省委第{i % 2 + 1}轮巡视", body="省委第二巡视组",
                                       published=f"2025-0{i}-10") for i, unit in enumerate("财教农水林商", start=1)}
    portal = _portal(tmp_path / "tour", tour)
    assert portal.active and portal.kind == "巡视"
    pages = {p.url: p for p in lists.list_pages(portal)}
    assert pages["rounds/"].title == "巡视专题"
    round_page = next(p for url, p in pages.items() if url.startswith("rounds/") and url != "rounds/")
    assert round_page.lines[0] == "巡视时间：2024年9月2日至10月31日" and round_page.groups_title == "本轮巡视单位"
    assert "巡视专题" in [label for item in nav([v for _, v in portal.notices], False, portal) for label in item]
    assert [link.label for link in lists.home_of(portal).browse][2] == "巡视专题"
    assert search_page([v for _, v in portal.notices], True, True, portal.kind).round_label == "巡视轮次"
    feedback = feedback_pages(load_project(tmp_path / "tour" / "data").site, list(portal.notices), portal=True)
    assert "巡视专题" in [label for page in feedback for label, _ in page.others]
    mixed = _portal(tmp_path / "mixed", {**tour, "example-7.yml": notice(7, "县财政局党组", "县委第一轮巡察")})
    assert mixed.kind == "巡视巡察"
    assert next(p for p in lists.list_pages(mixed) if p.url == "rounds/").title == "巡视巡察专题"
    plain = _portal(tmp_path / "plain", {"example-1.yml": notice(1, "甲党组"), "example-2.yml": notice(2, "乙党组")})
    assert plain.kind == "巡察"  # no inspection named: the default kind


def test_a_round_whose_notices_leave_out_the_inspection_period_builds_its_page(tmp_path: Path) -> None:
    """A real notice may not state when the inspection ran: its round page shows the span of the others, or none."""
    undated = notice(1, "甲党组", "第一轮").replace("start: 2024-09-02, end: 2024-10-31, ", "")
    portal = _portal(tmp_path / "one", {"example-1.yml": undated, "example-2.yml": notice(2, "乙党组")})
    page = next(p for p in lists.list_pages(portal) if p.url.startswith("rounds/") and p.url != "rounds/")
    assert not any("巡察时间" in line for line in page.lines)
    both = _portal(tmp_path / "two", {"example-1.yml": undated, "example-2.yml": notice(2, "乙党组", "第一轮")})
    page = next(p for p in lists.list_pages(both) if p.url.startswith("rounds/") and p.url != "rounds/")
    assert "巡察时间：2024年9月2日至10月31日" in page.lines


def test_a_simple_site_has_no_lists_and_a_portal_has_every_kind(tmp_path: Path) -> None:
    simple = _portal(tmp_path / "s", {"example-1.yml": notice(1, round_name="第一轮"), "example-2.yml": notice(2, round_name="第一轮")})
    assert not simple.active and lists.list_pages(simple) == [] and not lists.home_of(simple).portal
    portal = _portal(tmp_path / "p", {"example-1.yml": notice(1, "甲党组"), "example-2.yml": notice(2, "乙党组", published="2024-05-01")})
    urls_made = {p.url for p in lists.list_pages(portal)}
    assert {"notices/", "units/", "rounds/", "years/", "years/2025/", "years/2024/"} <= urls_made
    assert {g.url for g in portal.units} <= urls_made


@pytest.mark.parametrize(("count", "sizes"), [(20, [20]), (21, [20, 1]), (41, [20, 20, 1])])
def test_the_all_notices_list_has_twenty_a_page_newest_first(tmp_path: Path, count: int, sizes: list[int]) -> None:
    files = {f"example-{i}.yml": notice(i, f"单位{i % 3}党组", published=(dt.date(2024, 1, 1) + dt.timedelta(days=i)).isoformat())
             for i in range(count)}
    portal = _portal(tmp_path, files)
    pages = [p for p in lists.list_pages(portal) if p.url.startswith("notices/")]
    assert [p.url for p in pages] == [urls.list_page_url("notices/", n) for n in range(1, len(sizes) + 1)]
    assert [len(p.entries) for p in pages] == sizes
    listed = [e.id for p in pages for e in p.entries]
    assert listed == [f"example-{i}" for i in reversed(range(count))]


def test_page_addresses_and_links_between_pages() -> None:
    assert urls.list_page_url("units/water/", 1) == "units/water/"
    assert urls.list_page_url("units/water/", 3) == "units/water/page/3/"
    pager = lists.pager("notices/", 2, 3)
    assert (pager.previous, pager.next) == ("../../", "../3/")
    assert [(p.label, p.href, p.current) for p in pager.pages] == [("1", "../../", False), ("2", "./", True),
                                                                    ("3", "../3/", False)]
    assert lists.pager("notices/", 1, 1) is None


@pytest.mark.parametrize("page, pages, shown", [
    (1, 3, "1 2 3"), (6, 11, "1 2 3 4 5 6 7 8 9 10 11"), (1, 12, "1 2 3 4 … 12"),
    (6, 50, "1 2 3 4 5 6 7 8 9 … 50"), (25, 50, "1 … 22 23 24 25 26 27 28 … 50"), (50, 50, "1 … 47 48 49 50"),
])
def test_a_pager_links_the_pages_around_this_one_the_first_and_the_last(page: int, pages: int, shown: str) -> None:
    pager = lists.pager("notices/", page, pages)
    assert " ".join(p.label for p in pager.pages) == shown
    assert all(bool(p.href) == (p.label != "…") for p in pager.pages)
    # The size of a pager does not grow with the list.
    assert max(len(lists.pager("notices/", n, 500).pages) for n in range(1, 501)) == lists.PAGER_MOST == 11


def test_a_portals_feedback_pages_hold_only_open_notices_five_a_page(tmp_path: Path) -> None:
    files = {f"example-{i}.yml": notice(i, f"单位{i}党组", published="2025-03-10").replace(
        "invitation:", "window: {start: 2025-03-10, end: 2025-03-%02d}\ninvitation:" % (12 + i)) for i in range(1, 8)}
    files["example-99.yml"] = notice(99, "单位九九党组", published="2024-03-10")
    data = data_dir(tmp_path, files)
    project = load_project(data)
    now = reference_time({"DISCLOSURE_NOW": "2025-03-11"})
    pairs = [(n, notice_view(n, project.site, now)) for n in project.notices]
    pages = feedback_pages(project.site, pairs, portal=True)
    assert [p.url for p in pages] == ["feedback/", "feedback/page/2/"]
    assert [[b.id for b in p.blocks] for p in pages] == [[f"example-{i}" for i in range(1, 6)], ["example-6", "example-7"]]
    assert pages[1].blocks[0].notice_link == "../../../disclosures/example-6/"
    assert [p.url for p in feedback_pages(project.site, pairs, portal=False)] == ["feedback/"]
    assert len(feedback_pages(project.site, pairs, portal=False)[0].blocks) == 8
    # Later, every window closed: the page says so (true until the next build) and links the lists.
    later = reference_time({"DISCLOSURE_NOW": "2025-06-01"})
    closed = feedback_pages(project.site, [(n, notice_view(n, project.site, later)) for n in project.notices], portal=True)
    html = render_feedback(template_env(ROOT / "overrides"), closed[0])
    assert [p.blocks for p in closed] == [()] and "目前没有正在或即将公开征求意见的通报。" in html and "全部通报" in html
    assert "目前没有正在或即将" not in render_feedback(template_env(ROOT / "overrides"), pages[0])


# --- the publication summary with registries ------------------------------------------------------

def test_registries_are_read_not_ignored_and_an_empty_portal_is_still_refused(tmp_path: Path) -> None:
    """units.yml and rounds.yml sit in data/, beside site.yml: the summary never lists them as unread files,
    and registries alone (every notice still scheduled) do not make a public site."""
    from disclosures.build import prepare
    from disclosures.cli import check
    from disclosures.load.summary import NothingPublic

    files = {"example-1.yml": notice(1, "甲党组", "第一轮", published="2025-03-10"),
             "example-2.yml": notice(2, "乙党组", "第一轮", published="2025-04-10")}
    registry = {"units.yml": "- {id: jia, name: 甲党组}\n- {id: yi, name: 乙党组}\n",
                "rounds.yml": "- {id: first, name: 第一轮, units: [jia, yi]}\n"}
    data = data_dir(tmp_path, files)
    for name, text in registry.items():
        (data / name).write_text(text, encoding="utf-8")
    ok, text = check(data, environ={"DISCLOSURE_NOW": "2025-03-01"})
    assert not ok and text.splitlines()[1] == "0 篇公开（按北京时间 2025年3月1日）。"
    assert "units.yml" not in text and "rounds.yml" not in text
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    with pytest.raises(NothingPublic):
        prepare(tmp_path, {"DISCLOSURE_NOW": "2025-03-01"})
    built = prepare(tmp_path, {"DISCLOSURE_NOW": "2025-03-20"})
    assert built.summary.splitlines() == ["1 篇公开（按北京时间 2025年3月20日）。",
                                          "  未公开 data/disclosures/example-2.yml：将于 2025年4月10日 公开"]
    assert built.portal is not None and not built.portal.active  # one public notice: a simple site
    later = prepare(tmp_path, {"DISCLOSURE_NOW": "2025-04-20"})
    assert later.summary.splitlines() == ["2 篇公开（按北京时间 2025年4月20日）。"]
    assert later.portal is not None and later.portal.active
    assert sorted(g.id for g in later.portal.units) == ["jia", "yi"]


def test_the_summary_banner_says_when_its_status_was_true(tmp_path: Path) -> None:
    """Many open notices: one summary item, without a countdown, but with the build's 截至… for readers
    without JavaScript, like every named item."""
    import lxml.html

    from disclosures.pages.banner import MAX_NAMED, banner_items, render_banner
    from disclosures.pages.render import template_env

    count = MAX_NAMED + 1
    files = {f"example-{i}.yml": notice(i, f"单位{i}党组", published="2025-03-10").replace(
        "invitation:", "window: {start: 2025-03-10, end: 2025-03-%02d}\ninvitation:" % (20 + i))
        for i in range(1, count + 1)}
    project = load_project(data_dir(tmp_path, files))
    now = reference_time({"DISCLOSURE_NOW": "2025-03-11T09:30"})
    views = [notice_view(n, project.site, now) for n in project.notices]
    html = render_banner(template_env(ROOT / "overrides"), banner_items(views), "../..")
    banner = lxml.html.fromstring(html)
    [item] = banner.cssselect(".dsc-banner__item")
    assert item.cssselect("a")[0].get("href") == "../../feedback/"
    assert item.cssselect(".dsc-status__as-of")[0].text_content() == views[0].window.as_of
    assert views[0].window.as_of.startswith("截至") and views[0].window.as_of.endswith("（本页生成时）")
    assert not item.cssselect(".dsc-status__detail")
