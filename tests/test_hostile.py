"""Notices full of hostile strings either build with every text present and escaped, or fail with messages.

Most examples run the gather phase in process (disclosures.build.prepare renders every
generated page); a few run a whole `mkdocs build` to cover what MkDocs and Material add.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml
from conftest import ROOT, TEST_DATA, make_project, run_build
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from disclosures.build import prepare
from disclosures.core.errors import DataInvalid
from disclosures.core.safe import unsafe_character
from disclosures.core.typography import present
from disclosures.load.fieldreader import normalised
from disclosures.load.yamlload import _LOADER

NOW = {"DISCLOSURE_NOW": "2025-04-28"}
HOSTILE = ["<script>alert(1)</script>", "</script>", "</title>", "<!--", "-->", "]]>", "<![CDATA[", "&amp;", "&",
           "&#x3c;", '"', "'", "`", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{ 7*7 }}", "{% raw %}",
           "${x}", "%3Cscript%3E", "\\", "\u200b", "\u200e", "\ufeff", "😀", "👨\u200d👩\u200d👧", "ｆｕｌｌ", "，：；（）",
           ",:;()!?", "yes", "no", "on", "null", "~", "- ", ": ", "#", "\n", "   ", "\t", "一、", "中文"]
# Characters validation must refuse: controls, bidi overrides and isolates, line separators.
INVISIBLE = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\r", "\u202e", "\u2066", "\u2028", "\ufffe"]

# Random text without the invisible characters (those are injected on purpose below).
visible_chars = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                              exclude_characters="".join(INVISIBLE) + "\u202a\u202b\u202c\u202d\u2067\u2068\u2069\uffff")
pieces = st.one_of(st.sampled_from(HOSTILE), st.text(visible_chars, max_size=8))
text = st.one_of(st.lists(pieces, min_size=1, max_size=6).map("".join),
                 st.sampled_from(HOSTILE).map(lambda s: s * 500))  # very long
paragraph = st.one_of(text, st.fixed_dictionaries({"lead": text, "text": text}))
problem = st.fixed_dictionaries({"heading": text, "measures": st.lists(paragraph, min_size=1, max_size=2)})
theme = st.fixed_dictionaries({"heading": text, "problems": st.lists(problem, min_size=1, max_size=2)})
part = st.fixed_dictionaries({"heading": text, "paragraphs": st.lists(paragraph, max_size=2),
                              "themes": st.lists(theme, max_size=2)})
notice = st.fixed_dictionaries({
    "id": st.just("hostile"),
    "title": text,
    "published": st.just("2025-03-10"),
    "issuer": st.fixed_dictionaries({"name": text}),
    "preamble": st.lists(paragraph, max_size=2),
    "parts": st.lists(part, min_size=1, max_size=2),
    "invitation": text,
    "signature": st.fixed_dictionaries({"name": text, "date": st.just("2025-03-10")}),
})
# About half the notices carry one invisible character somewhere a clerk would not see it.
notices = st.one_of(notice, st.tuples(notice, st.sampled_from(INVISIBLE)).map(
    lambda pair: {**pair[0], "invitation": pair[0]["invitation"] + pair[1] + "。"}))

KNOWN_HOSTILE = {
    "id": "hostile", "title": "</title><script>alert(1)</script> & \"标题\" ]]> 😀", "published": "2025-03-10",
    "issuer": {"name": "<img src=x onerror=alert(1)>"}, "preamble": ["<!-- {{ 7*7 }} -->", {"lead": "'", "text": "&amp;"}],
    "parts": [{"heading": "</h2><h1>x", "paragraphs": ["javascript:alert(1)"],
               "themes": [{"heading": "\u200b中文\u200e", "problems": [{"heading": "yes", "measures": ["on" * 2000]}]}]}],
    "invitation": "</script>", "signature": {"name": "署名<b>", "date": "2025-03-10"},
}

FIXED = ("id", "published", "date")  # keys whose values the strategy does not vary


def texts(value: object) -> list[str]:
    """Every text a notice carries that must show on its page."""
    if isinstance(value, dict):
        return [t for key, v in value.items() if key not in FIXED for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return [value] if isinstance(value, str) else []


def benign(value: object) -> object:
    """The same notice with every text replaced by plain words (texts empty once the invisible characters
    a word processor pastes are removed stay empty, as the reader treats them)."""
    if isinstance(value, dict):
        return {key: v if key in FIXED else benign(v) for key, v in value.items()}
    if isinstance(value, list):
        return [benign(v) for v in value]
    return "文字" if isinstance(value, str) and normalised(value).strip() else value


def write_project(root: Path, data: dict) -> dict:
    """A project with data as its one notice; returns the notice as YAML reads it back (line breaks normalised)."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "data" / "disclosures").mkdir(parents=True)
    shutil.copy2(TEST_DATA / "fictional" / "site.yml", root / "data" / "site.yml")
    os.symlink(ROOT / "overrides", root / "overrides")  # prepare() renders with the real templates
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (root / "data" / "disclosures" / "hostile.yml").write_text(text, encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)


def structure(html: str) -> list[tuple[str, list[str]]]:
    """Every element with its attribute names, in document order."""
    return [(e.tag, sorted(e.attrib)) for e in lxml.html.fromstring(html).iter() if isinstance(e.tag, str)]


def assert_safe_and_complete(html: str, twin_html: str, data: dict) -> None:
    """No element or attribute the same notice with plain words lacks, no unsafe link, every text shown."""
    assert structure(html) == structure(twin_html)
    doc = lxml.html.fromstring(html)
    for element in doc.iter():
        href = element.get("href") if isinstance(element.tag, str) else None
        # The poster link is relative to a page below the notice ("poster/"): fixed text, never from data.
        assert href is None or href.startswith(("tel:", "mailto:", "#", "../", "./", "poster/",
                                                "https://fictional.example.org/"))
    shown = doc.text_content()
    for value in texts(data):
        assert present(normalised(value).strip()) in shown, value


def twin_page(root: Path, data: dict) -> str:
    write_project(root, benign(data))
    page = prepare(root, NOW).page("disclosures/hostile/index.md")
    assert page is not None
    return page.shown


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=notices)
@example(data={**KNOWN_HOSTILE, "invitation": "\ufeff" * 500 + "\x85。"})  # NEL after BOMs: leading space
def test_hostile_notices_render_escaped_or_fail_with_messages(scratch: Path, data: dict) -> None:
    data = write_project(scratch / "p", data)
    try:
        build = prepare(scratch / "p", NOW)
    except DataInvalid as error:
        event("refused by validation")
        assert error.errors and all(str(e).startswith("data/disclosures/hostile.yml:") for e in error.errors)
        return
    event("built")
    # What the reader keeps: invisible characters a word processor pastes removed, surrounding white space
    # (NEL included) dropped; nothing unsafe may remain.
    assert not any(unsafe_character(normalised(t).strip()) for t in texts(data))
    page = build.page("disclosures/hostile/index.md")
    assert page is not None
    assert_safe_and_complete(page.shown, twin_page(scratch / "twin", data), data)


@pytest.mark.build
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=notices)
@example(data=KNOWN_HOSTILE)  # always at least one build that succeeds with hostile text everywhere
def test_hostile_notices_in_a_real_build(tmp_path: Path, data: dict) -> None:
    project = tmp_path / "project"
    shutil.rmtree(project, ignore_errors=True)
    data = write_project(tmp_path / "data-src", data)
    build = run_build(make_project(project, tmp_path / "data-src" / "data"))
    output = build.result.stdout + build.result.stderr
    assert "Traceback" not in output
    assert build.ok or data != KNOWN_HOSTILE, build.result.stderr
    if not build.ok:
        assert "data/disclosures/hostile.yml:" in build.result.stderr and "数据有" in build.result.stderr
        return
    doc = lxml.html.fromstring(build.page("disclosures/hostile"))
    article = doc.cssselect("article.dsc-notice")[0]
    twin = twin_page(tmp_path / "twin", data)
    assert_safe_and_complete(lxml.html.tostring(article, encoding="unicode"), twin, data)
    title = doc.cssselect("title")[0].text_content()
    assert present(data["title"].strip()) in title
    # The feeds carry the same title: XML that parses, JSON that loads, the text unchanged.
    rss = lxml.etree.fromstring((build.site / "feed.xml").read_bytes())
    assert present(data["title"].strip()) in rss.findtext("channel/item/title")
    feed = json.loads((build.site / "feed.json").read_text(encoding="utf-8"))
    assert present(data["title"].strip()) in feed["items"][0]["title"]
    assert not [s for s in doc.iter("script") if "alert" in (s.text or "")]
