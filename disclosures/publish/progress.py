"""What a long build is doing: its phases and how far the pages are, said only once it takes a while.

A build of one notice takes a second or two and says nothing more than its summary. Once a build has run
for LONG seconds, each phase it starts is said as a line (正在……), and the pages written so far as a
progress bar on a terminal (tqdm) or as a line at each quarter in a log or under cron. Under
`mkdocs build -q` nothing is said: the caller passes the logger, whose level decides.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

from tqdm import tqdm

from disclosures.core import texts

LONG = 3.0  # seconds: a build quicker than this stays quiet


class Progress:
    """The phases and page count of one build, said on `log` once the build has run LONG seconds."""

    def __init__(self, log: logging.Logger, started: float, stream=None):
        self.log = log
        self.started = started
        self.stream = stream or sys.stderr
        self._bar: tqdm | None = None
        self._timer: threading.Timer | None = None
        self._pages = self._total = self._quarter = 0

    def reading(self) -> None:
        """Reading and checking data/ begins: said from another thread if it is still going after LONG."""
        self._timer = threading.Timer(LONG, lambda: self.log.isEnabledFor(logging.INFO)
                                      and self.log.info(texts.PROGRESS_READING))
        self._timer.daemon = True
        self._timer.start()

    def read(self, notices: int, pages: int) -> None:
        """Reading and checking is done: notices checked, pages rendered."""
        if self._timer is not None:
            self._timer.cancel()
        if self._speaking():
            self.log.info(texts.PROGRESS_READ.format(notices=notices, pages=pages,
                                                     seconds=time.perf_counter() - self.started))

    def _speaking(self) -> bool:
        return self.log.isEnabledFor(logging.INFO) and time.perf_counter() - self.started >= LONG

    def phase(self, text: str) -> None:
        """A phase begins (a line from the catalogue), said if the build is long by now."""
        self.close_pages()
        if self._speaking():
            self.log.info(text)

    def pages(self, total: int) -> None:
        """MkDocs is about to write total pages."""
        self._pages, self._total, self._quarter = 0, total, 0

    def page_written(self) -> None:
        self._pages += 1
        if not self._total or not self._speaking():
            return
        if self.stream.isatty():
            if self._bar is None:
                self._bar = tqdm(total=self._total, initial=self._pages - 1, desc=texts.PROGRESS_PAGES_BAR,
                                 unit="页", file=self.stream, leave=False, dynamic_ncols=True)
            self._bar.update(1)
        elif self._pages * 4 >= (self._quarter + 1) * self._total:  # a plain line at each quarter
            self._quarter = self._pages * 4 // self._total
            self.log.info(texts.PROGRESS_PAGES.format(done=self._pages, total=self._total))

    def close_pages(self) -> None:
        bar, self._bar = self._bar, None
        if bar is not None:
            bar.close()
