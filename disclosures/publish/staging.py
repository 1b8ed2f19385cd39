"""Build into a staging folder and put it in place of site/ only when the whole build succeeded.

MkDocs empties site/ at the start of a build and writes into it page by page,
so a failure half-way (a template error, a strict-mode warning) would leave a
half-built site. Building beside site/ and swapping at the end leaves the
previous site/ exactly as it was whenever a build fails.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    # A sibling, so the final rename stays on one file system (and so is atomic).
    return site_dir.with_name(f".staging-{site_dir.name}")


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def begin(site_dir: Path, keep_existing: bool = False) -> Path:
    """An empty staging folder (or a copy of site/ for a dirty build), leftovers of a killed build removed."""
    staging = staging_dir(site_dir)
    discard(staging)
    if keep_existing and site_dir.is_dir():
        shutil.copytree(site_dir, staging, symlinks=True)
    else:
        staging.mkdir(parents=True)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the finished staging folder in for site_dir.

    Two renames: site/ is missing only for the instant between them, and is never
    half-written. The old site is deleted only once the new one is in place.
    """
    old = site_dir.with_name(f".staging-{site_dir.name}.old")
    discard(old)
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
    discard(old)
