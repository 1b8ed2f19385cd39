"""Command line: `disclosures check [DATA_DIR]` validates data/ without building the site.

Fast enough for an editor's save hook: it imports only the loader and the
validator (no MkDocs, Jinja2 or jieba). Exit status 0 when the data is valid,
1 when it is not, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import records as r
from . import texts
from .errors import DataInvalid
from .load import load_project
from .ordinals import dotted, kept_numbers, node_at
from .yamlload import load_yaml, position

OK = "数据无误：{site} 与 {count} 篇通报（data is valid）"
NO_DATA = "找不到数据文件夹 {path}（no such folder）"


def check(data_dir: Path) -> tuple[bool, str]:
    """Whether data_dir is valid, and the text to show."""
    if not data_dir.is_dir():
        return False, NO_DATA.format(path=data_dir)
    try:
        project = load_project(data_dir)
    except DataInvalid as error:
        return False, error.report()
    ok = OK.format(site=(data_dir / "site.yml").as_posix(), count=len(project.notices))
    return True, "\n".join([ok, *kept_summary(data_dir, project)])


def kept_summary(data_dir: Path, project: r.Project) -> list[str]:
    """Numbers kept from the source where it skips a label: valid, but deliberate exceptions to read again."""
    lines = []
    for notice in project.notices:
        kept = kept_numbers(notice)
        root = load_yaml(data_dir.parent / notice.source, notice.source).node if kept else None
        for item in kept:
            line, column = position(node_at(root, item.path)) if root is not None else (0, 0)
            lines.append("  - " + texts.KEPT_NUMBER_LINE.format(where=f"{notice.source}:{line}:{column}",
                                                             path=dotted(item.path), label=item.label,
                                                             derived=item.derived))
    return [texts.KEPT_NUMBERS_SUMMARY.format(count=len(lines)), *lines] if lines else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="disclosures", description="巡察整改公开 - tools for the data in data/")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/ without building (exit 0 when valid, 1 when not)")
    check_parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    args = parser.parse_args(argv)
    ok, text = check(args.data_dir)
    print(text, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
