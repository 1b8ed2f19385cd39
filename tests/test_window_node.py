"""The window rule in the browser (statusAt, window-status.js) and at build time (status_at) agree.

Node runs the page script itself over a shared table of windows and moments
(tests/data/window-moments.json): the same table Python reads, with the window bounds
written as the page writes them (iso_bounds) and the texts the page's config script carries.
No browser is needed, so this runs in the fast suite.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TEST_DATA

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.timewindow import iso_bounds, status_at

NODE = shutil.which("node") or "/usr/bin/node"
TABLE = TEST_DATA / "window-moments.json"
RUNNER = Path(__file__).resolve().parent / "window_status_node.js"


def _window(spec: dict[str, str]) -> r.Window:
    def time(key: str) -> dt.time | None:
        return dt.time.fromisoformat(spec[key]) if key in spec else None

    return r.Window(dt.date.fromisoformat(spec["start"]), dt.date.fromisoformat(spec["end"]),
                    time("start_time"), time("end_time"))


def _node_results(cases: list[dict], tmp_path: Path) -> list[dict[str, str]]:
    table = tmp_path / "table.json"
    table.write_text(json.dumps({"cases": cases}), encoding="utf-8")
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"texts": texts.script_texts()}, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([NODE, str(RUNNER), str(table), str(config)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _cases() -> list[dict]:
    cases = json.loads(TABLE.read_text(encoding="utf-8"))["cases"]
    for case in cases:
        case["start_iso"], case["end_iso"] = iso_bounds(_window(case["window"]))
    return cases


@pytest.mark.skipif(not Path(NODE).exists(), reason="Node.js is not installed")
def test_status_at_and_status_at_in_the_page_agree_on_every_moment(tmp_path: Path) -> None:
    cases = _cases()
    expected = []
    for case in cases:
        window = _window(case["window"])
        for moment in case["moments"]:
            status = status_at(window, dt.datetime.fromisoformat(moment.replace("Z", "+00:00")))
            expected.append({"state": status.state, "label": status.label, "detail": status.detail})
    got = _node_results(cases, tmp_path)
    moments = [(case["window"], m) for case in cases for m in case["moments"]]
    assert len(got) == len(expected) == len(moments)
    assert [(m, g) for m, g, e in zip(moments, got, expected) if g != e] == []
    # The table reaches every state and both open details, or the comparison proves little.
    assert {e["state"] for e in expected} == {"upcoming", "open", "closed"}
    assert texts.STATUS_LAST_DAY in {e["detail"] for e in expected}


@pytest.mark.skipif(not Path(NODE).exists(), reason="Node.js is not installed")
def test_the_comparison_fails_when_the_script_disagrees(tmp_path: Path) -> None:
    """A window one day longer in the script than in Python must show up as a difference."""
    cases = _cases()[:1]
    case = cases[0]
    longer = dict(case, end_iso=(dt.datetime.fromisoformat(case["end_iso"]) + dt.timedelta(days=1)).isoformat())
    window = _window(case["window"])
    got = _node_results([longer], tmp_path)
    expected = [status_at(window, dt.datetime.fromisoformat(m.replace("Z", "+00:00"))).state for m in case["moments"]]
    assert [g["state"] for g in got] != expected
