"""The benchmark's baselines: MkDocs + Material building content written by hand, without our hooks.

- text: each notice's text as plain Markdown (headings, numbering, paragraphs),
  plus a home page listing them. What an office would get by pasting notices
  into Markdown files.
- same pages: every page our hooks generate (home, notices with their facts,
  overview and contact block, feedback, glossary, subscribe) written out as
  Markdown files holding that HTML, and every file they generate (feeds, open
  data) as static files. MkDocs and Material then do exactly the work they do
  for our site, so the ratio to this baseline is the cost of the hooks alone.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from disclosures.load import load_project
from disclosures.build import prepare
from disclosures.view import notice_view
from disclosures.viewmodels import NoticeView, Para

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _para(p: Para) -> str:
    lead = f"**{p.lead}**" if p.lead else ""
    return f"{p.label}{lead}{p.text}\n"


def notice_markdown(v: NoticeView) -> str:
    out = [f"# {v.title}\n"]
    out += [f"- **{f.label}**：{f.value}" for f in v.facts]
    out.append("")
    out += [_para(p) for p in v.preamble]
    for part in v.parts:
        out.append(f"## {part.label}{part.heading} {{#{part.anchor}}}\n")
        out += [_para(p) for p in part.paragraphs]
        for s in part.sections:
            if s.run_in:
                out.append(f"{s.label}**{s.run_in.lead}**{s.run_in.text}\n")
                continue
            out.append(f"### {s.label}{s.heading} {{#{s.anchor}}}\n")
            out += [_para(p) for p in s.paragraphs]
            for t in s.themes:
                out.append(f"#### {t.label}{t.heading} {{#{t.anchor}}}\n")
                for pr in t.problems:
                    out.append(f"##### {pr.label}{pr.heading} {{#{pr.anchor}}}\n")
                    out += [_para(m) for m in pr.measures]
            out += [_para(m) for m in s.measures]
        out += [_para(p) for p in part.closing]
    out.append(f"{v.invitation}\n")
    out.append(f"{v.signature_name}\n\n{v.signature_date}\n")
    return "\n".join(out)


def _plain_project(dest: Path) -> tuple[dict, Path]:
    """Our mkdocs.yml without the hooks, the same docs/ assets and theme overrides."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["markdown_extensions"] = ["attr_list", "toc"]
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "overrides", dest / "overrides")  # same theme customisation, minus the hooks
    return config, docs


def write_same_pages_project(hooks_project: Path, dest: Path, environ: dict[str, str]) -> Path:
    """The pages and files our hooks generate for hooks_project, written out for MkDocs to take as they are."""
    config, docs = _plain_project(dest)
    build = prepare(hooks_project, environ)
    for page in build.pages:
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump({"title": page.title}, allow_unicode=True)
        path.write_text(f"---\n{front}---\n\n{page.html}\n", encoding="utf-8")
    for asset in build.assets:
        path = docs / asset.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(asset.content)
    config["site_name"] = build.project.site.name
    config["site_url"] = build.project.site.url
    config["nav"] = build.nav()
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def write_baseline_project(data_dir: Path, dest: Path) -> Path:
    """A plain MkDocs project (same theme settings, no hooks) holding the notices' text as Markdown."""
    config, docs = _plain_project(dest)
    project = load_project(data_dir)
    views = [notice_view(n, project.site, NOW) for n in project.notices]
    lines = ["# 首页\n"] + [f"- [{v.title}]({v.url}index.md)" for v in views]
    (docs / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for v in views:
        page = docs / v.url / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(notice_markdown(v), encoding="utf-8")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
