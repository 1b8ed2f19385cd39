"""The search dictionary, the keywords and filters a notice page gives the index, and the index as built."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

import lxml.html
import pytest
from conftest import Build

from disclosures.core import records as r
from disclosures.core.errors import DataInvalid
from disclosures.core.records import SearchTerms
from disclosures.load.searchterms import read_terms_file
from disclosures.model.dictionary import gather_terms, keywords_for, notice_quoted_terms, quoted_terms
from disclosures.model.searchmarks import bigrams, date_tokens, keywords
from disclosures.model.view import notice_view
from disclosures.outputs.search import index_site, indexed_part

NOW = dt.datetime(2025, 5, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def test_quoted_terms_are_short_chinese_phrases_only() -> None:
    texts = ["狠抓“第一议题”制度", "“承诺+自查”与“生态环境民事公益诉讼业务培训暨公益诉讼检察沙龙”"]
    assert quoted_terms(texts) == {"第一议题"}


def test_terms_file_errors_are_all_reported_with_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "search-terms.yml"
    path.write_text("terms:\n  - 认罪认罚\n  - drunk\n  - 12\nsplit:\n  - 认罪认罚\nsynonyms:\n  邮政信箱: 地址\nother: 1\n",
                    encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        read_terms_file(path, "data/search-terms.yml")
    report = [(e.line, e.path) for e in caught.value.errors]
    assert (3, "terms[1]") in report and (4, "terms[2]") in report
    assert (8, "synonyms.邮政信箱") in report and (9, "other") in report
    assert any("两处" in e.found for e in caught.value.errors)


def test_terms_file_read(tmp_path: Path) -> None:
    path = tmp_path / "search-terms.yml"
    path.write_text("terms: [认罪认罚]\nsplit: [联系电话]\nsynonyms:\n  邮政信箱: [地址]\n", encoding="utf-8")
    assert read_terms_file(path, "x") == SearchTerms(("认罪认罚",), ("联系电话",), (("邮政信箱", ("地址",)),))
    assert read_terms_file(tmp_path / "missing.yml", "x") == SearchTerms((), ())


def test_dictionary_merges_quoted_listed_and_glossary_terms() -> None:
    site = r.Site(name="x", publisher="x", url="https://x.example/", description="", contact=r.Contact(email="a@b.cn"))
    notice = r.Notice(id="n", source="n.yml", title="t", published=dt.date(2025, 1, 1), issuer=r.Issuer("x"),
                      signature=r.Signature("x", dt.date(2025, 1, 1)),
                      parts=(r.Part(heading="落实“第一议题”与“联系电话”"),))
    project = r.Project(site=site, notices=(notice,),
                        glossary=(r.GlossaryEntry(term="两项监督", explanation="…"),
                                  r.GlossaryEntry(term="Latin", explanation="…")),
                        search_terms=SearchTerms(("认罪认罚",), ("联系电话",), (("邮政信箱", ("地址",)),)))
    terms = gather_terms(project, [notice_quoted_terms(notice_view(notice, site, NOW))])
    assert terms.whole == ("两项监督", "第一议题", "认罪认罚")  # sorted; Latin is no dictionary term
    assert terms.split == ("联系电话",)  # an explicit split wins over a quoted phrase
    assert terms.synonyms == (("邮政信箱", ("地址",)),)
    assert gather_terms(project, []).whole == ("两项监督", "认罪认罚")  # only shown notices give quoted terms


def test_dictionary_reads_what_the_page_shows_not_the_record() -> None:
    """A revision dated after the build's day is not on the page yet, so its quoted phrase is no term yet."""
    site = r.Site(name="x", publisher="x", url="https://x.example/", description="", contact=r.Contact(email="a@b.cn"))
    notice = r.Notice(id="n", source="n.yml", title="关于“三会一课”的通报", published=dt.date(2025, 1, 1),
                      issuer=r.Issuer("x"), signature=r.Signature("x", dt.date(2025, 1, 1)),
                      preamble=(r.Paragraph(text="坚持“第一议题”制度。"),), parts=(r.Part(heading="落实“两个责任”"),),
                      revisions=(r.Revision(dt.date(2025, 4, 1), "补充“认罪认罚”情况"),
                                 r.Revision(dt.date(2025, 6, 1), "补充“公益诉讼”情况")))
    terms = gather_terms(r.Project(site=site, notices=(notice,)),
                         [notice_quoted_terms(notice_view(notice, site, NOW))])
    assert terms.whole == ("三会一课", "两个责任", "第一议题", "认罪认罚")


def test_keywords_give_parts_of_long_terms_and_synonyms() -> None:
    terms = SearchTerms(("醉酒危险驾驶", "认罪认罚"), (), (("邮政信箱", ("地址",)),))
    parts = {"醉酒危险驾驶": ["醉酒", "危险", "驾驶"], "认罪认罚": ["认罪", "认罚"]}
    assert keywords_for("深化醉酒危险驾驶治理，认罪认罚", terms, parts.__getitem__) == ["醉酒", "危险", "驾驶"]
    assert keywords_for("邮政信箱：中山市", terms, parts.__getitem__) == ["地址"]


def test_bigrams_cover_every_short_word_inside_a_long_run() -> None:
    assert bigrams("（3）严格做好党费收缴、使用和管理") == ["严格", "格做", "做好", "好党", "党费", "费收", "收缴", "使用", "用和", "和管",
                                                    "管理"]
    assert bigrams("食堂 AB 12") == []  # two-character runs are words already


def test_dates_become_the_tokens_search_js_makes_of_a_typed_date() -> None:
    text = "于2023年11月5日反馈；公开期限：2025年4月27日至5月11日。"
    assert date_tokens(text) == ["rq20231105", "ny202311", "yr1105", "rq20250427", "ny202504", "yr0427",
                                 "rq20250511", "ny202505", "yr0511"]  # 至5月11日: a range's end, in its year
    assert date_tokens("共17562件，第3条") == []


def test_keyword_line_holds_dictionary_terms_their_parts_and_synonyms_not_dates() -> None:
    """Dates are given to the index where they stand (search.py), not in the line of the heading above."""
    terms = SearchTerms(("醉酒危险驾驶", "三会一课"), ("联系电话",), (("醉酒危险驾驶", ("醉驾",)),))
    line = keywords("（14）深化醉酒危险驾驶治理", ["2024年6月3日起，落实三会一课。联系电话：12345。"], terms).split()
    assert {"醉酒危险驾驶", "三会一课", "醉驾", "驾驶", "电话"} <= set(line)
    assert not [w for w in line if w.startswith(("rq", "ny", "yr"))]
    assert "治理" in line  # from the heading
    assert "会一" not in line  # body text gives no bigrams, only the heading does
    assert keywords("食堂", ["无"], SearchTerms((), ())) == ""


def test_only_the_element_marked_for_the_index_is_handed_to_pagefind() -> None:
    page = ('<html><body><nav><a>通报</a></nav><article class="x" data-pagefind-body><h1>标题</h1>'
            '<article>内层</article><p>正文</p></article><footer>页脚</footer></body></html>')
    part = indexed_part(page)
    assert part is not None and "<h1>标题</h1><article>内层</article><p>正文</p></article></body>" in part
    assert "页脚" not in part and "<nav>" not in part and 'lang="zh-CN"' in part
    assert indexed_part("<html><body><p>首页</p></body></html>") is None  # not indexed at all
    broken = '<div data-pagefind-body><p>未闭合'
    assert indexed_part(broken) == broken  # Pagefind then reads the whole page


# --- the index as built from data/ ----------------------------------------------

def _pagefind_json(path: Path) -> dict:
    """A Pagefind fragment: gzip of b"pagefind_dcd" and JSON."""
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd")
    return json.loads(raw[len(b"pagefind_dcd"):].decode("utf-8"))


def _fragments(site: Path) -> dict[str, dict]:
    return {f["url"]: f for f in map(_pagefind_json, (site / "pagefind" / "fragment").glob("*.pf_fragment"))}


@pytest.mark.build
def test_built_index_holds_the_notice_and_glossary_texts_only(real_site: Build) -> None:
    out = real_site.site / "pagefind"
    assert (out / "pagefind.js").is_file() and (out / "pagefind-worker.js").is_file()
    assert not list(out.glob("pagefind-*ui*")) and not (out / "pagefind-highlight.js").exists()  # unused UIs removed
    assert not (real_site.site / "search" / "search_index.json").exists()  # Material's search is gone
    fragments = _fragments(real_site.site)
    assert sorted(fragments) == ["/disclosures/zhongshan-procuratorate-2025-04-27/", "/glossary/"]
    notice = fragments["/disclosures/zhongshan-procuratorate-2025-04-27/"]
    assert notice["meta"]["title"] == "中共中山市人民检察院党组关于巡察整改进展情况的通报"
    content = notice["content"].replace("\u200b", "")
    # The chrome is not indexed: banner, skip link, back-to-top, navigation, footer, glossary tooltips.
    page = real_site.page("disclosures/zhongshan-procuratorate-2025-04-27/")
    for chrome in ("跳转至", "回到页面顶部", "正在公示", "网站标识码", "下载本通报的开放数据", "前往意见反馈页"):
        assert chrome in page or chrome == "网站标识码", chrome
        assert chrome not in content, chrome
    tip = lxml.html.fromstring(page).cssselect(".dsc-term-note")[0].text_content()
    assert tip.split("：", 1)[1][:20] not in content
    print(f"pagefind/: {sum(p.stat().st_size for p in out.rglob('*') if p.is_file())} bytes")


@pytest.mark.build
def test_the_index_made_while_building_is_the_index_of_the_pages_as_built(portal_site: Build, tmp_path: Path) -> None:
    """The hook indexes the generated pages as soon as they are rendered; the built pages must give the same index."""
    copy = tmp_path / "site"
    shutil.copytree(portal_site.site, copy, ignore=shutil.ignore_patterns("pagefind"))
    index_site(copy)
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
                and p.suffix != ".gz"}  # the .gz copies are written by the build after the index
    built, again = files(portal_site.site / "pagefind"), files(copy / "pagefind")
    assert len(built) > 20 and built == again


@pytest.mark.build
def test_every_problem_is_a_sub_result_with_its_anchor_and_the_notice_has_its_filters(real_site: Build) -> None:
    notice = _fragments(real_site.site)["/disclosures/zhongshan-procuratorate-2025-04-27/"]
    anchors = {a["id"]: a["text"].replace("\u200b", "") for a in notice["anchors"]}
    assert [f"problem-{n}" for n in range(1, 46)] == [a for a in anchors if a.startswith("problem-")]
    assert anchors["problem-14"].startswith("（14）深化醉酒危险驾驶犯罪专项治理")
    assert "notice-contact" in anchors and "part-3-section-3" in anchors
    assert "overview" not in anchors  # the overview repeats the text's counts: not indexed
    assert notice["filters"] == {"unit": ["中共中山市人民检察院党组"], "year": ["2025"], "round": ["市委第五轮巡察"],
                                 "window": ["2025-04-27T00:00:00+08:00/2025-05-12T00:00:00+08:00"]}


@pytest.mark.build
def test_headings_carry_hidden_keywords_for_short_words_and_the_dictionary(real_site: Build) -> None:
    doc = lxml.html.fromstring(real_site.page("disclosures/zhongshan-procuratorate-2025-04-27/"))
    spans = [k for k in doc.cssselect(".dsc-search-keys") if k.text_content()]
    # Each line belongs to the section of the heading above it (Pagefind's sub-result).
    keys = {k.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5][1]")[0].get("id"):
            k.text_content() for k in spans}
    assert len(keys) == len(spans) and all(k.get("hidden") is not None for k in spans)
    assert keys["problem-14"].startswith("⟦") and keys["problem-14"].endswith("⟧")
    words = {anchor: line.strip("⟦⟧").split() for anchor, line in keys.items()}
    assert {"醉驾", "醉酒危险驾驶", "驾驶"} <= set(words["problem-14"])
    assert {"邮编", "地址", "电话"} <= set(words["notice-contact"])
    assert "通报" not in words["notice-title"]  # no pieces of the formulaic title
    # A date's tokens are not in the page: the index gets them right after the date (a fact, a run-in section).
    assert not [w for line in words.values() for w in line if w.startswith(("rq", "ny", "yr"))]
    content = _fragments(real_site.site)["/disclosures/zhongshan-procuratorate-2025-04-27/"]["content"]
    content = content.replace("\u200b", "")
    assert "反馈时间2024年7月31日⟦rq20240731 ny202407 yr0731⟧" in content
    assert "2024年8月30日⟦rq20240830 ny202408 yr0830⟧，市检察院党组召开" in content
    feed = json.loads((real_site.site / "feed.json").read_text(encoding="utf-8"))
    assert "⟦" not in json.dumps(feed, ensure_ascii=False)  # not in the feed copy


def test_the_search_page_lists_a_simple_sites_notices_and_links_a_portals_lists(tmp_path: Path) -> None:
    """Filter choices are the notices' own filter values; without JavaScript a simple site lists its notices,
    a portal its list pages (so the search page does not grow with the number of notices)."""
    import dataclasses
    import shutil

    from conftest import ROOT
    from helpers import combine_data

    from disclosures.build import prepare
    from disclosures.core import texts
    from disclosures.pages.searchpage import search_page

    combine_data(tmp_path / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"))
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    view = prepare(tmp_path, {"DISCLOSURE_NOW": "2025-04-28"}).notices[0]
    assert view.search is not None
    renamed = dataclasses.replace(view, id="renamed", url="disclosures/renamed/", search=dataclasses.replace(
        view.search, filters=(("unit", "某区审计局（虚构）"), ("year", "2023"), ("round", "第二轮巡察（虚构）"))))
    simple = search_page([view, renamed])
    assert simple.units == tuple(sorted({"某区审计局（虚构）", dict(view.search.filters)["unit"]}))
    assert simple.years[0] >= "2025" and simple.years[-1] == "2023" and "第二轮巡察（虚构）" in simple.rounds
    assert [link.href for link in simple.notices] == [f"../disclosures/{view.id}/", "../disclosures/renamed/"]
    portal = search_page([view, renamed], portal=True, rounds=False)
    assert [(link.label, link.href) for link in portal.notices] == [
        (texts.NAV_NOTICES, "../notices/"), (texts.NAV_UNITS, "../units/"), (texts.NAV_YEARS, "../years/")]
    assert portal.units == simple.units
