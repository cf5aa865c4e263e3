"""The order of the offerings under a hand-written page (catalog/fit.py), without MkDocs."""

from __future__ import annotations

from datetime import date

import pytest

from cjgportaal.catalog.catalog import Catalog, load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.fit import by_fit, fit_key
from cjgportaal.model.models import Offering

from .conftest import ROOT

TODAY = date(2026, 11, 22)
TIERS = ["open-huis", "lichte-pedagogische-hulp", "gerichte-lichte-pedagogische-hulp", "pedagogische-hulp"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_catalog(DataFolders(ROOT), TODAY)
    assert loaded is not None, problems
    return loaded


@pytest.fixture()
def course(catalog: Catalog) -> Offering:
    return catalog.offerings["peuter-in-zicht"]


def _variant(offering: Offering, name: str, **changes: object) -> Offering:
    return offering.model_copy(update={"id": name, "title": name, **changes})


def test_open_before_full_before_paused_whatever_fits_better(course: Offering) -> None:
    paused = _variant(course, "a-gepauzeerd", status="gepauzeerd", tiers=["open-huis"])
    full = _variant(course, "b-vol", status="vol", tiers=["open-huis"])
    heavy = _variant(course, "c-actief", tiers=["pedagogische-hulp"])
    keys = {o.id: fit_key(o, 1 if o is not heavy else 5, TIERS, None) for o in (paused, full, heavy)}
    assert sorted(keys, key=keys.__getitem__) == ["c-actief", "b-vol", "a-gepauzeerd"]


def test_narrow_and_light_first_then_the_next_date_then_the_title(course: Offering) -> None:
    for_this_age = _variant(course, "z-cursus", tiers=["lichte-pedagogische-hulp"])
    for_all_ages_light = _variant(course, "y-telefoon", tiers=["open-huis"])
    for_all_ages_heavy = _variant(course, "x-conferentie", tiers=["pedagogische-hulp"])
    soon, later = _variant(course, "w-eerder"), _variant(course, "v-later")
    keys = {
        for_this_age.id: fit_key(for_this_age, 1, TIERS, None),
        for_all_ages_light.id: fit_key(for_all_ages_light, 5, TIERS, None),
        for_all_ages_heavy.id: fit_key(for_all_ages_heavy, 5, TIERS, None),
        soon.id: fit_key(soon, 3, TIERS, date(2026, 12, 1)),
        later.id: fit_key(later, 3, TIERS, date(2027, 1, 5)),
    }
    assert sorted(keys, key=keys.__getitem__) == ["z-cursus", "w-eerder", "v-later", "y-telefoon", "x-conferentie"]
    assert fit_key(course, 1, TIERS, date(2027, 6, 1)) < fit_key(_variant(course, "a"), 1, TIERS, None)  # dated first


def test_an_offering_counts_with_its_lightest_tier(course: Offering) -> None:
    both = _variant(course, "beide", tiers=["pedagogische-hulp", "open-huis"])
    assert fit_key(both, 1, TIERS, None).tier == 0


def test_the_tiers_order_comes_from_the_list_file(catalog: Catalog) -> None:
    assert list(catalog.lists.tiers) == TIERS  # data/niveaus.yml: open huis first, prevention first


def test_peuter_in_zicht_near_the_top_for_parents_of_peuters(catalog: Catalog) -> None:
    peuter = catalog.lists.age_bands["peuter"]
    matching = [o for o in catalog.visible_offerings() if "ouders" in o.audiences and peuter in catalog.age_bands_of(o)]
    ordered = [o.id for o in by_fit(catalog, matching)]
    assert sorted(ordered) == sorted(o.id for o in matching)
    assert ordered.index("peuter-in-zicht") < 6
    assert ordered.index("eigen-kracht-conferentie") > ordered.index("cjg-telefoon") > ordered.index("peuter-in-zicht")
    assert ordered[-1] == "ouderkamer-swifterbant"  # paused
