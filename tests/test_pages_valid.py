"""Every built page: valid HTML (Nu Html Checker), lang="zh-CN", headings in order, numbering as markup.

The checks walk all HTML files of a build, so pages added later are covered without changing them.
The build holds the real notice and the fictional one, whose structure differs (no categories).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import lxml.html
import pytest

from conftest import REAL_ID, ROOT, Build, make_project, run_build
from helpers import built_pages, combine_data, normalise

pytestmark = pytest.mark.build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fictional_data: Path) -> Build:
    tmp = tmp_path_factory.mktemp("valid")
    data = combine_data(tmp / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(fictional_data / "disclosures").glob("*.yml"))
    # Every footer entry, the 党政机关网站标识 image and 我为政府网站找错 included.
    site_yml = data / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("registrations: {}", REGISTRATIONS),
                        encoding="utf-8")
    project = make_project(tmp / "site", data)
    (project / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "assets" / "images" / "site-mark.svg").write_text(SITE_MARK, encoding="utf-8")
    build = run_build(project)
    assert build.ok, build.result.stderr
    return build


REGISTRATIONS = """registrations:
  site_code: '4420000099'
  icp: 粤ICP备00000000号
  public_security: 粤公网安备00000000000000号
  find_error: https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfo/4420000099
  site_mark: https://bszs.conac.cn/sitename?method=show&id=00000000
  site_mark_image: assets/images/site-mark.svg
"""
# A stand-in for the mark an office receives (fictional: a red square).
SITE_MARK = '<svg xmlns="http://www.w3.org/2000/svg" width="55" height="64"><rect width="55" height="64" fill="#c00"/></svg>'


def _doc(build: Build, url: str) -> lxml.html.HtmlElement:
    path = build.site / (url + "index.html" if url == "" or url.endswith("/") else url)
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_every_page_is_valid_html(site: Build) -> None:
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) >= 6  # home, 404, two notices, their posters
    assert site.site / "disclosures" / REAL_ID / "poster" / "index.html" in pages
    # One JVM for all pages: starting Java is the slow part.
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--stdout",
                             *map(str, pages)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stdout)["messages"]
    problems = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']} "
                f"[{m.get('extract', '').strip()[:80]}]" for m in messages]
    print(f"Nu Html Checker: {len(pages)} pages, {len(problems)} errors")
    assert problems == []


def test_every_page_says_it_is_simplified_chinese(site: Build) -> None:
    for url in built_pages(site.site):
        assert _doc(site, url).get("lang") == "zh-CN", url


def test_every_page_has_one_h1_and_never_skips_a_heading_level(site: Build) -> None:
    pages = built_pages(site.site)
    for url in pages:
        levels = [int(h.tag[1]) for h in _doc(site, url).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels and levels[0] == 1, (url, levels[:3])
        assert levels.count(1) == 1, url
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert skips == [], (url, skips)
    assert len(pages) >= 4


def test_numbered_structure_is_in_the_markup(site: Build) -> None:
    """Numbers are text in the headings and paragraphs, and the lists are real lists, so a screen
    reader reads 一、 （一） 1. （1） 一是 and announces how many measures a problem has."""
    doc = _doc(site, f"disclosures/{REAL_ID}/")
    problems = doc.cssselect("section.dsc-problem")
    assert len(problems) == 45
    for n, problem in enumerate(problems, start=1):
        heading = problem.cssselect("h5")[0]
        assert normalise(heading.text_content()).startswith(f"({n})")
        measures = problem.cssselect("ol.dsc-measures > li")
        assert measures, n
        assert normalise(measures[0].text_content()).startswith("一是")
    home = _doc(site, "")
    assert home.cssselect("ol.dsc-notice-list > li.dsc-notice-card")


def test_every_page_has_the_search_box_and_the_search_page_works_without_javascript(site: Build) -> None:
    """The header's box is an input type="search" in a form that opens /search/ (also without JavaScript);
    the search page offers the filters and, for readers without JavaScript, the way to the notices."""
    for url in ("", "feedback/"):
        box = _doc(site, url).cssselect("form[role=search][data-dsc-search=header] input[type=search][name=q]")
        assert len(box) == 1, url
    search = _doc(site, "search/")
    assert search.cssselect("form[data-dsc-search=page] input[type=search][name=q]")
    assert {s.get("name") for s in search.cssselect("select[data-dsc-filter]")} >= {"unit", "year", "window"}
    nojs = search.cssselect("[data-dsc-nojs]")[0]
    # Two rounds make this site a portal: the note links its list of all notices (a simple site lists them).
    assert "JavaScript" in nojs.text_content() and nojs.cssselect("a[href='../notices/']")


def test_footer_shows_the_inspection_entries(site: Build) -> None:
    for url in ("", f"disclosures/{REAL_ID}/poster/"):
        footer = _doc(site, url).cssselect(".dsc-footer-registrations")[0]
        links = {a.text_content().strip() or a.cssselect("img")[0].get("alt"): a.get("href")
                 for a in footer.cssselect("a")}
        assert links["我为政府网站找错"] == "https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfo/4420000099"
        assert links["党政机关网站标识"] == "https://bszs.conac.cn/sitename?method=show&id=00000000"


def test_every_item_of_every_list_of_notices_shows_its_publication_date(site: Build) -> None:
    items = 0
    for url in built_pages(site.site):
        for item in _doc(site, url).cssselect("li.dsc-notice-card, section.dsc-feedback-block"):
            items += 1
            time = item.cssselect("time[datetime]")
            assert time and "发布日期" in item.text_content(), url
    assert items >= 4  # two notices on the home page and two blocks on the feedback page


def test_every_page_has_description_and_share_tags(site: Build) -> None:
    for url in built_pages(site.site):
        doc = _doc(site, url)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.iter("meta")}
        for name in ("description", "og:title", "og:description", "og:url", "og:image", "og:image:alt"):
            assert meta.get(name), (url, name)
        image = meta["og:image"].removeprefix("https://disclosures.example.org/")
        assert (site.site / image).is_file(), url  # the card is part of the build: nothing is fetched
    notice = _doc(site, f"disclosures/{REAL_ID}/")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in notice.iter("meta")}
    assert meta["og:title"] == "中共中山市人民检察院党组关于巡察整改进展情况的通报"
    assert meta["description"].startswith("中共中山市人民检察院党组发布。公开期限：2025年4月27日至5月11日。")
    assert meta["og:type"] == "article"


def test_every_kind_of_portal_page_is_valid_html_with_ordered_headings(portal_site: Build) -> None:
    from conftest import PORTAL_PAGE_KINDS

    paths = [portal_site.site / url / "index.html" for url in PORTAL_PAGE_KINDS]
    assert all(p.is_file() for p in paths)
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--stdout",
                             *map(str, paths)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stdout)["messages"]
    problems = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']} "
                f"[{m.get('extract', '').strip()[:80]}]" for m in messages]
    assert problems == []
    for url in PORTAL_PAGE_KINDS:
        doc = _doc(portal_site, url)
        levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1, url
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (url, levels)
