"""Build one MkDocs project in this process and print wall time and peak memory as JSON.

    build_once.py MKDOCS_YML [--no-pagefind]

Run as a fresh subprocess per build so that the figures include start-up and
nothing is cached between builds. --no-pagefind leaves the Pagefind step out
(the variant that builds this project with Material's search plugin instead)."""

from __future__ import annotations

import json
import logging
import resource
import sys
import time

start = time.perf_counter()
from mkdocs.commands.build import build  # noqa: E402 - imports count in the measured time
from mkdocs.config import load_config  # noqa: E402

if "--no-pagefind" in sys.argv[2:]:
    from disclosures.outputs import search

    class _NoIndex:
        """Stands in for search.BackgroundIndex (before the hook module imports it): no Pagefind at all."""

        def __init__(self, pages: object = None, store: object = None, pages_per_shard: int = 0) -> None:
            pass

        def add(self, pages: object) -> None:
            pass

        def added_all(self) -> None:
            pass

        def publish(self, site_dir: object) -> search.IndexStats:
            return search.IndexStats(0, 0, 0)

        def close(self) -> None:
            pass

    search.BackgroundIndex = _NoIndex

logging.disable(logging.WARNING)
config = load_config(config_file=sys.argv[1])
build(config)
# Pagefind indexes in a child process: the larger of the two peaks is the build's.
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mib": peak / 1024}))
