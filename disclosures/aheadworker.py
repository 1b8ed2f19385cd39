"""The helper process of buildahead.py (python -m disclosures.aheadworker): it makes the notices' products
into the build's cache, last notice first, from the jobs it reads on stdin.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
from collections.abc import Callable
from typing import BinaryIO

from disclosures.build import (Views, ViewsMade, chosen_notice, finished_views, light_views, notice_renders,
                               render_key, renders_stored)
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
    keys: dict[str, bytes] = {}  # notice id -> its product key
    fulls: dict[str, Callable[[], Views]] = {}  # notice id -> its full views' loader
    lights: list[NoticeView] = []
    public: set[str] = set()
    for name, digest, note in reversed(job.notices):
        notice = read_notices([(job.root / name, name)], cache)[0][0]
        if notice is None or notice.digest != digest:
            continue  # changed since the build read it: the build makes its products
        c = chosen_notice(notice, note, job.site, site_key, job.now, directory, cache)
        key = c.product_key(shown_key)
        keys[notice.id] = key
        (shown, _), fulls[notice.id] = light_views(cache, key, functools.partial(finished_views, c, made))
        lights.append(shown)
        if not note:
            public.add(notice.id)
        c.let_go()
    pages: PagesJob = pickle.load(source)
    env, templates = template_env(job.root / "overrides"), folder_digest(job.root / "overrides")

    def full_shown(v: NoticeView) -> NoticeView:
        return fulls[v.id]()[0]
    newest_first = sorted(lights, key=lambda v: (v.published_iso, v.url), reverse=True)  # the build's, reversed
    for v in newest_first:
        key = render_key(templates, keys[v.id], job.site, pages.feedback_pages.get(v.id), pages.pdfs)
        if not renders_stored(cache, key):
            notice_renders(env, job.site, v, pages.pdfs, pages.feedback_pages.get(v.id), cache, key, full_shown)
    items = FeedItems(env, job.site, cache, templates, as_of_text(job.now), lambda v: keys[v.id], full_shown)
    for v in newest_first:
        if v.id in public:  # only public notices have feed items and open data (build.py, public_ids)
            items.store_ahead(v)
    for name, digest, note in reversed(job.notices):  # the build's order of open data, reversed
        notice = read_notices([(job.root / name, name)], cache)[0][0]
        if notice is not None and notice.id in public and notice.digest == digest:
            open_data_ahead(cache, keys[notice.id], notice, lambda i=notice.id: fulls[i]()[1], job.site)


def main() -> None:
    os.nice(NICENESS)  # the build's thread is the critical path: this takes what the build leaves of the cores
    make_ahead(sys.stdin.buffer)


if __name__ == "__main__":
    main()
