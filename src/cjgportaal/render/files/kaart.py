"""The sociale kaart's data: one search record per offering, and the exports of the whole aanbod.

Search records carry the full text (stemmed in Dutch by the search engine), the filter values of
every facet, and the facts a result shows at a glance. Nothing here knows the search engine or
MkDocs; `search_index.py` writes the records and `data_files.py` the exports.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ...catalog import availability
from ...catalog.catalog import Catalog
from ...catalog.entry_kinds import review_by
from ...catalog.facets import Dimension, dimensions
from ...model.models import Offering
from ...model.synonyms import SynonymGroup
from ...model.vocabulary import label
from .. import urls
from ..formatting import age_text, date_text
from ..glance import access_text, fact_texts, when_text
from .hsds_tabular import json_text, text_cell

EXACT_AGE = "jaar"  # filter with every whole year of age an offering covers, for "age 14"
PREGNANCY = "zwanger"
MAX_AGE = 27  # the oldest age the kaart's age field offers
# Filters the kaart ranks by and does not show: what the offering is for and whether it is full.
RANK = "rang"
PROFESSIONALS_ONLY = "alleen-professionals"
FULL = "vol"
OWN_AREA = "plek"  # the kernen of its own locations, before offerings that only serve them
NEXT_DATE = "datum"
NO_DATE = "9999-12-31"  # after every real date when sorting by date
# A facet with more values than this is no filter on the kaart: nobody goes through 5,000 boxes (the
# partners of 50,000 offerings: a 1.27 MB page), and its values would grow Pagefind's filter index,
# which the counts load whole. Its names are still in the searched text; the partners index lists
# each partner's offerings.
MAX_CHOICES = 500


@dataclass(frozen=True)
class SearchRecord:
    """One offering as the search engine indexes it."""

    url: str  # relative to the site root
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]
    synonyms: str = ""  # the other words of each synonym group the content holds; weighted low


_ENDINGS = ("heid", "en", "e", "s")  # Dutch endings the search engine's stemmer also drops


def _fold(text: str) -> str:
    # Lower case with long vowels made short, so that 'slapen' and 'slaapt' share a stem, as they do
    # for the search engine.
    return re.sub(r"([aeiou])\1", r"\1", text.casefold())


def _stem(word: str) -> str:
    # A rough Dutch stem, so that 'thuiszitten' also matches 'thuiszit' and 'scheiden' 'scheiding',
    # as the search engine's stemmer would; long enough to avoid matching short unrelated words.
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[:-len(ending)]
            break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


@cache
def _pattern(word: str) -> tuple[str, re.Pattern[str]]:
    # From the start of a word, so that 'angst' also matches 'angstig', and the words of a phrase in a
    # row. With the first stem, which a text must hold for the pattern to match: a quick test first.
    stems = [_stem(part) for part in _fold(word).split()]
    return stems[0], re.compile(r"(?<!\w)" + r"\w*\s+".join(map(re.escape, stems)))


def _holds(folded: str, word: str) -> bool:
    first, pattern = _pattern(word)
    return first in folded and pattern.search(folded) is not None


def synonyms_of(text: str, groups: Iterable[SynonymGroup]) -> list[str]:
    """The words of every group that has a word in `text`, except the words `text` itself holds."""
    folded = _fold(text)
    found: list[str] = []
    for group in groups:
        present = [_holds(folded, word) for word in group.words]
        if any(present):
            found += [word for word, there in zip(group.words, present, strict=True) if not there]
    return found


def _rank(o: Offering) -> dict[str, list[str]]:
    rank = [PROFESSIONALS_ONLY] if set(o.audiences) == {"professionals"} else []
    rank += [FULL] if o.status == "vol" else []
    return {RANK: rank, OWN_AREA: sorted({location.area for location in o.locations})}


def next_date(catalog: Catalog, o: Offering) -> str:
    """The date of the offering's next dated session as JJJJ-MM-DD; NO_DATE without one."""
    items = catalog.upcoming_items(o)
    return items[0].date.isoformat() if items else NO_DATE


def years_covered(offering: Offering) -> list[str]:
    """Every whole year of age the offering's range touches ('zwanger' for pregnancy)."""
    start, end = offering.age.start, offering.age.end
    years = [PREGNANCY] if start < 0 else []
    years += [str(year) for year in range(max(start, 0) // 12, min((end + 11) // 12, MAX_AGE + 1))]
    return years


def runs_text(catalog: Catalog, o: Offering) -> str:
    """The upcoming course runs, one item each with its status: 'Voorjaar 2027: 4 bijeenkomsten,
    2 februari 2027 tot 23 februari 2027 (vol); Najaar 2027: ...'; "" without runs."""
    texts = []
    for item in catalog.upcoming_items(o):
        if item.run is None:
            continue
        first, last = item.sessions[0].date, item.sessions[-1].date
        status = f" ({label(item.status).lower()})" if item.status != "gepland" else ""
        texts.append(f"{item.run.name or 'Ronde'}: {len(item.sessions)} bijeenkomsten, "
                     f"{date_text(first, False)} tot {date_text(last, False)}{status}")
    return "; ".join(texts)


def glance_facts(catalog: Catalog, o: Offering, directory_urls: bool = True) -> dict[str, str]:
    """The facts of an offering that a search result and mijn lijst show, as text (see glance)."""
    contact = o.contact
    return {
        "id": o.id, "titel": o.title, "url": urls.page_url(urls.offering_page(o.id), directory_urls),
        "samenvatting": o.summary, **fact_texts(catalog, o),
        "contact": contact.phone or contact.email or contact.website or "",
        "status": availability.status_label(o), "mededeling": catalog.current_notice(o),
        "rondes": runs_text(catalog, o),
    }


def saved_item(catalog: Catalog, o: Offering, site_url: str = "", directory_urls: bool = True) -> dict[str, str]:
    """What mijn lijst shows of an offering, also on paper for a parent: the facts at a glance,
    how to sign up and the address of its page."""
    facts = glance_facts(catalog, o, directory_urls)
    sign_up = o.sign_up
    ways = [sign_up.phone, sign_up.email, sign_up.website] if sign_up else []
    return {**facts, "aanmelden": ", ".join(way for way in ways if way), "pagina": site_url + facts["url"]}


def kaart_facets(catalog: Catalog) -> dict[str, Dimension]:
    """The facets the kaart filters by: those with at most MAX_CHOICES values."""
    return {key: facet for key, facet in dimensions(catalog).items() if len(facet.values) <= MAX_CHOICES}


def search_records(catalog: Catalog, directory_urls: bool = True) -> list[SearchRecord]:
    """A search record for every visible offering."""
    facets = kaart_facets(catalog).values()
    lists = catalog.lists
    records = []
    for o in catalog.visible_offerings():
        item = glance_facts(catalog, o, directory_urls)
        words = [o.title, o.summary, o.description, item["partner"],
                 *(lists.themes[t].name for t in o.themes), *(lists.tiers[t].name for t in o.tiers),
                 lists.kinds[o.kind].name, *(lists.area_label(a) for a in catalog.areas_of(o)),
                 *(location.name for location in o.locations)]
        filters = {facet.key: sorted(facet.of(o)) for facet in facets}
        filters[EXACT_AGE] = years_covered(o)
        filters |= _rank(o)
        meta = {**item, "gecontroleerd": date_text(o.checked, False),
                "verouderd": "ja" if catalog.is_stale(o) else ""}
        content = "\n".join(w for w in words if w)
        records.append(SearchRecord(item["url"], content, meta, filters,
                                    {"titel": o.title.casefold(), NEXT_DATE: next_date(catalog, o)},
                                    " ".join(synonyms_of(content, lists.synonyms.values()))))
    return records


def municipality_indexes(catalog: Catalog, split_above: int) -> dict[str, list[Offering]]:
    """The gemeenten the kaart searches one at a time, each with its own index: {gemeente id: the
    visible offerings in or for it}, by the gemeenten's names, those without offerings left out.
    Empty when one index holds every offering: a site of one gemeente, or of at most `split_above`
    offerings. An offering for more than one gemeente is in each of their indexes, and one that names
    no known place in all of them: nothing valid goes missing."""
    municipalities = catalog.lists.municipalities
    visible = catalog.visible_offerings()
    if len(municipalities) < 2 or len(visible) <= split_above:
        return {}
    groups: dict[str, list[Offering]] = {m.id: [] for m in sorted(municipalities.values(), key=lambda m: m.name.casefold())}
    for o in visible:
        for place in {m.id for a in catalog.areas_of(o) if (m := catalog.lists.municipality_of(a))} or groups.keys():
            groups[place].append(o)
    return {key: offerings for key, offerings in groups.items() if offerings}


def records_by_index(catalog: Catalog, split_above: int, directory_urls: bool = True) -> dict[str, list[SearchRecord]]:
    """The search records of each index of the kaart: {"": all} for one index, else {gemeente id:
    its records} (municipality_indexes)."""
    records = search_records(catalog, directory_urls)
    indexes = municipality_indexes(catalog, split_above)
    if not indexes:
        return {"": records}
    by_id = {record.meta["id"]: record for record in records}
    return {key: [by_id[o.id] for o in offerings] for key, offerings in indexes.items()}


CSV_COLUMNS = (
    "id", "titel", "organisatie", "samenvatting", "doelgroepen", "leeftijd", "leeftijd_van_maanden",
    "leeftijd_tot_maanden", "themas", "niveaus", "soort", "toegang", "kosten", "bedrag", "gebieden",
    "wanneer", "rondes", "talen", "erkenning_nji", "telefoon", "email", "website", "status", "mededeling", "gecontroleerd",
    "controleren_voor", "url",
)


def _row(catalog: Catalog, o: Offering, site_url: str, directory_urls: bool) -> dict[str, str | float]:
    lists = catalog.lists
    return {
        "id": o.id, "titel": o.title, "organisatie": catalog.partner_of(o).name, "samenvatting": o.summary,
        "doelgroepen": "; ".join(label(a) for a in o.audiences), "leeftijd": age_text(o.age),
        "leeftijd_van_maanden": o.age.start, "leeftijd_tot_maanden": o.age.end,
        "themas": "; ".join(lists.themes[t].name for t in o.themes),
        "niveaus": "; ".join(lists.tiers[t].name for t in o.tiers), "soort": lists.kinds[o.kind].name,
        "toegang": access_text(catalog, o), "kosten": label(o.cost.kind),
        "bedrag": "" if o.cost.amount is None else float(o.cost.amount),
        "gebieden": "; ".join(lists.area_label(a) for a in sorted(catalog.areas_of(o))),
        "wanneer": when_text(catalog, o), "rondes": runs_text(catalog, o), "talen": "; ".join(lists.languages[t].name for t in o.languages),
        "erkenning_nji": label(o.evidence.level) if o.evidence else "",
        "telefoon": o.contact.phone or "", "email": o.contact.email or "", "website": o.contact.website or "",
        "status": label(o.status), "mededeling": catalog.current_notice(o), "gecontroleerd": o.checked.isoformat(),
        "controleren_voor": review_by(o).isoformat(),
        "url": site_url + urls.page_url(urls.offering_page(o.id), directory_urls),
    }


def _cell(value: str | float) -> str:
    # Only text is guarded against running as a formula: a number such as -9 months stays a number.
    if isinstance(value, str):
        return text_cell(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.2f}".replace(".", ",") if math.isfinite(value) else ""


def export_csv(catalog: Catalog, site_url: str = "", directory_urls: bool = True) -> str:
    """All visible offerings as CSV the way Dutch Excel reads it: UTF-8 with a byte-order mark,
    separated by semicolons, amounts with a decimal comma."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for o in catalog.visible_offerings():
        writer.writerow({key: _cell(value) for key, value in _row(catalog, o, site_url, directory_urls).items()})
    return "\ufeff" + out.getvalue()


def export_json(catalog: Catalog, site_url: str = "", directory_urls: bool = True) -> str:
    """All visible offerings as JSON: the fields as partners write them, plus partner name and URL."""
    offerings = []
    for o in catalog.visible_offerings():
        data = o.model_dump(mode="json", by_alias=True, exclude_none=True)
        if not catalog.current_notice(o):  # a notice past its date is left out, as everywhere
            data.pop("mededeling", None)
        data["organisatie"] = catalog.partner_of(o).name
        data["url"] = site_url + urls.page_url(urls.offering_page(o.id), directory_urls)
        offerings.append(data)
    document = {"datum": catalog.today.isoformat(), "aantal": len(offerings), "aanbod": offerings}
    return json_text(document, separators=(",", ":")) + "\n"
