"""The facts a professional needs at a glance, as short Dutch text.

Shared by the offering cards, the sociale kaart's search results and the exports, so that an
offering reads the same everywhere.
"""

from __future__ import annotations

from ..catalog.catalog import Catalog
from ..model.models import Offering
from ..model.vocabulary import WEEKDAYS, label
from .formatting import date_text, time_text


def places_text(catalog: Catalog, offering: Offering) -> str:
    """Where: the kernen or wijken of its locations, or its kind ('Online') without a location."""
    if not offering.locations:
        return catalog.lists.kinds[offering.kind].name
    areas = dict.fromkeys(location.area for location in offering.locations)
    return ", ".join(catalog.lists.area_label(area) for area in areas)


def when_text(catalog: Catalog, offering: Offering) -> str:
    """When: the next dated session, else its fixed hours ('Dinsdag 9.00–11.30, donderdag
    19.00–21.00'), else 'Op afspraak'."""
    upcoming = catalog.upcoming_sessions(offering)
    if upcoming:
        return f"Eerstvolgende: {date_text(upcoming[0].date)}, {time_text(upcoming[0].start)} uur"
    if offering.opening_hours:
        slots = sorted(offering.opening_hours, key=lambda slot: (WEEKDAYS.index(slot.day), slot.start))
        hours = dict.fromkeys(f"{slot.day} {time_text(slot.start)}–{time_text(slot.end)}" for slot in slots)
        return ", ".join(hours).capitalize()
    return "Op afspraak"


def access_text(catalog: Catalog, offering: Offering) -> str:
    """How to get in: 'Verwijzing nodig (huisarts, jeugdarts)'."""
    text = label(offering.access.route)
    referrers = [catalog.lists.referrers[r].name for r in offering.access.referrers
                 if r in catalog.lists.referrers]
    return f"{text} ({', '.join(referrers)})" if referrers else text
