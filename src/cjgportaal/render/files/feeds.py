"""The Atom feed "Nieuw in de sociale kaart": offerings by their last check, newest first.

The build has no git history, so the feed uses `gecontroleerd`: new and changed entries must be
checked, which sets that date. Each entry's id is the offering's stable HSDS UUID.
"""

from __future__ import annotations

from ...catalog.catalog import Catalog
from ...catalog.site_info import SiteInfo
from .. import urls
from .atom import AtomEntry, AtomFeed, atom_xml
from .hsds_ids import hsds_id, site_namespace

FEED_TITLE = "Nieuw in de sociale kaart"
FEED_SIZE = 50


def atom_feed(catalog: Catalog, site: SiteInfo, directory_urls: bool = True) -> bytes:
    """The feed as Atom XML."""
    ns = site_namespace(site.url)
    offerings = sorted(catalog.offerings.values(), key=lambda o: (o.checked, o.id), reverse=True)[:FEED_SIZE]
    feed = AtomFeed(
        id=f"urn:uuid:{hsds_id(ns, 'feed', 'nieuw-aanbod')}", title=f"{FEED_TITLE} – {site.name}",
        updated=max((o.checked for o in offerings), default=catalog.today), self_url=site.absolute(urls.CHANGES_FEED),
        page_url=site.absolute(""), author=site.name, rights=site.license_name_and_url()[0],
        subtitle="Nieuw en gewijzigd aanbod van de partners, het laatst nagekeken bovenaan.")
    entries = [
        AtomEntry(id=f"urn:uuid:{hsds_id(ns, 'aanbod', o.id)}", title=o.title, updated=o.checked,
                  url=site.absolute(urls.page_url(urls.offering_page(o.id), directory_urls)), summary=o.summary,
                  author=catalog.partner_of(o).name,
                  categories=tuple((t, catalog.lists.themes[t].name) for t in o.themes))
        for o in offerings
    ]
    return atom_xml(feed, entries)
