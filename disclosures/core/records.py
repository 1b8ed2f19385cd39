"""Frozen, typed records: what validation produces and everything downstream consumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from disclosures.core import texts


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, optionally opened by a run-in lead sentence shown in bold."""

    text: str = ""
    lead: str = ""


@dataclass(frozen=True)
class OfficeHours:
    start: str  # "08:30"
    end: str  # "17:30"


@dataclass(frozen=True)
class Phone:
    number: str
    hours: OfficeHours | None = None


@dataclass(frozen=True)
class PostalAddress:
    address: str
    postcode: str
    envelope_note: str = ""


@dataclass(frozen=True)
class Contact:
    phone: Phone | None = None
    postal: PostalAddress | None = None
    email: str = ""


@dataclass(frozen=True)
class Registrations:
    """Footer registrations required of Chinese government sites; each shown only when set."""

    site_code: str = ""  # 网站标识码
    icp: str = ""  # ICP备案号
    public_security: str = ""  # 公安机关备案号
    find_error: str = ""  # the national 我为政府网站找错 entry for this site
    site_mark: str = ""  # where the 党政机关网站标识 links (its verification page)
    site_mark_image: str = ""  # the mark's image, a path under docs/ (nothing is loaded from outside)


@dataclass(frozen=True)
class Site:
    name: str
    publisher: str
    url: str
    description: str
    contact: Contact
    registrations: Registrations = field(default_factory=Registrations)


@dataclass(frozen=True)
class Window:
    """Disclosure window (公开期限); both days included, Beijing time.

    Optional times narrow the first and last day: open from start_time on the
    first day and until end_time on the last (otherwise 00:00 and midnight).
    """

    start: dt.date
    end: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None


@dataclass(frozen=True)
class Issuer:
    name: str
    short_name: str = ""


# The kind of inspection, as data: central and provincial ones are 巡视 (by a 巡视组), city and county
# ones 巡察 (by a 巡察组). Derived from the body's name when it says which; the word shown everywhere.
INSPECTION_KINDS = ("巡察", "巡视")


@dataclass(frozen=True)
class Inspection:
    body: str  # 市委第五巡察组
    start: dt.date | None = None  # a notice may leave out the period or the feedback date
    end: dt.date | None = None
    feedback: dt.date | None = None
    round: str = ""  # 市委第五轮巡察
    kind: str = "巡察"  # one of INSPECTION_KINDS


@dataclass(frozen=True)
class Signature:
    name: str
    date: dt.date


@dataclass(frozen=True)
class Problem:
    heading: str
    measures: tuple[Paragraph, ...]
    # 整改落实情况： / 整改情况： before the measures: they are then shown run on in one paragraph,
    # as published (a single measure without 一是).
    lead_in: str = ""
    number: int | None = None  # the number the source printed, where it skips one (see Part.number)


@dataclass(frozen=True)
class Theme:
    heading: str
    problems: tuple[Problem, ...]
    number: int | None = None


@dataclass(frozen=True)
class Section:
    """Second level (一). Either a standalone heading with content, or a run-in paragraph."""

    heading: str = ""
    run_in: Paragraph | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    themes: tuple[Theme, ...] = ()
    measures: tuple[Paragraph, ...] = ()
    problems: tuple[Problem, ...] = ()  # problems directly under a category, numbered 1. 2.
    number: int | None = None


@dataclass(frozen=True)
class Part:
    # Empty only for the single part of a notice whose top level is （一）: no 一、 level is shown.
    heading: str
    paragraphs: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    themes: tuple[Theme, ...] = ()  # a part without categories holds themes directly
    closing: tuple[Paragraph, ...] = ()
    state: str = ""  # "rectified" (已整改) or "ongoing" (长期整改); see PART_STATES
    # The number the published notice printed when it skips one (（一） then （三））: shown instead of
    # the derived one, and the following items count on from it. A deliberate exception, listed by check.
    number: int | None = None


# The optional `state` of a part: how far the problems it lists have been dealt with.
PART_STATES = {"rectified": texts.PART_STATE_RECTIFIED, "ongoing": texts.PART_STATE_ONGOING}


@dataclass(frozen=True)
class Figure:
    """A key figure the notice text states, e.g. 17562 件 办理各类案件; value as written (digits)."""

    label: str
    value: str
    unit: str
    note: str = ""

    @property
    def number(self) -> int | float:
        return float(self.value) if "." in self.value else int(self.value)


@dataclass(frozen=True)
class GlossaryEntry:
    """A term explained on first use in a notice and on the glossary page (data/glossary.yml)."""

    term: str
    explanation: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Revision:
    """A dated update to a published notice (a correction, an extended window); each is its own feed item."""

    date: dt.date
    note: str


@dataclass(frozen=True)
class Metadata:
    """The 政务公开 metadata block (政府信息公开 pages print it): 索引号 and the facts around it.

    成文日期 is the signature date and 发布日期 the publication date, so neither is written twice.
    """

    index: str  # 索引号, e.g. 11441700007280420Y/2021-00050: unique on the site
    publisher: str = ""  # 发布机构; the issuer when empty
    document_number: str = ""  # 发文字号, e.g. 中检党〔2025〕3号
    topic: str = ""  # 主题分类, e.g. 巡察整改


@dataclass(frozen=True)
class Notice:
    id: str
    source: str  # data file, relative to the project, for messages and the YAML download
    title: str
    published: dt.date
    issuer: Issuer
    signature: Signature
    parts: tuple[Part, ...]
    preamble: tuple[Paragraph, ...] = ()
    inspection: Inspection | None = None
    window: Window | None = None
    invitation: str = ""
    contact: Contact | None = None
    draft: bool = False
    revisions: tuple[Revision, ...] = ()  # oldest first, one per day
    figures: tuple[Figure, ...] = ()
    # Problems held directly by a section (1. 2.): "continue" runs on through the notice, "restart"
    # starts again at 1. in each section, as the source does.
    section_problems: str = "continue"
    metadata: Metadata | None = None
    # The SHA-256 of the file's name and text this record was read from (load/project.py, read_notice): the
    # record is a function of them, so it keys what a build makes of the notice (build.py, product keys). Not
    # part of the notice's value: two layouts of the same data are equal notices.
    digest: str = field(default="", compare=False, repr=False)


SECTION_PROBLEM_NUMBERING = ("continue", "restart")


@dataclass(frozen=True)
class UnitEntry:
    """A unit declared in data/units.yml: a stable id for an issuing body across rounds and renamings."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()  # other names its notices were issued under (e.g. before a renaming)


@dataclass(frozen=True)
class RoundEntry:
    """A round declared in data/rounds.yml: its notices are those whose inspection.round is `name`."""

    id: str
    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    units: tuple[str, ...] = ()  # unit ids or issuer names the round covers (for 已公开 N / M)


@dataclass(frozen=True)
class SearchTerms:
    """data/search-terms.yml: words for the search dictionary."""

    whole: tuple[str, ...]  # kept as one token, e.g. 第一议题
    split: tuple[str, ...]  # broken into their parts, e.g. 联系电话 -> 联系 / 电话
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # word in the text -> what readers type, e.g. 邮政信箱 -> 地址


@dataclass(frozen=True)
class Project:
    site: Site
    notices: tuple[Notice, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    search_terms: SearchTerms = SearchTerms((), ())
    units: tuple[UnitEntry, ...] = ()  # data/units.yml (optional)
    rounds: tuple[RoundEntry, ...] = ()  # data/rounds.yml (optional)
