"""Sharing: the description and Open Graph tags of every page, and the share card (an SVG image) of
every notice, so a link pasted into a chat app shows the title, the issuer, the 公开期限 and what
the notice is about instead of a bare address.

Everything is made at build time from the data; nothing is fetched. The tags are rendered by the
package's autoescaping templates (partials/disclosures/share-meta.html); the card is XML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin
from xml.sax.saxutils import escape

import jinja2

from disclosures.core import records as r
from disclosures.core import texts, urls
from disclosures.model.viewmodels import NoticeView, first_sentence

DESCRIPTION_LIMIT = 120  # characters; chat apps show two or three lines
CARD_WIDTH, CARD_HEIGHT = 1200, 630  # the size Open Graph consumers expect (1.91:1)
_TITLE_CHARS = 18  # Chinese characters per title line on the card (56 px type)
_TITLE_LINES = 4
_FONTS = "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif"


@dataclass(frozen=True)
class ShareMeta:
    """What a page tells chat apps and search engines about itself."""

    title: str
    description: str
    url: str  # absolute address of the page
    image: str  # absolute address of the share card
    image_alt: str
    site_name: str
    kind: str = "website"  # og:type: "article" for a notice


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def notice_description(notice: NoticeView) -> str:
    window = texts.SHARE_WINDOW.format(window=notice.window.text) if notice.window else ""
    return shorten(texts.SHARE_DESCRIPTION.format(issuer=notice.issuer, window=window,
                                                  first_sentence=first_sentence(notice)))


def notice_share(notice: NoticeView, site: r.Site, page_url: str | None = None) -> ShareMeta:
    """The tags of a notice page (or of a page about the notice, such as its poster, at page_url)."""
    return ShareMeta(
        title=notice.title,
        description=notice_description(notice),
        url=urljoin(site.url, notice.url if page_url is None else page_url),
        image=urljoin(site.url, urls.share_image_path(notice.id)),
        image_alt=texts.SHARE_CARD_LABEL.format(title=notice.title),
        site_name=site.name,
        kind="article",
    )


def site_share(site: r.Site, page_url: str, title: str) -> ShareMeta:
    """The tags of any other page: its title, the site's description and the site's card."""
    return ShareMeta(
        title=title,
        description=shorten(site.description or site.name),
        url=urljoin(site.url, page_url),
        image=urljoin(site.url, urls.share_image_path()),
        image_alt=texts.SHARE_CARD_LABEL.format(title=site.name),
        site_name=site.name,
    )


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Text cut into lines of width characters (Chinese is one character wide); the last ends in … when cut."""
    rows = [text[i:i + width] for i in range(0, len(text), width)] or [""]
    if len(rows) > lines:
        rows = rows[:lines]
        rows[-1] = rows[-1][:-1] + "…"
    return rows


def share_card(title: str, window: str, site_name: str) -> bytes:
    """A 1200×630 SVG card: the site's name, the title in large type and the 公开期限."""
    rows = _wrap(title, _TITLE_CHARS, _TITLE_LINES)
    top = 230 if len(rows) <= 2 else 190
    title_rows = "".join(f'<tspan x="80" y="{top + i * 76}">{escape(row)}</tspan>' for i, row in enumerate(rows))
    window_row = (f'<text x="80" y="560" font-size="40" font-weight="700" fill="#8a1c1c">'
                  f'{escape(texts.SHARE_CARD_WINDOW.format(window=window))}</text>') if window else ""
    label = escape(texts.SHARE_CARD_LABEL.format(title=title), {'"': "&quot;"})
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" '
           f'viewBox="0 0 {CARD_WIDTH} {CARD_HEIGHT}" role="img" aria-label="{label}" font-family="{_FONTS}">'
           f'<rect width="{CARD_WIDTH}" height="{CARD_HEIGHT}" fill="#fffaf3"/>'
           f'<rect width="{CARD_WIDTH}" height="16" fill="#8a1c1c"/>'
           f'<text x="80" y="110" font-size="34" fill="#333">{escape(site_name)}</text>'
           f'<text font-size="56" font-weight="700" fill="#111">{title_rows}</text>'
           f'{window_row}</svg>\n')
    return svg.encode("utf-8")


def notice_card(notice: NoticeView, site: r.Site) -> bytes:
    return share_card(notice.title, notice.window.text if notice.window else "", site.name)


def site_card(site: r.Site) -> bytes:
    return share_card(site.name, "", site.publisher or site.name)


def render_share_meta(env: jinja2.Environment, share: ShareMeta) -> str:
    return env.get_template("partials/disclosures/share-meta.html").render(s=share)
