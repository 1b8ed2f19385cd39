"""One very long paragraph: a whole build's time grows in proportion to its length, not with its square.

    .venv/bin/python bench/big_paragraph.py [--sizes 1 2.5 5 10]

The real notice with one paragraph of N MB appended (a sentence with two glossary terms and a date,
repeated), built with `mkdocs build --strict` in a fresh process each time; prints the seconds and the
seconds per MB. The glossary's first-use marking once rescanned the rest of a paragraph for each
repeat of a term (1 MB: 27 s); data files over 16 MiB are refused by the check (disclosures/load/yamlload.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = "zhongshan-procuratorate-2025-04-27.yml"
SENTENCE = "落实侦协办工作和防止干预司法“三个规定”要求，2024年8月30日召开专题会议研究部署。"


def project_with_paragraph(dest: Path, megabytes: float) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / name)
    path = dest / "data" / "disclosures" / REAL
    notice = yaml.safe_load(path.read_text(encoding="utf-8"))
    repeats = int(megabytes * 1e6 / len(SENTENCE.encode("utf-8")))
    notice["parts"][0].setdefault("paragraphs", []).append(SENTENCE * repeats)
    path.write_text(yaml.safe_dump(notice, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2.5, 5, 10])
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISCLOSURE_NOW": "2025-04-28"}
    print("paragraph   build    per MB")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            project = project_with_paragraph(Path(work) / "p", size)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env,
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                sys.exit(done.stderr)
            print(f"{size:6.1f} MB  {seconds:6.1f} s  {seconds / size:5.1f} s")


if __name__ == "__main__":
    main()
