"""Ways to group offerings (facets): their values and the values each offering has.

Shared by the sociale kaart's filters, the static lists and the aanbodmonitor's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..model.models import Area, ListItem, Offering, Partner
from ..model.vocabulary import ACCESS_ROUTES, AUDIENCES, COST_KINDS, EVIDENCE_LEVELS, label
from .catalog import Catalog

NO_EVIDENCE = "geen"


@dataclass(frozen=True)
class Dimension:
    """A way to group offerings: its values (id, label) and the values an offering has."""

    key: str
    label: str
    values: tuple[tuple[str, str], ...]
    of: Callable[[Offering], AbstractSet[str]]


def _names(table: Mapping[str, ListItem | Area | Partner]) -> tuple[tuple[str, str], ...]:
    return tuple((key, item.name) for key, item in table.items())


def _labels(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((value, label(value)) for value in values)


def dimensions(catalog: Catalog) -> dict[str, Dimension]:
    """Every facet of the site, keyed and ordered as the sociale kaart shows them."""
    lists = catalog.lists
    area_word = "Kern of wijk" if len(lists.municipalities) != 1 else \
        next(iter(lists.municipalities.values())).area_word.capitalize()
    facets = [
        Dimension("leeftijd", "Leeftijdsgroep", _names(lists.age_bands),
                  catalog.age_band_ids_of),
        Dimension("thema", "Thema", _names(lists.themes), lambda o: set(o.themes)),
        Dimension("gebied", area_word, _names(lists.areas), catalog.areas_of),
        Dimension("kosten", "Kosten", _labels(COST_KINDS), lambda o: {o.cost.kind}),
        Dimension("toegang", "Toegang", _labels(ACCESS_ROUTES), lambda o: {o.access.route}),
        Dimension("niveau", "Niveau", _names(lists.tiers), lambda o: set(o.tiers)),
        Dimension("soort", "Soort", _names(lists.kinds), lambda o: {o.kind}),
        Dimension("doelgroep", "Doelgroep", _labels(AUDIENCES), lambda o: set(o.audiences)),
        Dimension("partner", "Organisatie", _names(catalog.partners), lambda o: {o.partner}),
        Dimension("taal", "Taal", _names(lists.languages), lambda o: set(o.languages)),
        Dimension("erkenning", "Erkenning NJi", (*_labels(EVIDENCE_LEVELS), (NO_EVIDENCE, "Niet erkend")),
                  lambda o: {o.evidence.level if o.evidence else NO_EVIDENCE}),
    ]
    return {facet.key: facet for facet in facets}
