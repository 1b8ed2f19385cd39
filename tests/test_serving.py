"""Unit tests for the serving rules, the content-hashed names, the .gz copies and the manifest."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosures.cli import check_site
from disclosures.core.cache import ContentCache
from disclosures.publish import assethash, compress, finishing, manifest, serving

# --- Content-Security-Policy -------------------------------------------------------------------------


def test_script_hash_matches_the_csp_specification_example() -> None:
    # The example of the CSP Level 3 specification, computed independently with openssl.
    assert serving.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_scripts_a_browser_runs_inline_are_collected() -> None:
    html = """<head><script>var a = "</p>";</script><script src="x.js"></script>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script type="application/ld+json">{"@type": "Thing"}</script>
    <script type="module">import "./m.js"</script><SCRIPT TYPE="text/javascript">b()</SCRIPT>
    <p onclick="x()">text &amp; <b>bold</b></p></head>"""
    assert serving.inline_scripts(html) == ['var a = "</p>";', 'import "./m.js"', "b()"]
    assert serving.inline_scripts("<script>a()\r\nb()\rc()</script>") == ["a()\nb()\nc()"]
    # A commented-out script does not run; a script's text ends at </script, whatever it holds before that.
    assert serving.inline_scripts("<!-- <script>old()</script> --><script data-x='a>b'>if (a<!--b) c()</script >") \
        == ["if (a<!--b) c()"]
    assert serving.inline_scripts('<script type="text/template"><p></p></script><script src=x.js></script>') == []


def test_the_policy_allows_scripts_only_from_the_site_and_by_hash() -> None:
    policy = serving.content_security_policy(["'sha256-AAAA'", "'sha256-BBBB'"])
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'sha256-AAAA'", "'sha256-BBBB'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["frame-ancestors"] == ["'none'"] and directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"] and directives["default-src"] == ["'self'"]


def test_script_sources_are_one_line_to_extend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serving, "SCRIPT_SOURCES", ("'self'", "'wasm-unsafe-eval'"))
    assert serving.content_security_policy([]).startswith("script-src 'self' 'wasm-unsafe-eval'; ")


@pytest.mark.parametrize(("url", "prefix"), [
    ("https://xczg.example.gov.cn/", "/"), ("https://xczg.example.gov.cn", "/"),
    ("https://www.example.gov.cn/xczg/", "/xczg/"), ("https://www.example.gov.cn/a/b", "/a/b/")])
def test_url_prefix(url: str, prefix: str) -> None:
    assert serving.url_prefix(url) == prefix


def test_nginx_rules_name_the_prefix_and_refuse_what_would_break_the_file() -> None:
    conf = serving.nginx_site_conf("/xczg/", "script-src 'self'")
    assert "error_page 404 /xczg/404.html;" in conf and "location /xczg/ {" in conf
    assert "location ^~ /xczg/_deploy/ {" in conf and "set $disclosures_csp \"script-src 'self'\";" in conf
    with pytest.raises(ValueError):
        serving.nginx_site_conf("/", 'script-src "x"')


# --- content-hashed names ----------------------------------------------------------------------------


def test_hashed_names_follow_the_content() -> None:
    a = assethash.hashed_path("assets/stylesheets/reading.css", b"body{}")
    assert re.fullmatch(r"assets/stylesheets/reading\.[0-9a-f]{8}\.css", a)
    assert assethash.hashed_path("assets/stylesheets/reading.css", b"body{ }") != a
    assert not assethash.is_hashable(a) and assethash.is_hashable("assets/javascripts/reading.js")
    assert not assethash.is_hashable("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not assethash.is_hashable("assets/images/favicon.png")


# --- .gz copies --------------------------------------------------------------------------------------


def test_gzip_copies_are_reproducible_and_carry_no_name_or_time(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "_deploy").mkdir()
    big = "通报正文，".encode() * 400
    (tmp_path / "index.html").write_bytes(big)
    (tmp_path / "assets" / "app.js").write_bytes(b"x" * 1025)
    (tmp_path / "small.css").write_bytes(b"x" * 1024)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" * 600)
    (tmp_path / "_deploy" / "rules.txt").write_bytes(b"x" * 4000)
    finishing.finish_site(tmp_path, "https://example.org/")  # the build's one pass over the finished site
    written = tmp_path.rglob("*.gz")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == ["assets/app.js.gz", "index.html.gz"]
    data = (tmp_path / "index.html.gz").read_bytes()
    assert gzip.decompress(data) == big
    flags, mtime = data[3], int.from_bytes(data[4:8], "little")
    assert flags & 0x08 == 0 and mtime == 0  # no FNAME, no time
    assert compress.gzip_bytes(big) == data
    assert (tmp_path / "index.html.gz").stat().st_mtime_ns == (tmp_path / "index.html").stat().st_mtime_ns



MOMENT = "截至 2026年12月5日 12:00（本页生成时）".encode()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode), st.just(MOMENT)),
                max_size=12), st.sampled_from([MOMENT, b"x", b"\0moment\0"]))
def test_a_copy_cut_at_the_moment_is_one_gzip_stream_of_the_same_bytes(pieces: list[bytes], cut: bytes) -> None:
    """Any text, cut wherever the moment occurs (at the start, the end, twice in a row): one gzip member that
    gzip and zlib (what browsers use) inflate to the text, with the header of an uncut copy."""
    data = b"".join(pieces)
    packed = compress.gzip_bytes(data, cut)
    assert gzip.decompress(packed) == data
    assert zlib.decompress(packed, 31) == data
    assert packed[:10] == compress.gzip_bytes(b"")[:10]


def test_a_new_moment_compresses_the_moment_alone_and_gives_what_a_clean_build_does(tmp_path: Path,
                                                                                    monkeypatch) -> None:
    # After the moment, text that repeats the moment's own words: a part that referred into the moment of the
    # build it was made in would inflate to that moment's words in the next one.
    page = ("<p>第一部分，" * 3000 + "</p><span>{}</span><p>" + "第二部分；2026年12月5日 12:00（本页生成时）" * 900
            + "</p>").encode()
    compressed: list[bytes] = []
    real = compress.deflate_part
    monkeypatch.setattr(compress, "deflate_part", lambda text, window, last: compressed.append(text) or
                        real(text, window, last))
    cache = ContentCache(tmp_path / "cache")
    builds, entries = [], []
    for minute in ("12:00", "12:07"):
        moment = f"截至 2026年12月5日 {minute}（本页生成时）".encode()
        data = page.replace(b"{}", moment)
        (tmp_path / "index.html").write_bytes(data)
        compressed.clear()
        kept = compress.write_gzip(tmp_path / "index.html", data, cache, cut=moment)
        builds.append(list(compressed))
        entries.append(sum(1 for f in (tmp_path / "cache").rglob("*") if f.is_file()))
        assert kept == compress.gzip_bytes(data, moment)  # a clean build's copy (no cache)
        assert gzip.decompress(kept) == data
    assert len(builds[0]) == 3 and builds[1] == ["截至 2026年12月5日 12:07（本页生成时）".encode()]
    assert entries == [2, 2]  # the parts around the moment; a moment is not kept (a new file each build)
    whole = compress.gzip_bytes(data)
    assert len(kept) - len(whole) < 60  # the price of the cuts: the parts still refer back across them



def test_a_part_kept_in_the_middle_of_one_copy_is_not_the_end_of_another(tmp_path: Path) -> None:
    """The last part ends the stream, the others do not: the same text is kept once for each role."""
    cache, moment = ContentCache(tmp_path / "cache"), MOMENT
    shorter = b"head" * 500 + moment + b"middle" * 500
    longer = shorter + moment + b"tail"
    for data in (longer, shorter):
        (tmp_path / "page.html").write_bytes(data)
        assert gzip.decompress(compress.write_gzip(tmp_path / "page.html", data, cache, cut=moment)) == data


def _finished_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    page = "<html><script>var a = 1;</script><p>{}</p><script src=x.js></script></html>"
    (site / "index.html").write_text(page.format("首页，" * 600), encoding="utf-8")
    (site / "small.html").write_text("<script>small()</script>", encoding="utf-8")
    (site / "assets" / "app.js").write_bytes(b"x" * 2000)
    (site / "photo.png").write_bytes(b"\x89PNG" * 600)
    return site


def test_the_finishing_pass_writes_copies_rules_and_a_manifest_of_what_is_on_disk(tmp_path: Path) -> None:
    """One read of each file serves the .gz copies, the CSP and the manifest: what it lists must be what a
    fresh reading of the folder finds, in a new folder and in one a --dirty build left (old .gz and rules)."""
    site = _finished_site(tmp_path)
    finishing.finish_site(site, "https://example.org/xczg/")
    assert manifest.verify(site) == manifest.Differences()
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()
    assert not (site / "small.html.gz").exists() and not (site / "photo.png.gz").exists()
    conf = (site / serving.NGINX_SITE_CONF).read_text(encoding="utf-8")
    for script in ("var a = 1;", "small()"):
        assert serving.script_hash(script) in conf
    assert "location /xczg/" in conf
    (site / "index.html").write_text("<script>changed()</script>" + "正文" * 900, encoding="utf-8")
    (site / "small.html").unlink()
    finishing.finish_site(site, "https://example.org/xczg/")
    assert manifest.verify(site) == manifest.Differences()
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()
    conf = (site / serving.NGINX_SITE_CONF).read_text(encoding="utf-8")
    assert serving.script_hash("changed()") in conf and serving.script_hash("small()") not in conf



def test_a_pass_begun_before_the_search_index_lists_what_a_pass_in_one_go_does(tmp_path: Path) -> None:
    """A build begins the pass while the link check runs, before its search index is moved in (replacing,
    in a --dirty build, the old one): the index's files are read only at finish, as they are then, and the
    rest once. Same manifest, rules and copies as one pass over the finished folder."""
    begun, whole = _finished_site(tmp_path / "a"), _finished_site(tmp_path / "b")
    for site in (begun, whole):  # a --dirty build's folder: the last build's index, about to be replaced
        (site / "pagefind").mkdir()
        (site / "pagefind" / "pagefind.js").write_text("old();" * 400, encoding="utf-8")
    pass_ = finishing.Finishing(begun)
    pass_.begin()
    for site in (begun, whole):
        (site / "pagefind" / "pagefind.js").write_text("new();" * 400, encoding="utf-8")
        (site / "pagefind" / "pagefind-entry.json").write_text('{"v": 1}' * 200, encoding="utf-8")
    pass_.finish("https://example.org/xczg/")
    finishing.finish_site(whole, "https://example.org/xczg/")
    assert manifest.verify(begun) == manifest.Differences()
    assert (begun / manifest.MANIFEST).read_bytes() == (whole / manifest.MANIFEST).read_bytes()
    assert gzip.decompress((begun / "pagefind" / "pagefind.js.gz").read_bytes()).startswith(b"new();")


def _begun_pass(site: Path, pages: int) -> finishing.Finishing:
    """A pass begun on a site of `pages` pages."""
    site.mkdir()
    for i in range(pages):
        (site / f"{i}.html").write_text("<p>正文</p>" * 300, encoding="utf-8")
    pass_ = finishing.Finishing(site)
    pass_.begin()
    return pass_


def test_a_closed_pass_writes_nothing_more(tmp_path: Path) -> None:
    """A build that fails (a broken link) closes the pass before its staging folder is thrown away."""
    site = tmp_path / "site"
    _begun_pass(site, 300).close()
    written = sorted(site.iterdir())
    time.sleep(0.3)
    assert sorted(site.iterdir()) == written and not (site / manifest.MANIFEST).exists()


def test_a_pass_whose_worker_dies_fails_instead_of_waiting_for_ever(tmp_path: Path) -> None:
    """The pass's worker process killed half-way (out of memory, an operator): finish() raises at once."""
    site = tmp_path / "site"
    pass_ = _begun_pass(site, 600)
    assert pass_._worker is not None
    pass_._worker.kill()
    started = time.monotonic()
    with pytest.raises(finishing.FinishingStopped, match="后台进程意外退出"):
        pass_.finish("https://example.org/")
    assert time.monotonic() - started < 10 and not (site / manifest.MANIFEST).exists()


# --- manifest ----------------------------------------------------------------------------------------


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "disclosures" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (site / "disclosures" / "a" / "index.html").write_text("<p>通报</p>", encoding="utf-8")
    (site / "feed.xml").write_text("<rss/>", encoding="utf-8")
    manifest.write_manifest(site)
    return site


def test_manifest_is_sha256sum_format_and_leaves_itself_out(tmp_path: Path) -> None:
    site = _site(tmp_path)
    text = (site / manifest.MANIFEST).read_text(encoding="utf-8")
    assert [line.split("  ")[1] for line in text.splitlines()] == ["disclosures/a/index.html", "feed.xml", "index.html"]
    check = subprocess.run(["sha256sum", "--check", "--quiet", manifest.MANIFEST], cwd=site, capture_output=True)
    assert check.returncode == 0, check.stdout
    assert manifest.verify(site) == manifest.Differences()


def test_verify_names_every_changed_missing_and_added_file(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "feed.xml").write_text("<rss/ ", encoding="utf-8")  # same length, one byte different
    (site / "disclosures" / "a" / "index.html").unlink()
    (site / "disclosures" / "a" / "shell.php").write_text("<?php", encoding="utf-8")
    found = manifest.verify(site)
    assert found == manifest.Differences(changed=("feed.xml",), missing=("disclosures/a/index.html",),
                                         added=("disclosures/a/shell.php",))
    ok, text = check_site(site)
    assert not ok
    assert text.splitlines()[1:] == ["  - 已被改动：feed.xml", "  - 已缺失：disclosures/a/index.html",
                                     "  - 清单中没有（多出的文件）：disclosures/a/shell.php"]
    assert text.startswith("网站文件与清单不符，共 3 处")


def test_verify_names_linked_folders_and_unreadable_files_without_following_them(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text("x", encoding="utf-8")
    (site / "files").symlink_to(tmp_path / "elsewhere")
    (site / "feed.xml").unlink()
    (site / "feed.xml").symlink_to(tmp_path / "elsewhere" / "secret.txt")
    assert manifest.verify(site) == manifest.Differences(changed=("feed.xml",), added=("files",))


def test_verify_with_a_manifest_kept_elsewhere_and_a_damaged_one(tmp_path: Path) -> None:
    site = _site(tmp_path)
    kept = tmp_path / "kept.sha256"
    kept.write_bytes((site / manifest.MANIFEST).read_bytes())
    assert check_site(site, kept)[0]
    (site / manifest.MANIFEST).write_text("not a manifest\n", encoding="utf-8")
    assert check_site(site) == (False, f"清单 {site / manifest.MANIFEST} 第 1 行格式不对，应为“SHA-256 值、两个空格、"
                                       "文件路径”。清单可能已被改动。（manifest damaged）")
    assert check_site(site, kept)[0]  # the copy still vouches for the site
    assert not check_site(site, tmp_path / "nowhere.sha256")[0]


def test_verify_command_exit_status(tmp_path: Path) -> None:
    site = _site(tmp_path)
    run = [sys.executable, "-m", "disclosures", "verify", str(site)]
    good = subprocess.run(run, capture_output=True, text=True)
    assert (good.returncode, good.stdout.startswith("网站文件与清单一致：3 个文件")) == (0, True)
    (site / "index.html").write_text("<p>首页！</p>", encoding="utf-8")
    bad = subprocess.run(run, capture_output=True, text=True)
    assert bad.returncode == 1 and "已被改动：index.html" in bad.stderr


def test_a_gz_copy_is_linked_only_for_the_published_file_itself_and_its_very_copy(tmp_path: Path) -> None:
    """A feed linked from the published site (assetspill.py) takes that site's .gz copy too, by link, when it
    holds the bytes this build's copy has; else the copy is written, with its file's time."""
    published, site = tmp_path / "site", tmp_path / "staging"
    published.mkdir()
    site.mkdir()
    text = "通报正文，".encode() * 400
    for name in ("feed.xml", "copied.xml", "stale.xml"):
        (published / name).write_bytes(text)
        finishing.finish_file(published, name, ContentCache(None), "", True)
    (published / "stale.xml.gz").write_bytes(compress.gzip_bytes(text + b" "))  # not this build's copy
    os.link(published / "feed.xml", site / "feed.xml")
    os.link(published / "stale.xml", site / "stale.xml")
    (site / "copied.xml").write_bytes(text)  # the same bytes, another file (its own time)
    for name in ("feed.xml", "copied.xml", "stale.xml"):
        finishing.finish_file(site, name, ContentCache(None), "", True, published)
    assert os.path.samefile(site / "feed.xml.gz", published / "feed.xml.gz")
    for name in ("copied.xml", "stale.xml"):
        assert not os.path.samefile(site / f"{name}.gz", published / f"{name}.gz")
        assert (site / f"{name}.gz").read_bytes() == compress.gzip_bytes(text)
        assert (site / f"{name}.gz").stat().st_mtime_ns == (site / name).stat().st_mtime_ns
    assert (published / "stale.xml.gz").read_bytes() == compress.gzip_bytes(text + b" ")
