"""The helper process of buildahead.py (python -m disclosures.aheadworker): it makes the notices' products
into the build's cache, last notice first, from the jobs it reads on stdin.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
from collections.abc import Callable
from typing import BinaryIO, cast

from disclosures.build import (ChosenNotice, Views, ViewsMade, chosen_notice, finished_views, light_views,
                               notice_renders, public_products_ahead, render_key, renders_stored)
from disclosures.buildahead import NICENESS, PagesJob, ViewsJob
from disclosures.core import records as r
from disclosures.core.cache import ContentCache, folder_digest, key_of
from disclosures.load.portal import Directory
from disclosures.load.project import read_notices
from disclosures.model.view import as_of_text
from disclosures.model.viewmodels import NoticeView
from disclosures.outputs.assets import FeedItems
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

    # Only keys and each notice's place are kept: its record and views are read again when needed (a helper
    # that kept its records held 0.6 GB at 10,000 notices, beside the build's 3.3 GB).
    keys: dict[str, bytes] = {}  # notice id -> its product key
    sources: dict[str, tuple[str, str, str]] = {}  # notice id -> (name, digest, note)
    places: list[tuple[str, str, str]] = []  # (published, url, id): the build's order of renders and feeds
    for source_of in reversed(job.notices):
        c = chosen(*source_of)
        if c is None:
            continue
        key = c.product_key(shown_key)
        keys[c.notice.id], sources[c.notice.id] = key, source_of
        shown = light_views(cache, key, functools.partial(finished_views, c, made))[0][0]
        places.append((shown.published_iso, shown.url, shown.id))

    def full(notice_id: str) -> Views:
        def again() -> Views:
            c = chosen(*sources[notice_id])
            if c is None:
                raise LookupError(notice_id)  # changed meanwhile: the build makes the rest
            return finished_views(c, made)
        return cast(Views, cache.get_or_make_record("finished views", keys[notice_id], again, kept=False))

    pages: PagesJob = pickle.load(source)
    env, templates = template_env(job.root / "overrides"), folder_digest(job.root / "overrides")
    items = FeedItems(env, job.site, cache, templates, as_of_text(job.now))

    def opened(notice_id: str, views: Callable[[], Views]) -> tuple[r.Notice, NoticeView]:
        c, view = chosen(*sources[notice_id]), views()[1]
        if c is None or view is None:  # changed meanwhile (a public notice's views have this one)
            raise LookupError(notice_id)
        return c.notice, view

    # Each notice's products in turn, newest first (the build renders oldest first): its full view is read
    # from the cache once for all three, not once a product (an unpickle of about 80 KB each; a first build
    # at 1,000 notices took the same CPU either way, measured). Only public notices have feed items and open
    # data.
    for notice_id in (notice_id for *_, notice_id in sorted(places, reverse=True)):
        views = functools.cache(functools.partial(full, notice_id))  # read when a product is missing
        feedback_page = pages.feedback_pages.get(notice_id)
        key = render_key(templates, keys[notice_id], job.site, feedback_page, pages.pdfs)
        if not renders_stored(cache, key):  # rendered of the full view, as the build renders a light one's
            notice_renders(env, job.site, views()[0], pages.pdfs, feedback_page, cache, key)
        if not sources[notice_id][2]:  # no preview note: public
            public_products_ahead(items, cache, keys[notice_id], views, functools.partial(opened, notice_id, views),
                                  job.site)


def main() -> None:
    os.nice(NICENESS)  # the build's thread is the critical path: this takes what the build leaves of the cores
    make_ahead(sys.stdin.buffer)


if __name__ == "__main__":
    main()
