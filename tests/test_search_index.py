"""The search dictionary and index: pure functions, and the index as built from data/."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from conftest import Build
from disclosures.errors import DataInvalid
from disclosures.searchindex import lean_search_index
from disclosures import records as r
from disclosures.searchterms import (SearchTerms, gather_terms, jieba_user_dictionary, keywords_for,
                                     quoted_terms, read_terms_file)

Z = "\u200b"


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
    terms = gather_terms(project, [notice])
    assert terms.whole == ("两项监督", "第一议题", "认罪认罚")  # sorted; Latin is no dictionary term
    assert terms.split == ("联系电话",)  # an explicit split wins over a quoted phrase
    assert terms.synonyms == (("邮政信箱", ("地址",)),)
    assert gather_terms(project, []).whole == ("两项监督", "认罪认罚")  # only shown notices give quoted terms


def test_user_dictionary_keeps_terms_whole_and_splits_compounds() -> None:
    text = jieba_user_dictionary(SearchTerms(("认罪认罚",), ("联系电话",)))
    assert text.splitlines() == ["认罪认罚 1000000", "联系电话 0"]


def test_keywords_give_parts_of_long_terms_and_synonyms() -> None:
    terms = SearchTerms(("醉酒危险驾驶", "认罪认罚"), (), (("邮政信箱", ("地址",)),))
    parts = {"醉酒危险驾驶": ["醉酒", "危险", "驾驶"], "认罪认罚": ["认罪", "认罚"]}
    assert keywords_for("深化醉酒危险驾驶治理，认罪认罚", terms, parts.__getitem__) == ["醉酒", "危险", "驾驶"]
    assert keywords_for("邮政信箱：中山市", terms, parts.__getitem__) == ["地址"]


def test_lean_index_separates_notice_sections_and_drops_listings() -> None:
    raw = json.dumps({"config": {"fields": {"title": {"boost": 1000}}}, "docs": [
        {"location": "", "title": "首页", "text": "<p>说明</p>"},
        {"location": "#notices", "title": "公示" + Z + "公告", "text": ""},
        {"location": "#n1", "title": "某" + Z + "通报", "text": "发布日期"},
        {"location": "disclosures/n1/", "title": "某" + Z + "通报", "text": ""},
        {"location": "disclosures/n1/#problem-1", "title": "（1）食堂", "text": "<p>邮政信箱</p>"},
    ]})
    index = json.loads(lean_search_index(raw, [("disclosures/n1/", "某通报")], lambda t: ["地址"] if "邮政" in t else []))
    assert [d["location"] for d in index["docs"]] == ["", "disclosures/n1/", "disclosures/n1/?section=problem-1"]
    assert index["docs"][2]["tags"] == ["某" + Z + "通报"] and index["docs"][2]["keywords"] == "地址"
    assert "keywords" in index["config"]["fields"]


def test_a_listing_of_a_notice_whose_title_has_html_specials_is_dropped_too() -> None:
    # Material writes "&" and "<" in indexed titles as &amp; and &lt;.
    raw = json.dumps({"config": {"fields": {}}, "docs": [
        {"location": "#n1", "title": "A&amp;B" + Z + "&lt;通报&gt;", "text": "发布日期"},
        {"location": "disclosures/n1/", "title": "A&amp;B" + Z + "&lt;通报&gt;", "text": ""},
    ]})
    index = json.loads(lean_search_index(raw, [("disclosures/n1/", "A&B<通报>")]))
    assert [d["location"] for d in index["docs"]] == ["disclosures/n1/"]


# --- the index as built from data/ ----------------------------------------------

@pytest.mark.build
def test_built_index_keeps_terms_whole_and_is_utf8(real_site: Build) -> None:
    raw = (real_site.site / "search" / "search_index.json").read_bytes()
    assert b"\\u" not in raw.replace(b"\\\\u", b"")  # only the separator pattern may spell \u
    index = json.loads(raw)
    tokens = {t for d in index["docs"] for field in ("title", "text") for t in d[field].split(Z)}
    for term in ("第一议题", "两项监督", "三会一课", "巡察整改", "认罪认罚", "醉酒危险驾驶", "涉案财物"):
        assert term in tokens, term
    assert {"电话", "邮箱"} <= tokens  # split out of 联系电话 and 电子邮箱
    print(f"search index: {len(raw)} bytes raw, {len(gzip.compress(raw, 9))} bytes gzipped")


@pytest.mark.build
def test_built_index_has_every_problem_as_its_own_entry(real_site: Build) -> None:
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = {d["location"].rsplit("=", 1)[1]: d for d in index["docs"] if "?section=problem-" in d["location"]}
    assert sorted(problems, key=lambda a: int(a.split("-")[1])) == [f"problem-{n}" for n in range(1, 46)]
    assert problems["problem-14"]["title"].replace(Z, "").startswith("（14）深化醉酒危险驾驶犯罪专项治理")
    assert all(d["tags"][0].replace(Z, "") == "中共中山市人民检察院党组关于巡察整改进展情况的通报" for d in problems.values())
    assert not any(d["location"].startswith("#") for d in index["docs"])  # no home-page listing duplicates
