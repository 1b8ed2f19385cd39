"""The site footer: the publisher and the registrations Chinese government sites must show, each only when set."""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import records as r
from disclosures.core import texts

# MIIT rules ask that the ICP number link to the national registration lookup.
ICP_LOOKUP = "https://beian.miit.gov.cn/"


@dataclass(frozen=True)
class FooterItem:
    label: str  # empty for an entry that is only a link (找错, the site mark)
    value: str
    href: str = ""
    image: str = ""  # a site path (docs/), shown instead of the value, which becomes its alt text


def footer_items(site: r.Site) -> tuple[FooterItem, ...]:
    reg = site.registrations
    items = [FooterItem(texts.FOOTER_PUBLISHER, site.publisher)] if site.publisher else []
    if reg.site_code:
        items.append(FooterItem(texts.FOOTER_SITE_CODE, reg.site_code))
    if reg.icp:
        items.append(FooterItem(texts.FOOTER_ICP, reg.icp, ICP_LOOKUP))
    if reg.public_security:
        items.append(FooterItem(texts.FOOTER_PUBLIC_SECURITY, reg.public_security))
    return tuple(items) + inspection_entries(reg)


def inspection_entries(reg: r.Registrations) -> tuple[FooterItem, ...]:
    """The national 我为政府网站找错 entry and the 党政机关网站标识, each only when data/site.yml sets it."""
    items = []
    if reg.site_mark:
        items.append(FooterItem("", texts.FOOTER_SITE_MARK, reg.site_mark, reg.site_mark_image))
    if reg.find_error:
        items.append(FooterItem("", texts.FOOTER_FIND_ERROR, reg.find_error))
    return tuple(items)
