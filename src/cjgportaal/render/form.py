"""The "Aanbod aanmelden" form, generated from the offering's JSON Schema.

Types, required fields, patterns, allowed values and help texts come from the schema (or from HINTS,
where the schema's text only repeats the label); the site's lists give the options their names. The
browser script (theme/assets/javascripts/aanbod-formulier.js) turns the filled-in form into YAML, or
changes an offering's file (`?aanbod=<id>&partner=<partner id>`, read from the form's data files); it sends nothing itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, get_args

from ..catalog.catalog import Catalog
from ..model.vocabulary import SessionStatus, label

SESSION_STATUSES = tuple((value, label(value)) for value in get_args(SessionStatus))

# The form's fields in order: (path in the YAML, Dutch label, widget). Widgets: text, textarea,
# select, radios, checkboxes, number, sessions (rows of dated sessions), runs (course runs, each with
# its sessions).
FORM_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("titel", "Naam van het aanbod", "text"),
    ("partner", "Organisatie", "select"),
    ("samenvatting", "Korte samenvatting", "textarea"),
    ("beschrijving", "Uitgebreide beschrijving", "textarea"),
    ("doelgroepen", "Voor wie is het?", "checkboxes"),
    ("leeftijd.van", "Leeftijd vanaf", "text"),
    ("leeftijd.tot", "Leeftijd tot", "text"),
    ("themas", "Thema's", "checkboxes"),
    ("niveaus", "Niveau van ondersteuning", "checkboxes"),
    ("soort", "Soort aanbod", "select"),
    ("toegang.route", "Hoe kom je erin?", "radios"),
    ("toegang.verwijzers", "Wie kan verwijzen?", "checkboxes"),
    ("kosten.soort", "Kosten", "radios"),
    ("kosten.bedrag", "Bedrag in euro's", "number"),
    ("locaties.0.naam", "Naam van de locatie", "text"),
    ("locaties.0.straat", "Straat en huisnummer", "text"),
    ("locaties.0.postcode", "Postcode", "text"),
    ("locaties.0.plaats", "Plaats", "text"),
    ("locaties.0.gebied", "Kern of wijk", "select"),
    ("bijeenkomsten", "Losse bijeenkomsten", "sessions"),
    ("rondes", "Rondes van een cursus", "runs"),
    ("aanmelden.uitleg", "Hoe meld je je aan?", "textarea"),
    ("contact.naam", "Contact: team of functie", "text"),
    ("contact.telefoon", "Contact: telefoon", "text"),
    ("contact.email", "Contact: e-mail", "text"),
    ("contact.website", "Contact: website", "text"),
    ("talen", "Talen", "checkboxes"),
    ("toegankelijkheid", "Toegankelijkheid", "textarea"),
)
# The lines around a file that is sent in the body of an e-mail, so that `cjg ontvang` finds it
# whatever the e-mail program adds (a greeting, a signature, quoting).
MESSAGE_START = "----- begin van het bestand -----"
MESSAGE_END = "----- einde van het bestand -----"
# Help that says more than the label; the schema's descriptions are written for the YAML files.
HINTS = {
    "titel": "Zoals ouders het zouden zoeken, bijvoorbeeld 'Peuter in zicht' of 'Spreekuur slapen'.",
    "partner": "De organisatie die het aanbod geeft.",
    "themas": "Kies alles waar het aanbod over gaat. Ouders zoeken op deze thema's.",
    "niveaus": "Open huis is voor iedereen; hoe zwaarder de vraag, hoe verder in de lijst.",
    "soort": "Kies wat het meest past.",
    "toegang.route": "Kan iedereen zomaar komen, moet je je aanmelden of heb je een verwijzing nodig?",
    "toegang.verwijzers": "Alleen nodig als je een verwijzing nodig hebt.",
    "kosten.soort": "Wat betaalt een gezin?",
    "kosten.bedrag": "Alleen bij een eigen bijdrage, bijvoorbeeld 25 of 12,50.",
    "locaties.0.straat": "Bijvoorbeeld De Rede 80. Laat leeg bij online of telefonisch aanbod.",
    "locaties.0.postcode": "Bijvoorbeeld 8251 EX.",
    "locaties.0.plaats": "Bijvoorbeeld Dronten.",
    "locaties.0.gebied": "Hiermee vinden ouders het aanbod bij hen in de buurt.",
    "bijeenkomsten": "Avonden of ochtenden die los van elkaar te bezoeken zijn. Geen vaste data? Laat dit leeg.",
    "rondes": "Een cursus met een vaste groep: je meldt je aan voor alle bijeenkomsten van een ronde samen.",
    "contact.email": "Een algemeen adres van je team, zoals info@… (geen persoonlijk adres).",
    "talen": "In welke talen kan een gezin hier terecht?",
}


@dataclass(frozen=True)
class FormField:
    """One field of the form, ready for the template."""

    path: str
    label: str
    widget: str
    help: str
    required: bool
    pattern: str = ""
    options: tuple[tuple[str, str], ...] = ()

    @property
    def html_id(self) -> str:
        """The id of the field's control."""
        return "veld-" + self.path.replace(".", "-")


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _property(schema: dict[str, Any], path: str) -> tuple[dict[str, Any], bool]:
    """The schema of a field and whether it is required (with all its parents)."""
    node, required = schema, True
    for part in path.split("."):
        node = _resolve(schema, node)
        if part.isdigit():
            node = node["items"]
            continue
        if node.get("type") == "array" or "anyOf" in node:
            node = _resolve(schema, next(n for n in node.get("anyOf", [node]) if n.get("type") != "null"))
            node = node.get("items", node)
            node = _resolve(schema, node)
        required = required and part in node.get("required", [])
        description = node["properties"][part].get("description", "")
        node = {**node["properties"][part], "description": description}
    return node, required


def _pattern(node: dict[str, Any]) -> str:
    for option in [node, *node.get("anyOf", []), *node.get("oneOf", [])]:
        if option.get("pattern"):
            return str(option["pattern"])
    return ""


def form_fields(catalog: Catalog, schema: dict[str, Any]) -> list[FormField]:
    """The form's fields with their help text, rules and options."""
    names: dict[str, dict[str, str]] = {
        "partner": {p.id: p.name for p in catalog.partners.values()},
        "themas": {k: v.name for k, v in catalog.lists.themes.items()},
        "niveaus": {k: v.name for k, v in catalog.lists.tiers.items()},
        "soort": {k: v.name for k, v in catalog.lists.kinds.items()},
        "toegang.verwijzers": {k: v.name for k, v in catalog.lists.referrers.items()},
        "locaties.0.gebied": {k: v.name for k, v in catalog.lists.areas.items()},
        "talen": {k: v.name for k, v in catalog.lists.languages.items()},
    }
    out = []
    for path, text, widget in FORM_FIELDS:
        if widget in ("sessions", "runs"):
            out.append(FormField(path, text, widget, HINTS[path], False, options=SESSION_STATUSES))
            continue
        node, required = _property(schema, path)
        values = node.get("enum") or node.get("items", {}).get("enum")
        options = tuple((key, name) for key, name in names.get(path, {}).items()) or \
            tuple((v, label(v)) for v in values or ())
        help_text = HINTS.get(path) or re.sub(r"\s*\(ids? uit [^)]*\)", "", node.get("description", ""))
        out.append(FormField(path, text, widget, help_text, required, _pattern(node), options))
    return out


def partner_folders(catalog: Catalog, default: str) -> dict[str, str]:
    """Where each partner keeps its offering files: its own folder if it has one, else `default`."""
    folders: dict[str, set[str]] = defaultdict(set)
    for (kind, entry_id), path in catalog.files.items():
        if kind == "aanbod":
            folders[catalog.offerings[entry_id].partner].add(path.rsplit("/", 1)[0])
    out = {}
    for partner_id in catalog.partners:
        own = [folder for folder in folders[partner_id] if folder.endswith("/" + partner_id)]
        out[partner_id] = own[0] if own else default
    return out
