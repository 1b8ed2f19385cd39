"""What the notice-board features cost: QR codes, posters and share cards in the gather phase, the link
check after the build, and (with --pdf) printing one poster to PDF. Prints figures; no limits.

    .venv/bin/python bench/notice_board.py [--sizes 10 100] [--pdf]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, write_site_data  # noqa: E402

from disclosures.build import notice_pages, prepare  # noqa: E402
from disclosures.outputs import posterpdf, qr  # noqa: E402
from disclosures.outputs.share import notice_card  # noqa: E402
from disclosures.publish import linkcheck


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(size: int, pdf: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
        write_site_data(root / "data", size)
        env = {"DISCLOSURE_NOW": "2025-04-28"}
        build = prepare(root, env)
        site = build.project.site
        qr._code_svg.cache_clear()  # count the codes prepare() already encoded
        pages = _timed(lambda: [notice_pages(build.templates, site, v, False) for v in build.notices])
        cards = _timed(lambda: [notice_card(v, site) for v in build.notices])
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True,
                       env=os.environ | env | {"NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            report = linkcheck.check_site(root / "site", site.url)
            runs.append(time.perf_counter() - start)
        files = sum(1 for _ in (root / "site").rglob("*.html"))
        print(f"N={size}: notice + poster pages (their two distinct QR codes included) {pages:.2f} s, share cards {cards:.3f} s; "
              f"link check {statistics.median(runs):.2f} s for {files} pages, {report.checked} internal links, "
              f"{len(report.broken)} broken, {len(report.external)} out of the site")
        if pdf:
            notice_id = build.notices[0].id
            seconds = _timed(lambda: posterpdf.poster_pdfs(root / "site", [notice_id]))
            print(f"  PDF: {seconds:.2f} s for one poster (A4 and A3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--pdf", action="store_true", help="also time printing one poster with Chromium")
    args = parser.parse_args()
    for size in args.sizes:
        measure(size, args.pdf)


if __name__ == "__main__":
    main()
