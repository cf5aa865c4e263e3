"""The aanbodmonitor: coverage of the aanbod, its gaps and its freshness, computed from the catalog.

Counts are of current offerings (status actief or vol). An offering without a location (online,
by phone) counts for every kern or wijk its partner serves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import product

from ..model.models import Offering, Partner
from .catalog import Catalog
from .clock import months_before
from .entry_kinds import review_by
from .facets import Dimension, dimensions

CURRENT = ("actief", "vol")
THIN = 1  # a cell with this many offerings or fewer (but not none) is "dun"
MANY = 4  # a cell with this many or more is dark in the heatmap


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
class Finding:
    """A gap in one kern or wijk: no offering on a theme for an age band, while other areas have one."""

    area: str
    theme: str
    age_band: str
    elsewhere: tuple[tuple[str, int], ...]  # (area, number of offerings there)

    @property
    def text(self) -> str:
        """'Geen aanbod over slapen voor peuter (2 tot 4 jaar) in Swifterbant; wel in Dronten (3).'"""
        where = ", ".join(f"{name} ({n})" for name, n in self.elsewhere)
        return f"Geen aanbod over {_lower_first(self.theme)} voor {_lower_first(self.age_band)} in {self.area}; wel in {where}."


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass(frozen=True)
class Counts:
    """The numbers behind the page: files, entries, what the kaart shows, what the figures count."""

    partners: int
    offerings: int  # every offering file, also stopped ones
    in_kaart: int  # all but the stopped ones
    current: int  # running: actief or vol; the figures count these
    paused: int  # in the kaart, but not in the figures

    @property
    def files(self) -> int:
        """Partner and offering files together."""
        return self.partners + self.offerings


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
        counts = Counter(pair for o in (self.current if offerings is None else offerings) for pair in product(r.of(o), c.of(o)))
        return Matrix(r, c, dict(counts))

    @cached_property
    def _theme_by_age(self) -> Matrix:
        return self.matrix("thema", "leeftijd")

    def heatmaps(self) -> list[Matrix]:
        """What the coordinator sees first: theme × age and theme × kern or wijk."""
        return [self._theme_by_age, self.matrix("thema", "gebied")]

    def matrices(self) -> list[Matrix]:
        """The other coverage matrices: tier × kern or wijk, kind × audience."""
        return [self.matrix("niveau", "gebied"), self.matrix("soort", "doelgroep")]

    def findings(self) -> list[Finding]:
        """Theme × age combinations that a kern or wijk lacks while others have them, the most
        notable first (the most offerings elsewhere). A combination without offerings anywhere is no
        finding: many cannot occur (school during pregnancy); the heatmap shows them as 'geen'."""
        overall = self._theme_by_age
        themes, ages = dict(overall.rows.values), dict(overall.cols.values)
        areas = self.dimensions["gebied"].values
        in_area: dict[str, list[Offering]] = {area_id: [] for area_id, _ in areas}
        for offering in self.current:
            for area_id in self.catalog.areas_of(offering):
                in_area.setdefault(area_id, []).append(offering)
        local = {area_id: self.matrix("thema", "leeftijd", in_area[area_id]) for area_id, _ in areas}
        found = [
            Finding(area_name, themes[t], ages[a],
                    tuple((name, local[other].cell(t, a)) for other, name in areas if local[other].cell(t, a)))
            for area_id, area_name in areas for t, a in local[area_id].empty_cells() if overall.cell(t, a)
        ]
        return sorted(found, key=lambda f: -sum(n for _, n in f.elsewhere))

    def nowhere(self) -> int:
        """The number of theme × age combinations without an offering anywhere."""
        return len(self._theme_by_age.empty_cells())

    def counts(self) -> Counts:
        """What each number on the page counts."""
        visible = self.catalog.visible_offerings()
        return Counts(partners=len(self.catalog.partners), offerings=len(self.catalog.offerings),
                      in_kaart=len(visible), current=len(self.current),
                      paused=sum(o.status not in CURRENT for o in visible))

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
        partners = Counter(p.type for p in self.catalog.partners.values())
        offerings: dict[str, list[Offering]] = {}
        for offering in self.current:
            offerings.setdefault(self.catalog.partner_of(offering).type, []).append(offering)
        return [(item.name, partners[type_id], len(own := offerings.get(type_id, [])), len({o.kind for o in own}))
                for type_id, item in self.catalog.lists.partner_types.items() if partners[type_id]]

    def per(self, key: str) -> list[tuple[str, int]]:
        """(label, number of current offerings) for every value of one dimension."""
        dimension = self.dimensions[key]
        counts = Counter(value for o in self.current for value in dimension.of(o))
        return [(name, counts[value]) for value, name in dimension.values]

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
