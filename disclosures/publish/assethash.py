"""Content hashes in the names of our own CSS and JavaScript files, so servers may cache them for a year.

`reading.css` is published as `reading.1a2b3c4d.css`: a changed file gets a new name, so a reader's
cached copy can never be stale, and the server can mark every hashed name `immutable`. Material's
own assets are hashed already (`bundle.a5f9d56c.min.js`), with the same pattern.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

HASH_LENGTH = 8
HASHED_SUFFIXES = (".css", ".js")

# A hashed asset name, ours or Material's: name.<8 hex>[.min].css|js (the nginx rules use the same).
HASHED_NAME = r"\.[0-9a-f]{8}(\.min)?\.(css|js)$"


def is_hashable(path: str) -> bool:
    return path.endswith(HASHED_SUFFIXES) and not re.search(HASHED_NAME, path)


def hashed_path(path: str, content: bytes) -> str:
    """`assets/x/reading.css` -> `assets/x/reading.<first 8 hex of its SHA-256>.css`."""
    stem, suffix = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{suffix}"
