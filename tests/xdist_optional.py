"""Lets `-n auto --dist loadfile` in pytest's addopts (pyproject.toml) survive `-p no:xdist`.

The suite runs in parallel by default through pytest-xdist. Run without it (`-p no:xdist`, e.g. to
debug with pdb), `-n` and `--dist` would be unknown options and pytest would stop; this accepts and ignores them.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if pluginmanager.is_blocked("xdist"):
        group = parser.getgroup("xdist", "distributed testing (pytest-xdist is switched off)")
        # xdist itself registers -n this way: pytest reserves lower-case short options for its own.
        group._addoption("-n", "--numprocesses", dest="numprocesses", default=None,
                         help="ignored: pytest-xdist is switched off (-p no:xdist)")
        group.addoption("--dist", dest="dist", default=None, help="ignored: pytest-xdist is switched off")
