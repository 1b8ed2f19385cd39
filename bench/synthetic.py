"""Realistic synthetic sites for the benchmark: N notices with the shape and length of the real one.

Each synthetic notice is the real notice's data, varied: another (clearly
fictional) issuing body and date, themes shuffled within their category, a few
problems and measures dropped or repeated, so lengths vary around the real one
(about 15,000 characters). Deterministic for a given N and seed.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "disclosures" / "zhongshan-procuratorate-2025-04-27.yml"
MODELINE = "# yaml-language-server: $schema=../../schema/disclosure.schema.json\n"


def _vary_problems(problems: list[dict], rng: random.Random) -> list[dict]:
    out = []
    for problem in problems:
        if len(problems) > 1 and rng.random() < 0.1:
            continue  # drop one now and then
        problem = copy.deepcopy(problem)
        measures = problem["measures"]
        if len(measures) > 1 and rng.random() < 0.3:
            measures.pop(rng.randrange(len(measures)))
        elif rng.random() < 0.2:
            measures.append(copy.deepcopy(rng.choice(measures)))
        out.append(problem)
    return out or copy.deepcopy(problems[:1])


def synthetic_notice(real: dict, index: int, rng: random.Random) -> dict:
    notice = copy.deepcopy(real)
    published = dt.date(2020, 1, 6) + dt.timedelta(days=3 * index)
    unit = f"示例市第{index + 1}虚构单位"
    notice["id"] = f"synthetic-{index + 1:04d}"
    notice["title"] = f"中共{unit}党组关于巡察整改进展情况的通报（测试数据）"
    notice["published"] = published
    notice["issuer"] = {"name": f"中共{unit}党组", "short_name": f"{unit}党组"}
    notice["window"] = {"start": published, "end": published + dt.timedelta(days=14)}
    notice["signature"] = {"name": f"中国共产党{unit}党组", "date": published}
    notice["inspection"]["start"] = published - dt.timedelta(days=300)
    notice["inspection"]["end"] = published - dt.timedelta(days=240)
    notice["inspection"]["feedback"] = published - dt.timedelta(days=200)
    for part in notice["parts"]:
        for section in part.get("sections", []):
            themes = section.get("themes")
            if themes:
                rng.shuffle(themes)
                for theme in themes:
                    theme["problems"] = _vary_problems(theme["problems"], rng)
    # Key figures must stand in the text (validation checks it): keep those whose sentence survived.
    text = yaml.safe_dump(notice["parts"], allow_unicode=True, width=100000)
    notice["figures"] = [f for f in notice.get("figures", []) if f["label"] in text and f"{f['value']}{f['unit']}" in text]
    return notice


class _NoAliases(yaml.SafeDumper):
    """Our data files refuse anchors and aliases, so never write them for repeated dates."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def write_site_data(dest: Path, count: int, seed: int = 2025) -> Path:
    """A data/ folder with site.yml and `count` synthetic notices."""
    real = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    folder = dest / "disclosures"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "data" / "site.yml", dest / "site.yml")
    for index in range(count):
        notice = synthetic_notice(real, index, rng)
        text = yaml.dump(notice, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100000)
        (folder / f"{notice['id']}.yml").write_text(MODELINE + text, encoding="utf-8")
    return dest
