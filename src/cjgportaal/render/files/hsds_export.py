"""The catalog as Open Referral HSDS 3.0: organisations and services with everything nested.

HSDS lacks some Dutch facts; they travel as attributes (taxonomy terms from `hsds_taxonomy`) or as
extra properties whose names start with `cjg_`, as our profile (`hsds_profile`) declares them. The import
(`hsds_import`) reads both back, so that export → import → export gives the same data.
Times are local time in Europe/Amsterdam with the UTC offset of their day (see `clock`). This module
needs no HSDS schema files.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from ...catalog.catalog import Catalog
from ...catalog.clock import TIMEZONE
from ...model.models import Address, CourseRun, Location, Offering, OpeningHours, Partner, Session, TimeSlot
from ...model.vocabulary import label
from .. import formatting
from .hsds_ids import hsds_id
from .hsds_taxonomy import TAXONOMIES, Term, term_code, terms

STATUS = {"actief": "active", "vol": "active", "gepauzeerd": "temporarily closed", "gestopt": "inactive"}
BYDAY = {"maandag": "MO", "dinsdag": "TU", "woensdag": "WE", "donderdag": "TH", "vrijdag": "FR",
         "zaterdag": "SA", "zondag": "SU"}
COUNTRY = "NL"
CONSULTATION_TITLE = "Consultatie voor professionals"  # marks a partner's consultation contact


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values: HSDS readers treat a missing field and an empty one alike."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def join_description(summary: str, description: str) -> str:
    """HSDS has one description: our summary, a blank line and our longer text."""
    return f"{summary}\n\n{description.strip()}" if description.strip() else summary


def age_years(start: int, end: int) -> tuple[float, float]:
    """Our age range in months (end exclusive) as HSDS minimum_age and maximum_age in years.

    HSDS's maximum is inclusive: 'tot 4 jaar' is a maximum age of 3 (whole years); a range that
    ends in months gives the last month as a fraction of a year.
    """
    maximum = end // 12 - 1 if end % 12 == 0 else (end - 1) / 12
    return _number(start / 12), _number(maximum)


def clock(day: date, moment: time) -> tuple[str, float]:
    """A local time on `day` as HSDS wants it, HH:MM:SS with the UTC offset of that day in
    Europe/Amsterdam (19:30:00+01:00), and that offset in hours (HSDS's `timezone`)."""
    at = datetime.combine(day, moment, TIMEZONE)
    offset = at.utcoffset()
    hours = offset.total_seconds() / 3600 if offset is not None else 0
    return at.isoformat(timespec="seconds").split("T")[1], _number(hours)


def _number(value: float) -> float:
    """Whole numbers as int (4, not 4.0), others to two decimals."""
    return int(value) if value == int(value) else round(value, 2)


class HsdsExporter:
    """Builds HSDS 3.0 records from one catalog; ids are stable UUIDs within `namespace`."""

    def __init__(self, catalog: Catalog, namespace: uuid.UUID) -> None:
        self.catalog = catalog
        self.ns = namespace
        self._terms: dict[str, Mapping[str, Term]] = {}  # asked for per attribute: a country has 400 gebieden

    def _id(self, *parts: object) -> str:
        return hsds_id(self.ns, *parts)

    # --- taxonomy -----------------------------------------------------------------------------

    def taxonomy(self, key: str) -> dict[str, Any]:
        """The HSDS taxonomy record for one of our taxonomies."""
        name, description = TAXONOMIES[key]
        return {"id": self._id("taxonomie", key), "name": key, "description": f"{name}: {description}",
                "version": "1"}

    def _terms_of(self, key: str) -> Mapping[str, Term]:
        table = self._terms.get(key)
        if table is None:
            table = self._terms[key] = terms(self.catalog.lists, key)
        return table

    def term(self, key: str, code: str) -> dict[str, Any]:
        """The HSDS taxonomy term for a code of one of our taxonomies."""
        found = self._terms_of(key)[code]
        return {"id": self._id("term", key, code), "code": term_code(key, code), "name": found.name,
                "description": found.description, "taxonomy": key, "taxonomy_id": self._id("taxonomie", key),
                "language": "nl", "taxonomy_detail": self.taxonomy(key)}

    def _attributes(self, link_id: str, entity: str, pairs: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
        """Attributes linking `link_id` to terms: (taxonomy, code, value) triples."""
        out = []
        for key, code, value in pairs:
            term = self.term(key, code)
            out.append(_clean({"id": self._id("attribuut", link_id, key, code), "link_id": link_id,
                               "taxonomy_term_id": term["id"], "link_type": key, "link_entity": entity,
                               "value": value, "taxonomy_term": term}))
        return out

    def taxonomy_terms(self) -> list[dict[str, Any]]:
        """Every term of every taxonomy we use, for the tabular package."""
        return [self.term(key, code) for key in TAXONOMIES for code in self._terms_of(key)]

    # --- shared parts -------------------------------------------------------------------------

    def _phone(self, owner: dict[str, str], *parts: object, number: str | None) -> list[dict[str, Any]]:
        if not number:
            return []
        return [{"id": self._id(*parts, "telefoon"), **owner, "number": number, "type": "voice"}]

    def _address(self, location_id: str, street: str, postcode: str | None, town: str,
                 area: str) -> list[dict[str, Any]]:
        if not (street or town):
            return []
        municipality = self.catalog.lists.municipality_of(area)
        region, province = (municipality.name, municipality.province or "") if municipality else ("", "")
        # All of these are required; a places file without `provincie` leaves state_province empty.
        return [{"id": self._id("adres", location_id), "location_id": location_id, "address_1": street,
                 "city": town, **_clean({"region": region}), "state_province": province,
                 "postal_code": postcode or "", "country": COUNTRY, "address_type": "physical"}]

    def _location(self, location_id: str, place: Location | Address, organization_id: str | None,
                  accessibility: str) -> dict[str, Any]:
        return _clean({
            "id": location_id, "location_type": "physical", "organization_id": organization_id,
            "name": place.name,
            "addresses": self._address(location_id, place.street, place.postcode, place.town, place.area),
            "accessibility": [{"id": self._id("toegankelijkheid", location_id), "location_id": location_id,
                               "description": accessibility}] if accessibility else [],
            "attributes": self._attributes(location_id, "location", [("cjg-gebieden", place.area, "")]),
        })

    # --- organisation -------------------------------------------------------------------------

    def organization(self, partner: Partner) -> dict[str, Any]:
        """A partner as an HSDS organization."""
        org_id = self._id("partner", partner.id)
        contacts = []
        if partner.consultation is not None:
            consult = partner.consultation
            contact_id = self._id("partner", partner.id, "consultatie")
            contacts.append(_clean({
                "id": contact_id, "organization_id": org_id, "name": consult.name,
                "title": CONSULTATION_TITLE, "email": consult.email,
                "phones": self._phone({"contact_id": contact_id}, "partner", partner.id, "consultatie",
                                      number=consult.phone),
                "cjg_website": consult.website,
            }))
        pairs: list[tuple[str, str, str]] = [("cjg-partnertypes", partner.type, ""), ("cjg-rollen", partner.role, "")]
        pairs += [("cjg-gebieden", area, "") for area in partner.service_area]
        return _clean({
            "id": org_id, "name": partner.name,
            "description": join_description(partner.summary, partner.description),
            "email": partner.email, "website": partner.website,
            "phones": self._phone({"organization_id": org_id}, "partner", partner.id, number=partner.phone),
            "contacts": contacts,
            "locations": [self._location(self._id("partner", partner.id, "adres", n), address, org_id, "")
                          for n, address in enumerate(partner.addresses)],
            "attributes": self._attributes(org_id, "organization", pairs),
            "cjg_id": partner.id,
            "cjg_kerntaken": "\n".join(partner.core_tasks),
            "cjg_beheerders": " ".join(partner.maintainers),
            # HSDS keeps ages only for services: the partner's own range, in months ('tot' exclusive).
            "cjg_leeftijd_van_maanden": partner.age.start if partner.age else None,
            "cjg_leeftijd_tot_maanden": partner.age.end if partner.age else None,
            "cjg_verwijzen": partner.referral,
            "cjg_gecontroleerd": partner.checked.isoformat(),
            "cjg_controleren_voor": partner.review_by.isoformat() if partner.review_by else None,
        })

    # --- service ------------------------------------------------------------------------------

    def _schedule(self, offering: Offering, slot: TimeSlot, number: int,
                  places: dict[str, tuple[str, str]], run: CourseRun | None = None) -> dict[str, Any]:
        """A weekly slot or a dated session as an HSDS schedule; a session of a course run carries
        the run (its key, name, status, places and own sign-up) in `cjg_ronde` properties.

        A session's times carry the UTC offset of its date; weekly hours hold all year in local
        time, and carry the offset of the day the data is made (the catalog's today)."""
        service_id = self._id("aanbod", offering.id)
        location_id, sal_id = places.get(slot.location, (None, None))
        day = slot.date if isinstance(slot, Session) else self.catalog.today
        (opens_at, timezone), (closes_at, _) = clock(day, slot.start), clock(day, slot.end)
        record: dict[str, Any] = {
            "id": self._id("aanbod", offering.id, "tijd", number), "service_id": service_id,
            "location_id": location_id, "service_at_location_id": sal_id,
            "opens_at": opens_at, "closes_at": closes_at, "timezone": timezone,
            "notes": slot.note, "cjg_locatie": slot.location,
        }
        times = f"van {formatting.time_text(slot.start)} tot {formatting.time_text(slot.end)} uur"
        if isinstance(slot, OpeningHours):
            record |= {"freq": "WEEKLY", "wkst": "MO", "byday": BYDAY[slot.day],
                       "description": f"Elke {slot.day} {times}"}
        elif isinstance(slot, Session):
            iso = slot.date.isoformat()
            record |= {"dtstart": iso, "valid_from": iso, "valid_to": iso, "until": iso, "count": 1,
                       "description": f"{formatting.date_text(slot.date).capitalize()} {times}",
                       "cjg_status": None if slot.status == "gepland" else slot.status}
        if run is not None and isinstance(slot, Session):
            place = f"bijeenkomst {run.sessions.index(slot) + 1} van {len(run.sessions)}"
            sign_up = run.sign_up
            record |= {"description": f"{run.name or 'Ronde'}, {place}: {record['description']}",
                       "cjg_ronde": run.key, "cjg_ronde_naam": run.name,
                       "cjg_ronde_status": None if run.status == "gepland" else run.status,
                       "cjg_ronde_plaatsen": run.places,
                       "cjg_ronde_aanmelden_uitleg": sign_up.how if sign_up else None,
                       "cjg_ronde_aanmelden_website": sign_up.website if sign_up else None,
                       "cjg_ronde_aanmelden_telefoon": sign_up.phone if sign_up else None,
                       "cjg_ronde_aanmelden_email": sign_up.email if sign_up else None}
        return _clean(record)

    def service(self, offering: Offering) -> dict[str, Any]:
        """An offering as an HSDS service, with its locations, schedules and attributes."""
        service_id = self._id("aanbod", offering.id)
        contact = offering.contact
        places: dict[str, tuple[str, str]] = {}
        at_locations = []
        for n, place in enumerate(offering.locations):
            location_id = self._id("aanbod", offering.id, "locatie", n)
            sal_id = self._id("aanbod", offering.id, "op-locatie", n)
            places.setdefault(place.name, (location_id, sal_id))
            at_locations.append({"id": sal_id, "service_id": service_id, "location_id": location_id,
                                 "location": self._location(location_id, place, None, offering.accessibility)})
        slots: list[tuple[TimeSlot, CourseRun | None]] = [
            *((slot, None) for slot in [*offering.opening_hours, *offering.lone_sessions]),
            *((session, run) for run in offering.course_runs for session in run.sessions)]
        pairs: list[tuple[str, str, str]] = [("cjg-doelgroepen", a, "") for a in offering.audiences]
        pairs += [("cjg-themas", t, "") for t in offering.themes]
        pairs += [("cjg-niveaus", t, "") for t in offering.tiers]
        pairs += [("cjg-soorten", offering.kind, ""), ("cjg-toegang", offering.access.route, ""),
                  ("cjg-kosten", offering.cost.kind, "")]
        pairs += [("cjg-verwijzers", r, "") for r in offering.access.referrers]
        evidence = offering.evidence
        if evidence is not None:
            pairs.append(("nji-erkenning", evidence.level, evidence.link or ""))
        minimum, maximum = age_years(offering.age.start, offering.age.end)
        sign_up = offering.sign_up
        audiences = ", ".join(label(a).lower() for a in offering.audiences)
        languages = self.catalog.lists.languages
        return _clean({
            "id": service_id, "organization_id": self._id("partner", offering.partner),
            "name": offering.title, "description": join_description(offering.summary, offering.description),
            "url": contact.website, "email": contact.email, "status": STATUS[offering.status],
            "application_process": sign_up.how if sign_up else None,
            "fees_description": formatting.cost_text(offering.cost),
            "eligibility_description": f"Voor {audiences}; {formatting.age_text(offering.age)}.",
            "minimum_age": minimum, "maximum_age": maximum,
            "assured_date": offering.checked.isoformat(),
            "alert": offering.notice.text if offering.notice else None,
            "phones": self._phone({"service_id": service_id}, "aanbod", offering.id, number=contact.phone),
            "contacts": [_clean({"id": self._id("aanbod", offering.id, "contact"), "service_id": service_id,
                                 "name": contact.name})] if contact.name else [],
            "schedules": [self._schedule(offering, slot, n, places, run) for n, (slot, run) in enumerate(slots)],
            "service_at_locations": at_locations,
            "languages": [{"id": self._id("aanbod", offering.id, "taal", code), "service_id": service_id,
                           "name": languages[code].name if code in languages else code, "code": code}
                          for code in offering.languages],
            "cost_options": [_clean({"id": self._id("aanbod", offering.id, "kosten"), "service_id": service_id,
                                     "option": label(offering.cost.kind), "currency": "EUR",
                                     "amount": offering.cost.amount, "amount_description": offering.cost.note})],
            "attributes": self._attributes(service_id, "service", pairs),
            "cjg_id": offering.id,
            "cjg_status": offering.status,
            "cjg_toegang_toelichting": offering.access.note,
            "cjg_aanmelden_website": sign_up.website if sign_up else None,
            "cjg_aanmelden_telefoon": sign_up.phone if sign_up else None,
            "cjg_aanmelden_email": sign_up.email if sign_up else None,
            "cjg_nji_datum": evidence.since.isoformat() if evidence and evidence.since else None,
            "cjg_mededeling_tot": (offering.notice.until.isoformat()
                                   if offering.notice and offering.notice.until else None),
            "cjg_toegankelijkheid": offering.accessibility if not offering.locations else None,
            "cjg_controleren_voor": offering.review_by.isoformat() if offering.review_by else None,
        })

    def organizations(self) -> list[dict[str, Any]]:
        """All partners as HSDS organizations."""
        return [self.organization(p) for p in self.catalog.partners.values()]

    def services(self) -> list[dict[str, Any]]:
        """All offerings as HSDS services."""
        return [self.service(o) for o in self.catalog.offerings.values()]
