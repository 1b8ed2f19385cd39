"""Contact channels: one list per contact, built once with one set of labels, for every page that shows them.

The notice page's contact sentence and the feedback page list the same channels
in the same order (phone, postal address, postcode, e-mail); the feedback page
only swaps in a prefilled mailto link and shows the envelope note on its envelope.
"""

from __future__ import annotations

from disclosures.core import records as r
from disclosures.core import texts
from disclosures.core.typography import present
from disclosures.model.viewmodels import Channel, ContactView


def _hours(phone: r.Phone | None) -> str:
    return f"{phone.hours.start}—{phone.hours.end}" if phone and phone.hours else ""


def tel_uri(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def channels(contact: r.Contact) -> tuple[Channel, ...]:
    phone, postal = contact.phone, contact.postal
    found = []
    if phone:
        hours = _hours(phone)
        found.append(Channel("phone", texts.CHANNEL_PHONE, phone.number, tel_uri(phone.number),
                             texts.CHANNEL_PHONE_HOURS.format(hours=hours) if hours else ""))
    if postal:
        note = texts.CHANNEL_ENVELOPE_NOTE.format(note=present(postal.envelope_note)) if postal.envelope_note else ""
        found.append(Channel("address", texts.CHANNEL_ADDRESS, present(postal.address), "", note))
        found.append(Channel("postcode", texts.CHANNEL_POSTCODE, postal.postcode, "", ""))
    if contact.email:
        found.append(Channel("email", texts.CHANNEL_EMAIL, contact.email, "mailto:" + contact.email, ""))
    return tuple(found)


def contact_view(contact: r.Contact) -> ContactView:
    phone, postal = contact.phone, contact.postal
    return ContactView(
        phone=phone.number if phone else "",
        phone_uri=tel_uri(phone.number) if phone else "",
        hours=_hours(phone),
        address=present(postal.address) if postal else "",
        postcode=postal.postcode if postal else "",
        envelope_note=present(postal.envelope_note) if postal else "",
        email=contact.email,
        items=channels(contact),
    )
