"""Where each generated page lives, and relative links between pages."""

from __future__ import annotations

import posixpath

from ..catalog.catalog import Catalog, DatedItem
from ..model.models import Session

OFFERINGS_INDEX = "aanbod/index.md"
PARTNERS_INDEX = "organisaties/index.md"
THEMES_INDEX = "themas/index.md"
AGE_BANDS_INDEX = "leeftijden/index.md"
FORM_PAGE = "professionals/aanbod-aanmelden.md"
YOUTH_WORKERS_PAGE = "jongeren/jongerenwerkers.md"
YOUTH_ACTIVITIES_PAGE = "jongeren/activiteiten.md"


def offering_page(offering_id: str) -> str:
    """Source path of an offering's detail page."""
    return f"aanbod/{offering_id}.md"


def partner_page(partner_id: str) -> str:
    """Source path of a partner's detail page."""
    return f"organisaties/{partner_id}.md"


def theme_page(theme_id: str) -> str:
    """Source path of a theme's overview page."""
    return f"themas/{theme_id}.md"


def age_band_page(band_id: str) -> str:
    """Source path of an age band's overview page."""
    return f"leeftijden/{band_id}.md"


def audience_page(audience: str) -> str:
    """Source path of an audience's overview page."""
    return f"voor/{audience}.md"


def listing_page(first_page: str, number: int) -> str:
    """Source path of page `number` (2, 3, ...) of an overview whose first page is `first_page`.

    Under pagina/, so that no offering or partner id can collide with it.
    """
    return f"pagina/{first_page.removesuffix('.md').replace('/', '-')}/{number}.md"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives a Markdown source path."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def page_file(src_uri: str, directory_urls: bool = True) -> str:
    """The file (relative to the site folder) MkDocs writes a Markdown source path to."""
    url = page_url(src_uri, directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """A relative link from the page built from `from_src` to the page built from `to_src`."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    # The folders of both, without their common start; not posixpath.relpath, which asks the
    # operating system for the working directory on every call (thousands per page).
    base = (here if here.endswith("/") or not here else posixpath.dirname(here) + "/").strip("/").split("/")
    target = there.strip("/").split("/") if there else []
    base, target = [part for part in base if part], [part for part in target if part]
    common = 0
    while common < min(len(base), len(target)) and base[common] == target[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + target[common:])
    if there.endswith("/") or not there:
        return rel + "/" if rel else "./"
    return rel or "./"


KAART_PAGE = "sociale-kaart/index.md"
MY_LIST_PAGE = "sociale-kaart/mijn-lijst.md"
REFERRAL_PAGE = "professionals/verwijswijzer.md"
AREAS_INDEX = "plaatsen/index.md"
EXPORT_CSV = "sociale-kaart/aanbod.csv"  # files written next to the kaart page, not pages
EXPORT_JSON = "sociale-kaart/aanbod.json"
SEARCH_INDEX_DIR = "pagefind"  # the kaart's search index
SCHEMAS_DIR = "schemas"  # the JSON Schemas of the data files, for editors


def area_page(area_id: str) -> str:
    """Source path of a kern's or wijk's overview page."""
    return f"plaatsen/{area_id}.md"


AGENDA_PAGE = "ouders/agenda.md"
CONTACT_PAGE = "ouders/contact.md"
NEWS_INDEX = "nieuws/index.md"
NEWS_FEED = "nieuws/atom.xml"
AGENDA_FEED = "kalender/agenda.ics"  # in CALENDAR_DIR, as are the three below


def offering_feed(offering_id: str) -> str:
    """Path of an offering's iCalendar feed in the built site."""
    return f"kalender/{offering_id}.ics"


def run_file(offering_id: str, run_key: str) -> str:
    """Path of the iCalendar file of one course run, with all its sessions ("Zet in je agenda")."""
    return f"kalender/{offering_id}/ronde-{run_key}.ics"


def session_marker(session: Session) -> str:
    """What names a lone session in its offering's feed: `<JJJJMMDD>-<UUMM>`, the end of its UID
    before the host. The "Zet in je agenda" link of a lone session is the feed with this marker as
    its fragment, and agenda-datum.js makes a file with just that event from the feed."""
    return f"{session.date:%Y%m%d}-{session.start:%H%M}"


def feed_is_item(catalog: Catalog, item: DatedItem) -> bool:
    """True when the offering's feed holds this run or lone session and nothing else (no other
    item, no weekly hours): then "Zet in je agenda" gives the feed itself."""
    return (not catalog.weekly_hours(item.offering)
            and [i.sessions for i in catalog.upcoming_items(item.offering)] == [item.sessions])


def has_own_file(catalog: Catalog, item: DatedItem) -> bool:
    """True for a run that gets a file of its own: one that takes place, of an offering whose feed
    holds more than this run. Lone sessions never have their own file (see `session_marker`)."""
    return item.run is not None and item.status != "geannuleerd" and not feed_is_item(catalog, item)


def item_file(catalog: Catalog, item: DatedItem) -> str:
    """Path of what "Zet in je agenda" links to for a run or a lone session: a run's own file
    (`has_own_file`), else the offering's feed; for a lone session that shares the feed with
    other dates, the feed with the session's marker as fragment."""
    if has_own_file(catalog, item) and item.run is not None:
        return run_file(item.offering.id, item.run.key)
    feed = offering_feed(item.offering.id)
    return feed if item.run is not None or feed_is_item(catalog, item) else f"{feed}#{session_marker(item.next)}"


OPEN_DATA_PAGE = "over/open-data.md"
OPEN_DATA_DIR = "open-data"
HSDS_DIR = f"{OPEN_DATA_DIR}/hsds"
HSDS_TABULAR_DIR = f"{HSDS_DIR}/tabular"
HSDS_PROFILE_DIR = f"{HSDS_DIR}/profile"
CHANGES_FEED = f"{OPEN_DATA_DIR}/nieuw-aanbod.xml"  # "Nieuw in de sociale kaart"
ROBOTS = "robots.txt"
MONITOR_JSON = f"{OPEN_DATA_DIR}/aanbodmonitor.json"  # the aanbodmonitor's figures
MONITOR_CSV = f"{OPEN_DATA_DIR}/aanbodmonitor.csv"
SITEMAP = "sitemap.xml"  # written by MkDocs
CALENDAR_DIR = "kalender"


def webcal_url(site_url: str, path: str) -> str:
    """The webcal:// address of a calendar file, which agenda apps subscribe to instead of
    importing once; "" without a site URL."""
    host_and_path = site_url.partition("://")[2]
    return f"webcal://{host_and_path}{path}" if host_and_path else ""


def file_url(from_src: str, path: str, directory_urls: bool = True) -> str:
    """A relative link from the page built from `from_src` to a file (not a page) of the site."""
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    return posixpath.relpath(path, base or ".")


FORM_DATA_DIR = "formulier/partner"  # what the form reads to change an offering ("Wijzig dit aanbod")


def form_data_file(partner_id: str) -> str:
    """Path of the file with a partner's offerings, which the form loads for
    `?aanbod=<offering id>&partner=<partner_id>`."""
    return f"{FORM_DATA_DIR}/{partner_id}.json"


def form_link(offering_id: str, partner_id: str) -> str:
    """The query of the form's link that changes an offering ("Wijzig dit aanbod")."""
    return f"?aanbod={offering_id}&partner={partner_id}"
