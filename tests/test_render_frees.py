"""A notice's render lets go of its view: no cycle keeps it alive for the cycle collector.

An import of macros `with context` makes a module per render whose context holds the render's variables,
and its macros' functions refer back to that context: each notice's whole view waited for the cycle
collector, which read all of it first (macros.html says what its macros take instead). With the collector
off, the view must be freed as soon as the caller lets go of it.
"""

from __future__ import annotations

import dataclasses
import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from test_model_shapes import CATEGORY_PROBLEMS, NOW, _notice, _site

from disclosures.core.records import SearchTerms
from disclosures.model.searchmarks import notice_search
from disclosures.model.view import notice_view
from disclosures.numbering.body import ProblemView, walk
from disclosures.pages.render import render_notice, template_env


@pytest.fixture
def collector_off() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _view(tmp_path: Path):
    notice, errors = _notice(tmp_path, CATEGORY_PROBLEMS.format(id="hospital", numbering=""))
    assert errors == [] and notice is not None
    view = notice_view(notice, _site(), NOW)
    return dataclasses.replace(view, search=notice_search(notice, view, SearchTerms((), ())))


@pytest.mark.parametrize("feed", [False, True])
def test_a_rendered_notice_frees_its_view_without_the_cycle_collector(tmp_path: Path, collector_off: None,
                                                                      feed: bool) -> None:
    env = template_env(ROOT / "overrides")
    view = _view(tmp_path)
    paragraph = next(p for p in walk(view.preamble, view.parts) if isinstance(p, ProblemView))
    watched = [weakref.ref(view), weakref.ref(paragraph)]
    page = render_notice(env, view, feed=feed)
    assert "门诊挂号等候时间偏长" in page
    del view, paragraph
    assert [w() for w in watched] == [None, None]
