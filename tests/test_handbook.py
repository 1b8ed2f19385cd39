"""The README and the handbook (handbook/*.md): links that lead somewhere, a contents list per file.

Pure standard library: no import of the package.
A relative link `[text](path)` or `[text](path#anchor)` must name a file of the repository
(relative to the linking file); an anchor into a Markdown file must be the GitHub slug of one
of its headings. Links in fenced code blocks and in code spans are not links; http(s) and
mailto links are not checked.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
HANDBOOK = ROOT / "handbook"
README_MAX_LINES = 250

_FENCE = re.compile(r"^ {0,3}(?:[-*+] +|\d+[.)] +)*( *)(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.S)
_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # http:, https:, mailto:, tel: …


def without_fences(text: str) -> list[str]:
    """The lines of a Markdown text, each line inside a fenced code block replaced by ""."""
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence:
            closing = m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence)
            if closing and not line.strip().lstrip(fence[0]).strip():
                fence = ""
            out.append("")
        elif m:
            fence = m.group(2)
            out.append("")
        else:
            out.append(line)
    return out


def slug(heading: str) -> str:
    """GitHub's anchor for a heading text: lower case; only letters, marks, digits, connectors (`_`), `-`
    and spaces kept; each space becomes `-`. Markup is dropped first (code spans keep their text, links their label)."""
    text = _LINK.sub(lambda m: m.group(1), heading)
    text = re.sub(r"`+", "", text)
    text = re.sub(r"(\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w))", "", text)
    text = re.sub(r"<[^>]+>", "", text)
    kept = "".join(c for c in text.strip().lower()
                   if c in " -" or unicodedata.category(c)[0] in "LMN" or unicodedata.category(c) == "Pc")
    return kept.replace(" ", "-")


def headings(text: str) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of each ATX heading outside fences, duplicates numbered -1, -2 … as GitHub does."""
    seen: dict[str, int] = {}
    found = []
    for line in without_fences(text):
        m = _HEADING.match(line)
        if not m:
            continue
        base = slug(m.group(2))
        n = seen.get(base, 0)
        seen[base] = n + 1
        found.append((len(m.group(1)), m.group(2), base if n == 0 else f"{base}-{n}"))
    return found


def anchors(path: Path) -> set[str]:
    return {anchor for _, _, anchor in headings(path.read_text(encoding="utf-8"))}


def links(text: str) -> list[tuple[int, str]]:
    """(line number, target) of each Markdown link or image outside code."""
    prose = "\n".join(without_fences(text))
    prose = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), prose)
    return [(prose.count("\n", 0, m.start()) + 1, m.group(2)) for m in _LINK.finditer(prose)]


def broken_links(files: list[Path], root: Path) -> list[str]:
    """Every relative link among files that leads to no file of root, or to no heading of a Markdown file."""
    problems = []
    for path in files:
        for line, target in links(path.read_text(encoding="utf-8")):
            if _EXTERNAL.match(target):
                continue
            where = f"{path.relative_to(root)}:{line}: {target}"
            file_part, _, anchor = target.partition("#")
            dest = (path.parent / unquote(file_part)).resolve() if file_part else path
            if root.resolve() not in (dest, *dest.parents) or not dest.exists():
                problems.append(f"{where}: no such file")
            elif anchor and dest.suffix == ".md" and unquote(anchor) not in anchors(dest):
                problems.append(f"{where}: no heading with anchor #{unquote(anchor)}")
    return problems


def handbook_files() -> list[Path]:
    return sorted(HANDBOOK.glob("*.md"))


def contents_links(text: str) -> set[str]:
    """The same-file anchors linked before the first `##` heading: the file's table of contents."""
    lines = without_fences(text)
    end = next((i for i, line in enumerate(lines) if re.match(r"^ {0,3}#{2,6}\s", line)), len(lines))
    return {target[1:] for _, target in links("\n".join(lines[:end])) if target.startswith("#")}


# ---------------------------------------------------------------- the slug rule


def test_slug_follows_github() -> None:
    assert slug("The two commands") == "the-two-commands"
    assert slug("A portal: units, rounds and lists") == "a-portal-units-rounds-and-lists"
    assert slug("Checking a deployment: `disclosures verify`") == "checking-a-deployment-disclosures-verify"
    assert slug("Window status in the page (a contract for templates)") == (
        "window-status-in-the-page-a-contract-for-templates")
    assert slug("The 政务公开 metadata block") == "the-政务公开-metadata-block"
    assert slug("巡察整改公开 — a static public-disclosure site generator") == (
        "巡察整改公开--a-static-public-disclosure-site-generator")
    assert slug("公开期限、联系方式（意见反馈）") == "公开期限联系方式意见反馈"
    assert slug("snake_case and **bold** and [a link](x.md)") == "snake_case-and-bold-and-a-link"


def test_duplicate_headings_are_numbered() -> None:
    text = "# A\n\n## Search\n\n```sh\n# Search\n```\n\n## Search\n\n### Search\n"
    assert [anchor for _, _, anchor in headings(text)] == ["a", "search", "search-1", "search-2"]


# ---------------------------------------------------------------- the files themselves


def test_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").split("\n")
    assert len(lines) - (lines[-1] == "") <= README_MAX_LINES


def test_handbook_exists_and_the_readme_leads_to_each_file() -> None:
    files = handbook_files()
    assert {p.name for p in files} >= {"office.md", "operations.md", "development.md"}
    targets = {target.partition("#")[0] for _, target in links(README.read_text(encoding="utf-8"))}
    for path in files:
        assert f"handbook/{path.name}" in targets, f"the README does not link handbook/{path.name}"


def test_every_relative_link_and_anchor_leads_somewhere() -> None:
    problems = broken_links([README, *handbook_files()], ROOT)
    assert not problems, "broken links:\n" + "\n".join(problems)


def test_each_handbook_file_has_a_title_and_a_table_of_contents() -> None:
    for path in handbook_files():
        text = path.read_text(encoding="utf-8")
        found = headings(text)
        assert found and found[0][0] == 1, f"{path.name} does not start with a # title"
        assert [h for h in found if h[0] == 1] == found[:1], f"{path.name} has more than one # title"
        listed = contents_links(text)
        sections = [(title, anchor) for level, title, anchor in found if level == 2]
        assert sections, f"{path.name} has no ## sections"
        missing = [title for title, anchor in sections if anchor not in listed]
        assert not missing, f"{path.name}: not in its table of contents: {missing}"


# ---------------------------------------------------------------- the guard works


def test_a_planted_broken_link_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "there.md").write_text("# There\n\n## The 政务公开 metadata block\n", encoding="utf-8")
    page = tmp_path / "sub" / "page.md"
    page.write_text(
        "# Page\n\n"
        "- [fine](../there.md#the-政务公开-metadata-block)\n"
        "  and [encoded](../there.md#the-%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80-metadata-block)\n"
        "- [self](#page), [outside](https://example.org/missing.md), [mail](mailto:a@example.org)\n"
        "- [gone](../missing.md) and [no anchor](../there.md#nowhere)\n"
        "- [own anchor](#not-here)\n"
        "- `[in code](nowhere.md)`\n\n"
        "```md\n[in a fence](nowhere.md)\n```\n",
        encoding="utf-8")
    problems = broken_links([page], tmp_path)
    assert problems == [
        "sub/page.md:6: ../missing.md: no such file",
        "sub/page.md:6: ../there.md#nowhere: no heading with anchor #nowhere",
        "sub/page.md:7: #not-here: no heading with anchor #not-here",
    ]


def test_a_missing_contents_entry_is_noticed() -> None:
    text = "# T\n\nFor someone.\n\n- [One](#one)\n\n## One\n\n## Two\n"
    listed = contents_links(text)
    assert [anchor for level, _, anchor in headings(text) if level == 2 and anchor not in listed] == ["two"]
