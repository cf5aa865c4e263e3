"""The professionals' generated pages: the sociale kaart, mijn lijst, the verwijswijzer, the
overviews per kern or wijk, the submission form, the aanbodmonitor and the open data."""

from __future__ import annotations

import posixpath

from ...catalog.monitor import MANY, THIN, Monitor
from ...catalog.site_info import LICENSES
from .. import urls
from ..files.kaart import EXACT_AGE, MAX_AGE, PREGNANCY, kaart_facets, municipality_indexes
from ..files.outputs import published_files
from ..form import MESSAGE_END, MESSAGE_START, form_fields, partner_folders
from .maker import KAART_PAGE_SIZE, GeneratedPage, Renderer


def form_page(r: Renderer) -> list[GeneratedPage]:
    """Aanbod aanmelden: the form that makes an offering's file, or changes one (`?aanbod=<id>`)."""
    c = r.catalog
    return [r.page("form.html", urls.FORM_PAGE, "Aanbod aanmelden",
                   "Meld nieuw aanbod aan of pas het aan: het formulier maakt het bestand voor de site.",
                   True, fields=form_fields(c, r.offering_schema),
                   folders=partner_folders(c, r.options.settings.offerings_dir),
                   message_start=MESSAGE_START, message_end=MESSAGE_END)]


def kaart_page(r: Renderer) -> list[GeneratedPage]:
    """De sociale kaart: search and filters over all offerings (its results come from the index)."""
    area_word = r.facets["gebied"].label
    return [r.page("kaart.html", urls.KAART_PAGE, "Sociale kaart",
                   "Zoek in al het aanbod voor kinderen, jongeren en ouders: filter op leeftijd, thema, "
                   f"{area_word.lower()}, kosten en toegang.", True, searchable=False, hide=("navigation", "toc", "search"),
                   facets=kaart_facets(r.catalog).values(), page_size=KAART_PAGE_SIZE, exact_age=EXACT_AGE, pregnancy=PREGNANCY,
                   max_age=MAX_AGE, area_word=area_word, has_offerings=bool(r.visible),
                   municipalities=[(key, r.catalog.lists.municipalities[key].name)
                                   for key in municipality_indexes(r.catalog, r.options.settings.kaart_split_above)])]


def my_list_page(r: Renderer) -> list[GeneratedPage]:
    """Mijn lijst: offerings saved for a family (kept in the browser)."""
    return [r.page("my_list.html", urls.MY_LIST_PAGE, "Mijn lijst",
                   "Verzamel aanbod voor een gezin, zet er een notitie bij, en print of deel de lijst.",
                   True, searchable=False)]


def referrals_page(r: Renderer) -> list[GeneratedPage]:
    """De verwijswijzer: referral routes by situation (when the site has any)."""
    routes = list(r.catalog.lists.referral_routes.values())
    if not routes:
        return []
    groups = {route.group: [other for other in routes if other.group == route.group] for route in routes}
    return [r.page("referrals.html", urls.REFERRAL_PAGE, "Verwijswijzer",
                   "Welke situatie, en waar ga je naartoe? Routes voor professionals rond kinderen en gezinnen.",
                   True, groups=list(groups.items()))]


def area_pages(r: Renderer) -> list[GeneratedPage]:
    """The offerings in each kern or wijk."""
    return [page for area_id, name in r.facets["gebied"].values
            for page in r.listing(urls.area_page(area_id), f"Aanbod in {name}", f"Aanbod van het CJG in {name}.",
                                  r.groups("gebied").get(area_id, []))]


def areas_index(r: Renderer) -> list[GeneratedPage]:
    """Aanbod per kern (or wijk): the areas with their number of offerings."""
    c, area_word = r.catalog, r.facets["gebied"].label.lower()
    return [r.page("groups.html", urls.AREAS_INDEX, f"Aanbod per {area_word}",
                   f"Het aanbod van het CJG ingedeeld naar {area_word}.", True,
                   groups=[(c.lists.areas[a], urls.area_page(a), len(r.groups("gebied").get(a, [])))
                           for a, _ in r.facets["gebied"].values])]


def monitor_page(r: Renderer) -> list[GeneratedPage]:
    """De aanbodmonitor: coverage, gaps and freshness, for the coordinator."""
    return [r.page("monitor.html", r.options.settings.monitor_path, "Aanbodmonitor",
                   "Dekking, gaten en actualiteit van het aanbod van het CJG, in cijfers.",
                   True, hide=("navigation",), m=Monitor(r.catalog), thin=THIN, many=MANY)]


def open_data_page(r: Renderer) -> list[GeneratedPage]:
    """Open data: the published files (from the outputs' registry) and their licence."""
    here = urls.OPEN_DATA_PAGE
    files = [(urls.file_url(here, path, r.options.directory_urls), posixpath.basename(path), what)
             for path, what in published_files()]
    license_ = r.options.settings.open_data_license
    name, link = LICENSES.get(license_, (license_, ""))
    return [r.page("open_data.html", here, "Open data",
                   "De gegevens van de sociale kaart als open data: HSDS 3.0 (JSON en CSV) en een feed met nieuw "
                   "aanbod.", files=files, license=license_, license_name=name, license_url=link)]
