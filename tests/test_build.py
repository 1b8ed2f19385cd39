"""Whole-site builds in a temporary folder."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import REAL_ID, ROOT, SHARED_NOTICE, Build, build_with
from helpers import article_text, combine_data, find_in_order, normalise, sentences_of_source

pytestmark = pytest.mark.build

NOTICE_URL = f"disclosures/{REAL_ID}"


def test_real_site_builds_strict_without_warnings(real_site: Build) -> None:
    assert "WARNING" not in real_site.result.stderr
    assert (real_site.site / "index.html").is_file()
    assert (real_site.site / NOTICE_URL / "index.html").is_file()


def test_fidelity_every_sentence_of_the_published_text_in_order(real_site: Build) -> None:
    sentences = sentences_of_source(SHARED_NOTICE.read_text(encoding="utf-8"))
    page = normalise(article_text(real_site.page(NOTICE_URL)))
    found, missing = find_in_order(sentences, page)
    print(f"fidelity: {found} of {len(sentences)} sentences found in order")
    assert not missing, missing[:5]
    assert found == len(sentences) > 400


def test_notice_page_numbers_45_problems_under_18_themes_in_4_categories(real_site: Build) -> None:
    doc = lxml.html.fromstring(real_site.page(NOTICE_URL))
    problems = doc.cssselect("section.dsc-problem > h5")
    assert [h.get("id") for h in problems] == [f"problem-{n}" for n in range(1, 46)]
    assert normalise(problems[13].text_content()).startswith("(14)深化醉酒危险驾驶犯罪专项治理")
    themes = doc.cssselect("section.dsc-theme > h4")
    assert [normalise(h.text_content()).split(".")[0] for h in themes] == [str(n) for n in range(1, 19)]
    categories = doc.cssselect("#part-2 ~ section.dsc-section > h3")
    assert [normalise(h.text_content())[:3] for h in categories] == ["(一)", "(二)", "(三)", "(四)"]


def test_headings_never_skip_a_level(real_site: Build) -> None:
    doc = lxml.html.fromstring(real_site.page(NOTICE_URL))
    levels = [int(h.tag[1]) for h in doc.cssselect("article.dsc-notice h1, article.dsc-notice h2, "
                                                   "article.dsc-notice h3, article.dsc-notice h4, "
                                                   "article.dsc-notice h5, article.dsc-notice h6")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))


def test_toc_goes_down_to_the_themes(real_site: Build) -> None:
    doc = lxml.html.fromstring(real_site.page(NOTICE_URL))
    toc_links = [a.get("href") for a in doc.cssselect("nav.md-nav--secondary a.md-nav__link")]
    assert "#part-1" in toc_links and "#part-2-section-1" in toc_links
    assert "#theme-1" in toc_links and "#theme-18" in toc_links
    assert "#problem-1" not in toc_links


def test_home_lists_the_notice_with_its_facts(real_site: Build) -> None:
    doc = lxml.html.fromstring(real_site.page(""))
    card = doc.cssselect("li.dsc-notice-card")[0]
    text = normalise(card.text_content())
    assert "中共中山市人民检察院党组关于巡察整改进展情况的通报" in text
    assert "中共中山市人民检察院党组" in text and "2025年4月27日" in text and "2025年4月27日至5月11日" in text
    assert card.cssselect("a")[0].get("href") == f"{NOTICE_URL}/"


def test_nothing_is_written_into_docs(real_site: Build) -> None:
    built_docs = sorted(p.relative_to(real_site.root / "docs") for p in (real_site.root / "docs").rglob("*"))
    source_docs = sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*"))
    assert built_docs == source_docs


def test_fictional_notice_alone(tmp_path: Path, fictional_data: Path) -> None:
    build = build_with(tmp_path / "site", fictional_data)
    assert build.ok, build.result.stderr
    doc = lxml.html.fromstring(build.page("disclosures/lakeside-bureau-2025-03-10"))
    assert [h.get("id") for h in doc.cssselect("section.dsc-problem > h4")] == ["problem-1", "problem-2", "problem-3"]
    assert not doc.cssselect("[data-window-status]")  # no window, no status
    text = normalise(article_text(build.page("disclosures/lakeside-bureau-2025-03-10")))
    assert "公开期限" not in text and "010-87654321" in text


def test_two_notices_together_newest_first_each_with_its_contact(tmp_path: Path, fictional_data: Path) -> None:
    data = combine_data(tmp_path / "data", ROOT / "data",
                        *(ROOT / "data" / "disclosures").glob("*.yml"),
                        *(fictional_data / "disclosures").glob("*.yml"))
    build = build_with(tmp_path / "site", data)
    assert build.ok, build.result.stderr
    home = lxml.html.fromstring(build.page(""))
    titles = [normalise(a.text_content()) for a in home.cssselect("li.dsc-notice-card h3 a")]
    assert titles[0].startswith("中共中山市人民检察院党组") and "虚构" in titles[1]
    real = normalise(article_text(build.page(NOTICE_URL)))
    fictional = normalise(article_text(build.page("disclosures/lakeside-bureau-2025-03-10")))
    assert "0760-88883686" in real and "010-87654321" not in real
    assert "010-87654321" in fictional and "0760-88883686" not in fictional


def test_moving_a_problem_in_the_data_renumbers_the_built_page(tmp_path: Path) -> None:
    data = combine_data(tmp_path / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"))
    path = data / "disclosures" / f"{REAL_ID}.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    themes = doc["parts"][1]["sections"][0]["themes"]
    moved = themes[0]["problems"].pop(0)  # (1) 严格落实“第一议题”制度 …
    themes[2]["problems"].insert(1, moved)  # now after the first problem of theme 3
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build = build_with(tmp_path / "site", data)
    assert build.ok, build.result.stderr
    page = lxml.html.fromstring(build.page(NOTICE_URL))
    headings = [normalise(h.text_content()) for h in page.cssselect("section.dsc-problem > h5")]
    assert headings[0].startswith("(1)深入学习贯彻")
    assert headings[3].startswith("(4)严格落实“第一议题”制度")
    assert headings[2].startswith("(3)充分发挥侦查监督")  # was (4)
    assert headings[4].startswith("(5)依法履行“公共利益代表”")  # unchanged: after the move
    assert len(headings) == 45


def test_built_text_uses_full_width_chinese_punctuation(real_site: Build) -> None:
    """Every page's visible text: no ASCII , : ; ( ) ! ? next to a Chinese character."""
    half_width = re.compile(r"[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]")
    found = []
    pages = sorted(real_site.site.rglob("*.html"))
    for path in pages:
        doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        for element in doc.xpath("//script|//style"):
            element.drop_tree()
        text = doc.text_content()
        found += [f"{path.relative_to(real_site.site)}: {text[max(0, m.start() - 10):m.end() + 10]!r}"
                  for m in half_width.finditer(text)]
    assert len(pages) >= 5
    assert found == []
