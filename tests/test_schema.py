"""The JSON Schemas editors use for completion agree with the validator and accept the real data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import referencing
import yaml
from conftest import ROOT, TEST_DATA
from test_validation import VALID

from disclosures.load import glossary, portal, searchterms
from disclosures.load import validate as v

SCHEMA_DIR = ROOT / "schema"
SITE_SCHEMA = json.loads((SCHEMA_DIR / "site.schema.json").read_text(encoding="utf-8"))
NOTICE_SCHEMA = json.loads((SCHEMA_DIR / "disclosure.schema.json").read_text(encoding="utf-8"))
TERMS_SCHEMA = json.loads((SCHEMA_DIR / "search-terms.schema.json").read_text(encoding="utf-8"))
GLOSSARY_SCHEMA = json.loads((SCHEMA_DIR / "glossary.schema.json").read_text(encoding="utf-8"))
UNITS_SCHEMA = json.loads((SCHEMA_DIR / "units.schema.json").read_text(encoding="utf-8"))
ROUNDS_SCHEMA = json.loads((SCHEMA_DIR / "rounds.schema.json").read_text(encoding="utf-8"))
SCHEMA_FOR = {"site.yml": SITE_SCHEMA, searchterms.TERMS_FILE: TERMS_SCHEMA,
              "glossary.yml": GLOSSARY_SCHEMA}  # otherwise a notice
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")

# Every mapping the validator reads, with the schema object that describes it.
OBJECTS = [
    (SITE_SCHEMA, "", v.SITE_KEYS),
    (SITE_SCHEMA, "/definitions/contact", v.CONTACT_KEYS),
    (SITE_SCHEMA, "/definitions/contact/properties/phone", v.PHONE_KEYS),
    (SITE_SCHEMA, "/definitions/contact/properties/postal", v.POSTAL_KEYS),
    (SITE_SCHEMA, "/definitions/registrations", v.REGISTRATION_KEYS),
    (NOTICE_SCHEMA, "", v.NOTICE_KEYS),
    (NOTICE_SCHEMA, "/properties/issuer", v.ISSUER_KEYS),
    (NOTICE_SCHEMA, "/properties/inspection", v.INSPECTION_KEYS),
    (NOTICE_SCHEMA, "/properties/window", v.WINDOW_KEYS),
    (NOTICE_SCHEMA, "/properties/signature", v.SIGNATURE_KEYS),
    (NOTICE_SCHEMA, "/properties/revisions/items", v.REVISION_KEYS),
    (NOTICE_SCHEMA, "/properties/figures/items", v.FIGURE_KEYS),
    (NOTICE_SCHEMA, "/properties/metadata", v.METADATA_KEYS),
    (NOTICE_SCHEMA, "/definitions/paragraph/oneOf/1", v.PARAGRAPH_KEYS),
    (NOTICE_SCHEMA, "/definitions/part", v.PART_KEYS),
    (NOTICE_SCHEMA, "/definitions/section", v.SECTION_KEYS),
    (NOTICE_SCHEMA, "/definitions/theme", v.THEME_KEYS),
    (NOTICE_SCHEMA, "/definitions/problem", v.PROBLEM_KEYS),
    (TERMS_SCHEMA, "", searchterms._KEYS),
    (GLOSSARY_SCHEMA, "/items", glossary.GLOSSARY_KEYS),
    (UNITS_SCHEMA, "/items", portal.UNIT_KEYS),
    (ROUNDS_SCHEMA, "/items", portal.ROUND_KEYS),
]


def resolve(schema: dict, pointer: str) -> dict:
    node: object = schema
    for step in filter(None, pointer.split("/")):
        node = node[int(step)] if isinstance(node, list) else node[step]  # type: ignore[index]
    assert isinstance(node, dict)
    return node


@pytest.mark.parametrize(("schema", "pointer", "keys"), OBJECTS,
                         ids=[f"{s['$id']}#{p}" for s, p, _ in OBJECTS])
def test_schema_keys_match_the_validator(schema: dict, pointer: str, keys: tuple[str, ...]) -> None:
    obj = resolve(schema, pointer)
    assert sorted(obj["properties"]) == sorted(keys), "add the key to both schema/ and disclosures/load/validate.py"
    assert obj["additionalProperties"] is False  # editors then flag misspelt keys too
    assert set(obj.get("required", ())) <= set(keys)


def test_every_key_tuple_of_the_validator_is_covered() -> None:
    tuples = {name for name in dir(v) if name.endswith("_KEYS") and isinstance(getattr(v, name), tuple)}
    covered = {name for name in tuples if any(getattr(v, name) is keys for _, _, keys in OBJECTS)}
    assert covered == tuples


class _TextDates(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay text (YAML 1.2 has no timestamps)."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validator_for(schema: dict) -> jsonschema.Draft7Validator:
    registry = referencing.Registry().with_resources(
        (s["$id"], referencing.Resource.from_contents(s, referencing.jsonschema.DRAFT7))
        for s in (SITE_SCHEMA, NOTICE_SCHEMA, TERMS_SCHEMA, GLOSSARY_SCHEMA))
    return jsonschema.Draft7Validator(schema, registry=registry)


def schema_errors(schema: dict, text: str) -> list[str]:
    return [e.message for e in validator_for(schema).iter_errors(yaml.load(text, Loader=_TextDates))]


DATA_FILES = sorted([*ROOT.glob("data/**/*.yml"), *TEST_DATA.glob("fictional/**/*.yml")])


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for p in DATA_FILES])
def test_valid_data_files_satisfy_the_schema(path: Path) -> None:
    schema = SCHEMA_FOR.get(path.name, NOTICE_SCHEMA)
    assert schema_errors(schema, path.read_text(encoding="utf-8")) == []


def test_editors_find_the_schema_of_the_notice_files() -> None:
    """Notice files hold no comment (the form editor writes them whole, importer/canonical.py): the editor
    settings name their schema instead."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert settings == {"./schema/disclosure.schema.json": "data/disclosures/*.yml"}
    assert (ROOT / "schema" / "disclosure.schema.json").is_file()


@pytest.mark.parametrize("path", sorted(p for p in ROOT.glob("data/**/*.yml") if p.parent.name != "disclosures"),
                         ids=lambda p: p.name)
def test_data_files_carry_a_modeline_pointing_at_the_schema(path: Path) -> None:
    match = MODELINE.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, "first line should be the yaml-language-server modeline"
    target = (path.parent / match.group(1)).resolve()
    assert target == (SCHEMA_DIR / SCHEMA_FOR.get(path.name, NOTICE_SCHEMA)["$id"]).resolve()


def test_schema_accepts_the_small_valid_notice_and_flags_a_misspelt_key() -> None:
    assert schema_errors(NOTICE_SCHEMA, VALID) == []
    errors = schema_errors(NOTICE_SCHEMA, VALID.replace("title:", "titel:"))
    assert any("'titel' was unexpected" in e for e in errors) and any("'title' is a required" in e for e in errors)


def test_the_unit_and_round_registries_satisfy_their_schemas(tmp_path: Path) -> None:
    from portal_data import write_portal

    write_portal(tmp_path / "data", 5)
    for name, schema in (("units.yml", UNITS_SCHEMA), ("rounds.yml", ROUNDS_SCHEMA)):
        value = json.loads(json.dumps(yaml.safe_load((tmp_path / "data" / name).read_text(encoding="utf-8")),
                                      default=str))
        jsonschema.validate(value, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "page", "name": "x"}], UNITS_SCHEMA)
