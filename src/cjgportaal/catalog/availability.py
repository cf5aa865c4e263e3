"""What the status of an offering and of its sessions means for where they show: one rule for
every page, card, list, agenda, search record, export, feed and calendar file.

- `actief`: everywhere.
- `vol`: everywhere, marked "Vol"; its sessions and weekly hours count as full.
- `gepauzeerd`: listed (cards, overviews, the kaart, the exports, the feed), marked "Tijdelijk
  gestopt" with its notice, but its weekly hours and sessions are in no agenda, walk-in list,
  activities list or calendar: a parent must not go to a closed door. Its own page says it is
  paused and shows no times.
- `gestopt`: only its own page, which says it stopped.
- A session `vol` is shown, marked "Vol"; `geannuleerd` is shown, marked "Gaat niet door", and is
  STATUS:CANCELLED in calendars, without a file of its own.
- A course run (`rondes`) shows as one item with all its dates and one status: `vol` (or a full
  offering) marks the run "Vol", not each evening; a cancelled run is marked "Gaat niet door" as a
  whole, and all its sessions are cancelled; one cancelled evening is marked on that date only.

The offering's notice (`mededeling`, see `Catalog.current_notice`) goes with its status wherever the
offering shows.
"""

from __future__ import annotations

from typing import Final

from ..model.models import CourseRun, Offering, Session
from ..model.vocabulary import SessionStatus, label

LISTED: Final = frozenset({"actief", "vol", "gepauzeerd"})  # in overviews, the kaart, exports and feeds
RUNNING: Final = frozenset({"actief", "vol"})  # its times take place: in agendas and calendars

# What an offering's own page says about its status (nothing for `actief`).
STATUS_SENTENCES: Final = {
    "vol": "Vol: je kunt je niet meer aanmelden.",
    "gepauzeerd": "Tijdelijk gestopt: je kunt er nu niet heen.",
    "gestopt": "Gestopt: dit aanbod is er niet meer.",
}


def is_listed(offering: Offering) -> bool:
    """True when the offering appears in overviews, search results, exports and feeds."""
    return offering.status in LISTED


def is_running(offering: Offering) -> bool:
    """True when the offering is open for visits: its sessions and weekly hours take place."""
    return offering.status in RUNNING


def run_status(offering: Offering, run: CourseRun | None) -> SessionStatus:
    """A run's status as shown: cancelled stays cancelled; a full offering has only full runs.
    Without a run (a lone session): as the offering."""
    status = run.status if run is not None else "gepland"
    if status == "geannuleerd":
        return "geannuleerd"
    return "vol" if status == "vol" or offering.status == "vol" else "gepland"


def session_status(offering: Offering, session: Session, run: CourseRun | None = None) -> SessionStatus:
    """A session's status as shown: cancelled (or in a cancelled run) stays cancelled; in a full
    run or a full offering it is full."""
    around = run_status(offering, run)
    if session.status == "geannuleerd" or around == "geannuleerd":
        return "geannuleerd"
    return "vol" if session.status == "vol" or around == "vol" else "gepland"


def status_label(offering: Offering) -> str:
    """The offering's status as a short mark ("Vol", "Tijdelijk gestopt"); "" when it is active."""
    return "" if offering.status == "actief" else label(offering.status)


def status_sentence(offering: Offering) -> str:
    """What the offering's page says about its status; "" when it is active."""
    return STATUS_SENTENCES.get(offering.status, "")
