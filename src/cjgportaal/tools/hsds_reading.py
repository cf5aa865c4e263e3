"""Reading HSDS 3.0 input (a JSON file, a folder with organizations.json and services.json, or a
tabular package) into records, the fields the import knows, and small conversions of HSDS values."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..render.files.hsds_export import BYDAY
from ..render.files.hsds_tabular import NESTED_TABLES, nest, read_tables

DAYS = {code: day for day, code in BYDAY.items()}
STATUS_BACK = {"active": "actief", "temporarily closed": "gepauzeerd", "inactive": "gestopt", "defunct": "gestopt"}

# Fields each HSDS record type may carry that the import reads (or knows to be derived from what it reads).
ORG_FIELDS = {"id", "name", "description", "email", "website", "phones", "contacts", "locations", "attributes",
               "cjg_id", "cjg_kerntaken", "cjg_beheerders", "cjg_gecontroleerd", "cjg_controleren_voor",
               "cjg_leeftijd_van_maanden", "cjg_leeftijd_tot_maanden", "cjg_verwijzen"}
SERVICE_FIELDS = {
    "id", "organization_id", "name", "description", "url", "email", "status", "application_process",
    "minimum_age", "maximum_age", "assured_date", "alert", "phones", "contacts", "schedules",
    "service_at_locations", "languages", "cost_options", "attributes", "cjg_id", "cjg_status",
    "cjg_toegang_toelichting", "cjg_aanmelden_website", "cjg_aanmelden_telefoon", "cjg_aanmelden_email",
    "cjg_nji_datum", "cjg_mededeling_tot", "cjg_toegankelijkheid", "cjg_controleren_voor",
}
DERIVED = {"fees_description": "wordt bij de export gemaakt uit de kosten",
            "eligibility_description": "wordt bij de export gemaakt uit doelgroepen en leeftijd"}
SCHEDULE_FIELDS = {"id", "service_id", "location_id", "service_at_location_id", "opens_at", "closes_at", "notes",
                    "freq", "wkst", "byday", "dtstart", "valid_from", "valid_to", "until", "count", "description",
                    "cjg_locatie", "cjg_status"}
LOCATION_FIELDS = {"id", "location_type", "organization_id", "name", "addresses", "accessibility", "attributes"}
ADDRESS_FIELDS = {"id", "location_id", "address_1", "city", "region", "state_province", "postal_code", "country",
                   "address_type"}


class HsdsReadError(Exception):
    """The input cannot be read as HSDS at all."""


def read_hsds(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Organizations and services from an HSDS JSON file, a folder with organizations.json and
    services.json, or a tabular package (a folder with CSV files and datapackage.json); and
    report lines for the tables that have no place in our model."""
    if path.is_dir():
        if any(path.glob("*.csv")):
            tables = read_tables(path)
            organizations, services = nest(tables)
            return organizations, services, [
                f"{name}.csv: niet overgenomen ({len(rows)} regels): het CJG-model heeft er geen plek voor."
                for name, rows in sorted(tables.items()) if name not in NESTED_TABLES and rows]
        org_file, service_file = path / "organizations.json", path / "services.json"
        if not (org_file.exists() or service_file.exists()):
            raise HsdsReadError(f"{path} bevat geen CSV-bestanden en geen organizations.json of services.json.")
        return _records(org_file), _records(service_file), []
    data = _json(path)
    if isinstance(data, dict) and ("services" in data or "organizations" in data):
        return _list(data.get("organizations", []), path), _list(data.get("services", []), path), []
    records = _list(data if isinstance(data, list) else [data], path)
    services = [r for r in records if "status" in r or "organization_id" in r]
    organizations = [r for r in records if r not in services]
    organizations += [s["organization"] for s in services if isinstance(s.get("organization"), dict)]
    return organizations, services, []


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise HsdsReadError(f"{path} is geen leesbaar JSON-bestand: {exc}") from None


def _records(path: Path) -> list[dict[str, Any]]:
    return _list(_json(path), path) if path.exists() else []


def _list(value: Any, path: Path) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise HsdsReadError(f"{path}: verwacht een lijst met HSDS-records.")
    return value


def split_description(text: str) -> tuple[str, str]:
    """An HSDS description → our summary (at most 300 characters) and longer description."""
    text = (text or "").strip()
    first, _, rest = text.partition("\n\n")
    first = " ".join(first.split())
    if len(first) <= 300:
        return first, rest.strip()
    sentences = re.split(r"(?<=[.!?])\s+", first)
    summary = ""
    for sentence in sentences:
        if len(summary) + len(sentence) + 1 > 300:
            break
        summary = f"{summary} {sentence}".strip()
    summary = summary or first[:297].rstrip() + "..."
    return summary, text


def age_months(years: Any, maximum: bool) -> int | None:
    if not isinstance(years, (int, float)) or isinstance(years, bool):
        return None
    if not maximum:
        return round(years * 12)
    return (int(years) + 1) * 12 if years == int(years) else round(years * 12) + 1


def age_text(months: int) -> str:
    return f"{months // 12} jaar" if months % 12 == 0 else f"{months} maanden"


def attribute_terms(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(taxonomy, code, name, value) of each attribute with a taxonomy term."""
    out = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("name") or \
            attribute.get("link_type") or ""
        out.append((str(taxonomy), str(term.get("code") or ""), str(term.get("name") or ""),
                    str(attribute.get("value") or "")))
    return out


