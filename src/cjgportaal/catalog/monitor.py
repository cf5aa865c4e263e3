"""The aanbodmonitor: coverage of the aanbod, its gaps and its freshness, computed from the catalog.

Counts are of current offerings (status actief or vol). An offering without a location (online,
by phone) counts for every kern or wijk its partner serves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.models import Offering, Partner
from .catalog import Catalog
from .clock import months_before
from .entry_kinds import review_by
from .facets import Dimension, dimensions

CURRENT = ("actief", "vol")
THIN = 1  # a cell with this many offerings or fewer (but not none) is "dun"


@dataclass(frozen=True)
class Matrix:
    """Counts of offerings for every pair of values of two dimensions."""

    rows: Dimension
    cols: Dimension
    counts: dict[tuple[str, str], int]

    @property
    def title(self) -> str:
        """'Leeftijd × thema'."""
        return f"{self.rows.label} × {self.cols.label.lower()}"

    def cell(self, row: str, col: str) -> int:
        """The number of offerings in one cell."""
        return self.counts.get((row, col), 0)

    def empty_cells(self) -> list[tuple[str, str]]:
        """Cells without any offering."""
        return [(r, c) for r, _ in self.rows.values for c, _ in self.cols.values if not self.cell(r, c)]


@dataclass(frozen=True)
class Share:
    """How many of the current offerings have a property."""

    label: str
    count: int
    total: int

    @property
    def percent(self) -> int:
        """Rounded percentage."""
        return round(100 * self.count / self.total) if self.total else 0


@dataclass(frozen=True)
class PartnerFigures:
    """Offerings and kinds of offering of one partner, and how fresh its files are."""

    partner: Partner
    offerings: int
    kinds: int
    checked_6: int
    checked_12: int
    overdue: int
    files: int


class Monitor:
    """All figures of the aanbodmonitor for one catalog, at the catalog's build date."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.current = [o for o in catalog.visible_offerings() if o.status in CURRENT]
        self.dimensions = dimensions(catalog)

    def matrix(self, rows: str, cols: str, offerings: list[Offering] | None = None) -> Matrix:
        """Counts for two dimensions, over the current offerings (or the ones given)."""
        r, c = self.dimensions[rows], self.dimensions[cols]
        counts: dict[tuple[str, str], int] = {}
        for offering in self.current if offerings is None else offerings:
            for row in r.of(offering):
                for col in c.of(offering):
                    counts[(row, col)] = counts.get((row, col), 0) + 1
        return Matrix(r, c, counts)

    def matrices(self) -> list[Matrix]:
        """The three coverage matrices."""
        return [self.matrix("thema", "leeftijd"), self.matrix("niveau", "gebied"), self.matrix("soort", "doelgroep")]

    def gaps(self) -> list[str]:
        """Age × theme combinations without offerings in a kern or wijk, in plain Dutch.

        Only combinations that exist somewhere are listed per area ("wel elders"); combinations
        with no offering anywhere are listed once for the whole municipality.
        """
        overall = self.matrix("thema", "leeftijd")
        themes, ages = dict(overall.rows.values), dict(overall.cols.values)
        sentences = [f"geen aanbod in de fase {ages[a].lower()} over {themes[t].lower()}, nergens"
                     for t, a in overall.empty_cells()]
        for area_id, area_name in self.dimensions["gebied"].values:
            here = [o for o in self.current if area_id in self.catalog.areas_of(o)]
            local = self.matrix("thema", "leeftijd", here)
            sentences += [f"geen aanbod in de fase {ages[a].lower()} over {themes[t].lower()} in {area_name} (wel elders)"
                          for t, a in local.empty_cells() if overall.cell(t, a)]
        return sentences

    def shares(self) -> list[Share]:
        """Shares of free, no-referral and NJi-recognised offerings."""
        total = len(self.current)
        return [
            Share("Gratis", sum(o.cost.kind == "gratis" for o in self.current), total),
            Share("Zonder verwijzing", sum(o.access.route != "verwijzing" for o in self.current), total),
            Share("Erkend door het NJi", sum(o.evidence is not None for o in self.current), total),
        ]

    def partners(self) -> list[PartnerFigures]:
        """Offerings, kinds and freshness per partner."""
        today = self.catalog.today
        six, twelve = months_before(today, 6), months_before(today, 12)
        out = []
        for partner in self.catalog.partners.values():
            own = self.catalog.offerings_of(partner)
            offerings = [o for o in own if o.status in CURRENT]
            files: list[Partner | Offering] = [partner, *own]
            out.append(PartnerFigures(
                partner, len(offerings), len({o.kind for o in offerings}),
                sum(f.checked >= six for f in files), sum(f.checked >= twelve for f in files),
                sum(review_by(f) < today for f in files), len(files)))
        return out

    def partner_types(self) -> list[tuple[str, int, int, int]]:
        """(type name, partners, offerings, kinds of offering) per partner type."""
        out = []
        for type_id, item in self.catalog.lists.partner_types.items():
            partners = [p for p in self.catalog.partners.values() if p.type == type_id]
            offerings = [o for o in self.current if self.catalog.partner_of(o).type == type_id]
            if partners:
                out.append((item.name, len(partners), len(offerings), len({o.kind for o in offerings})))
        return out

    def per(self, key: str) -> list[tuple[str, int]]:
        """(label, number of current offerings) for every value of one dimension."""
        dimension = self.dimensions[key]
        return [(name, sum(value in dimension.of(o) for o in self.current)) for value, name in dimension.values]

    def freshness(self) -> dict[str, int]:
        """Counts of all files: checked in the last 6 and 12 months, past their review date."""
        figures = self.partners()
        return {
            "bestanden": sum(f.files for f in figures),
            "nagekeken_6_maanden": sum(f.checked_6 for f in figures),
            "nagekeken_12_maanden": sum(f.checked_12 for f in figures),
            "over_controledatum": sum(f.overdue for f in figures),
        }

    @property
    def today(self) -> date:
        """The date the figures are for."""
        return self.catalog.today
