"""Bad windows are clear errors naming file, line, field, what was expected and what was found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import TEST_DATA
from helpers import combine_data

from disclosures.core.errors import DataInvalid
from disclosures.load.project import load_project

NOTICE = TEST_DATA / "window" / "disclosures" / "riverside-office-2025-04-20.yml"
WINDOW = "window:\n  start: 2025-04-27\n  end: 2025-05-11\n"


def load_with_window(tmp_path: Path, window_yaml: str, published: str = "2025-04-20"):
    data = combine_data(tmp_path / "data", TEST_DATA / "fictional", NOTICE)
    path = data / "disclosures" / NOTICE.name
    text = path.read_text(encoding="utf-8")
    assert WINDOW in text
    text = text.replace(WINDOW, window_yaml).replace("published: 2025-04-20", f"published: {published}")
    path.write_text(text, encoding="utf-8")
    return load_project(data)


def errors_for(tmp_path: Path, window_yaml: str, published: str = "2025-04-20"):
    with pytest.raises(DataInvalid) as caught:
        load_with_window(tmp_path, window_yaml, published)
    return caught.value.errors


def test_the_unchanged_window_is_valid(tmp_path: Path) -> None:
    notice = load_with_window(tmp_path, WINDOW).notices[0]
    assert (notice.window.start, notice.window.end) == (dt.date(2025, 4, 27), dt.date(2025, 5, 11))
    assert notice.window.start_time is None and notice.window.end_time is None


def test_end_before_start_is_one_clear_error(tmp_path: Path) -> None:
    [error] = errors_for(tmp_path, "window:\n  start: 2025-04-27\n  end: 2025-04-26\n")
    assert error.file.endswith("riverside-office-2025-04-20.yml")
    assert (error.line, error.path) == (11, "window.end")
    assert "2025-04-27" in error.expected and "2025-04-26" in error.found
    assert "公示结束早于开始" in str(error)


def test_window_starting_before_publication_is_an_error(tmp_path: Path) -> None:
    [error] = errors_for(tmp_path, WINDOW, published="2025-04-28")
    assert error.path == "window.start" and error.line == 10
    assert "2025-04-28" in error.expected and error.found == "2025-04-27"
    assert "公示不能在通报发布之前开始" in str(error)


def test_window_starting_on_the_publication_day_is_fine(tmp_path: Path) -> None:
    assert load_with_window(tmp_path, WINDOW, published="2025-04-27").notices[0].window


def test_optional_times_are_read_as_beijing_times(tmp_path: Path) -> None:
    window = load_with_window(tmp_path, "window:\n  start: 2025-04-27 09:00\n  end: 2025-05-11T17:30\n") \
        .notices[0].window
    assert (window.start_time, window.end_time) == (dt.time(9, 0), dt.time(17, 30))


def test_same_day_window_whose_end_time_is_not_after_its_start_time(tmp_path: Path) -> None:
    [error] = errors_for(tmp_path, "window:\n  start: 2025-04-27 17:00\n  end: 2025-04-27 09:00\n")
    assert error.path == "window.end" and "公示结束早于开始" in str(error)


@pytest.mark.parametrize(("value", "found"), [
    ("2025-05-11 25:00", "“2025-05-11 25:00”"),
    ("2025-05-11 17:30:00", "“2025-05-11 17:30:00”"),
    ("11/05/2025", "“11/05/2025”"),
    ("2025-02-30", "没有这一天"),
])
def test_malformed_window_days_and_times(tmp_path: Path, value: str, found: str) -> None:
    [error] = errors_for(tmp_path, f"window:\n  start: 2025-04-27\n  end: {value}\n")
    assert error.path == "window.end" and error.line == 11
    assert found in error.found


def test_an_end_time_of_midnight_is_refused_with_a_hint(tmp_path: Path) -> None:
    [error] = errors_for(tmp_path, "window:\n  start: 2025-04-27\n  end: 2025-05-11 00:00\n")
    assert error.path == "window.end" and "请只写日期" in str(error)


def test_every_window_mistake_is_reported_at_once(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, "window:\n  start: 2025-04-27 8:00\n  end: yesterday\n  ends: 2025-05-11\n")
    assert sorted(e.path for e in errors) == ["window.end", "window.ends", "window.start"]
