"""The importer and the form editor write one layout (issue #28): importer/canonical.py is held to the `yaml`
package with the editor's own options (editor/canonical.mjs), on every notice file and on texts Hypothesis
makes up; putting a file into that layout changes no value the check reads."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, TEST_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosures.importer.canonical import Unsupported, canonical_data, canonical_yaml
from disclosures.load.project import read_notice

NOTICES = sorted([*ROOT.glob("data/disclosures/*.yml"), *TEST_DATA.glob("fictional/disclosures/*.yml")])


def oracle(documents: list[dict]) -> list[str]:
    """Each document as Sveltia CMS writes it (the yaml package, with its options)."""
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    done = subprocess.run(["node", str(ROOT / "editor" / "canonical.mjs")], input=lines, capture_output=True,
                          text=True, check=True)
    return done.stdout.split("\0")[:-1]


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name)
def test_a_notice_in_the_layout_is_what_the_editor_writes(path: Path) -> None:
    data = canonical_data(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert canonical_yaml(data) == oracle([data])[0]


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name)
def test_the_layout_changes_no_value_and_is_kept(path: Path, tmp_path: Path) -> None:
    text = canonical_yaml(canonical_data(yaml.safe_load(path.read_text(encoding="utf-8"))))
    copy = tmp_path / path.name
    copy.write_text(text, encoding="utf-8")
    before, before_errors, _ = read_notice(path, path.name)
    after, after_errors, _ = read_notice(copy, path.name)
    assert before_errors == after_errors == []
    assert after == before
    assert canonical_yaml(canonical_data(yaml.safe_load(text))) == text  # a second pass changes nothing


# Texts a notice holds, and the characters that decide how YAML must write them.
_TEXT = st.text(st.sampled_from(list("整改措施问题（）“”：，。、；") + list("ab09 -:#'\"!&*%@`|>?,[]{}.~+\n\t")),
                max_size=12)
_VALUE = st.one_of(_TEXT, st.integers(-5, 20000), st.booleans(),
                   st.sampled_from(["yes", "no", "on", "12:30", "2025-04-27", "1e3", "0x1F", ".5", "null", "~"]))
_DOCUMENT = st.recursive(st.dictionaries(st.sampled_from(["title", "text", "lead", "note"]), _VALUE, min_size=1),
                         lambda inner: st.dictionaries(st.sampled_from(["parts", "issuer", "measures"]),
                                                       st.one_of(inner, st.lists(inner, min_size=1, max_size=3),
                                                                 st.lists(_VALUE, min_size=1, max_size=3)),
                                                       min_size=1), max_leaves=8)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_DOCUMENT, min_size=40, max_size=40))
def test_any_value_is_written_as_the_editor_writes_it_or_refused(documents: list[dict]) -> None:
    written = []
    for document in documents:
        try:
            written.append((document, canonical_yaml(document)))
        except Unsupported:
            pass  # outside the layout (whitespace around a line break): never styled differently in silence
    assert [text for _, text in written] == oracle([document for document, _ in written])


def test_moving_an_item_changes_only_the_lines_that_move() -> None:
    path = ROOT / "data" / "disclosures" / "zhongshan-procuratorate-2025-04-27.yml"
    data = canonical_data(yaml.safe_load(path.read_text(encoding="utf-8")))
    measures = data["parts"][1]["sections"][0]["themes"][0]["problems"][0]["measures"]
    before = canonical_yaml(data).splitlines()
    measures[0], measures[1] = measures[1], measures[0]
    after = canonical_yaml(data).splitlines()
    moved = [line for item in measures[:2] for line in canonical_yaml({"m": [item]}).splitlines()[1:]]
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after)  # the two items' lines trade places; nothing else is written anew
    assert changed and {after[i].strip() for i in changed} <= {line.strip() for line in moved}
    assert len(changed) <= len(moved)
