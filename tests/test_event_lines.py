"""The iCalendar events written a line at a time (`calendar_feeds.EventWriter`, which reuses the
lines events share) are the bytes icalendar itself makes of each event."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from icalendar import Event

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.render.files.calendar_feeds import EventWriter, FeedSite, session_event, weekly_event

from .conftest import ROOT


def _icalendar_bytes(properties: dict[str, object]) -> bytes:
    event = Event()
    for name, value in properties.items():
        event.add(name, value)
    return bytes(event.to_ical())


def test_every_sample_event_is_what_icalendar_makes_of_it() -> None:
    catalog, _ = load_catalog(DataFolders(ROOT), date(2026, 11, 22))
    assert catalog is not None
    site = FeedSite("https://cjg.example/", date(2026, 11, 22))
    events = [weekly_event(o, slot, site, "Let op: nieuwe tijden; vraag het ons, of bel.")
              for o in catalog.offerings.values() for slot in catalog.weekly_hours(o)]
    events += [session_event(item, s, site) for o in catalog.offerings.values()
               for item in catalog.upcoming_items(o) for s in item.sessions]
    assert len(events) > 20 and any("RRULE" in e for e in events) and any("RRULE" not in e for e in events)
    writer = EventWriter()  # one writer for all, as the build has: later events reuse earlier lines
    for properties in events:
        assert writer.event(properties) == _icalendar_bytes(properties)


def test_equal_times_in_two_zones_keep_their_own_zone() -> None:
    writer = EventWriter()
    amsterdam = datetime(2027, 3, 1, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    for start in (amsterdam, amsterdam.astimezone(ZoneInfo("Europe/London"))):
        properties: dict[str, object] = {"UID": "x@cjg.example", "SUMMARY": "Een lange titel, met; tekens\n" * 4,
                                         "DTSTART": start, "DTSTAMP": datetime(2026, 11, 22, tzinfo=ZoneInfo("UTC"))}
        assert writer.event(properties) == _icalendar_bytes(properties)
