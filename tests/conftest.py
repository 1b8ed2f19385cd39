"""Shared fixtures: whole-site builds in temporary folders and a local web server for browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The published text exactly as it came to us (a copy of shared/notices/…), the fidelity reference.
SHARED_NOTICE = Path(__file__).resolve().parent / "data" / "sources" / "zhongshan-procuratorate-2025-04-27.txt"
REAL_ID = "zhongshan-procuratorate-2025-04-27"
TEST_DATA = Path(__file__).resolve().parent / "data"

# What makes a project: everything a build reads, but not data/ (each test brings its own).
_PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


@dataclass
class Build:
    root: Path
    result: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_project(dest: Path, data: Path) -> Path:
    """A copy of the project with the given data/ folder, to build in isolation."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in _PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    shutil.copytree(data, dest / "data")
    return dest


def run_build(root: Path, now: str | None = "2025-04-28", extra_env: dict[str, str] | None = None,
              args: tuple[str, ...] = ("--strict",)) -> Build:
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_NOW"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if now is not None:
        env["DISCLOSURE_NOW"] = now
    env.update(extra_env or {})
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    return Build(root, result)


def build_with(tmp: Path, data: Path, now: str | None = "2025-04-28", **kwargs) -> Build:
    return run_build(make_project(tmp, data), now=now, **kwargs)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own data/, built on 2025-04-28 (inside the disclosure window)."""
    build = build_with(tmp_path_factory.mktemp("real"), ROOT / "data")
    assert build.ok, build.result.stderr
    return build


@pytest.fixture(scope="session")
def fictional_data() -> Path:
    return TEST_DATA / "fictional"


# --- browser ------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def real_server(real_site: Build) -> Iterator[str]:
    server, url = serve(real_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# --- a portal ------------------------------------------------------------------

# One page of each kind a portal adds (tests/portal_data.py, 10 units over 4 rounds): checked for valid
# HTML and accessibility beside the pages of the simple site.
PORTAL_PAGE_KINDS = ("", "notices/", "notices/page/2/", "units/", "units/bureau-002/", "rounds/",
                     "rounds/round-1/", "years/", "years/2024/", "feedback/", "feedback/page/2/",
                     "disclosures/r2-bureau-002/")


@pytest.fixture(scope="session")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    from portal_data import BUILD_DAY, write_portal

    data = tmp_path_factory.mktemp("portal-site-data") / "data"
    write_portal(data, 10)
    build = build_with(tmp_path_factory.mktemp("portal-site"), data, now=BUILD_DAY)
    assert build.ok, build.result.stderr
    return build


@pytest.fixture(scope="session")
def portal_server(portal_site: Build) -> Iterator[str]:
    server, url = serve(portal_site.site)
    yield url
    server.shutdown()
