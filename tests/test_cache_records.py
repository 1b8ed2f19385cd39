"""The records a preview keeps in its process between rebuilds (core/cache.py, ContentCache.records)."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosures.core.cache import ContentCache


def test_a_rebuild_in_the_same_process_takes_the_records_without_reading_them(tmp_path: Path) -> None:
    records: dict = {}
    first = ContentCache(tmp_path / "cache", records)
    made = first.get_or_make_record("render", b"input", lambda: ("页面", "海报"))
    first.get_or_make_record("render", b"other", lambda: ("甲",))
    for entry in (tmp_path / "cache").rglob("*"):  # what is on disk cannot be what the next build gets
        if entry.is_file():
            entry.write_bytes(b"damaged")
    second = ContentCache(tmp_path / "cache", records)
    assert second.get_or_make_record("render", b"input", lambda: pytest.fail("made again")) is made
    second.keep_used_records()
    assert len(records) == 1  # the record this build did not use is forgotten
    third = ContentCache(tmp_path / "cache", records)
    assert third.get_or_make_record("render", b"other", lambda: ("乙",)) == ("乙",)  # damaged on disk: made again


def test_a_clean_build_keeps_nothing(tmp_path: Path) -> None:
    records: dict = {}
    cache = ContentCache(None, records)
    assert cache.get_or_make_record("render", b"input", lambda: ("页面",)) == ("页面",)
    assert records == {}
