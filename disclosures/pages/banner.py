"""The site-wide banner: while a published notice is open for comment, every page links to it."""

from __future__ import annotations

import dataclasses
import posixpath
from dataclasses import dataclass

import jinja2

from disclosures.core import texts
from disclosures.core.urls import FEEDBACK_URL
from disclosures.model.viewmodels import NoticeView, WindowView

# With more notices open (or about to open) than this, the banner names none of them: it says that
# notices are open for comment and links the feedback pages, so it does not grow with the site.
MAX_NAMED = 3


@dataclass(frozen=True)
class BannerItem:
    title: str
    url: str  # site-relative, e.g. disclosures/<id>/
    window: WindowView
    named: bool = True  # False: a summary item (links the feedback pages, no countdown of its own)


def banner_items(notices: list[NoticeView]) -> tuple[BannerItem, ...]:
    """Public notices whose window is open or still to come.

    Upcoming ones are rendered hidden so that the view-time script can show them
    once they open; closed ones never reopen and are left out.
    """
    return tuple(BannerItem(n.title, n.url, n.window) for n in notices
                 if n.window and not n.draft_note and n.window.status.state != "closed")


def summary_items(items: tuple[BannerItem, ...]) -> tuple[BannerItem, ...]:
    """One item per stretch of time in which some window is open: overlapping or touching windows
    merged (start inclusive, end exclusive), so the banner shows exactly while any of them is open."""
    merged: list[BannerItem] = []
    for item in sorted(items, key=lambda i: (i.window.start_iso, i.window.end_iso)):
        last = merged[-1].window if merged else None
        if last and item.window.start_iso <= last.end_iso:
            end = max(last.end_iso, item.window.end_iso)
            status = last.status if last.status.state == "open" else item.window.status
            merged[-1] = dataclasses.replace(merged[-1], window=dataclasses.replace(last, end_iso=end, status=status))
        else:
            window = dataclasses.replace(item.window, text="", closed_note="")
            merged.append(BannerItem(texts.BANNER_SUMMARY, FEEDBACK_URL, window, named=False))
    return tuple(merged)


def render_banner(env: jinja2.Environment, items: tuple[BannerItem, ...], base_url: str) -> str:
    """Banner HTML for a page whose way back to the site root is base_url ("../.." or "/" for 404).

    Empty when nothing can be open, so that Material renders no banner at all.
    """
    if not items:
        return ""
    if len(items) > MAX_NAMED:
        items = summary_items(items)
    links = {item.url: posixpath.join(base_url, item.url) for item in items}
    any_open = any(item.window.status.state == "open" for item in items)
    return env.get_template("partials/disclosures/banner.html").render(items=items, links=links, any_open=any_open)
