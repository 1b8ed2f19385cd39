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


# --- a portal: many units over several rounds ----------------------------------------------------

_BODIES = ["财政局", "审计局", "统计局", "水务局", "林业局", "商务局", "文旅局", "医保局", "信访局", "气象局",
           "档案局", "粮食局", "人防办", "地震局", "供销社", "市场监管局", "自然资源局", "生态环境局", "机关事务局",
           "退役军人事务局", "乡村振兴局", "住房城乡建设局", "交通运输局", "农业农村局", "卫生健康局"]
_ROUND_NAMES = "一二三四五六七八九十"


def portal_unit(index: int) -> str:
    """A fictional unit: one of the usual bodies of a fictional district or town."""
    body = _BODIES[index % len(_BODIES)]
    place = f"示例区第{index // len(_BODIES) + 1}虚构镇" if index >= len(_BODIES) else "示例区"
    return f"中共{place}{body}党组"


def portal_notice(real: dict, unit: int, rnd: int, rng: random.Random) -> dict:
    """The real notice's text, varied (as synthetic_notice), issued by one unit in one round."""
    notice = synthetic_notice(real, unit * 10 + rnd, rng)
    name = portal_unit(unit)
    round_name = f"十四届区委第{_ROUND_NAMES[rnd]}轮巡察"
    # Rounds about four months apart; the units of a round publish within six weeks of each other.
    published = dt.date(2024, 1, 8) + dt.timedelta(days=120 * rnd + rng.randrange(42))
    notice["id"] = f"round{rnd + 1}-unit-{unit + 1:04d}"
    notice["title"] = f"{name}关于{round_name}整改进展情况的通报（测试数据）"
    notice["published"] = published
    notice["issuer"] = {"name": name, "short_name": name.removeprefix("中共")}
    notice["inspection"].update(round=round_name, body=f"区委第{_ROUND_NAMES[unit % 6]}巡察组",
                                start=published - dt.timedelta(days=300), end=published - dt.timedelta(days=240),
                                feedback=published - dt.timedelta(days=200))
    notice["window"] = {"start": published, "end": published + dt.timedelta(days=rng.choice((7, 10, 14)))}
    notice["signature"] = {"name": name.replace("中共", "中国共产党"), "date": published - dt.timedelta(days=rng.randrange(4))}
    if rng.random() < 0.8:  # most units publish the 政务公开 block
        notice["metadata"] = {"index": f"1144{unit:012d}{rnd}X/{published.year}-{rng.randrange(1, 99999):05d}",
                              "topic": "巡察整改"}
        if rng.random() < 0.3:
            notice["metadata"]["document_number"] = f"示区{_BODIES[unit % len(_BODIES)][:2]}党〔{published.year}〕{unit + 1}号"
    return notice


def write_portal_data(dest: Path, count: int, rounds: int = 4, seed: int = 2025) -> Path:
    """A data/ folder with about `count` notices: count/rounds units over `rounds` rounds, about one unit
    in twelve missing from a round, the units registered in units.yml and the rounds (with their units)
    in rounds.yml."""
    real = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    units = max(1, round(count / rounds * 12 / 11))  # enough units for `count` after the missing ones
    folder = dest / "disclosures"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "data" / "site.yml", dest / "site.yml")
    written, seen_index = 0, set()
    for rnd in range(rounds):
        for unit in range(units):
            if written >= count or rng.random() < 1 / 12:
                continue
            notice = portal_notice(real, unit, rnd, rng)
            index = notice.get("metadata", {}).get("index")
            if index in seen_index:
                del notice["metadata"]  # a serial drawn twice: 索引号 must be unique
            elif index:
                seen_index.add(index)
            text = yaml.dump(notice, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100000)
            (folder / f"{notice['id']}.yml").write_text(MODELINE + text, encoding="utf-8")
            written += 1
    registry = [{"id": f"unit-{u + 1:04d}", "name": portal_unit(u)} for u in range(units)]
    (dest / "units.yml").write_text(yaml.dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    declared = [{"id": f"round-{r + 1}", "name": f"十四届区委第{_ROUND_NAMES[r]}轮巡察",
                 "units": [f"unit-{u + 1:04d}" for u in range(units)]} for r in range(rounds)]
    (dest / "rounds.yml").write_text(yaml.dump(declared, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
