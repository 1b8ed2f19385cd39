"""The build's feeds and open data wait on disk, not in memory, until MkDocs has emptied the folder."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from disclosures.outputs.assetspill import SPILL, SpillFolder


def test_assets_wait_in_a_hidden_folder_and_are_moved_to_their_places(tmp_path: Path) -> None:
    spill = SpillFolder(tmp_path)
    assets = [spill.put("feed.xml", "<rss>通报</rss>".encode()), spill.put("data/a/a.json", b"{}")]
    assert all(a.content is None and a.file is not None and a.file.parent.is_relative_to(tmp_path / SPILL)
               for a in assets)
    assert [a.file.read_bytes() for a in assets] == ["<rss>通报</rss>".encode(), b"{}"]
    assert assets[0].digest is None  # asked for by a kept preview only
    moved = spill.move_in(assets, tmp_path)
    assert not (tmp_path / SPILL).exists()
    assert (tmp_path / "feed.xml").read_bytes() == "<rss>通报</rss>".encode()
    assert [a.file for a in moved] == [tmp_path / "feed.xml", tmp_path / "data" / "a" / "a.json"]
    assert moved[1].file.read_bytes() == b"{}"


def test_a_kept_preview_writes_only_what_changed_and_a_failed_builds_leftovers_go(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(b"<rss/>")
    os.utime(tmp_path / "feed.xml", ns=(1, 1))
    (tmp_path / SPILL / "old").mkdir(parents=True)  # a build that failed before moving its assets in
    held = {"feed.xml": hashlib.sha256(b"<rss/>").digest()}
    spill = SpillFolder(tmp_path, unchanged=lambda path, digest: held.get(path) == digest)
    assert not (tmp_path / SPILL).exists()
    same, other = spill.put("feed.xml", b"<rss/>"), spill.put("feed.json", b"{}")
    assert same.file is None and same.digest == held["feed.xml"]  # not written at all
    assert other.file is not None and other.digest == hashlib.sha256(b"{}").digest()
    moved = spill.move_in([same, other], tmp_path, kept=lambda asset: asset.path in held)
    assert (tmp_path / "feed.xml").stat().st_mtime_ns == 1  # not written again
    assert (tmp_path / "feed.json").read_bytes() == b"{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.json", "feed.xml"]
    assert [a.file for a in moved] == [tmp_path / "feed.xml", tmp_path / "feed.json"]


def test_an_unchanged_file_that_vanished_before_it_was_moved_in_fails_the_rebuild(tmp_path: Path) -> None:
    spill = SpillFolder(tmp_path, unchanged=lambda path, digest: True)
    asset = spill.put("feed.xml", b"<rss/>")
    with pytest.raises(OSError) as failed:
        spill.move_in([asset], tmp_path, kept=lambda a: (tmp_path / a.path).is_file())
    assert failed.value.errno == errno.ENOENT and failed.value.filename == str(tmp_path / "feed.xml")


def test_an_asset_the_published_site_holds_byte_for_byte_is_a_link_to_its_file(tmp_path: Path) -> None:
    """An edit build writes its unchanged feeds and open data again as links, never into the published site."""
    published, staging = tmp_path / "site", tmp_path / "staging"
    (published / "data").mkdir(parents=True)
    (published / "feed.xml").write_bytes("<rss>通报</rss>".encode())
    (published / "data" / "a.json").write_bytes(b'{"a": 1}')
    spill = SpillFolder(staging, published=published)
    same = spill.put("feed.xml", "<rss>通报</rss>".encode())
    changed = spill.put("data/a.json", b'{"a": 2}')  # same length, other bytes
    new = spill.put("data/b.json", b"{}")
    moved = spill.move_in([same, changed, new], staging)
    assert os.path.samefile(moved[0].file, published / "feed.xml") and spill.linked == 1
    assert not os.path.samefile(moved[1].file, published / "data" / "a.json")
    assert moved[1].file.read_bytes() == b'{"a": 2}' and moved[2].file.read_bytes() == b"{}"
    assert (published / "data" / "a.json").read_bytes() == b'{"a": 1}'  # the published file untouched
