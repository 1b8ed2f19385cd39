"""The form editor in Chromium (issue #28): Sveltia CMS as bundled in editor/dist, served by
disclosures/editor/server.py, on a copy of the project. The browser's folder picker is replaced by a
browser-private folder (the Origin Private File System) holding the project's notice files: the editor
reads and writes them there exactly as it would in the clerk's folder.

Screenshots at 1280 px go to artifacts/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import difflib
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import REAL_ID, ROOT, TEST_DATA, make_project, run_build
from helpers import outside_requests
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from disclosures.cli import check
from disclosures.core import texts
from disclosures.editor.check import check_notice
from disclosures.editor.server import EditorServer, bundle_folder
from disclosures.importer.build import import_lines
from disclosures.importer.source import read_source
from disclosures.importer.writer import to_yaml

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
NOTICE = f"data/disclosures/{REAL_ID}.yml"
DRAFT_ID = "imp-10-no-date"
# The folder the clerk would pick, made in the browser's private file system from `files` (path -> text).
FOLDER = """
window.showDirectoryPicker = async () => {
  const files = %s;
  const root = await navigator.storage.getDirectory();
  const folder = await root.getDirectoryHandle('project', { create: true });
  for (const [path, text] of Object.entries(files)) {
    let dir = folder;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
    const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
    await writable.write(text);
    await writable.close();
  }
  return folder;
};
"""
READ = """async (path) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('project');
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
  return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
}"""


def field(path: str) -> str:
    return f'section.field[data-key-path="{path}"]'


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EditorServer]:
    project = tmp_path_factory.mktemp("editor") / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "schema", project / "schema")
    assert (bundle_folder() / "index.html").is_file(), "scripts/setup --test bundles the editor"
    server = EditorServer(project, bundle_folder(), 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def _files(server: EditorServer) -> dict[str, str]:
    folder = server.project / "data" / "disclosures"
    files = {f"data/disclosures/{p.name}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))}
    return {**files, ".git/HEAD": "ref: refs/heads/main\n"}  # the clerk's folder is a Git checkout


@pytest.fixture
def page(browser, editor: EditorServer) -> Iterator[object]:
    """The editor's list of notices, in a browser whose language is English (the editor speaks Chinese)."""
    yield from _editor_page(browser, editor)


@pytest.fixture
def draft_page(browser, editor: EditorServer) -> Iterator[object]:
    """The same, with an imported draft among the notices: its source gives no date."""
    lines, notes = read_source(TEST_DATA / "imports" / "10-no-date.txt")
    draft = editor.project / "data" / "disclosures" / f"{DRAFT_ID}.yml"
    draft.write_text(to_yaml(import_lines(lines, notice_id=DRAFT_ID, notes=notes).data), encoding="utf-8")
    try:
        yield from _editor_page(browser, editor)
    finally:
        draft.unlink()


def _editor_page(browser, editor: EditorServer) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    page.add_init_script(FOLDER % json.dumps(_files(editor)))
    page.goto(editor.url)
    page.get_by_text("使用本地仓库").wait_for()
    assert not page.get_by_role("button", name="GitHub").is_visible()  # the local folder only
    page.get_by_text("使用本地仓库").click()
    page.get_by_role("button", name="创建新条目").wait_for()
    page.requested = requested
    yield page
    context.close()
    # Nothing left the local address: the page, the bundle, the form, the check (blob: is the page's own).
    assert outside_requests([u for u in requested if not u.startswith("blob:")], editor.url) == []


def _open(page, title: str) -> None:
    page.get_by_text(title).first.click()  # a row of the list: its date and its title
    page.locator(field("title")).first.wait_for()


def _expand(page, path: str) -> None:
    """Bring the field at path (parts.1.sections.0.heading, contact.email …) into sight: the form draws a
    group or a list item only once it is in sight, and shows list items folded."""
    parts = path.split(".")
    for i in range(1, len(parts) + 1):
        if parts[i - 1].isdigit():
            items = page.locator(field(".".join(parts[:i - 1])) + " .item-list").first.locator(":scope > .item-wrapper")
            item = items.nth(int(parts[i - 1]))
            item.scroll_into_view_if_needed()
            item.locator(".item").first.wait_for()
            folded = item.locator('.item > .header > .start button[aria-expanded="false"]')  # the fold toggle, not the menu
            if folded.count():
                folded.first.click()
        else:
            page.locator(field(".".join(parts[:i]))).first.scroll_into_view_if_needed()


def _switch_on(box) -> None:
    """Turn an optional group's switch on. A click that lands while the form is still drawing the group may
    be lost (Playwright's check() then fails at once: "did not change its state"): click until it shows on."""
    for _ in range(5):
        if box.is_checked():
            return
        box.click()
        try:
            expect(box).to_be_checked(timeout=2000)
            return
        except AssertionError:
            continue
    expect(box).to_be_checked()


def _read(page, path: str) -> str | None:
    """The file as the editor wrote it; None while it is being written (or not yet there)."""
    try:
        return page.evaluate(READ, path)
    except PlaywrightError:
        return None


def _save_and_read(page, path: str, before: str | None) -> str:
    page.get_by_role("button", name="保存", exact=True).click()
    for _ in range(100):
        text = _read(page, path)
        if text is not None and text != before:
            page.wait_for_timeout(300)  # written in one piece? read it again once it has settled
            again = _read(page, path)
            if again == text:
                return text
        page.wait_for_timeout(100)
    raise AssertionError(f"{path} was not saved")


def _changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:2] in ("- ", "+ ")]


def test_the_list_of_notices_is_in_chinese_and_opens_a_notice_checked(page, editor: EditorServer) -> None:
    assert page.get_by_role("button", name="创建新条目").is_visible()
    assert page.get_by_text("中共中山市人民检察院党组关于巡察整改进展情况的通报").first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "editor-list-1280.png")
    _open(page, "中共中山市人民检察院党组关于巡察整改进展情况的通报")
    page.locator(".dsc-check-banner", has_text=texts.EDITOR_CHECK_OK).wait_for()
    assert page.locator(".dsc-check").count() == 0
    assert page.get_by_role("button", name="保存", exact=True).is_disabled()  # nothing changed: nothing to write
    assert page.evaluate(READ, NOTICE) == (ROOT / NOTICE).read_text(encoding="utf-8")


def test_changing_one_measure_changes_exactly_its_line(page) -> None:
    _open(page, "中共中山市人民检察院党组关于巡察整改进展情况的通报")
    measure = "parts.1.sections.0.themes.0.problems.0.measures.0.text"
    _expand(page, measure)
    labels = page.locator(".dsc-label").all_inner_texts()
    assert "二、 （一） 1. （1） 一是" in labels  # the page's numbering, at the fifth level
    page.screenshot(path=SCREENSHOTS / "editor-fifth-level-1280.png")
    box = page.locator(field(measure) + " textarea").first
    committed = (ROOT / NOTICE).read_text(encoding="utf-8")
    box.fill(box.input_value().replace("32次", "33次", 1))
    saved = _save_and_read(page, NOTICE, committed)
    changed = _changed_lines(committed, saved)
    assert len(changed) == 2 and "32次" in changed[0] and "33次" in changed[1], changed


def test_the_check_shows_each_message_beside_its_field(page, editor: EditorServer) -> None:
    _open(page, "中共中山市人民检察院党组关于巡察整改进展情况的通报")
    data = json.loads(json.dumps(yaml.safe_load((ROOT / NOTICE).read_text(encoding="utf-8")), default=str))
    typed = {"published": "2025-02-30", "parts.1.heading": "二、" + data["parts"][1]["heading"],
             "contact.email": "gdszssjcy＠sina.com"}
    data["published"], data["parts"][1]["heading"] = typed["published"], typed["parts.1.heading"]
    data["contact"]["email"] = typed["contact.email"]
    expected = {m["field"]: m["message"] for m in check_notice(editor.project / "data", REAL_ID, data)["fields"]}
    assert set(expected) == set(typed)
    for path, value in typed.items():
        _expand(page, path)
        page.locator(field(path) + " input").first.fill(value)
    for path in typed:
        message = page.locator(field(path) + " > .dsc-check")
        message.wait_for()
        assert message.inner_text() == expected[path]
    banner = page.locator(".dsc-check-banner").inner_text()
    assert texts.EDITOR_CHECK_FAILED.format(count=3) in banner
    page.locator(field("contact.email")).first.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "editor-message-1280.png")
    saved = _save_and_read(page, NOTICE, (ROOT / NOTICE).read_text(encoding="utf-8"))  # savable: work is kept
    assert "published: '2025-02-30'" in saved or "published: 2025-02-30" in saved
    # The editor closes on saving; a notice that does not pass opens again, each message beside its field.
    assert page.locator(field("published") + " > .dsc-check").inner_text() == expected["published"]
    assert page.evaluate("location.hash").endswith(f"/entries/{REAL_ID}")


def test_an_imported_draft_opens_with_its_placeholders_marked(draft_page) -> None:
    page = draft_page
    _open(page, _draft_title())
    marked = page.locator(field("published") + " > .dsc-check")
    marked.wait_for()
    assert "请填写" in marked.inner_text()


def _draft_title() -> str:
    lines, notes = read_source(TEST_DATA / "imports" / "10-no-date.txt")
    return import_lines(lines, notice_id=DRAFT_ID, notes=notes).data["title"]


@pytest.mark.build
def test_a_notice_made_in_the_form_passes_the_check_and_builds(page, tmp_path: Path) -> None:
    page.get_by_role("button", name="创建新条目").click()
    page.locator(field("id") + " input").first.wait_for()
    values = {"id": "riverside-bureau-2025-06-02", "title": "中共河畔区水务局党组关于巡察整改进展情况的通报",
              "published": "2025-06-02", "issuer.name": "中共河畔区水务局党组", "inspection.body": "区委第二巡察组",
              "window.start": "2025-06-02", "window.end": "2025-06-16",
              "signature.name": "中共河畔区水务局党组", "signature.date": "2025-06-02",
              "contact.email": "jubu@example.org"}
    for group in ("issuer", "inspection", "window", "signature", "contact"):
        _expand(page, group)
        _switch_on(page.locator(field(group)).get_by_role("checkbox").first)
    for path, value in values.items():
        _expand(page, path)
        page.locator(field(path) + " input").first.fill(value)

    def add(path: str, index: int, first: str = "heading") -> None:
        _expand(page, path)
        page.locator(field(path) + ' button[data-label^="添加"]').last.click()
        _expand(page, f"{path}.{index}.{first}")  # the new item's first field

    add("parts", 0)
    add("parts", 1)
    _expand(page, "parts.0.heading")
    page.locator(field("parts.0.heading") + " input").first.fill("党组织领导整改落实情况")
    _expand(page, "parts.1.heading")
    page.locator(field("parts.1.heading") + " input").first.fill("巡察反馈问题整改落实情况")
    add("parts.1.sections", 0)
    page.locator(field("parts.1.sections.0.heading") + " input").first.fill("关于落实全面从严治党方面")
    add("parts.1.sections.0.problems", 0)
    page.locator(field("parts.1.sections.0.problems.0.heading") + " input").first.fill("廉政风险排查不够深入")
    for i, text in enumerate(("逐岗位重新排查廉政风险点12个。", "建立季度复核制度。")):
        add("parts.1.sections.0.problems.0.measures", i, "text")
        page.locator(field(f"parts.1.sections.0.problems.0.measures.{i}.text") + " textarea").first.fill(text)
    page.locator(".dsc-label", has_text="二、 （一） 1. 二是").wait_for()  # the page's labels, while typing
    path = f"data/disclosures/{values['id']}.yml"
    saved = _save_and_read(page, path, None)
    project = make_project(tmp_path / "project", ROOT / "data")
    (project / path).write_text(saved, encoding="utf-8")
    ok, report = check(project / "data")
    assert ok, report
    built = run_build(project, now="2025-06-03")
    assert built.ok, built.result.stderr
    assert (project / "site" / "disclosures" / values["id"] / "index.html").is_file()
