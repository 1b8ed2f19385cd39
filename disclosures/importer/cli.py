"""`disclosures-import SOURCE [-o OUT.yml] [--id ID] [--title TITLE]`: a first draft of a data file."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..load import read_notice
from ..typography import to_fullwidth as fw
from .build import import_lines
from .source import read_source
from .writer import to_yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="disclosures-import",
                                     description=fw("把发布的通报(.txt 或 .docx)转成 YAML 数据文件的初稿,并列出需要核对的地方。"))
    parser.add_argument("source", type=Path, help=fw("通报原文:.txt(UTF-8)或 .docx"))
    parser.add_argument("-o", "--output", type=Path, help=fw("写入的 YAML 文件;不写则输出到屏幕"))
    parser.add_argument("--id", default="", help=fw("通报编号(小写字母、数字、连字符);默认取输出或原文的文件名"))
    parser.add_argument("--title", default="", help=fw("标题;原文多半没有标题行"))
    args = parser.parse_args(argv)

    if not args.source.is_file():
        print(fw("找不到文件:") + str(args.source), file=sys.stderr)
        return 2
    lines, notes = read_source(args.source)
    notice_id = args.id or (args.output or args.source).stem
    imported = import_lines(lines, notice_id=notice_id, title=args.title, notes=notes)
    text = to_yaml(imported.data)

    report = sys.stderr if args.output is None else sys.stdout
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(fw(f"需要核对 {len(imported.review)} 处:") + f" (review list, {len(imported.review)} item(s))", file=report)
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
