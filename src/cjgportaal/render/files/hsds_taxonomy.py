"""Our lists and fixed vocabularies as HSDS 3.0 taxonomies, shared by the export and the import."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...model.lists import Lists
from ...model.vocabulary import AUDIENCES, label

# Key used in HSDS (taxonomy name, attribute link_type) → Dutch name and what it holds.
TAXONOMIES: dict[str, tuple[str, str]] = {
    "cjg-themas": ("Thema's", "Thema's van het aanbod van het CJG."),
    "cjg-niveaus": ("Niveaus van ondersteuning", "Van open huis tot pedagogische hulp (niet geïndiceerd)."),
    "cjg-soorten": ("Soorten aanbod", "Cursus, spreekuur, inloop, huisbezoek, ..."),
    "cjg-doelgroepen": ("Doelgroepen", "Voor wie het aanbod is: ouders, jongeren, professionals."),
    "cjg-toegang": ("Toegang", "Vrij toegankelijk, aanmelden of verwijzing nodig."),
    "cjg-verwijzers": ("Verwijzers", "Wie kan verwijzen naar aanbod waarvoor een verwijzing nodig is."),
    "nji-erkenning": ("Erkenning NJi", "Oordeel van de erkenningscommissie interventies (NJi-databank)."),
    "cjg-kosten": ("Kosten", "Gratis, eigen bijdrage of vergoed."),
    "cjg-gebieden": ("Gemeenten, kernen en wijken", "Waar een locatie ligt of een organisatie werkt."),
    "cjg-partnertypes": ("Soorten organisaties", "Soort partnerorganisatie in het CJG-netwerk."),
    "cjg-rollen": ("Rol in het CJG", "Kernpartner (in het kernteam) of partner."),
}

_FIXED = {
    "cjg-doelgroepen": AUDIENCES,
    "cjg-toegang": ("vrij-toegankelijk", "aanmelden", "verwijzing"),
    "nji-erkenning": ("goed-onderbouwd", "effectief-eerste-aanwijzingen", "effectief-goede-aanwijzingen",
                      "effectief-sterke-aanwijzingen"),
    "cjg-kosten": ("gratis", "eigen-bijdrage", "vergoed"),
    "cjg-rollen": ("kernpartner", "partner"),
}


def term_code(taxonomy: str, code: str) -> str:
    """The HSDS code of one of our terms: taxonomy/code, unique over all our taxonomies (the tabular
    package wants each code once), where our own codes repeat (a partner type and a referrer 'gemeente')."""
    return f"{taxonomy}/{code}"


def own_code(taxonomy: str, code: str) -> str:
    """Our code of a term from its HSDS code (`term_code`); a code without the prefix stays as it is."""
    return code.removeprefix(f"{taxonomy}/")


@dataclass(frozen=True)
class Term:
    """One term of one of our taxonomies."""

    code: str
    name: str
    description: str


def terms(lists: Lists, taxonomy: str) -> Mapping[str, Term]:
    """The terms of one of our taxonomies by code (our id)."""
    if taxonomy in _FIXED:
        return {code: Term(code, label(code), label(code)) for code in _FIXED[taxonomy]}
    tables: dict[str, Mapping[str, Any]] = {
        "cjg-themas": lists.themes, "cjg-niveaus": lists.tiers, "cjg-soorten": lists.kinds,
        "cjg-verwijzers": lists.referrers, "cjg-partnertypes": lists.partner_types,
        "cjg-gebieden": {**lists.municipalities, **lists.areas},
    }
    table = tables[taxonomy]
    return {key: Term(key, item.name, getattr(item, "description", "") or item.name) for key, item in table.items()}
