"""Compiled templates kept for the process (pages/templatecode.py): a preview's rebuild makes new Jinja
environments, and must neither compile an unchanged template again nor use a code that another source or
other compile settings would not have given."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT

from disclosures.pages.render import render_subscribe, template_env
from disclosures.pages.templatecode import PROCESS_CODE, keep_compiled


@pytest.fixture(autouse=True)
def empty_codes() -> Iterator[None]:
    PROCESS_CODE.clear()
    yield
    PROCESS_CODE.clear()


def _counting(env: jinja2.Environment, compiled: list[str]) -> jinja2.Environment:
    """env, recording the name of every template it compiles from source."""
    compile_source = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001, ANN202
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    env.compile = compile  # type: ignore[method-assign]
    return env


def test_a_new_environment_reuses_what_an_earlier_one_compiled(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    compiled: list[str] = []
    for _ in range(3):
        env = _counting(keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path))), compiled)
        assert env.get_template("page.html").render(text="一") == "<p>一</p>"
    assert compiled == ["page.html"]


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>{{ text }}</p>", encoding="utf-8")
    env = keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path)))
    assert env.get_template("page.html").render(text="一") == "<p>一</p>"
    page.write_text("<li>{{ text }}</li>", encoding="utf-8")
    compiled: list[str] = []
    env = _counting(keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path))), compiled)
    assert env.get_template("page.html").render(text="一") == "<li>一</li>"
    assert compiled == ["page.html"]


def test_environments_that_compile_differently_do_not_share_codes(tmp_path: Path) -> None:
    """The same file under our settings (escaping, trimmed blocks) and the theme's (neither): Jinja's own key
    (name and path) is the same, the code is not."""
    (tmp_path / "page.html").write_text("{% if true %}\n<p>{{ text }}</p>\n{% endif %}\n", encoding="utf-8")

    def ours() -> jinja2.Environment:
        return keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True,
                                                trim_blocks=True, lstrip_blocks=True))

    def theirs() -> jinja2.Environment:
        return keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path)))

    for _ in range(2):  # each kind compiled once, then reused, and never the other's
        assert ours().get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>\n"
        assert theirs().get_template("page.html").render(text="<b>") == "\n<p><b></p>\n"


def _compiles(env: jinja2.Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except jinja2.TemplateAssertionError:
        return False
    return True


def test_a_template_needing_a_filter_the_environment_lacks_still_fails(tmp_path: Path) -> None:
    """A code compiled where the filter exists is not handed to an environment without it."""
    (tmp_path / "page.html").write_text("{{ text | shout }}", encoding="utf-8")
    with_filter = keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path)))
    with_filter.filters["shout"] = str.upper
    assert with_filter.get_template("page.html").render(text="a") == "A"
    with pytest.raises(jinja2.TemplateAssertionError):
        keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path))).get_template("page.html")


def test_our_templates_are_compiled_once_a_process() -> None:
    """Our own environment, made twice as a preview's rebuilds make it: the second compiles none of our
    templates and renders what the first rendered."""
    first = template_env(ROOT / "overrides")
    names = [name for name in first.list_templates(filter_func=lambda n: n.startswith("partials/disclosures/"))
             if _compiles(first, name)]  # not the theme's partials (they use MkDocs' filters)
    assert "partials/disclosures/notice.html" in names
    compiled: list[str] = []
    second = _counting(template_env(ROOT / "overrides"), compiled)
    for name in names:
        second.get_template(name)
    assert compiled == []
    feeds = ("https://example.org/feed.xml", "https://example.org/feed.json")
    assert render_subscribe(second, *feeds) == render_subscribe(first, *feeds)


def test_new_style_gettext_is_not_given_old_style_code(tmp_path: Path) -> None:
    """The i18n extension compiles {% trans %} by the environment's newstyle_gettext (MkDocs installs the
    theme's translations so): the text a new-style gettext is asked for has its "%" doubled."""
    (tmp_path / "page.html").write_text("{% trans %}完成100%{% endtrans %}", encoding="utf-8")

    def asked(newstyle: bool) -> list[str]:
        texts: list[str] = []
        env = keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path),
                                               extensions=["jinja2.ext.i18n"]))
        env.install_gettext_callables(lambda text: texts.append(text) or text,  # type: ignore[attr-defined]
                                      lambda one, many, n: many, newstyle=newstyle)
        assert env.get_template("page.html").render() == "完成100%"
        return texts

    for _ in range(2):
        assert asked(newstyle=False) == ["完成100%"]
        assert asked(newstyle=True) == ["完成100%%"]
