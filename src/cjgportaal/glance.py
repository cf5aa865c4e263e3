"""The facts a professional needs at a glance, as short Dutch text.

Shared by the offering cards, the sociale kaart's search results and the exports, so that an
offering reads the same everywhere.
"""

from __future__ import annotations

from .catalog import Catalog
from .formatting import date_text
from .models import Offering
from .vocabulary import WEEKDAYS, label


def places_text(catalog: Catalog, offering: Offering) -> str:
    """Where: the kernen or wijken of its locations, or its kind ('Online') without a location."""
    if not offering.locations:
        return catalog.lists.kinds[offering.kind].name
    areas = dict.fromkeys(location.area for location in offering.locations)
    return ", ".join(catalog.lists.area_label(area) for area in areas)


def when_text(catalog: Catalog, offering: Offering) -> str:
    """When: the next dated session, else the weekdays of its fixed hours, else 'Op afspraak'."""
    upcoming = catalog.upcoming_sessions(offering)
    if upcoming:
        return f"Eerstvolgende: {date_text(upcoming[0].date)}"
    if offering.opening_hours:
        days = sorted({slot.day for slot in offering.opening_hours}, key=WEEKDAYS.index)
        return ", ".join(days).capitalize()
    return "Op afspraak"


def access_text(catalog: Catalog, offering: Offering) -> str:
    """How to get in: 'Verwijzing nodig (huisarts, jeugdarts)'."""
    text = label(offering.access.route)
    referrers = [catalog.lists.referrers[r].name for r in offering.access.referrers
                 if r in catalog.lists.referrers]
    return f"{text} ({', '.join(referrers)})" if referrers else text
