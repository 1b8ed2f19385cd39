"""The helper process of buildahead.py (python -m disclosures.aheadworker): it makes the notices' products
into the build's cache, last notice first, from the jobs it reads on stdin.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
from typing import BinaryIO, cast

from disclosures.build import (ChosenNotice, Views, ViewsMade, chosen_notice, finished_views, light_views,
                               notice_renders, render_key, renders_stored)
from disclosures.buildahead import NICENESS, PagesJob, ViewsJob
from disclosures.core.cache import ContentCache, folder_digest, key_of
from disclosures.load.portal import Directory
from disclosures.load.project import read_notices
from disclosures.model.view import as_of_text
from disclosures.model.viewmodels import NoticeView
from disclosures.outputs.assets import FeedItems, open_data_ahead
from disclosures.pages.render import template_env


def make_ahead(source: BinaryIO) -> None:
    """The helper's work: each notice's finished views, then its renders, its feed items and its open data,
    last notice first, made and stored unless stored."""
    job: ViewsJob = pickle.load(source)
    cache = ContentCache(job.cache_folder.parent, version=job.cache_folder.name)
    made = ViewsMade(job.site, job.glossary, job.terms, cache)
    site_key, directory, shown_key = key_of(job.site), Directory(job.units, job.rounds), made.shown_key()

    def chosen(name: str, digest: str, note: str) -> ChosenNotice | None:
        """The notice as the build shows it, read again (from the cache); None if it changed since the build
        read it (the build makes its products)."""
        notice = read_notices([(job.root / name, name)], cache)[0][0]
        if notice is None or notice.digest != digest:
            return None
        return chosen_notice(notice, note, job.site, site_key, job.now, directory, cache)

    # Only keys and light views are kept: a notice's record and full views are read again when needed (a
    # helper that kept them would hold as much as the build at 10,000 notices).
    keys: dict[str, bytes] = {}  # notice id -> its product key
    sources: dict[str, tuple[str, str, str]] = {}  # notice id -> (name, digest, note)
    lights: list[NoticeView] = []
    for source_of in reversed(job.notices):
        c = chosen(*source_of)
        if c is None:
            continue
        key = c.product_key(shown_key)
        keys[c.notice.id], sources[c.notice.id] = key, source_of
        lights.append(light_views(cache, key, functools.partial(finished_views, c, made))[0][0])

    def full(notice_id: str) -> Views:
        def again() -> Views:
            c = chosen(*sources[notice_id])
            if c is None:
                raise LookupError(notice_id)  # changed meanwhile: the build makes the rest
            return finished_views(c, made)
        return cast(Views, cache.get_or_make_record("finished views", keys[notice_id], again, kept=False))

    def full_shown(v: NoticeView) -> NoticeView:
        return full(v.id)[0]
    pages: PagesJob = pickle.load(source)
    env, templates = template_env(job.root / "overrides"), folder_digest(job.root / "overrides")
    newest_first = sorted(lights, key=lambda v: (v.published_iso, v.url), reverse=True)  # the build's, reversed
    for v in newest_first:
        key = render_key(templates, keys[v.id], job.site, pages.feedback_pages.get(v.id), pages.pdfs)
        if not renders_stored(cache, key):
            notice_renders(env, job.site, v, pages.pdfs, pages.feedback_pages.get(v.id), cache, key, full_shown)
    items = FeedItems(env, job.site, cache, templates, as_of_text(job.now), lambda v: keys[v.id], full_shown)
    for v in newest_first:
        if not sources[v.id][2]:  # only public notices (no preview note) have feed items and open data
            items.store_ahead(v)
    public = [v.id for v in lights if not sources[v.id][2]]
    for notice_id in public:  # the build's order of open data (newest first), reversed
        c = chosen(*sources[notice_id])
        if c is not None:
            open_data_ahead(cache, keys[notice_id], c.notice, lambda i=notice_id: full(i)[1], job.site)


def main() -> None:
    os.nice(NICENESS)  # the build's thread is the critical path: this takes what the build leaves of the cores
    make_ahead(sys.stdin.buffer)


if __name__ == "__main__":
    main()
