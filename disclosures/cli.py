"""Command line: `disclosures check [DATA_DIR]` validates data/ without building the site;
`disclosures verify SITE_DIR` checks a deployed site against the manifest its build wrote.

Fast enough for an editor's save hook: it imports only the loader and the
validator (no MkDocs, Jinja2 or jieba). Exit status 0 when the data is valid,
1 when it is not, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataInvalid
from .load import load_project
from .manifest import ManifestUnreadable, site_files, verify
from .texts import (VERIFY_ADDED, VERIFY_BAD_MANIFEST, VERIFY_CHANGED, VERIFY_DIFFERENT, VERIFY_MISSING,
                    VERIFY_NO_MANIFEST, VERIFY_NO_SITE, VERIFY_OK)

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
    return True, OK.format(site=(data_dir / "site.yml").as_posix(), count=len(project.notices))


def check_site(site: Path, manifest: Path | None = None) -> tuple[bool, str]:
    """Whether the files under site are exactly those of its build, and the text to show (every difference)."""
    if not site.is_dir():
        return False, VERIFY_NO_SITE.format(path=site)
    try:
        found = verify(site, manifest)
    except ManifestUnreadable as error:
        if error.line:
            return False, VERIFY_BAD_MANIFEST.format(path=error.path, line=error.line)
        return False, VERIFY_NO_MANIFEST.format(path=error.path)
    if not found:
        return True, VERIFY_OK.format(count=len(site_files(site)), site=site)
    count = len(found.changed) + len(found.missing) + len(found.added)
    lines = [VERIFY_DIFFERENT.format(count=count, site=site)]
    lines += [VERIFY_CHANGED.format(path=p) for p in found.changed]
    lines += [VERIFY_MISSING.format(path=p) for p in found.missing]
    lines += [VERIFY_ADDED.format(path=p) for p in found.added]
    return False, "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="disclosures", description="巡察整改公开 - tools for the data in data/")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/ without building (exit 0 when valid, 1 when not)")
    check_parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    verify_parser = commands.add_parser(
        "verify", help="check a deployed site against the manifest its build wrote (exit 0 unchanged, 1 when not)")
    verify_parser.add_argument("site_dir", type=Path, help="the deployed site folder")
    verify_parser.add_argument("--manifest", type=Path, default=None,
                               help="a copy of the manifest kept elsewhere (default: SITE_DIR/_deploy/manifest.sha256)")
    args = parser.parse_args(argv)
    if args.command == "verify":
        ok, text = check_site(args.site_dir, args.manifest)
    else:
        ok, text = check(args.data_dir)
    print(text, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
