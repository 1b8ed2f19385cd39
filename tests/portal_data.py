"""Fictional portal data for tests: several units over several rounds, written as data files.

Short notices (a few problems each) keep builds quick; the shape is a real portal's: every
unit of a round publishes within weeks, some units skip a round, one unit was renamed (an
alias in units.yml), one round declares its units (so the completeness line shows), some
notices carry the 政务公开 metadata block, and some windows are open on the build day.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from conftest import TEST_DATA

# Four fictional rounds of a county's inspections; (name, first publication day).
ROUNDS = [("示例县委第一轮巡察", dt.date(2024, 3, 4)), ("示例县委第二轮巡察", dt.date(2024, 9, 2)),
          ("示例县委第三轮巡察", dt.date(2025, 3, 3)), ("示例县委第四轮巡察", dt.date(2025, 4, 14))]
BUREAUS = ["林业", "水务", "文旅", "商务", "统计", "审计", "档案", "气象", "粮食", "供销", "人防", "地震",
           "医保", "信访", "机关事务", "乡村振兴", "退役军人事务", "市场监管", "自然资源", "生态环境"]
BUILD_DAY = "2025-04-28"


def unit_name(index: int) -> str:
    return f"中共示例县{BUREAUS[index % len(BUREAUS)]}局{'' if index < len(BUREAUS) else index}党组"


def unit_id(index: int) -> str:
    return f"bureau-{index + 1:03d}"


def _notice(unit: int, rnd: int, day: dt.date, index_number: str | None) -> dict:
    name = unit_name(unit)
    if unit == 1 and rnd == 0:
        name = "中共示例县水利局党组"  # the unit's former name: units.yml lists it as an alias
    round_name = ROUNDS[rnd][0]
    notice: dict = {
        "id": f"r{rnd + 1}-{unit_id(unit)}",
        "title": f"{name}关于{round_name}整改进展情况的通报（虚构）",
        "published": day,
        "issuer": {"name": name},
        "inspection": {"body": f"示例县委第{'一二三四'[rnd]}巡察组", "round": round_name,
                       "start": ROUNDS[rnd][1] - dt.timedelta(days=200), "end": ROUNDS[rnd][1] - dt.timedelta(days=140),
                       "feedback": ROUNDS[rnd][1] - dt.timedelta(days=100)},
        "window": {"start": day, "end": day + dt.timedelta(days=14)},
        "preamble": [f"本通报为测试而虚构。按照{round_name}工作要求，现将整改进展情况予以公布。"],
        "parts": [{"heading": "具体问题整改情况", "state": "rectified", "themes": [
            {"heading": "落实主体责任", "problems": [
                {"heading": f"问题{k + 1}：台账管理不规范", "measures": [
                    {"lead": "建立台账。", "text": f"共整理台账{3 + k + unit}本。"}, f"自第{rnd + 1}轮巡察反馈起每月核对一次。"]}
                for k in range(1 + (unit + rnd) % 3)]}]}],
        "invitation": "欢迎广大干部群众对巡察整改落实情况进行监督。",
        "signature": {"name": name.replace("中共", "中国共产党"), "date": day - dt.timedelta(days=2)},
    }
    if index_number:
        notice["metadata"] = {"index": index_number, "topic": "巡察整改", "publisher": name}
        if unit % 2:
            notice["metadata"]["document_number"] = f"示{BUREAUS[unit % len(BUREAUS)]}党〔{day.year}〕{unit + 1}号"
    return notice


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def write_portal(dest: Path, units: int, rounds: int = 4, skip_every: int = 7) -> list[dict]:
    """A data/ folder with `units` units over `rounds` rounds (each unit skips now and then); the notices."""
    (dest / "disclosures").mkdir(parents=True)
    shutil.copy2(TEST_DATA / "fictional" / "site.yml", dest / "site.yml")
    notices = []
    for rnd in range(rounds):
        for unit in range(units):
            if (unit + rnd) % skip_every == skip_every - 1:
                continue  # this unit has not published for this round
            day = ROUNDS[rnd][1] + dt.timedelta(days=(unit * 3) % 21)
            code = f"11441700{unit:08d}{'ABCD'[rnd]}X"
            index_number = f"{code}/{day.year}-{unit + 1:05d}" if unit % 3 else None
            notices.append(_notice(unit, rnd, day, index_number))
    for notice in notices:
        text = yaml.dump(notice, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)
        (dest / "disclosures" / f"{notice['id']}.yml").write_text(text, encoding="utf-8")
    registry = [{"id": unit_id(u), "name": unit_name(u)} for u in range(units)]
    registry[1]["aliases"] = ["中共示例县水利局党组"]
    _dump(dest / "units.yml", registry)
    _dump(dest / "rounds.yml", [{"id": "round-1", "name": ROUNDS[0][0], "start": dt.date(2023, 8, 1),
                                 "end": dt.date(2023, 10, 31), "units": [unit_id(u) for u in range(units)]}])
    return notices


def _dump(path: Path, value: object) -> None:
    path.write_text(yaml.dump(value, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
