"""The build's other files (feeds, open data, share cards) written out as they are made, into a hidden folder
inside the folder being built, and moved to their places once MkDocs has emptied that folder.

Every feed and open-data file holds full notice texts: a build's assets are about 300 MB at 1,000 notices and
ten times that at 10,000. Kept in memory until MkDocs wrote them, they were a quarter of a large build's peak.
They are made in on_config, and MkDocs empties the site folder after it, sparing hidden entries; the hook
moves them in from on_files (a rename each: the same file system), and MkDocs is told they are in place.

The hidden folder is flat, each asset under a number and its own name: mirroring the site's folders there
made a thousand folders a build (a share card per notice folder) only to leave them empty, and a new folder
costs an inode (0.8 s of an edit build at 1,000 notices, hardlink.py says why).
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import posixpath
import shutil
from collections.abc import Callable
from pathlib import Path

from disclosures.core.hardlink import link_if_same
from disclosures.outputs.assets import GeneratedAsset

SPILL = ".disclosures-assets"  # hidden: MkDocs' clean_directory spares it


class SpillFolder:
    """An AssetSink (outputs/assets.py) writing each asset under <site_dir>/SPILL as it is made.

    unchanged(path, digest): a kept preview's question whether the file at path in site_dir holds these bytes
    already (previewfolder.py); such an asset is not written at all (file None: in place).

    published: the site a build replaces. An asset whose bytes its file at the same path holds is a hard link
    to that file (core/hardlink.py): an edit build at 1,000 notices wrote 300 MB of unchanged feeds and open
    data again."""

    def __init__(self, site_dir: Path, unchanged: Callable[[str, bytes], bool] | None = None,
                 published: Path | None = None) -> None:
        self.folder = site_dir / SPILL
        self.unchanged = unchanged
        self.published = published
        self.linked = 0  # assets linked to the published site's file
        self._count = 0  # assets written so far: the next one's name
        shutil.rmtree(self.folder, ignore_errors=True)  # what a build that failed before move_in left

    def put(self, path: str, content: bytes) -> GeneratedAsset:
        digest = hashlib.sha256(content).digest() if self.unchanged is not None else None
        if digest is not None and self.unchanged(path, digest):
            return GeneratedAsset(path, None, None, digest)
        if self._count == 0:
            self.folder.mkdir(parents=True, exist_ok=True)
        # Its own name after the number: a failure to write it (a full disk) names the file the clerk knows.
        target, self._count = self.folder / f"{self._count}-{posixpath.basename(path)}", self._count + 1
        if self._linked(path, content, target):
            self.linked += 1
        else:
            target.write_bytes(content)
        return GeneratedAsset(path, None, target, digest)

    def _linked(self, path: str, content: bytes, target: Path) -> bool:
        """Whether target is now a hard link to the published site's file at path, holding these bytes."""
        return self.published is not None and link_if_same(self.published / path, content, target)

    def move_in(self, assets: list[GeneratedAsset], site_dir: Path,
                kept: Callable[[GeneratedAsset], bool] | None = None) -> list[GeneratedAsset]:
        """Each asset at its place under site_dir (or, where kept(asset), the file already there left as it
        is); the assets as they now are. The spill folder is gone afterwards."""
        moved, folders = [], set()
        for asset in assets:
            target = site_dir / asset.path
            if asset.file is None:  # unchanged when it was made: the file at its place must still hold it
                if kept is None or not kept(asset):
                    raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(target))
            elif kept is not None and kept(asset):
                asset.file.unlink()
            else:
                if target.parent not in folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(target.parent)
                os.replace(asset.file, target)
            moved.append(dataclasses.replace(asset, file=target))
        shutil.rmtree(self.folder, ignore_errors=True)
        return moved
