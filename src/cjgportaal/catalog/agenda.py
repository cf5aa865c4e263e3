"""The parents' agenda: which dated items it lists, and where a session takes place.

Shared by the agenda page and the agenda's calendar feed; apart from `calendar_feeds`, so that the
pages do not import icalendar.
"""

from __future__ import annotations

from ..model.models import Location, Offering
from .catalog import Catalog, DatedItem


def location_of(offering: Offering, name: str) -> Location | None:
    """The offering's location with this name, else its only location, else None."""
    for location in offering.locations:
        if location.name == name:
            return location
    return offering.locations[0] if len(offering.locations) == 1 else None


def agenda_sessions(catalog: Catalog) -> list[tuple[Offering, DatedItem]]:
    """The parents' agenda: the upcoming runs and lone sessions of running offerings for parents,
    by their next session."""
    return sorted(((o, item) for o in catalog.running_offerings() if "ouders" in o.audiences
                   for item in catalog.upcoming_items(o)),
                  key=lambda pair: (pair[1].date, pair[1].start, pair[0].title.casefold()))
