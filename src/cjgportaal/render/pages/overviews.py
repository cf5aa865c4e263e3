"""The pages of the catalog itself: an offering's and a partner's page, and the overviews of
offerings (all, per audience, theme and age band) with their indexes."""

from __future__ import annotations

from functools import partial

from markupsafe import escape

from ...model.models import Partner
from ...model.vocabulary import AUDIENCES, label
from .. import urls
from ..files.kaart import saved_item
from .maker import GeneratedPage, Renderer


def offering_pages(r: Renderer) -> list[GeneratedPage]:
    """A page per offering. The site search, whose index every page downloads, holds an offering's
    title only (and a partner's name and summary); the kaart searches the rest."""
    c, options = r.catalog, r.options
    return [
        r.page("offering.html", urls.offering_page(o.id), o.title, o.summary,
               search_html=f"<h1>{escape(o.title)}</h1>", shows=(("aanbod", o.id), ("partner", o.partner)),
               offering=o, partner=c.partner_of(o),
               saved_item=partial(saved_item, c, o, options.site_url, options.directory_urls))
        for o in c.offerings.values()
    ]


def _partner_page(r: Renderer, partner: Partner) -> GeneratedPage:
    offerings = r.catalog.visible_offerings_of(partner)
    return r.page("partner.html", urls.partner_page(partner.id), partner.name, partner.summary,
                  search_html=f"<h1>{escape(partner.name)}</h1><p>{escape(partner.summary)}</p>",
                  partner=partner, offerings=offerings,
                  shows=(("partner", partner.id), *(("aanbod", o.id) for o in offerings)))


def partner_pages(r: Renderer) -> list[GeneratedPage]:
    """A page per partner, with its offerings."""
    return [_partner_page(r, p) for p in r.catalog.partners.values()]


def all_offerings(r: Renderer) -> list[GeneratedPage]:
    """Alle aanbod."""
    return r.listing(urls.OFFERINGS_INDEX, "Alle aanbod", "Al het aanbod van de partners van het CJG op een rij.",
                     r.visible, True)


def partners_index(r: Renderer) -> list[GeneratedPage]:
    """Partners: wie doet wat."""
    return r.paged("partners.html", urls.PARTNERS_INDEX, "Partners",
                   "Alle organisaties in het netwerk van het CJG: wie doet wat.", list(r.catalog.partners.values()), True,
                   hide=("navigation", "toc"))


def audience_pages(r: Renderer) -> list[GeneratedPage]:
    """The offerings for parents, young people and professionals."""
    return [page for audience in AUDIENCES
            for page in r.listing(urls.audience_page(audience), f"Aanbod voor {label(audience).lower()}",
                                  f"Aanbod van het CJG voor {label(audience).lower()}.",
                                  r.groups("doelgroep").get(audience, []), True)]


def theme_pages(r: Renderer) -> list[GeneratedPage]:
    """The offerings of each theme."""
    return [page for theme in r.catalog.lists.themes.values()
            for page in r.listing(urls.theme_page(theme.id), theme.name, theme.description or theme.name,
                                  r.groups("thema").get(theme.id, []))]


def age_band_pages(r: Renderer) -> list[GeneratedPage]:
    """The offerings of each age band."""
    c = r.catalog
    return [page for band in c.lists.age_bands.values()
            for page in r.listing(urls.age_band_page(band.id), band.name, band.description or band.name,
                                  r.groups("leeftijd").get(band.id, []))]


def themes_index(r: Renderer) -> list[GeneratedPage]:
    """Aanbod per thema: the themes with their number of offerings."""
    return [r.page("groups.html", urls.THEMES_INDEX, "Aanbod per thema", "Het aanbod van het CJG ingedeeld naar thema.",
                   True, groups=[(t, urls.theme_page(t.id), len(r.groups("thema").get(t.id, [])))
                                 for t in r.catalog.lists.themes.values()])]


def age_bands_index(r: Renderer) -> list[GeneratedPage]:
    """Aanbod per leeftijd: the age bands with their number of offerings."""
    c = r.catalog
    return [r.page("groups.html", urls.AGE_BANDS_INDEX, "Aanbod per leeftijd",
                   "Het aanbod van het CJG ingedeeld naar leeftijd.", True,
                   groups=[(b, urls.age_band_page(b.id), len(r.groups("leeftijd").get(b.id, [])))
                           for b in c.lists.age_bands.values()])]
