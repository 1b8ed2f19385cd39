"""Tamper evidence: the SHA-256 of every file of a built site, and a check of a deployed copy against it.

The manifest is written last by the build, in the format of `sha256sum` (`<hex>  <path>`, sorted by
path), so `sha256sum -c` can read it too. It lists every file but itself.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "_deploy/manifest.sha256"


@dataclass(frozen=True)
class Differences:
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing or self.added)


class ManifestUnreadable(Exception):
    """The manifest is missing or not in `sha256sum` format (line is the first bad line, if any)."""

    def __init__(self, path: Path, line: int | None = None) -> None:
        super().__init__(f"{path}:{line}" if line else str(path))
        self.path = path
        self.line = line


def file_sha256(path: Path) -> str:
    """The file's SHA-256; for a symbolic link, of the text it points to (never followed: it may lead anywhere)."""
    if path.is_symlink():
        return hashlib.sha256(b"symlink:" + os.fsencode(os.readlink(path))).hexdigest()
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return "unreadable"  # counts as changed: the deployed file is not what was built


def site_files(site: Path) -> list[str]:
    """Every file under site as a /-separated relative path (symbolic links count as files), the manifest left out."""
    found = []
    for folder, dirs, files in os.walk(site):  # does not descend into linked folders
        here = Path(folder)
        names = files + [d for d in dirs if (here / d).is_symlink()]
        found += [(here / name).relative_to(site).as_posix() for name in names]
    return sorted(p for p in found if p != MANIFEST)


def digests(site: Path) -> dict[str, str]:
    return {path: file_sha256(site / path) for path in site_files(site)}


def manifest_text(entries: dict[str, str]) -> str:
    for path in entries:
        if "\n" in path or "\\" in path:  # sha256sum would escape these; our builds never write such names
            raise ValueError(f"file name not allowed in a manifest: {path!r}")
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(entries.items()))


def parse_manifest(text: str) -> dict[str, str]:
    entries = {}
    for number, line in enumerate(text.splitlines(), start=1):
        digest, sep, path = line.partition("  ")
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest) or not path:
            raise ValueError(number)
        entries[path] = digest
    return entries


def write_manifest(site: Path, entries: dict[str, str] | None = None) -> Path:
    """The manifest of site; entries: every file's digest, when the caller has just read them all."""
    target = site / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(manifest_text(digests(site) if entries is None else entries), encoding="utf-8", newline="\n")
    return target


def compare(expected: dict[str, str], actual: dict[str, str]) -> Differences:
    return Differences(
        changed=tuple(sorted(p for p in expected.keys() & actual.keys() if expected[p] != actual[p])),
        missing=tuple(sorted(expected.keys() - actual.keys())),
        added=tuple(sorted(actual.keys() - expected.keys())),
    )


def verify(site: Path, manifest: Path | None = None) -> Differences:
    """How the files under site differ from the manifest (by default the one the build put in site)."""
    manifest = manifest or site / MANIFEST
    try:
        expected = parse_manifest(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestUnreadable(manifest) from error
    except ValueError as error:
        raise ManifestUnreadable(manifest, error.args[0]) from None
    return compare(expected, digests(site))
