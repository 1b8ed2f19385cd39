"""What a preview rebuild may keep of the files the last one wrote into the preview's folder.

`make serve` runs `mkdocs serve --dirty`: MkDocs then leaves its folder as it is between rebuilds and asks,
before writing each file, whether it changed. A page is kept when its theme key (pages/pagecache.py: all
that the theme's render of it reads) is the key it was last written from in this process; a generated
file (feed, open data, share card) when its bytes are the bytes last written. Only the build's moment
(截至…（本页生成时）, put in after the render) may differ: it is brought up to date in the kept page. A file
no build of this preview makes any more (a notice deleted) is removed before the link check reads the
folder. A failed rebuild forgets everything: the next one writes every file again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from disclosures.publish.htmlscan import moment_offsets, moment_replaced


@dataclass
class _Page:
    key: bytes  # digest of the theme key the page was written from
    moment: str  # the build's moment the page carries (as the pages print it)


def digest(data: bytes | str) -> bytes:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).digest()


def _write_moment(path: Path, page: bytes, updated: bytes, old: str, new: str) -> None:
    """Bring the page at path (bytes page) to updated, its moment old replaced by new: when the two are as
    long, by writing the moment's bytes in place (a minute's change rewrote 250 MB of pages at 1,000 notices)."""
    printed = new.encode("utf-8")
    if len(printed) != len(old.encode("utf-8")):
        path.write_bytes(updated)
        return
    descriptor = os.open(path, os.O_WRONLY)
    try:
        for offset in moment_offsets(page, old):
            os.pwrite(descriptor, printed, offset)
    finally:
        os.close(descriptor)


class PreviewFolder:
    """The files the last preview builds of this process wrote, by what they were written from."""

    def __init__(self, moment_only: Callable[[Path, os.stat_result], None] | None = None) -> None:
        # Told of each kept page whose moment alone was brought up to date (with its status before): what was
        # read of it, but for the moment, still holds (the link check's, linkcheck.Untouched.rewritten).
        self.moment_only = moment_only
        self._pages: dict[str, _Page] = {}
        self._files: dict[str, bytes] = {}  # dest path -> digest of the bytes written
        self.kept = 0  # files kept in this build

    def forget(self) -> None:
        """A rebuild failed while writing: what the folder holds is no longer known."""
        self._pages.clear()
        self._files.clear()

    def keep_page(self, root: Path, dest: str, key: bytes, moment: str) -> bool:
        """Whether the page at dest was written from key (its moment then brought up to date)."""
        written = self._pages.get(dest)
        path = root / dest
        if written is None or written.key != digest(key) or not path.is_file():
            return False
        if written.moment != moment:
            page = path.read_bytes()
            updated = moment_replaced(page, written.moment, moment)
            if updated is None:
                return False
            before = path.stat()
            _write_moment(path, page, updated, written.moment, moment)
            written.moment = moment
            if self.moment_only is not None:
                self.moment_only(path, before)
        self.kept += 1
        return True

    def wrote_page(self, dest: str, key: bytes | None, moment: str) -> None:
        """The page at dest is being written from key (None: a page without one, never kept)."""
        if key is None:
            self._pages.pop(dest, None)
        else:
            self._pages[dest] = _Page(digest(key), moment)

    def holds(self, root: Path, dest: str, made: bytes) -> bool:
        """Whether the file at dest holds the bytes whose digest is made (as last written in this process)."""
        return self._files.get(dest) == made and (root / dest).is_file()

    def keep_file(self, root: Path, dest: str, made: bytes) -> bool:
        """Whether the file at dest holds the bytes whose digest is made; if not, it is about to be written
        with them."""
        if self.holds(root, dest, made):
            self.kept += 1
            return True
        self._files[dest] = made
        return False

    def remove_stale(self, root: Path, expected: set[str], spared: tuple[str, ...] = ()) -> list[str]:
        """Remove each file under root that is not expected (a relative path) and not under a spared prefix."""
        removed = []
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder, name)
                relative = path.relative_to(root).as_posix()
                if relative not in expected and not relative.startswith(spared):
                    path.unlink()
                    self._pages.pop(relative, None)
                    self._files.pop(relative, None)
                    removed.append(relative)
        return sorted(removed)
