"""The Atom feed "Nieuw in de sociale kaart": offerings by their last check, newest first.

The build has no git history, so the feed uses `gecontroleerd`: new and changed entries must be
checked, which sets that date. Each entry's id is the offering's stable HSDS UUID. Stopped
offerings are left out; a full or paused one says so in its title, with its notice in the summary.
"""

from __future__ import annotations

from ...catalog import availability
from ...catalog.catalog import Catalog
from ...catalog.site_info import SiteInfo
from ...model.models import Offering
from .. import urls
from .atom import AtomEntry, AtomFeed, atom_xml
from .hsds_ids import hsds_id, site_namespace

FEED_TITLE = "Nieuw in de sociale kaart"
FEED_SIZE = 50


def _title(catalog: Catalog, offering: Offering) -> str:
    status = availability.status_label(offering)
    return f"{offering.title} ({status.lower()})" if status else offering.title


def _notice(catalog: Catalog, offering: Offering) -> str:
    notice = catalog.current_notice(offering)
    return f"Let op: {notice}" if notice else ""


def atom_feed(catalog: Catalog, site: SiteInfo, directory_urls: bool = True) -> bytes:
    """The feed as Atom XML."""
    ns = site_namespace(site.url)
    offerings = sorted(catalog.visible_offerings(), key=lambda o: (o.checked, o.id), reverse=True)[:FEED_SIZE]
    feed = AtomFeed(
        id=f"urn:uuid:{hsds_id(ns, 'feed', 'nieuw-aanbod')}", title=f"{FEED_TITLE} – {site.name}",
        updated=max((o.checked for o in offerings), default=catalog.today), self_url=site.absolute(urls.CHANGES_FEED),
        page_url=site.absolute(urls.page_url(urls.KAART_PAGE, directory_urls)), author=site.name, rights=site.license_name_and_url()[0],
        subtitle="Nieuw en gewijzigd aanbod van de partners, het laatst nagekeken bovenaan.")
    entries = [
        AtomEntry(id=f"urn:uuid:{hsds_id(ns, 'aanbod', o.id)}", title=_title(catalog, o), updated=o.checked,
                  url=site.absolute(urls.page_url(urls.offering_page(o.id), directory_urls)),
                  summary=" ".join(part for part in (_notice(catalog, o), o.summary) if part),
                  author=catalog.partner_of(o).name,
                  categories=tuple((t, catalog.lists.themes[t].name) for t in o.themes))
        for o in offerings
    ]
    return atom_xml(feed, entries)
