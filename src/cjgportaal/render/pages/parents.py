"""The parents' portal's generated pages: the agenda, the contact page and the news."""

from __future__ import annotations

from itertools import groupby

from ...catalog.agenda import agenda_sessions, location_of
from ...catalog.contact_point import opening_data, walk_ins
from ...model.vocabulary import WEEKDAYS
from .. import formatting, urls
from .maker import GeneratedPage, Renderer

# Items on the agenda page (dated sessions, weekly walk-in hours): under ~100 KB of HTML in a large region.
AGENDA_LIMIT = 80
AGENDA_WEEKLY_LIMIT = 30


def agenda_page(r: Renderer) -> list[GeneratedPage]:
    """Agenda en cursussen: the coming sessions by month, and the weekly walk-in hours."""
    sessions = agenda_sessions(r.catalog)
    weekly = walk_ins(r.visible)
    return [r.page(
        "agenda.html", urls.AGENDA_PAGE, "Agenda en cursussen",
        "Cursussen, thema-avonden en inloopuren voor ouders, op datum. Zet ze in je agenda.", True,
        months=[(month, list(items)) for month, items in
                groupby(sessions[:AGENDA_LIMIT], key=lambda pair: formatting.month_text(pair[1].date))],
        total=len(sessions), weekly=weekly[:AGENDA_WEEKLY_LIMIT], weekly_total=len(weekly), location_of=location_of)]


def contact_page(r: Renderer) -> list[GeneratedPage]:
    """Contact en loket (when the site has a loket): address, hours, walk-ins and a contact form."""
    loket = r.catalog.contact_point
    if loket is None:
        return []
    return [r.page("contact.html", urls.CONTACT_PAGE, "Contact en loket",
                   "Adres, telefoon, e-mail en openingstijden van het CJG, inloopspreekuren per kern en een "
                   "contactformulier.", True, loket=loket, weekly=walk_ins(r.visible), weekdays=WEEKDAYS,
                   opening=opening_data(loket))]


def news_page(r: Renderer) -> list[GeneratedPage]:
    """Nieuws: the news posts, newest first."""
    return [r.page("news.html", urls.NEWS_INDEX, "Nieuws", "Nieuws van het CJG voor ouders en opvoeders.", True,
                   variant=repr(r.posts), posts=r.posts)]
