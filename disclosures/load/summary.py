"""The publication summary every build and `disclosures check` end with: what is public, and what is not and why.

Its one job is making sure no notice disappears in silence: a draft left in, a `published` day in
the future, a file in data/disclosures/ that is never read (.YML, .yml.txt, …) are each named.
What may be a mistake is a warning rather than a summary line, so a cron job's `mkdocs build -q`
prints it and `--strict` (make site) stops on it: a file there that is not read (unless hidden, an
editor's backup, or listed as kept on purpose in KEEP_LIST), and two notices with the same text.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from disclosures.core import records as r
from disclosures.core import texts as t
from disclosures.core.cache import ContentCache
from disclosures.core.errors import ProjectError
from disclosures.core.timewindow import beijing_date, format_date, is_public

ALLOW_EMPTY_ENV = "DISCLOSURE_ALLOW_EMPTY"
NOTICE_SUFFIXES = (".yml", ".yaml")
# In data/disclosures/: names (or * patterns) of files kept there on purpose, one per line, # comments.
KEEP_LIST = ".keep-unread"
# What editors and file managers leave beside a file: never a notice someone meant to publish.
_BACKUP = re.compile(r"(~|\.bak|\.swp|\.swo|\.tmp)$|^#.*#$|^(thumbs\.db|desktop\.ini)$", re.IGNORECASE)


class NothingPublic(ProjectError):
    """A build in which no notice is public: almost always a mistake, so refused unless allowed."""


@dataclass(frozen=True)
class Ignored:
    file: str  # as shown, e.g. data/disclosures/x.YML
    why: str
    quiet: bool = False  # hidden, a backup, or listed in KEEP_LIST: a summary line only, no warning


def is_notice_file(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and path.suffix in NOTICE_SUFFIXES


def why_ignored(path: Path) -> str:
    """Why a file in data/disclosures/ is not read, and how to make it read."""
    name = path.name
    lower = name.lower()
    if path.is_symlink() and not path.exists():
        return t.IGNORED_BROKEN_LINK.format(target=os.readlink(path))
    if path.is_dir():
        return t.IGNORED_FOLDER
    if not path.is_file():
        return t.IGNORED_NOT_REGULAR
    if name.startswith("."):
        return t.IGNORED_HIDDEN
    for suffix in NOTICE_SUFFIXES:
        if lower.endswith(suffix + ".txt"):
            return t.IGNORED_TXT.format(fixed=name[: -len(".txt")])
        if lower.endswith(suffix):
            return t.IGNORED_CASE.format(fixed=name[: -len(suffix)] + suffix)
    return t.IGNORED_OTHER


def kept_on_purpose(folder: Path) -> list[str]:
    """The names and patterns the office listed in KEEP_LIST (none when there is no list)."""
    listed = folder / KEEP_LIST
    if not listed.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in listed.read_text(encoding="utf-8", errors="replace").splitlines())
    return [line for line in lines if line]


def unread(path: Path, kept: list[str], shown: str) -> Ignored:
    """A file not read: listed as kept, hidden or a backup (quiet: a summary line), else a warning."""
    name = path.name
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in kept):
        return Ignored(shown, t.IGNORED_KEPT, quiet=True)
    return Ignored(shown, why_ignored(path), quiet=name.startswith(".") or bool(_BACKUP.search(name)))


def ignored_files(data_dir: Path, shown_as: str = "data") -> tuple[Ignored, ...]:
    folder = data_dir / "disclosures"
    if not folder.is_dir():
        return ()
    kept = kept_on_purpose(folder)
    return tuple(unread(p, kept, f"{shown_as}/disclosures/{p.name}")
                 for p in sorted(folder.iterdir()) if not is_notice_file(p) and p.name != KEEP_LIST)


def same_text_pairs(project: r.Project, cache: ContentCache | None = None) -> list[tuple[r.Notice, r.Notice]]:
    """Notices (not drafts) whose numbered text is the same as an earlier file's: likely one notice saved
    twice under two titles (same title, issuer and date is refused by the check)."""
    cache = cache or ContentCache(None)
    first: dict[str, r.Notice] = {}
    pairs = []
    for notice in sorted(project.notices, key=lambda n: n.source):
        if notice.draft:
            continue
        # Frozen records: equal text gives an equal repr, kept by the file it was read from (notice.digest) or
        # in a preview's rebuild for the very parts (writing 1,000 notices' text took a third of a second).
        key = cache.same_record("text", (notice.parts,), functools.partial(_text_key, notice, cache))
        if key in first:
            pairs.append((first[key], notice))
        else:
            first[key] = notice
    return pairs


def _text_key(notice: r.Notice, cache: ContentCache) -> bytes:
    def made(_: bytes = b"") -> bytes:
        return hashlib.sha256(repr(notice.parts).encode("utf-8", "surrogatepass")).digest()
    return cache.get_or_make("text", notice.digest.encode("ascii"), made) if notice.digest else made()


def warnings(project: r.Project, ignored: tuple[Ignored, ...], cache: ContentCache | None = None) -> list[str]:
    """What every build logs as a warning: files not read that may be notices, and notices with the same text."""
    found = [t.WARN_UNREAD.format(file=item.file, why=item.why, keep_list=f"data/disclosures/{KEEP_LIST}")
             for item in ignored if not item.quiet]
    found += [t.WARN_SAME_TEXT.format(file=later.source, other=earlier.source) for earlier, later in same_text_pairs(project, cache)]
    return found


def linked_files(data_dir: Path, shown_as: str = "data") -> tuple[tuple[str, str], ...]:
    """Notice files that are symlinks, with where they point: read like any file, but never in silence
    (a link to a file outside the project publishes that file)."""
    folder = data_dir / "disclosures"
    if not folder.is_dir():
        return ()
    return tuple((f"{shown_as}/disclosures/{p.name}", os.path.realpath(p)) for p in sorted(folder.iterdir())
                 if p.is_symlink() and is_notice_file(p))


def not_public_reason(notice: r.Notice) -> str:
    """Why a valid notice is not public (the caller knows it is not): a draft, or its day has not come."""
    if notice.draft:
        return t.SUMMARY_DRAFT
    return t.SUMMARY_SCHEDULED.format(date=format_date(notice.published))


def public_count(project: r.Project, now: dt.datetime) -> int:
    return sum(is_public(n.published, n.draft, now) for n in project.notices)


def summary(project: r.Project, ignored: tuple[Ignored, ...], now: dt.datetime,
            linked: tuple[tuple[str, str], ...] = ()) -> str:
    """A few lines of Chinese: N 篇公开, then each notice read through a link, each notice not public and
    each file not read, with why."""
    lines = [t.SUMMARY_HEAD.format(count=public_count(project, now), date=format_date(beijing_date(now)))]
    lines += [t.SUMMARY_LINKED.format(file=file, target=target) for file, target in linked]
    for notice in sorted(project.notices, key=lambda n: n.source):
        if not is_public(notice.published, notice.draft, now):
            lines.append(t.SUMMARY_NOT_PUBLIC.format(file=notice.source, why=not_public_reason(notice)))
    lines += [t.SUMMARY_IGNORED.format(file=item.file, why=item.why) for item in ignored]
    return "\n".join(lines)


def allow_empty(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ALLOW_EMPTY_ENV, "").strip() not in ("", "0")


def refuse_if_empty(project: r.Project, now: dt.datetime, report: str, allowed: bool) -> None:
    """Raise NothingPublic (with the summary, which says why) when no notice is public and that is not allowed."""
    if public_count(project, now) == 0 and not allowed:
        raise NothingPublic(f"{report}\n{t.NOTHING_PUBLIC.format(env=ALLOW_EMPTY_ENV)}")
