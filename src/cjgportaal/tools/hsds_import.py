"""Open Referral HSDS 3.0 (JSON or tabular package) → partner and offering YAML files.

Our own export round-trips exactly: its `cjg_` properties and taxonomy attributes are read back.
Data from elsewhere gets sensible defaults where our model needs a value HSDS does not hold, and
every field that could not be taken over is reported, with the reason, in Dutch.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

from ..catalog.entry_kinds import (
    ENTRY_KINDS,
    OFFERING,
    PARTNER,
    DataFolders,
    EntryKind,
    check_entry,
    existing_ids,
    project_tables,
)
from ..load.problems import Severity
from ..load.yaml_files import parse_yaml
from ..model.lists import Lists
from ..render.files.hsds_export import CONSULTATION_TITLE
from .hsds_reading import (
    ADDRESS_FIELDS,
    DAYS,
    DERIVED,
    LOCATION_FIELDS,
    ORG_FIELDS,
    SCHEDULE_FIELDS,
    SERVICE_FIELDS,
    STATUS_BACK,
    age_months,
    age_text,
    attribute_terms,
    label,
    split_description,
)
from .hsds_values import HsdsValues, ImportResult


class _Importer(HsdsValues):
    """Maps HSDS organisations and services to our partner and offering data."""

    def place(self, where: str, location: dict[str, Any], accessibility_out: list[str]) -> dict[str, Any]:
        """A location as our place fields; its accessibility texts go into `accessibility_out`."""
        addresses = location.get("addresses") or []
        address = addresses[0] if addresses else {}
        if len(addresses) > 1:
            self.note(where, "alleen het eerste adres van een locatie is overgenomen.")
        self.unmapped(where, location, LOCATION_FIELDS, "location.")
        self.unmapped(where, address, ADDRESS_FIELDS, "address.")
        accessibility_out += [str(a.get("description")) for a in location.get("accessibility") or []
                              if a.get("description")]
        name = str(location.get("name") or address.get("address_1") or "").strip()
        area = self.area(where, attribute_terms(location), str(address.get("city") or ""), name)
        return {k: v for k, v in {
            "naam": name, "straat": address.get("address_1"),
            "postcode": self.postcode(where, address.get("postal_code")),
            "plaats": address.get("city"), "gebied": area}.items() if v not in (None, "")}

    def partner(self, org: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        name = str(org.get("name") or "").strip()
        partner_id = self.new_id(org, name, "partner")
        where = self.path("partner", partner_id, "")
        self.unmapped(where, org, ORG_FIELDS, "organization.")
        found = attribute_terms(org)
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
        return {"van": age_text(start), "tot": age_text(end)}

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

    def schedules(self, where: str, service: dict[str, Any],
                  names: dict[str, str]) -> tuple[list[Any], list[Any], list[Any]]:
        """The weekly hours, lone dated sessions and course runs (sessions with `cjg_ronde`)."""
        weekly, dated = [], []
        runs: dict[str, dict[str, Any]] = {}
        for schedule in service.get("schedules") or []:
            self.unmapped(where, schedule, SCHEDULE_FIELDS, "schedule.")
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
                if day is None:
                    continue
                session = {"datum": day, **slot, "status": schedule.get("cjg_status") or "gepland"}
                if schedule.get("cjg_ronde"):
                    self.run_of(where, schedule, runs)["bijeenkomsten"].append(session)
                else:
                    dated.append(session)
        def tidy(item: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in item.items() if v not in ("", None, {}) and not (k == "status" and v == "gepland")}

        rondes = [tidy(run) | {"bijeenkomsten": [tidy(s) for s in run["bijeenkomsten"]]} for run in runs.values()]
        return [tidy(item) for item in weekly], [tidy(item) for item in dated], rondes

    def run_of(self, where: str, schedule: dict[str, Any], runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The course run a schedule's session belongs to, made from its first session's `cjg_ronde` fields."""
        key = str(schedule["cjg_ronde"])
        if key not in runs:
            places = schedule.get("cjg_ronde_plaatsen")
            runs[key] = {"naam": schedule.get("cjg_ronde_naam"), "bijeenkomsten": [],
                         "status": schedule.get("cjg_ronde_status") or "gepland",
                         "plaatsen": places if isinstance(places, int) else None,
                         "aanmelden": {k: v for k, v in {
                             "uitleg": schedule.get("cjg_ronde_aanmelden_uitleg"),
                             "website": self.web(where, schedule.get("cjg_ronde_aanmelden_website")),
                             "telefoon": self.phone(where, schedule.get("cjg_ronde_aanmelden_telefoon")),
                             "email": self.email(where, schedule.get("cjg_ronde_aanmelden_email"))}.items() if v}}
        return runs[key]

    def offering(self, service: dict[str, Any], partners: dict[str, str],
                 org_contacts: dict[str, dict[str, Any]]) -> tuple[str, str, dict[str, Any]] | None:
        name = str(service.get("name") or "").strip()
        org_id = str(service.get("organization_id") or "")
        if org_id not in partners:
            self.result.report.append(f"dienst '{label(name)}': niet overgenomen: de organisatie ({label(org_id) or 'geen'}) "
                                      "staat niet in de gegevens.")
            return None
        partner_id = partners[org_id]
        offering_id = self.new_id(service, name, "aanbod", partner_id)
        where = self.path("aanbod", offering_id, partner_id)
        self.unmapped(where, service, SERVICE_FIELDS | set(DERIVED), "service.")
        lists = self.lists
        found = attribute_terms(service)
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
        start = age_months(service.get("minimum_age"), False)
        end = age_months(service.get("maximum_age"), True)
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
        weekly, dated, runs = self.schedules(where, service, names)
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
            "leeftijd": {"van": age_text(start), "tot": age_text(end)},
            "themas": themes, "niveaus": tiers, "soort": kind[0],
            "toegang": {k: v for k, v in {"route": route[0], "verwijzers": referrers,
                                          "toelichting": service.get("cjg_toegang_toelichting")}.items() if v},
            "kosten": cost, "locaties": locations, "openingstijden": weekly, "rondes": runs, "bijeenkomsten": dated,
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
    texts: list[tuple[str, str, EntryKind]] = []
    for org in organizations:
        partner_id, data = importer.partner(org)
        partners[str(org.get("id"))] = partner_id
        contact = {k: data.get(k) for k in ("telefoon", "email", "website")}
        if any(contact.values()):
            org_contacts[str(org.get("id"))] = {"naam": data["naam"], **contact}
        path = importer.path("partner", partner_id, "")
        texts.append((path, _yaml(data, path, PARTNER.schema, source), PARTNER))
    for service in services:
        mapped = importer.offering(service, partners, org_contacts)
        if mapped is None:
            continue
        offering_id, partner_id, data = mapped
        path = importer.path("aanbod", offering_id, partner_id)
        texts.append((path, _yaml(data, path, OFFERING.schema, source), OFFERING))
    tables = project_tables(folders, lists, tuple(partners.values()))
    # The ids already taken: by other files of the project (a file this import replaces does not
    # count), then by the files of this import written before.
    seen = {kind.key: existing_ids(kind, folders) for kind in ENTRY_KINDS}
    for path, text, kind in texts:
        doc, problems = parse_yaml(text, path)
        if doc is not None:
            ids = {i: where for i, where in seen[kind.key].items() if where != path}
            problems += check_entry(kind, doc, folders.root / path, tables, ids, today)[1]
            seen[kind.key] = ids
        if any(p.severity is Severity.ERROR for p in problems):
            importer.result.report += [f"{path}: niet geschreven: {p.format()}" for p in problems]
        else:
            importer.result.files[path] = text
            importer.result.report += [f"{path}: {p.format()}" for p in problems]
    return importer.result

