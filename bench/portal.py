"""Portal benchmark: build a portal-shaped site (units x rounds) and print what grows with N and what must not.

    .venv/bin/python bench/portal.py --sizes 100 200      # one build per size (about a minute per 100)

For each N: build wall time and peak memory (a fresh process, bench/build_once.py; the first build of a
fresh project, so its build cache starts empty), the time of a second build after one notice's title
changed (what the build cache saves, disclosures/core/cache.py), files written
and the size of site/, and the size of the home page, the median notice page, a list page (all
notices, page 1), a round's 专题 page, the first feedback page and the largest page that is not a
notice. Figures go to stdout as a Markdown table (and JSON with --json).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Variant, build_once, pagefind_project  # noqa: E402
from synthetic import write_portal_data  # noqa: E402


def _size(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_size


def measure(count: int, work: Path) -> dict:
    data = write_portal_data(work / f"data-{count}", count)
    project = pagefind_project(data, work / f"site-{count}")
    build = build_once(Variant(project))
    site = project / "site"
    one = sorted((project / "data" / "disclosures").glob("*.yml"))[0]
    one.write_text(one.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 更正", 1), encoding="utf-8")
    edited = build_once(Variant(project))
    files = [p for p in site.rglob("*") if p.is_file()]  # the site as the second build wrote it
    pages = [p for p in site.rglob("index.html")]
    notice_pages = [p.stat().st_size for p in pages if p.parent.parent.name == "disclosures"]
    other = max((p.stat().st_size, str(p.relative_to(site))) for p in pages if p.parent.parent.name != "disclosures")
    return {
        "n": len(notice_pages),
        "seconds": build["seconds"],
        "peak_mib": build["peak_mib"],
        "edit_seconds": edited["seconds"],
        "edit_peak_mib": edited["peak_mib"],
        "files": len(files),
        "site_mib": sum(p.stat().st_size for p in files) / 2**20,
        "home": _size(site, ""),
        "notice_median": statistics.median(notice_pages),
        "list": _size(site, "notices/"),
        "round": _size(site, "rounds/round-1/"),
        "feedback": _size(site, "feedback/"),
        "largest_other": other[0],
        "largest_other_page": other[1],
    }


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        for count in args.sizes:
            results.append(measure(count, Path(tmp)))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print("| N | build | peak memory | after one edit | files written | site/ | home | notice (median) | list page"
          " | round page | feedback | largest non-notice page |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['n']} | {r['seconds']:.1f} s | {r['peak_mib']:.0f} MiB | {r['edit_seconds']:.1f} s"
              f" | {r['files']:,} | {r['site_mib']:.0f} MiB"
              f" | {kib(r['home'])} | {kib(r['notice_median'])} | {kib(r['list'])} | {kib(r['round'])}"
              f" | {kib(r['feedback'])} | {kib(r['largest_other'])} ({r['largest_other_page']}) |")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
