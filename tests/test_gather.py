"""The gather phase in process: what prepare() makes for a data folder, without running MkDocs.

Tests that only need the pages we generate (not Material's chrome, the search index or the
written site) run here, in milliseconds instead of a `mkdocs build` each; tests/test_build.py and
the other build-marked modules keep whole-site builds for what only a build shows.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import REAL_ID, ROOT, TEST_DATA, make_project
from disclosures.build import CacheEntryLost, SiteBuild, prepare
from helpers import MOMENTS, article_text, combine_data, normalise

NOTICE_URL = f"disclosures/{REAL_ID}"
REAL_FILE = ROOT / "data" / "disclosures" / f"{REAL_ID}.yml"
WINDOWED = TEST_DATA / "window" / "disclosures" / "riverside-office-2025-04-20.yml"
WINDOWED_URL = "disclosures/riverside-office-2025-04-20"
WINDOWED_TITLE = "示例县虚构河务办党组关于巡察整改情况的通报（虚构）"



@contextlib.contextmanager
def time_zone(name: str) -> Iterator[None]:
    """The process's local time zone, as the build machine's would be (TZ), restored afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def gather(tmp: Path, data: Path, now: str = "2025-04-28", tz: str = "UTC") -> SiteBuild:
    with time_zone(tz):
        return prepare(make_project(tmp / "site", data), {"DISCLOSURE_NOW": now})


def page(build: SiteBuild, url: str) -> str:
    """The HTML we hand MkDocs for the page at url ("" is home)."""
    generated = build.page(f"{url}/index.md" if url else "index.md")
    assert generated is not None, url
    return generated.shown


def statuses(doc: lxml.html.HtmlElement) -> list[tuple[str, str, str]]:
    return [(el.get("data-window-status"), el.cssselect(".dsc-status__label")[0].text_content(),
             el.cssselect(".dsc-status__detail")[0].text_content()) for el in doc.cssselect(".dsc-status")]


def shown(element: lxml.html.HtmlElement) -> bool:
    return element.get("hidden") is None


@pytest.mark.parametrize("tz", ["UTC", "America/Los_Angeles"])
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_status_written_at_each_moment_of_the_window(tmp_path: Path, moment: str, tz: str) -> None:
    now, state, label, detail, as_of = MOMENTS[moment]
    build = gather(tmp_path, combine_data(tmp_path / "data", TEST_DATA / "fictional", WINDOWED), now, tz)
    home, notice = lxml.html.fromstring(page(build, "")), lxml.html.fromstring(page(build, WINDOWED_URL))

    # The badge on the home page and on the notice page: text and machine-readable state agree.
    assert statuses(home) == statuses(notice) == [(state, label, detail)]
    assert notice.cssselect(".dsc-status")[0].get("class") == f"dsc-status dsc-status--{state}"
    # Without JavaScript the badge is all a reader sees, maybe years later: it says when it was true.
    assert [el.text_content() for el in notice.cssselect(".dsc-status [data-window-as-of]")] == [f"截至{as_of}（本页生成时）"]
    # The site-wide banner (Material's announce block on every page), for the notice page's depth.
    banner_html = build.banner_html("../..")
    carriers = notice.cssselect("[data-window-start]")
    assert len(carriers) == 2  # badge, contact section
    if banner_html:
        carriers += lxml.html.fromstring(banner_html).cssselect("[data-window-start]")
    # Every window carrier carries the same state and the same bounds; the banner only while not closed.
    assert len(carriers) == (3 if state != "closed" else 2)
    assert {(c.get("data-window-start"), c.get("data-window-end"), c.get("data-window-status")) for c in carriers} \
        == {("2025-04-27T00:00:00+08:00", "2025-05-12T00:00:00+08:00", state)}

    # A closed notice stays published and says that the comment period has ended.
    [note] = notice.cssselect(".dsc-contact [data-window-when]")
    assert note.get("data-window-when") == "closed" and shown(note) == (state == "closed")
    assert normalise(note.text_content()) == normalise("本通报的公示期已于2025年5月11日结束，意见征集已截止。")

    # The banner: shown while open, rendered hidden before (the script opens it), absent after.
    if state == "closed":
        assert banner_html == "" and build.banner_html(".") == ""
        return
    banner = lxml.html.fromstring(banner_html)
    [item] = banner.cssselect("[data-window-when='open']")
    assert shown(banner) == shown(item) == (state == "open")
    assert normalise(item.text_content()) == normalise(f"截至{as_of}（本页生成时）正在公示：{WINDOWED_TITLE}（{detail}）")
    assert banner.cssselect("a")[0].get("href") == f"../../{WINDOWED_URL}/"


def test_fictional_notice_alone(tmp_path: Path, fictional_data: Path) -> None:
    build = gather(tmp_path, fictional_data)
    doc = lxml.html.fromstring(page(build, "disclosures/lakeside-bureau-2025-03-10"))
    assert [h.get("id") for h in doc.cssselect("section.dsc-problem > h4")] == ["problem-1", "problem-2", "problem-3"]
    assert not doc.cssselect("[data-window-status]")  # no window, no status
    text = normalise(article_text(page(build, "disclosures/lakeside-bureau-2025-03-10")))
    assert "公开期限" not in text and "010-87654321" in text


def test_two_notices_together_newest_first_each_with_its_contact(tmp_path: Path, fictional_data: Path) -> None:
    data = combine_data(tmp_path / "data", ROOT / "data",
                        *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(fictional_data / "disclosures").glob("*.yml"))
    build = gather(tmp_path, data)
    home = lxml.html.fromstring(page(build, ""))
    titles = [normalise(a.text_content()) for a in home.cssselect("li.dsc-notice-card h3 a")]
    assert titles[0].startswith("中共中山市人民检察院党组") and "虚构" in titles[1]
    real = normalise(article_text(page(build, NOTICE_URL)))
    fictional = normalise(article_text(page(build, "disclosures/lakeside-bureau-2025-03-10")))
    assert "0760-88883686" in real and "010-87654321" not in real
    assert "010-87654321" in fictional and "0760-88883686" not in fictional


def test_moving_a_problem_in_the_data_renumbers_the_page(tmp_path: Path) -> None:
    data = combine_data(tmp_path / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"))
    path = data / "disclosures" / f"{REAL_ID}.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    themes = doc["parts"][1]["sections"][0]["themes"]
    moved = themes[0]["problems"].pop(0)  # (1) 严格落实“第一议题”制度 …
    themes[2]["problems"].insert(1, moved)  # now after the first problem of theme 3
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    notice = lxml.html.fromstring(page(gather(tmp_path, data), NOTICE_URL))
    headings = [normalise(h.text_content()) for h in notice.cssselect("section.dsc-problem > h5")]
    assert headings[0].startswith("(1)深入学习贯彻")
    assert headings[3].startswith("(4)严格落实“第一议题”制度")
    assert headings[2].startswith("(3)充分发挥侦查监督")  # was (4)
    assert headings[4].startswith("(5)依法履行“公共利益代表”")  # unchanged: after the move
    assert len(headings) == 45


def _with_unpublished(tmp_path: Path, fictional_data: Path) -> Path:
    """Real notice, a draft copy of the fictional one and a scheduled (future) copy."""
    data = combine_data(tmp_path / "data", ROOT / "data", REAL_FILE)
    shutil.copy2(ROOT / "data" / "glossary.yml", data / "glossary.yml")
    source = (fictional_data / "disclosures" / "lakeside-bureau-2025-03-10.yml").read_text(encoding="utf-8")
    (data / "disclosures" / "draft-one.yml").write_text(
        source.replace("id: lakeside-bureau-2025-03-10", "id: draft-one") + "draft: true\n", encoding="utf-8")
    (data / "disclosures" / "later-one.yml").write_text(
        source.replace("id: lakeside-bureau-2025-03-10", "id: later-one")
        .replace("published: 2025-03-10", "published: 2026-01-01")
        .replace("date: 2025-03-10", "date: 2026-01-01"), encoding="utf-8")
    return data


def test_drafts_and_scheduled_notices_get_no_open_data(tmp_path: Path, fictional_data: Path) -> None:
    data = _with_unpublished(tmp_path, fictional_data)
    build = gather(tmp_path, data)
    files = {a.path: a.content for a in build.assets}  # the hook hands MkDocs exactly these files
    index = json.loads(files["data/notices.json"])
    assert [n["id"] for n in index["notices"]] == [REAL_ID]
    assert sorted(p for p in files if p.startswith("data/notices/")) == [f"data/notices/{REAL_ID}.json",
                                                                       f"data/notices/{REAL_ID}.yml"]
    # Previewing (mkdocs serve) shows the unpublished pages, but still offers no data for them.
    preview = prepare(make_project(tmp_path / "preview", data), {"DISCLOSURE_NOW": "2025-04-28"}, preview=True)
    assert sorted(v.id for v in preview.notices) == ["draft-one", "later-one", REAL_ID]
    assert {a.path for a in preview.assets if a.path.startswith("data/")} == {
        "data/notices.json", f"data/notices/{REAL_ID}.json", f"data/notices/{REAL_ID}.yml"}
    for asset in preview.assets:  # no file of the site, open data or feed, mentions them
        assert b"draft-one" not in asset.content and b"later-one" not in asset.content
    assert [v.id for v in preview.notices if v.downloads] == [REAL_ID]


def test_after_the_window_the_page_says_so_and_still_lists_the_channels(tmp_path: Path) -> None:
    block = lxml.html.fromstring(page(gather(tmp_path, ROOT / "data", now="2025-05-12"), "feedback")) \
        .get_element_by_id(REAL_ID)
    shown = [p for p in block.cssselect("[data-window-when]") if p.get("hidden") is None]
    assert [p.get("data-window-when") for p in shown] == ["closed"]
    assert "意见征集已截止" in shown[0].text_content()
    assert block.cssselect(".dsc-channel--phone a")[0].get("href") == "tel:0760-88883686"
    assert block.cssselect(".dsc-channel--postcode .dsc-channel__value")[0].text_content() == "528400"


def test_a_released_build_holds_no_notice_record_or_view_but_keeps_what_writing_the_site_needs(
        tmp_path: Path, fictional_data: Path) -> None:
    data = combine_data(tmp_path / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(fictional_data / "disclosures").glob("*.yml"))
    build = gather(tmp_path, data)
    assert len(build.notices) >= 2
    views = [weakref.ref(v) for v in build.notices]
    records = [weakref.ref(n) for n in build.project.notices]
    ids, pages, assets, banner = tuple(v.id for v in build.notices), build.pages, build.assets, build.banner
    released = build.released()
    del build
    gc.collect()
    assert all(ref() is None for ref in views + records), "something still holds a notice's view or record"
    assert released.notice_ids == ids
    assert (released.pages, released.assets, released.banner) == (pages, assets, banner)
    assert released.head_html(pages[1].src_uri) and released.page(pages[1].src_uri) is pages[1]
    waiting = [p for p in pages if p.reread is not None]  # a notice's pages wait in the cache, holding no HTML
    assert waiting and all(not p.body and p.html.startswith("<") for p in waiting)


def test_a_build_with_its_cache_models_only_the_notices_that_changed_and_matches_a_clean_build(
        tmp_path: Path, fictional_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One build after another (each process new, as `mkdocs build` is) takes an unchanged notice's
    finished views from the cache by what they are made of: the edited notice is modelled again, and so is
    the windowed one when the moment crosses its window's end; each build equals a clean one."""
    import disclosures.build as build_module
    from disclosures.outputs import assets
    data = combine_data(tmp_path / "data", ROOT / "data", REAL_FILE, WINDOWED,
                        *(fictional_data / "disclosures").glob("*.yml"))
    root = make_project(tmp_path / "project", data)
    modelled: list[str] = []
    real = build_module.notice_view
    monkeypatch.setattr(build_module, "notice_view", lambda notice, *a, **k: modelled.append(notice.id) or
                        real(notice, *a, **k))
    documented: list[str] = []  # open-data files made (the others are taken from the cache)
    document = assets.opendata.notice_document
    monkeypatch.setattr(assets.opendata, "notice_document", lambda notice, *a: documented.append(notice.id) or
                        document(notice, *a))

    def built(now: str, clean: bool = False) -> dict[str, str]:
        modelled.clear()
        documented.clear()
        made = prepare(root, {"DISCLOSURE_NOW": now, "DISCLOSURE_CLEAN_BUILD": "1" if clean else ""})
        return {page.src_uri: page.html for page in made.pages} | {
            a.path: a.content.decode("utf-8") for a in made.assets if a.path.endswith((".xml", ".json"))}

    first = built("2025-04-28T10:00:00+08:00")
    count = len(modelled)
    assert count >= 3 and built("2025-04-28T10:00:00+08:00") == first and modelled == documented == []
    target = root / "data" / "disclosures" / REAL_FILE.name
    target.write_text(target.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 更正", 1), encoding="utf-8")
    edited = built("2025-04-28T10:00:00+08:00")
    assert modelled == documented == [REAL_ID] and edited == built("2025-04-28T10:00:00+08:00", clean=True)
    later = built("2025-06-30T10:00:00+08:00")  # every window has closed since
    assert "riverside-office-2025-04-20" in modelled and len(modelled) < count
    assert later == built("2025-06-30T10:00:00+08:00", clean=True)


def test_a_notices_pages_wait_in_the_cache_and_are_rendered_again_if_their_entries_are_gone(
        tmp_path: Path, fictional_data: Path) -> None:
    """A build with its cache holds no notice page's HTML from its render to its writing: each page reads it
    again from the cache. A damaged entry stops the build with the page's name, never with other HTML."""
    data = combine_data(tmp_path / "data", ROOT / "data", REAL_FILE, *(fictional_data / "disclosures").glob("*.yml"))
    root = make_project(tmp_path / "project", data)
    environ = {"DISCLOSURE_NOW": "2025-04-28T10:00:00+08:00"}
    clean = {p.src_uri: p.html for p in prepare(root, environ | {"DISCLOSURE_CLEAN_BUILD": "1"}).pages}
    build = prepare(root, environ)
    waiting = [p for p in build.pages if p.reread is not None]
    assert {p.src_uri for p in waiting} == {f"disclosures/{v.id}/{name}" for v in build.notices
                                              for name in ("index.md", "poster/index.md")}
    assert all(p.body == "" for p in waiting)
    assert {p.src_uri: p.html for p in waiting[:2]} == {p.src_uri: clean[p.src_uri] for p in waiting[:2]}
    assert {p.src_uri: p.html for p in build.pages} == clean
    entry = next((build.cache.folder / "render poster").iterdir())
    entry.write_bytes(entry.read_bytes()[:-1] + b"!")
    lost = [p for p in waiting if p.src_uri.endswith("poster/index.md")]
    with pytest.raises(CacheEntryLost) as raised:
        [p.html for p in lost]
    assert str(raised.value).startswith("页面 disclosures/") and "render poster" in str(raised.value)


def test_a_build_reads_a_notices_full_views_only_to_make_what_shows_its_text(
        tmp_path: Path, fictional_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged notice's views come from the cache light (no text: light_view). Its full views are read
    only when a page, feed items or open data showing its text is made again (here: a template changed), and
    builds that did not read them keep them in the cache for that. Every build equals a clean one."""
    import disclosures.build as build_module
    from disclosures.core.cache import ContentCache
    data = combine_data(tmp_path / "data", ROOT / "data", REAL_FILE, WINDOWED,
                        *(fictional_data / "disclosures").glob("*.yml"))
    root = make_project(tmp_path / "project", data)
    read: list[str] = []  # the kinds of the records read from the cache
    get_record = ContentCache.get_record
    monkeypatch.setattr(ContentCache, "get_record", lambda self, kind, key: read.append(kind) or
                        get_record(self, kind, key))
    modelled: list[str] = []
    real = build_module.notice_view
    monkeypatch.setattr(build_module, "notice_view", lambda notice, *a, **k: modelled.append(notice.id) or
                        real(notice, *a, **k))

    def built(clean: bool = False) -> tuple[dict[str, str], SiteBuild]:
        read.clear()
        modelled.clear()
        made = prepare(root, {"DISCLOSURE_NOW": "2025-04-28T10:00:00+08:00",
                              "DISCLOSURE_CLEAN_BUILD": "1" if clean else ""})
        made.cache.prune()  # as the hook does after publishing: what this build did not use goes
        return {page.src_uri: page.html for page in made.pages} | {
            a.path: a.content.decode("utf-8") for a in made.assets if a.path.endswith((".xml", ".json"))}, made

    first, made = built()
    notices = len(made.notices)
    assert notices >= 3 and len(modelled) == notices and all(v.parts is None for v in made.notices)
    again, made = built()
    assert again == first and modelled == [] and "finished views" not in read
    assert read.count("light views") == notices and all(v.parts is None for v in made.notices)
    template = root / "overrides" / "partials" / "disclosures" / "notice.html"
    template.write_text(template.read_text(encoding="utf-8") + "<!-- 改 -->\n", encoding="utf-8")
    changed, made = built()
    # Read back, not modelled: once for its pages and its feed items together (a template changed both), anew
    # rather than kept (a first build kept them all: a quarter of its peak memory).
    public = sum(1 for a in made.assets if a.path.startswith("data/notices/") and a.path.endswith(".json"))
    assert public == notices and modelled == [] and read.count("finished views") == notices
    assert changed != first and changed == built(clean=True)[0]


def test_a_light_view_keeps_what_lists_show_and_refuses_to_be_shown_whole(tmp_path: Path) -> None:
    """light_view: the first sentence share tags quote is kept; a render of its text fails, never shows less."""
    from disclosures.model.viewmodels import first_sentence, light_view
    from disclosures.pages.render import render_notice
    build = prepare(make_project(tmp_path / "project", ROOT / "data"),
                    {"DISCLOSURE_NOW": "2025-04-28T10:00:00+08:00", "DISCLOSURE_CLEAN_BUILD": "1"})
    full = next(v for v in build.notices if v.id == REAL_ID)
    light = light_view(full)
    assert first_sentence(light) == first_sentence(full) and first_sentence(full).endswith("。")
    assert (light.title, light.url, light.window, light.toc, light.search) == \
        (full.title, full.url, full.window, full.toc, full.search)
    with pytest.raises(TypeError):
        render_notice(build.templates, light)
