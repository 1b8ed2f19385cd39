"""Command line: `disclosures check [DATA_DIR]` validates data/ without building the site;
`disclosures next-change [DATA_DIR]` prints when a rebuild would next change it.
`disclosures verify SITE_DIR` checks a deployed site against the manifest its build wrote.
`disclosures edit [PROJECT]` serves the form editor on 127.0.0.1 (disclosures/editor/).

Fast enough for an editor's save hook: it imports only the loader and the
validator (no MkDocs, Jinja2 or Pagefind). Exit status 0 when the data is valid,
1 when it is not, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from disclosures.core import texts as t
from disclosures.core.errors import DataInvalid
from disclosures.core.records import Project
from disclosures.core.timewindow import BadReferenceTime, parse_reference, reference_time
from disclosures.load.fieldpath import page_labels, shown_path
from disclosures.load.project import load_project
from disclosures.load.summary import (
    ALLOW_EMPTY_ENV,
    NothingPublic,
    allow_empty,
    ignored_files,
    linked_files,
    refuse_if_empty,
    summary,
    warnings,
)
from disclosures.load.yamlload import load_yaml, position
from disclosures.numbering.ordinals import dotted, kept_numbers, node_at
from disclosures.publish.manifest import ManifestUnreadable, site_files, verify
from disclosures.publish.schedule import next_change


def _load(data_dir: Path) -> tuple[Project | None, str]:
    if not data_dir.is_dir():
        return None, t.CLI_NO_DATA.format(path=data_dir)
    try:
        return load_project(data_dir), ""
    except DataInvalid as error:
        return None, error.report()


def kept_summary(data_dir: Path, project: Project) -> list[str]:
    """Numbers kept from the source where it skips a label: valid, but deliberate exceptions to read again."""
    lines = []
    for notice in project.notices:
        kept = kept_numbers(notice)
        root = load_yaml(data_dir.parent / notice.source, notice.source).node if kept else None
        labels = page_labels(root) if root is not None else {}
        for item in kept:
            line, column = position(node_at(root, item.path)) if root is not None else (0, 0)
            path = dotted(item.path)
            shown = shown_path(path, labels)
            field = t.DATA_ERROR_FIELD_SHOWN.format(shown=shown, path=path) if shown else t.DATA_ERROR_FIELD.format(path=path)
            lines.append("  - " + t.KEPT_NUMBER_LINE.format(where=f"{notice.source}:{line}:{column}", field=field,
                                                         label=item.label, derived=item.derived))
    return [t.KEPT_NUMBERS_SUMMARY.format(count=len(lines)), *lines] if lines else []


def check(data_dir: Path, allow_empty_site: bool = False, environ: dict[str, str] | None = None) -> tuple[bool, str]:
    """Whether data_dir is valid and has something to publish, and the text to show (ending with the summary)."""
    environ = dict(os.environ) if environ is None else environ
    project, problem = _load(data_dir)
    if project is None:
        return False, problem
    try:
        now = reference_time(environ)
    except BadReferenceTime as error:
        return False, str(error)
    ok = t.CLI_OK.format(site=(data_dir / "site.yml").as_posix(), count=len(project.notices))
    # Numbers kept from the source come right after the OK line; the publication summary ends the report.
    ignored = ignored_files(data_dir, data_dir.as_posix())
    lines = [ok, *kept_summary(data_dir, project),
             summary(project, ignored, now, linked_files(data_dir, data_dir.as_posix()))]
    # The build's warnings stop `make site` (--strict), so they fail the check too.
    found = warnings(project, ignored)
    lines += [t.CLI_WARNING.format(text=text) for text in found]
    report = "\n".join(lines)
    try:
        refuse_if_empty(project, now, report, allow_empty_site or allow_empty(environ))
    except NothingPublic as error:
        return False, str(error)
    return not found, report


def next_change_text(data_dir: Path, after: str = "", environ: dict[str, str] | None = None) -> tuple[bool, str]:
    """The next moment (Beijing time, ISO 8601) a rebuild would change the site; "" when there is none."""
    environ = dict(os.environ) if environ is None else environ
    project, problem = _load(data_dir)
    if project is None:
        return False, problem
    try:
        now = parse_reference(after) if after else reference_time(environ)
    except BadReferenceTime as error:
        return False, str(error)
    moment = next_change(project, now)
    return True, moment.isoformat() if moment else ""


def check_site(site: Path, manifest: Path | None = None) -> tuple[bool, str]:
    """Whether the files under site are exactly those of its build, and the text to show (every difference)."""
    if not site.is_dir():
        return False, t.VERIFY_NO_SITE.format(path=site)
    try:
        found = verify(site, manifest)
    except ManifestUnreadable as error:
        if error.line:
            return False, t.VERIFY_BAD_MANIFEST.format(path=error.path, line=error.line)
        return False, t.VERIFY_NO_MANIFEST.format(path=error.path)
    if not found:
        return True, t.VERIFY_OK.format(count=len(site_files(site)), site=site)
    count = len(found.changed) + len(found.missing) + len(found.added)
    lines = [t.VERIFY_DIFFERENT.format(count=count, site=site)]
    lines += [t.VERIFY_CHANGED.format(path=p) for p in found.changed]
    lines += [t.VERIFY_MISSING.format(path=p) for p in found.missing]
    lines += [t.VERIFY_ADDED.format(path=p) for p in found.added]
    return False, "\n".join(lines)


def edit(project: Path, port: int) -> int:
    """Serve the form editor until Ctrl+C (disclosures/editor/server.py)."""
    from disclosures.editor.normalise import normalise_notices  # only here: check stays light
    from disclosures.editor.server import EditorServer, bundle_folder

    bundle = bundle_folder()
    if not (bundle / "index.html").is_file():
        print(t.EDITOR_NOT_BUILT, file=sys.stderr)
        return 1
    # The editor saves a file whole, in its own layout: files not in it yet are put into it first.
    for outcome in normalise_notices(project.resolve() / "data"):
        text = t.EDITOR_NORMALISED if outcome.rewritten else t.EDITOR_NOT_NORMALISED
        print(text.format(file=outcome.file), file=sys.stdout if outcome.rewritten else sys.stderr)
    try:
        server = EditorServer(project.resolve(), bundle, port)
    except OSError:
        print(t.EDITOR_PORT_BUSY.format(port=port), file=sys.stderr)
        return 1
    print(t.EDITOR_STARTED.format(url=server.url, folder=project.resolve()), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="disclosures", description=t.CLI_DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser(
        "check", help="validate data/ without building (exit 0 when make site would build, 1 on a mistake or a warning)")
    check_parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    check_parser.add_argument("--allow-empty", action="store_true",
                              help=f"accept data with no public notice (builds: {ALLOW_EMPTY_ENV}=1)")
    next_parser = commands.add_parser("next-change", help="print when a rebuild would next change the site")
    next_parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    next_parser.add_argument("--after", default="", help="reference time (ISO 8601; default DISCLOSURE_NOW or now)")
    verify_parser = commands.add_parser(
        "verify", help="check a deployed site against the manifest its build wrote (exit 0 unchanged, 1 when not)")
    verify_parser.add_argument("site_dir", type=Path, help="the deployed site folder")
    verify_parser.add_argument("--manifest", type=Path, default=None,
                               help="a copy of the manifest kept elsewhere (default: SITE_DIR/_deploy/manifest.sha256)")
    edit_parser = commands.add_parser("edit", help="open the form editor on 127.0.0.1 (make edit installs it first)")
    edit_parser.add_argument("project", nargs="?", default=".", type=Path,
                             help="the folder holding data/ and schema/ (default: the current folder)")
    edit_parser.add_argument("--port", type=int, default=8090, help="the local port (default: 8090)")
    args = parser.parse_args(argv)
    if args.command == "edit":
        return edit(args.project, args.port)
    if args.command == "check":
        ok, text = check(args.data_dir, args.allow_empty)
    elif args.command == "verify":
        ok, text = check_site(args.site_dir, args.manifest)
    else:
        ok, text = next_change_text(args.data_dir, args.after)
    if text:
        print(text, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
