"""A long build says what it is doing; a short one and one under -q say nothing more (issue #27, item 5)."""

from __future__ import annotations

import io
import logging
import time

import pytest

from disclosures.publish import progress
from disclosures.publish.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _log(level: int) -> tuple[logging.Logger, list[str]]:
    said: list[str] = []
    log = logging.getLogger(f"test-progress-{level}-{time.perf_counter()}")
    log.setLevel(level)
    log.propagate = False
    handler = logging.Handler()
    handler.emit = lambda record: said.append(record.getMessage())
    log.addHandler(handler)
    return log, said


def _build(progress_: Progress, pages: int = 8) -> None:
    progress_.read(3, pages)
    progress_.phase("正在写出页面……")
    progress_.pages(pages)
    for _ in range(pages):
        progress_.page_written()
    progress_.phase("正在检查站内链接……")


def test_a_long_build_in_a_log_says_its_phases_and_each_quarter_of_the_pages() -> None:
    log, said = _log(logging.INFO)
    _build(Progress(log, time.perf_counter() - progress.LONG, stream=io.StringIO()))
    assert said[0].startswith("已读取并检查 3 篇通报，生成 8 个页面（")
    assert said[1:] == ["正在写出页面……", "已写出页面 2/8", "已写出页面 4/8", "已写出页面 6/8", "已写出页面 8/8",
                        "正在检查站内链接……"]


def test_a_long_build_on_a_terminal_draws_a_bar_instead_of_lines() -> None:
    log, said = _log(logging.INFO)
    terminal = Terminal()
    _build(Progress(log, time.perf_counter() - progress.LONG, stream=terminal))
    assert "写出页面" in terminal.getvalue() and "/8 [" in terminal.getvalue()  # drawn, then cleared
    assert not [line for line in said if line.startswith("已写出页面")]


@pytest.mark.parametrize("level, started_ago", [(logging.INFO, 0.0), (logging.ERROR, progress.LONG)],
                         ids=["short build", "mkdocs build -q"])
def test_a_short_build_and_a_quiet_one_say_nothing(level: int, started_ago: float) -> None:
    log, said = _log(level)
    terminal = Terminal()
    _build(Progress(log, time.perf_counter() - started_ago, stream=terminal))
    assert said == [] and terminal.getvalue() == ""
