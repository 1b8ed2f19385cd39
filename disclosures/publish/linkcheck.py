"""After a build: every internal link and src in every page, feed and open-data file must lead somewhere.

Government-site inspections fail a site for one broken link, so a build that would publish one
fails instead, naming the file and the link. The checker reads the built folder (the staging
folder, before it is swapped in) and knows nothing about how it was made, so pages added later
(lists, per-unit feeds …) are checked without changes here.

- A link is internal when, resolved against the address of the file it is in (the site's `url`
  plus the file's path), it lies under the site's `url`. It must name a file of the build (a
  directory address needs its index.html) and, with a #fragment into an HTML page, an element
  with that id (#problem-14 must exist).
- Links out of the site (the MIIT lookup, 找错, mailto:, tel:) are listed, never fetched.
- Feeds are read as XML (link, guid, enclosure, and the HTML inside each item); JSON files are
  read as JSON: every string that is a site address, the site-root paths of the open-data index
  ("page", "json", "yaml") and each "anchor" next to a "url".
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from disclosures.core import texts
from disclosures.core.cache import ContentCache
from disclosures.core.errors import ProjectError
from disclosures.publish.htmlscan import moment_left_out

# Attributes that point at something a reader (or the browser) follows or loads.
_LINK_ATTRIBUTES = ("href", "src", "poster", "action", "xlink:href")
_NOT_FETCHED = ("mailto:", "tel:", "sms:", "data:", "javascript:")
_OPEN_DATA_PATH_KEYS = {"page", "json", "yaml"}  # site-root paths in the open-data index (handbook/office.md, "Open data")


T = TypeVar("T")
Known = Callable[[str], "str | None"]  # a page's digest (BuiltSite.digest) by its path, if known elsewhere


class Untouched:
    """What a check read of each file, by the file's status (size, modification time, inode, change time): for a
    folder only this process writes (a kept preview, publish/previewfolder.py), where a file no rebuild wrote
    is not read again. Never for a published site, which is checked by its bytes (the build cache)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, Path], tuple[tuple[int, ...], object]] = {}
        self._kinds: set[str] = set()

    def get(self, kind: str, path: Path, make: Callable[[], T]) -> T:
        status = _status(path.stat())
        known = self._known.get((kind, path))
        if known is not None and known[0] == status:
            return known[1]  # type: ignore[return-value]
        value = make()
        self._known[(kind, path)] = (status, value)
        self._kinds.add(kind)
        return value

    def rewritten(self, path: Path, before: os.stat_result) -> None:
        """The file at path, whose status was before, was rewritten with the build's moment alone changed (the
        text of its as-of span, htmlscan.moment_replaced): what was read of it (ids and links, which the
        moment is not part of) holds for it as it is now."""
        was, now = _status(before), _status(path.stat())
        for kind in self._kinds:
            known = self._known.get((kind, path))
            if known is not None and known[0] == was:
                self._known[(kind, path)] = (now, known[1])


def _status(info: os.stat_result) -> tuple[int, ...]:
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns


@dataclass(frozen=True)
class Link:
    source: str  # the file it is in, relative to the site root ("disclosures/x/index.html")
    target: str  # as written in the file


@dataclass(frozen=True)
class BrokenLink:
    source: str
    target: str
    reason: str  # which file or anchor is missing (Chinese, from the caller's catalogue)


@dataclass
class Report:
    checked: int = 0  # internal links checked
    broken: list[BrokenLink] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)  # link out of the site -> files it is in


@dataclass(frozen=True)
class Scan:
    """What one HTML page offers (ids, and <a name>) and what it points at (link-like attributes)."""

    ids: frozenset[str]
    links: tuple[str, ...]


# Lexbor's HTML parser (selectolax), in C: a site of 1,000 notices has 400 MB of HTML, and a regular-expression
# scanner took 2.8 s a thousand pages where this takes 0.6 (html.parser took ten times the scanner). It reads
# a page as a browser does: comments, script, style, title and textarea bodies and <template> contents are
# not markup, and of an attribute written twice the first counts.
_LINKED = "[id], a[name], [href], [src], [poster], [action], [srcset], [xlink\\:href]"


def scan_html(text: str) -> Scan:
    ids: set[str] = set()
    links: list[str] = []
    seen: set[int] = set()
    for node in LexborHTMLParser(text).css(_LINKED):
        if node.mem_id in seen:  # an element matching two of the selectors is listed twice
            continue
        seen.add(node.mem_id)
        values = node.attributes
        if "id" in values:
            ids.add(values["id"] or "")
        if node.tag == "a" and "name" in values:
            ids.add(values["name"] or "")
        if values.get("rel") in ("preconnect", "dns-prefetch"):
            continue  # names a host, not a document
        links += [values[name] or "" for name in _LINK_ATTRIBUTES if name in values]
        if "srcset" in values:
            links += [c.strip().split()[0] for c in (values["srcset"] or "").split(",") if c.strip()]
    return Scan(frozenset(ids), tuple(links))


class BuiltSite:
    """The built folder as the checker sees it: file names, and the ids of each HTML page (read once)."""

    def __init__(self, root: Path, url: str, aliases: tuple[str, ...] = (), cache: ContentCache | None = None,
                 moment: str = "", untouched: Untouched | None = None, known: Known | None = None):
        """known: a page's digest (as digest() takes it) where another reader of the folder has it already."""
        self.root = root
        self.known = known
        self.cache = cache or ContentCache(None)  # a page whose bytes an earlier build scanned is not read again
        self.untouched = untouched
        self.moment = moment  # the build's moment as the pages print it (htmlscan.moment_left_out)
        self.url = url if url.endswith("/") else url + "/"
        # Other addresses the same folder is known by, e.g. MkDocs' site_url (canonical links, sitemap),
        # which `mkdocs serve` sets to its own local address.
        self.bases = [urlsplit(u if u.endswith("/") else u + "/") for u in (self.url, *aliases) if u]
        self._scans: dict[str, Scan] = {}
        self._files: dict[str, str | None] = {}
        self.listed = listed_files(root)  # every file, once: most links name one (no stat each)
        self._digests: dict[str, str] = {}  # path -> SHA-256 of the page as the cache knows it (cache_key)
        self._fragments: dict[str, tuple[str, ...]] = {}
        self._resolved: dict[tuple[str, str], tuple[str, ...]] = {}
        self._base_parts: dict[str, tuple[str, str, str] | None] = {}

    def resolved(self, link: str, base: str) -> tuple[str, ...]:
        """resolve(), once per link and base: the navigation and the feeds repeat the same links."""
        key = (link, base)
        if key not in self._resolved:
            self._resolved[key] = resolve(self, link, base)
        return self._resolved[key]

    def fragment_links(self, text: str) -> tuple[str, ...]:
        """The links in a piece of HTML inside a feed or JSON file. A notice's text sits in its site feed, its
        round's and its unit's, as RSS and as JSON: each is scanned once (and not at all when an earlier
        build scanned the same text)."""
        if text not in self._fragments:
            found = self.cache.get_or_make_json("fragment", text.encode("utf-8"),
                                                lambda _: list(scan_html(text).links))
            self._fragments[text] = tuple(found)
        return self._fragments[text]

    def address(self, path: str) -> str:
        """The public address of a file: "disclosures/x/index.html" -> "https://…/disclosures/x/"."""
        return self.url + (path.removesuffix("index.html") if posixpath.basename(path) == "index.html" else path)

    def base_parts(self, base: str) -> tuple[str, str, str] | None:
        """A web address's scheme, host and path (urlsplit's), once per base: every link of a page is relative
        to the page's address. None for another kind of address."""
        if base not in self._base_parts:
            parts = urlsplit(base)
            plain = parts.scheme in ("http", "https") and parts.netloc
            self._base_parts[base] = (parts.scheme, parts.netloc, parts.path) if plain else None
        return self._base_parts[base]

    def internal_path(self, absolute: str) -> str | None:
        """The path under the site root an absolute address names, or None when it is out of the site."""
        parts = urlsplit(absolute)
        return self.path_under(parts.scheme, parts.netloc, parts.path)

    def path_under(self, scheme: str, netloc: str, path: str) -> str | None:
        """internal_path of an address already split (scheme, host, path)."""
        for base in self.bases:
            if (scheme, netloc) == (base.scheme, base.netloc) and path.startswith(base.path):
                return unquote(path[len(base.path):])
        return None

    def file_for(self, path: str) -> str | None:
        """The file a path serves, as a web server would: a directory address serves its index.html."""
        if path not in self._files:
            self._files[path] = self._find(path)
        return self._files[path]

    def _find(self, path: str) -> str | None:
        index = (path.rstrip("/") + "/index.html").lstrip("/")  # a directory's page
        for listed in (path, index):
            if listed in self.listed:
                return listed
        candidate = self.root / path  # not as listed (e.g. a/./b): as the file system finds it
        if path == "" or path.endswith("/"):
            candidate = candidate / "index.html"
        elif candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_file():
            return None
        return candidate.relative_to(self.root).as_posix()

    def cache_key(self, data: bytes) -> bytes:
        """data as the cache knows it: a page that differs from an earlier build's by the moment alone is the
        same page to the link check (截至…（本页生成时） is on nearly every page)."""
        return moment_left_out(data, self.moment)

    def digest(self, path: str, data: bytes | None = None) -> str:
        """The SHA-256 of cache_key(data), data being the bytes of the file at path (read now if not given):
        taken once, for the file's links and its scan alike (reading and hashing every page twice was a
        tenth of the check)."""
        if not self._has_digest(path):
            data = data if data is not None else (self.root / path).read_bytes()
            self._digests[path] = hashlib.sha256(self.cache_key(data)).hexdigest()
        return self._digests[path]

    def _has_digest(self, path: str) -> bool:
        """Whether the page's digest is had without reading it: taken already, or given by `known`."""
        if path not in self._digests and self.known is not None and (found := self.known(path)) is not None:
            self._digests[path] = found
        return path in self._digests

    def scan(self, path: str) -> Scan:
        """An HTML page scanned once, whether it is checked first or linked to first."""
        if path not in self._scans:
            self._scans[path] = self.read("scan", path, self._scan)
        return self._scans[path]

    def _scan(self, path: str) -> Scan:
        data = None if self._has_digest(path) else (self.root / path).read_bytes()
        found = self.cache.get_or_make_json(  # the page is read (again) only to be scanned
            "scan", b"", lambda _: _scan_record(data if data is not None else (self.root / path).read_bytes()),
            self.digest(path, data))
        return Scan(frozenset(found["ids"]), tuple(found["links"]))

    def read(self, kind: str, path: str, make: Callable[[str], T]) -> T:
        """make(path), or what it gave for the same untouched file of a site at the same addresses (Untouched:
        a link's target depends on them, as in _links_of's key)."""
        if self.untouched is None:
            return make(path)
        return self.untouched.get(repr((kind, self.url, self.bases)), self.root / path, lambda: make(path))


def scan_ahead(cache: ContentCache, data: bytes, digest: str) -> None:
    """Scan a page for a later check of its site, where BuiltSite._scan finds it: data, the page's bytes, and
    digest, their key (BuiltSite.digest). The finishing pass, which reads each page in a process of its own
    while MkDocs writes the rest, does so: in a first build, scanning every page took a quarter of the
    check's 20 s at 1,000 notices, on the build's own thread. Nothing without a cache (a clean build): the
    check would never see the scan."""
    if cache.folder is not None and not cache.has("scan", digest):
        cache.get_or_make_json("scan", b"", lambda _: _scan_record(data), digest)


def _scan_record(data: bytes) -> dict:
    """A page's scan as the cache keeps it (JSON: the ids sorted, so equal pages give equal entries)."""
    scan = scan_html(data.decode("utf-8", errors="replace"))
    return {"ids": sorted(scan.ids), "links": list(scan.links)}


def html_links(site: BuiltSite, path: str) -> Iterator[tuple[str, str]]:
    """(link, the address it is relative to) for each link in an HTML page."""
    base = site.address(path)
    for link in site.scan(path).links:
        yield link, base


def feed_links(site: BuiltSite, path: str) -> Iterator[tuple[str, str]]:
    """Links in an RSS/Atom file: element links and the HTML of each item, relative to the item's link."""
    base = site.address(path)
    tree = ET.parse(site.root / path)
    for item in tree.iter():
        tag = item.tag.rsplit("}", 1)[-1]
        if tag in ("link", "loc") and item.text and item.text.strip():
            yield item.text.strip(), base
        elif tag == "guid" and item.get("isPermaLink", "true") == "true" and item.text:
            yield item.text.strip(), base
        for name in ("href", "url"):
            if item.get(name):
                yield item.get(name), base
    for item in tree.iter():
        if item.tag.rsplit("}", 1)[-1] not in ("item", "entry"):
            continue
        link = next((c.text.strip() for c in item if c.tag.rsplit("}", 1)[-1] == "link" and c.text), base)
        for c in item:
            if c.tag.rsplit("}", 1)[-1] in ("description", "content", "encoded", "summary") and c.text:
                yield from ((href, urljoin(base, link)) for href in site.fragment_links(c.text))


def json_links(site: BuiltSite, path: str) -> Iterator[tuple[str, str]]:
    """Links in a JSON file: site addresses, open-data paths, anchors, and the links in content_html."""
    base = site.address(path)

    def walk(value: object, page: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            url = value.get("url")
            page = url if isinstance(url, str) and site.internal_path(url) is not None else page
            for key, item in value.items():
                if key in _OPEN_DATA_PATH_KEYS and isinstance(item, str):
                    yield item, site.url
                elif key == "anchor" and isinstance(item, str) and item:
                    yield "#" + item, page
                elif key == "content_html" and isinstance(item, str):
                    yield from ((href, page) for href in site.fragment_links(item))
                else:
                    yield from walk(item, page)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item, page)
        elif isinstance(value, str) and value.startswith(site.url):
            yield value, base

    yield from walk(json.loads((site.root / path).read_text(encoding="utf-8")), base)


def _readers(path: str):
    if path.endswith(".html"):
        return html_links
    if path.endswith((".xml", ".rss", ".atom")):
        return feed_links
    if path.endswith(".json") and not path.startswith("pagefind/"):
        return json_links  # Pagefind's files (search.py) hold its index, not links
    return None


_URL_DROPS = re.compile("[\t\r\n]")  # what urlsplit removes from anywhere in an address


def resolve(site: BuiltSite, link: str, base: str) -> tuple[str, ...]:
    """What a link names, from its text and the address it is relative to alone (so a file's links can be
    kept in the cache): ("skip",), ("external", address) or ("internal", path under the site, fragment)."""
    link = link.strip()
    if not link or link.lower().startswith(_NOT_FETCHED):
        if link.lower().startswith(("mailto:", "tel:")):
            return ("external", link.split("?", 1)[0])  # the address, not the letter
        return ("skip",)
    named = _by_path(site, link, base)
    if named is not None:
        return named
    absolute = urljoin(base, link)
    target_path = site.internal_path(absolute)
    if target_path is None:
        return ("external", absolute) if urlsplit(absolute).scheme in ("http", "https") else ("skip",)
    return ("internal", target_path, unquote(urlsplit(absolute).fragment))


# A path of a link that urljoin resolves by its segments alone: no scheme, query, parameters or white space.
_PLAIN_PATH = re.compile(r"[\w.~!$&'()*+,=@%/-]+")


def _by_path(site: BuiltSite, link: str, base: str) -> tuple[str, ...] | None:
    """resolve(link, base) without urljoin, urlsplit and urlunparse, for the two kinds of link most of a site's
    are: an anchor in the same file (#problem-14: base's path) and a plain path (../../units/x/, /s/feed.xml,
    with a #fragment or not). The navigation's links differ from page to page, and each pair of link and page
    went through all three (a tenth of the link check at 10,000 notices). None for any other link."""
    parts = site.base_parts(base)
    if parts is None or _URL_DROPS.search(link):
        return None
    scheme, netloc, base_path = parts
    path, _, fragment = link.partition("#")
    if not path:
        page = site.path_under(scheme, netloc, base_path)  # out of the site: urljoin keeps base's query too
        return None if page is None else ("internal", page, unquote(fragment))
    if path.startswith("//") or not _PLAIN_PATH.fullmatch(path):
        return None
    joined = _joined_path(base_path, path)
    if joined.startswith("//"):
        return None  # urlunparse and urlsplit would read a host into it
    page = site.path_under(scheme, netloc, joined)
    if page is not None:
        return ("internal", page, unquote(fragment))
    return ("external", f"{scheme}://{netloc}{joined}" + (f"#{fragment}" if fragment else ""))


def _joined_path(base_path: str, path: str) -> str:
    """The path urljoin gives a relative path against a base's path (Python 3.11's, segment by segment)."""
    base_parts = base_path.split("/")
    if base_parts[-1] != "":
        del base_parts[-1]  # the last item is not a directory
    if path[:1] == "/":
        segments = path.split("/")
    else:
        segments = base_parts + path.split("/")
        segments[1:-1] = filter(None, segments[1:-1])
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return "/".join(resolved) or "/"


def check_link(site: BuiltSite, source: str, link: str, resolved: tuple[str, ...], report: Report,
               missing_file: str, missing_anchor: str) -> None:
    """Count a resolved link of source in the report: an address out of the site, or a file and anchor that
    must exist in it."""
    if resolved[0] == "external":
        report.external.setdefault(resolved[1], set()).add(source)
    if resolved[0] != "internal":
        return
    _, target_path, fragment = resolved
    report.checked += 1
    target = site.file_for(target_path)
    if target is None:
        report.broken.append(BrokenLink(source, link.strip(), missing_file.format(path="/" + target_path)))
        return
    if fragment and fragment != "top" and target.endswith(".html") and fragment not in site.scan(target).ids:
        report.broken.append(BrokenLink(source, link.strip(), missing_anchor.format(path="/" + target_path,
                                                                                   anchor=fragment)))


def check_site(root: Path, url: str, missing_file: str = "missing file {path}",
               missing_anchor: str = "no #{anchor} in {path}", aliases: tuple[str, ...] = (),
               cache: ContentCache | None = None, moment: str = "", untouched: Untouched | None = None,
               known: Known | None = None) -> Report:
    """Check every page, feed and JSON file under root as if served from url (the site's address;
    aliases are other addresses of the same folder; moment: the build's moment as the pages print it;
    known: BuiltSite's)."""
    site = BuiltSite(root, url, aliases, cache, moment, untouched, known)
    report = Report()
    for path in sorted(site.listed):
        reader = _readers(path)
        if reader is None:
            continue
        for link, *resolved in site.read("links", path, lambda p: _links_of(site, p, reader)):
            check_link(site, path, link, tuple(resolved), report, missing_file, missing_anchor)
    return report


def _links_of(site: BuiltSite, path: str, reader) -> list[list[str]]:
    """Each link of a file with what it names ([link, *resolve(...)]), from the cache when an earlier build
    read the same bytes at the same path of a site with the same addresses (the reading and the URL
    arithmetic are most of the check; what is left is looking the targets up)."""
    key = repr((site.url, site.bases, path)).encode("utf-8") + b"\0" + site.digest(path).encode("ascii")
    return site.cache.get_or_make_json(
        "links", key, lambda _: [[link, *site.resolved(link, base)] for link, base in reader(site, path)])


def listed_files(root: Path) -> frozenset[str]:
    """Every file under root (a link to a file counts; a linked folder is not entered), /-separated."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, prefix + entry.name + "/")
                elif entry.is_file():
                    found.append(prefix + entry.name)
    if root.is_dir():
        walk(str(root), "")
    return frozenset(found)


class BrokenLinks(ProjectError):
    """Raised after a build that would publish a broken internal link; lists every one."""

    def __init__(self, broken: list[BrokenLink]):
        self.broken = broken
        lines = [texts.LINKS_BROKEN_COUNT.format(count=len(broken))]
        lines += ["  - " + texts.LINK_BROKEN.format(page="/" + b.source, link=b.target, reason=b.reason)
                  for b in broken]
        lines.append(texts.LINKS_BROKEN_HINT)
        super().__init__("\n".join(lines))


def verify(root: Path, url: str, aliases: tuple[str, ...] = (), cache: ContentCache | None = None,
           moment: str = "", untouched: Untouched | None = None, known: Known | None = None) -> Report:
    """Check the built folder root (served from url); raise BrokenLinks naming every broken link."""
    report = check_site(root, url, texts.LINK_MISSING_FILE, texts.LINK_MISSING_ANCHOR, aliases, cache, moment,
                        untouched, known)
    if report.broken:
        raise BrokenLinks(report.broken)
    return report


def external_summary(report: Report) -> str:
    """The links out of the site, one a line with how many files hold it (for the build log)."""
    lines = [texts.LINKS_EXTERNAL.format(count=len(report.external))]
    lines += [texts.LINK_EXTERNAL_LINE.format(link=link, count=len(files))
              for link, files in sorted(report.external.items())]
    return "\n".join(lines)
