"""Whole-site builds in a temporary folder."""

from __future__ import annotations

import re

import lxml.html
import pytest

from conftest import REAL_ID, ROOT, SHARED_NOTICE, Build
from helpers import article_text, find_in_order, normalise, sentences_of_source

pytestmark = pytest.mark.build

NOTICE_URL = f"disclosures/{REAL_ID}"


def test_real_site_builds_strict_without_warnings(real_site: Build) -> None:
    assert "WARNING" not in real_site.result.stderr
    assert (real_site.site / "index.html").is_file()
    assert (real_site.site / NOTICE_URL / "index.html").is_file()


def test_a_normal_build_speaks_chinese_only(real_site: Build) -> None:
    """A clerk's build shows our Chinese lines and the summary: no MkDocs routine lines, no not-in-nav list."""
    lines = [line for line in real_site.result.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("INFO    -  1 篇公开（按北京时间 2025年4月28日）")
    assert [line for line in lines if not re.search(r"[\u4e00-\u9fff]", line)] == []


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
    # The card every list uses (card.html); a simple site's home tells no round, and anchors each notice.
    assert [dt.text_content() for dt in card.cssselect("dt")] == ["发布单位", "发布日期", "公开期限", "公示状态"]
    assert card.cssselect("h3.dsc-notice-card__title")[0].get("id") == "zhongshan-procuratorate-2025-04-27"


def test_nothing_is_written_into_docs(real_site: Build) -> None:
    built_docs = sorted(p.relative_to(real_site.root / "docs") for p in (real_site.root / "docs").rglob("*"))
    source_docs = sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*"))
    assert built_docs == source_docs


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
