"""The records a preview keeps in its process between rebuilds (core/cache.py, ContentCache.records)."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from disclosures.core.cache import IN_USE, ByIdentity, ContentCache, key_of


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


def test_a_key_depends_on_the_values_not_on_which_equal_objects_are_one() -> None:
    text = "".join(["整改", "措施"])  # made at run time: not interned
    shared, separate = (text, text), (text, "".join(["整改", "措施"]))
    assert pickle.dumps(shared, protocol=5) != pickle.dumps(separate, protocol=5)  # why key_of exists
    assert key_of(shared) == key_of(separate) == key_of(pickle.loads(pickle.dumps(separate, protocol=5)))
    assert key_of(("整改", "措施")) != key_of(("整改措施", ""))


def test_a_result_of_a_record_is_kept_for_that_very_object_only(tmp_path: Path) -> None:
    records: dict = {}
    notice, twin, other = ("正文",), tuple(["正文"]), ("另一篇",)
    assert twin == notice and twin is not notice
    made: list[str] = []

    def numbered(name: str, value: tuple) -> object:
        return lambda: made.append(name) or f"{value[0]}（编号）"

    first = ContentCache(tmp_path / "cache", records)
    assert first.same_record("numbered", (notice,), numbered("notice", notice)) == "正文（编号）"
    first.same_record("numbered", (other,), numbered("other", other))
    first.keep_used_records()
    second = ContentCache(tmp_path / "cache", records)
    second.same_record("numbered", (notice,), numbered("notice again", notice))  # the same object: kept
    second.same_record("numbered", (twin,), numbered("twin", twin))  # an equal object is not the same record
    second.keep_used_records()
    third = ContentCache(tmp_path / "cache", records)
    third.same_record("numbered", (other,), numbered("other again", other))  # not used by the second build: gone
    assert made == ["notice", "other", "twin", "other again"]
    fourth = ContentCache(tmp_path / "cache", records)
    fourth.same_record("numbered", (other,), numbered("other", other), also=b"2025-04-28")
    fourth.same_record("numbered", (other,), numbered("other", other), also=b"2025-04-28")
    fourth.same_record("numbered", (other,), numbered("other later", other), also=b"2025-04-29")  # another value
    fourth.same_record("numbered", (other, notice), numbered("other with", other), also=b"2025-04-29")  # beside
    assert made[-3:] == ["other", "other later", "other with"]
    single = ContentCache(tmp_path / "cache")  # no records kept in this process: made every time
    single.same_record("numbered", (notice,), numbered("single", notice))
    single.same_record("numbered", (notice,), numbered("single", notice))
    assert made[-2:] == ["single", "single"]


def test_a_preview_keeps_what_was_made_for_an_equal_value_until_a_build_does_not_use_it(tmp_path: Path) -> None:
    made: list[str] = []

    def render(label: str) -> Callable[[], str]:
        return lambda: made.append(label) or label

    records: dict = {}
    first = ContentCache(tmp_path / "cache", records)
    assert first.same_value("list page", ("模板", ("甲", 1)), render("甲")) == "甲"
    first.same_value("list page", ("模板", ("乙", 2)), render("乙"))
    first.keep_used_records()
    second = ContentCache(tmp_path / "cache", records)
    assert second.same_value("list page", ("模板", ("甲", 1)), render("甲 again")) == "甲"  # an equal key: kept
    second.same_value("list page", ("新模板", ("甲", 1)), render("甲 with new templates"))  # another key
    second.same_value("share tags", ("模板", ("甲", 1)), render("甲 as another kind"))  # kinds apart
    second.keep_used_records()
    third = ContentCache(tmp_path / "cache", records)
    third.same_value("list page", ("模板", ("乙", 2)), render("乙 again"))  # the second build did not use it: gone
    single = ContentCache(tmp_path / "cache")  # one build: made every time
    single.same_value("list page", ("模板", ("甲", 1)), render("single"))
    single.same_value("list page", ("模板", ("甲", 1)), render("single"))
    assert made == ["甲", "乙", "甲 with new templates", "甲 as another kind", "乙 again", "single", "single"]


def test_a_result_is_found_again_by_the_very_object_for_one_build_after_it() -> None:
    made: list[str] = []
    kept = ByIdentity()
    text, twin = "正文" * 10, "".join(["正文"] * 10)  # equal, but not the same object
    assert text == twin and text is not twin
    assert kept.get(text, lambda: made.append("text") or "digest") == "digest"
    kept.get(text, lambda: made.append("text again") or "other")  # the same object: found
    kept.get(twin, lambda: made.append("twin") or "twin digest")  # an equal object is made for
    kept.next_build()
    kept.get(text, lambda: made.append("text, next build") or "other")  # asked for in the last build: found
    kept.next_build()
    kept.next_build()
    kept.get(text, lambda: made.append("text, asked for by no build between") or "again")
    assert made == ["text", "twin", "text, asked for by no build between"]


def test_the_prune_keeps_what_a_build_used_or_kept_and_removes_the_rest(tmp_path: Path) -> None:
    before = ContentCache(tmp_path / "cache")
    for data in (b"used", b"kept", b"unused"):
        before.put("render", data, b"html")
        before.put("light views", data, b"view")  # a kind whose name has a space
    (tmp_path / "cache" / "0123456789abcdef" / "gz").mkdir(parents=True)  # another code version's folder
    build = ContentCache(tmp_path / "cache")
    assert build.get("render", b"used") == b"html"
    build.keep("light views", b"kept")
    build.same_value("list page", ("key",), lambda: "页")  # a memo slot: not on disk
    build.prune()
    left = sorted(p.relative_to(build.folder).parent.as_posix() for p in build.folder.rglob("*") if p.is_file())
    assert left == ["light views", "render"]
    assert build.get("render", b"used") == b"html" and build.get("light views", b"kept") == b"view"
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [IN_USE, build.folder.name]


def test_no_build_prunes_what_another_build_holds(tmp_path: Path) -> None:
    """A build whose pages wait in the cache holds it (hold): another build's prune then removes nothing,
    and the first build's own prune, once it alone holds the cache, does."""
    first = ContentCache(tmp_path / "cache")
    first.put("render", b"waiting", b"html")
    first.hold()
    other = ContentCache(tmp_path / "cache")
    other.put("render", b"other", b"html")
    other.prune()  # in a process of its own, as another build is: flock locks are per open file
    assert first.get("render", b"waiting") == b"html"
    first.prune()
    assert first.get("render", b"waiting") == b"html" and other.get("render", b"other") is None
    ContentCache(tmp_path / "cache").prune()  # first holds the cache again after its own prune
    assert other.get("render", b"waiting") == b"html"


def test_a_stored_record_is_kept_as_read_back_without_the_utf8_copy_pickling_left(tmp_path: Path) -> None:
    """Pickling a string leaves a UTF-8 copy inside it (CPython's) for as long as it lives: what a build keeps
    of a record it stored is the record read back, so a page's text is held once."""
    cache = ContentCache(tmp_path / "cache")
    made = ("页面", "巡察整改进展情况" * 5000)
    one_copy = sys.getsizeof("巡察整改进展情况" * 5000)
    kept = cache.get_or_make_record("render", b"input", lambda: made)
    assert kept == made
    assert sys.getsizeof(made[1]) > 2 * one_copy  # the made text now holds its UTF-8 copy (1.5 times itself)
    assert sys.getsizeof(kept[1]) == one_copy
    assert ContentCache(None).put_record("render", b"input", made) is made  # a clean build stores nothing
    # A record the caller lets go of at once is stored all the same, and not read back.
    assert cache.put_record("render", b"other", made, kept=False) is made
    assert ContentCache(tmp_path / "cache").get_record("render", b"other") == made


def test_an_entry_is_stored_after_its_folder_was_removed_in_the_same_process(tmp_path: Path) -> None:
    """The writer remembers the folders it made; a folder removed since (the cache deleted by hand between two
    previews) is made again, not left unwritten for the rest of the process."""
    cache = ContentCache(tmp_path / "cache")
    cache.put("kind", b"one", b"1")
    assert cache.get("kind", b"one") == b"1"
    assert cache.folder is not None
    shutil.rmtree(cache.folder)
    cache.put("kind", b"two", b"2")
    assert cache.get("kind", b"two") == b"2"
    assert [p.name for p in (cache.folder / "kind").iterdir()] == [cache._entry("kind", b"two").name]


def test_an_entry_a_full_disk_cut_short_is_not_read_and_the_next_write_makes_it_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest and the value go out in one writev; an entry a full disk took only part of is not read, and
    the next build computes the value again and stores it whole (a best-effort cache)."""
    cache = ContentCache(tmp_path / "cache")
    cache.put("kind", b"whole", b"v" * 100_000)
    real_writev = os.writev

    def full_disk(descriptor: int, buffers) -> int:
        return real_writev(descriptor, [bytes(buffers[0]), bytes(buffers[1])[:1000]])  # what a full disk took
    monkeypatch.setattr(os, "writev", full_disk)
    cache.put("kind", b"cut", b"v" * 100_000)
    monkeypatch.undo()
    assert cache.get("kind", b"cut") is None
    assert cache.get("kind", b"whole") == b"v" * 100_000
    cache.put("kind", b"cut", b"v" * 100_000)
    assert cache.get("kind", b"cut") == b"v" * 100_000
    assert cache.folder is not None
    assert sorted(p.name for p in (cache.folder / "kind").iterdir()) == sorted(
        cache._entry("kind", key).name for key in (b"whole", b"cut"))  # no temporary left


def test_a_whole_entry_is_never_written_over_in_place(tmp_path: Path) -> None:
    """A reader that found an entry whole finds it whole again (a page's render is read back for MkDocs): an
    entry that is there is replaced by a rename, never truncated and written again where it is."""
    cache = ContentCache(tmp_path / "cache")
    cache.put("render", b"page", b"<p>first</p>" * 1000)
    entry = cache._entry("render", b"page")
    with entry.open("rb") as held:  # the file a reader opened before the second write
        cache.put("render", b"page", b"<p>again</p>" * 1000)
        assert held.read()[32:] == b"<p>first</p>" * 1000
    assert cache.get("render", b"page") == b"<p>again</p>" * 1000
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]


def test_a_truncated_or_damaged_entry_is_not_read(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    damages: dict[str, Callable[[bytes], bytes]] = {
        "short": lambda b: b[:20], "cut": lambda b: b[:-1], "flipped": lambda b: b[:40] + b"x" + b[41:],
        "empty": lambda b: b""}
    for name, damage in damages.items():
        cache.put("kind", name.encode(), b"value of " * 20)
        entry = cache._entry("kind", name.encode())
        entry.write_bytes(damage(entry.read_bytes()))
        assert cache.get("kind", name.encode()) is None, name
    cache.put("kind", b"fine", b"value")
    assert cache.get("kind", b"fine") == b"value"
