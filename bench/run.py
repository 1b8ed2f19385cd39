"""Benchmark: how build and search scale with the number of notices, Pagefind beside Material's search.

    .venv/bin/python bench/run.py                   # N = 100 and 1000 (about 15 minutes on 2 cores)
    .venv/bin/python bench/run.py --sizes 1 10 100  # smaller sites

Builds the same synthetic data (synthetic.py) three times, rounds interleaved:

- pagefind: this project (Pagefind indexes the pages while they are written);
- material: this project with Material's search plugin in place of Pagefind
  (jieba at build time, the whole index fetched on the first search): the same
  site, only the search differs;
- base: the project as it was with Material's search plugin, taken from git at
  --material-rev and built with its own package (PYTHONPATH): fewer features
  (no portal lists, link check, QR codes, .gz copies …), the search of then.

For each it prints build wall time (median) and peak memory; the search index on
disk (bytes, files); what a reader fetches (as gzip would send it) for the first
search (from focusing the box to the first result) and for a second, different
search; and the time from typing to the first result in headless Chromium.
Figures, never pass/fail.
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
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_site_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = "2030-01-01"
QUERIES = ("醉酒驾驶", "食堂")  # the first search, then a second one
# The last commit with Material's search plugin (the base this search replaced).
MATERIAL_REV = "2697900"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
RESULT_TIMEOUT_MS = 60_000


def pagefind_project(data: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    shutil.copytree(data, dest / "data")
    return dest


# Material's search plugin as the project configured it before Pagefind (git show MATERIAL_REV:mkdocs.yml).
MATERIAL_SEARCH = """plugins:
  - search:
      lang: zh
      separator: '[\\s\\u200b\\u3000\\-、。，．？！；：（）“”‘’《》〈〉【】·—…]+'
      fields:
        tags:
          boost: 1
"""


def material_here_project(data: Path, dest: Path) -> Path:
    """This project with Material's search plugin instead of Pagefind (build_once.py --no-pagefind)."""
    pagefind_project(data, dest)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nplugins: []\n" in text, "mkdocs.yml names no plugins: the search plugin goes there"
    config.write_text(text.replace("\nplugins: []\n", "\n" + MATERIAL_SEARCH), encoding="utf-8")
    return dest


def material_project(data: Path, dest: Path, rev: str) -> Path:
    """The project at rev (its package too), with the same data."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, *PROJECT_PARTS, "disclosures"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    shutil.copytree(data, dest / "data")
    return dest


def build_env(project: Path, own_package: bool) -> dict[str, str]:
    env = dict(os.environ, DISCLOSURE_NOW=NOW, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    if own_package:  # its disclosures/ comes before the installed (editable) one
        env["PYTHONPATH"] = str(project)
    return env


@dataclass(frozen=True)
class Variant:
    project: Path
    own_package: bool = False  # its own disclosures/ (from git), not the installed one
    args: tuple[str, ...] = ()  # for build_once.py
    material: bool = False  # Material's search (its index and its UI)


def build_once(variant: Variant, keep_site: bool = False) -> dict:
    """One build in a fresh process: wall time and peak memory. keep_site: over the site the last build
    published (a rebuild as `make site` runs it), not from an empty site/."""
    if not keep_site:
        shutil.rmtree(variant.project / "site", ignore_errors=True)
    child = subprocess.Popen([sys.executable, str(ROOT / "bench" / "build_once.py"),
                              str(variant.project / "mkdocs.yml"), *variant.args],
                             env=build_env(variant.project, variant.own_package), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    peak = [0]
    sampler = threading.Thread(target=_sample_tree, args=(child, peak), daemon=True)
    sampler.start()
    out, err = child.communicate()
    sampler.join()
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, child.args, out, err)
    return {**json.loads(out.strip().splitlines()[-1]), "tree_peak_mib": peak[0] / 2**20}


def _sample_tree(child: subprocess.Popen, peak: list[int]) -> None:
    """The peak of the summed resident memory of the build and every process under it (its helpers, Pagefind,
    the finishing worker), sampled every 0.2 s from this process, which only waits: the build's own peak
    (ru_maxrss) is one process's, while these run at once."""
    while child.poll() is None:
        peak[0] = max(peak[0], tree_rss(child.pid))
        time.sleep(0.2)


def tree_rss(root: int) -> int:
    """Resident bytes of a process and its descendants, summed (pages shared between them count in each),
    leaving out a child that has not yet run a program of its own: between fork (or vfork) and exec it holds
    its parent's pages (copy-on-write, or the very same), which would count the parent twice. At 10,000
    notices, with a Pagefind process started for each of 132 shards, a sample every 0.2 s met that moment
    and printed 6,584 MiB for a build of 3,592 MiB beside 319 MiB of Pagefind."""
    parent: dict[int, int] = {}
    resident: dict[int, int] = {}
    command: dict[int, bytes] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat, \
                    open(f"/proc/{entry.name}/statm", encoding="ascii") as statm, \
                    open(f"/proc/{entry.name}/cmdline", "rb") as cmdline:
                parent[int(entry.name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
                resident[int(entry.name)] = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
                command[int(entry.name)] = cmdline.read()
        except (OSError, ValueError, IndexError):  # gone meanwhile
            continue

    def under(pid: int) -> bool:
        while pid not in (root, 0, 1) and pid in parent:
            pid = parent[pid]
        return pid == root

    def not_yet_exec(pid: int) -> bool:
        return pid != root and command.get(pid) == command.get(parent.get(pid, 0))
    return sum(size for pid, size in resident.items() if under(pid) and not not_yet_exec(pid))


def measure_builds(variants: dict[str, Variant], repeat: int) -> dict[str, dict]:
    """Median wall time and peak memory per variant, rounds interleaved so a slow spell hits all alike."""
    runs: dict[str, list[dict]] = {name: [] for name in variants}
    for _ in range(repeat):
        for name, variant in variants.items():
            runs[name].append(build_once(variant))
    return {name: {"seconds": statistics.median(r["seconds"] for r in rs), "peak_mib": max(r["peak_mib"] for r in rs)}
            for name, rs in runs.items()}


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@functools.lru_cache(maxsize=None)
def served_gzip_size(site: Path, url: str) -> int:
    """The size of the file a URL of the test server names, as gzip would send it."""
    path = site / unquote(urlsplit(url).path).lstrip("/")
    return gz_size((path / "index.html" if path.is_dir() else path).read_bytes())


def index_on_disk(site: Path, material: bool) -> tuple[int, int]:
    files = [site / "search" / "search_index.json"] if material else [p for p in (site / "pagefind").rglob("*")
                                                                       if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


# Type a query as input events and time until the first result is in the list (null after the timeout).
_TYPE_AND_TIME = """async ([box, list, item, query, timeout]) => {
    const input = document.querySelector(box);
    const results = document.querySelector(list);
    input.focus();
    return await new Promise((resolve) => {
        const start = performance.now();
        const done = () => {
            if (results.querySelector(item)) { observer.disconnect(); resolve(performance.now() - start); }
        };
        const observer = new MutationObserver(done);
        observer.observe(results, {childList: true, subtree: true});
        setTimeout(() => { observer.disconnect(); resolve(null); }, timeout);
        input.value = query;
        input.dispatchEvent(new Event("input", {bubbles: true}));
        input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
    });
}"""

UI = {  # box, result list, result item, what to do before typing
    "pagefind": ("#dsc-search-box", "#dsc-search-panel .dsc-search__results", "[data-search-result]", None),
    "material": ("input.md-search__input", ".md-search-result__list", ".md-search-result__item",
                 "label.md-search__icon, input.md-search__input"),
}


SEARCH_FILES = "/search/search_index.json"  # Material's whole index


def reader_figures(site: Path, material: bool) -> dict:
    """Bytes fetched (as gzip would send them) and typing-to-result time, first and second search."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    box, results, item, opener = UI["material" if material else "pagefind"]
    figures: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})  # cold cache
        page = context.new_page()
        # The bodies are read from the served folder, not through the browser: Material's index at 1,000
        # notices (hundreds of MB on this site) is more than Playwright's driver can hand over.
        fetched: list[str] = []
        page.on("response", lambda r: fetched.append(r.url) if r.status == 200 else None)
        page.goto(base, wait_until="networkidle")
        # Material's search may fetch its index as the page loads, before any typing: that counts as the
        # first search's, not the page's.
        early = [url for url in fetched if SEARCH_FILES in url]
        figures["page_gzip_bytes"] = sum(served_gzip_size(site, url) for url in fetched if SEARCH_FILES not in url)
        for n, query in enumerate(QUERIES, start=1):
            fetched.clear()
            if opener and n == 1:
                page.click(opener)
            elapsed = page.evaluate(_TYPE_AND_TIME, [box, results, item, query, RESULT_TIMEOUT_MS])
            # What came before the first result (a sharded index answers from its newest shard first, then
            # merges the others in: search.py), and everything the search fetched by the time it is quiet.
            first = list(fetched)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            urls = fetched + (early if n == 1 else [])
            figures[f"search{n}_first_gzip_bytes"] = sum(served_gzip_size(site, url) for url in first + (
                early if n == 1 else []))
            figures[f"search{n}_gzip_bytes"] = sum(served_gzip_size(site, url) for url in urls)
            figures[f"search{n}_ms"] = elapsed
            if elapsed is None:
                break
        context.close()
        browser.close()
    server.shutdown()
    return figures


VARIANTS = ("base", "material", "pagefind")


def run(count: int, repeat: int, work: Path, rev: str) -> dict:
    data = write_site_data(work / f"data-{count}", count)
    variants = {
        "base": Variant(material_project(data, work / f"base-{count}", rev), own_package=True, material=True),
        "material": Variant(material_here_project(data, work / f"material-{count}"), args=("--no-pagefind",),
                            material=True),
        "pagefind": Variant(pagefind_project(data, work / f"pagefind-{count}")),
    }
    result: dict = {"n": count, "builds": measure_builds(variants, repeat)}
    print(json.dumps({"n": count, "builds": result["builds"]}), file=sys.stderr, flush=True)  # kept if a browser fails
    for name, variant in variants.items():
        size, files = index_on_disk(variant.project / "site", variant.material)
        result[name] = {"index_bytes": size, "index_files": files,
                        **reader_figures(variant.project / "site", variant.material)}
    return result


def kib(n: float | None) -> str:
    return "–" if n is None else f"{n / 1024:,.0f} KiB"


def ms(n: float | None) -> str:
    return f"> {RESULT_TIMEOUT_MS / 1000:.0f} s (none)" if n is None else f"{n:,.0f} ms"


def print_table(results: list[dict]) -> None:
    print("| N | search | build | build ÷ material | peak memory | index on disk | files | first search fetches (gzip) "
          "| typing → first result | second search fetches (gzip) | second: typing → result |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        for kind in VARIANTS:
            b, f = r["builds"][kind], r[kind]
            ratio = b["seconds"] / r["builds"]["material"]["seconds"]
            print(f"| {r['n']:,} | {kind} | {b['seconds']:.1f} s | {ratio:.2f} | {b['peak_mib']:.0f} MiB "
                  f"| {kib(f['index_bytes'])} | {f['index_files']:,} | {kib(f.get('search1_gzip_bytes'))} "
                  f"| {ms(f.get('search1_ms'))} | {kib(f.get('search2_gzip_bytes'))} "
                  f"| {ms(f.get('search2_ms')) if 'search2_ms' in f else '–'} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="builds per variant below 1000 notices; the median")
    parser.add_argument("--material-rev", default=MATERIAL_REV, help="git revision with Material's search")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for count in args.sizes:
            repeat = 1 if count >= 1000 else args.repeat
            result = run(count, repeat, Path(tmp), args.material_rev)
            print(json.dumps(result), file=sys.stderr, flush=True)
            results.append(result)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
