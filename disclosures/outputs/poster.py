"""The notice-board poster (公示栏海报) of a notice: one printed sheet, A4 portrait (or A3, the same
layout scaled by √2), at /disclosures/<id>/poster/.

It holds the title, the issuer, the 公开期限 in large type, the overview (problems by category and
state), as much of the text as fits one sheet at a readable size (the whole text when it fits,
otherwise its beginning and "全文见网站"), every feedback channel, and two QR codes: the notice page
and its block on the feedback page. QR codes need absolute addresses, so they come from `url` in
data/site.yml.

How much text fits is decided here, at build time, from a budget of lines: the sheet's fixed parts
(title, window, overview rows, channels and codes) leave TEXT_LINES lines of CHARS_PER_LINE
characters at the poster's text size (see poster.css; tests/test_poster_browser.py prints it and
checks the sheet stays one page).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urljoin

import jinja2

from disclosures.core import texts, urls
from disclosures.core.cache import ContentCache
from disclosures.model.overview import PartSummary
from disclosures.model.viewmodels import Channel, Link, NoticeView
from disclosures.numbering.body import Para, PartView, ProblemView, SectionView, ThemeView, walk
from disclosures.outputs.qr import qr_svg

CHARS_PER_LINE = 50  # Chinese characters in one line of poster text (10.5 pt in a 190 mm column)
TEXT_LINES = 26  # lines left for the overview and the text on an A4 sheet, with room for a long address
MIN_TEXT_LINES = 6  # never fewer lines of text than this, however long the overview is


@dataclass(frozen=True)
class PosterLine:
    """One paragraph or heading of the text excerpt, as the poster shows it."""

    kind: str  # "heading" or "para"
    label: str  # 一、 （一） 1. （1） 一是
    lead: str
    text: str


@dataclass(frozen=True)
class PosterView:
    notice: NoticeView
    title: str  # of the page (browser tab)
    notice_address: str  # absolute: what the first QR code holds
    feedback_address: str  # absolute: the notice's block on the feedback page
    notice_qr: str  # inline SVG
    feedback_qr: str
    overview: tuple[PartSummary, ...]
    lines: tuple[PosterLine, ...]
    complete: bool  # the whole text is on the sheet
    channels: tuple[Channel, ...]
    notice_link: str  # relative to the poster page
    pdfs: tuple[Link, ...]  # the PDF files, when the build makes them


def text_lines(notice: NoticeView) -> list[PosterLine]:
    """The notice text in page order (the one walk, numbering/body.py), one line per heading and paragraph."""
    lines, pending = [], ""
    for node in walk(notice.preamble, notice.parts):
        if isinstance(node, SectionView) and not node.heading:
            pending = node.label  # a run-in section: its label starts the paragraph that follows
        elif isinstance(node, Para):
            lines.append(PosterLine("para", pending + node.label, node.lead, node.text))
            pending = ""
        elif isinstance(node, (PartView, SectionView, ThemeView, ProblemView)):
            lines.append(PosterLine("heading", node.label, "", node.heading))
    return lines


def _lines_for(chars: int) -> int:
    return max(1, math.ceil(chars / CHARS_PER_LINE))


def _cost(line: PosterLine) -> int:
    """Lines the paragraph takes on the sheet (a paragraph is indented by two characters)."""
    return _lines_for(len(line.label + line.lead + line.text) + (2 if line.kind == "para" else 0))


def excerpt(notice: NoticeView, budget: int) -> tuple[tuple[PosterLine, ...], bool]:
    """The text in page order while it fits budget lines; (lines, True) when all of it fits.

    The last paragraph that fits only in part is cut at a whole character and followed by
    POSTER_FULL_TEXT_ONLINE in the template; a heading is never left alone at the end.
    """
    chosen: list[PosterLine] = []
    used = 0
    for line in text_lines(notice):
        cost = _cost(line)
        if used + cost <= budget:
            chosen.append(line)
            used += cost
            continue
        room = (budget - used) * CHARS_PER_LINE - len(line.label) - 2  # 2: the paragraph's indent
        if line.kind == "para" and room > CHARS_PER_LINE // 2:
            text = (line.lead + line.text)[:room]
            chosen.append(PosterLine("para", line.label, text[:len(line.lead)], text[len(line.lead):]))
        while chosen and chosen[-1].kind == "heading":
            chosen.pop()
        return tuple(chosen), False
    return tuple(chosen), True


def overview_rows(notice: NoticeView) -> int:
    """Lines the overview takes: each part and each category, as long as it is, and its heading."""
    if not notice.overview:
        return 0
    rows = [p.label + p.heading + p.summary + p.state_label for p in notice.overview.parts]
    rows += [c.label + c.heading + "：99个问题" for p in notice.overview.parts for c in p.categories]
    return 2 + sum(_lines_for(len(row) + 2) for row in rows)  # 2: the heading; +2: the indent


def poster_view(notice: NoticeView, site_url: str, pdfs: tuple[Link, ...] = (),
                feedback_page: str | None = urls.FEEDBACK_URL, store: ContentCache | None = None) -> PosterView:
    """feedback_page: the feedback page holding the notice's block (a portal pages them); None when no page
    has a block for it (a portal with many open notices), and the code leads to the first feedback page.
    store: where QR codes an earlier build encoded are kept (core/cache.py)."""
    poster_url = urls.poster_url(notice.id)
    notice_address = urljoin(site_url, notice.url)
    feedback_address = (urljoin(site_url, feedback_page) + "#" + urls.feedback_anchor(notice.id) if feedback_page
                        else urljoin(site_url, urls.FEEDBACK_URL))
    budget = max(MIN_TEXT_LINES, TEXT_LINES - overview_rows(notice))
    lines, complete = excerpt(notice, budget)
    return PosterView(
        notice=notice,
        title=poster_title(notice),
        notice_address=notice_address,
        feedback_address=feedback_address,
        notice_qr=qr_svg(notice_address, texts.POSTER_QR_NOTICE_LABEL.format(url=notice_address), "dsc-qr", store),
        feedback_qr=qr_svg(feedback_address, texts.POSTER_QR_FEEDBACK_LABEL.format(url=feedback_address), "dsc-qr",
                           store),
        overview=notice.overview.parts if notice.overview else (),
        lines=lines,
        complete=complete,
        channels=notice.contact.items,
        notice_link=urls.relative_url(poster_url, notice.url),
        pdfs=pdfs,
    )


def poster_title(notice: NoticeView) -> str:
    return texts.POSTER_TITLE.format(title=notice.title)


def pdf_links(notice_id: str) -> tuple[Link, ...]:
    """Links from the poster page to its PDF files (made after the build, see posterpdf.py)."""
    page = urls.poster_url(notice_id)
    return tuple(Link(label, urls.relative_url(page, urls.poster_pdf_path(notice_id, size)), "application/pdf")
                 for size, label in (("a4", texts.POSTER_PDF_A4), ("a3", texts.POSTER_PDF_A3)))


def render_poster(env: jinja2.Environment, poster: PosterView) -> str:
    return env.get_template("partials/disclosures/poster.html").render(p=poster)
