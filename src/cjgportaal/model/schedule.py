"""The dated and weekly times of an offering: weekly hours, sessions and course runs (rondes)."""

from __future__ import annotations

import itertools

from pydantic import model_validator

from .fieldtypes import MAX_PLACES, MAX_SESSIONS, Date, Email, Line, Phone, Text, TimeOfDay, WebUrl, problem
from .record import Record, field
from .vocabulary import SessionStatus, Weekday


class TimeSlot(Record):
    """Shared start/end times, checked for order."""

    start: TimeOfDay = field("van", "Begintijd, zoals \"09:00\".")
    end: TimeOfDay = field("tot", "Eindtijd, zoals \"11:30\".")
    location: Line = field("locatie", "Naam van een van de locaties hierboven.", default="")
    note: Line = field("opmerking", "Korte opmerking.", default="")

    @model_validator(mode="after")
    def _ordered(self) -> TimeSlot:
        if self.end <= self.start:
            raise problem("de eindtijd ligt vóór of op de begintijd.",
                          "controleer 'van' en 'tot'; schrijf tijden als \"09:00\".", "tot")
        return self


class OpeningHours(TimeSlot):
    """A weekly recurring time, such as a walk-in hour."""

    day: Weekday = field("dag", "Dag van de week, zoals dinsdag.")


class Session(TimeSlot):
    """A dated session of a course or theme evening."""

    date: Date = field("datum", "Datum als JJJJ-MM-DD.")
    status: SessionStatus = field("status", "gepland, vol of geannuleerd.", default="gepland")


class SignUp(Record):
    """How to sign up."""

    how: Text = field("uitleg", "Hoe aanmelden werkt, in een paar zinnen.", default="")
    website: WebUrl | None = field("website", "Aanmeldpagina.", default=None)
    phone: Phone | None = field("telefoon", "Telefoonnummer voor aanmelden.", default=None)
    email: Email | None = field("email", "E-mailadres voor aanmelden.", default=None)


class CourseRun(Record):
    """One run (ronde) of a course: its sessions belong together, you sign up for all of them."""

    name: Line = field("naam", "Naam van de ronde, zoals 'Voorjaar 2027'.", default="")
    sessions: list[Session] = field(
        "bijeenkomsten", "De bijeenkomsten van deze ronde, op volgorde van datum. Eén avond die niet "
        "doorgaat krijgt 'status: geannuleerd'; is de ronde vol, zet dan 'status: vol' bij de ronde.",
        min_length=1, max_length=MAX_SESSIONS)
    status: SessionStatus = field("status", "gepland, vol (je kunt je niet meer aanmelden voor deze ronde) "
                                  "of geannuleerd (de hele ronde gaat niet door).", default="gepland")
    places: int | None = field("plaatsen", "Hoeveel deelnemers er in deze ronde kunnen.", default=None,
                               ge=1, le=MAX_PLACES)
    sign_up: SignUp | None = field("aanmelden", "Hoe je je voor deze ronde aanmeldt, als dat anders gaat "
                                   "dan bij 'aanmelden' van het aanbod.", default=None)

    @model_validator(mode="after")
    def _in_order(self) -> CourseRun:
        for n, (before, after) in enumerate(itertools.pairwise(self.sessions), start=1):
            if (after.date, after.start) <= (before.date, before.start):
                raise problem(f"de bijeenkomst van {after.date.isoformat()} staat na die van "
                              f"{before.date.isoformat()}, of staat er twee keer in.",
                              "zet de bijeenkomsten van de ronde op volgorde van datum en tijd, "
                              "elke bijeenkomst één keer.", ("bijeenkomsten", n))
        for n, session in enumerate(self.sessions):
            if session.status == "vol":
                raise problem("één bijeenkomst van een ronde kan niet vol zijn: je meldt je aan voor "
                              "de hele ronde.", "haal 'status: vol' hier weg en zet 'status: vol' bij "
                              "de ronde.", ("bijeenkomsten", n, "status"))
        return self

    @property
    def key(self) -> str:
        """The run's stable name in file names and calendar UIDs: when its first session starts."""
        first = self.sessions[0]
        return f"{first.date:%Y%m%d}-{first.start:%H%M}"
