"""Chinese is written as Chinese, with full-width punctuation, in every source file people read.

Two guards over the sources (the package, the hook, the templates, the page scripts; the escape
guard also over the tests, the benchmark and the scripts folder):

- half-width punctuation (, : ; ( ) ! ?) next to a Chinese character in a string the site or a
  tool shows: a text written half-width would reach readers as such, or be converted at output,
  and then the text seen in the terminal cannot be found with grep. Regular expressions (raw
  strings) and docstrings are left out: patterns match half-width input on purpose, and
  docstrings explain the conversion with examples.
- \\uXXXX escapes of visible characters: a reviewer cannot proofread an escape. Invisible
  characters (spaces, joiners, line separators) and the ends of regex ranges ([\\u4e00-\\u9fff])
  may stay escaped.

Each guard is also run on a planted example, so a guard that finds nothing is known to work.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from disclosures.core import texts

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HALF_WIDTH = re.compile(f"[{HAN}][,:;()!?]|[,:;()!?][{HAN}]")
# YAML written in a message to show its syntax (“键: 值”, “词: [其他说法]”): YAML needs the ASCII colon.
YAML_EXAMPLE = re.compile(r"“[^“”]*?: [^“”]*?”")
# An escape, unless it is one end of a range inside a character class: [\u4e00-\u9fff].
ESCAPE = re.compile(r"(?<!-)(?<!\\)\\u([0-9a-fA-F]{4})(?!-\\u)|(?<!-)(?<!\\)\\U([0-9a-fA-F]{8})(?!-\\U)")

PACKAGE = sorted((ROOT / "disclosures").rglob("*.py")) + sorted((ROOT / "hooks").glob("*.py"))
TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))
SCRIPTS = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
ESCAPE_CHECKED = (PACKAGE + TEMPLATES + SCRIPTS + sorted((ROOT / "tests").glob("*.py"))
                  + sorted((ROOT / "bench").glob("*.py")))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def python_strings(source: str) -> Iterator[tuple[int, str]]:
    """(line, value) of every string literal and f-string piece, except docstrings and raw strings."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    lines = source.encode("utf-8").splitlines()  # col_offset counts UTF-8 bytes
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            start = lines[node.lineno - 1][node.col_offset:node.col_offset + 3]
            if not re.match(rb"[a-zA-Z]*[rR]", start):  # r"…": a regular expression
                yield node.lineno, node.value


def script_strings(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every JavaScript string literal."""
    for match in re.finditer(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', source):
        yield source.count("\n", 0, match.start()) + 1, match.group(0)


def template_text(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of a template without its {# comments #}: markup text, attributes and expressions."""
    without_comments = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group(0).count("\n"), source, flags=re.S)
    yield from enumerate(without_comments.splitlines(), start=1)


def half_width(pieces: Iterator[tuple[int, str]]) -> list[str]:
    return [f"{line}: {text!r}" for line, text in pieces if HALF_WIDTH.search(YAML_EXAMPLE.sub("", text))]


def visible_escapes(source: str) -> list[str]:
    """\\uXXXX escapes of visible characters (not spaces, controls, format characters or separators)."""
    found = []
    for match in ESCAPE.finditer(source):
        char = chr(int(match.group(1) or match.group(2), 16))
        if ord(char) > 0x7F and unicodedata.category(char)[0] not in "CZ":
            found.append(f"{source.count(chr(10), 0, match.start()) + 1}: {match.group(0)} ({char})")
    return found


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", PACKAGE, ids=_rel)
def test_python_texts_use_full_width_punctuation(path: Path) -> None:
    assert half_width(python_strings(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=_rel)
def test_template_texts_use_full_width_punctuation(path: Path) -> None:
    assert half_width(template_text(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", SCRIPTS, ids=_rel)
def test_script_texts_use_full_width_punctuation(path: Path) -> None:
    assert half_width(script_strings(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", ESCAPE_CHECKED, ids=_rel)
def test_no_escaped_visible_characters(path: Path) -> None:
    assert visible_escapes(path.read_text(encoding="utf-8")) == []


def test_every_catalogue_text_is_full_width() -> None:
    """Half-width punctuation beside Chinese only inside a YAML example (“键: 值”), as in source strings."""
    assert [name for name, text in texts.catalogue().items() if HALF_WIDTH.search(YAML_EXAMPLE.sub("", text))] == []


def test_script_texts_are_in_the_catalogue() -> None:
    assert set(texts.script_texts()) <= set(texts.catalogue())
    # No script carries its own copy of a Chinese text: they read the page's config script.
    for path in SCRIPTS:
        strings = [text for _, text in script_strings(path.read_text(encoding="utf-8"))]
        assert [s for s in strings if re.search(f"[{HAN}]", s)] == [], path.name


# --- the guards find what they must (planted examples) -----------------------------------------------

def test_half_width_guard_finds_planted_python_text() -> None:
    source = 'NOTE = "请于5月11日前反馈(含当日):谢谢"\nPATTERN = r"电话\\s*:?"\n'
    assert half_width(python_strings(source)) == ["1: '请于5月11日前反馈(含当日):谢谢'"]


def test_half_width_guard_finds_planted_f_string_and_template_and_script() -> None:
    assert half_width(python_strings('x = f"{a}更新:{b}"\n')) != []
    assert half_width(template_text('{# 注释:可以 #}\n<p>公开期限:{{ n.window.text }}</p>\n')) == [
        "2: '<p>公开期限:{{ n.window.text }}</p>'"]
    assert half_width(script_strings('var a = "复制失败,请重试";\n// 注释,可以\n')) == ['1: \'"复制失败,请重试"\'']


def test_half_width_guard_leaves_full_width_docstrings_and_numbers_alone() -> None:
    source = '"""Docstring: \'41面(封)\' matches."""\nA = "工作时间08:30—17:30，共1,000件"\n'
    assert half_width(python_strings(source)) == []


def test_escape_guard_finds_planted_escapes_only_of_visible_characters() -> None:
    u = "\\u"  # built here, so this file holds no escape itself
    planted = f'A = "{u}ff08没有这一天{u}ff09"\nB = "{u}516c{u}793a"'
    assert [line.split(":")[0] for line in visible_escapes(planted)] == ["1", "1", "2", "2"]
    allowed = f'A = "{u}200b{u}3000{u}2028"  # invisible\nB = re.compile("[{u}4e00-{u}9fff]")\nC = "\\{u}003c"'
    assert visible_escapes(allowed) == []


def test_yaml_examples_in_messages_are_not_prose() -> None:
    assert half_width(python_strings('E = "一组“键: 值”（term 和 explanation）"\n')) == []
    assert half_width(python_strings('E = "一组“键: 值”,请改正"\n')) != []
