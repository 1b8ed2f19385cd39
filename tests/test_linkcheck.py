"""The link check after every build: every internal link and src in pages, feeds and JSON files leads to a
file of the build and, with a #fragment into a page, to an element with that id. Links out of the site
are listed, never fetched. The fast tests use small hand-made site folders; the build tests plant a
broken anchor in a real build and check that the build fails and the old site/ stays as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import REAL_ID, ROOT, build_with, make_project, run_build
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from disclosures.core.cache import ContentCache
from disclosures.core.errors import ProjectError
from disclosures.load.project import load_project
from disclosures.publish import linkcheck
from disclosures.publish.htmlscan import moment_left_out

SITE_URL = "https://board.example.org/sub/"
NOTICE_PAGE = """<!doctype html><html lang="zh-CN"><head><title>t</title>
<link rel="stylesheet" href="../../assets/site.css"></head><body>
<h2 id="part-1">一、</h2><h5 id="problem-14">（14）</h5><a name="legacy"></a>
<a href="../../">首页</a> <a href="#part-1">一、</a> <a href="#">顶部</a>
<img src="../../assets/mark.png" alt="标识" srcset="../../assets/mark.png 1x, ../../assets/mark.png 2x">
<a href="https://beian.miit.gov.cn/">ICP</a> <a href="mailto:a@example.org?subject=x">信</a> <a href="tel:12309">电话</a>
</body></html>"""


def _site(tmp: Path, home_links: str = "", feed_link: str = "", json_anchor: str = "problem-14") -> Path:
    """A small built folder: a home page, a notice page, a CSS file, an image, a feed and a JSON file."""
    files = {
        "index.html": f'<!doctype html><html><body><a href="disclosures/a/">通报</a> '
                      f'<a href="disclosures/a/#problem-14">（14）</a> {home_links}</body></html>',
        "disclosures/a/index.html": NOTICE_PAGE,
        "assets/site.css": "body{}",
        "assets/mark.png": "png",
        "feed.xml": f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<link>{SITE_URL}</link><item><link>{SITE_URL}disclosures/a/</link>
<guid isPermaLink="true">{SITE_URL}disclosures/a/{feed_link or '#part-1'}</guid>
<description>&lt;a href="#problem-14"&gt;（14）&lt;/a&gt;</description></item></channel></rss>""",
        "data/notices.json": json.dumps({"site": {"url": SITE_URL}, "notices": [
            {"url": f"{SITE_URL}disclosures/a/", "page": "disclosures/a/", "parts": [{"anchor": json_anchor}]}]}),
    }
    for name, text in files.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_text(text, encoding="utf-8")
    return tmp


def test_a_site_whose_links_all_lead_somewhere_passes_and_lists_links_out(tmp_path: Path) -> None:
    report = linkcheck.verify(_site(tmp_path), SITE_URL)
    assert report.broken == []
    assert report.checked >= 14  # pages, stylesheet, image (src and srcset), feed, JSON
    assert sorted(report.external) == ["https://beian.miit.gov.cn/", "mailto:a@example.org", "tel:12309"]
    assert report.external["https://beian.miit.gov.cn/"] == {"disclosures/a/index.html"}
    summary = linkcheck.external_summary(report)
    assert "站外链接 3 个" in summary and "https://beian.miit.gov.cn/（1 个文件）" in summary


def test_a_broken_anchor_fails_naming_the_page_and_the_link(tmp_path: Path) -> None:
    site = _site(tmp_path, home_links='<a href="disclosures/a/#problem-41">（41）</a>')
    with pytest.raises(linkcheck.BrokenLinks) as caught:
        linkcheck.verify(site, SITE_URL)
    message = str(caught.value)
    assert isinstance(caught.value, ProjectError)
    assert "网站中有 1 个失效的站内链接" in message
    assert "页面 /index.html：链接“disclosures/a/#problem-41”指向的 /disclosures/a/ 中没有锚点 #problem-41。" in message


@pytest.mark.parametrize("where", ["page", "feed", "json"])
def test_missing_files_and_anchors_are_found_in_pages_feeds_and_open_data(tmp_path: Path, where: str) -> None:
    site = _site(tmp_path,
                 home_links='<link rel="stylesheet" href="assets/gone.css">' if where == "page" else "",
                 feed_link="#revision-2025-05-06" if where == "feed" else "",
                 json_anchor="part-9" if where == "json" else "problem-14")
    report = linkcheck.check_site(site, SITE_URL)
    expected = {"page": ("index.html", "assets/gone.css", "missing file /assets/gone.css"),
                "feed": ("feed.xml", f"{SITE_URL}disclosures/a/#revision-2025-05-06",
                         "no #revision-2025-05-06 in /disclosures/a/"),
                "json": ("data/notices.json", "#part-9", "no #part-9 in /disclosures/a/")}[where]
    assert [(b.source, b.target, b.reason) for b in report.broken] == [expected]


def test_links_out_of_the_sub_path_are_broken_and_other_hosts_are_only_listed(tmp_path: Path) -> None:
    site = _site(tmp_path, home_links='<a href="/elsewhere/">同域名的其他目录</a>'
                                      '<a href="https://board.example.org/sub/disclosures/a/">绝对地址</a>'
                                      '<a href="https://unreachable.invalid/x">外站</a>')
    report = linkcheck.check_site(site, SITE_URL)
    # "/elsewhere/" is on the same host but outside the site's folder: it is not checked as internal,
    # it is listed; an absolute address inside the site is checked like a relative one.
    assert report.broken == []
    assert "https://board.example.org/elsewhere/" in report.external
    assert "https://unreachable.invalid/x" in report.external


def test_a_directory_address_needs_its_index_page(tmp_path: Path) -> None:
    site = _site(tmp_path, home_links='<a href="glossary/">术语</a>')
    (site / "glossary").mkdir()
    report = linkcheck.check_site(site, SITE_URL)
    assert [(b.target, b.reason) for b in report.broken] == [("glossary/", "missing file /glossary/")]


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.build
def test_a_build_with_a_broken_anchor_fails_and_leaves_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", ROOT / "data")
    first = run_build(project)
    assert first.ok, first.result.stderr
    assert "站外链接" in first.result.stderr  # the list of links out of the site is in the build log
    before = _tree_digest(first.site)
    # A hand-written page in docs/ (copied as it is) with one good and one broken anchor into the notice.
    (project / "docs" / "planted.html").write_text(
        f'<!doctype html><html lang="zh-CN"><head><title>x</title></head><body>'
        f'<a href="disclosures/{REAL_ID}/#problem-14">（14）</a>'
        f'<a href="disclosures/{REAL_ID}/#problem-46">（46）</a></body></html>', encoding="utf-8")
    temporary = tmp_path / "tmp"  # where the search index is made meanwhile: it must be waited for and removed
    temporary.mkdir()
    second = run_build(project, extra_env={"TMPDIR": str(temporary)})
    assert not second.ok
    assert list(temporary.iterdir()) == []
    assert "网站中有 1 个失效的站内链接" in second.result.stderr
    assert (f"页面 /planted.html：链接“disclosures/{REAL_ID}/#problem-46”指向的 /disclosures/{REAL_ID}/ "
            f"中没有锚点 #problem-46。") in second.result.stderr
    assert "#problem-14" not in second.result.stderr.replace("#problem-46", "")
    assert "原有的 site/ 保持不变" in second.result.stderr and "Traceback" not in second.result.stderr
    assert _tree_digest(first.site) == before
    assert not (project / ".staging-site").exists()


@pytest.mark.build
def test_a_missing_site_mark_image_fails_the_build(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    site_yml = data / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace(
        "registrations: {}",
        "registrations:\n  site_mark: https://bszs.conac.cn/sitename?method=show&id=0000\n"
        "  site_mark_image: assets/images/no-such-mark.png\n"), encoding="utf-8")
    build = build_with(tmp_path / "p", data)
    assert not build.ok
    assert "页面 /index.html：链接“assets/images/no-such-mark.png”指向的 /assets/images/no-such-mark.png 不存在" \
        in build.result.stderr


@pytest.mark.build
def test_the_fast_scanner_reads_built_pages_as_an_html_parser_does(real_site) -> None:
    """scan_html reads pages with lexbor's parser (for speed): on every built page it must find exactly the
    ids and links lxml's HTML parser finds (script and style bodies are not markup)."""
    import lxml.html

    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        text = path.read_text(encoding="utf-8")
        scan = linkcheck.scan_html(text)
        doc = lxml.html.fromstring(text)
        ids = {e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id") is not None}
        ids |= {a.get("name") for a in doc.iter("a") if a.get("name") is not None}
        links = [e.get(name) for e in doc.iter() if isinstance(e.tag, str)
                 for name in linkcheck._LINK_ATTRIBUTES if e.get(name) is not None]
        assert scan.ids == ids, path
        assert sorted(scan.links) == sorted(links), path


@pytest.mark.build
def test_a_finished_site_with_gzip_copies_and_the_deploy_folder_still_passes(real_site) -> None:
    """The check runs before finishing.finish_site, but a --dirty rebuild or a manual re-check sees the .gz
    copies, the nginx rules and the manifest too: none of them is a page, so none can break a link."""
    site = real_site.site
    assert (site / "_deploy" / "manifest.sha256").is_file() and any(site.rglob("*.html.gz"))
    report = linkcheck.verify(site, load_project(ROOT / "data").site.url)
    assert report.broken == [] and report.checked > 100
    assert not any(".gz" in path or path.startswith("_deploy/") for paths in report.external.values()
                   for path in paths)


def test_another_address_of_the_same_folder_counts_as_internal(tmp_path: Path) -> None:
    """`mkdocs serve` writes its own local address into canonical links and the sitemap."""
    site = _site(tmp_path, home_links='<link rel="canonical" href="http://127.0.0.1:8000/disclosures/a/">'
                                      '<a href="http://127.0.0.1:8000/disclosures/b/">无此页</a>')
    report = linkcheck.check_site(site, SITE_URL, aliases=("http://127.0.0.1:8000/",))
    assert [(b.target, b.reason) for b in report.broken] == [("http://127.0.0.1:8000/disclosures/b/",
                                                              "missing file /disclosures/b/")]
    assert not any(link.startswith("http://127.0.0.1") for link in report.external)


def test_the_same_item_text_in_two_feeds_is_checked_in_both(tmp_path: Path) -> None:
    """A notice's text sits in several feeds and is scanned once: a broken link in it is named in each."""
    site = _site(tmp_path / "site")
    feed = (site / "feed.xml").read_text(encoding="utf-8").replace("#problem-14", "#problem-41")
    for name in ("feed.xml", "rounds/round-1/feed.xml"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(feed, encoding="utf-8")
    for cache in (None, ContentCache(tmp_path / "cache"), ContentCache(tmp_path / "cache")):  # made, then stored
        report = linkcheck.check_site(site, SITE_URL, cache=cache)
        assert sorted((b.source, b.target) for b in report.broken) == [("feed.xml", "#problem-41"),
                                                                        ("rounds/round-1/feed.xml", "#problem-41")]


def test_a_page_is_known_without_the_moment_only_where_it_is_the_status_text() -> None:
    moment = "截至2025年4月28日15:47（本页生成时）"
    page = f'<p><span class="dsc-status__as-of" data-window-as-of>{moment}</span></p>'.encode()
    assert moment_left_out(page, moment) == moment_left_out(page.replace(b"15:47", b"09:05"), moment.replace(
        "15:47", "09:05")) != page
    for elsewhere in (f'<script>var t = "{moment}";</script>', f'<a href="#{moment}">x</a>'):  # may matter there
        other = page + elsewhere.encode()
        assert moment_left_out(other, moment) == other
    assert moment_left_out(page, "") == page


def test_a_page_is_read_once_and_its_stored_scan_is_of_the_bytes_read(tmp_path: Path, monkeypatch) -> None:
    """With the cache warm, the check reads each page once, for its links and its ids alike; the ids come
    from the stored scan of the very bytes read, so an anchor taken out of a page is missed at once."""
    site = _site(tmp_path / "site")
    reads: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (reads.append(self.relative_to(site).as_posix())
                                                          if self.is_relative_to(site) else None) or real(self))
    cache = ContentCache(tmp_path / "cache")
    assert linkcheck.check_site(site, SITE_URL, cache=cache).broken == []  # cold: the scans are made
    reads.clear()
    assert linkcheck.check_site(site, SITE_URL, cache=cache).broken == []
    assert sorted(reads) == ["data/notices.json", "disclosures/a/index.html", "feed.xml", "index.html"], reads
    page = site / "disclosures" / "a" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="problem-14"', 'id="problem-15"'), encoding="utf-8")
    report = linkcheck.check_site(site, SITE_URL, cache=cache)
    assert {(b.source, b.target) for b in report.broken} == {
        ("index.html", "disclosures/a/#problem-14"), ("data/notices.json", "#problem-14"),
        ("feed.xml", "#problem-14")}


def test_a_link_to_a_listed_file_or_folder_is_found_without_asking_the_file_system(tmp_path: Path,
                                                                                       monkeypatch) -> None:
    site = _site(tmp_path / "site")
    checked = linkcheck.BuiltSite(site, SITE_URL)
    monkeypatch.setattr(Path, "is_file", lambda self: pytest.fail(f"asked for {self}"))
    assert checked.file_for("disclosures/a/") == checked.file_for("disclosures/a") == "disclosures/a/index.html"
    assert checked.file_for("") == "index.html" and checked.file_for("assets/site.css") == "assets/site.css"


def test_a_page_the_finishing_pass_has_read_is_not_read_again_and_has_the_same_key(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    """The finishing pass reads every page for its .gz copy; the key it gives a page with the moment left out
    is the link check's own, so the check takes it instead of reading and hashing the page again."""
    from disclosures.publish.finishing import finish_file

    moment = "截至2025年4月28日15:47（本页生成时）"
    site = _site(tmp_path / "site")
    page = site / "disclosures" / "a" / "index.html"
    page.write_text(NOTICE_PAGE.replace("<body>", f'<body><span data-window-as-of>{moment}</span>'), encoding="utf-8")
    pages = ["index.html", "disclosures/a/index.html"]
    read = {path: finish_file(site, path, ContentCache(None), moment, gzipped=False).left_out for path in pages}
    own = linkcheck.BuiltSite(site, SITE_URL, moment=moment)
    assert read == {path: own.digest(path) for path in pages} and read[pages[1]] != hashlib.sha256(
        page.read_bytes()).hexdigest()  # the moment left out
    assert finish_file(site, "assets/site.css", ContentCache(None), moment, gzipped=False).left_out is None
    reads: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or real(self))
    cache = ContentCache(tmp_path / "cache")
    first = linkcheck.check_site(site, SITE_URL, cache=cache, moment=moment)
    reads.clear()
    again = linkcheck.check_site(site, SITE_URL, cache=cache, moment=moment, known=read.get)
    assert again.broken == first.broken and again.checked == first.checked
    assert "index.html" not in reads  # both pages' links and scans came from the cache by the keys given


def test_the_finishing_pass_scans_each_page_ahead_of_the_check_and_the_check_finds_it(tmp_path: Path,
                                                                                     monkeypatch) -> None:
    """The finishing pass reads each page while MkDocs writes the rest, in a process of its own: it scans the
    page for the link check, which then finds each scan in the cache instead of scanning the page itself,
    and reports what it reports without them. A scan the cache holds already is not made again."""
    from disclosures.publish.finishing import finish_file

    moment = "截至2025年4月28日15:47（本页生成时）"
    site = _site(tmp_path / "site", home_links='<a href="disclosures/a/#no-such">x</a>')
    page = site / "disclosures" / "a" / "index.html"
    page.write_text(NOTICE_PAGE.replace("<body>", f'<body><span data-window-as-of>{moment}</span>'), encoding="utf-8")
    pages = ["index.html", "disclosures/a/index.html"]
    unaided = linkcheck.check_site(site, SITE_URL, moment=moment)
    assert [b.target for b in unaided.broken] == ["disclosures/a/#no-such"]
    cache = ContentCache(tmp_path / "cache")
    read = {path: finish_file(site, path, cache, moment, gzipped=False).left_out for path in pages}
    assert all(cache.has("scan", digest) for digest in read.values())
    scanned: list[str] = []
    real = linkcheck.scan_html
    monkeypatch.setattr(linkcheck, "scan_html", lambda text: scanned.append(text) or real(text))
    finish_file(site, pages[1], cache, moment, gzipped=False)  # again: its scan is there already
    finish_file(site, pages[1], ContentCache(None), moment, gzipped=False)  # no cache: no check would see it
    assert scanned == []
    aided = linkcheck.check_site(site, SITE_URL, cache=cache, moment=moment, known=read.get)
    assert scanned == ["<a href=\"#problem-14\">（14）</a>"]  # the feed item's HTML only: no page
    assert (aided.broken, aided.checked, aided.external) == (unaided.broken, unaided.checked, unaided.external)


def test_the_cache_says_whether_it_holds_an_entry_without_reading_it_and_keeps_it(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    digest = hashlib.sha256(b"page").hexdigest()
    assert not cache.has("scan", digest) and not ContentCache(None).has("scan", digest)
    cache.put("scan", b"page", b"{}")
    later = ContentCache(tmp_path / "cache")
    assert later.has("scan", digest) and not later.has("links", digest)
    later.prune()  # what has() found is kept as if it had been read
    assert ContentCache(tmp_path / "cache").get("scan", b"page") == b"{}"


def test_the_scanner_reads_markup_as_a_browser_does_and_lists_each_element_once() -> None:
    """An element with an id and a link is one element (a selector list matches it twice); what a browser does
    not read as markup (comments, script bodies, a title's text) holds no link; of a repeated attribute the
    first counts; srcset gives each candidate's address, and a preconnect names a host, not a document."""
    scan = linkcheck.scan_html(
        '<title>见<a href="/in-title/">x</a></title><!-- <a href="/commented/"> -->'
        '<script>let s = "<a href=\'/in-script/\'>";</script>'
        '<A HREF="/a/" ID="Top" href="/second/">x</A><a name=n1>y</a><div name="not-an-id"></div>'
        '<img srcset="/s1.png 1x, /s2.png 2x" src="/s0.png"><link rel="preconnect" href="https://cdn.example/">'
        '<svg><use xlink:href="#icon"/></svg><a href="/q?x=1&amp;y=2">z</a>')
    assert scan.ids == {"Top", "n1"}
    assert scan.links == ("/a/", "/s0.png", "/s1.png", "/s2.png", "#icon", "/q?x=1&y=2")


_BASES = ["https://example.org/site/disclosures/x/", "https://example.org/site/feed.xml",
          "https://example.org/site/disclosures/x/#problem-1", "https://example.org/site/a/?q=1",
          "https://other.example/page/", "https://example.org/elsewhere/", "https://example.org/site/",
          "https://example.org:8443/site/a/", "https://user@example.org/site/a/", "http://example.org/site/b;p/c",
          "https://example.org/site/a/b/c/d/index.html"]


def _by_urljoin(site: linkcheck.BuiltSite, link: str, base: str) -> tuple[str, ...]:
    """What resolve() gave before its shortcuts: urljoin, then the path under the site and the fragment."""
    absolute = urljoin(base, link.strip())
    path = site.internal_path(absolute)
    if path is None:
        return ("external", absolute) if urlsplit(absolute).scheme in ("http", "https") else ("skip",)
    return ("internal", path, unquote(urlsplit(absolute).fragment))


@fuzz_settings(300)
@given(link=st.text(alphabet=st.sampled_from("#ab%2F中 \t\n/?:.;-_~@"), max_size=14).filter(lambda t: t.strip()),
       anchor=st.booleans(), base=st.sampled_from(_BASES))
def test_a_link_resolves_as_the_address_arithmetic_would(link: str, anchor: bool, base: str) -> None:
    """resolve() takes an anchor in the same file (#fragment) and a plain relative path (../../units/x/) without
    urljoin (most links of a site are one or the other): what it names must be what urljoin and urlsplit
    make of it, for any link and any base."""
    site = linkcheck.BuiltSite(Path("/nonexistent"), "https://example.org/site/")
    link = "#" + link if anchor else link
    assert linkcheck.resolve(site, link, base) == _by_urljoin(site, link, base)
