"""Benchmark: how build and search scale with the number of notices.

    .venv/bin/python bench/run.py              # N = 1, 10, 100 (about 5 minutes on 2 cores)
    .venv/bin/python bench/run.py --sizes 1000 # the long option

Prints, for each N: build wall time and peak memory with our hooks and for two
baselines without them (see baseline.py: the notices' text as plain Markdown,
and the very pages and files our hooks generate, written out as files), with
the ratios (the hooks' overhead); search index
size raw and gzipped; bytes a reader downloads for the home page, a notice
page and a first search; and the time from typing to the first result in
headless Chromium. Figures, never pass/fail.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import write_baseline_project, write_same_pages_project  # noqa: E402
from synthetic import write_site_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = "2030-01-01"
QUERY = "醉酒驾驶"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def hooks_project(data: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    shutil.copytree(data, dest / "data")
    return dest


def build_env() -> dict[str, str]:
    return dict(os.environ, DISCLOSURE_NOW=NOW, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")


def build_once(project: Path) -> dict:
    env = build_env()
    shutil.rmtree(project / "site", ignore_errors=True)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "build_once.py"), str(project / "mkdocs.yml")],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_builds(projects: dict[str, Path], repeat: int) -> dict[str, dict]:
    """Median wall time and peak memory per project. Rounds are interleaved (a, b, c, a, b, c, …)
    so that a slow spell of this shared machine hits every variant alike, not one of them."""
    runs: dict[str, list[dict]] = {name: [] for name in projects}
    for _ in range(repeat):
        for name, project in projects.items():
            runs[name].append(build_once(project))
    return {name: {"seconds": statistics.median(r["seconds"] for r in rs), "peak_mib": max(r["peak_mib"] for r in rs)}
            for name, rs in runs.items()}


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def reader_figures(site: Path, notice_url: str) -> dict:
    """Bytes over the wire (uncompressed, and as gzip would send them) and typing-to-result time."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    figures: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)

        def load(url: str) -> tuple[object, object, list[bytes]]:
            context = browser.new_context()  # cold cache each time
            page = context.new_page()
            bodies: list[bytes] = []
            page.on("response", lambda r: bodies.append(r.body()) if r.status == 200 else None)
            page.goto(base + url, wait_until="networkidle")
            return context, page, bodies

        for name, url in (("home", ""), ("notice", notice_url)):
            context, _, bodies = load(url)
            figures[f"{name}_bytes"] = sum(map(len, bodies))
            figures[f"{name}_gzip_bytes"] = sum(map(gz_size, bodies))
            context.close()

        context, page, bodies = load("")
        bodies.clear()
        page.click("label.md-search__icon, input.md-search__input")
        # Type the query as a person would, then time from the last keystroke to the first result shown.
        elapsed = page.evaluate("""async (query) => {
            const input = document.querySelector("input.md-search__input");
            const list = document.querySelector(".md-search-result__list");
            input.focus();
            return await new Promise((resolve) => {
                const start = performance.now();
                const done = () => {
                    if (list.querySelector(".md-search-result__item")) {
                        observer.disconnect();
                        resolve(performance.now() - start);
                    }
                };
                const observer = new MutationObserver(done);
                observer.observe(list, {childList: true, subtree: true});
                input.value = query;
                input.dispatchEvent(new Event("input", {bubbles: true}));
                input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
                done();
            });
        }""", QUERY)
        page.wait_for_load_state("networkidle")
        figures["first_search_bytes"] = sum(map(len, bodies))
        figures["first_search_gzip_bytes"] = sum(map(gz_size, bodies))
        figures["typing_to_result_ms"] = elapsed
        context.close()
        browser.close()
    server.shutdown()
    return figures


def run(count: int, repeat: int, work: Path) -> dict:
    data = write_site_data(work / f"data-{count}", count)
    ours = hooks_project(data, work / f"hooks-{count}")
    base = write_baseline_project(data, work / f"baseline-{count}")
    same = write_same_pages_project(ours, work / f"same-pages-{count}", build_env())
    result = {"n": count, **measure_builds({"hooks": ours, "baseline": base, "same_pages": same}, repeat)}
    result["overhead"] = result["hooks"]["seconds"] / result["baseline"]["seconds"]
    result["overhead_same_pages"] = result["hooks"]["seconds"] / result["same_pages"]["seconds"]
    index = (ours / "site" / "search" / "search_index.json").read_bytes()
    result["index_bytes"], result["index_gzip_bytes"] = len(index), gz_size(index)
    result.update(reader_figures(ours / "site", "disclosures/synthetic-0001/"))
    return result


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def print_table(results: list[dict]) -> None:
    print("| N | build (hooks) | baseline: text as Markdown | overhead | baseline: same pages, no hooks | overhead "
          "| peak mem (hooks / text / same pages) | search index raw / gzip "
          "| home page | notice page | first search | typing → first result |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['n']} | {r['hooks']['seconds']:.2f} s | {r['baseline']['seconds']:.2f} s | {r['overhead']:.2f}× "
              f"| {r['same_pages']['seconds']:.2f} s | {r['overhead_same_pages']:.2f}× "
              f"| {r['hooks']['peak_mib']:.0f} / {r['baseline']['peak_mib']:.0f} / {r['same_pages']['peak_mib']:.0f} MiB "
              f"| {kib(r['index_bytes'])} / {kib(r['index_gzip_bytes'])} "
              f"| {kib(r['home_bytes'])} ({kib(r['home_gzip_bytes'])} gz) "
              f"| {kib(r['notice_bytes'])} ({kib(r['notice_gzip_bytes'])} gz) "
              f"| {kib(r['first_search_bytes'])} ({kib(r['first_search_gzip_bytes'])} gz) "
              f"| {r['typing_to_result_ms']:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5, help="builds per variant; the median is reported")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for count in args.sizes:
            repeat = 1 if count >= 1000 else args.repeat
            result = run(count, repeat, Path(tmp))
            print(json.dumps(result), file=sys.stderr, flush=True)
            results.append(result)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
