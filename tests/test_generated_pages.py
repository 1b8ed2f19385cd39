"""The hook reads and renders a generated page without MkDocs' YAML and Markdown (on_pre_page): what it sets
must be what MkDocs' own Page.read_source and Page.render give for the file the hook hands MkDocs."""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_project
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from portal_data import write_portal

from disclosures.build import prepare

_spec = importlib.util.spec_from_file_location("disclosures_hooks_under_test", ROOT / "hooks" / "disclosures_hooks.py")
hooks = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = hooks  # its dataclasses look their module up
_spec.loader.exec_module(hooks)

READ = ("markdown", "meta", "title", "content", "toc", "_title_from_render", "present_anchor_ids",
        "links_to_anchors")


def _read(page: Page, config, files: Files) -> dict[str, object]:
    page.read_source(config)
    page.render(config, files)
    values = {name: getattr(page, name, None) for name in READ}
    values["toc"] = [(item.title, item.id, item.level) for item in page.toc]
    return values


@pytest.mark.parametrize("verbose", [False, True], ids=["default", "verbose"])
def test_a_generated_page_reads_and_renders_as_mkdocs_would(tmp_path: Path, verbose: bool) -> None:
    data = tmp_path / "data"
    write_portal(data, units=3)
    # Titles and descriptions that YAML, JSON and HTML each treat specially.
    path = sorted((data / "disclosures").glob("*.yml"))[0]
    title = "𠮷野 <b>&amp;</b> 'a: b' # c \\ \"d\" {e} [f] — 巡察"
    text = re.sub(r"^title: .*$", lambda _: "title: " + json.dumps(title, ensure_ascii=False), path.read_text(
        encoding="utf-8"), count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    root = make_project(tmp_path / "project", data)
    build = prepare(root, {"DISCLOSURE_NOW": "2025-04-28", "DISCLOSURE_ALLOW_EMPTY": "1"})
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins._current_plugin = None  # as outside any plugin's event (File.generated asks)
    hooks._state.build = build
    pages_logger = logging.getLogger("mkdocs.structure.pages")
    level = pages_logger.level
    pages_logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        for generated in build.pages:
            file = File.generated(config, generated.src_uri, content=hooks.generated_source(generated))
            files = Files([file])
            theirs = _read(Page(None, file, config), config, files)
            ours = _read(hooks.on_pre_page(Page(None, file, config), config, files), config, files)
            assert ours == theirs, generated.src_uri
    finally:
        pages_logger.setLevel(level)
        hooks._state.build = None
    assert any(p.title.startswith("𠮷野 &lt;b&gt;") for p in build.pages)  # the awkward title was compared
