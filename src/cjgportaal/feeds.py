"""The Atom feed "Nieuw in de sociale kaart": offerings by their last check, newest first.

The build has no git history, so the feed uses `gecontroleerd`: new and changed entries must be
checked, which sets that date. Each entry's id is the offering's stable HSDS UUID.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import urls
from .catalog import Catalog
from .hsds_ids import hsds_id, site_namespace
from .site_info import SiteInfo

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "open-data/nieuw-aanbod.xml"
FEED_TITLE = "Nieuw in de sociale kaart"
FEED_SIZE = 50


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text:
        element.text = text
    return element


def atom_feed(catalog: Catalog, site: SiteInfo, directory_urls: bool = True) -> str:
    """The feed as Atom XML (ElementTree escapes all partner text)."""
    ns = site_namespace(site.url)
    offerings = sorted(catalog.offerings.values(), key=lambda o: (o.checked, o.id), reverse=True)[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    _sub(feed, "id", f"urn:uuid:{hsds_id(ns, 'feed', 'nieuw-aanbod')}")
    _sub(feed, "title", f"{FEED_TITLE} – {site.name}")
    _sub(feed, "subtitle", "Nieuw en gewijzigd aanbod van de partners, het laatst nagekeken bovenaan.")
    newest = max((o.checked for o in offerings), default=catalog.today)
    _sub(feed, "updated", f"{newest.isoformat()}T00:00:00Z")
    _sub(feed, "link", rel="self", type="application/atom+xml", href=site.absolute(FEED_PATH))
    _sub(feed, "link", rel="alternate", type="text/html", href=site.absolute(""))
    _sub(_sub(feed, "author"), "name", site.name)
    _sub(feed, "rights", site.license_name_and_url()[0])
    for offering in offerings:
        partner = catalog.partner_of(offering)
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:uuid:{hsds_id(ns, 'aanbod', offering.id)}")
        _sub(entry, "title", offering.title)
        _sub(entry, "updated", f"{offering.checked.isoformat()}T00:00:00Z")
        _sub(entry, "link", rel="alternate", type="text/html",
             href=site.absolute(urls.page_url(urls.offering_page(offering.id), directory_urls)))
        _sub(_sub(entry, "author"), "name", partner.name)
        _sub(entry, "summary", offering.summary)
        for theme in offering.themes:
            _sub(entry, "category", term=theme, label=catalog.lists.themes[theme].name)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
