"""Render the catalog into page bodies (HTML) for the generated pages of the site.

This layer knows nothing of MkDocs: it returns `GeneratedPage`s that the adapter hands over.
Jinja autoescapes every value; partner Markdown goes through `formatting.rich_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from . import formatting, urls
from .catalog import Catalog, review_by
from .charts import bar_chart
from .form import form_fields, partner_folders
from .monitor import THIN, Monitor
from .models import Offering
from .vocabulary import AUDIENCES, label


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: where it goes, its plain-text title and description, and its body."""

    src_uri: str
    title: str
    description: str
    html: str
    in_nav: bool = False


@dataclass(frozen=True)
class RenderOptions:
    """Site-wide settings the templates need."""

    directory_urls: bool = True
    feedback_email: str | None = None
    repository: str = ""  # owner/name on GitHub, for "open as pull request"
    branch: str = "main"
    offerings_dir: str = "offerings"
    monitor_page: str = "professionals/aanbodmonitor.md"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("cjgportaal", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        label=label, age=formatting.age_text, date=formatting.date_text, time=formatting.time_text,
        cost=formatting.cost_text, tel=formatting.phone_href, rich=formatting.rich_text,
        names=lambda ids, table: [table[i].name for i in ids],
    )
    return env


class Renderer:
    """Renders every generated page of one catalog."""

    def __init__(self, catalog: Catalog, options: RenderOptions, offering_schema: dict[str, Any]) -> None:
        self.catalog = catalog
        self.options = options
        self.env = _environment()
        self.env.filters["area"] = catalog.lists.area_label
        self.offering_schema = offering_schema

    def _links(self, here: str) -> dict[str, Callable[[str], str]]:
        def to(target: str) -> str:
            return urls.relative_url(here, target, self.options.directory_urls)

        return {
            "to": to,
            "to_offering": lambda i: to(urls.offering_page(i)),
            "to_partner": lambda i: to(urls.partner_page(i)),
            "to_theme": lambda i: to(urls.theme_page(i)),
            "to_age": lambda i: to(urls.age_band_page(i)),
            "to_audience": lambda a: to(urls.audience_page(a)),
        }

    def _page(self, template: str, src_uri: str, title: str, description: str, in_nav: bool = False,
              **context: Any) -> GeneratedPage:
        html = self.env.get_template(template).render(
            title=title, description=description, c=self.catalog, options=self.options, urls=urls,
            review_by=review_by, **self._links(src_uri), **context,
        )
        return GeneratedPage(src_uri, title, description, html, in_nav)

    def _listing(self, src_uri: str, title: str, description: str, offerings: Iterable[Offering],
                 in_nav: bool = False) -> GeneratedPage:
        return self._page("listing.html", src_uri, title, description, in_nav, offerings=list(offerings))

    def pages(self) -> list[GeneratedPage]:
        """All generated pages: details, overviews and their indexes."""
        c = self.catalog
        visible = c.visible_offerings()
        out = [
            self._page("offering.html", urls.offering_page(o.id), o.title, o.summary, offering=o,
                       partner=c.partner_of(o))
            for o in c.offerings.values()
        ]
        out += [
            self._page("partner.html", urls.partner_page(p.id), p.name, p.summary, partner=p,
                       offerings=c.offerings_of(p))
            for p in c.partners.values()
        ]
        out.append(self._listing(urls.OFFERINGS_INDEX, "Alle aanbod",
                                 "Al het aanbod van de partners van het CJG op een rij.", visible, True))
        out.append(self._page("partners.html", urls.PARTNERS_INDEX, "Partners",
                              "Alle organisaties in het netwerk van het CJG: wie doet wat.", True))
        for audience in AUDIENCES:
            out.append(self._listing(urls.audience_page(audience), f"Aanbod voor {label(audience).lower()}",
                                     f"Aanbod van het CJG voor {label(audience).lower()}.",
                                     [o for o in visible if audience in o.audiences], True))
        for theme in c.lists.themes.values():
            out.append(self._listing(urls.theme_page(theme.id), theme.name, theme.description or theme.name,
                                     [o for o in visible if theme.id in o.themes]))
        for band in c.lists.age_bands.values():
            out.append(self._listing(urls.age_band_page(band.id), band.name, band.description or band.name,
                                     [o for o in visible if band in c.age_bands_of(o)]))
        out.append(self._page("groups.html", urls.THEMES_INDEX, "Aanbod per thema",
                              "Het aanbod van het CJG ingedeeld naar thema.", True,
                              groups=[(t, urls.theme_page(t.id), sum(t.id in o.themes for o in visible))
                                      for t in c.lists.themes.values()]))
        out.append(self._page("groups.html", urls.AGE_BANDS_INDEX, "Aanbod per leeftijd",
                              "Het aanbod van het CJG ingedeeld naar leeftijd.", True,
                              groups=[(b, urls.age_band_page(b.id),
                                       sum(b in c.age_bands_of(o) for o in visible))
                                      for b in c.lists.age_bands.values()]))
        out.append(self._page("form.html", urls.FORM_PAGE, "Aanbod aanmelden",
                              "Meld nieuw aanbod aan of pas het aan: het formulier maakt het bestand voor de site.",
                              True, fields=form_fields(c, self.offering_schema),
                              folders=partner_folders(c, self.options.offerings_dir)))
        out.append(self._page("monitor.html", self.options.monitor_page, "Aanbodmonitor",
                              "Dekking, gaten en actualiteit van het aanbod van het CJG, in cijfers.",
                              True, m=Monitor(c), bar_chart=bar_chart, thin=THIN))
        return out


def render_pages(catalog: Catalog, options: RenderOptions, offering_schema: dict[str, Any]) -> list[GeneratedPage]:
    """Render every generated page of a catalog; the offering schema drives the submission form."""
    return Renderer(catalog, options, offering_schema).pages()
