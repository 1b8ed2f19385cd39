"""The built overview, chart, glossary and open-data files, checked against the data files."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import lxml.html
import pytest
import yaml
from conftest import REAL_ID, ROOT, Build
from helpers import article_text, normalise

from disclosures.core.typography import to_fullwidth

pytestmark = pytest.mark.build

NOTICE_URL = f"disclosures/{REAL_ID}"
REAL_FILE = ROOT / "data" / "disclosures" / f"{REAL_ID}.yml"
SVG = "{http://www.w3.org/2000/svg}"


def raw_real() -> dict:
    return yaml.safe_load(REAL_FILE.read_text(encoding="utf-8"))


def notice_doc(real_site: Build):
    return lxml.html.fromstring(real_site.page(NOTICE_URL))


def test_overview_table_counts_match_the_data(real_site: Build) -> None:
    raw = raw_real()
    categories = [(s["heading"], len(s["themes"]), sum(len(t["problems"]) for t in s["themes"]))
                  for s in raw["parts"][1]["sections"]]
    rows = notice_doc(real_site).cssselect("section.dsc-overview table tbody tr")
    shown = [(normalise(row[0].text_content()), int(row[1].text), int(row[2].text), row[3].text) for row in rows]
    assert [(h[3:], t, p) for h, t, p, _ in shown] == [(normalise(to_fullwidth(h)), t, p) for h, t, p in categories]
    assert {state for *_, state in shown} == {"已整改"}
    total = notice_doc(real_site).cssselect("section.dsc-overview table tfoot td")
    assert [int(total[0].text), int(total[1].text)] == [18, 45]
    parts = [normalise(li.text_content()) for li in notice_doc(real_site).cssselect(".dsc-overview__parts > li")]
    assert parts[0].endswith("4类、18个方面、45个问题已整改")
    assert parts[1].startswith("三、需长期整改事项进展情况:3项长期整改中")


def test_figure_cards_show_the_data_figures(real_site: Build) -> None:
    cards = notice_doc(real_site).cssselect("ul.dsc-figures > li")
    shown = [(c.cssselect(".dsc-figure__label")[0].text,
              normalise(c.cssselect(".dsc-figure__value")[0].text_content())) for c in cards]
    expected = [(f["label"], normalise(f"{f['value']}{f['unit']}")) for f in raw_real()["figures"]]
    assert shown == expected and ("办理各类案件", "17562件") in shown


def test_chart_is_valid_svg_with_a_text_alternative_and_a_data_table(real_site: Build) -> None:
    html = real_site.page(NOTICE_URL)
    found = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    charts = [s for s in found if 'class="dsc-chart"' in s]
    assert len(charts) == 1
    svg = ET.fromstring(charts[0])  # an XML parser: the markup must be well-formed
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id and svg.find(f"{SVG}desc").get("id") == desc_id
    assert "45" not in svg.find(f"{SVG}title").text  # the title names the chart, the desc gives the values
    assert [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "dsc-chart__value"] == \
        ["18个问题", "13个问题", "10个问题", "4个问题"]
    figure = notice_doc(real_site).cssselect("figure.dsc-chart-figure")[0]
    assert "数据见上表" in figure.cssselect("figcaption")[0].text_content()
    assert notice_doc(real_site).cssselect("table.dsc-overview-table caption")


def test_term_explanations_sit_outside_the_notice_text(real_site: Build) -> None:
    doc = notice_doc(real_site)
    terms = doc.cssselect("article.dsc-notice a.dsc-term")
    notes = {n.get("id"): n for n in doc.cssselect(".dsc-term-note")}
    assert len(terms) >= 10 and len(terms) == len(notes)
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    forms = {form: e["term"] for e in glossary for form in [e["term"], *e.get("aliases", [])]}
    for term in terms:
        note = notes[term.get("aria-describedby")]
        assert note.get("role") == "tooltip"
        assert note.text_content().startswith(forms[term.text_content()] + "：")
        assert term.get("href").startswith("../../glossary/#term-")
    assert not doc.cssselect("article.dsc-notice .dsc-term-note")
    assert "坚决维护党中央权威和集中统一领导" not in article_text(real_site.page(NOTICE_URL))


def test_glossary_page_lists_every_term_and_is_in_the_nav(real_site: Build) -> None:
    raw = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    doc = lxml.html.fromstring(real_site.page("glossary"))
    assert [dt.text_content() for dt in doc.cssselect("dl.dsc-glossary dt")] == [e["term"] for e in raw]
    links = notice_doc(real_site).cssselect("article.dsc-notice a.dsc-term")
    anchors = {dt.get("id") for dt in doc.cssselect("dl.dsc-glossary dt")}
    assert {a.get("href").split("#")[1] for a in links} <= anchors
    nav = [normalise(a.text_content()) for a in lxml.html.fromstring(real_site.page("")).cssselect(
        "nav.md-nav--primary a.md-nav__link")]
    assert "术语解释" in nav


def test_json_download_parses_and_matches_the_data(real_site: Build) -> None:
    raw = raw_real()
    doc = json.loads((real_site.site / "data" / "notices" / f"{REAL_ID}.json").read_text(encoding="utf-8"))
    assert doc["format"] == "disclosure-notice" and doc["version"] == 1
    assert doc["id"] == raw["id"] and doc["title"] == raw["title"]
    assert doc["published"] == raw["published"].isoformat()
    assert doc["window"] == {"start": "2025-04-27", "end": "2025-05-11"}
    # The file keeps a figure's value as the notice prints it (text: the form edits it so); the JSON, a number.
    assert doc["figures"] == [{"label": f["label"], "value": json.loads(str(f["value"])), "unit": f["unit"],
                               "note": f.get("note")} for f in raw["figures"]]
    assert [p["heading"] for p in doc["parts"]] == [to_fullwidth(p["heading"]) for p in raw["parts"]]
    assert [p["state"] for p in doc["parts"]] == [p.get("state") for p in raw["parts"]]
    problems = [pr for part in doc["parts"] for s in part["sections"] for t in s["themes"] for pr in t["problems"]]
    raw_problems = [pr for part in raw["parts"] for s in part.get("sections", []) for t in s.get("themes", [])
                    for pr in t["problems"]]
    assert [p["heading"] for p in problems] == [to_fullwidth(p["heading"]) for p in raw_problems]
    assert [p["anchor"] for p in problems] == [f"problem-{n}" for n in range(1, 46)]
    assert [len(p["measures"]) for p in problems] == [len(p["measures"]) for p in raw_problems]
    assert doc["counts"] == {"themes": 18, "problems": 45}
    assert doc["contact"]["email"] == raw["contact"]["email"]


def test_yaml_download_is_the_source_file_and_the_page_links_both(real_site: Build) -> None:
    folder = real_site.site / "data" / "notices"
    assert (folder / f"{REAL_ID}.yml").read_bytes() == REAL_FILE.read_bytes()
    links = notice_doc(real_site).cssselect("p.dsc-downloads a")
    page_dir = real_site.site / NOTICE_URL
    targets = [(page_dir / a.get("href")).resolve() for a in links]
    assert targets == [(folder / f"{REAL_ID}.json").resolve(), (folder / f"{REAL_ID}.yml").resolve()]
    assert [a.get("type") for a in links] == ["application/json", "application/yaml"]


def test_index_lists_the_published_notices(real_site: Build) -> None:
    index = json.loads((real_site.site / "data" / "notices.json").read_text(encoding="utf-8"))
    assert index["format"] == "disclosure-index" and index["version"] == 1
    [entry] = index["notices"]
    assert entry["id"] == REAL_ID and entry["problems"] == 45
    for key in ("json", "yaml"):
        assert (real_site.site / entry[key]).is_file()
    assert (real_site.site / entry["page"] / "index.html").is_file()


