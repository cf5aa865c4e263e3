"""Likely duplicate offerings: the same partner with a near-identical title, or the same title at
the same place. Reported as warnings, since two sessions of one course can be meant."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence

from ..load.problems import Problem, Severity
from ..load.yaml_files import SourceDoc
from ..model.models import Offering

SIMILAR_TITLE = 0.9


def _similar(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a.casefold(), b.casefold())
    # The quick upper bounds first: most pairs fail them, and ratio() is slow.
    return (matcher.real_quick_ratio() >= SIMILAR_TITLE and matcher.quick_ratio() >= SIMILAR_TITLE
            and matcher.ratio() >= SIMILAR_TITLE)


def duplicate_warnings(offerings: Sequence[tuple[Offering, SourceDoc]]) -> list[Problem]:
    """A warning at the later file of every likely duplicate pair.

    Only offerings of the same partner are compared with each other, and same-title pairs are
    found by title, so the cost grows with the size of a partner, not with the whole region.
    """
    problems = []
    by_partner: dict[str, list[tuple[Offering, SourceDoc]]] = defaultdict(list)
    by_title: dict[str, list[tuple[Offering, SourceDoc]]] = defaultdict(list)
    for offering, doc in offerings:
        areas = {location.area for location in offering.locations}
        same_partner = (e for e in by_partner[offering.partner] if _similar(e[0].title, offering.title))
        same_place = (e for e in by_title[offering.title.casefold()]
                      if areas & {location.area for location in e[0].locations})
        earlier = next(same_partner, None) or next(same_place, None)
        if earlier is not None:
            problems.append(Problem(
                doc.path, doc.line_of(("titel",)), "titel",
                f"dit aanbod lijkt op '{earlier[0].title}' in {earlier[1].path}.",
                "staat hetzelfde aanbod twee keer op de site? Voeg de bestanden samen, of maak de "
                "titels duidelijk verschillend.", Severity.WARNING))
        by_partner[offering.partner].append((offering, doc))
        by_title[offering.title.casefold()].append((offering, doc))
    return problems
