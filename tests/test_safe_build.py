"""A failed build never touches the published site/, and the same input always gives the same bytes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_ID, ROOT, Build, make_project, run_build
from helpers import combine_data, staging_left, tree

from disclosures.publish import manifest

pytestmark = pytest.mark.build

EPOCH = {"SOURCE_DATE_EPOCH": "1745800000"}  # 2025-04-28, Beijing time
NOTICE = f"data/disclosures/{REAL_ID}.yml"
NOT_BUILT = "未生成网站，原有的 site/ 保持不变。"


def leftovers(root: Path) -> list[str]:
    return staging_left(root)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Build, dict[str, bytes]]:
    build = run_build(make_project(tmp_path / "project", ROOT / "data"), extra_env=EPOCH)
    assert build.ok, build.result.stderr
    return build, tree(build.site)


def test_bad_data_after_a_good_build_leaves_site_unchanged(built: tuple[Build, dict[str, bytes]]) -> None:
    good, before = built
    path = good.root / NOTICE
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"), encoding="utf-8")
    bad = run_build(good.root, extra_env=EPOCH)
    assert bad.result.returncode != 0
    err = bad.result.stderr
    assert "Traceback" not in err and "Traceback" not in bad.result.stdout
    assert f"ERROR   -  数据有 2 处错误（data has 2 error(s)）：\n  - {NOTICE}:1:1 字段 title：" in err
    assert f"  - {NOTICE}:2:1 字段 titel：应为已知的键，实际为未知的键 titel。是不是想写 title？\n{NOT_BUILT}" in err
    assert tree(good.site) == before
    assert leftovers(good.root) == []


def test_failure_during_page_rendering_leaves_site_unchanged(built: tuple[Build, dict[str, bytes]]) -> None:
    good, before = built
    main = good.root / "overrides" / "main.html"
    # A template bug that only shows while MkDocs writes pages, long after data was validated.
    main.write_text(main.read_text(encoding="utf-8") + "{% block footer %}{{ 1 // 0 }}{% endblock %}\n",
                    encoding="utf-8")
    bad = run_build(good.root, extra_env=EPOCH)
    assert bad.result.returncode != 0 and "ZeroDivisionError" in bad.result.stderr
    assert tree(good.site) == before
    assert leftovers(good.root) == []


def test_strict_mode_warning_leaves_site_unchanged(built: tuple[Build, dict[str, bytes]]) -> None:
    good, before = built
    (good.root / "docs" / "broken.md").write_text("# Broken\n\n[nowhere](missing.md)\n", encoding="utf-8")
    bad = run_build(good.root, extra_env=EPOCH)
    assert bad.result.returncode != 0 and "Aborted with 1 warnings in strict mode!" in bad.result.stdout
    assert tree(good.site) == before
    assert leftovers(good.root) == []


def test_a_good_rebuild_replaces_the_whole_site(built: tuple[Build, dict[str, bytes]]) -> None:
    good, before = built
    (good.site / "stale.html").write_text("left over from an older build", encoding="utf-8")
    path = good.root / NOTICE
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: 中共", "\ntitle: 新标题中共"), encoding="utf-8")
    again = run_build(good.root, extra_env=EPOCH)
    assert again.ok, again.result.stderr
    after = tree(again.site)
    assert "stale.html" not in after
    assert "新标题中共".encode() in after[f"disclosures/{REAL_ID}/index.html"]
    # The search index names its files by their content: the same files, under other names where the text changed.
    def named(files: dict[str, bytes]) -> set[str]:
        return {name for name in files if not name.startswith("pagefind/") or "_" not in name.rsplit("/", 1)[-1]}
    assert named(after) == named(before) and "pagefind/pagefind.js" in after
    assert len([n for n in after if n.startswith("pagefind/")]) == len([n for n in before if n.startswith("pagefind/")])
    assert leftovers(good.root) == []


def test_same_input_gives_a_byte_identical_site(tmp_path: Path, fictional_data: Path) -> None:
    notices = [*(ROOT / "data" / "disclosures").glob("*.yml"), *(fictional_data / "disclosures").glob("*.yml")]
    # Different folders, and the notice files written in opposite orders (so directory order differs too).
    first = combine_data(tmp_path / "data-a", ROOT / "data", *notices)
    second = combine_data(tmp_path / "data-b", ROOT / "data", *reversed(notices))
    a = run_build(make_project(tmp_path / "a", first), extra_env=EPOCH)
    b = run_build(make_project(tmp_path / "elsewhere" / "b", second), extra_env=EPOCH)
    assert a.ok and b.ok, a.result.stderr + b.result.stderr
    trees = tree(a.site), tree(b.site)
    assert len(trees[0]) > 10
    # Pagefind 1.5.2 writes its filters in hash-map order; disclosures/outputs/searchorder.py rewrites them in a fixed
    # order, so the whole site, the search index and the manifest included, is the same byte for byte.
    assert sorted(trees[0]) == sorted(trees[1])
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []
    assert any(name.startswith("pagefind/filter/") for name in trees[0])
    listed = manifest.parse_manifest(trees[0][manifest.MANIFEST].decode("utf-8"))
    assert listed == {path: manifest.file_sha256(a.site / path) for path in trees[0] if path != manifest.MANIFEST}


def test_check_command_reports_the_same_mistakes_without_building(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", ROOT / "data")
    ok = subprocess.run([sys.executable, "-m", "disclosures", "check"], cwd=project, capture_output=True, text=True)
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout.startswith("数据无误：data/site.yml 与 1 篇通报（data is valid）\n1 篇公开（按北京时间 ")
    path = project / NOTICE
    path.write_text(path.read_text(encoding="utf-8").replace("published: 2025-04-27", "published: 2025-04-31"),
                    encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "disclosures", "check", str(project / "data")],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.splitlines() == [
        "数据有 1 处错误（data has 1 error(s)）：",
        f"  - {NOTICE}:3:12 字段 published：应为真实存在的日期，实际为“2025-04-31”（没有这一天）。",
    ]
    assert not (project / "site").exists()
