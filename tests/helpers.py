"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import re
import shutil
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

_SENTENCE_END = re.compile(r"(?<=[。!?])")


def normalise(text: str) -> str:
    """NFKC (full-width and half-width become one) with all white space removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def sentences_of_source(text: str) -> list[str]:
    """The published text split into sentences; the trailing 相关文章 line is web-page chrome."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[-1] == "相关文章":
        lines.pop()
    out = []
    for line in lines:
        out += [normalise(s) for s in _SENTENCE_END.split(unicodedata.normalize("NFKC", line)) if normalise(s)]
    return out


def find_in_order(sentences: list[str], haystack: str) -> tuple[int, list[str]]:
    """How many sentences appear in order, and which did not."""
    position, found, missing = 0, 0, []
    for sentence in sentences:
        at = haystack.find(sentence, position)
        if at < 0:
            missing.append(sentence)
            continue
        found += 1
        position = at + len(sentence)
    return found, missing


def article_text(html: str) -> str:
    doc = lxml.html.fromstring(html)
    article = doc.cssselect("article.dsc-notice")
    return (article[0] if article else doc).text_content()


def combine_data(dest: Path, site_from: Path, *notice_files: Path) -> Path:
    """A data/ folder with one site.yml and the given notices."""
    (dest / "disclosures").mkdir(parents=True)
    shutil.copy2(site_from / "site.yml", dest / "site.yml")
    for f in notice_files:
        shutil.copy2(f, dest / "disclosures" / f.name)
    return dest


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to the site root ("" is the home page).

    Checks iterate over this, so pages added later are checked without changing the tests.
    """
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(relative.removesuffix("index.html") if path.name == "index.html" else relative)
    return urls


# The window of tests/data/window (2025-04-27 to 2025-05-11). Reference time -> state, label, detail,
# the moment the built page names (截至…（本页生成时）), all
# Beijing time (2025-05-11T23:59+08:00 is 08:59 in Los Angeles).
MOMENTS = {
    "before": ("2025-04-26T23:59:59+08:00", "upcoming", "未开始", "公示将于2025年4月27日开始", "2025年4月26日23:59"),
    "first-day": ("2025-04-27", "open", "公示中", "距公示结束还有 14 天", "2025年4月27日"),
    "middle": ("2025-05-04T12:00:00+08:00", "open", "公示中", "距公示结束还有 7 天", "2025年5月4日12:00"),
    "last-day-23:59": ("2025-05-11T23:59:00+08:00", "open", "公示中", "今天是最后一天", "2025年5月11日23:59"),
    "day-after": ("2025-05-12", "closed", "已结束", "公示期已结束", "2025年5月12日"),
}


def outside_requests(requested: list[str], site_url: str) -> list[str]:
    """The requested addresses that left the site (data: and blob: URLs never leave the page)."""
    site = urlsplit(site_url).netloc
    return [u for u in requested if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != site]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by relative path, with its bytes (to compare whole sites byte for byte)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_left(folder: Path, wait: float = 30) -> list[str]:
    """The staging folders (.staging-*) beside a published site. A build's old site, under a staging name,
    is deleted by another process as the build ends (publish/staging.py): given `wait` seconds to go."""
    def found() -> list[str]:
        return sorted(p.name for p in folder.iterdir() if p.name.startswith(".staging-"))
    deadline = time.monotonic() + wait
    while found() and time.monotonic() < deadline:
        time.sleep(0.1)
    return found()


def modules_running_in(project: Path, module: str) -> list[str]:
    """Processes running `python -m module` (a build's helper) with project as their folder: their pids."""
    left = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if module.encode("utf-8") in (proc / "cmdline").read_bytes() and \
                    (proc / "cwd").resolve() == project.resolve():
                left.append(proc.name)
        except OSError:  # gone meanwhile
            continue
    return left
