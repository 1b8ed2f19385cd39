"""The benchmark scripts still fit the project (they are run by hand, so nothing else would notice)."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))


def test_the_benchmark_scripts_import() -> None:
    for name in ("run", "portal", "preview", "synthetic", "big_paragraph"):
        importlib.import_module(name)


def test_the_material_variant_is_this_project_with_materials_search_instead(tmp_path: Path) -> None:
    run = importlib.import_module("run")
    data = tmp_path / "data"
    (data / "disclosures").mkdir(parents=True)
    project = run.material_here_project(data, tmp_path / "material")
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert [next(iter(p)) for p in config["plugins"]] == ["search"]
    assert config["plugins"][0]["search"]["lang"] == "zh"
    assert (project / "hooks").is_dir() and (project / "overrides").is_dir()


def test_the_memory_of_a_build_and_its_children_at_once_is_summed() -> None:
    import run

    code = "import sys, time; block = bytearray(64 * 2**20); block[::4096] = b'x' * len(block[::4096]); " \
           "print('ready', flush=True); time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        alone = run.tree_rss(child.pid)
        with_me = run.tree_rss(os.getpid())
        assert alone >= 64 * 2**20  # its touched 64 MiB
        assert with_me >= alone + 10 * 2**20  # this process too, under which it runs
    finally:
        child.kill()
        child.wait()


def test_a_child_that_has_not_run_a_program_of_its_own_is_not_its_parents_memory_again() -> None:
    """Between fork and exec a child holds its parent's pages: counted in each, a build that starts a process
    (Pagefind, per shard) would weigh twice its own memory at that moment."""
    import run

    code = ("import os, sys, time; block = bytearray(64 * 2**20); block[::4096] = b'x' * len(block[::4096]); "
            "pid = os.fork(); time.sleep(0.5 if pid else 30); print('ready', flush=True); time.sleep(30)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    forked: list[int] = []
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        forked = [int(p.name) for p in Path("/proc").glob("[0-9]*") if _parent(p) == child.pid]
        assert forked, "the forked child is running"
        assert 64 * 2**20 <= run.tree_rss(child.pid) < 100 * 2**20  # the parent's 64 MiB, once
    finally:
        for pid in forked:
            os.kill(pid, signal.SIGKILL)
        child.kill()
        child.wait()


def _parent(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None
