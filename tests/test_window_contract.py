"""The window contract other templates rely on (handbook/development.md, "Window status in the page"), server side."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest
from conftest import ROOT

from disclosures.core.records import Window
from disclosures.model.view import window_view
from disclosures.pages.render import template_env

WINDOW = Window(dt.date(2025, 4, 27), dt.date(2025, 5, 11))
AT = {"upcoming": dt.datetime(2025, 4, 26, tzinfo=dt.timezone.utc),
      "open": dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc),
      "closed": dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc)}

# How another page (e.g. the feedback page) uses the contract.
TEMPLATE = """{% from "partials/disclosures/macros.html" import window_attrs, window_when, window_status %}
<form id="carrier" {{ window_attrs(w) }}>
  {{ window_status(w) }}
  <p id="upcoming" {{ window_when(w, "upcoming") }}>尚未开始</p>
  <fieldset id="open" {{ window_when(w, "open") }}>表单</fieldset>
  <p id="not-closed" {{ window_when(w, "upcoming open") }}>欢迎提出意见</p>
  <p id="closed" {{ window_when(w, "closed") }}>已截止</p>
</form>"""


def render(state: str, template: str = TEMPLATE) -> lxml.html.HtmlElement:
    env = template_env(ROOT / "overrides")
    html = env.from_string(template).render(w=window_view(WINDOW, AT[state]))
    return lxml.html.fromstring(html)


@pytest.mark.parametrize("state", list(AT))
def test_elements_are_rendered_hidden_unless_the_build_time_state_is_listed(state: str) -> None:
    doc = render(state)
    carrier = doc.get_element_by_id("carrier")
    assert (carrier.get("data-window-start"), carrier.get("data-window-end"), carrier.get("data-window-status")) \
        == ("2025-04-27T00:00:00+08:00", "2025-05-12T00:00:00+08:00", state)
    visible = {el.get("id") for el in doc.cssselect("[data-window-when]") if el.get("hidden") is None}
    expected = {"upcoming": {"upcoming", "not-closed"}, "open": {"open", "not-closed"}, "closed": {"closed"}}
    assert visible == expected[state]
    assert doc.get_element_by_id("not-closed").get("data-window-when") == "upcoming open"
    badge = doc.cssselect(".dsc-status")[0]
    assert badge.get("data-window-status") == state and f"dsc-status--{state}" in badge.get("class")


def test_a_misspelt_state_fails_the_render_instead_of_hiding_for_ever() -> None:
    with pytest.raises(ValueError, match="opened"):
        render("open", """{% from "partials/disclosures/macros.html" import window_when %}
<p {{ window_when(w, "opened") }}>x</p>""")
