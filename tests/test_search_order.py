"""Pagefind's hash-map-ordered files are rewritten in a fixed order (disclosures/outputs/searchorder.py).

Runs the real, pinned Pagefind on small hand-made pages with many filters and sort keys, whose
order in its output changes from run to run, and checks that two runs give the same bytes and that
the rewritten index says what Pagefind's said.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2
import pytest

from disclosures.outputs.search import _index, index_site
from disclosures.outputs.searchorder import SIGNATURE, UnexpectedIndex, make_deterministic

FILTERS = ("unit", "round", "year", "status", "kind", "topic")


def _pages(site: Path) -> None:
    for n in range(12):
        marks = "".join(f'<span data-pagefind-filter="{name}">{name}值{n % (i + 2)}</span>'
                        for i, name in enumerate(FILTERS))
        sorts = f'<span data-pagefind-sort="date">2025-0{1 + n % 9}-1{n % 10}</span>' \
                f'<span data-pagefind-sort="title">标题{n}</span>'
        page = site / f"n{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!DOCTYPE html><html lang="zh-CN"><body><main data-pagefind-body>'
                        f'<h1 id="t">通报{n}</h1><p>巡察整改第{n}项问题已完成整改。</p>{marks}{sorts}</main></body></html>',
                        encoding="utf-8")


def _decoded(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE)
    return cbor2.loads(data[len(SIGNATURE):])


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _meaning(out: Path) -> tuple:
    """What the filter and sort files say, independent of order and file names."""
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _decoded(out / f"pagefind.{entry['languages']['zh-cn']['hash']}.pf_meta")
    filters = {}
    for name, file_hash in meta[3]:
        filter_name, values = _decoded(out / "filter" / f"{file_hash}.pf_filter")
        assert filter_name == name
        filters[name] = {value: sorted(pages) for value, pages in values}
    return meta[0], meta[1], meta[2], filters, {key: pages for key, pages in meta[4]}, meta[5]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for name in ("a", "b"):
        site = tmp_path_factory.mktemp(name)
        _pages(site)
        index_site(site)
        sites.append(site / "pagefind")
    return sites[0], sites[1]


def test_two_runs_give_byte_identical_indexes(two_runs: tuple[Path, Path]) -> None:
    first, second = two_runs
    assert len(list((first / "filter").iterdir())) == len(FILTERS)
    assert _tree(first) == _tree(second)


def test_the_rewritten_index_says_what_pagefinds_said(tmp_path: Path) -> None:
    _pages(tmp_path / "site")
    out = tmp_path / "out"
    _index(tmp_path / "site", out)  # Pagefind's raw output, before the rewrite
    before = _meaning(out)
    untouched = {name: data for name, data in _tree(out).items() if not name.startswith(("filter/", "pagefind."))}
    make_deterministic(out)
    after = _meaning(out)
    assert after == before and after[1]  # pages listed
    assert [name for name, _ in _decoded(next(out.glob("pagefind.*.pf_meta")))[3]] == sorted(FILTERS)
    # Only the filter, metadata and entry files change; the word index, fragments and scripts stay as written.
    assert {name: data for name, data in _tree(out).items() if name in untouched and name != "pagefind-entry.json"} \
        == {name: data for name, data in untouched.items() if name != "pagefind-entry.json"}
    assert len(list(out.glob("pagefind.*.pf_meta"))) == 1 and len(list((out / "filter").iterdir())) == len(FILTERS)


def test_another_pagefind_layout_is_refused_not_guessed(tmp_path: Path) -> None:
    (tmp_path / "pagefind-entry.json").write_text('{"version":"9.9.9","languages":{}}', encoding="utf-8")
    with pytest.raises(UnexpectedIndex, match="9.9.9"):
        make_deterministic(tmp_path)


def test_a_failing_pagefind_stops_with_a_chinese_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosures.outputs.search import SearchIndexFailed

    _pages(tmp_path)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")  # pagefind.service.get_executable reads it
    with pytest.raises(SearchIndexFailed, match="^生成搜索索引失败（Pagefind）：exit status 1$"):
        index_site(tmp_path)
    assert not (tmp_path / "pagefind").exists()
