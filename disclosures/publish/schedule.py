"""When a rebuild would next change the site: its one job is the moments a built site goes stale.

A built page states what was true when it was built; these moments are when that changes: a
notice's publication day comes, a window opens or closes, a dated revision becomes due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from disclosures.core import records as r
from disclosures.core.timewindow import BEIJING, bounds


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), BEIJING)


def moments(project: r.Project) -> Iterator[dt.datetime]:
    """Every moment at which some notice changes what a build shows (drafts never change by time)."""
    for notice in project.notices:
        if notice.draft:
            continue
        yield _midnight(notice.published)
        if notice.window:
            yield from bounds(notice.window)
        yield from (_midnight(rev.date) for rev in notice.revisions)


def next_change(project: r.Project, now: dt.datetime) -> dt.datetime | None:
    """The first moment strictly after `now`, in Beijing time, or None when nothing will change."""
    later = [m for m in moments(project) if m > now]
    return min(later).astimezone(BEIJING) if later else None
