"""Rules of time, checked without building: Beijing dates, the end day included, optional times."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosures.core.records import Window
from disclosures.core.timewindow import (BadReferenceTime, bounds, closed_note, format_window, is_public,
                                         parse_reference, reference_time, shown_when, status_at)

REAL = Window(dt.date(2025, 4, 27), dt.date(2025, 5, 11))
UTC = dt.timezone.utc


def at(text: str) -> dt.datetime:
    return parse_reference(text)


# The five moments of the acceptance list, written in three time zones that name the same instant.
@pytest.mark.parametrize(("moments", "state", "label", "detail"), [
    (("2025-04-26T23:59:59+08:00", "2025-04-26T15:59:59Z", "2025-04-26T08:59:59-07:00"),
     "upcoming", "未开始", "公示将于2025年4月27日开始"),
    (("2025-04-27", "2025-04-26T16:00:00Z", "2025-04-26T09:00:00-07:00"),
     "open", "公示中", "距公示结束还有 14 天"),
    (("2025-05-04T12:00:00+08:00", "2025-05-04T04:00:00Z", "2025-05-03T21:00:00-07:00"),
     "open", "公示中", "距公示结束还有 7 天"),
    (("2025-05-11T23:59:00+08:00", "2025-05-11T15:59:00Z", "2025-05-11T08:59:00-07:00"),
     "open", "公示中", "今天是最后一天"),
    (("2025-05-12", "2025-05-11T16:00:00Z", "2025-05-11T09:00:00-07:00"),
     "closed", "已结束", "公示期已结束"),
])
def test_status_at_the_five_moments_in_any_time_zone(moments, state, label, detail) -> None:
    for moment in moments:
        status = status_at(REAL, at(moment))
        assert (status.state, status.label, status.detail) == (state, label, detail), moment


def test_the_last_day_is_included_to_the_last_second() -> None:
    _, end = bounds(REAL)
    assert end.isoformat() == "2025-05-12T00:00:00+08:00"
    assert status_at(REAL, end - dt.timedelta(microseconds=1)).state == "open"
    assert status_at(REAL, end).state == "closed"


def test_days_left_count_down_by_beijing_day() -> None:
    days = [status_at(REAL, at(f"2025-05-{d:02d}T08:00:00+08:00")).days_left for d in range(1, 12)]
    assert days == list(range(10, -1, -1))
    # 01:00 Beijing is still the previous evening in UTC: the Beijing day counts.
    assert status_at(REAL, at("2025-05-10T17:00:00Z")).detail == "今天是最后一天"


def test_optional_times_narrow_the_first_and_last_day() -> None:
    w = Window(dt.date(2025, 4, 27), dt.date(2025, 5, 11), dt.time(9, 0), dt.time(17, 30))
    assert [m.isoformat() for m in bounds(w)] == ["2025-04-27T09:00:00+08:00", "2025-05-11T17:30:00+08:00"]
    assert format_window(w) == "2025年4月27日09:00至5月11日17:30"
    assert status_at(w, at("2025-04-27T08:59:00+08:00")).detail == "公示将于2025年4月27日09:00开始"
    assert status_at(w, at("2025-04-27T09:00:00+08:00")).detail == "距公示结束还有 14 天"
    assert status_at(w, at("2025-05-11T17:29:00+08:00")).detail == "今天是最后一天"
    assert status_at(w, at("2025-05-11T17:30:00+08:00")).state == "closed"
    assert closed_note(w) == "本通报的公示期已于2025年5月11日17:30结束，意见征集已截止。"


def test_format_window_repeats_the_year_only_when_it_changes() -> None:
    assert format_window(REAL) == "2025年4月27日至5月11日"
    assert format_window(Window(dt.date(2025, 12, 29), dt.date(2026, 1, 9))) == "2025年12月29日至2026年1月9日"
    assert closed_note(REAL) == "本通报的公示期已于2025年5月11日结束，意见征集已截止。"


@pytest.mark.parametrize(("when", "state", "shown"), [
    ("open", "open", True), ("open", "closed", False), ("closed", "closed", True),
    ("upcoming open", "upcoming", True), ("upcoming open", "open", True), ("upcoming  open", "closed", False),
])
def test_shown_when(when: str, state: str, shown: bool) -> None:
    assert shown_when(when, state) is shown


@pytest.mark.parametrize("bad", ["", "opened", "open, closed", "OPEN"])
def test_shown_when_refuses_unknown_states(bad: str) -> None:
    with pytest.raises(ValueError):
        shown_when(bad, "open")


def test_reference_time_from_the_environment() -> None:
    assert reference_time({"DISCLOSURE_NOW": "2025-04-28"}).isoformat() == "2025-04-28T00:00:00+08:00"
    assert reference_time({"DISCLOSURE_NOW": "2025-05-11T23:59"}).isoformat() == "2025-05-11T23:59:00+08:00"
    assert reference_time({"DISCLOSURE_NOW": "2025-05-11T15:59:00Z"}) == at("2025-05-11T23:59:00+08:00")
    before = dt.datetime.now(UTC)
    clock = reference_time({})
    assert before <= clock <= dt.datetime.now(UTC) and clock.utcoffset() == dt.timedelta(hours=8)
    with pytest.raises(BadReferenceTime):
        reference_time({"DISCLOSURE_NOW": "28/04/2025"})


def test_publication_is_by_beijing_day_and_drafts_never() -> None:
    published = dt.date(2025, 4, 27)
    assert not is_public(published, False, at("2025-04-26T23:59:59+08:00"))
    assert is_public(published, False, at("2025-04-26T16:00:00Z"))  # 00:00 on the 27th in Beijing
    assert not is_public(published, True, at("2030-01-01"))
