"""The form editor's generated configuration and its local server (issue #28): the form is made from schema/
and is a valid Sveltia CMS configuration; the server answers only its own page on 127.0.0.1, and its
check puts `disclosures check`'s messages on the form's fields."""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REAL_ID, ROOT

from disclosures.core import texts
from disclosures.editor.check import check_notice
from disclosures.editor.formconfig import form_config
from disclosures.editor.server import EditorServer

SVELTIA_SCHEMA = ROOT / "editor" / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"


def _fields(fields: list[dict], prefix: str = "") -> Iterator[tuple[str, dict]]:
    for field in fields:
        yield prefix + field["name"], field
        yield from _fields(field.get("fields", []), f"{prefix}{field['name']}.")


def test_the_form_is_a_valid_sveltia_configuration_and_a_typo_is_not() -> None:
    validator = jsonschema.Draft7Validator(json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8")))
    config = form_config(ROOT / "schema")
    assert list(validator.iter_errors(config)) == []
    config["collections"][0]["fields"][1]["lable"] = "标题"  # the guard finds a planted mistake
    assert len(list(validator.iter_errors(config))) == 1


def test_the_form_has_every_field_of_the_schema_in_its_order_with_chinese_labels() -> None:
    schema = json.loads((ROOT / "schema" / "disclosure.schema.json").read_text(encoding="utf-8"))
    fields = dict(_fields(form_config(ROOT / "schema")["collections"][0]["fields"]))
    assert [name for name in fields if "." not in name] == list(schema["properties"])
    assert "parts.sections.themes.problems.measures.text" in fields  # the fifth level
    for name, field in fields.items():
        assert field["required"] is False  # a draft is always savable; the check says what is missing
        assert any(0x4E00 <= ord(c) <= 0x9FFF for c in field["label"]), name  # CJK ideographs: a Chinese label
    assert fields["title"]["label"] == texts.EDITOR_LABELS["title"] + texts.EDITOR_REQUIRED
    assert fields["published"]["widget"] == "string"  # an impossible date reaches the check


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EditorServer]:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "schema", project / "schema")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "index.html").write_text("<!doctype html><title>编辑器</title>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    running = EditorServer(project, bundle, 0)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


def _request(server: EditorServer, method: str, path: str, headers: dict[str, str] | None = None,
             body: dict | None = None) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=20)
    payload = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=payload, headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    return response.status, response.read(), dict(response.getheaders())


def test_the_server_listens_on_the_local_address_only(server: EditorServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    status, body, headers = _request(server, "GET", "/")
    assert status == 200 and "编辑器" in body.decode()
    assert "default-src 'self'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example", "192.168.1.5"])
def test_a_request_for_another_host_is_refused(server: EditorServer, host: str) -> None:
    for method, path in (("GET", "/"), ("GET", "/config.json"), ("POST", "/check")):
        status, body, _ = _request(server, method, path, {"Host": host, "Origin": server.origins[0]}, {"slug": REAL_ID})
        assert status == 403 and body.decode() == texts.EDITOR_FOREIGN_REQUEST


@pytest.mark.parametrize("origin", [None, "http://evil.example", "null", "http://127.0.0.1:1"])
def test_a_check_from_another_page_is_refused(server: EditorServer, origin: str | None) -> None:
    headers = {"Origin": origin} if origin else {}
    assert _request(server, "POST", "/check", headers, {"slug": REAL_ID})[0] == 403


def test_nothing_outside_the_bundle_is_served(server: EditorServer) -> None:
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/cdn/unpkg.com/@sveltia/cms/package.json"):
        assert _request(server, "GET", path)[0] == 404


def test_the_check_puts_each_message_on_its_field(server: EditorServer) -> None:
    data = yaml.safe_load((ROOT / "data" / "disclosures" / f"{REAL_ID}.yml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    data["published"] = "2025-02-30"
    data["parts"][1]["heading"] = "二、" + data["parts"][1]["heading"]
    data["contact"]["email"] = "gdszssjcy＠sina.com"
    status, body, _ = _request(server, "POST", "/check", {"Origin": server.origins[0]}, {"slug": REAL_ID, "data": data})
    result = json.loads(body)
    assert status == 200 and not result["ok"]
    by_field = {m["field"]: m["message"] for m in result["fields"]}
    assert "没有这一天" in by_field["published"]
    assert "“二、”" in by_field["parts.1.heading"]
    assert "gdszssjcy＠sina.com" in by_field["contact.email"]
    assert "“＠”是全角符号" in by_field["contact.email"] and "应为 gdszssjcy@sina.com" in by_field["contact.email"]
    assert result["labels"]["parts.1.sections.0.themes.0.problems.0"] == "二、 （一） 1. （1）"


def test_the_check_of_a_saved_notice_reads_the_file(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    assert check_notice(tmp_path / "data", REAL_ID) == {**check_notice(tmp_path / "data", REAL_ID), "ok": True}
    (tmp_path / "data" / "disclosures" / f"{REAL_ID}.yml").write_text("id: [", encoding="utf-8")
    result = check_notice(tmp_path / "data", REAL_ID)
    assert not result["ok"] and result["fields"]


def test_a_word_yaml_reads_as_yes_or_no_is_refused_with_advice_a_form_can_follow(tmp_path: Path) -> None:
    """The form writes `yes` bare, as Sveltia does; the build's YAML reads it as true: refused, with what to do."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    data = json.loads(json.dumps(yaml.safe_load((tmp_path / "data" / "disclosures" / f"{REAL_ID}.yml").read_text(
        encoding="utf-8")), default=str))
    data["issuer"]["short_name"], data["inspection"]["round"] = "yes", "12:30"
    result = check_notice(tmp_path / "data", REAL_ID, data)
    assert result["fields"] == [{"field": "issuer.short_name", "message": result["fields"][0]["message"]}]
    assert texts.EDITOR_HINT_BOOL_WORD in result["fields"][0]["message"]  # 12:30 is read as the text it is


@pytest.mark.build
def test_the_editor_is_never_part_of_the_site(real_site) -> None:
    bundle = ROOT / "editor" / "dist"
    ours = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()} - {"index.html"}
    assert len(ours) > 100  # the bundle is there to compare with
    published = {p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*") if p.is_file()}
    assert ours & published == set()
    assert [p for p in real_site.site.rglob("*") if p.is_file() and b"sveltia" in p.read_bytes().lower()] == []


def test_a_check_reads_again_only_the_notice_that_changed(server: EditorServer, monkeypatch) -> None:
    """The form checks half a second after each change: the other notices come from the build's cache,
    kept in the server's process."""
    import disclosures.load.project as project

    read: list[str] = []
    reading = project._read_in_parallel
    monkeypatch.setattr(project, "_read_in_parallel", lambda files, indices: read.extend(
        files[i][1] for i in indices) or reading(files, indices))
    shutil.copy(ROOT / "tests" / "data" / "fictional" / "disclosures" / "lakeside-bureau-2025-03-10.yml",
                server.project / "data" / "disclosures")
    data = json.loads(json.dumps(yaml.safe_load((ROOT / "data" / "disclosures" / f"{REAL_ID}.yml").read_text(
        encoding="utf-8")), default=str))
    origin = {"Origin": server.origins[0]}
    assert _request(server, "POST", "/check", origin, {"slug": REAL_ID, "data": data})[0] == 200
    assert len(read) == 2  # both notices, the first time
    read.clear()
    data["title"] += "（修订）"
    status, body, _ = _request(server, "POST", "/check", origin, {"slug": REAL_ID, "data": data})
    assert status == 200 and json.loads(body)["ok"]
    assert read == [f"data/disclosures/{REAL_ID}.yml"]  # the changed one alone


def test_files_are_put_into_the_editors_layout_only_where_no_value_changes(tmp_path: Path) -> None:
    from disclosures.editor.normalise import Outcome, normalise_notices
    from disclosures.load.project import read_notice

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    folder = data / "disclosures"
    hand = folder / "lakeside-bureau-2025-03-10.yml"  # kept by hand: bare-text paragraphs, a comment
    shutil.copy(ROOT / "tests" / "data" / "fictional" / "disclosures" / hand.name, hand)
    hand.write_text("# 手写的注释\n" + hand.read_text(encoding="utf-8"), encoding="utf-8")
    before = read_notice(hand, f"data/disclosures/{hand.name}")[0]
    broken = folder / "broken-2025-01-01.yml"
    broken.write_text("id: broken-2025-01-01\ntitle: 缺日期\nparts:\n- 一段\n", encoding="utf-8")
    kept = broken.read_bytes()
    real = (folder / f"{REAL_ID}.yml").read_bytes()

    assert normalise_notices(data) == [Outcome(f"data/disclosures/{broken.name}", False),
                                       Outcome(f"data/disclosures/{hand.name}", True)]
    assert read_notice(hand, f"data/disclosures/{hand.name}")[0] == before  # the same notice, in the new layout
    assert "# 手写的注释" not in hand.read_text(encoding="utf-8") and "- text: " in hand.read_text(encoding="utf-8")
    assert broken.read_bytes() == kept and (folder / f"{REAL_ID}.yml").read_bytes() == real
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []  # no trial file left
    assert normalise_notices(data) == [Outcome(f"data/disclosures/{broken.name}", False)]  # a second pass: nothing
