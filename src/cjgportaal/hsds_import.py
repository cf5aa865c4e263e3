"""Open Referral HSDS 3.0 (JSON or tabular package) → partner and offering YAML files.

Our own export round-trips exactly: its `cjg_` properties and taxonomy attributes are read back.
Data from elsewhere gets sensible defaults where our model needs a value HSDS does not hold, and
every field that could not be taken over is reported, with the reason, in Dutch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from .catalog import DataFolders
from .fieldtypes import Email, Phone, Postcode, WebUrl
from .hsds_export import BYDAY, CONSULTATION_TITLE
from .hsds_tabular import NESTED_TABLES, nest, read_tables
from .hsds_taxonomy import terms
from .lists import Lists
from .loading import parse_yaml
from .models import Offering, Partner
from .references import OFFERING_REFERENCES, PARTNER_REFERENCES, check_references, reference_tables
from .scaffold import slug
from .validation import validate

DAYS = {code: day for day, code in BYDAY.items()}
STATUS_BACK = {"active": "actief", "temporarily closed": "gepauzeerd", "inactive": "gestopt", "defunct": "gestopt"}

# Fields each HSDS record type may carry that the import reads (or knows to be derived from what it reads).
_ORG_FIELDS = {"id", "name", "description", "email", "website", "phones", "contacts", "locations", "attributes",
               "cjg_id", "cjg_kerntaken", "cjg_beheerders", "cjg_gecontroleerd", "cjg_controleren_voor",
               "cjg_leeftijd_van_maanden", "cjg_leeftijd_tot_maanden", "cjg_verwijzen"}
_SERVICE_FIELDS = {
    "id", "organization_id", "name", "description", "url", "email", "status", "application_process",
    "minimum_age", "maximum_age", "assured_date", "alert", "phones", "contacts", "schedules",
    "service_at_locations", "languages", "cost_options", "attributes", "cjg_id", "cjg_status",
    "cjg_toegang_toelichting", "cjg_aanmelden_website", "cjg_aanmelden_telefoon", "cjg_aanmelden_email",
    "cjg_nji_datum", "cjg_mededeling_tot", "cjg_toegankelijkheid", "cjg_controleren_voor",
}
_DERIVED = {"fees_description": "wordt bij de export gemaakt uit de kosten",
            "eligibility_description": "wordt bij de export gemaakt uit doelgroepen en leeftijd"}
_SCHEDULE_FIELDS = {"id", "service_id", "location_id", "service_at_location_id", "opens_at", "closes_at", "notes",
                    "freq", "wkst", "byday", "dtstart", "valid_from", "valid_to", "until", "count", "description",
                    "cjg_locatie", "cjg_status"}
_LOCATION_FIELDS = {"id", "location_type", "organization_id", "name", "addresses", "accessibility", "attributes"}
_ADDRESS_FIELDS = {"id", "location_id", "address_1", "city", "region", "state_province", "postal_code", "country",
                   "address_type"}


@dataclass
class ImportResult:
    """What an import would write (path relative to the project → YAML text) and its report."""

    files: dict[str, str] = field(default_factory=dict)
    report: list[str] = field(default_factory=list)


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


def _age_months(years: Any, maximum: bool) -> int | None:
    if not isinstance(years, (int, float)) or isinstance(years, bool):
        return None
    if not maximum:
        return round(years * 12)
    return (int(years) + 1) * 12 if years == int(years) else round(years * 12) + 1


def _age_text(months: int) -> str:
    return f"{months // 12} jaar" if months % 12 == 0 else f"{months} maanden"


def _terms(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(taxonomy, code, name, value) of each attribute with a taxonomy term."""
    out = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("name") or \
            attribute.get("link_type") or ""
        out.append((str(taxonomy), str(term.get("code") or ""), str(term.get("name") or ""),
                    str(attribute.get("value") or "")))
    return out


class _Importer:
    def __init__(self, folders: DataFolders, lists: Lists, today: date, maintainers: list[str]) -> None:
        self.folders = folders
        self.lists = lists
        self.today = today
        self.maintainers = maintainers or ["@cjg-coordinator"]
        self.result = ImportResult()
        self.taken: set[str] = set()
        self.matched: set[tuple[str, str, str]] = set()  # foreign terms that matched one of our lists

    def note(self, where: str, text: str) -> None:
        self.result.report.append(f"{where}: {text}")

    def unmapped(self, where: str, record: dict[str, Any], known: set[str], prefix: str) -> None:
        own = "cjg_id" in record
        for key, value in record.items():
            if value in (None, "", [], {}) or key in known:
                continue
            if key in _DERIVED:
                if not own:
                    self.note(where, f"veld '{prefix}{key}' niet overgenomen: {_DERIVED[key]}.")
                continue
            self.note(where, f"veld '{prefix}{key}' niet overgenomen: het CJG-model heeft er geen plek voor.")

    def new_id(self, record: dict[str, Any], name: str) -> str:
        wanted = str(record.get("cjg_id") or slug(name) or "import")
        candidate, n = wanted, 2
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        return candidate

    def pick(self, where: str, field_name: str, found: list[tuple[str, str, str, str]], taxonomy: str,
             default: str | None, many: bool = True) -> list[str]:
        """Codes of one of our taxonomies from attributes; foreign terms matched by code or name."""
        table = terms(self.lists, taxonomy)
        codes = [code for tax, code, _, _ in found if tax == taxonomy and code in table]
        if not codes:
            by_name = {term.name.casefold(): code for code, term in table.items()}
            foreign = [(tax, code, name) for tax, code, name, _ in found if not tax.startswith(("cjg-", "nji-"))]
            for term in foreign:
                match = term[1] if term[1] in table else by_name.get(term[2].casefold(), "")
                if match:
                    codes.append(match)
                    self.matched.add(term)
        codes = list(dict.fromkeys(codes))
        if not codes and default is not None:
            codes = [default]
            self.note(where, f"'{field_name}' staat niet in de HSDS-gegevens; '{default}' gekozen. Pas dit aan.")
        return codes if many else codes[:1]

    def area(self, where: str, found: list[tuple[str, str, str, str]], *names: str) -> str:
        areas = self.lists.areas
        codes = [code for tax, code, _, _ in found if tax == "cjg-gebieden" and code in areas]
        if codes:
            return codes[0]
        by_name = {a.name.casefold(): a.id for a in areas.values()}
        for name in names:
            if name and name.casefold() in by_name:
                return by_name[name.casefold()]
        default = next(iter(areas))
        self.note(where, f"de kern of wijk van '{next((n for n in names if n), '?')}' is onbekend; "
                         f"'{default}' gekozen. Pas 'gebied' aan.")
        return default

    def checked(self, where: str, what: str, value: Any, kind: Any) -> str | None:
        """`value` when it is a valid value of field type `kind` (a text type); otherwise None and a report line."""
        if value in (None, ""):
            return None
        text = str(value).strip().strip('"').strip()
        adapter: TypeAdapter[str] = TypeAdapter(kind)  # `kind` is an Annotated str, such as Phone
        try:
            return adapter.validate_python(text)
        except ValidationError:
            self.note(where, f"{what} '{text}' niet overgenomen: de waarde is niet geldig.")
            return None

    def phone(self, where: str, value: Any) -> str | None:
        return self.checked(where, "telefoonnummer", value, Phone)

    def web(self, where: str, value: Any) -> str | None:
        return self.checked(where, "webadres", value, WebUrl)

    def email(self, where: str, value: Any) -> str | None:
        return self.checked(where, "e-mailadres", value, Email)

    def postcode(self, where: str, value: Any) -> str | None:
        return self.checked(where, "postcode", value, Postcode)

    def day(self, where: str, name: str, value: Any) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            self.note(where, f"{name} '{value}' niet overgenomen: geen datum.")
            return None

    # --- records ------------------------------------------------------------------------------

    def place(self, where: str, location: dict[str, Any], accessibility_out: list[str]) -> dict[str, Any]:
        """A location as our place fields; its accessibility texts go into `accessibility_out`."""
        addresses = location.get("addresses") or []
        address = addresses[0] if addresses else {}
        if len(addresses) > 1:
            self.note(where, "alleen het eerste adres van een locatie is overgenomen.")
        self.unmapped(where, location, _LOCATION_FIELDS, "location.")
        self.unmapped(where, address, _ADDRESS_FIELDS, "address.")
        accessibility_out += [str(a.get("description")) for a in location.get("accessibility") or []
                              if a.get("description")]
        name = str(location.get("name") or address.get("address_1") or "").strip()
        area = self.area(where, _terms(location), str(address.get("city") or ""), name)
        return {k: v for k, v in {
            "naam": name, "straat": address.get("address_1"),
            "postcode": self.postcode(where, address.get("postal_code")),
            "plaats": address.get("city"), "gebied": area}.items() if v not in (None, "")}

    def partner(self, org: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        name = str(org.get("name") or "").strip()
        partner_id = self.new_id(org, name)
        where = self.path("partner", partner_id, "")
        self.unmapped(where, org, _ORG_FIELDS, "organization.")
        found = _terms(org)
        summary, description = split_description(str(org.get("description") or ""))
        lists = self.lists
        types = self.pick(where, "type", found, "cjg-partnertypes", next(iter(lists.partner_types)), False)
        role = self.pick(where, "rol", found, "cjg-rollen", "partner", False)
        area = self.pick(where, "werkgebied", found, "cjg-gebieden", next(iter(lists.municipalities)))
        phones = org.get("phones") or []
        addresses = []
        for location in org.get("locations") or []:
            place = self.place(where, location, [])
            if place.get("straat") and place.get("postcode") and place.get("plaats"):
                addresses.append({**place, "naam": location.get("name")})
            else:
                self.note(where, f"adres '{place.get('naam', '')}' niet overgenomen: straat, postcode of plaats "
                                 "ontbreekt.")
        consultation = None
        for contact in org.get("contacts") or []:
            if contact.get("title") == CONSULTATION_TITLE and consultation is None:
                consultation = self.contact(where, contact, contact.get("phones") or [],
                                            contact.get("email"), contact.get("cjg_website"))
            else:
                self.note(where, f"contactpersoon '{contact.get('name', '')}' niet overgenomen: een partner heeft "
                                 "alleen een aanspreekpunt voor consultatie.")
        data = {
            "id": partner_id, "naam": name, "type": types[0], "rol": role[0],
            "samenvatting": summary or name, "beschrijving": description,
            "kerntaken": [t for t in str(org.get("cjg_kerntaken") or "").split("\n") if t.strip()],
            "website": self.web(where, org.get("website")),
            "telefoon": self.phone(where, phones[0].get("number")) if phones else None,
            "email": self.email(where, org.get("email")),
            "adressen": [{k: v for k, v in a.items() if v} for a in addresses],
            "werkgebied": area, "consultatie": consultation,
            "leeftijd": self.partner_age(where, org), "verwijzen": org.get("cjg_verwijzen"),
            "beheerders": str(org.get("cjg_beheerders") or "").split() or self.default_maintainers(where),
            **self.review(where, org.get("cjg_gecontroleerd"), org.get("cjg_controleren_voor"), "cjg_gecontroleerd"),
        }
        return partner_id, data

    def partner_age(self, where: str, org: dict[str, Any]) -> dict[str, Any] | None:
        start, end = org.get("cjg_leeftijd_van_maanden"), org.get("cjg_leeftijd_tot_maanden")
        if start is None and end is None:
            return None
        if not (isinstance(start, int) and isinstance(end, int) and start < end):
            self.note(where, f"leeftijd van {start} tot {end} maanden niet overgenomen: geen geldige leeftijden.")
            return None
        return {"van": _age_text(start), "tot": _age_text(end)}

    def default_maintainers(self, where: str) -> list[str]:
        self.note(where, f"'beheerders' staat niet in de HSDS-gegevens; {', '.join(self.maintainers)} gekozen.")
        return self.maintainers

    def review(self, where: str, checked: Any, review_by: Any, source: str) -> dict[str, Any]:
        day = self.day(where, source, checked)
        if day is None:
            day = self.today
            self.note(where, f"geen datum van de laatste controle ({source}); de importdatum "
                             f"{self.today.isoformat()} gekozen. Kijk alles na.")
        return {"gecontroleerd": day, "controleren_voor": self.day(where, "cjg_controleren_voor", review_by)}

    def contact(self, where: str, contact: dict[str, Any], phones: list[dict[str, Any]], email: Any,
                website: Any) -> dict[str, Any] | None:
        data = {"naam": str(contact.get("name") or ""),
                "telefoon": next((n for p in phones for n in [self.phone(where, p.get("number"))] if n), None),
                "email": self.email(where, email), "website": self.web(where, website)}
        return data if any(data[k] for k in ("telefoon", "email", "website")) else None

    def schedules(self, where: str, service: dict[str, Any], names: dict[str, str]) -> tuple[list[Any], list[Any]]:
        weekly, dated = [], []
        for schedule in service.get("schedules") or []:
            self.unmapped(where, schedule, _SCHEDULE_FIELDS, "schedule.")
            start, end = str(schedule.get("opens_at") or "")[:5], str(schedule.get("closes_at") or "")[:5]
            if not (re.fullmatch(r"\d\d:\d\d", start) and re.fullmatch(r"\d\d:\d\d", end)):
                self.note(where, f"tijd '{schedule.get('description') or schedule.get('id')}' niet overgenomen: "
                                 "opens_at of closes_at ontbreekt.")
                continue
            place = str(schedule.get("cjg_locatie") or names.get(str(schedule.get("service_at_location_id")))
                        or names.get(str(schedule.get("location_id"))) or "")
            slot = {"van": start, "tot": end, "locatie": place, "opmerking": str(schedule.get("notes") or "")}
            if schedule.get("freq") == "WEEKLY" and schedule.get("byday"):
                for code in str(schedule["byday"]).split(","):
                    if code.strip() in DAYS:
                        weekly.append({"dag": DAYS[code.strip()], **slot})
                    else:
                        self.note(where, f"dag '{code}' niet overgenomen: alleen vaste weekdagen passen.")
                for key in ("valid_from", "valid_to", "dtstart", "until", "count"):
                    if schedule.get(key):
                        self.note(where, f"veld 'schedule.{key}' niet overgenomen: vaste tijden per week "
                                         "hebben geen begin- of einddatum.")
            elif schedule.get("freq"):
                self.note(where, f"schema met freq={schedule['freq']} niet overgenomen: alleen wekelijkse tijden "
                                 "en losse data passen.")
            else:
                day = self.day(where, "dtstart", schedule.get("dtstart") or schedule.get("valid_from"))
                if day is not None:
                    dated.append({"datum": day, **slot, "status": schedule.get("cjg_status") or "gepland"})
        clean = [[{k: v for k, v in item.items() if v not in ("", None) and not (k == "status" and v == "gepland")}
                  for item in group] for group in (weekly, dated)]
        return clean[0], clean[1]

    def offering(self, service: dict[str, Any], partners: dict[str, str],
                 org_contacts: dict[str, dict[str, Any]]) -> tuple[str, str, dict[str, Any]] | None:
        name = str(service.get("name") or "").strip()
        org_id = str(service.get("organization_id") or "")
        if org_id not in partners:
            self.result.report.append(f"dienst '{name}': niet overgenomen: de organisatie ({org_id or 'geen'}) "
                                      "staat niet in de gegevens.")
            return None
        partner_id = partners[org_id]
        offering_id = self.new_id(service, name)
        where = self.path("aanbod", offering_id, partner_id)
        self.unmapped(where, service, _SERVICE_FIELDS | set(_DERIVED), "service.")
        lists = self.lists
        found = _terms(service)
        summary, description = split_description(str(service.get("description") or ""))
        audiences = self.pick(where, "doelgroepen", found, "cjg-doelgroepen", "ouders")
        themes = self.pick(where, "themas", found, "cjg-themas", next(iter(lists.themes)))
        tiers = self.pick(where, "niveaus", found, "cjg-niveaus", next(iter(lists.tiers)))
        kind = self.pick(where, "soort", found, "cjg-soorten",
                         "informatie" if "informatie" in lists.kinds else next(iter(lists.kinds)), False)
        route = self.pick(where, "toegang", found, "cjg-toegang", "aanmelden", False)
        referrers = self.pick(where, "verwijzers", found, "cjg-verwijzers", None)
        if route[0] == "verwijzing" and not referrers:
            referrers = [next(iter(lists.referrers))]
            self.note(where, f"'verwijzers' ontbreekt bij verwijzing; '{referrers[0]}' gekozen.")
        for tax, code, term_name, _ in found:
            if not tax.startswith(("cjg-", "nji-")) and (tax, code, term_name) not in self.matched:
                self.note(where, f"taxonomieterm '{term_name or code}' ({tax}) niet overgenomen: past niet bij de "
                                 "doelgroepen, thema's, niveaus, soorten of toegang van de site.")
        cost = self.cost(where, service, found)
        start = _age_months(service.get("minimum_age"), False)
        end = _age_months(service.get("maximum_age"), True)
        if start is None or end is None or start >= end:
            self.note(where, "leeftijd niet (goed) in de HSDS-gegevens; 0 tot 18 jaar gekozen. Pas dit aan.")
            start, end = 0, 216
        accessibility: list[str] = []
        locations, names = [], {}
        for sal in service.get("service_at_locations") or []:
            location = sal.get("location") or {}
            place = self.place(where, location, accessibility)
            if place.get("naam"):
                locations.append(place)
                names[str(sal.get("id"))] = names[str(location.get("id"))] = place["naam"]
            else:
                self.note(where, f"locatie {sal.get('location_id', '')} niet overgenomen: zonder naam en adres.")
        weekly, dated = self.schedules(where, service, names)
        phones = service.get("phones") or []
        contacts = service.get("contacts") or []
        first = contacts[0] if contacts else {}
        contact = self.contact(where, first, phones + (first.get("phones") or []),
                               service.get("email") or first.get("email"), service.get("url"))
        if contact is None:
            contact = org_contacts.get(org_id)
            self.note(where, "geen telefoon, e-mail of website bij de dienst; die van de organisatie gekozen.")
        if contact is None:
            self.note(where, "niet overgenomen: er is geen enkele manier om contact op te nemen.")
            return None
        evidence = [(code, value) for tax, code, _, value in found if tax == "nji-erkenning"]
        sign_up = {k: v for k, v in {
            "uitleg": service.get("application_process"),
            "website": self.web(where, service.get("cjg_aanmelden_website")),
            "telefoon": self.phone(where, service.get("cjg_aanmelden_telefoon")),
            "email": self.email(where, service.get("cjg_aanmelden_email"))}.items() if v}
        notice_until = self.day(where, "cjg_mededeling_tot", service.get("cjg_mededeling_tot"))
        alert = " ".join(str(service.get("alert") or "").split())
        if len(alert) > 300:
            self.note(where, "'alert' is langer dan 300 tekens en is ingekort.")
            alert = alert[:297] + "..."
        status = service.get("cjg_status") or STATUS_BACK.get(str(service.get("status")), "actief")
        data = {
            "id": offering_id, "titel": name, "partner": partner_id, "samenvatting": summary or name,
            "beschrijving": description, "doelgroepen": audiences,
            "leeftijd": {"van": _age_text(start), "tot": _age_text(end)},
            "themas": themes, "niveaus": tiers, "soort": kind[0],
            "toegang": {k: v for k, v in {"route": route[0], "verwijzers": referrers,
                                          "toelichting": service.get("cjg_toegang_toelichting")}.items() if v},
            "kosten": cost, "locaties": locations, "openingstijden": weekly, "bijeenkomsten": dated,
            "aanmelden": sign_up or None, "contact": {k: v for k, v in contact.items() if v},
            "talen": self.languages(where, service),
            "toegankelijkheid": service.get("cjg_toegankelijkheid") or (accessibility[0] if accessibility else ""),
            "onderbouwing": {k: v for k, v in {
                "nji": evidence[0][0], "datum": self.day(where, "cjg_nji_datum", service.get("cjg_nji_datum")),
                "link": self.web(where, evidence[0][1])}.items() if v} if evidence else None,
            "status": status,
            "mededeling": {k: v for k, v in {"tekst": alert, "tot": notice_until}.items() if v} if alert else None,
            **self.review(where, service.get("assured_date"), service.get("cjg_controleren_voor"), "assured_date"),
        }
        return offering_id, partner_id, data

    def cost(self, where: str, service: dict[str, Any], found: list[tuple[str, str, str, str]]) -> dict[str, Any]:
        options = service.get("cost_options") or []
        option = options[0] if options else {}
        for extra in options[1:]:
            self.note(where, f"kostenoptie '{extra.get('option', '')}' niet overgenomen: het CJG-model heeft één "
                             "bedrag.")
        amount = option.get("amount")
        currency = str(option.get("currency") or "EUR").upper()
        if amount is not None and currency != "EUR":
            self.note(where, f"bedrag {amount} {currency} niet overgenomen: alleen bedragen in euro's passen.")
            amount = None
        kinds = [code for tax, code, _, _ in found if tax == "cjg-kosten"]
        if kinds:
            kind = kinds[0]
        elif isinstance(option.get("amount"), (int, float)):
            kind = "gratis" if option["amount"] == 0 else "eigen-bijdrage"
        else:
            kind = "gratis"
            self.note(where, "kosten staan niet in de HSDS-gegevens; 'gratis' gekozen. Pas dit aan.")
        return {k: v for k, v in {"soort": kind, "bedrag": amount if isinstance(amount, (int, float)) else None,
                                  "toelichting": option.get("amount_description")}.items() if v not in (None, "")}

    def languages(self, where: str, service: dict[str, Any]) -> list[str]:
        known = self.lists.languages
        by_name = {item.name.casefold(): key for key, item in known.items()}
        codes = []
        for language in service.get("languages") or []:
            code = str(language.get("code") or "").lower()
            found = code if code in known else by_name.get(str(language.get("name") or "").casefold())
            if found:
                codes.append(found)
            else:
                self.note(where, f"taal '{language.get('name') or code}' niet overgenomen: staat niet in "
                                 f"{self.folders.lists}/talen.yml.")
            if language.get("note"):
                self.note(where, "veld 'language.note' niet overgenomen: het CJG-model heeft er geen plek voor.")
        return list(dict.fromkeys(codes)) or ["nl"]

    def path(self, kind: str, entry_id: str, partner_id: str) -> str:
        if kind == "partner":
            return f"{self.folders.partners}/{entry_id}.yml"
        return f"{self.folders.offerings}/{partner_id}/{entry_id}.yml"


def _yaml(data: dict[str, Any], path: str, schema: str, source: str) -> str:
    depth = path.count("/")
    body = yaml.safe_dump(_prune(data), allow_unicode=True, sort_keys=False, width=100)
    return (f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}\n"
            f"# Geïmporteerd uit HSDS ({source}). Kijk alles na en controleer met: cjg validate\n{body}")


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def import_hsds(organizations: list[dict[str, Any]], services: list[dict[str, Any]], folders: DataFolders,
                lists: Lists, today: date, maintainers: list[str], source: str) -> ImportResult:
    """Map HSDS records to YAML texts; every file is checked against the model before it is kept."""
    importer = _Importer(folders, lists, today, maintainers)
    partners: dict[str, str] = {}
    org_contacts: dict[str, dict[str, Any]] = {}
    texts: list[tuple[str, str, Any, Any]] = []
    for org in organizations:
        partner_id, data = importer.partner(org)
        partners[str(org.get("id"))] = partner_id
        contact = {k: data.get(k) for k in ("telefoon", "email", "website")}
        if any(contact.values()):
            org_contacts[str(org.get("id"))] = {"naam": data["naam"], **contact}
        path = importer.path("partner", partner_id, "")
        texts.append((path, _yaml(data, path, "partner.schema.json", source), Partner, PARTNER_REFERENCES))
    for service in services:
        mapped = importer.offering(service, partners, org_contacts)
        if mapped is None:
            continue
        offering_id, partner_id, data = mapped
        path = importer.path("aanbod", offering_id, partner_id)
        texts.append((path, _yaml(data, path, "aanbod.schema.json", source), Offering, OFFERING_REFERENCES))
    existing = [p.stem for p in (folders.root / folders.partners).rglob("*.y*ml")]
    tables = reference_tables(lists, [*existing, *partners.values()])
    for path, text, model, references in texts:
        doc, problems = parse_yaml(text, path)
        if doc is not None:
            problems += validate(model, doc)[1] + check_references(doc, references, tables)
        if problems:
            importer.result.report += [f"{path}: niet geschreven: {p.format()}" for p in problems]
        else:
            importer.result.files[path] = text
    return importer.result
