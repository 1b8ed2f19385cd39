"""The site-wide banner: while a published notice is open for comment, every page links to it."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

import jinja2

from .viewmodels import NoticeView, WindowView


@dataclass(frozen=True)
class BannerItem:
    title: str
    url: str  # site-relative, e.g. disclosures/<id>/
    window: WindowView


def banner_items(notices: list[NoticeView]) -> tuple[BannerItem, ...]:
    """Public notices whose window is open or still to come.

    Upcoming ones are rendered hidden so that the view-time script can show them
    once they open; closed ones never reopen and are left out.
    """
    return tuple(BannerItem(n.title, n.url, n.window) for n in notices
                 if n.window and not n.draft_note and n.window.status.state != "closed")


def render_banner(env: jinja2.Environment, items: tuple[BannerItem, ...], base_url: str) -> str:
    """Banner HTML for a page whose way back to the site root is base_url ("../.." or "/" for 404).

    Empty when nothing can be open, so that Material renders no banner at all.
    """
    if not items:
        return ""
    links = {item.url: posixpath.join(base_url, item.url) for item in items}
    any_open = any(item.window.status.state == "open" for item in items)
    return env.get_template("partials/disclosures/banner.html").render(items=items, links=links, any_open=any_open)
