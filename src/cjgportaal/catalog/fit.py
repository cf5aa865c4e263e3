"""The order of the offerings under a hand-written page: the best fit first.

A parent on the page about peuters should first see what is made for peuters and asks the least of
them (prevention first: the tiers of data/niveaus.yml are listed from light to heavy), not whatever
comes first in the alphabet. `fit_key` is the one place that says what "fits best" means.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final, NamedTuple

from ..model.models import Offering
from .catalog import Catalog

# Open before full before paused: a parent can go to the first today.
STATUS_ORDER: Final = ("actief", "vol", "gepauzeerd")


class FitKey(NamedTuple):
    """What orders offerings by fit, lowest first; each field breaks the ties of the one before."""

    status: int  # place in STATUS_ORDER
    breadth: int  # the age bands the offering covers plus its lightest tier's place: narrow and light first
    tier: int  # its lightest tier's place in data/niveaus.yml
    next_date: date  # its next session; date.max without one
    title: str
    id: str


def fit_key(offering: Offering, age_bands: int, tier_order: Sequence[str], next_date: date | None) -> FitKey:
    """How well an offering fits: `age_bands` is the number of age bands its age range covers,
    `tier_order` the tier ids from light to heavy, `next_date` the date of its next session.

    Age and tier count together, so that a general open-huis offering for all ages (the CJG
    telephone) still comes before an intensive one for all ages (an Eigen Kracht-conferentie), and
    a course for this very age before both."""
    tier = min(tier_order.index(t) if t in tier_order else len(tier_order) for t in offering.tiers)
    status = STATUS_ORDER.index(offering.status) if offering.status in STATUS_ORDER else len(STATUS_ORDER)
    return FitKey(status, age_bands + tier, tier, next_date or date.max, offering.title.casefold(), offering.id)


def by_fit(catalog: Catalog, offerings: Iterable[Offering]) -> list[Offering]:
    """The offerings, best fit first (see `fit_key`)."""
    tier_order = list(catalog.lists.tiers)

    def key(offering: Offering) -> FitKey:
        next_date = min((s.date for s in catalog.upcoming_sessions(offering)), default=None)
        return fit_key(offering, len(catalog.age_bands_of(offering)), tier_order, next_date)

    return sorted(offerings, key=key)
