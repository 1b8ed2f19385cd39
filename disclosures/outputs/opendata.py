"""Open data: each public notice as JSON (a stable, versioned shape) and as its YAML source, plus an index.

The JSON carries the text as readers see it (full-width punctuation) with the
derived numbering and anchors, so a consumer never has to re-derive them. The
shape is documented in handbook/office.md, "Open data"; bump VERSION on any incompatible change.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.urls import notice_json_path, notice_yaml_path, relative_url
from disclosures.model.viewmodels import Link, NoticeView
from disclosures.numbering.body import Para, PartView, ProblemView, SectionView, ThemeView

VERSION = 1


def json_path(notice: r.Notice) -> str:
    return notice_json_path(notice.id)


def yaml_path(notice: r.Notice) -> str:
    return notice_yaml_path(notice.id, notice.source)


def _para(p: Para) -> dict[str, str]:
    return {"label": p.label, "lead": p.lead, "text": p.text}


def _problems(problems: tuple[ProblemView, ...]) -> list[dict[str, Any]]:
    return [{"number": p.number, "label": p.label, "anchor": p.anchor, "heading": p.heading,
             "lead_in": p.lead_in or None, "measures": [_para(m) for m in p.measures]} for p in problems]


def _themes(themes: tuple[ThemeView, ...]) -> list[dict[str, Any]]:
    return [{"number": t.number, "label": t.label, "anchor": t.anchor, "heading": t.heading,
             "problems": _problems(t.problems)} for t in themes]


def _section(s: SectionView) -> dict[str, Any]:
    return {"label": s.label, "anchor": s.anchor, "heading": s.heading,
            "run_in": _para(s.run_in) if s.run_in else None,
            "paragraphs": [_para(p) for p in s.paragraphs], "themes": _themes(s.themes),
            "problems": _problems(s.problems),
            "measures": [_para(p) for p in s.measures]}


def _part(view: PartView) -> dict[str, Any]:
    return {"label": view.label, "anchor": view.anchor, "heading": view.heading, "state": view.state or None,
            "paragraphs": [_para(p) for p in view.paragraphs], "sections": [_section(s) for s in view.sections],
            "themes": _themes(view.themes), "closing": [_para(p) for p in view.closing]}


def _contact(view: NoticeView) -> dict[str, str | None]:
    c = view.contact
    return {"phone": c.phone or None, "hours": c.hours or None, "address": c.address or None,
            "postcode": c.postcode or None, "envelope_note": c.envelope_note or None, "email": c.email or None}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def page_url(site: r.Site, view: NoticeView) -> str:
    return site.url.rstrip("/") + "/" + view.url


def notice_document(notice: r.Notice, view: NoticeView, site: r.Site) -> dict[str, Any]:
    """The JSON download of one notice (shape documented in handbook/office.md, "Open data")."""
    ins = notice.inspection
    return {
        "format": "disclosure-notice",
        "version": VERSION,
        "id": notice.id,
        "url": page_url(site, view),
        "title": view.title,
        "published": notice.published.isoformat(),
        "issuer": {"name": view.issuer, "short_name": notice.issuer.short_name or None},
        "inspection": {"body": ins.body, "kind": ins.kind, "round": ins.round or None,
                       "start": _iso(ins.start), "end": _iso(ins.end), "feedback": _iso(ins.feedback)}
        if ins else None,
        "window": {"start": notice.window.start.isoformat(), "end": notice.window.end.isoformat()}
        if notice.window else None,
        "counts": {"themes": view.theme_count, "problems": view.problem_count},
        "figures": [{"label": f.label, "value": f.number, "unit": f.unit, "note": f.note or None}
                    for f in notice.figures],
        "preamble": [_para(p) for p in view.preamble],
        "parts": [_part(p) for p in view.parts],
        "invitation": view.invitation,
        "contact": _contact(view),
        "signature": {"name": view.signature_name, "date": notice.signature.date.isoformat()},
        "source": yaml_path(notice),
        "metadata": _metadata(view),
    }


_METADATA_KEYS = ("index", "publisher", "written", "published", "document_number", "topic")


def _metadata(view: NoticeView) -> dict[str, str | None] | None:
    """The 政务公开 block (handbook/office.md, "Open data"): every key present, null where not set; null without a block."""
    if not view.metadata:
        return None
    values = dict(view.metadata)
    return {key: values.get(key) for key in _METADATA_KEYS}


def index_document(site: r.Site, items: list[tuple[r.Notice, NoticeView]],
                   groups: dict[str, tuple[str, str | None]] | None = None) -> dict[str, Any]:
    """data/notices.json: every public notice, newest first, with where to get each one.
    groups: notice id -> (unit id, round id or None), as in the addresses /units/<id>/ and /rounds/<id>/."""
    groups = groups or {}
    return {
        "format": "disclosure-index",
        "version": VERSION,
        "site": {"name": site.name, "url": site.url},
        "notices": [{"id": n.id, "title": v.title, "published": n.published.isoformat(), "issuer": v.issuer,
                     "url": page_url(site, v), "page": v.url, "json": json_path(n), "yaml": yaml_path(n),
                     "problems": v.problem_count, "index_number": dict(v.metadata).get("index"),
                     "unit": groups.get(n.id, (None, None))[0], "round": groups.get(n.id, (None, None))[1]}
                    for n, v in items],
    }


def dump(document: dict[str, Any]) -> bytes:
    # Compact: with indent, json falls back to its pure-Python encoder (a second per 100 notices).
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def download_links(notice: r.Notice, view: NoticeView) -> tuple[Link, ...]:
    """Links from the notice page to its two downloads, relative so the site works under any sub-path."""
    return (Link(texts.DOWNLOAD_JSON, relative_url(view.url, json_path(notice)), "application/json"),
            Link(texts.DOWNLOAD_YAML, relative_url(view.url, yaml_path(notice)), "application/yaml"))
