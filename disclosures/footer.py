"""The site footer: the publisher and the registrations Chinese government sites must show, each only when set."""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from . import records as r

# MIIT rules ask that the ICP number link to the national registration lookup.
ICP_LOOKUP = "https://beian.miit.gov.cn/"


@dataclass(frozen=True)
class FooterItem:
    label: str
    value: str
    href: str = ""


def footer_items(site: r.Site) -> tuple[FooterItem, ...]:
    reg = site.registrations
    items = [FooterItem(texts.FOOTER_PUBLISHER, site.publisher)] if site.publisher else []
    if reg.site_code:
        items.append(FooterItem(texts.FOOTER_SITE_CODE, reg.site_code))
    if reg.icp:
        items.append(FooterItem(texts.FOOTER_ICP, reg.icp, ICP_LOOKUP))
    if reg.public_security:
        items.append(FooterItem(texts.FOOTER_PUBLIC_SECURITY, reg.public_security))
    return tuple(items)
