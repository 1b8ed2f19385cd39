"""The finishing pass over a built site: one read of each file for its digest (the manifest), its inline
scripts (the CSP of the server rules, serving.py) and its .gz copy, in a worker process.

Finishing sends the files in batches to a plain child process (`python -m disclosures.publish.finishing
BUILD_PID`, which the kernel ends with the build: core/processes.py), not one made by multiprocessing: its spawn and forkserver import the build's __main__ again (a
script without a main guard would build again, inside the build), and a fork would copy the locks the
build's other threads hold. Messages both ways are pickles, each after its length (core/processes.py's
frames): in, (site, cache folder and code version or None, moment, the published site or None, [(path,
gzipped), …]); out, ("ok", {path: what was read}, cache entries used) or ("error", the exception).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from disclosures.core import texts
from disclosures.core.cache import ContentCache
from disclosures.core.errors import ProjectError
from disclosures.core.processes import dying_with_parent, receive, send
from disclosures.core.urls import PAGEFIND_DIR
from disclosures.publish import compress, linkcheck, manifest
from disclosures.publish.htmlscan import moment_left_out
from disclosures.publish.serving import (DEPLOY_FOLDER, NGINX_SITE_CONF, content_security_policy, inline_scripts,
                                         nginx_site_conf, script_hash, url_prefix)

class FinishingStopped(ProjectError):
    """The worker process ended before it answered (killed, out of memory)."""


@dataclass(frozen=True)
class _Read:
    """What the finishing pass took from one file of the site."""

    digests: dict[str, str]  # for the manifest: the file's, and its .gz copy's if one was written
    scripts: frozenset[str]  # CSP hashes of an HTML page's inline scripts
    left_out: str | None = None  # an HTML page's SHA-256 with the moment left out: the link check's key of it


def finish_file(site: Path, path: str, cache: ContentCache, moment: str, gzipped: bool,
                published: Path | None = None) -> _Read:
    """Read one file of the site once: its digest, its inline scripts (HTML) and (gzipped) its .gz copy.
    published: the site this one replaces (its .gz copies of the files both share are linked, not written)."""
    file = site / path
    if file.is_symlink():  # by the text it points to (manifest.file_sha256): never followed for the rest
        return _Read({path: manifest.file_sha256(file)}, frozenset())
    data = file.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    digests = {path: digest}
    scripts: frozenset[str] = frozenset()
    left_out: str | None = None
    if path.endswith(".html"):
        # A page whose bytes an earlier build scanned, but for the build's moment outside any script, is not
        # scanned again.
        key = moment_left_out(data, moment)  # the page itself (whose digest is known) when it holds no moment
        found = cache.get_or_make_json("scripts", key, lambda _: inline_scripts(data.decode("utf-8")),
                                       digest if key is data else None)
        scripts = frozenset(script_hash(s) for s in found)
        left_out = digest if key is data else hashlib.sha256(key).hexdigest()
        linkcheck.scan_ahead(cache, data, left_out)
    if gzipped:
        packed = compress.write_gzip(file, data, cache, digest, moment.encode("utf-8"),
                                     published / path if published is not None else None)
        digests[path + ".gz"] = hashlib.sha256(packed).hexdigest()
    return _Read(digests, scripts, left_out)


def finish_site(site: Path, site_url: str, cache: ContentCache | None = None, moment: str = "") -> None:
    """Everything a server needs beside the pages: the .gz copies, the rules (their CSP from the pages' inline
    scripts) and the manifest, which covers all and is written last (Finishing, in one go)."""
    Finishing(site, cache, moment).finish(site_url)


class Finishing:
    """The finishing pass: one read of each file of the site for all three (reading the site three times
    cost a second of every build at 1,000 notices), in a worker process, in batches. In threads of the
    build's process it took four times as long as alone: each of its many small reads and writes gave up
    the GIL, and got it back only after the build's own Python work had run its turn.

    A build begins it (begin) as soon as every file but the search index is in place, and it reads them
    while the link check runs in the build's own thread; finish() then reads what came after (the index),
    waits for all and writes the rules and the manifest. No file may change once begun. close() stops the
    pass (a build that fails).
    """

    BATCH = 64  # files a message: few round trips, and a short wait when the pass is closed
    IN_FLIGHT = 2  # batches sent ahead, so the worker never waits for the next

    def __init__(self, site: Path, cache: ContentCache | None = None, moment: str = "",
                 published: Path | None = None) -> None:
        """published: the site this one replaces, if any (finish_file)."""
        self.site, self.cache, self.moment, self.published = site, cache or ContentCache(None), moment, published
        folder = self.cache.folder
        self._cache_at = (folder.parent, folder.name) if folder is not None else None
        self._begun: dict[str, Future[dict[str, _Read]]] = {}
        self._waiting: deque[tuple[list[tuple[str, bool]], Future[dict[str, _Read]]]] = deque()
        self._sent: deque[Future[dict[str, _Read]]] = deque()
        self._lock = threading.Lock()
        self._closed = False
        self._ended: FinishingStopped | None = None  # set once the worker's answers have ended
        self._worker: subprocess.Popen | None = None
        self._answers: threading.Thread | None = None

    def begin(self, paths: Iterable[str] | None = None) -> None:
        """Read these files of the site (their final bytes), or all now in the folder but the search index's
        (pagefind/: moved in, or replaced in a --dirty build, after the link check)."""
        self._submit({path: gzipped for path, gzipped in self._todo(paths).items()
                      if not path.startswith(PAGEFIND_DIR + "/")})

    def left_out(self, path: str) -> str | None:
        """The SHA-256 of an HTML page with the moment left out, if the pass has read the page by now (the link
        check's key of it: read and hashed once for both, BuiltSite.digest); None otherwise."""
        future = self._begun.get(path)
        if future is None or not future.done() or future.cancelled() or future.exception() is not None:
            return None
        read = future.result().get(path)
        return read.left_out if read is not None else None

    def finish(self, site_url: str) -> None:
        """Read what is not read yet, then write the rules and the manifest (OSError: a full disk)."""
        try:
            todo = self._todo()
            self._submit(todo)
            read: dict[str, _Read] = {}
            for future in {id(f): f for f in (self._begun[path] for path in todo)}.values():
                read.update(future.result())
        finally:
            self.close()
        entries: dict[str, str] = {}
        hashes: set[str] = set()
        for path in todo:
            entries.update(read[path].digests)
            hashes.update(read[path].scripts)
        conf = self.site / NGINX_SITE_CONF
        conf.parent.mkdir(parents=True, exist_ok=True)
        text = nginx_site_conf(url_prefix(site_url), content_security_policy(sorted(hashes)))
        conf.write_text(text, encoding="utf-8", newline="\n")
        entries[NGINX_SITE_CONF] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        manifest.write_manifest(self.site, entries)

    def close(self) -> None:
        """Stop: what has not been sent is not read, and what has is waited for (nothing writes afterwards)."""
        with self._lock:
            self._closed = True
            while self._waiting:
                self._waiting.popleft()[1].cancel()
            worker, answers = self._worker, self._answers
        if worker is not None and answers is not None:
            assert worker.stdin is not None
            worker.stdin.close()  # the worker ends once it has answered what was sent
            answers.join()
            worker.wait()

    def _todo(self, paths: Iterable[str] | None = None) -> dict[str, bool]:
        """Each file of the site (or these) to read, and whether it gets a .gz copy."""
        site = self.site
        paths = manifest.site_files(site) if paths is None else list(paths)
        gzipped = {p for p in paths if not p.startswith(DEPLOY_FOLDER + "/") and not (site / p).is_symlink()
                   and compress.wants_gzip(site / p)}
        # A .gz copy about to be written (one a --dirty build left) is not read: its digest is the new copy's.
        return {p: p in gzipped for p in paths if not (p.endswith(".gz") and p[:-3] in gzipped)}

    def _submit(self, todo: dict[str, bool]) -> None:
        new = [(path, gzipped) for path, gzipped in todo.items() if path not in self._begun]
        with self._lock:
            if self._closed:
                raise RuntimeError("the finishing pass was closed")
            for at in range(0, len(new), self.BATCH):
                batch, future = new[at:at + self.BATCH], Future()
                self._waiting.append((batch, future))
                for path, _ in batch:
                    self._begun[path] = future
            self._send()

    def _send(self) -> None:
        """Send batches while fewer than IN_FLIGHT are out (under the lock); the worker is started first."""
        if self._worker is None and self._waiting:
            # Ends with the build (a killed build leaves no worker writing into its staging folder); the
            # build's process id names its build in a list of processes.
            command = dying_with_parent([sys.executable, "-m", __name__, str(os.getpid())])
            self._worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self._answers = threading.Thread(target=self._read_answers, name="finishing", daemon=True)
            self._answers.start()
        assert self._worker is not None or not self._waiting
        while self._waiting and len(self._sent) < self.IN_FLIGHT:
            batch, future = self._waiting.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            assert self._worker is not None and self._worker.stdin is not None
            if self._ended is not None:  # the worker is gone, and its answers with it
                future.set_exception(self._ended)
                continue
            try:
                send(self._worker.stdin, (self.site, self._cache_at, self.moment, self.published, batch))
            except OSError:  # the worker is gone: its reader fails this with what is still out
                pass
            self._sent.append(future)

    def _read_answers(self) -> None:
        """The worker's answers, in the order the batches were sent; the next batches go out as they come.
        However this ends, nothing sent or waiting is left unanswered (finish() would wait for ever)."""
        assert self._worker is not None and self._worker.stdout is not None
        cause: BaseException | None = None
        try:
            while (answer := receive(self._worker.stdout)) is not None:
                with self._lock:
                    future = self._sent.popleft()
                    if answer[0] == "ok":
                        _, read, used = answer
                        self.cache.used |= used  # kept through the prune
                        future.set_result(read)
                    else:
                        future.set_exception(answer[1])
                    if not self._closed:
                        self._send()
        except BaseException as error:  # an answer that cannot be read
            cause = error
        finally:
            with self._lock:
                stopped = FinishingStopped(texts.FINISHING_STOPPED.format(status=self._worker.poll()))
                stopped.__cause__ = cause
                self._ended = stopped
                for future in self._sent:
                    future.set_exception(stopped)
                for _, future in self._waiting:
                    if future.set_running_or_notify_cancel():
                        future.set_exception(stopped)
                self._sent.clear()
                self._waiting.clear()


def main() -> None:
    # By the module's name, not as __main__: the build unpickles what it reads as disclosures.publish.finishing's.
    from disclosures.publish.finishing import finish_file as read_file

    source, answers = sys.stdin.buffer, sys.stdout.buffer
    while (message := receive(source)) is not None:
        site, cache_at, moment, published, todo = message
        cache = ContentCache(*cache_at) if cache_at is not None else ContentCache(None)
        try:
            read = {path: read_file(site, path, cache, moment, gzipped, published) for path, gzipped in todo}
        except Exception as error:  # an OSError (a full disk) is the build's to report, as it would be here
            send(answers, ("error", error))
        else:
            send(answers, ("ok", read, cache.used))


if __name__ == "__main__":
    main()
