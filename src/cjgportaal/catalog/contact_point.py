"""The loket (one contact point) from `data/loket.yml`, and the walk-in hours per kern.

The file is optional: a site without it has no contact page. Walk-in hours are not repeated in
the loket file; they come from the offerings of the kind 'inloop' for parents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from ..load.problems import Problem, display_path
from ..load.yaml_files import load_yaml
from ..model.models import ContactPoint, Offering, OpeningHours
from ..model.record import Record
from ..model.validation import validate
from ..model.vocabulary import WEEKDAYS
from .availability import is_running
from .references import Reference, Tables, check_references

CONTACT_POINT_FILE = "loket"
WALK_IN_KIND = "inloop"
REFERENCES = (
    Reference(("loket", "adres", "gebied"), "gebieden", "het gebied", "data/plaatsen.yml"),
)


class ContactPointFile(Record):
    """The file data/loket.yml: one key, `loket`."""

    contact_point: ContactPoint = Field(alias="loket", description="Het loket van het CJG.")


def load_contact_point(folder: Path, root: Path, tables: Tables) -> tuple[ContactPoint | None, list[Problem]]:
    """Read and check `loket.yml` in the lists folder; (None, []) when the site has none."""
    path = folder / f"{CONTACT_POINT_FILE}.yml"
    if not path.exists():
        return None, []
    doc, problems = load_yaml(path, display_path(path, root))
    if doc is None:
        return None, problems
    record, found = validate(ContactPointFile, doc)
    problems += found + check_references(doc, REFERENCES, tables)
    return (record.contact_point if record else None), problems


@dataclass(frozen=True)
class WalkIn:
    """One weekly walk-in hour of an offering, with the kern or wijk where it is."""

    offering: Offering
    slot: OpeningHours
    area: str


def walk_ins(offerings: list[Offering]) -> list[WalkIn]:
    """The weekly walk-in hours for parents, with the area of each slot's location, from Monday on;
    none of offerings that are paused or stopped (see `availability`)."""
    out = []
    for offering in offerings:
        if offering.kind != WALK_IN_KIND or "ouders" not in offering.audiences or not is_running(offering):
            continue
        areas = {location.name: location.area for location in offering.locations}
        default = offering.locations[0].area if offering.locations else ""
        out += [WalkIn(offering, slot, areas.get(slot.location, default)) for slot in offering.opening_hours]
    return sorted(out, key=lambda w: (WEEKDAYS.index(w.slot.day), w.slot.start, w.offering.title.casefold()))


def opening_data(contact_point: ContactPoint) -> dict[str, object]:
    """The opening hours (weekday 0 = Monday) and closed days, for the "nu open" script."""
    return {
        "uren": [{"dag": WEEKDAYS.index(h.day), "van": f"{h.start:%H:%M}", "tot": f"{h.end:%H:%M}"}
                 for h in contact_point.opening_hours],
        "gesloten": {day.date.isoformat(): day.reason for day in contact_point.closed},
    }
