"""The editor's local server (`disclosures edit`): the bundled editor, its generated form, and the check.

It listens on 127.0.0.1 only and writes nothing: the browser reads and writes the notice files itself
(the File System Access API), so the server is never a way to change a file. Still, a web page from
anywhere could aim a request at it (DNS rebinding, a form posted from another site): every request whose
Host is not this address is refused, and so is every POST whose Origin is not this page. Pages get a
Content-Security-Policy that lets them load and fetch nothing from any other address.
"""

from __future__ import annotations

import json
import mimetypes
import os
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from disclosures.core import texts
from disclosures.core.cache import ContentCache, cache_for
from disclosures.editor.check import SLUG, check_notice
from disclosures.editor.formconfig import form_config

HOST = "127.0.0.1"
_REPOSITORY = Path(__file__).resolve().parents[2]
MAX_BODY = 8 * 1024 * 1024  # a notice is some 100 KB of JSON
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' blob: data:; font-src 'self' data:; connect-src 'self' blob: data:; "
       "worker-src 'self' blob:; frame-src 'self' blob:; base-uri 'self'; form-action 'none'; "
       "frame-ancestors 'none'")


def bundle_folder() -> Path:
    """The bundled editor (editor/build.mjs writes it; scripts/setup --editor runs that)."""
    return _REPOSITORY / "editor" / "dist"


class EditorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, project: Path, bundle: Path, port: int = 0):
        self.project = project  # the folder holding data/ and schema/
        self.bundle = bundle  # editor/dist
        # The build's cache, and its records kept in this process: a check reads only the changed notice.
        self.records: dict[Path, object] = {}
        super().__init__((HOST, port), _Handler)

    def cache(self) -> ContentCache:
        return cache_for(self.project, os.environ, self.records)

    @property
    def origins(self) -> tuple[str, ...]:
        port = self.server_address[1]
        return f"http://{HOST}:{port}", f"http://localhost:{port}"

    @property
    def url(self) -> str:
        return self.origins[0] + "/"


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # the clerk's terminal shows the start message only

    def _local(self) -> bool:
        host = self.headers.get("Host", "")
        if f"http://{host}" not in self.server.origins:
            self._send(HTTPStatus.FORBIDDEN, texts.EDITOR_FOREIGN_REQUEST.encode(), "text/plain; charset=utf-8")
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if not self._local():
            return
        path = urlsplit(self.path).path
        if path == "/config.json":
            self._json(form_config(self.server.project / "schema"))
        elif path == "/texts.json":
            self._json(texts.script_texts(texts.EDITOR_SCRIPT_TEXTS))
        else:
            self._file(path)

    def do_POST(self) -> None:  # noqa: N802
        if not self._local():
            return
        if self.headers.get("Origin") not in self.server.origins:
            self._send(HTTPStatus.FORBIDDEN, texts.EDITOR_FOREIGN_REQUEST.encode(), "text/plain; charset=utf-8")
            return
        if urlsplit(self.path).path != "/check":
            self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            if not 0 < length <= MAX_BODY:
                raise ValueError(length)
            asked = json.loads(self.rfile.read(length))
            slug, data = asked["slug"], asked.get("data")
            if not isinstance(slug, str) or not SLUG.match(slug) or not (data is None or isinstance(data, dict)):
                raise ValueError(slug)
        except (ValueError, KeyError, TypeError):
            self._send(HTTPStatus.BAD_REQUEST, b"", "text/plain")
            return
        cache = self.server.cache()
        self._json(check_notice(self.server.project / "data", slug, data, cache))
        cache.keep_used_records()  # the records of this check only: earlier versions of the notice go

    def _file(self, path: str) -> None:
        root = self.server.bundle.resolve()
        target = (root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(root) or not target.is_file() or target.name.startswith("."):
            self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")  # /cdn/…: what the bundle may not fetch
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind == "application/javascript":
            kind += "; charset=utf-8"
        self._send(HTTPStatus.OK, target.read_bytes(), kind)

    def _json(self, value: object) -> None:
        self._send(HTTPStatus.OK, json.dumps(value, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
