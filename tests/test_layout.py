"""The package's rooms and the one way its imports run.

disclosures/ is split into rooms (subpackages) in the order of the flow; a module may import from its own
room and from the rooms its room's docstring names after "May import:", and those must all come earlier in
ROOMS. The top-level modules (build.py runs the rooms in order, cli.py is the command line) may import any
room; no room imports them. No two modules import each other, directly or round a longer circle.

The graph is read from the sources with ast, so every import counts: at the top of a module, inside a
function, or under `if TYPE_CHECKING:`. Each guard is also run on a planted mistake, so a guard that finds
nothing is known to work.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = "disclosures"
# The rooms in the order of the flow: a room may import only from rooms before it.
ROOMS = ("core", "numbering", "load", "model", "pages", "outputs", "publish", "importer", "editor")
MAX_MODULES = 12  # "about a dozen": a room that grows past this should be split


def read_sources(root: Path = ROOT / PACKAGE) -> dict[str, str]:
    """Dotted module name -> source, for every module of the package (a package as its __init__)."""
    sources = {}
    for path in sorted(root.rglob("*.py")):
        parts = (PACKAGE, *path.relative_to(root).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        sources[name] = path.read_text(encoding="utf-8")
    return sources


def _is_package(name: str, sources: dict[str, str]) -> bool:
    return any(other.startswith(name + ".") for other in sources)


def imports_of(name: str, source: str, sources: dict[str, str]) -> set[str]:
    """The package's modules that one module imports, anywhere in it."""
    package = name if _is_package(name, sources) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # `from disclosures.core import texts` imports the module disclosures.core.texts
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in sources else base for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in sources and t != name}
    return found


def room_of(name: str) -> str | None:
    """The room a module lives in; None for the top-level modules and the package itself."""
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ROOMS) else None


def declared(sources: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Each room's "May import:" line, read from its __init__ docstring."""
    rooms = {}
    for room in ROOMS:
        doc = ast.get_docstring(ast.parse(sources[f"{PACKAGE}.{room}"])) or ""
        match = re.search(r"^May import: ([^\n(]*)", doc, re.M)
        assert match, f"{PACKAGE}/{room}/__init__.py: its docstring has no line 'May import: …'"
        names = match.group(1).strip().rstrip(".")
        rooms[room] = () if names.startswith("nothing") else tuple(n.strip() for n in names.split(","))
    return rooms


def wrong_way(sources: dict[str, str]) -> list[str]:
    """Every import against the order of the rooms, naming the two modules."""
    allowed = declared(sources)
    problems = [f"{room} may import {other}, which comes after it (or is no room)"
                for room, others in allowed.items() for other in others
                if other not in ROOMS or ROOMS.index(other) >= ROOMS.index(room)]
    for name, source in sources.items():
        room = room_of(name)
        for target in sorted(imports_of(name, source, sources)):
            to = room_of(target)
            if room is None:
                if name == PACKAGE:
                    problems.append(f"{name} imports {target}: the package itself imports nothing")
                continue
            if to is None:
                problems.append(f"{name} imports {target}: no room imports the top-level modules")
            elif to != room and to not in allowed[room]:
                problems.append(f"{name} imports {target}: {room} may import only "
                                f"{', '.join(allowed[room]) or 'itself'}")
    return problems


def cycles(sources: dict[str, str]) -> list[str]:
    """Each circle of imports once, as the modules round it (a -> b -> a)."""
    graph = {name: sorted(imports_of(name, source, sources)) for name, source in sources.items()}
    found, done = [], set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            circle = path[path.index(name):]
            start = circle.index(min(circle))  # told from its first module by name, however it was reached
            circle = circle[start:] + circle[:start]
            if not set(circle) & done and " -> ".join(circle + [circle[0]]) not in found:
                found.append(" -> ".join(circle + [circle[0]]))
            return
        if name in done:
            return
        for target in graph[name]:
            visit(target, path + [name])
        done.add(name)

    for name in graph:
        visit(name, [])
    return found


def test_rooms_are_the_folders_in_the_flow_order() -> None:
    on_disk = {p.name for p in (ROOT / PACKAGE).iterdir() if (p / "__init__.py").is_file()}
    assert on_disk == set(ROOMS), "a new room needs its place in ROOMS (and in disclosures/__init__.py)"
    flow = ast.get_docstring(ast.parse((ROOT / PACKAGE / "__init__.py").read_text(encoding="utf-8"))) or ""
    mentioned = sorted(ROOMS, key=lambda room: flow.index(f"{room}/"))
    assert tuple(mentioned) == ROOMS, "the package docstring tells the rooms in their order"


def test_each_room_says_its_job_and_stays_small() -> None:
    sources = read_sources()
    declared(sources)  # every room states what it may import
    for room in ROOMS:
        doc = ast.get_docstring(ast.parse(sources[f"{PACKAGE}.{room}"])) or ""
        assert doc.split(":")[0].strip().lower() == room, f"{room}/__init__.py starts with '{room.title()}: its job'"
        modules = [p for p in (ROOT / PACKAGE / room).glob("*.py") if p.stem not in ("__init__", "__main__")]
        assert len(modules) <= MAX_MODULES, f"{room}/ holds {len(modules)} modules: split it"


def test_imports_run_one_way() -> None:
    problems = wrong_way(read_sources())
    assert not problems, "imports against the order of the rooms:\n" + "\n".join(problems)


def test_no_import_cycles() -> None:
    found = cycles(read_sources())
    assert not found, "modules that import each other:\n" + "\n".join(found)


def test_a_planted_upward_import_is_named() -> None:
    sources = read_sources()
    sources["disclosures.core.texts"] += "\nfrom disclosures.publish.staging import publish\n"
    assert wrong_way(sources) == ["disclosures.core.texts imports disclosures.publish.staging: "
                                  "core may import only itself"]


def test_a_planted_import_of_the_top_level_is_named() -> None:
    sources = read_sources()
    sources["disclosures.pages.render"] += "\ndef later():\n    from ..build import prepare\n"
    assert wrong_way(sources) == ["disclosures.pages.render imports disclosures.build: "
                                  "no room imports the top-level modules"]


def test_a_planted_wrong_declaration_is_named() -> None:
    sources = read_sources()
    sources["disclosures.numbering"] = sources["disclosures.numbering"].replace("May import: core",
                                                                                "May import: core, model")
    assert wrong_way(sources) == ["numbering may import model, which comes after it (or is no room)"]


@pytest.mark.parametrize("planted", ["from disclosures.core import records",
                                     "if TYPE_CHECKING:\n    from .records import Notice"])
def test_a_planted_cycle_is_named(planted: str) -> None:
    sources = read_sources()
    sources["disclosures.core.texts"] += f"\n{planted}\n"  # records.py imports texts.py
    assert cycles(sources) == ["disclosures.core.records -> disclosures.core.texts -> disclosures.core.records"]


@pytest.mark.parametrize("command", [["-m", "disclosures"], ["-m", "disclosures.importer"], ["disclosures"],
                                     ["disclosures-import"]], ids=" ".join)
def test_the_commands_users_name_still_run(command: list[str]) -> None:
    """`python -m …` and the console scripts of pyproject.toml, as the README, deploy/ and cron name them."""
    program = [sys.executable, *command] if command[0] == "-m" else [str(Path(sys.executable).parent / command[0])]
    result = subprocess.run([*program, "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_every_name_the_hook_and_the_benchmark_take_from_the_package_exists() -> None:
    for path in sorted((ROOT / "hooks").glob("*.py")) + sorted((ROOT / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == PACKAGE:
                module = importlib.import_module(node.module)
                for alias in node.names:
                    submodule = hasattr(module, "__path__") and importlib.util.find_spec(f"{node.module}.{alias.name}")
                    assert hasattr(module, alias.name) or submodule, \
                        f"{path.relative_to(ROOT)}: {node.module} has no {alias.name}"
