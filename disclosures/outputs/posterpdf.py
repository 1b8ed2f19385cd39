"""The posters as PDF files (A4 and A3), made after the build by printing the built poster pages with
Debian's Chromium (`--headless --print-to-pdf`). Optional: DISCLOSURE_POSTER_PDF=1 (`make posters`).

Why Chromium and not a pure-Python PDF library: the poster page already is the layout (poster.css),
so printing it keeps the PDF and the page identical; a PDF library would need a second layout and an
embedded CJK font (megabytes per file) that a clerk's machine may not have. Why optional: a plain
`make site` must not need a browser; every poster page also prints to PDF from any browser.
Chromium stamps the time of printing into a PDF, so these files are the one part of a build that is
not byte for byte reproducible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from disclosures.core import texts, urls
from disclosures.core.errors import ProjectError

PAPER = {"a4": "A4 portrait", "a3": "A3 portrait"}
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", "--hide-scrollbars",
          "--run-all-compositor-stages-before-draw", "--virtual-time-budget=2000"]


def chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise ProjectError(texts.POSTER_PDF_NO_BROWSER)
    return found


def print_page(browser: str, page: Path, size: str, out: Path) -> None:
    """Print one built page to out on the given paper: a copy of the page beside it sets the paper size."""
    html = page.read_text(encoding="utf-8")
    paper = f"<style>@page{{size:{PAPER[size]};margin:10mm}}</style>"
    copy = page.with_name(f".print-{size}.html")
    copy.write_text(html.replace("</head>", paper + "</head>", 1), encoding="utf-8")
    try:
        result = subprocess.run([browser, *_FLAGS, f"--print-to-pdf={out}", copy.as_uri()],
                                capture_output=True, text=True, timeout=120)
    finally:
        copy.unlink()
    if result.returncode != 0 or not out.is_file():
        raise ProjectError(texts.POSTER_PDF_FAILED.format(page=page, error=result.stderr.strip()[-400:]))


def poster_pdfs(site_dir: Path, notice_ids: list[str]) -> None:
    """Write poster-<id>-a4.pdf and poster-<id>-a3.pdf beside each built poster page."""
    browser = chromium()
    for notice_id in notice_ids:
        page = site_dir / urls.poster_url(notice_id) / "index.html"
        for size in PAPER:
            print_page(browser, page, size, site_dir / urls.poster_pdf_path(notice_id, size))
