"""Our HSDS 3.0 profile: the Dutch extensions of the export, as Open Referral describes profiles.

A profile is a JSON merge patch (RFC 7386) per core schema it changes; the core schema with its patch
is the profile's schema. Ours keeps HSDS's own place for classifications, `attributes` with taxonomy
terms, and names the taxonomies there; facts that are no classification (our id, dates to check
again, the course run of a session) are properties of the object they describe, each declared here
with its type. Objects with such properties allow no others. The export and the tabular package take
the types of these properties from here.
"""

from __future__ import annotations

from typing import Any, get_args

from ...model.vocabulary import SessionStatus, Status
from .hsds_taxonomy import TAXONOMIES

PROFILE_NAME = "cjg-portaal"
DESCRIPTION = (
    "Profiel op HSDS 3.0 voor de sociale kaart van een Centrum voor Jeugd en Gezin (CJG). Elk bestand in "
    "schema/ is een JSON merge patch (RFC 7386) op het kernschema met dezelfde naam. Indelingen (thema's, "
    "niveaus, soorten aanbod, doelgroepen, toegang, verwijzers, kosten, gebieden, soorten partners, rollen en "
    "de erkenning door het NJi) staan waar HSDS ze zet: als attributes met een taxonomy term; de profielschema's "
    "noemen die taxonomieën. Wat geen indeling is, staat als eigen eigenschap met een naam die begint met cjg_ "
    "bij het object dat het beschrijft (organization, contact, service, schedule); het profiel legt van elke "
    "eigenschap het type vast en staat bij die objecten geen andere extra eigenschappen toe.")


def _text(description: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **more}


def _date(description: str) -> dict[str, Any]:
    return _text(description, format="date")


def _months(description: str) -> dict[str, Any]:
    # No minimum: a range for expecting parents starts before birth (-9 months).
    return {"type": "integer", "description": description}


# Core schema (file name without .json) → the properties the profile adds to it.
EXTENSIONS: dict[str, dict[str, dict[str, Any]]] = {
    "organization": {
        "cjg_id": _text("De id van de partner in de CJG-site."),
        "cjg_kerntaken": _text("De kerntaken van de partner, één per regel."),
        "cjg_beheerders": _text("Wie de gegevens van de partner beheert (GitHub-namen), gescheiden door spaties."),
        "cjg_leeftijd_van_maanden": _months("Leeftijd vanaf, in maanden."),
        "cjg_leeftijd_tot_maanden": _months("Leeftijd tot (niet tot en met), in maanden."),
        "cjg_verwijzen": _text("Hoe professionals naar de partner verwijzen."),
        "cjg_gecontroleerd": _date("Datum waarop de gegevens zijn nagekeken."),
        "cjg_controleren_voor": _date("Datum waarvoor de gegevens opnieuw moeten worden nagekeken."),
    },
    "contact": {
        "cjg_website": _text("Website van het contact (bij consultatie voor professionals).", format="uri"),
    },
    "service": {
        "cjg_id": _text("De id van het aanbod in de CJG-site."),
        "cjg_status": _text("Status in de CJG-site; 'vol' is in HSDS 'active'.", enum=list(get_args(Status))),
        "cjg_toegang_toelichting": _text("Toelichting op de toegang (aanmelden of verwijzing)."),
        "cjg_aanmelden_website": _text("Website om je aan te melden.", format="uri"),
        "cjg_aanmelden_telefoon": _text("Telefoonnummer om je aan te melden."),
        "cjg_aanmelden_email": _text("E-mailadres om je aan te melden.", format="email"),
        "cjg_nji_datum": _date("Datum van de erkenning door het NJi."),
        "cjg_mededeling_tot": _date("Datum tot wanneer de mededeling (alert) geldt."),
        "cjg_toegankelijkheid": _text("Toegankelijkheid van aanbod zonder vaste locatie."),
        "cjg_controleren_voor": _date("Datum waarvoor de gegevens opnieuw moeten worden nagekeken."),
    },
    "schedule": {
        "cjg_locatie": _text("Naam van de locatie van het aanbod waar deze tijd geldt."),
        "cjg_status": _text("Status van een bijeenkomst; zonder status is die gepland.",
                            enum=list(get_args(SessionStatus))),
        "cjg_ronde": _text("Sleutel van de ronde (cursusreeks) waar de bijeenkomst bij hoort."),
        "cjg_ronde_naam": _text("Naam van de ronde."),
        "cjg_ronde_status": _text("Status van de ronde; zonder status is die gepland.",
                                  enum=list(get_args(SessionStatus))),
        "cjg_ronde_plaatsen": {"type": "integer", "minimum": 1, "description": "Hoeveel deelnemers er in de ronde kunnen."},
        "cjg_ronde_aanmelden_uitleg": _text("Hoe je je aanmeldt voor de ronde."),
        "cjg_ronde_aanmelden_website": _text("Website om je aan te melden voor de ronde.", format="uri"),
        "cjg_ronde_aanmelden_telefoon": _text("Telefoonnummer om je aan te melden voor de ronde."),
        "cjg_ronde_aanmelden_email": _text("E-mailadres om je aan te melden voor de ronde.", format="email"),
    },
}
# The table of each schema with extensions in the tabular package.
EXTENDED_TABLES = {"organizations": "organization", "contacts": "contact", "services": "service",
                   "schedules": "schedule"}

_TAXONOMY_NAMES = "; ".join(f"{key}: {name}" for key, (name, _) in TAXONOMIES.items())


def patches() -> dict[str, dict[str, Any]]:
    """The profile: a JSON merge patch on each core schema it changes, by the schema's file name."""
    out: dict[str, dict[str, Any]] = {
        f"{schema}.json": {"additionalProperties": False, "properties": properties}
        for schema, properties in EXTENSIONS.items()}
    out["attribute.json"] = {"properties": {"link_type": {
        "description": f"De taxonomie van de term: {_TAXONOMY_NAMES}.", "enum": list(TAXONOMIES)}}}
    out["taxonomy_term.json"] = {"properties": {
        "taxonomy": {"description": "De taxonomie van de term (zoals link_type).", "enum": list(TAXONOMIES)},
        "code": {"description": "De taxonomie en de code in die taxonomie, met een schuine streep ertussen "
                               "(cjg-themas/opvoeden): uniek over alle taxonomieën."}}}
    return out


def profile_description() -> dict[str, Any]:
    """What profile.json says: the name, what the profile does and its patches."""
    return {"name": PROFILE_NAME, "title": "CJG-profiel op HSDS 3.0", "hsds_version": "3.0",
            "description": DESCRIPTION, "schemas": [f"schema/{name}" for name in sorted(patches())]}


def tabular_field(schema: dict[str, Any]) -> dict[str, Any]:
    """A profile property as a field of a Frictionless table schema (without its name)."""
    if schema["type"] != "string":
        return {"type": schema["type"]}
    form = schema.get("format")
    field: dict[str, Any] = {"type": "date"} if form == "date" else {"type": "string", **({"format": form} if form else {})}
    return field | ({"constraints": {"enum": schema["enum"]}} if "enum" in schema else {})
