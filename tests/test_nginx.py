"""The built site served by nginx with the production rules (scripts/serve-nginx), and the production
configuration checked by `nginx -t`.

nginx only ever listens on 127.0.0.1, on a free port, and is stopped at the end of each fixture.
"""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import lxml.html
import pytest

from disclosures.cli import check_site
from disclosures.publish import manifest, serving
from tests.conftest import PORTAL_PAGE_KINDS, REAL_ID, ROOT, Build, build_with

SERVE = ROOT / "scripts" / "serve-nginx"
SUB_PATH = "/xczg/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _started(process: subprocess.Popen, port: int) -> str:
    """"" once nginx answers on port; else why not (it stopped, or another test's server took the port
    between free_port() and nginx's bind: the tests run in parallel)."""
    deadline = time.monotonic() + 15
    while not _listening(port):
        if process.poll() is not None:
            return f"serve-nginx stopped: {process.communicate()[1]}"
        assert time.monotonic() < deadline, "nginx did not start"
        time.sleep(0.05)
    try:
        server = get(port, "/")[0].getheader("Server")
    except OSError as error:
        return f"port {port}: {error!r}"
    return "" if server == "nginx" and process.poll() is None else f"port {port} answered as {server!r}"


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.communicate(timeout=15)


@contextmanager
def nginx(site: Path) -> Iterator[int]:
    """scripts/serve-nginx on a free loopback port; the port, while it runs."""
    failures = []
    for _ in range(3):
        port = free_port()
        process = subprocess.Popen([str(SERVE), str(site), str(port)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        failure = _started(process, port)
        if not failure:
            break
        _stop(process)
        failures.append(failure)
    else:
        raise AssertionError(f"nginx did not start: {failures}")
    try:
        yield port
    finally:
        _stop(process)
    assert not _listening(port), "nginx still running"


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def policy(response: http.client.HTTPResponse) -> dict[str, list[str]]:
    value = response.getheader("Content-Security-Policy") or ""
    return {part.split()[0]: part.split()[1:] for part in value.split("; ") if part}


def assert_security_headers(response: http.client.HTTPResponse) -> None:
    csp = policy(response)
    # 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; nothing else unsafe, no inline script but by hash.
    assert csp["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(s.startswith("'sha256-") for s in csp["script-src"][2:])
    assert not any("unsafe" in source for sources in csp.values() for source in sources if source != "'wasm-unsafe-eval'")
    assert (csp["connect-src"], csp["worker-src"]) == (["'self'"], ["'self'"])
    assert (csp["frame-ancestors"], csp["object-src"], csp["base-uri"]) == (["'none'"], ["'none'"], ["'none'"])
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert response.getheader("Server") == "nginx"  # no version
    assert response.getheader("Strict-Transport-Security") is None  # plain HTTP: only the TLS server sends it


@pytest.fixture(scope="module")
def served(real_site: Build) -> Iterator[int]:
    with nginx(real_site.site) as port:
        yield port


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's data published under a path: url https://www.example.gov.cn/xczg/."""
    data = tmp_path_factory.mktemp("sub-data") / "data"
    shutil.copytree(ROOT / "data", data)
    site_yml = data / "site.yml"
    text, count = re.subn(r"(?m)^url: .*$", f"url: https://www.example.gov.cn{SUB_PATH}", site_yml.read_text("utf-8"))
    assert count == 1
    site_yml.write_text(text, encoding="utf-8")
    build = build_with(tmp_path_factory.mktemp("sub"), data)
    assert build.ok, build.result.stderr
    return build


# --- HTTP -------------------------------------------------------------------------------------------


@pytest.mark.build
def test_html_is_sent_with_the_security_headers_and_revalidated(served: int) -> None:
    for path in ("/", f"/disclosures/{REAL_ID}/", "/feedback/"):
        response, body = get(served, path)
        assert response.status == 200, path
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert response.getheader("Cache-Control") == "no-cache"
        assert_security_headers(response)
        assert b"<html" in body


@pytest.mark.build
def test_every_inline_script_of_a_page_is_allowed_by_hash(served: int, real_site: Build) -> None:
    response, body = get(served, f"/disclosures/{REAL_ID}/")
    scripts = serving.inline_scripts(body.decode("utf-8"))
    assert len(scripts) >= 3  # Material's scope, palette and tab scripts
    assert {serving.script_hash(s) for s in scripts} <= set(policy(response)["script-src"])


@pytest.mark.build
def test_the_largest_script_is_sent_gzipped(served: int, real_site: Build) -> None:
    largest = max(real_site.site.rglob("*.js"), key=lambda p: p.stat().st_size)
    path = "/" + largest.relative_to(real_site.site).as_posix()
    response, body = get(served, path, {"Accept-Encoding": "gzip"})
    assert response.status == 200 and response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert gzip.decompress(body) == largest.read_bytes() and len(body) < largest.stat().st_size / 2
    plain, plain_body = get(served, path)
    assert plain.getheader("Content-Encoding") is None and plain_body == largest.read_bytes()


@pytest.mark.build
def test_hashed_assets_are_cached_for_a_year_and_others_revalidated(served: int) -> None:
    _, body = get(served, "/")
    page = lxml.html.fromstring(body)
    assets = [*page.xpath("//link[@rel='stylesheet']/@href"), *page.xpath("//script/@src")]
    assert len(assets) >= 8
    for asset in assets:
        assert re.search(r"\.[0-9a-f]{8}(\.min)?\.(css|js)$", asset), asset  # ours are hashed too
        response, _ = get(served, "/" + asset)
        assert response.status == 200, asset
        assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable", asset
        assert_security_headers(response)
    response, _ = get(served, "/pagefind/pagefind.js")  # Pagefind's entry point keeps its name: revalidated
    assert response.status == 200 and response.getheader("Cache-Control") == "no-cache"
    assert_security_headers(response)


@pytest.mark.build
def test_a_slashless_address_redirects_relatively(served: int) -> None:
    response, _ = get(served, "/feedback", {"Host": "attacker.example"})
    assert response.status == 301
    assert response.getheader("Location") == "/feedback/"


@pytest.mark.build
def test_a_missing_page_is_a_404_with_the_site_404_page(served: int) -> None:
    for path in ("/no-such-page/", "/disclosures/no-such-notice/", "/_deploy/manifest.sha256",
                 "/_deploy/nginx-site.conf"):
        response, body = get(served, path)
        assert response.status == 404, path
        assert "404 - Not found" in body.decode("utf-8"), path
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert_security_headers(response)


@pytest.mark.build
def test_types_and_charset(served: int) -> None:
    expected = {
        "/feed.xml": "application/rss+xml; charset=utf-8",
        "/feed.json": "application/feed+json; charset=utf-8",
        "/sitemap.xml": "text/xml; charset=utf-8",
        "/data/notices.json": "application/json; charset=utf-8",
        f"/data/notices/{REAL_ID}.json": "application/json; charset=utf-8",
        f"/data/notices/{REAL_ID}.yml": "application/yaml; charset=utf-8",
    }
    found = {path: get(served, path)[0].getheader("Content-Type") for path in expected}
    assert found == expected


@pytest.mark.build
def test_a_sub_path_deployment_serves_its_404_page_and_redirects(sub_path_site: Build) -> None:
    with nginx(sub_path_site.site) as port:
        response, body = get(port, f"{SUB_PATH}no-such-page/")
        assert response.status == 404
        page = lxml.html.fromstring(body)
        stylesheets = page.xpath("//link[@rel='stylesheet']/@href")
        assert stylesheets and all(href.startswith(f"{SUB_PATH}assets/") for href in stylesheets)
        assert all(get(port, href)[0].status == 200 for href in stylesheets)
        assert get(port, f"{SUB_PATH}feedback")[0].getheader("Location") == f"{SUB_PATH}feedback/"
        assert get(port, f"{SUB_PATH}feed.xml")[0].getheader("Content-Type") == "application/rss+xml; charset=utf-8"


# --- in Chromium, under the policy -----------------------------------------------------------------

_WATCH = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__problems.push(`CSP ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def _watched_page(browser):
    """A new page that records CSP violations (window.__problems), console errors and page errors."""
    context = browser.new_context()
    context.add_init_script(_WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    return context, page, errors


@pytest.mark.browser
@pytest.mark.build
def test_pages_and_search_run_under_the_policy_without_errors(browser, served: int) -> None:
    base = f"http://127.0.0.1:{served}/"
    context, page, errors = _watched_page(browser)
    violations: list[str] = []
    # The notice page carries its 在手机上打开 QR code, the poster page two more (inline SVG, no style attributes).
    for path, codes in (("", 0), (f"disclosures/{REAL_ID}/", 1), (f"disclosures/{REAL_ID}/poster/", 2),
                        ("feedback/", 0)):
        response = page.goto(base + path)
        assert response is not None and response.status == 200
        page.wait_for_load_state("networkidle")
        assert page.locator(".dsc-text-size").count() == 1  # our scripts ran
        assert page.locator("svg.dsc-qr").count() == codes, path
        violations += page.evaluate("window.__problems")
    # Pagefind (script, WebAssembly, index) loads on the header box's first focus; insert_text fires input events.
    page.click("#dsc-search-box")
    page.wait_for_selector("form[data-dsc-search=header][data-ready]", state="attached")
    page.keyboard.insert_text("电话")
    page.wait_for_selector("#dsc-search-panel [data-search-result]")
    assert page.locator("#dsc-search-panel [data-search-result]").count() >= 1
    violations += page.evaluate("window.__problems")
    assert (violations, errors) == ([], [])
    # The watch works and the policy is enforced: an inline script added now is refused and reported.
    page.evaluate("""() => { const s = document.createElement("script");
                             s.textContent = "window.__ran = true"; document.head.append(s); }""")
    page.wait_for_function("window.__problems.length > 0")
    assert page.evaluate("window.__ran") is None
    context.close()


@pytest.mark.browser
@pytest.mark.build
def test_every_portal_page_kind_runs_under_the_policy_without_errors(browser, portal_site: Build) -> None:
    """The list, feedback and notice pages of a portal, and its guard against sitemap fetches, under the policy."""
    with nginx(portal_site.site) as port:
        base = f"http://127.0.0.1:{port}/"
        context, page, errors = _watched_page(browser)
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        violations: list[str] = []
        for path in PORTAL_PAGE_KINDS:
            response = page.goto(base + path)
            assert response is not None and response.status == 200, path
            assert "script-src" in response.headers.get("content-security-policy", ""), path
            page.wait_for_load_state("networkidle")
            assert page.locator(".dsc-text-size").count() == 1, path  # our scripts ran
            violations += page.evaluate("window.__problems")
        context.close()
    assert (violations, errors) == ([], [])
    assert any("/no-feed-sitemap." in url for url in fetched)
    assert not [url for url in fetched if url.endswith("sitemap.xml")]


# --- tamper evidence and the production configuration -------------------------------------------


@pytest.mark.build
def test_verify_passes_on_a_fresh_build_and_names_a_file_changed_by_one_byte(real_site: Build, tmp_path: Path) -> None:
    assert check_site(real_site.site)[0]
    deployed = tmp_path / "deployed"
    shutil.copytree(real_site.site, deployed)
    target = deployed / "disclosures" / REAL_ID / "index.html"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    ok, text = check_site(deployed)
    assert not ok
    assert text.splitlines()[1:] == [f"  - 已被改动：disclosures/{REAL_ID}/index.html"]


@pytest.mark.build
def test_every_text_file_over_1_kib_has_a_gzip_copy(real_site: Build) -> None:
    site = real_site.site
    texts = [p for p in site.rglob("*") if p.suffix in {".html", ".css", ".js", ".json", ".xml", ".yml"}
             and p.stat().st_size > 1024 and not p.relative_to(site).as_posix().startswith("_deploy/")]
    assert len(texts) > 10
    assert [p for p in texts if not p.with_name(p.name + ".gz").is_file()] == []
    entries = manifest.parse_manifest((site / manifest.MANIFEST).read_text("utf-8"))
    assert set(entries) == set(manifest.site_files(site))


def _production(tmp_path: Path, rules: Path, replace: bool = True) -> subprocess.CompletedProcess[str]:
    (tmp_path / "logs").mkdir(parents=True)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=xczg.example.gov.cn", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem")], check=True, capture_output=True)
    conf = (ROOT / "deploy" / "nginx" / "production.conf").read_text(encoding="utf-8")
    conf = conf.replace("/var/log/nginx/", f"{tmp_path}/logs/")
    if replace:
        for placeholder, value in {"__HOST__": "xczg.example.gov.cn", "__CERT__": tmp_path / "cert.pem",
                                   "__KEY__": tmp_path / "key.pem", "__SITE__": rules.parent.parent,
                                   "__ROOT__": rules.parent.parent}.items():
            conf = conf.replace(placeholder, str(value))
        assert not re.search(r"__[A-Z]+__", conf)
    (tmp_path / "production.conf").write_text(conf, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n include {tmp_path}/production.conf;\n}}\n", encoding="utf-8")
    return subprocess.run(["nginx", "-t", "-e", "stderr", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                          capture_output=True, text=True)


@pytest.mark.build
def test_the_production_configuration_passes_nginx_t(real_site: Build, tmp_path: Path) -> None:
    rules = real_site.site / serving.NGINX_SITE_CONF
    result = _production(tmp_path / "filled", rules)
    assert result.returncode == 0 and "test is successful" in result.stderr, result.stderr
    unfilled = _production(tmp_path / "unfilled", rules, replace=False)
    assert unfilled.returncode != 0 and re.search(r"__[A-Z]+__", unfilled.stderr), unfilled.stderr


@pytest.mark.browser
@pytest.mark.build
def test_the_404_page_under_a_sub_path_is_styled_and_runs_without_errors(browser, sub_path_site: Build) -> None:
    with nginx(sub_path_site.site) as port:
        context = browser.new_context()
        context.add_init_script(_WATCH)
        page = context.new_page()
        missing = f"http://127.0.0.1:{port}{SUB_PATH}disclosures/no-such-notice/"
        errors: list[str] = []
        # Chromium reports the 404 of the page itself as a console error: only that one is expected.
        page.on("console", lambda m: errors.append(f"{m.text} {m.location}")
                if m.type == "error" and m.location.get("url") != missing else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(missing)
        assert response is not None and response.status == 404
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text() == "404 - Not found"
        # Material's stylesheet applied (its header is fixed at the top), and our scripts ran.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        assert page.locator(".dsc-text-size").count() == 1
        assert (page.evaluate("window.__problems"), errors) == ([], [])
        context.close()
