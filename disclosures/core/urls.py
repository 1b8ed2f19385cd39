"""The address scheme: where every page and file lives, and the anchors inside a notice page.

Page addresses are directory-style and relative to the site root ("" is home);
links between pages are made relative (relative_url) so the site works under any
sub-path. The anchors are documented in handbook/office.md ("Stable anchors") and never change meaning.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

HOME_URL = ""
FEEDBACK_URL = "feedback/"
GLOSSARY_URL = "glossary/"
SUBSCRIBE_URL = "subscribe/"
SEARCH_URL = "search/"  # the search page; ?q=… opens it with results
PAGEFIND_DIR = "pagefind"  # the search index and Pagefind's scripts, written after the build

# Lists of a portal (lists.py): every list is paginated as <list>, <list>page/2/, …
NOTICES_URL = "notices/"
UNITS_URL = "units/"
ROUNDS_URL = "rounds/"
YEARS_URL = "years/"

RSS_PATH = "feed.xml"
JSON_FEED_PATH = "feed.json"
OPEN_DATA_INDEX_PATH = "data/notices.json"

OVERVIEW_ANCHOR = "overview"


def notice_url(notice_id: str) -> str:
    return f"disclosures/{notice_id}/"


def unit_url(unit_id: str) -> str:
    return f"{UNITS_URL}{unit_id}/"


def round_url(round_id: str) -> str:
    return f"{ROUNDS_URL}{round_id}/"


def year_url(year: int) -> str:
    return f"{YEARS_URL}{year}/"


def list_page_url(list_url: str, page: int) -> str:
    """Page 1 of a list is the list's own address; page n is <list>page/<n>/."""
    return list_url if page == 1 else f"{list_url}page/{page}/"


def list_feed_paths(list_url: str) -> tuple[str, str]:
    """The RSS and JSON feeds of a unit's or a round's list sit in its folder."""
    return f"{list_url}{RSS_PATH}", f"{list_url}{JSON_FEED_PATH}"


def poster_url(notice_id: str) -> str:
    """The notice-board poster of a notice (poster.py)."""
    return f"{notice_url(notice_id)}poster/"


def poster_pdf_path(notice_id: str, size: str) -> str:
    """The poster as a PDF file for one paper size ("a4", "a3")."""
    return f"{poster_url(notice_id)}poster-{notice_id}-{size}.pdf"


def share_image_path(notice_id: str | None = None) -> str:
    """The share card (Open Graph image) of a notice, or of the site when notice_id is None."""
    return f"{notice_url(notice_id)}share.svg" if notice_id else "assets/share.svg"


def feedback_anchor(notice_id: str) -> str:
    """The notice's block on the feedback page."""
    return notice_id


def page_source(url: str) -> str:
    """The path MkDocs knows a generated page by: "disclosures/<id>/" -> "disclosures/<id>/index.md"."""
    return f"{url}index.md"


def notice_json_path(notice_id: str) -> str:
    return f"data/notices/{notice_id}.json"


def notice_yaml_path(notice_id: str, source: str) -> str:
    """The data file offered byte for byte, with the suffix it has in data/."""
    return f"data/notices/{notice_id}{Path(source).suffix or '.yml'}"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from a directory-style page URL ("" is home) to a page ("…/") or a file ("feed.xml"),
    relative so that the site works under any sub-path."""
    target = posixpath.relpath("/" + to_url, "/" + from_url)
    if to_url and not to_url.endswith("/"):
        return target  # a file
    return "./" if target == "." else target + "/"


def part_anchor(part: int) -> str:
    return f"part-{part}"


def section_anchor(part: int, section: int) -> str:
    return f"part-{part}-section-{section}"


def theme_anchor(theme: int) -> str:
    return f"theme-{theme}"


def problem_anchor(problem: int) -> str:
    return f"problem-{problem}"


def section_problem_anchor(part: int, section: int, problem: int) -> str:
    """A problem held directly by a category (1. 2.): inside its section, since those numbers may restart."""
    return f"{section_anchor(part, section)}-problem-{problem}"


def revision_anchor(day: dt.date) -> str:
    return f"revision-{day.isoformat()}"


def term_anchor(term: str) -> str:
    """Stable id of a term on the glossary page: the term without punctuation or spaces."""
    return "term-" + re.sub(r"[\W_]+", "", term)


def term_tip_id(n: int) -> str:
    """Id of the n-th explanation on a notice page (aria-describedby of the marked term)."""
    return f"term-tip-{n}"
