"""What writing a first build's cache entries costs, written in place (a new entry) or renamed over (the way
an entry that is there already is replaced): disclosures/core/cache.py, _write and _replace.

    .venv/bin/python bench/cache_writes.py [--entries 37000] [--rounds 3]

Writes the given number of entries, with the sizes a first build at 1,000 notices writes (a few hundred
bytes to a few hundred KB, about 30 KB on average: 1.1 GB for 37,000), into a fresh folder each time, both
ways alternately, and prints each run's wall time and the process's user and system CPU. Run it on the
disk the builds use; nothing else should be writing meanwhile (a folder deleted within minutes makes every
new file slower on ext4 without a journal: the handbook's "A clean build at 1,000 notices").
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from disclosures.core import cache  # noqa: E402

# (size in bytes, share of the entries): the mix of a first build's cache at 1,000 notices, by kind.
SIZES = ((600, 0.45), (6_000, 0.15), (25_000, 0.15), (80_000, 0.2), (300_000, 0.05))


def _values(count: int) -> list[bytes]:
    """count values of the sizes above; each one distinct (its own entry), not compressible to nothing."""
    rng = random.Random(27)
    sizes = rng.choices([s for s, _ in SIZES], weights=[w for _, w in SIZES], k=count)
    block = rng.randbytes(300_000)
    return [i.to_bytes(4, "little") + block[:size] for i, size in enumerate(sizes)]


def _run(folder: Path, values: list[bytes], in_place: bool) -> tuple[float, float, float]:
    """Write every value as an entry of folder/kind; (wall, user, system) seconds."""
    (folder / "kind").mkdir(parents=True)
    before, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for value in values:
        entry = folder / "kind" / hashlib.sha256(value).hexdigest()
        if in_place:
            cache._write(entry, value)
        else:
            cache._replace(entry, hashlib.sha256(value).digest(), value)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=37_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None, help="where to write (default: a temporary folder)")
    args = parser.parse_args()
    values = _values(args.entries)
    print(f"{len(values)} entries, {sum(map(len, values)) / 2**20:.0f} MiB")
    base = Path(tempfile.mkdtemp(prefix="cache-writes-", dir=args.folder))
    try:
        for round_ in range(args.rounds):
            for in_place in (True, False):
                wall, user, system = _run(base / f"{round_}-{in_place}", values, in_place)
                way = "in place      " if in_place else "renamed over  "
                print(f"{way} wall {wall:5.2f} s  user {user:5.2f} s  system {system:5.2f} s", flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
