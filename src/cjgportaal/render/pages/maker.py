"""What every generated page is made with: `GeneratedPage`, the templates' settings and the
`Renderer`, which turns a template and the catalog into a page (or an overview split into pages).

This layer knows nothing of MkDocs: it returns `GeneratedPage`s that the adapter hands over.
Jinja autoescapes every value; partner Markdown goes through `formatting.rich_text`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ...catalog import availability
from ...catalog.catalog import Catalog
from ...catalog.entry_kinds import review_by
from ...catalog.facets import Dimension, dimensions
from ...catalog.fit import by_fit
from ...catalog.settings import SiteSettings
from ...model.fieldtypes import slug
from ...model.models import Offering
from ...model.vocabulary import AUDIENCES, label
from .. import formatting, glance, urls
from ..compiled_templates import compiled_templates
from ..news import NewsPost

PAGE_SIZE = 50  # offerings per overview page: keeps every generated page small
KAART_PAGE_SIZE = 10  # results the sociale kaart shows at once (each loads a fragment)
MATCHING_LIMIT = 8  # offerings shown under a hand-written page; the rest behind "Toon alle"
# A hand-written page's `aanbod:` keys and the kaart's filters with the same meaning.
KAART_FILTERS = {"doelgroep": "doelgroep", "themas": "thema", "niveaus": "niveau", "soorten": "soort",
                 "leeftijdsgroepen": "leeftijd"}
YOUTH_SECTION = "jongeren/"  # pages under it are the youth pages (as in the theme's main.html)
_HREF = Markup("<cjg-href>")  # a card's link, filled in per page: partner text, escaped, never holds it
# Offering cards by (offering id, heading level): the fingerprint they were rendered from, and the
# card. One per process, as the environment: `mkdocs serve --dirty` renders again only the cards
# whose data changed, where a title edit rewrites about 120 list pages at 5,000 offerings.
_CARDS: dict[tuple[str, int], tuple[str, str]] = {}


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
    # A page that may show any data (the monitor, the kaart, the agenda): its fingerprint holds a
    # hash of its body, so that an edit rebuilds it only when what it shows changed.
    shows_anything: bool = False

    @cached_property
    def html(self) -> str:
        """The page body."""
        return self.render()

    @cached_property
    def fingerprint(self) -> str:
        """Changes when anything the page shows changes: the data behind it, its title, its place
        in a list (asked for by --dirty builds only)."""
        if self.shows_anything:
            return f"{self.fingerprint_of()}|{hashlib.blake2b(self.html.encode()).hexdigest()}"
        return self.fingerprint_of()


@dataclass(frozen=True)
class RenderOptions:
    """Site-wide settings the templates need."""

    settings: SiteSettings = field(default_factory=SiteSettings)
    directory_urls: bool = True
    site_name: str = ""
    site_url: str = ""  # with a trailing slash, or empty
    contact_email: str | None = None  # where the contact form's e-mail goes: the configured address or the loket's


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
        auto_reload=False,  # the package's templates do not change while it runs
        bytecode_cache=compiled_templates(),
    )
    env.filters.update(
        label=label, age=formatting.age_text, date=formatting.date_text, time=formatting.time_text,
        cost=formatting.cost_text, tel=formatting.phone_href, rich=formatting.rich_text,
        whatsapp=formatting.whatsapp_href,
        names=lambda ids, table: [table[i].name for i in ids], slug=slug, area=_area,
    )
    env.globals.update(glance=glance, availability=availability)
    return env


class Renderer:
    """Renders pages of one catalog: what the page modules (see `registry`) build their pages with.
    The offering schema drives the submission form; the posts are the news."""

    def __init__(self, catalog: Catalog, options: RenderOptions, offering_schema: dict[str, Any],
                 posts: Sequence[NewsPost] = ()) -> None:
        self.catalog = catalog
        self.options = options
        self.env = _environment()
        self._options_text = repr(options)  # part of every page's fingerprint
        self.offering_schema = offering_schema
        self.posts = list(posts)
        self._groups: dict[str, dict[str, list[Offering]]] = {}

    @cached_property
    def _shared_context(self) -> dict[str, Any]:
        """What every template gets: the catalog, the settings and the helpers."""
        return {"c": self.catalog, "options": self.options, "urls": urls, "review_by": review_by}

    @cached_property
    def visible(self) -> list[Offering]:
        """The offerings shown in overviews, by title."""
        return self.catalog.visible_offerings()

    def groups(self, key: str) -> dict[str, list[Offering]]:
        """The visible offerings by each value of facet `key` (a theme, an age band, a kern...), by
        title: found in one pass per facet (a country has hundreds of kernen and tens of thousands of
        offerings, and every list page and hand-written page asks)."""
        found = self._groups.get(key)
        if found is None:
            found = self._groups[key] = {}
            values_of = self.facets[key].of
            for o in self.visible:
                for value in values_of(o):
                    found.setdefault(value, []).append(o)
        return found

    @cached_property
    def _by_fit(self) -> list[Offering]:
        """All visible offerings, best fit first: a page's matching offerings keep this order."""
        return by_fit(self.catalog, self.visible)

    @cached_property
    def facets(self) -> dict[str, Dimension]:
        """Every facet of the site (the areas among them); the kaart filters by `kaart_facets`."""
        return dimensions(self.catalog)

    def links(self, here: str) -> dict[str, Callable[..., str]]:
        """The link helpers of the templates on the page built from `here` (and offering cards, with their link)."""
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
            "card_html": lambda o, level: self.card_html(o, level, to(urls.offering_page(o.id))),
        }

    def card_html(self, offering: Offering, level: int, href: str) -> Markup:
        """An offering's card (card.html) with its title at heading `level`, linking to `href`.
        Rendered once until its data changes: an offering is on several lists (all, its audience,
        themes, ages and places), and only the link differs. The card shows the offering, its
        partner's name and the lists: what the fingerprint of the two entries covers."""
        key = (offering.id, level)
        stamp = self._options_text + self.catalog.fingerprint((("aanbod", offering.id), ("partner", offering.partner)))
        kept = _CARDS.get(key)
        if kept is None or kept[0] != stamp:
            kept = _CARDS[key] = stamp, self.env.get_template("card.html").render(
                offering=offering, level=level, href=_HREF, **self._shared_context)
        return Markup(kept[1].replace(_HREF, escape(href), 1))

    def _report_url(self, here: str, name: str) -> str:
        """Where "Fout melden" on a page goes: a prefilled issue, an e-mail, or nowhere ('')."""
        page = self.options.site_url + urls.page_url(here, self.options.directory_urls)
        if self.options.settings.error_report == "issue" and self.options.settings.repository:
            query = urlencode({"template": "fout-melden.yml", "title": f"Fout melden: {name}", "pagina": page})
            return f"https://github.com/{self.options.settings.repository}/issues/new?{query}"
        if self.options.settings.feedback_email:
            query = urlencode({"subject": f"Fout melden: {name}",
                               "body": f"Pagina: {page}\r\n\r\nWat klopt er niet?\r\n"}, quote_via=quote)
            return f"mailto:{self.options.settings.feedback_email}?{query}"
        return ""

    def page(self, template: str, src_uri: str, title: str, description: str, in_nav: bool = False,
              searchable: bool = True, hide: tuple[str, ...] = (), search_html: str | None = None,
              shows: Iterable[tuple[str, str]] | None = None, variant: str = "",
              **context: Any) -> GeneratedPage:
        """A page from `template`. `shows`: the entries ("partner" or "aanbod", id) whose data the page
        shows (None: it may show anything); `variant`: anything else that changes it, such as the
        length of the list it is a page of."""
        def render() -> str:
            return self.env.get_template(template).render(
                title=title, description=description, **self._shared_context, **self.links(src_uri), **context)

        def fingerprint() -> str:
            # The shared data (lists, loket) also reaches the theme around the page (the helplines).
            data = self.catalog.fingerprint(() if shows is None else shows)
            return "|".join((template, title, description, variant, self._options_text, data))

        return GeneratedPage(src_uri, title, description, render, fingerprint, in_nav, searchable, hide,
                             search_html, shows is None)

    def paged(self, template: str, src_uri: str, title: str, description: str, items: list[Any],
               in_nav: bool = False, shows: Callable[[Any], Iterable[tuple[str, str]]] | None = None,
               **context: Any) -> list[GeneratedPage]:
        """An overview split into pages of PAGE_SIZE items (page 1 at `src_uri`); the template gets
        `items` of its page, `total`, `first`, `number` and the `pager` of all pages. `shows`: the
        entries an item shows (see `page`); None: a page may show anything."""
        chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
        sources = [src_uri] + [urls.listing_page(src_uri, n) for n in range(2, len(chunks) + 1)]
        return [
            self.page(template, source, title if n == 1 else f"{title} (pagina {n})", description,
                       in_nav and n == 1, False, variant=str(len(items)),
                       shows=None if shows is None else tuple(entry for item in chunk for entry in shows(item)),
                       items=chunk, total=len(items), first=(n - 1) * PAGE_SIZE + 1, number=n, pager=sources,
                       **context)
            for n, (source, chunk) in enumerate(zip(sources, chunks, strict=True), start=1)
        ]

    def listing(self, src_uri: str, title: str, description: str, offerings: Iterable[Offering],
                 in_nav: bool = False) -> list[GeneratedPage]:
        """An overview of offerings, split into pages of PAGE_SIZE."""
        return self.paged("listing.html", src_uri, title, description, list(offerings), in_nav,
                           shows=lambda o: (("aanbod", o.id), ("partner", o.partner)))

    def helplines_html(self) -> str:
        """The helpline box shown on every youth page ('' when the site has no helplines)."""
        helplines = list(self.catalog.lists.helplines.values())
        return self.env.get_template("helplines.html").render(helplines=helplines) if helplines else ""

    def _matching(self, src_uri: str, filters: object) -> _Matching:
        """The offerings a hand-written page's `aanbod:` front matter asks for, best fit first (see
        `catalog.fit`), and any problems with it. A youth page shows offerings for young people only."""
        youth = src_uri.startswith(YOUTH_SECTION)
        if not isinstance(filters, dict):
            return _Matching(youth, None, [], ["'aanbod' moet velden hebben, zoals 'doelgroep: jongeren' en 'themas: [geld-en-werk]'."])
        problems: list[str] = []
        if youth:
            filters = {"doelgroep": "jongeren", **filters}
            if filters["doelgroep"] != "jongeren":
                problems.append("op een pagina voor jongeren staat alleen aanbod voor jongeren; zet 'doelgroep: jongeren'.")
        lists = self.catalog.lists
        # front matter key → its list (the facet of the same meaning is KAART_FILTERS[key])
        known: dict[str, Mapping[str, Any]] = {"doelgroep": dict.fromkeys(AUDIENCES), "themas": lists.themes,
                                               "niveaus": lists.tiers, "soorten": lists.kinds,
                                               "leeftijdsgroepen": lists.age_bands}
        ids: set[str] | None = None  # of the offerings that have every filter; None: no filter yet
        for key, value in filters.items():
            if key == "titel":
                continue
            if key not in known:
                problems.append(f"'aanbod.{key}' bestaat niet; kies uit {', '.join(known)}.")
                continue
            wanted = set(value if isinstance(value, list) else [value])
            problems += [f"'{v}' bij 'aanbod.{key}' bestaat niet." for v in sorted(map(str, wanted - set(known[key])))]
            groups = self.groups(KAART_FILTERS[key])
            having = {o.id for v in wanted for o in groups.get(v, ())}
            ids = having if ids is None else ids & having
        ordered = self._by_fit if ids is None else [o for o in self._by_fit if o.id in ids]
        return _Matching(youth, filters, ordered, problems)

    def matching_html(self, src_uri: str, filters: object) -> tuple[str, list[str]]:
        """Offerings matching a hand-written page's `aanbod:` front matter (see `_matching`), and any
        problems with it; on a youth page with the helplines before them."""
        matching = self._matching(src_uri, filters)
        helplines = Markup(self.helplines_html()) if matching.youth else Markup()
        if matching.filters is None:
            return helplines, matching.problems
        html = self.env.get_template("matching.html").render(
            heading=matching.filters.get("titel", "Aanbod bij dit onderwerp"), first=matching.shown[:MATCHING_LIMIT],
            rest=matching.shown[MATCHING_LIMIT:], total=len(matching.ordered), kaart=matching.kaart_query(),
            helplines=helplines, **self._shared_context, **self.links(src_uri))
        return html, matching.problems

    def matching_fingerprint(self, src_uri: str, filters: object) -> str:
        """A hash that changes when what `matching_html` shows for this page changes."""
        matching = self._matching(src_uri, filters)
        shown = [entry for o in matching.shown for entry in (("aanbod", o.id), ("partner", o.partner))]
        return f"{len(matching.ordered)}|{matching.kaart_query()}|{self.catalog.fingerprint(shown)}|" + \
            " ".join(o.id for o in matching.shown)


@dataclass(frozen=True)
class _Matching:
    """What a hand-written page's `aanbod:` asks for: the offerings, best fit first, and the problems."""

    youth: bool
    filters: dict[str, Any] | None  # as the page has them (a youth page's with 'doelgroep: jongeren'); None: unusable
    ordered: list[Offering]
    problems: list[str]

    def kaart_query(self) -> str | None:
        """Up to a page's worth the rest waits in the page itself; beyond that (a region with thousands
        of offerings) the page links to the kaart with the same filters chosen (this query)."""
        if len(self.ordered) <= PAGE_SIZE:
            return None
        return urlencode([(KAART_FILTERS[key], v) for key, value in (self.filters or {}).items() if key in KAART_FILTERS
                          for v in (value if isinstance(value, list) else [value])])

    @property
    def shown(self) -> list[Offering]:
        """The offerings the page holds: all, or the first MATCHING_LIMIT when it links to the kaart."""
        return self.ordered if self.kaart_query() is None else self.ordered[:MATCHING_LIMIT]
