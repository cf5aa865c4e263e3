"""Likely duplicate offerings: the same partner with a near-identical title, or the same title at
the same place. Reported as warnings, since two sessions of one course can be meant."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from .loading import SourceDoc
from .models import Offering
from .problems import Problem, Severity

SIMILAR_TITLE = 0.9


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= SIMILAR_TITLE


def duplicate_warnings(offerings: Sequence[tuple[Offering, SourceDoc]]) -> list[Problem]:
    """A warning at the later file of every likely duplicate pair."""
    problems = []
    for index, (offering, doc) in enumerate(offerings):
        areas = {location.area for location in offering.locations}
        for earlier, earlier_doc in offerings[:index]:
            same_partner = earlier.partner == offering.partner and _similar(earlier.title, offering.title)
            same_place = (earlier.title.casefold() == offering.title.casefold()
                          and areas & {location.area for location in earlier.locations})
            if same_partner or same_place:
                problems.append(Problem(
                    doc.path, doc.line_of(("titel",)), "titel",
                    f"dit aanbod lijkt op '{earlier.title}' in {earlier_doc.path}.",
                    "staat hetzelfde aanbod twee keer op de site? Voeg de bestanden samen, of maak de "
                    "titels duidelijk verschillend.", Severity.WARNING))
                break
    return problems
