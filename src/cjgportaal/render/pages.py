"""Render the catalog into page bodies (HTML) for the generated pages of the site.

This layer knows nothing of MkDocs: it returns `GeneratedPage`s that the adapter hands over.
Jinja autoescapes every value; partner Markdown goes through `formatting.rich_text`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from itertools import groupby
from typing import Any, Literal
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import escape

from ..catalog.catalog import Catalog, review_by
from ..catalog.contact_point import opening_data, walk_ins
from ..catalog.facets import dimensions
from ..catalog.monitor import THIN, Monitor
from ..catalog.site_info import LICENSES
from ..model.fieldtypes import slug
from ..model.models import Offering, Partner
from ..model.vocabulary import AUDIENCES, WEEKDAYS, label
from . import formatting, glance, urls
from .charts import bar_chart
from .files.calendar_feeds import agenda_sessions, location_of
from .files.kaart import EXACT_AGE, MAX_AGE, PREGNANCY, saved_item
from .files.open_data import FILES as OPEN_DATA_FILES
from .form import form_fields, partner_folders
from .news import NewsPost

PAGE_SIZE = 50  # offerings per overview page: keeps every generated page small
KAART_PAGE_SIZE = 10  # results the sociale kaart shows at once (each loads a fragment)
MATCHING_LIMIT = 12  # offerings under a hand-written page; the rest through a link to the kaart
# Items on the agenda page (dated sessions, weekly walk-in hours): under ~100 KB of HTML in a large region.
AGENDA_LIMIT = 80
AGENDA_WEEKLY_LIMIT = 30


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: where it goes, its plain-text title and description, and its body
    (`html`, rendered when first asked for: a --dirty build renders only the pages that changed)."""

    src_uri: str
    title: str
    description: str
    render: Callable[[], str] = field(repr=False, compare=False)
    fingerprint_of: Callable[[], str] = field(repr=False, compare=False)
    in_nav: bool = False
    # Overviews stay out of Material's site search, which downloads its whole index on every page;
    # offering pages enter it with their title only (search_html).
    searchable: bool = True
    # Parts of the page to leave out (Material's page meta `hide`): "toc" gives the page the width;
    # "search" (our header) drops the site search, whose index would load first on the kaart.
    hide: tuple[str, ...] = ()
    # What the site search indexes instead of the whole page (None: the page itself).
    search_html: str | None = None

    @cached_property
    def html(self) -> str:
        """The page body."""
        return self.render()

    @cached_property
    def fingerprint(self) -> str:
        """Changes when anything the page shows changes: the data behind it, its title, its place
        in a list (asked for by --dirty builds only)."""
        return self.fingerprint_of()


@dataclass(frozen=True)
class RenderOptions:
    """Site-wide settings the templates need."""

    directory_urls: bool = True
    feedback_email: str | None = None
    repository: str = ""  # owner/name on GitHub, for "open as pull request"
    branch: str = "main"
    offerings_dir: str = "offerings"
    monitor_page: str = "professionals/aanbodmonitor.md"
    site_name: str = ""
    site_url: str = ""  # with a trailing slash, or empty
    error_report: Literal["email", "issue"] = "email"  # "Fout melden": to feedback_email, or an issue on the repository
    contact_email: str | None = None  # the contact form opens an e-mail to this address ...
    contact_endpoint: str | None = None  # ... or posts to this form endpoint of the municipality
    open_data_license: str = "CC0-1.0"  # SPDX id, shown on the Open data page


@pass_context
def _area(context: Context, area_id: str) -> str:
    catalog: Catalog = context["c"]
    return catalog.lists.area_label(area_id)


@cache  # one environment per process: `mkdocs serve` does not compile the templates on each rebuild
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("cjgportaal.render", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        label=label, age=formatting.age_text, date=formatting.date_text, time=formatting.time_text,
        cost=formatting.cost_text, tel=formatting.phone_href, rich=formatting.rich_text,
        whatsapp=formatting.whatsapp_href,
        names=lambda ids, table: [table[i].name for i in ids], slug=slug, area=_area,
    )
    env.globals["glance"] = glance
    return env


class Renderer:
    """Renders every generated page of one catalog (the offering schema drives the submission
    form), the helpline box and the offerings that match a hand-written page."""

    def __init__(self, catalog: Catalog, options: RenderOptions, offering_schema: dict[str, Any]) -> None:
        self.catalog = catalog
        self.options = options
        self.env = _environment()
        self._options_text = repr(options)  # part of every page's fingerprint
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
            "report_url": lambda name: self._report_url(here, name),
            "to_file": lambda path: urls.file_url(here, path, self.options.directory_urls),
        }

    def _report_url(self, here: str, name: str) -> str:
        """Where "Fout melden" on a page goes: a prefilled issue, an e-mail, or nowhere ('')."""
        page = self.options.site_url + urls.page_url(here, self.options.directory_urls)
        if self.options.error_report == "issue" and self.options.repository:
            query = urlencode({"template": "fout-melden.yml", "title": f"Fout melden: {name}", "pagina": page})
            return f"https://github.com/{self.options.repository}/issues/new?{query}"
        if self.options.feedback_email:
            query = urlencode({"subject": f"Fout melden: {name}",
                               "body": f"Pagina: {page}\r\n\r\nWat klopt er niet?\r\n"}, quote_via=quote)
            return f"mailto:{self.options.feedback_email}?{query}"
        return ""

    def _page(self, template: str, src_uri: str, title: str, description: str, in_nav: bool = False,
              searchable: bool = True, hide: tuple[str, ...] = (), search_html: str | None = None,
              shows: Iterable[tuple[str, str]] | None = None, variant: str = "",
              **context: Any) -> GeneratedPage:
        """A page from `template`. `shows`: the entries ("partner" or "aanbod", id) whose data the page
        shows (None: it may show anything); `variant`: anything else that changes it, such as the
        length of the list it is a page of."""
        render = partial(self.env.get_template(template).render,
                         title=title, description=description, c=self.catalog, options=self.options, urls=urls,
                         review_by=review_by, **self._links(src_uri), **context)
        def fingerprint() -> str:
            return "|".join((template, title, description, variant, self._options_text, self.catalog.fingerprint(shows)))

        return GeneratedPage(src_uri, title, description, render, fingerprint, in_nav, searchable, hide,
                             search_html)

    def _paged(self, template: str, src_uri: str, title: str, description: str, items: list[Any],
               in_nav: bool = False, shows: Callable[[Any], Iterable[tuple[str, str]]] | None = None,
               **context: Any) -> list[GeneratedPage]:
        """An overview split into pages of PAGE_SIZE items (page 1 at `src_uri`); the template gets
        `items` of its page, `total`, `first`, `number` and the `pager` of all pages. `shows`: the
        entries an item shows (see `_page`); None: a page may show anything."""
        chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
        sources = [src_uri] + [urls.listing_page(src_uri, n) for n in range(2, len(chunks) + 1)]
        return [
            self._page(template, source, title if n == 1 else f"{title} (pagina {n})", description,
                       in_nav and n == 1, False, variant=str(len(items)),
                       shows=None if shows is None else tuple(entry for item in chunk for entry in shows(item)),
                       items=chunk, total=len(items), first=(n - 1) * PAGE_SIZE + 1, number=n, pager=sources,
                       **context)
            for n, (source, chunk) in enumerate(zip(sources, chunks, strict=True), start=1)
        ]

    def _listing(self, src_uri: str, title: str, description: str, offerings: Iterable[Offering],
                 in_nav: bool = False) -> list[GeneratedPage]:
        """An overview of offerings, split into pages of PAGE_SIZE."""
        return self._paged("listing.html", src_uri, title, description, list(offerings), in_nav,
                           shows=lambda o: (("aanbod", o.id), ("partner", o.partner)))

    def pages(self) -> list[GeneratedPage]:
        """All generated pages: details, overviews and their indexes."""
        c = self.catalog
        visible = c.visible_offerings()
        # The site search, whose index every page downloads, holds an offering's title only; the
        # kaart searches the rest.
        out = [
            self._page("offering.html", urls.offering_page(o.id), o.title, o.summary,
                       search_html=f"<h1>{escape(o.title)}</h1>", shows=(("aanbod", o.id), ("partner", o.partner)),
                       offering=o,
                       partner=c.partner_of(o), saved_item=partial(saved_item, c, o, self.options.site_url, self.options.directory_urls))
            for o in c.offerings.values()
        ]
        out += [self._partner_page(p) for p in c.partners.values()]
        out += self._listing(urls.OFFERINGS_INDEX, "Alle aanbod",
                             "Al het aanbod van de partners van het CJG op een rij.", visible, True)
        out += self._paged("partners.html", urls.PARTNERS_INDEX, "Partners",
                           "Alle organisaties in het netwerk van het CJG: wie doet wat.", list(c.partners.values()), True)
        for audience in AUDIENCES:
            out += self._listing(urls.audience_page(audience), f"Aanbod voor {label(audience).lower()}",
                                 f"Aanbod van het CJG voor {label(audience).lower()}.",
                                 [o for o in visible if audience in o.audiences], True)
        for theme in c.lists.themes.values():
            out += self._listing(urls.theme_page(theme.id), theme.name, theme.description or theme.name,
                                 [o for o in visible if theme.id in o.themes])
        for band in c.lists.age_bands.values():
            out += self._listing(urls.age_band_page(band.id), band.name, band.description or band.name,
                                 [o for o in visible if band in c.age_bands_of(o)])
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
        youth = [o for o in visible if "jongeren" in o.audiences]
        if c.lists.youth_workers:
            out.append(self._page("youth_workers.html", urls.YOUTH_WORKERS_PAGE, "Jongerenwerkers",
                                  "Jongerenwerkers en straathoekwerkers in jouw kern: waar je ze vindt en hoe je "
                                  "ze bereikt.", True))
        out.append(self._page(
            "activities.html", urls.YOUTH_ACTIVITIES_PAGE, "Activiteiten",
            "Activiteiten en inloopuren voor jongeren, wat het eerst komt bovenaan.", True,
            sessions=sorted(((o, s) for o in youth for s in c.upcoming_sessions(o)),
                            key=lambda pair: (pair[1].date, pair[1].start, pair[0].title))[:PAGE_SIZE],
            weekly=sorted(((o, slot) for o in youth for slot in o.opening_hours),
                          key=lambda pair: (WEEKDAYS.index(pair[1].day), pair[1].start, pair[0].title))))
        out += self._professional_pages(visible)
        out.append(self._page("monitor.html", self.options.monitor_page, "Aanbodmonitor",
                              "Dekking, gaten en actualiteit van het aanbod van het CJG, in cijfers.",
                              True, m=Monitor(c), bar_chart=bar_chart, thin=THIN))
        out.append(self._open_data_page())
        return out

    def _partner_page(self, partner: Partner) -> GeneratedPage:
        offerings = self.catalog.offerings_of(partner)
        return self._page("partner.html", urls.partner_page(partner.id), partner.name, partner.summary,
                          partner=partner, offerings=offerings,
                          shows=(("partner", partner.id), *(("aanbod", o.id) for o in offerings)))

    def _professional_pages(self, visible: list[Offering]) -> list[GeneratedPage]:
        """The sociale kaart, mijn lijst, the verwijswijzer and the static lists per kern or wijk."""
        c = self.catalog
        facets = dimensions(c)
        area_word = facets["gebied"].label
        out = [self._page("kaart.html", urls.KAART_PAGE, "Sociale kaart",
                          "Zoek in al het aanbod voor kinderen, jongeren en ouders: filter op leeftijd, thema, "
                          f"{area_word.lower()}, kosten en toegang.", True, searchable=False,
                          hide=("toc", "search"),
                          facets=facets.values(), page_size=KAART_PAGE_SIZE, exact_age=EXACT_AGE,
                          pregnancy=PREGNANCY, max_age=MAX_AGE, area_word=area_word, has_offerings=bool(visible)),
               self._page("my_list.html", urls.MY_LIST_PAGE, "Mijn lijst",
                          "Verzamel aanbod voor een gezin, zet er een notitie bij, en print of deel de lijst.",
                          True, searchable=False)]
        if c.lists.referral_routes:
            routes = list(c.lists.referral_routes.values())
            groups = {route.group: [r for r in routes if r.group == route.group] for route in routes}
            out.append(self._page("referrals.html", urls.REFERRAL_PAGE, "Verwijswijzer",
                                  "Welke situatie, en waar ga je naartoe? Routes voor professionals rond kinderen "
                                  "en gezinnen.", True, groups=list(groups.items())))
        for area_id, name in facets["gebied"].values:
            out += self._listing(urls.area_page(area_id), f"Aanbod in {name}", f"Aanbod van het CJG in {name}.",
                                 [o for o in visible if area_id in c.areas_of(o)])
        out.append(self._page("groups.html", urls.AREAS_INDEX, f"Aanbod per {area_word.lower()}",
                              f"Het aanbod van het CJG ingedeeld naar {area_word.lower()}.", True,
                              groups=[(c.lists.areas[a], urls.area_page(a),
                                       sum(a in c.areas_of(o) for o in visible))
                                      for a, _ in facets["gebied"].values]))
        return out

    def _open_data_page(self) -> GeneratedPage:
        here = urls.OPEN_DATA_PAGE
        files = [(urls.file_url(here, path, self.options.directory_urls), posixpath.basename(path), what)
                 for path, what in OPEN_DATA_FILES.items()]
        license_ = self.options.open_data_license
        name, link = LICENSES.get(license_, (license_, ""))
        return self._page("open_data.html", here, "Open data",
                          "De gegevens van de sociale kaart als open data: HSDS 3.0 (JSON en CSV) en een feed "
                          "met nieuw aanbod.", files=files, license=license_, license_name=name,
                          license_url=link)


    def helplines_html(self) -> str:
        """The helpline box shown on every youth page ('' when the site has no helplines)."""
        helplines = list(self.catalog.lists.helplines.values())
        return self.env.get_template("helplines.html").render(helplines=helplines) if helplines else ""

    def matching_html(self, src_uri: str, filters: object) -> tuple[str, list[str]]:
        """Offerings matching a hand-written page's `aanbod:` front matter, and any problems with it."""
        if not isinstance(filters, dict):
            return "", ["'aanbod' moet velden hebben, zoals 'doelgroep: jongeren' en 'themas: [geld-en-werk]'."]
        lists = self.catalog.lists
        # front matter key → (its list, the values an offering has, the kaart's filter for it)
        known: dict[str, tuple[dict[str, Any], Callable[[Offering], set[str]], str]] = {
            "doelgroep": (dict.fromkeys(AUDIENCES), lambda o: set(o.audiences), "doelgroep"),
            "themas": (lists.themes, lambda o: set(o.themes), "thema"),
            "niveaus": (lists.tiers, lambda o: set(o.tiers), "niveau"),
            "soorten": (lists.kinds, lambda o: {o.kind}, "soort"),
            "leeftijdsgroepen": (lists.age_bands, lambda o: {b.id for b in self.catalog.age_bands_of(o)}, "leeftijd"),
        }
        problems: list[str] = []
        kaart_query: list[tuple[str, str]] = []
        offerings = self.catalog.visible_offerings()
        for key, value in filters.items():
            if key == "titel":
                continue
            if key not in known:
                problems.append(f"'aanbod.{key}' bestaat niet; kies uit {', '.join(known)}.")
                continue
            table, values_of, facet = known[key]
            wanted = set(value if isinstance(value, list) else [value])
            problems += [f"'{v}' bij 'aanbod.{key}' bestaat niet." for v in sorted(map(str, wanted - set(table)))]
            offerings = [o for o in offerings if values_of(o) & wanted]
            kaart_query += [(facet, v) for v in sorted(map(str, wanted & set(table)))]
        kaart = urls.relative_url(src_uri, urls.KAART_PAGE, self.options.directory_urls)
        html = self.env.get_template("matching.html").render(
            heading=filters.get("titel", "Aanbod bij dit onderwerp"), offerings=offerings[:MATCHING_LIMIT],
            total=len(offerings), kaart_url=f"{kaart}?{urlencode(kaart_query)}", c=self.catalog,
            options=self.options, review_by=review_by, **self._links(src_uri))
        return html, problems

    def parents_pages(self, posts: list[NewsPost]) -> list[GeneratedPage]:
        """The parents' agenda, the contact page (when the site has a loket) and the news index."""
        c = self.catalog
        sessions = agenda_sessions(c)
        weekly = walk_ins(c.visible_offerings())
        shown = sessions[:AGENDA_LIMIT]
        out = [self._page(
            "agenda.html", urls.AGENDA_PAGE, "Agenda en cursussen",
            "Cursussen, thema-avonden en inloopuren voor ouders, op datum. Zet ze in je agenda.", True,
            months=[(month, list(items)) for month, items in
                    groupby(shown, key=lambda pair: formatting.month_text(pair[1].date))],
            total=len(sessions), weekly=weekly[:AGENDA_WEEKLY_LIMIT], weekly_total=len(weekly),
            location_of=location_of)]
        if c.contact_point is not None:
            out.append(self._page(
                "contact.html", urls.CONTACT_PAGE, "Contact en loket",
                "Adres, telefoon, e-mail en openingstijden van het CJG, inloopspreekuren per kern en een "
                "contactformulier.", True, loket=c.contact_point, weekly=weekly, weekdays=WEEKDAYS,
                opening=opening_data(c.contact_point)))
        out.append(self._page("news.html", urls.NEWS_INDEX, "Nieuws",
                              "Nieuws van het CJG voor ouders en opvoeders.", True, variant=repr(posts), posts=posts))
        return out
