"""iCalendar (RFC 5545) files of the agenda: one per session, one per offering, one for the agenda.

Every event has a UID derived from the offering id, the date or weekday and the start time, and
the site's host, so it stays the same from build to build and between the files: a session added
from its own file is updated, not duplicated, by a subscribed feed. Times are local to
Europe/Amsterdam with a VTIMEZONE; weekly hours recur with RRULE FREQ=WEEKLY; cancelled sessions
stay in the feeds as STATUS:CANCELLED so that calendars remove them; paused and stopped offerings
have no events (the rule is in catalog/availability.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vText

from ...catalog.availability import is_running, session_status
from ...catalog.catalog import Catalog
from ...catalog.clock import TIMEZONE, local_datetime
from ...catalog.contact_point import WalkIn
from ...model.models import Location, Offering, OpeningHours, Session
from ...model.vocabulary import WEEKDAYS
from .. import urls

PRODID = "-//CJG-portaal//cjgportaal//NL"
# What an iCalendar TEXT value cannot carry (RFC 5545 3.3.11): controls other than HTAB, which
# escaping cannot express, lone surrogates, which UTF-8 cannot encode, and U+FFFE/U+FFFF, no characters.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def ical_text(value: str) -> str:
    """Text an iCalendar property can hold: line breaks (CRLF, CR or LF) become one newline, which
    icalendar escapes as \\n; other control characters are left out."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_NOT_TEXT.sub("", line) for line in lines)


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


def _event(uid: str, offering: Offering, start: datetime, end: datetime, location: str, note: str,
           site: FeedSite, notice: str = "", full: bool = False) -> Event:
    event = Event()
    event.add("uid", ical_text(uid))
    event.add("dtstamp", datetime.combine(site.today, time(0), tzinfo=UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", ical_text(f"{offering.title} (vol)" if full else offering.title))
    url = site.page(urls.offering_page(offering.id))
    parts = (f"Let op: {notice}" if notice else "", note, offering.summary, url)
    event.add("description", ical_text("\n\n".join(part for part in parts if part)))
    if location:
        event.add("location", ical_text(location))
    if url:
        event.add("url", url)
    return event


def session_event(offering: Offering, session: Session, site: FeedSite, notice: str = "") -> Event:
    """One dated session; 'vol' (of the session or the offering, see `availability`) is said in
    the title, 'geannuleerd' makes it a cancelled event. `notice`: the offering's current notice."""
    status = session_status(offering, session)
    event = _event(session_uid(offering, session, site.host), offering,
                   local_datetime(session.date, session.start), local_datetime(session.date, session.end),
                   _place(offering, session.location), session.note, site, notice, status == "vol")
    event.add("status", "CANCELLED" if status == "geannuleerd" else "CONFIRMED")
    return event


def first_weekday(day: date, weekday: str) -> date:
    """The first date on or after `day` that falls on the Dutch `weekday`."""
    return day + timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7)


def weekly_event(offering: Offering, slot: OpeningHours, site: FeedSite, notice: str = "") -> Event:
    """A weekly slot, recurring from the date the offering was last checked ('vol' in the title
    when the offering is full). `notice`: the offering's current notice."""
    first = first_weekday(offering.checked, slot.day)
    event = _event(weekly_uid(offering, slot, site.host), offering, local_datetime(first, slot.start),
                   local_datetime(first, slot.end), _place(offering, slot.location), slot.note, site,
                   notice, offering.status == "vol")
    event.add("rrule", {"freq": "weekly"})
    event.add("status", "CONFIRMED")
    return event


# Europe/Amsterdam as yearly rules (the EU rules in force since 1996), so that one small VTIMEZONE
# is right for every date, also for weekly events that recur without end. Serialised once.
_VTIMEZONE: bytes = Timezone.from_ical(
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "DTSTART:19960331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "DTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n").to_ical()
_BEGIN, _END = b"BEGIN:VCALENDAR\r\n", b"END:VCALENDAR\r\n"


def _properties(**values: str) -> bytes:
    """Calendar properties as content lines, in icalendar's (sorted) order."""
    cal = Calendar()
    for name, value in values.items():
        # X- properties have no type to escape them by: give them TEXT's escaping explicitly.
        cal.add(name.replace("_", "-"), vText(ical_text(value)))
    text: bytes = cal.to_ical()  # icalendar leaves to_ical() unannotated
    return text.removeprefix(_BEGIN).removesuffix(_END)


# The properties every file has, serialised once; they sort before and after X-WR-CALNAME.
_BEFORE_NAME = _properties(prodid=PRODID, version="2.0", calscale="GREGORIAN", method="PUBLISH")
_AFTER_NAME = _properties(x_wr_timezone=TIMEZONE.key)


def calendar_file(name: str, events: Iterable[bytes]) -> bytes:
    """An iCalendar file with these serialised events and the VTIMEZONE they use.

    Events are serialised once and shared by the files they appear in: a session is in its own
    file, its offering's feed and the agenda.
    """
    return (_BEGIN + _BEFORE_NAME + _properties(x_wr_calname=name) + _AFTER_NAME + _VTIMEZONE
            + b"".join(events) + _END)


def agenda_sessions(catalog: Catalog) -> list[tuple[Offering, Session]]:
    """The parents' agenda: upcoming dated sessions of running offerings for parents, earliest first."""
    return sorted(((o, s) for o in catalog.running_offerings() if "ouders" in o.audiences
                   for s in catalog.upcoming_sessions(o)),
                  key=lambda pair: (pair[1].date, pair[1].start, pair[0].title.casefold()))


def calendar_files(catalog: Catalog, walk_ins: list[WalkIn], site_name: str,
                   site: FeedSite) -> dict[str, bytes]:
    """Every iCalendar file of the site by path: the agenda feed (the parents' sessions and the
    walk-in hours), a feed per offering with dates or weekly hours, and a file per session that
    still takes place.

    A paused or stopped offering (see `availability`) has no events: its feed, when it has times
    at all, stays as an empty calendar, so that a calendar subscribed to it drops them."""
    files: dict[str, bytes] = {}
    events: dict[str, bytes] = {}  # UID → the event, serialised once for every file it is in
    for offering in catalog.offerings.values():
        upcoming = catalog.upcoming_sessions(offering)
        notice = catalog.current_notice(offering)
        weekly = {weekly_uid(offering, slot, site.host): weekly_event(offering, slot, site, notice).to_ical()
                  for slot in catalog.weekly_hours(offering)}
        dated = {session_uid(offering, s, site.host): session_event(offering, s, site, notice).to_ical()
                 for s in upcoming}
        events |= weekly | dated
        if weekly or dated or (not is_running(offering) and (offering.opening_hours or offering.sessions)):
            files[urls.offering_feed(offering.id)] = calendar_file(
                f"{offering.title} – {site_name}", [*weekly.values(), *dated.values()])
        for session in upcoming:
            if session_status(offering, session) != "geannuleerd":
                files[urls.session_file(offering.id, session.date, session.start)] = calendar_file(
                    offering.title, [dated[session_uid(offering, session, site.host)]])
    uids = ([weekly_uid(w.offering, w.slot, site.host) for w in walk_ins]
            + [session_uid(o, s, site.host) for o, s in agenda_sessions(catalog)])
    files[urls.AGENDA_FEED] = calendar_file(f"Agenda {site_name}", [events[uid] for uid in uids])
    return files
