"""iCalendar (RFC 5545) files of the agenda: one per offering (all its dates), one for the agenda,
and one per course run (all its sessions) where the offering's feed holds more than that run.

A lone session has no file of its own: its "Zet in je agenda" link is the offering's feed with the
session's marker (`urls.session_marker`), and agenda-datum.js makes a file with only that event from
the feed in the browser; without JavaScript the link gives the whole feed and says so.

Every event has a UID derived from the offering id, the date or weekday and the start time, and
the site's host, so it stays the same from build to build and between the files: a session added
from a run's file or as one date is updated, not duplicated, by a subscribed feed. The sessions of
a run share a UID prefix (the offering id and the run's key, when its first session starts). Times
are local to Europe/Amsterdam with a VTIMEZONE; weekly hours recur with RRULE FREQ=WEEKLY; cancelled
sessions stay in the feeds as STATUS:CANCELLED so that calendars remove them; paused and stopped
offerings have no events (the rule is in catalog/availability.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vText
from icalendar.caselessdict import canonsort_keys

from ...catalog.agenda import agenda_sessions, location_of
from ...catalog.availability import is_running
from ...catalog.catalog import Catalog, DatedItem
from ...catalog.clock import TIMEZONE, local_datetime
from ...catalog.contact_point import WalkIn
from ...model.models import CourseRun, Offering, OpeningHours, Session
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


def _place(offering: Offering, name: str) -> str:
    location = location_of(offering, name)
    if location is None:
        return name
    parts = [location.name, location.street, f"{location.postcode or ''} {location.town}".strip()]
    return ", ".join(part for part in parts if part)


def session_uid(offering: Offering, session: Session, host: str, run: CourseRun | None = None) -> str:
    """The stable UID of one dated session; the sessions of a run share the run's prefix."""
    prefix = f"{offering.id}-{run.key}" if run is not None else offering.id
    return f"{prefix}-{session.date:%Y%m%d}-{session.start:%H%M}@{host}"


def weekly_uid(offering: Offering, slot: OpeningHours, host: str) -> str:
    """The stable UID of a weekly recurring slot."""
    return f"{offering.id}-{slot.day}-{slot.start:%H%M}@{host}"


def _event(uid: str, offering: Offering, start: datetime, end: datetime, location: str, note: str,
           site: FeedSite, notice: str = "", marks: tuple[str, ...] = ()) -> dict[str, object]:
    """An event's properties; `marks` go in brackets after the title, such as ("2 van 4", "vol")."""
    url = site.page(urls.offering_page(offering.id))
    parts = (f"Let op: {notice}" if notice else "", note, offering.summary, url)
    event: dict[str, object] = {
        "UID": ical_text(uid),
        "DTSTAMP": datetime.combine(site.today, time(0), tzinfo=UTC),
        "DTSTART": start,
        "DTEND": end,
        "SUMMARY": ical_text(f"{offering.title} ({', '.join(marks)})" if marks else offering.title),
        "DESCRIPTION": ical_text("\n\n".join(part for part in parts if part)),
    }
    if location:
        event["LOCATION"] = ical_text(location)
    if url:
        event["URL"] = url
    return event


_VEVENT_BEGIN, _VEVENT_END = b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n"


class EventWriter:
    """Serialises events with icalendar, each distinct property line once.

    The sessions of an offering share most of their lines (title, description, place, address,
    stamp, and often times), and icalendar takes about 0.1 ms a line: at 6,000 sessions writing
    each line anew took most of the calendars' time. The lines are in icalendar's order.
    """

    def __init__(self) -> None:
        self._lines: dict[tuple[str, object, object], bytes] = {}

    def event(self, properties: dict[str, object]) -> bytes:
        """One VEVENT with these properties (by their upper-case names)."""
        names = canonsort_keys(properties, Event.canonical_order)
        return _VEVENT_BEGIN + b"".join(self._line(name, properties[name]) for name in names) + _VEVENT_END

    def _line(self, name: str, value: object) -> bytes:
        if isinstance(value, dict):  # a rule (RRULE), which is not hashable: only weekly events
            return self._serialise(name, value)
        # With the zone in the key, as equal datetimes in two zones differ in their TZID.
        key = (name, value, getattr(value, "tzinfo", None))
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._serialise(name, value)
        return line

    @staticmethod
    def _serialise(name: str, value: object) -> bytes:
        one = Event()
        one.add(name, value)  # which gives the value its type and parameters (TZID)
        line: bytes = one.content_line(name, one[name]).to_ical()  # unannotated in icalendar
        return line + b"\r\n"


def session_event(item: DatedItem, session: Session, site: FeedSite, notice: str = "") -> dict[str, object]:
    """One dated session of an item (a run or a lone session); in a run, its place in the run is
    said in the title ("2 van 4"), and so is 'vol' (of the session, run or offering, see
    `availability`); 'geannuleerd' makes it a cancelled event. A full run still takes place:
    CONFIRMED. `notice`: the offering's current notice."""
    offering, status = item.offering, item.session_status(session)
    place = (f"{item.sessions.index(session) + 1} van {len(item.sessions)}",) if item.run is not None else ()
    event = _event(session_uid(offering, session, site.host, item.run), offering,
                   local_datetime(session.date, session.start), local_datetime(session.date, session.end),
                   _place(offering, session.location), session.note, site, notice,
                   (*place, "vol") if status == "vol" else place)
    event["STATUS"] = "CANCELLED" if status == "geannuleerd" else "CONFIRMED"
    return event


def first_weekday(day: date, weekday: str) -> date:
    """The first date on or after `day` that falls on the Dutch `weekday`."""
    return day + timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7)


def weekly_event(offering: Offering, slot: OpeningHours, site: FeedSite, notice: str = "") -> dict[str, object]:
    """A weekly slot, recurring from the date the offering was last checked ('vol' in the title
    when the offering is full). `notice`: the offering's current notice."""
    first = first_weekday(offering.checked, slot.day)
    event = _event(weekly_uid(offering, slot, site.host), offering, local_datetime(first, slot.start),
                   local_datetime(first, slot.end), _place(offering, slot.location), slot.note, site,
                   notice, ("vol",) if offering.status == "vol" else ())
    event["RRULE"] = {"freq": "weekly"}
    event["STATUS"] = "CONFIRMED"
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


# The properties every file has, serialised once; they sort before and after X-WR-CALNAME. No METHOD:
# these are plain calendars to import or subscribe to, not iTIP messages (RFC 5546 would then ask for
# an ORGANIZER on every event).
_BEFORE_NAME = _properties(prodid=PRODID, version="2.0", calscale="GREGORIAN")
_AFTER_NAME = _properties(x_wr_timezone=TIMEZONE.key)


def calendar_file(name: str, events: Iterable[bytes]) -> bytes:
    """An iCalendar file with these serialised events and the VTIMEZONE they use.

    Events are serialised once and shared by the files they appear in: a session is in the file of
    its run (or its own), its offering's feed and the agenda.
    """
    return (_BEGIN + _BEFORE_NAME + _properties(x_wr_calname=name) + _AFTER_NAME + _VTIMEZONE
            + b"".join(events) + _END)


def _uids(item: DatedItem, host: str) -> list[str]:
    return [session_uid(item.offering, s, host, item.run) for s in item.sessions]


def calendar_files(catalog: Catalog, walk_ins: list[WalkIn], site_name: str,
                   site: FeedSite) -> dict[str, bytes]:
    """Every iCalendar file of the site by path: the agenda feed (the parents' sessions and the
    walk-in hours), a feed per offering with dates or weekly hours, and a file per run that takes
    place where the feed holds more than that run (`urls.has_own_file`; it holds all the run's
    sessions, a cancelled evening as cancelled).

    A paused or stopped offering (see `availability`) has no events: its feed, when it has times
    at all, stays as an empty calendar, so that a calendar subscribed to it drops them."""
    files: dict[str, bytes] = {}
    events: dict[str, bytes] = {}  # UID → the event, serialised once for every file it is in
    writer = EventWriter()
    for offering in catalog.offerings.values():
        items = catalog.upcoming_items(offering)
        notice = catalog.current_notice(offering)
        weekly = {weekly_uid(offering, slot, site.host): writer.event(weekly_event(offering, slot, site, notice))
                  for slot in catalog.weekly_hours(offering)}
        dated = {session_uid(offering, s, site.host, item.run): writer.event(session_event(item, s, site, notice))
                 for item in items for s in item.sessions}
        events |= weekly | dated
        dates_written = offering.sessions or offering.runs
        if weekly or dated or (not is_running(offering) and (offering.opening_hours or dates_written)):
            files[urls.offering_feed(offering.id)] = calendar_file(
                f"{offering.title} – {site_name}", [*weekly.values(), *dated.values()])
        for item in items:
            if urls.has_own_file(catalog, item) and item.run is not None:
                name = f"{offering.title}: {item.run.name}" if item.run.name else offering.title
                files[urls.run_file(offering.id, item.run.key)] = calendar_file(name, [dated[uid] for uid in _uids(item, site.host)])
    uids = ([weekly_uid(w.offering, w.slot, site.host) for w in walk_ins]
            + [uid for _, item in agenda_sessions(catalog) for uid in _uids(item, site.host)])
    files[urls.AGENDA_FEED] = calendar_file(f"Agenda {site_name}", [events[uid] for uid in uids])
    return files
