"""Render view models to HTML with the Jinja2 templates in overrides/partials/disclosures/."""

from __future__ import annotations

from pathlib import Path

import jinja2

from .records import Site
from .view import NoticeView, relative_url


def template_env(overrides_dir: Path) -> jinja2.Environment:
    # Autoescape everything: all text shown here comes from data files.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(overrides_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_notice(env: jinja2.Environment, notice: NoticeView) -> str:
    return env.get_template("partials/disclosures/notice.html").render(n=notice)


def render_home(env: jinja2.Environment, site: Site, notices: list[NoticeView]) -> str:
    links = {n.id: relative_url("", n.url) for n in notices}
    return env.get_template("partials/disclosures/home.html").render(site=site, notices=notices, links=links)
