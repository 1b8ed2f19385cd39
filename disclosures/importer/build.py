"""A published notice's lines -> the data of its YAML file and the review list.

The order of work: web-page chrome off, the title, the signature and the closing invitation taken
from the ends, the body placed by its labels (placer.py), then the facts the text states (facts.py).
Nothing is invented: a fact the text does not give is left out or, where the data needs it, left as a
（请填写…） placeholder that validation refuses, and the review list says which.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from disclosures.core import texts
from disclosures.core.records import INSPECTION_KINDS

from . import facts as f
from .labels import is_sentence, label_of
from .placer import Placer, tidy
from .review import ReviewItem
from .source import Line, stated_date, stated_issuer, trim_chrome, trim_header

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TITLE_END = re.compile(r"(通报|公告|通知|报告|情况|公示|决定|说明)$")
# A signature name on its own (no date under it): the line names a body.
_BODY_NAME_END = re.compile(r"(党组|党委|党工委|委员会|总支部|支部|局|院|办公室|中心|政府|街道|镇|乡|公司|馆)$")
PLACEHOLDER_DATE = texts.IMPORT_FILL_DATE


@dataclass
class Imported:
    data: dict[str, Any]
    review: list[ReviewItem] = field(default_factory=list)


def _clean(node: Any) -> Any:
    """Drop empty lists, so the file reads like a hand-kept one."""
    if isinstance(node, dict):
        return {k: _clean(v) for k, v in node.items() if v not in ([], "", None)}
    if isinstance(node, list):
        return [_clean(v) for v in node]
    return node


def _is_body_name(text: str) -> bool:
    return len(text) <= 40 and not is_sentence(text) and label_of(text) is None and "。" not in text


def _signature(lines: list[Line]) -> tuple[str, dt.date | None, int]:
    """Signature name and date from the last lines, and how many lines they took."""
    if not lines:
        return "", None, 0
    date = f.single_date(lines[-1].text)
    if date is None:  # a name alone, when the notice is undated
        last = lines[-1].text
        if _is_body_name(last) and _BODY_NAME_END.search(last) and not f.is_invitation(last):
            return last, None, 1
        return "", None, 0
    if len(lines) >= 2 and _is_body_name(lines[-2].text):
        return lines[-2].text, date, 2
    return "", date, 1


def is_title(text: str) -> bool:
    return len(text) <= 60 and "。" not in text and label_of(text) is None and bool(_TITLE_END.search(text)) \
        and not f.is_invitation(text)


def _chrome_review(chrome: list[Line]) -> list[ReviewItem]:
    return [ReviewItem(c.number, "dropped", texts.IMPORT_CHROME.format(text=c.text)) for c in chrome]


def import_lines(lines: list[Line], notice_id: str = "", title: str = "",
                 notes: list[tuple[int, str]] | None = None) -> Imported:
    """A notice's lines -> the data of its YAML file and the review list."""
    review = [ReviewItem(n, "note", msg) for n, msg in (notes or [])]
    lines, chrome = trim_chrome(lines)
    lines, header = trim_header(lines, is_title)
    chrome = sorted(chrome + header, key=lambda line: line.number)
    review += _chrome_review(chrome)

    title_line = lines[0].text if lines and is_title(lines[0].text) else ""
    title_at = lines[0].number if title_line else 0
    if title_line:
        lines = lines[1:]
    sig_name, sig_date, taken = _signature(lines)
    sig_lines = lines[len(lines) - taken:]
    lines = lines[: len(lines) - taken]

    invitation_at = next((i for i in range(len(lines) - 1, -1, -1)
                          if f.is_invitation(lines[i].text) and label_of(lines[i].text) is None), None)
    invitation_line = lines.pop(invitation_at) if invitation_at is not None else None

    placer = Placer([(line, label_of(line.text)) for line in lines], review)
    placer.run()

    preamble_text = "".join(p if isinstance(p, str) else p["lead"] + p["text"] for p in placer.preamble)
    first_line = lines[0].number if lines else 0
    facts = f.notice_facts(preamble_text, "\n".join(line.text for line in lines), title or title_line)
    channels = f.channels(invitation_line.text) if invitation_line else f.Channels()

    published = _published(sig_date, sig_lines, chrome, channels, invitation_line, review)
    issuer, short_name = _issuer(facts, sig_name, sig_lines, first_line, title_at, chrome, review)
    data: dict[str, Any] = {}
    data["id"] = _notice_id(notice_id, published, review)
    data["title"] = _title(title, title_line, title_at, facts, issuer, sig_name, review)
    data["published"] = published
    data["issuer"] = {"name": issuer, "short_name": tidy(short_name)}
    inspection = _inspection(facts, first_line, review)
    if inspection:
        data["inspection"] = inspection
    if placer.section_problems == "restart":
        data["section_problems"] = "restart"

    if channels.window:
        data["window"] = {"start": channels.window[0], "end": channels.window[1]}
        review.append(ReviewItem(invitation_line.number, "guess", texts.IMPORT_WINDOW.format(
            start=channels.window[0], end=channels.window[1])))
    data["preamble"] = placer.preamble
    data["parts"] = placer.parts
    if not placer.parts:  # no numbering at all: the opening paragraph, then the rest as one part without heading
        data["preamble"], rest = placer.preamble[:1], placer.preamble[1:]
        data["parts"] = [{"paragraphs": rest}]
        review.append(ReviewItem(0, "note", texts.IMPORT_NO_NUMBERING))
    contact: dict[str, Any] = {}
    if invitation_line:
        data["invitation"] = tidy(channels.invitation)
        contact = _contact(channels, invitation_line.number, review)
        if channels.leftover:
            review.append(ReviewItem(invitation_line.number, "dropped",
                                     texts.IMPORT_CLOSING_LEFTOVER.format(text=channels.leftover)))
    if contact:
        data["contact"] = contact
    else:
        review.append(ReviewItem(invitation_line.number if invitation_line else 0, "missing",
                                 texts.IMPORT_NO_CONTACT))
    if sig_name:
        signature_name = tidy(sig_name)
    else:
        signature_name = issuer
        review.append(ReviewItem(0, "guess", texts.IMPORT_SIGNATURE_FROM_ISSUER.format(issuer=issuer)))
    data["signature"] = {"name": signature_name, "date": sig_date or published}
    return Imported(data=_clean(data), review=sorted(review, key=lambda item: item.line))


def _published(sig_date: dt.date | None, sig_lines: list[Line], chrome: list[Line], channels: f.Channels,
               invitation_line: Line | None, review: list[ReviewItem]) -> dt.date | str:
    """The signature's date; else the date the web page states; else the window's first day; else a
    placeholder the build refuses (never today: that would hide the notice from earlier builds)."""
    if sig_date:
        review.append(ReviewItem(sig_lines[-1].number, "guess", texts.IMPORT_PUBLISHED.format(published=sig_date)))
        return sig_date
    stated = stated_date(chrome)
    if stated:
        review.append(ReviewItem(stated[1], "guess", texts.IMPORT_STATED_DATE.format(date=stated[0])))
        return stated[0]
    if channels.window and invitation_line:
        review.append(ReviewItem(invitation_line.number, "guess", texts.IMPORT_WINDOW_DATE.format(date=channels.window[0])))
        return channels.window[0]
    review.append(ReviewItem(0, "missing", texts.IMPORT_NO_DATE.format(placeholder=PLACEHOLDER_DATE)))
    return PLACEHOLDER_DATE


def _issuer(facts: f.Facts, sig_name: str, sig_lines: list[Line], first_line: int, title_at: int,
            chrome: list[Line], review: list[ReviewItem]) -> tuple[str, str]:
    """The issuer's full name and short name: the title's full name wins over the preamble's short form;
    the body a law database names (发文机关) only when the notice itself names none."""
    if facts.title_issuer:
        full = tidy(facts.title_issuer)
        short = facts.short_name
        if facts.issuer and tidy(facts.issuer) != full:
            short = short or facts.issuer
            review.append(ReviewItem(title_at or first_line, "guess", texts.IMPORT_ISSUER_FROM_TITLE.format(
                full=full, short=tidy(facts.issuer))))
        else:
            review.append(ReviewItem(title_at, "guess", texts.IMPORT_ISSUER_TITLE.format(issuer=full)))
        return full, short
    issuer = tidy(facts.issuer or sig_name)
    stated = stated_issuer(chrome)
    if not issuer and stated:
        review.append(ReviewItem(stated[1], "guess", texts.IMPORT_ISSUER_FROM_PAGE.format(issuer=tidy(stated[0]))))
        return tidy(stated[0]), ""
    if not issuer:
        review.append(ReviewItem(0, "missing", texts.IMPORT_NO_ISSUER))
        return texts.IMPORT_FILL_ISSUER, ""
    if not facts.issuer:
        review.append(ReviewItem(sig_lines[0].number if sig_lines else 0, "guess", texts.IMPORT_ISSUER_FROM_SIGNATURE.format(issuer=issuer)))
    else:
        review.append(ReviewItem(first_line, "guess", texts.IMPORT_ISSUER.format(issuer=issuer) +
                                 (texts.IMPORT_SHORT_NAME.format(short_name=facts.short_name) if facts.short_name else "")))
    return issuer, facts.short_name


def _notice_id(notice_id: str, published: dt.date | str, review: list[ReviewItem]) -> str:
    if notice_id and _ID.match(notice_id):
        return notice_id
    guessed = f"notice-{published.isoformat()}" if isinstance(published, dt.date) else "notice-undated"
    review.append(ReviewItem(0, "guess", texts.IMPORT_GUESSED_ID.format(id=guessed)))
    return guessed


def _title(title: str, title_line: str, title_at: int, facts: f.Facts, issuer: str, sig_name: str,
           review: list[ReviewItem]) -> str:
    if title:
        return title
    if title_line:
        data_title = tidy(title_line)
        review.append(ReviewItem(title_at, "guess", texts.IMPORT_TITLE_FROM_FIRST_LINE.format(title=data_title)))
        return data_title
    if issuer == texts.IMPORT_FILL_ISSUER:  # no body named anywhere: nothing to make a title of
        review.append(ReviewItem(0, "missing", texts.IMPORT_NO_TITLE))
        return texts.IMPORT_FILL_TITLE
    data_title = tidy(texts.IMPORT_TITLE_ABOUT.format(issuer=issuer, subject=facts.title_object) if facts.title_object
                      else texts.IMPORT_TITLE_PLAIN.format(issuer=issuer))
    review.append(ReviewItem(0, "guess", texts.IMPORT_GUESSED_TITLE.format(title=data_title)))
    return data_title


def _inspection(facts: f.Facts, line: int, review: list[ReviewItem]) -> dict[str, Any] | None:
    """What the text says of the inspection; whatever it leaves out is named in the review, never guessed."""
    kind = INSPECTION_KINDS[1] if INSPECTION_KINDS[1] in facts.body else INSPECTION_KINDS[0]
    found = {"body": tidy(facts.body), "round": tidy(facts.round), "start": facts.start if facts.end else None,
             "end": facts.end if facts.start else None, "feedback": facts.feedback}
    names = {"body": texts.IMPORT_MISSING_BODY.format(kind=kind), "start": texts.IMPORT_MISSING_PERIOD.format(kind=kind),
             "feedback": texts.IMPORT_MISSING_FEEDBACK}
    missing = [name for key, name in names.items() if not found[key]]
    if not any(found[key] for key in names):
        return None
    if not found["body"]:
        review.append(ReviewItem(line, "dropped", texts.IMPORT_INSPECTION_WITHOUT_BODY.format(kind=kind)))
        return None
    shown = [texts.IMPORT_INSPECTION_BODY.format(kind=kind, body=found["body"])]
    if found["start"]:
        shown.append(texts.IMPORT_INSPECTION_PERIOD.format(start=found["start"], end=found["end"]))
    if found["feedback"]:
        shown.append(texts.IMPORT_INSPECTION_FEEDBACK.format(feedback=found["feedback"]))
    if found["round"]:
        shown.append(texts.IMPORT_INSPECTION_ROUND.format(round=found["round"]))
    review.append(ReviewItem(line, "guess", texts.IMPORT_FIELD_SEPARATOR.join(shown)))
    if missing:
        review.append(ReviewItem(line, "missing", texts.IMPORT_INSPECTION_MISSING.format(
            missing=texts.IMPORT_LIST_SEPARATOR.join(missing))))
    return found


def _contact(channels: f.Channels, line: int, review: list[ReviewItem]) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    if channels.phone:
        contact["phone"] = {"number": channels.phone, "hours": channels.hours}
    if channels.address and channels.postcode:
        contact["postal"] = {"address": tidy(channels.address), "postcode": channels.postcode,
                             "envelope_note": tidy(channels.envelope_note)}
    elif channels.address or channels.postcode:
        review.append(ReviewItem(line, "dropped", texts.IMPORT_POSTAL_INCOMPLETE))
    if channels.email:
        contact["email"] = channels.email
    if contact:
        found = texts.IMPORT_FIELD_SEPARATOR.join(contact)
        review.append(ReviewItem(line, "guess", texts.IMPORT_CONTACT_FROM_CLOSING.format(found=found)))
    return contact
