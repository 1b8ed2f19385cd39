"""`disclosures-import SOURCE [-o OUT.yml] [--id ID] [--title TITLE]`: a first draft of a data file."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from disclosures.core import texts
from disclosures.load.project import read_notice

from .build import import_lines
from .source import SourceUnreadable, read_source, trim_chrome
from .writer import to_yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="disclosures-import",
                                     description=texts.IMPORT_HELP)
    parser.add_argument("source", type=Path, help=texts.IMPORT_HELP_SOURCE)
    parser.add_argument("-o", "--output", type=Path, help=texts.IMPORT_HELP_OUTPUT)
    parser.add_argument("--id", default="", help=texts.IMPORT_HELP_ID)
    parser.add_argument("--title", default="", help=texts.IMPORT_HELP_TITLE)
    args = parser.parse_args(argv)

    if not args.source.is_file():
        print(texts.IMPORT_NO_FILE.format(path=args.source), file=sys.stderr)
        return 2
    try:
        lines, notes = read_source(args.source)
    except (SourceUnreadable, OSError) as error:
        reason = str(error) if isinstance(error, SourceUnreadable) else texts.IMPORT_UNREADABLE
        print(texts.IMPORT_REFUSED.format(path=args.source, reason=reason), file=sys.stderr)
        return 2
    if not trim_chrome(lines)[0]:  # nothing to draft from: a draft would hold only placeholders
        print(texts.IMPORT_REFUSED.format(path=args.source, reason=texts.IMPORT_EMPTY), file=sys.stderr)
        return 2
    notice_id = args.id or (args.output or args.source).stem
    imported = import_lines(lines, notice_id=notice_id, title=args.title, notes=notes)
    text = to_yaml(imported.data)

    report = sys.stderr if args.output is None else sys.stdout
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(texts.IMPORT_REVIEW_COUNT.format(count=len(imported.review)), file=report)
    for item in imported.review:
        print(f"  {item}", file=report)

    errors = _validate(text, args.output, notice_id)
    for error in errors:
        print(f"  {error}", file=sys.stderr)
    return 1 if errors else 0


def _validate(text: str, output: Path | None, notice_id: str) -> list[object]:
    """The draft must pass the same validation a build applies (its id is checked against this file name)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.yml"
        path.write_text(text, encoding="utf-8")
        _, errors, _ = read_notice(path, str(output or f"{notice_id}.yml"))
    return errors
