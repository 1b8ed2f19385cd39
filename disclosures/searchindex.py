"""Post-processing of Material's search index: each notice section its own result, nothing twice.

Material writes search/search_index.json with every non-ASCII character as a
\\u escape, and in the results it groups all sections of a page under that page,
showing only the best few. A notice is one long page, so the problem a reader
looks for would be folded away under it. Here each section of a notice page
gets a location of its own, `<page>?section=<anchor>`, so Material lists it as a
result of its own, tagged with the notice it belongs to. (Material keys a result
by the part of its location before "#", so the anchor cannot stay in it;
docs/assets/javascripts/search.js moves the reader to the anchor on arrival.)
The file stays the JSON Material's worker reads.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable

ZWSP = "\u200b"  # Material's segmentation mark between Chinese words


def plain(text: str) -> str:
    return text.replace(ZWSP, "").strip()


SECTION_PARAM = "section"


def section_location(page: str, anchor: str) -> str:
    """A location Material treats as a page of its own; search.js turns it into the anchor."""
    return f"{page}?{SECTION_PARAM}={anchor}"


# A field Material indexes but never shows (it renders title, text and tags only).
KEYWORDS = "keywords"


def lean_search_index(raw: str, notices: Iterable[tuple[str, str]],
                      keywords: Callable[[str], list[str]] = lambda text: []) -> str:
    """The index with notice sections standing alone, listings of notices dropped, keywords added.

    notices: (url, title) of every published notice, url as in the index, e.g. "disclosures/<id>/".
    keywords: extra words for an entry, given its plain title and text.
    """
    index = json.loads(raw)
    urls = dict(notices)
    titles = set(urls.values())
    # The page entry's title is already segmented the way the index needs it.
    page_titles = {d["location"]: d["title"] for d in index["docs"] if d["location"] in urls}
    docs = []
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page in urls and anchor:
            doc = {**doc, "location": section_location(page, anchor), "tags": [page_titles.get(page, urls[page])]}
        # Material escapes & < > in the titles it indexes; the notices' titles are plain text.
        elif anchor and (html.unescape(plain(doc["title"])) in titles or not doc["text"]):
            continue  # a listing of notices (a card or its bare heading): each notice has its own entries
        words = keywords(plain(doc["title"] + " " + doc["text"]))
        if words:
            doc = {**doc, KEYWORDS: ZWSP.join(words)}
        docs.append(doc)
    index["docs"] = docs
    index["config"]["fields"].setdefault(KEYWORDS, {"boost": 1.0})
    # UTF-8 rather than \u escapes: a third smaller for Chinese, and still valid JSON.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
