"""Portal benchmark: build a portal-shaped site (units x rounds) and print what grows with N and what must not.

    .venv/bin/python bench/portal.py --sizes 100 200      # one build per size (about a minute per 100)

For each N: build wall time and peak memory (a fresh process, bench/build_once.py: the largest of its processes,
and beside it the peak of all of them at once, summed; the first build of a
fresh project, so its build cache starts empty), the time of a second build after one notice's title
changed (what the build cache saves, disclosures/core/cache.py; over the site the first build published, as
`make site` runs again: until 2026-12-06 the bench removed site/ first, which made that build write every
file the published site would have lent it, about 2.5 s more at 1,000 notices), files written
and the size of site/, and the size of the home page, the median notice page, a list page (all
notices, page 1), a round's 专题 page, the first feedback page and the largest page that is not a
notice. Figures go to stdout as a Markdown table (and JSON with --json).

With --preview, then also the preview on the same project (bench/preview.py): `mkdocs serve` with live
reload, the time to its first served build and from saving an edit to a notice's YAML to the page served
with the change, for two notices, and the server's peak memory.

With --search, also a reader's first and second search in headless Chromium (bench/run.py): what is fetched
(as gzip would send it) until the first result shows, and in all once the search is quiet (the older index
shards merged in), and the time from typing to the first result.

The machine's load (os.getloadavg) and processors (what `nproc` counts) are printed at the start and the end
of each size and stand in the table: the figures mean little if something else was running.
Each size's data and project are removed once measured, so only one size is on disk at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from preview import measure_preview  # noqa: E402
from run import Variant, build_once, pagefind_project, reader_figures  # noqa: E402
from synthetic import write_portal_data  # noqa: E402


def _size(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_size


def processors() -> int:
    """What `nproc` prints: the processors this process may run on (not all the machine has)."""
    return len(os.sched_getaffinity(0))


def load(count: int, when: str) -> float:
    """Print the load averages (1, 5, 15 min) and the processors; return the 1-minute one for the table."""
    averages = os.getloadavg()
    print(f"N={count} {when}: load {' '.join(f'{a:.2f}' for a in averages)}, nproc {processors()}",
          file=sys.stderr, flush=True)
    return averages[0]


def site_figures(site: Path) -> dict:
    """One walk over site/, keeping counts and sizes rather than paths (a large N writes many files)."""
    files, total, notice_pages, other = 0, 0, [], (0, "")
    for path in site.rglob("*"):
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            continue
        files += 1
        total += info.st_size
        if path.name != "index.html":
            continue
        if path.parent.parent.name == "disclosures":
            notice_pages.append(info.st_size)
        else:
            other = max(other, (info.st_size, str(path.relative_to(site))))
    return {"n": len(notice_pages), "files": files, "site_mib": total / 2**20,
            "notice_median": statistics.median(notice_pages), "largest_other": other[0],
            "largest_other_page": other[1]}


def measure(count: int, work: Path, preview: bool, search: bool = False) -> dict:
    load_before = load(count, "start")
    data = write_portal_data(work / f"data-{count}", count)
    project = pagefind_project(data, work / f"site-{count}")
    build = build_once(Variant(project))
    site = project / "site"
    one = sorted((project / "data" / "disclosures").glob("*.yml"))[0]
    one.write_text(one.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 更正", 1), encoding="utf-8")
    edited = build_once(Variant(project), keep_site=True)
    result = {  # the site as the second build wrote it
        "seconds": build["seconds"],
        "peak_mib": build["peak_mib"],
        "tree_peak_mib": build["tree_peak_mib"],
        "edit_seconds": edited["seconds"],
        "edit_peak_mib": edited["peak_mib"],
        **site_figures(site),
        "home": _size(site, ""),
        "list": _size(site, "notices/"),
        "round": _size(site, "rounds/round-1/"),
        "feedback": _size(site, "feedback/"),
    }
    shards = site / "pagefind" / "shards.json"
    result["shards"] = 1 + len(json.loads(shards.read_text())["shards"]) if shards.is_file() else 0
    if search:  # a reader's first and second search on the site as built (bench/run.py, headless Chromium)
        result["search"] = reader_figures(site, material=False)
    if preview:  # after the builds: the build cache is as a clerk's would be after building once
        result["preview"] = measure_preview(project)
    for folder in (project, data):  # before the next size: only one size on disk at a time
        shutil.rmtree(folder)
    result["nproc"] = processors()
    result["load_before"], result["load_after"] = load_before, load(count, "end")
    return result


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def seconds(n: float | None) -> str:
    return "–" if n is None else f"{n:.1f} s"


def mib(n: float | None) -> str:
    return "–" if n is None else f"{n:.0f} MiB"


def print_search(results: list[dict]) -> None:
    """The reader's side: what the first search fetches until its first result, and in all (gzip)."""
    print("\n| N | index shards | first search: to the first result | first search: in all | typing → first result"
          " | second search: in all | second: typing → result |")
    print("|---" * 7 + "|")
    for r in results:
        s = r.get("search")
        if s:
            print(f"| {r['n']} | {r['shards']} | {kib(s['search1_first_gzip_bytes'])} | {kib(s['search1_gzip_bytes'])}"
                  f" | {_ms(s['search1_ms'])} | {kib(s.get('search2_gzip_bytes', 0))} | {_ms(s.get('search2_ms'))} |")


def _ms(n: float | None) -> str:
    return "no result" if n is None else f"{n:.0f} ms"


def print_table(results: list[dict], preview: bool) -> None:
    extra = (" | preview: first build (its search index) | preview after one edit (its search index)"
             " | preview peak memory") if preview else ""
    print(f"nproc: {', '.join(sorted({str(r['nproc']) for r in results}))}; load = os.getloadavg(), 1 min\n")
    print("| N | build | peak memory | after one edit | files written | site/ | home | notice (median) | list page"
          f" | round page | feedback | largest non-notice page{extra} | load (1 min) before/after |")
    print("|---" * (13 + (3 if preview else 0)) + "|")
    for r in results:
        row = (f"| {r['n']} | {r['seconds']:.1f} s | {r['peak_mib']:.0f} MiB ({r['tree_peak_mib']:.0f} MiB at once)"
               f" | {r['edit_seconds']:.1f} s"
               f" | {r['files']:,} | {r['site_mib']:.0f} MiB"
               f" | {kib(r['home'])} | {kib(r['notice_median'])} | {kib(r['list'])} | {kib(r['round'])}"
               f" | {kib(r['feedback'])} | {kib(r['largest_other'])} ({r['largest_other_page']})")
        if preview:
            p = r["preview"]
            # Both edits, so a one-off (the watcher's 0.5 s polling, a busy moment) shows as such.
            edits = ", ".join(f"{seconds(e['served'])} ({seconds(e.get('index'))})" for e in p["edits"])
            row += (f" | {seconds(p['first_build'])} ({seconds(p.get('first_index'))}) | {edits}"
                    f" | {mib(p['peak_mib'] or p['vmhwm_mib'])}")
        print(f"{row} | {r['load_before']:.2f} / {r['load_after']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200])
    parser.add_argument("--preview", action="store_true", help="also time mkdocs serve's rebuild after an edit")
    parser.add_argument("--search", action="store_true", help="also time a reader's first search in Chromium")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        for count in args.sizes:
            results.append(measure(count, Path(tmp), args.preview, args.search))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print_table(results, args.preview)
    print_search(results)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
