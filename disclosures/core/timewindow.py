"""Rules of time: every date is a Beijing date, and a window includes its last day.

A window 2025-04-27 .. 2025-05-11 is open from 2025-04-27 00:00 to
2025-05-12 00:00 (+08:00). The same rules run again in the reader's browser
(docs/assets/javascripts/window-status.js) so a page read years later still
shows the right status; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from disclosures.core import texts
from disclosures.core.errors import ProjectError
from disclosures.core.records import Window

BEIJING = ZoneInfo("Asia/Shanghai")
REFERENCE_ENV = "DISCLOSURE_NOW"

State = Literal["upcoming", "open", "closed"]
STATE_LABELS: dict[str, str] = {"upcoming": texts.STATUS_UPCOMING, "open": texts.STATUS_OPEN,
                                 "closed": texts.STATUS_CLOSED}


class BadReferenceTime(ProjectError, ValueError):
    """DISCLOSURE_NOW is set but is not an ISO 8601 date or date-time."""


def parse_reference(value: str) -> dt.datetime:
    """ISO 8601; a bare date means 00:00 Beijing time, a naive date-time is Beijing time."""
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), BEIJING)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise BadReferenceTime(texts.REFERENCE_TIME_INVALID.format(name=REFERENCE_ENV, value=repr(value))) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)


def reference_time(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The moment a build describes: DISCLOSURE_NOW when set, otherwise the clock."""
    value = environ.get(REFERENCE_ENV, "").strip()
    return parse_reference(value) if value else dt.datetime.now(BEIJING)


def beijing_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BEIJING).date()


def bounds(window: Window) -> tuple[dt.datetime, dt.datetime]:
    """Start (inclusive) and end (exclusive): without an end time the end day is included whole."""
    start = dt.datetime.combine(window.start, window.start_time or dt.time(), BEIJING)
    if window.end_time is not None:
        end = dt.datetime.combine(window.end, window.end_time, BEIJING)
    else:
        end = dt.datetime.combine(window.end + dt.timedelta(days=1), dt.time(), BEIJING)
    return start, end


@dataclass(frozen=True)
class WindowStatus:
    state: State
    label: str  # 未开始 / 公示中 / 已结束
    detail: str  # 距公示结束还有 N 天 …
    days_left: int | None  # whole Beijing days until the last day, while open


def status_at(window: Window, now: dt.datetime) -> WindowStatus:
    start, end = bounds(window)
    if now < start:
        detail = texts.STATUS_STARTS_AT.format(start=format_moment(start))
        return WindowStatus("upcoming", STATE_LABELS["upcoming"], detail, None)
    if now >= end:
        return WindowStatus("closed", STATE_LABELS["closed"], texts.STATUS_ENDED, None)
    days_left = (window.end - beijing_date(now)).days
    detail = texts.STATUS_LAST_DAY if days_left == 0 else texts.STATUS_DAYS_LEFT.format(days=days_left)
    return WindowStatus("open", STATE_LABELS["open"], detail, days_left)


def format_date(day: dt.date) -> str:
    return texts.DATE.format(year=day.year, month=day.month, day=day.day)


def format_moment(moment: dt.datetime) -> str:
    """2025年4月27日, with the Beijing time of day (09:00) only when it is not midnight."""
    local = moment.astimezone(BEIJING)
    text = format_date(local.date())
    return text + local.strftime("%H:%M") if local.time() != dt.time() else text


def _time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def format_window(window: Window) -> str:
    """2025年4月27日至5月11日; the year is repeated only when it changes; optional times follow the day."""
    end = texts.DATE_IN_SAME_YEAR.format(month=window.end.month, day=window.end.day)
    if window.end.year != window.start.year:
        end = format_date(window.end)
    return texts.DATE_SPAN.format(start=format_date(window.start) + _time(window.start_time),
                                  end=end + _time(window.end_time))


def closed_note(window: Window) -> str:
    """What a closed notice says where readers would send comments."""
    last = format_date(window.end) + _time(window.end_time)
    return texts.WINDOW_CLOSED_NOTE.format(end=last)


def iso_bounds(window: Window) -> tuple[str, str]:
    """For data-window-start / data-window-end: ISO 8601 with +08:00."""
    start, end = bounds(window)
    return start.isoformat(), end.isoformat()


WHEN_STATES = frozenset(STATE_LABELS)


def shown_when(when: str, state: State) -> bool:
    """Whether an element marked data-window-when="<when>" shows in this state.

    `when` is one or more of upcoming / open / closed, space-separated. A typo
    in a template must fail the build, not hide a paragraph for ever.
    """
    states = when.split()
    unknown = [s for s in states if s not in WHEN_STATES]
    if not states or unknown:
        raise ValueError(f"data-window-when={when!r}: expected upcoming, open and/or closed")
    return state in states


def is_public(published: dt.date, draft: bool, now: dt.datetime) -> bool:
    """Drafts never, scheduled notices only from their publication day (Beijing)."""
    return not draft and published <= beijing_date(now)
