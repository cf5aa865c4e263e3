"""The facts a professional needs at a glance, as short Dutch text.

Shared by the offering cards, the sociale kaart's search results, mijn lijst and the exports, so
that an offering reads the same everywhere.

The contract: CARD_FACTS lists the facts of a card as (label, key). `fact_texts` gives the text of
each key; the search records and mijn lijst's data (`glance_facts` in files/kaart.py) carry those
texts under the same keys, and the kaart's and mijn lijst's scripts read the list of a page from its
`data-feiten` attribute (KAART_FACTS, LIST_FACTS), so that no script keeps a list of its own.
"""

from __future__ import annotations

from ..catalog import availability
from ..catalog.catalog import Catalog, DatedItem
from ..model.models import Offering
from ..model.vocabulary import WEEKDAYS, label
from .formatting import age_text, cost_text, date_text, time_text

CARD_FACTS = (("Door", "partner"), ("Leeftijd", "leeftijd"), ("Waar", "waar"), ("Wanneer", "wanneer"),
              ("Kosten", "kosten"), ("Toegang", "toegang"))
KAART_FACTS = (*CARD_FACTS, ("Gecontroleerd", "gecontroleerd"))  # a search result, as a card on a page
LIST_FACTS = (*CARD_FACTS, ("Aanmelden", "aanmelden"), ("Contact", "contact"), ("Meer informatie", "pagina"))


def places_text(catalog: Catalog, offering: Offering) -> str:
    """Where: the kernen or wijken of its locations; without a location, that it has no fixed place,
    what kind it is and where its partner works ('Geen vaste plek (huisbezoek), voor heel Dronten')."""
    if offering.locations:
        areas = dict.fromkeys(location.area for location in offering.locations)
        return ", ".join(catalog.lists.area_label(area) for area in areas)
    kind = catalog.lists.kinds[offering.kind].name.lower()
    served = ", ".join(("heel " if place in catalog.lists.municipalities else "") + catalog.lists.area_label(place)
                       for place in catalog.partner_of(offering).service_area)
    return f"Geen vaste plek ({kind}), voor {served}"


def _item_text(item: DatedItem) -> str:
    """'Start dinsdag 2 februari 2027, 19.30 uur (4 keer), vol' for a run; 'Eerstvolgende: …' for a
    lone session; 'Volgende keer: …' in a run that has begun."""
    moment = f"{date_text(item.next.date)}, {time_text(item.next.start)} uur"
    if item.run is None:
        text = f"Eerstvolgende: {moment}"
    elif item.next is item.sessions[0]:
        text = f"Start {moment} ({len(item.sessions)} keer)"
    else:
        text = f"Volgende keer: {moment}"
    return f"{text}, vol" if item.status == "vol" else text


def when_text(catalog: Catalog, offering: Offering) -> str:
    """When: 'Tijdelijk gestopt' while paused, else the next run or dated session that takes place,
    else its fixed hours ('Dinsdag 9.00–11.30, donderdag 19.00–21.00'), else 'Op afspraak'."""
    if not availability.is_running(offering):
        return availability.status_label(offering)
    items = catalog.upcoming_items(offering)
    taking_place = [item for item in items if item.status != "geannuleerd"]
    if taking_place:
        first, with_room = taking_place[0], next((i for i in taking_place if i.status == "gepland"), None)
        if first.status == "vol" and with_room is not None:  # full now: say when there is room
            later = _item_text(with_room)
            return f"{_item_text(first)}; daarna {later[:1].lower()}{later[1:]}"
        return _item_text(first)
    if items:
        return "Geen nieuwe data: wat gepland was, gaat niet door"
    weekly = catalog.weekly_hours(offering)
    if weekly:
        slots = sorted(weekly, key=lambda slot: (WEEKDAYS.index(slot.day), slot.start))
        hours = dict.fromkeys(f"{slot.day} {time_text(slot.start)}–{time_text(slot.end)}" for slot in slots)
        return ", ".join(hours).capitalize()
    return "Op afspraak"


def access_text(catalog: Catalog, offering: Offering) -> str:
    """How to get in: 'Verwijzing nodig (huisarts, jeugdarts)'."""
    text = label(offering.access.route)
    referrers = [catalog.lists.referrers[r].name for r in offering.access.referrers
                 if r in catalog.lists.referrers]
    return f"{text} ({', '.join(referrers)})" if referrers else text


def fact_texts(catalog: Catalog, offering: Offering) -> dict[str, str]:
    """The text of each of CARD_FACTS, by key."""
    return {"partner": catalog.partner_of(offering).name, "leeftijd": age_text(offering.age),
            "waar": places_text(catalog, offering), "wanneer": when_text(catalog, offering),
            "kosten": cost_text(offering.cost), "toegang": access_text(catalog, offering)}
