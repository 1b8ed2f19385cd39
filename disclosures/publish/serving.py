"""How a web server must serve the built site: security headers, cache lifetimes, types, the 404 page.

The build writes these rules as an nginx include file, `_deploy/nginx-site.conf`, into the site it
built (deploy/nginx/production.conf and scripts/serve-nginx include it). The Content-Security-Policy
allows exactly the inline scripts the pages hold: Material's differ with its version and with each
page's depth, so their SHA-256 hashes are taken from the pages as built, never written by hand.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from disclosures.publish import manifest
from disclosures.publish.assethash import HASHED_NAME
from disclosures.publish.htmlscan import attributes

NGINX_SITE_CONF = "_deploy/nginx-site.conf"
DEPLOY_FOLDER = manifest.MANIFEST.split("/")[0]  # never served: the rules and the manifest are for the server's operator

# Sources allowed for scripts besides the hashed inline ones. The search engine is compiled to WebAssembly
# (Pagefind, search.py), which needs "'wasm-unsafe-eval'"; never 'unsafe-inline' or 'unsafe-eval'.
SCRIPT_SOURCES: tuple[str, ...] = ("'self'", "'wasm-unsafe-eval'")

# Every directive except script-src, which is built from SCRIPT_SOURCES and the pages' hashes.
POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's icons in CSS are data: SVGs
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # Pagefind fetches its index, fragments and WebAssembly
    ("worker-src", "'self'"),  # should Pagefind run in a worker: only scripts of the site itself
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

# Sent with every response. HSTS comes from the server block ($disclosures_hsts): HTTPS only.
HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers without CSP level 2
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)

NO_CACHE = "no-cache"  # HTML and unhashed files: always revalidated (a cheap 304), so updates show at once
IMMUTABLE = "public, max-age=31536000, immutable"  # hashed names never change content

# Types nginx's mime.types lacks or gets too vague for these files; all are sent with charset=utf-8.
EXACT_TYPES = (("feed.xml", "application/rss+xml"), ("feed.json", "application/feed+json"))
YAML_TYPE = "application/yaml"  # RFC 9512
CHARSET_TYPES = ("text/css", "text/plain", "text/xml", "application/xml", "application/javascript",
                 "application/json", "application/rss+xml", "application/feed+json", YAML_TYPE, "image/svg+xml")

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


# A regular scanner, not html.parser: at 1,000 notices the site has 3,000 pages (600 MB), which html.parser
# took over 20 s to read. Comments are skipped; a script's text ends at the first </script, as in HTML.
_SCRIPT = re.compile(r"<!--.*?-->|<script\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script(?=[\s/>])", re.S | re.I)


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script a browser would run (not JSON data blocks, not src= scripts)."""
    scripts = []
    for found in _SCRIPT.finditer(page):
        if found.group(2) is None:
            continue  # a comment
        values = attributes(found.group(1))
        if values.get("type", "").strip().lower() in _EXECUTABLE_TYPES and "src" not in values:
            # Browsers hash the text after HTML's newline normalisation (CR LF and CR become LF).
            scripts.append(found.group(2).replace("\r\n", "\n").replace("\r", "\n"))
    return scripts


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script_hashes: list[str]) -> str:
    directives = [("script-src", " ".join((*SCRIPT_SOURCES, *script_hashes))), *POLICY]
    return "; ".join(f"{name} {value}" for name, value in directives)


def url_prefix(site_url: str) -> str:
    """The path the site is served under, with slashes at both ends: "/" or "/xczg/"."""
    path = urlsplit(site_url).path.strip("/")
    return f"/{path}/" if path else "/"


def _nginx_string(value: str) -> str:
    if any(c in value for c in '"\\$\n'):
        raise ValueError(f"not allowed in an nginx string: {value!r}")
    return f'"{value}"'


def _headers(cache: str, indent: str) -> str:
    out = [f"{indent}add_header {name} {_nginx_string(value)} always;" for name, value in (*HEADERS, ("Cache-Control", cache))]
    out.append(f"{indent}add_header Content-Security-Policy $disclosures_csp always;")
    out.append(f"{indent}add_header Strict-Transport-Security $disclosures_hsts always;")
    return "\n".join(out)


def nginx_site_conf(prefix: str, csp: str) -> str:
    """The nginx rules for a site served under prefix, to include in a server block.

    add_header in a location drops every add_header of the levels above, so each location repeats
    all headers (it is generated, so that costs nothing).
    """
    inner = "        "
    exact = "\n".join(
        f"    location = {prefix}{name} {{\n{inner}types {{ }}\n{inner}default_type {mime};\n"
        f"{_headers(NO_CACHE, inner)}\n    }}"
        for name, mime in EXACT_TYPES)
    return f"""# Generated by the build (disclosures/serving.py) from the pages as built. Do not edit: rebuild.
# Include it in a server block whose root serves this folder at {prefix} and which sets
# $disclosures_hsts (the Strict-Transport-Security value over HTTPS, "" over plain HTTP).
server_tokens off;
absolute_redirect off;
autoindex off;
index index.html;
set $disclosures_csp {_nginx_string(csp)};
charset utf-8;
charset_types {" ".join(CHARSET_TYPES)};
gzip_static on;
gzip_vary on;
error_page 404 {prefix}404.html;

location {prefix} {{
{_headers(NO_CACHE, "    ")}

    location ~ "{HASHED_NAME}" {{
{_headers(IMMUTABLE, inner)}
    }}
    location ~ \\.ya?ml$ {{
{inner}types {{ }}
{inner}default_type {YAML_TYPE};
{_headers(NO_CACHE, inner)}
    }}
{exact}
    location ^~ {prefix}{DEPLOY_FOLDER}/ {{
        return 404;
    }}
}}
"""
