"""The editor's form, generated from schema/disclosure.schema.json: never written by hand, so the form and
the check cannot drift apart. Labels come from the text catalogue (texts.EDITOR_LABELS), hints from the
schema's descriptions, which are Chinese already and are what an editor with the schema shows too.

Every field is optional in the form (`required: false`): Sveltia would refuse to save a form with an empty
required field, and a draft must always be savable. The check (server.py) says what is missing, beside the
field, in the same words as `disclosures check`; labels of fields the schema requires carry （必填）.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from disclosures.core import texts
from disclosures.importer.canonical import NOTICE_SCHEMA, Schemas, paragraph_form

COLLECTION = "disclosures"
NOTICE_FOLDER = "data/disclosures"
# Plain strings of several lines in the form: the paragraphs' text and the other long sentences.
_LONG_TEXT = {"text", "invitation", "note", "lead_in"}
# A list item's title when folded: what identifies it (the page's numbering label is put before it by the
# editor's script, editor/src/main.js, from the labels the server computes).
_SUMMARY = {"heading": "{{fields.heading}}", "lead": "{{fields.lead}}{{fields.text | truncate(40)}}",
            "label": "{{fields.label}} {{fields.value}}{{fields.unit}}", "date": "{{fields.date}} {{fields.note}}"}


def _label(path: str, required: bool) -> str:
    name = path.rsplit(".", 1)[-1]
    label = texts.EDITOR_LABELS.get(path) or texts.EDITOR_LABELS.get(name) or name
    return label + (texts.EDITOR_REQUIRED if required else "")


def _field(schemas: Schemas, name: str, node: dict, path: str, required: bool, current: str) -> dict:
    node, current = schemas.resolve(node, current)
    field: dict[str, Any] = {"name": name, "label": _label(path, required), "required": False}
    if node.get("description") and node["description"] != field["label"].removesuffix(texts.EDITOR_REQUIRED):
        field["hint"] = node["description"]
    node = paragraph_form(node) or node  # a paragraph: edited as {lead, text} (canonical.py)
    kind = node.get("type")
    if "enum" in node:
        field.update(widget="select", options=[{"label": texts.EDITOR_CHOICES.get(v, v), "value": v}
                                               for v in node["enum"]])
    elif kind == "object":
        field.update(widget="object", fields=_fields(schemas, node, path, current))
    elif kind == "array":
        items, current = schemas.resolve(node["items"], current)
        items = paragraph_form(items) or items
        sub = _fields(schemas, items, path, current)
        key = next((k for k in _SUMMARY if any(f["name"] == k for f in sub)), None)
        field.update(widget="list", fields=sub, collapsed="auto", **({"summary": _SUMMARY[key]} if key else {}))
        if name in texts.EDITOR_ITEMS:
            field["label_singular"] = texts.EDITOR_ITEMS[name]
    elif kind == "boolean":
        field.update(widget="boolean")
    elif kind == "integer":
        field.update(widget="number", value_type="int")
    else:  # strings, dates (typed as text: an impossible date gets the check's message, not a date picker's)
        field.update(widget="text" if name in _LONG_TEXT else "string")
    return field


def _fields(schemas: Schemas, node: dict, path: str, current: str) -> list[dict]:
    required = set(node.get("required", ()))
    return [_field(schemas, name, sub, f"{path}.{name}" if path else name, name in required, current)
            for name, sub in node.get("properties", {}).items()]


def form_config(schema_folder: Path) -> dict:
    """The Sveltia CMS configuration: one collection, the notice files, with the schema's fields in its order
    (the order the keys are written in)."""
    schemas = Schemas(schema_folder)
    notice = schemas.file(NOTICE_SCHEMA)
    return {
        # Sveltia opens a local folder only for a Git backend; the office never signs in to one.
        "backend": {"name": "github", "repo": "office/disclosures", "branch": "main"},
        "media_folder": "docs/assets/images",
        "output": {"omit_empty_optional_fields": True, "yaml": {"indent_sequences": False}},
        "collections": [{
            "name": COLLECTION,
            "label": texts.EDITOR_COLLECTION,
            "label_singular": texts.EDITOR_COLLECTION_ONE,
            "folder": NOTICE_FOLDER,
            "extension": "yml",
            "format": "yaml",
            "create": True,
            "identifier_field": "title",
            "slug": "{{fields.id}}",
            "summary": "{{fields.published}} {{fields.title}}",
            "sortable_fields": ["published", "title"],
            "fields": _fields(schemas, notice, "", NOTICE_SCHEMA),
        }],
    }
