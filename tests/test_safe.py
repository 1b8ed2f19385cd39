"""Output safety helpers: which links may be published, JSON inside <script>, invisible characters."""

from __future__ import annotations

import json

import pytest

from disclosures.core.safe import WEB_SCHEMES, html_text, is_safe_link, json_for_script, unsafe_character

GOOD_LINKS = ["https://example.org/", "http://example.org/a/b?c=1&d=2#e", "https://中山.example.org/公告",
              "mailto:office@example.org", "tel:0760-88883686", "tel:12309"]
BAD_LINKS = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
             "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
             "//example.org/", "/relative/path", "example.org", "https://", "http:example.org", "mailto:", "tel:",
             'https://example.org/"onmouseover="alert(1)', "https://example.org/<script>", "https://exa mple.org/",
             "https://example.org/\u202e", "https://example.org/\x00", "https://[::1", "HTTPS://example.org/", ""]


@pytest.mark.parametrize("url", GOOD_LINKS)
def test_safe_links_are_accepted(url: str) -> None:
    assert is_safe_link(url)


@pytest.mark.parametrize("url", BAD_LINKS)
def test_unsafe_links_are_refused(url: str) -> None:
    assert not is_safe_link(url)


def test_web_only_fields_refuse_mail_and_phone_links() -> None:
    assert is_safe_link("https://example.org/", WEB_SCHEMES)
    assert not is_safe_link("mailto:office@example.org", WEB_SCHEMES)
    assert not is_safe_link("tel:12309", WEB_SCHEMES)


HOSTILE = ["</script><script>alert(1)</script>", "<!--", "-->", "]]>", "</SCRIPT >", "&amp;", "\u2028\u2029",
           '"quotes" and \'apostrophes\'', "<![CDATA[x]]>", "\\u003c", "😀"]


@pytest.mark.parametrize("text", HOSTILE)
def test_json_for_script_cannot_end_the_script_and_means_the_same(text: str) -> None:
    value = {"name": text, "list": [text, 1, None]}
    encoded = json_for_script(value)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(encoded) == value


def test_json_for_script_is_deterministic() -> None:
    assert json_for_script({"b": 1, "a": 2}) == json_for_script({"a": 2, "b": 1}) == '{"a":2,"b":1}'


def test_html_text_escapes_markup_and_quotes() -> None:
    assert html_text("<b>\"x\" & 'y'</b>") == "&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/b&gt;"


@pytest.mark.parametrize(("text", "found"), [("正常文字\t与换行\n", None), ("a\x00b", "\x00"), ("\x1b[31m", "\x1b"),
                                             ("\x85", "\x85"), ("a\u202eb", "\u202e"), ("\u2066x\u2069", "\u2066"),
                                             ("行\u2028分隔", "\u2028"), ("\ufffe", "\ufffe"), ("\u200e标记", None),
                                             ("😀👨‍👩‍👧", None)])
def test_unsafe_character(text: str, found: str | None) -> None:
    assert unsafe_character(text) == found
