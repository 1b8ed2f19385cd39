"""A property-based fuzzer over the data: whatever a clerk's slip does to a file, nothing crashes and nothing
disagrees.

Each example starts from a real or fictional notice (or the site's own files) in a small portal (two
units, so the portal's lists are made), changes one to three things at any depth — a key removed, a list
item doubled, a value retyped or emptied, a list and a mapping swapped, odd Unicode put into a text
(control characters, bidi marks, lone surrogates written as escapes, emoji, very long strings, markup)
— and sometimes cuts the file at any byte or puts a raw control character into it. Then:

- `disclosures check` and the build (disclosures.build.prepare, the whole gather phase) raise nothing
  but their own refusals;
- every refusal names a file of the project and a line that exists in it;
- check passes exactly when the build succeeds with nothing to warn about (make site is strict);
- a build that succeeds escapes everything: no markup from the data becomes an element, every feed
  parses as XML and every JSON file loads.

`make test` runs a bounded number of examples; `make fuzz` runs 10,000 per property
(tests/fuzzing.py). Every failure found became an @example below, with its minimal example.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml
from conftest import ROOT, TEST_DATA, make_project, run_build
from fuzzing import fuzz_settings
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from disclosures.build import prepare
from disclosures.cli import check
from disclosures.core.errors import DataInvalid, ProjectError

pytestmark = pytest.mark.fuzz

# The notices examples start from: the real one, and fictional ones of every shape the tests know.
SEEDS = [ROOT / "data" / "disclosures" / "zhongshan-procuratorate-2025-04-27.yml",
         TEST_DATA / "fictional" / "disclosures" / "lakeside-bureau-2025-03-10.yml",
         *sorted((TEST_DATA / "search" / "disclosures").glob("*.yml")),
         TEST_DATA / "feeds" / "disclosures" / "escaping-2025-04-27.yml"]
# Another unit's notice beside the seed, so the portal's unit, round and year lists are built too.
COMPANION = TEST_DATA / "search" / "disclosures" / "hillside-water-2025-03-18.yml"
OTHER = TEST_DATA / "fictional" / "disclosures" / "lakeside-bureau-2025-03-10.yml"  # the companion of that one
# The site's own files, fuzzed too (as the data folder's root files).
SITE_FILES = {"site.yml": TEST_DATA / "fictional" / "site.yml", "glossary.yml": ROOT / "data" / "glossary.yml",
              "search-terms.yml": ROOT / "data" / "search-terms.yml"}
# Days the build may run on: before a notice is public, inside the windows, long after.
DAYS = ["2024-10-01", "2025-03-18", "2025-04-28", "2025-05-12", "2026-01-01"]

MARKUP = '<i data-fuzz="1">x</i>'  # an element no page has: it must never become one
SURROGATE = "FUZZSURROGATE"  # a whole text replaced by a lone surrogate written as a YAML escape
ODD = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u200e", "\u202e", "\u2066", "\u2028", "\ufeff", "\ufffe",
       "😀", "👨\u200d👩\u200d👧", "ｆｕｌｌ", "，：", ":", "#", "- ", "'", '"', "\\", "&amp;", "]]>", "</script>", MARKUP,
       "{{ 7*7 }}", "javascript:alert(1)", "一、", "（一）", "1.", "一是", "\n", "\t", "   ", "中" * 5000, "x" * 20000]

Tree = object  # what yaml.safe_load gives: dicts, lists, str, int, float, bool, None, dates


def _load(path: Path) -> Tree:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


SEED_TREES = {path.name: _load(path) for path in SEEDS}
SITE_TREES = {name: _load(path) for name, path in SITE_FILES.items()}


def node_paths(tree: Tree, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside tree, depth first (a path is the keys and indexes leading to it)."""
    found: list[tuple] = []
    items = tree.items() if isinstance(tree, dict) else enumerate(tree) if isinstance(tree, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found += node_paths(value, (*prefix, key))
    return found


def _parent(tree: Tree, path: tuple) -> Tree:
    for key in path[:-1]:
        tree = tree[key]
    return tree


values = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.booleans(), st.none(),
                   st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.text(max_size=20),
                   st.sampled_from(["", "yes", "no", "on", "null", "~", "2025-02-30", "2025-04-27 25:00", "12:30"]),
                   st.lists(st.text(max_size=5), max_size=3), st.just({"x": "y"}))


def mutate(tree: Tree, path: tuple, op: str, draw) -> Tree:
    """One slip at path: removed, doubled, retyped, emptied, swapped or given odd text."""
    parent, key = _parent(tree, path), path[-1]
    value = parent[key]
    if op == "remove":
        del parent[key]
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(value))
    elif op == "retype":  # a copy: a drawn list or mapping is a strategy's constant, never to be changed
        parent[key] = copy.deepcopy(draw(values))
    elif op == "prune" and isinstance(value, dict):  # optional keys left out, in any combination
        for gone in draw(st.sets(st.sampled_from(sorted(value, key=str)))) if value else ():
            del value[gone]
    elif op == "empty":
        parent[key] = copy.deepcopy(draw(st.sampled_from(["", [], {}, None])))
    elif op == "swap":
        if isinstance(value, list):
            parent[key] = {str(i): v for i, v in enumerate(value)}
        elif isinstance(value, dict):
            parent[key] = list(value.values()) if draw(st.booleans()) else [value]
        else:
            parent[key] = [value]
    elif op == "unicode":
        text = value if isinstance(value, str) else str(value)
        odd = draw(st.sampled_from(ODD + [SURROGATE]))
        if odd == SURROGATE:
            parent[key] = SURROGATE
        else:
            at = draw(st.integers(0, len(text)))
            parent[key] = text[:at] + odd + text[at:]
    return tree


@st.composite
def slipped_files(draw) -> tuple[str, str, bytes]:
    """(which file, its name, its bytes) after one to three slips, and sometimes a cut or a raw character."""
    if draw(st.integers(0, 9)) == 0:
        name = draw(st.sampled_from(sorted(SITE_TREES)))
        tree, where = copy.deepcopy(SITE_TREES[name]), "site"
    else:
        name = draw(st.sampled_from(sorted(SEED_TREES)))
        tree, where = copy.deepcopy(SEED_TREES[name]), "disclosures"
    for _ in range(draw(st.integers(1, 3))):
        paths = node_paths(tree)
        if not paths:
            break
        # A depth first, then a place at that depth: the few top-level keys are as likely as the many texts.
        depth = draw(st.sampled_from(sorted({len(p) for p in paths})))
        path = draw(st.sampled_from([p for p in paths if len(p) == depth]))
        op = draw(st.sampled_from(["remove", "duplicate", "retype", "empty", "swap", "unicode", "prune"]))
        tree = mutate(tree, path, op, draw)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=100000)
    text = text.replace(SURROGATE, '"文字\\ud800"')  # PyYAML cannot write one; a clerk's escape can
    raw = text.encode("utf-8")
    change = draw(st.integers(0, 9))
    if change == 0:
        raw = raw[:draw(st.integers(0, len(raw)))]  # cut at any byte (a half-written save)
    elif change == 1:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\x00", b"\x07", b"\t", b"\r", b"\xe2\x80\xae", b"\xff"])) + raw[at:]
    return where, name, raw


def write_project(root: Path, where: str, name: str, raw: bytes) -> Path:
    """A two-unit portal: the seed (or the companion and the site's files), with one file slipped."""
    shutil.rmtree(root, ignore_errors=True)
    data = root / "data"
    (data / "disclosures").mkdir(parents=True)
    os.symlink(ROOT / "overrides", root / "overrides")  # prepare() renders with the real templates
    for site_name, path in SITE_FILES.items():
        shutil.copy2(path, data / site_name)
    seed = name if where == "disclosures" else SEEDS[0].name
    source = next(p for p in SEEDS if p.name == seed)
    shutil.copy2(source, data / "disclosures" / seed)
    companion = OTHER if COMPANION.name == seed else COMPANION
    shutil.copy2(companion, data / "disclosures" / companion.name)
    (data / where.replace("site", "") / name).write_bytes(raw)
    return data


def assert_refusal_names_a_real_place(error: DataInvalid, root: Path) -> None:
    """Every message names a file of the project and, when it gives a line, a line of that file."""
    assert error.errors
    for item in error.errors:
        path = root / item.file
        assert path.is_file(), item
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        assert 0 <= item.line <= max(len(lines), 1), (item, len(lines))
        assert "Traceback" not in str(item)


def assert_everything_escaped(build) -> None:
    """No text from the data became markup; every feed is XML, every JSON file loads."""
    for page in build.pages:
        doc = lxml.html.fromstring(page.shown or "<p></p>")
        assert not doc.xpath("//*[@data-fuzz]"), page.src_uri
    for asset in build.assets:
        if asset.path.endswith(".json"):
            json.loads(asset.content)
        elif asset.path.endswith(".xml"):
            assert not lxml.etree.fromstring(asset.content).xpath("//*[@data-fuzz]"), asset.path


SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (ROOT / "schema").glob("*.json")}
SCHEMA = SCHEMAS["disclosure.schema.json"]


def _resolve(schema: dict) -> dict:
    """Follow $ref, within the notice's schema or into another (site.schema.json#/definitions/contact)."""
    while "$ref" in schema:
        document, _, pointer = schema["$ref"].partition("#")
        schema = SCHEMAS[document] if document else SCHEMA
        for part in pointer.strip("/").split("/"):
            schema = schema[part] if part else schema
    return schema


def optional_paths(tree: Tree, schema: dict = SCHEMA, prefix: tuple = ()) -> list[tuple]:
    """Every key present in a notice that its schema does not require, at any depth."""
    schema = _resolve(schema)
    found: list[tuple] = []
    if isinstance(tree, dict):
        shapes = [_resolve(s) for s in schema.get("oneOf", [schema])]
        shape = next((s for s in shapes if "properties" in s), {})
        for key, value in tree.items():
            if key not in shape.get("required", []):
                found.append((*prefix, key))
            found += optional_paths(value, shape.get("properties", {}).get(key, {}), (*prefix, key))
    elif isinstance(tree, list):
        items = schema.get("items", {})
        for index, value in enumerate(tree):
            found += optional_paths(value, items, (*prefix, index))
    return found


def pruned(name: str, gone: set[tuple]) -> tuple[str, str, bytes]:
    """The seed notice name without the keys at the paths gone (the deepest first)."""
    tree = copy.deepcopy(SEED_TREES[name])
    for path in sorted(gone, key=len, reverse=True):
        parent = _parent(tree, path)
        del parent[path[-1]]
    return "disclosures", name, yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def pruned_notices(draw) -> tuple[str, str, bytes]:
    """A seed notice with any combination of its optional fields left out."""
    name = draw(st.sampled_from(sorted(SEED_TREES)))
    paths = optional_paths(SEED_TREES[name])
    gone = draw(st.sets(st.sampled_from(paths), min_size=1, max_size=20))
    # A key inside one that is gone goes with it.
    return pruned(name, {p for p in gone if not any(p[:len(q)] == q and p != q for q in gone)})


# Found before the fix (issue #25.1): a portal notice whose inspection states no period crashed the build.
UNDATED = pruned(SEEDS[0].name, {("inspection", "start"), ("inspection", "end")})


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data-fuzz")


@fuzz_settings()
@given(slipped=slipped_files(), day=st.sampled_from(DAYS))
def test_check_and_build_never_crash_and_agree(scratch: Path, slipped: tuple[str, str, bytes], day: str) -> None:
    check_and_build(scratch / "p", slipped, day)


@fuzz_settings()
@given(pruned=pruned_notices(), day=st.sampled_from(DAYS))
@example(pruned=UNDATED, day="2025-04-28")
def test_optional_fields_left_out_in_any_combination_build_or_are_refused(
        scratch: Path, pruned: tuple[str, str, bytes], day: str) -> None:
    check_and_build(scratch / "p", pruned, day)


def check_and_build(root: Path, slipped: tuple[str, str, bytes], day: str) -> None:
    """The invariants: no crash, refusals at real places, check agrees with the build, output escaped."""
    data = write_project(root, *slipped)
    environ = {"DISCLOSURE_NOW": day}
    ok, report = check(data, environ=environ)
    assert "Traceback" not in report
    try:
        build = prepare(root, environ)
    except DataInvalid as error:
        event("refused: data")
        assert not ok, report
        assert_refusal_names_a_real_place(error, root)
        return
    except ProjectError as error:  # nothing public on that day, most often
        event(f"refused: {type(error).__name__}")
        assert not ok, report
        return
    event("built with warnings" if build.warnings else "built")
    assert ok == (not build.warnings), report
    assert_everything_escaped(build)


@pytest.mark.build
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(slipped=st.one_of(slipped_files(), pruned_notices()))
@example(slipped=UNDATED)
def test_a_real_build_agrees_with_check_and_a_refused_one_keeps_the_old_site(
        tmp_path_factory: pytest.TempPathFactory, slipped: tuple[str, str, bytes]) -> None:
    """The same invariants through `mkdocs build --strict` itself (what MkDocs and Material add), a few times."""
    work = tmp_path_factory.mktemp("real-build")
    data = write_project(work / "p", *slipped)
    ok, report = check(data, environ={"DISCLOSURE_NOW": "2025-04-28"})
    project = make_project(work / "project", data)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site", encoding="utf-8")
    build = run_build(project, now="2025-04-28")
    assert "Traceback" not in build.result.stderr
    assert build.ok == ok, (report, build.result.stderr)
    if not build.ok:
        assert (project / "site" / "index.html").read_text(encoding="utf-8") == "old site"
