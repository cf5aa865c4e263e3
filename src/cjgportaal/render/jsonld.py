"""schema.org structured data (JSON-LD) for the pages: the CJG, partners, offerings, sessions, places.

An offering is a Service; its course runs are a Course with a CourseInstance per run (an Event),
whose sessions are its subEvents; lone sessions are Events.

Everything is data, not script: it goes into `<script type="application/ld+json">`, which browsers
do not run (the Content-Security-Policy does not need to allow it). `script_tag` escapes `<`, `>`
and `&`, so partner text such as `</script>` cannot end the block.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from ..catalog.catalog import Catalog, DatedItem
from ..catalog.clock import local_datetime
from ..catalog.site_info import SiteInfo
from ..model.models import Address, Location, Offering, OpeningHours, Partner, Session
from ..model.vocabulary import SessionStatus, label
from . import urls
from .files.hsds_export import age_years
from .files.hsds_tabular import json_text

CONTEXT = "https://schema.org"
DAY_URIS = {"maandag": "Monday", "dinsdag": "Tuesday", "woensdag": "Wednesday", "donderdag": "Thursday",
            "vrijdag": "Friday", "zaterdag": "Saturday", "zondag": "Sunday"}


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def _moment(day: date, moment: time) -> str:
    """A local date and time with the Dutch UTC offset of that day, e.g. 2027-02-02T19:30:00+01:00."""
    return local_datetime(day, moment).isoformat()


def opening_hours(slots: list[OpeningHours]) -> list[dict[str, Any]]:
    """Weekly times as OpeningHoursSpecification."""
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": f"{CONTEXT}/{DAY_URIS[slot.day]}",
             "opens": slot.start.strftime("%H:%M"), "closes": slot.end.strftime("%H:%M")} for slot in slots]


def postal_address(place: Location | Address) -> dict[str, Any] | None:
    """A PostalAddress, or None for a place without street or town."""
    if not (place.street or place.town):
        return None
    return _clean({"@type": "PostalAddress", "streetAddress": place.street, "postalCode": place.postcode,
                   "addressLocality": place.town, "addressCountry": "NL"})


class StructuredData:
    """Builds the JSON-LD of the pages that have any, by the page's source path."""

    def __init__(self, catalog: Catalog, site: SiteInfo, directory_urls: bool = True) -> None:
        self.catalog = catalog
        self.site = site
        self.directory_urls = directory_urls
        self._partners = {urls.partner_page(p.id): p for p in catalog.partners.values()}
        self._offerings = {urls.offering_page(o.id): o for o in catalog.offerings.values()}

    def _url(self, src_uri: str) -> str:
        return self.site.absolute(urls.page_url(src_uri, self.directory_urls))

    def cjg(self) -> dict[str, Any]:
        """The CJG as GovernmentOrganization, with its contact point and (once kept) opening hours."""
        site = self.site
        contact = _clean({"@type": "ContactPoint", "contactType": "Loket", "email": site.email,
                          "telephone": site.telephone, "availableLanguage": "nl",
                          "hoursAvailable": opening_hours(list(site.opening_hours))})
        return _clean({
            "@context": CONTEXT, "@type": "GovernmentOrganization", "@id": self.site.absolute("#cjg"),
            "name": site.name, "url": site.url, "description": site.description, "email": site.email,
            "telephone": site.telephone,
            # No list of its partners: each partner's page says it is a member (memberOf), and a list
            # here would weigh on every first visit (5,000 partners: 614 KB of the home page).
            "contactPoint": [contact] if len(contact) > 1 else [],
        })

    def _partner_ref(self, partner: Partner) -> dict[str, Any]:
        return {"@type": "Organization", "@id": self._url(urls.partner_page(partner.id)) + "#organisatie",
                "name": partner.name}

    def partner(self, partner: Partner) -> dict[str, Any]:
        """A partner as Organization."""
        consult = partner.consultation
        return _clean({
            "@context": CONTEXT, **self._partner_ref(partner), "description": partner.summary,
            "url": partner.website, "telephone": partner.phone, "email": partner.email,
            "address": [a for a in (postal_address(x) for x in partner.addresses) if a],
            "areaServed": [self.catalog.lists.area_label(a) for a in partner.service_area],
            "contactPoint": [_clean({"@type": "ContactPoint", "contactType": "Consultatie voor professionals",
                                     "name": consult.name, "telephone": consult.phone, "email": consult.email,
                                     "url": consult.website})] if consult else [],
            "memberOf": {"@id": self.site.absolute("#cjg")},
        })

    def place(self, offering: Offering, place: Location) -> dict[str, Any]:
        """A venue as Place, with the offering's weekly times there as opening hours."""
        slots = [s for s in self.catalog.weekly_hours(offering) if s.location == place.name or not s.location]
        return _clean({"@type": "Place", "name": place.name, "address": postal_address(place),
                       "openingHoursSpecification": opening_hours(slots)})

    def _session_place(self, offering: Offering, session: Session) -> dict[str, Any]:
        for place in offering.locations:
            if place.name == session.location:
                return self.place(offering, place)
        if offering.locations:
            return self.place(offering, offering.locations[0])
        return {"@type": "Place", "name": session.location or self.catalog.partner_of(offering).name}

    def _happening(self, offering: Offering, shown: SessionStatus, first: Session, last: Session,
                   place_of: Session) -> dict[str, Any]:
        """What an Event says of a session or a course run, from its first start to its last end."""
        status = "EventCancelled" if shown == "geannuleerd" else "EventScheduled"
        cost = offering.cost
        return _clean({
            "name": offering.title, "description": offering.summary,
            "startDate": _moment(first.date, first.start), "endDate": _moment(last.date, last.end),
            "eventStatus": f"{CONTEXT}/{status}", "eventAttendanceMode": f"{CONTEXT}/OfflineEventAttendanceMode",
            "location": self._session_place(offering, place_of), "isAccessibleForFree": cost.kind == "gratis",
            "organizer": self._partner_ref(self.catalog.partner_of(offering)),
            "url": self._url(urls.offering_page(offering.id)),
            "offers": _clean({"@type": "Offer", "price": cost.amount, "priceCurrency": "EUR",
                              "availability": f"{CONTEXT}/{'SoldOut' if shown == 'vol' else 'InStock'}",
                              "url": self._url(urls.offering_page(offering.id))}) if cost.amount else None,
        })

    def event(self, item: DatedItem, session: Session) -> dict[str, Any]:
        """A dated session (lone, or of a run) as Event."""
        return {"@type": "Event", **self._happening(item.offering, item.session_status(session), session,
                                                     session, session)}

    def course_instance(self, item: DatedItem) -> dict[str, Any]:
        """A course run as CourseInstance (an Event) with its sessions as subEvents."""
        run = item.run
        return _clean({
            "@type": "CourseInstance",
            **self._happening(item.offering, item.status, item.sessions[0], item.sessions[-1], item.next),
            "name": f"{item.offering.title}: {run.name}" if run and run.name else item.offering.title,
            "courseMode": "onsite", "maximumAttendeeCapacity": run.places if run else None,
            "subEvent": [self.event(item, s) for s in item.sessions],
        })

    def offering(self, offering: Offering) -> list[dict[str, Any]]:
        """An offering as Service, its upcoming course runs as a Course, and its lone sessions as Events."""
        lists = self.catalog.lists
        partner = self.catalog.partner_of(offering)
        youngest, oldest = age_years(offering.age.start, offering.age.end)
        audiences = [_clean({"@type": "PeopleAudience", "audienceType": label(a),
                             "suggestedMinAge": max(youngest, 0) if a != "professionals" else None,
                             "suggestedMaxAge": oldest if a != "professionals" else None})
                     for a in offering.audiences]
        contact = offering.contact
        service = _clean({
            "@context": CONTEXT, "@type": "Service", "@id": self._url(urls.offering_page(offering.id)) + "#aanbod",
            "name": offering.title, "description": offering.summary, "url": self._url(urls.offering_page(offering.id)),
            "provider": self._partner_ref(partner), "serviceType": lists.kinds[offering.kind].name,
            "category": [lists.themes[t].name for t in offering.themes],
            "audience": audiences,
            "areaServed": sorted({lists.area_label(p.area) for p in offering.locations}),
            "availableChannel": _clean({
                "@type": "ServiceChannel", "name": contact.name,
                # schema.org puts the languages on the channel (and on ContactPoint), not on Service.
                "availableLanguage": [lists.languages[code].name for code in offering.languages
                                      if code in lists.languages],
                "servicePhone": _clean(
                    {"@type": "ContactPoint", "telephone": contact.phone, "email": contact.email}) or None,
                "serviceUrl": contact.website,
                "serviceLocation": [self.place(offering, p) for p in offering.locations]}),
            "hoursAvailable": opening_hours(self.catalog.weekly_hours(offering)),
            "offers": _clean({"@type": "Offer", "price": offering.cost.amount or 0, "priceCurrency": "EUR",
                              "description": label(offering.cost.kind)}),
        })
        items = self.catalog.upcoming_items(offering)
        runs = [self.course_instance(item) for item in items if item.run is not None]
        course = [{"@context": CONTEXT, "@type": "Course", "name": offering.title, "description": offering.summary,
                   "provider": self._partner_ref(partner), "hasCourseInstance": runs}] if runs else []
        events = [{"@context": CONTEXT, **self.event(item, item.next)} for item in items if item.run is None]
        return [service, *course, *events]

    def page(self, src_uri: str) -> list[dict[str, Any]]:
        """The JSON-LD objects of the page built from `src_uri`: the home page, a partner page or an
        offering page; none for other pages."""
        if src_uri == "index.md":
            return [self.cjg()]
        if src_uri in self._partners:
            return [self.partner(self._partners[src_uri])]
        if src_uri in self._offerings:
            return self.offering(self._offerings[src_uri])
        return []


def script_tag(objects: list[dict[str, Any]]) -> str:
    """A JSON-LD block; `<`, `>` and `&` are escaped so that no text can close the script element."""
    data = objects[0] if len(objects) == 1 else objects
    text = json_text(data, separators=(",", ":"))  # without non-finite numbers such as a price of inf
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
