"""A kaart of more than one gemeente that searches one gemeente at a time (`kaart_split_above`): the
indexes per gemeente, the gemeente field on the page, and the search in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cjgportaal.catalog.catalog import Catalog, load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.render.files.kaart import municipality_indexes, records_by_index

from .browser import serve
from .conftest import copy_project, edit, mkdocs_build

LELYSTAD = "gemeente-lelystad"
DRONTEN = "gemeente-dronten"
PLACES = """
  - id: gemeente-lelystad
    naam: Lelystad
    provincie: Flevoland
    gebiedsnaam: wijk
    gebieden:
      - {id: lelystad-centrum, naam: Centrum}
      - {id: lelystad-noord, naam: Noord}
"""
PARTNER = """id: buurtwerk-lelystad
naam: Buurtwerk Lelystad
type: welzijn
rol: partner
samenvatting: Welzijnswerk in de wijken van Lelystad.
website: https://www.voorbeeld-buurtwerk-lelystad.nl
telefoon: "0320 123 456"
werkgebied: [gemeente-lelystad]
beheerders: ["@buurtwerk-lelystad"]
gecontroleerd: 2026-10-01
"""
OFFERING = """id: peuterochtend-lelystad
titel: Peuterochtend in de wijk
partner: buurtwerk-lelystad
samenvatting: Elke week samen spelen met je peuter en andere ouders ontmoeten.
doelgroepen: [ouders]
leeftijd: {van: 2 jaar, tot: 4 jaar}
themas: [opvoeden]
niveaus: [open-huis]
soort: inloop
toegang: {route: vrij-toegankelijk}
kosten: {soort: gratis}
locaties:
  - {naam: Buurthuis Centrum, straat: Agorabaan 1, postcode: 8224 JR, plaats: Lelystad, gebied: lelystad-centrum}
contact: {naam: Buurtwerk, telefoon: "0320 123 456"}
gecontroleerd: 2026-10-01
"""
ONLINE = "e-consult"  # a GGD offering without a location: the GGD also works in Lelystad here
TODAY = date(2026, 11, 22)


def two_municipalities(target: Path) -> Path:
    """The sample site with a second gemeente (Lelystad: a partner and an offering of its own, and the
    GGD working there too), searching one gemeente at a time."""
    copy_project(target)
    with (target / "data/plaatsen.yml").open("a", encoding="utf-8") as places:
        places.write(PLACES)
    (target / "partners/buurtwerk-lelystad.yml").write_text(PARTNER, encoding="utf-8")
    (target / "offerings/buurtwerk-lelystad").mkdir()
    (target / "offerings/buurtwerk-lelystad/peuterochtend-lelystad.yml").write_text(OFFERING, encoding="utf-8")
    edit(target, "partners/ggd-flevoland.yml", "werkgebied: [gemeente-dronten]", "werkgebied: [gemeente-dronten, gemeente-lelystad]")
    edit(target, "mkdocs.yml", "      lists_dir: data\n", "      lists_dir: data\n      kaart_split_above: 0\n")
    return target


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return two_municipalities(tmp_path_factory.mktemp("gemeenten") / "project")


@pytest.fixture(scope="module")
def catalog(project: Path) -> Catalog:
    loaded, problems = load_catalog(DataFolders(project), TODAY)
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_each_gemeente_has_the_offerings_in_or_for_it(catalog: Catalog) -> None:
    indexes = municipality_indexes(catalog, 0)
    assert list(indexes) == [DRONTEN, LELYSTAD]  # by name
    lelystad = {o.id for o in indexes[LELYSTAD]}
    dronten = {o.id for o in indexes[DRONTEN]}
    assert lelystad == {"peuterochtend-lelystad", *(o.id for o in catalog.visible_offerings()
                                                     if o.partner == "ggd-flevoland" and not o.locations)}
    assert ONLINE in lelystad and ONLINE in dronten
    assert dronten | lelystad == {o.id for o in catalog.visible_offerings()}  # nothing missing
    records = records_by_index(catalog, 0)
    assert {r.meta["id"] for r in records[LELYSTAD]} == lelystad


def test_a_kern_id_in_two_gemeenten_is_refused(tmp_path: Path) -> None:
    project = two_municipalities(tmp_path)
    line = edit(project, "data/plaatsen.yml", "{id: lelystad-noord, naam: Noord}", "{id: swifterbant, naam: Noord}")
    loaded, problems = load_catalog(DataFolders(project), TODAY)
    assert loaded is None
    found = [p for p in problems if p.field == "gemeenten[2].gebieden[2].id"]
    assert len(found) == 1 and found[0].file == "data/plaatsen.yml" and found[0].line == line
    assert "hoort al bij Dronten" in found[0].message and "lelystad-swifterbant" in found[0].hint


def test_one_index_up_to_the_threshold(catalog: Catalog) -> None:
    visible = len(catalog.visible_offerings())
    assert municipality_indexes(catalog, visible) == {}
    assert list(records_by_index(catalog, visible)) == [""]
    assert municipality_indexes(catalog, visible - 1)


def test_the_site_has_an_index_per_gemeente_and_asks_for_one(site: Path) -> None:
    assert not (site / "pagefind/pagefind.js").exists()
    for name in (DRONTEN, LELYSTAD):
        assert (site / "pagefind" / name / "pagefind.js").is_file()
    html = (site / "sociale-kaart/index.html").read_text(encoding="utf-8")
    assert ('<option value="">Kies een gemeente</option><option value="gemeente-dronten">Dronten</option>'
            '<option value="gemeente-lelystad">Lelystad</option>') in html
    assert ('<div class="cjg-choice" data-gemeente="gemeente-lelystad">\n'
            '          <input type="checkbox" id="kaart-gebied-lelystad-noord"') in html


def test_the_default_site_has_one_index(default_site: Path) -> None:
    assert (default_site / "pagefind/pagefind.js").is_file()
    assert 'id="kaart-gemeente"' not in (default_site / "sociale-kaart/index.html").read_text(encoding="utf-8")


@pytest.fixture()
def kaart(browser, site: Path) -> Iterator[tuple[object, str]]:
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        yield page, url + "sociale-kaart/"
        context.close()
        assert errors == []


def _titles(page) -> list[str]:
    return page.locator("#kaart-resultaten .cjg-card__title").all_inner_texts()


def _wait_for_count(page, expected: int) -> None:
    page.wait_for_function("n => document.getElementById('kaart-aantal').textContent.startsWith(n + ' ')", arg=expected)


def _in_area(catalog: Catalog, area: str) -> list[str]:
    return sorted(o.title for o in catalog.visible_offerings() if area in catalog.areas_of(o))


def test_a_professional_chooses_a_gemeente_and_searches_in_it(kaart, catalog: Catalog) -> None:
    page, url = kaart
    page.goto(url)
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.startsWith('Kies eerst')")
    assert _titles(page) == []
    page.select_option("#kaart-gemeente", LELYSTAD)
    page.wait_for_selector("#kaart-resultaten li")
    assert "gemeente=gemeente-lelystad" in page.url
    lelystad = municipality_indexes(catalog, 0)[LELYSTAD]
    _wait_for_count(page, len(lelystad))
    assert sorted(_titles(page)) == sorted(o.title for o in lelystad)
    # Only Lelystad's wijken are filters, and its counts come.
    assert page.is_visible("label[for=kaart-gebied-lelystad-centrum]")
    assert not page.is_visible("label[for=kaart-gebied-swifterbant]")
    centre = len(_in_area(catalog, "lelystad-centrum"))
    page.wait_for_function("n => document.querySelector('label[for=kaart-gebied-lelystad-centrum] [data-count]').textContent === `(${n})`",
                           arg=centre)

    page.fill("#kaart-zoek", "peuter")
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.includes('peuter')")
    assert "Peuterochtend in de wijk" in _titles(page) and "Peuter in zicht" not in _titles(page)
    page.select_option("#kaart-gemeente", DRONTEN)  # the same words in the other gemeente
    page.wait_for_function("() => document.getElementById('kaart-resultaten').textContent.includes('Peuter in zicht')")
    assert "Peuterochtend in de wijk" not in _titles(page)
    assert "gemeente=gemeente-dronten" in page.url and "zoek=peuter" in page.url

    # "Alles wissen" keeps the gemeente; the next visit starts in it.
    page.click("button[type=reset]")
    _wait_for_count(page, len(municipality_indexes(catalog, 0)[DRONTEN]))
    assert page.input_value("#kaart-gemeente") == DRONTEN
    page.goto(url)
    page.wait_for_selector("#kaart-resultaten li")
    assert page.input_value("#kaart-gemeente") == DRONTEN
    assert "gemeente=gemeente-dronten" in page.url


def test_a_link_to_a_wijk_opens_its_gemeente(kaart, catalog: Catalog) -> None:
    page, url = kaart
    page.goto(url + "?gebied=lelystad-centrum")
    expected = _in_area(catalog, "lelystad-centrum")
    _wait_for_count(page, len(expected))
    assert page.input_value("#kaart-gemeente") == LELYSTAD
    assert sorted(_titles(page)) == expected
    # A kern of another gemeente is no filter here: it is dropped, not hidden and still chosen.
    page.goto(url + "?gemeente=gemeente-lelystad&gebied=swifterbant")
    _wait_for_count(page, len(municipality_indexes(catalog, 0)[LELYSTAD]))
    assert not page.is_checked("#kaart-gebied-swifterbant")
