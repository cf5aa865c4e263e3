"""iCalendar (RFC 5545) files of the agenda: one per session, one per offering, one for the agenda.

Every event has a UID derived from the offering id, the date or weekday and the start time, and
the site's host, so it stays the same from build to build and between the files: a session added
from its own file is updated, not duplicated, by a subscribed feed. Times are local to
Europe/Amsterdam with a VTIMEZONE; weekly hours recur with RRULE FREQ=WEEKLY; cancelled sessions
stay in the feeds as STATUS:CANCELLED so that calendars remove them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from . import urls
from .catalog import Catalog
from .clock import TIMEZONE
from .contact_point import WalkIn
from .models import Location, OpeningHours, Offering, Session
from .vocabulary import WEEKDAYS

PRODID = "-//CJG-portaal//cjgportaal//NL"


@dataclass(frozen=True)
class FeedSite:
    """What the feeds need to know about the site: its address and the build date."""

    site_url: str  # absolute, ending in "/"; "" when unknown
    today: date
    directory_urls: bool = True

    @property
    def host(self) -> str:
        """The host name the UIDs end in."""
        return urlsplit(self.site_url).hostname or "cjg.invalid"

    def page(self, src_uri: str) -> str:
        """The absolute URL of a page ("" without a site URL)."""
        return self.site_url + urls.page_url(src_uri, self.directory_urls) if self.site_url else ""


def location_of(offering: Offering, name: str) -> Location | None:
    """The offering's location with this name, else its only location, else None."""
    for location in offering.locations:
        if location.name == name:
            return location
    return offering.locations[0] if len(offering.locations) == 1 else None


def _place(offering: Offering, name: str) -> str:
    location = location_of(offering, name)
    if location is None:
        return name
    parts = [location.name, location.street, f"{location.postcode or ''} {location.town}".strip()]
    return ", ".join(part for part in parts if part)


def session_uid(offering: Offering, session: Session, host: str) -> str:
    """The stable UID of one dated session."""
    return f"{offering.id}-{session.date:%Y%m%d}-{session.start:%H%M}@{host}"


def weekly_uid(offering: Offering, slot: OpeningHours, host: str) -> str:
    """The stable UID of a weekly recurring slot."""
    return f"{offering.id}-{slot.day}-{slot.start:%H%M}@{host}"


def _local(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=TIMEZONE)


def _event(uid: str, offering: Offering, start: datetime, end: datetime, location: str, note: str,
           site: FeedSite) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.combine(site.today, time(0), tzinfo=UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", offering.title)
    url = site.page(urls.offering_page(offering.id))
    event.add("description", "\n\n".join(part for part in (note, offering.summary, url) if part))
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    return event


def session_event(offering: Offering, session: Session, site: FeedSite) -> Event:
    """One dated session; 'vol' is said in the title, 'geannuleerd' makes it a cancelled event."""
    event = _event(session_uid(offering, session, site.host), offering,
                   _local(session.date, session.start), _local(session.date, session.end),
                   _place(offering, session.location), session.note, site)
    if session.status == "vol":
        event["summary"] = f"{offering.title} (vol)"
    event.add("status", "CANCELLED" if session.status == "geannuleerd" else "CONFIRMED")
    return event


def first_weekday(day: date, weekday: str) -> date:
    """The first date on or after `day` that falls on the Dutch `weekday`."""
    return day + timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7)


def weekly_event(offering: Offering, slot: OpeningHours, site: FeedSite) -> Event:
    """A weekly slot, recurring from the date the offering was last checked."""
    first = first_weekday(offering.checked, slot.day)
    event = _event(weekly_uid(offering, slot, site.host), offering, _local(first, slot.start),
                   _local(first, slot.end), _place(offering, slot.location), slot.note, site)
    event.add("rrule", {"freq": "weekly"})
    event.add("status", "CONFIRMED")
    return event


def offering_events(catalog: Catalog, offering: Offering, site: FeedSite) -> list[Event]:
    """The events of one offering: its weekly slots and its sessions from the build date on."""
    return ([weekly_event(offering, slot, site) for slot in offering.opening_hours]
            + [session_event(offering, s, site) for s in catalog.upcoming_sessions(offering)])


def calendar(name: str, events: Iterable[Event]) -> Calendar:
    """A calendar with these events and the VTIMEZONE they use."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE.key)
    events = list(events)
    for event in events:
        cal.add_component(event)
    if events:
        # The VTIMEZONE covers the events (and ten years of a weekly recurrence), not 1970-2038:
        # a per-session file stays small.
        starts = [event["DTSTART"].dt.date() for event in events]
        years = 10 if any("RRULE" in event for event in events) else 1
        cal.add_missing_timezones(min(starts), max(starts) + timedelta(days=366 * years))
    return cal


def agenda_sessions(catalog: Catalog) -> list[tuple[Offering, Session]]:
    """The parents' agenda: upcoming dated sessions of offerings for parents, earliest first."""
    return sorted(((o, s) for o in catalog.visible_offerings() if "ouders" in o.audiences
                   for s in catalog.upcoming_sessions(o)),
                  key=lambda pair: (pair[1].date, pair[1].start, pair[0].title.casefold()))


def calendar_files(catalog: Catalog, weekly: list[WalkIn], site_name: str,
                   site: FeedSite) -> dict[str, bytes]:
    """Every iCalendar file of the site by path: the agenda feed (the parents' sessions and the
    `weekly` walk-in hours), a feed per offering with dates or weekly hours, and a file per session that
    still takes place."""
    files: dict[str, bytes] = {}
    for offering in catalog.visible_offerings():
        events = offering_events(catalog, offering, site)
        if not events:
            continue
        files[urls.offering_feed(offering.id)] = calendar(f"{offering.title} – {site_name}", events).to_ical()
        for session in catalog.upcoming_sessions(offering):
            if session.status != "geannuleerd":
                path = urls.session_file(offering.id, session.date, session.start)
                files[path] = calendar(offering.title, [session_event(offering, session, site)]).to_ical()
    agenda = ([weekly_event(w.offering, w.slot, site) for w in weekly]
              + [session_event(o, s, site) for o, s in agenda_sessions(catalog)])
    files[urls.AGENDA_FEED] = calendar(f"Agenda {site_name}", agenda).to_ical()
    return files
