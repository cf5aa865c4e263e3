"""The sociale kaart's data and pages in the built default site: search records, static lists,
exports, partner directory, verwijswijzer and the "Fout melden" link."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from cjgportaal.catalog.catalog import Catalog, load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.facets import dimensions
from cjgportaal.model.lists import load_lists
from cjgportaal.model.synonyms import SynonymGroup
from cjgportaal.render.files import kaart
from cjgportaal.render.files.kaart import (
    FULL,
    NEXT_DATE,
    NO_DATE,
    OWN_AREA,
    PROFESSIONALS_ONLY,
    RANK,
    export_csv,
    kaart_facets,
    next_date,
    saved_item,
    search_records,
    synonyms_of,
    years_covered,
)
from cjgportaal.render.files.schema import json_schemas
from cjgportaal.render.files.search_index import record_html
from cjgportaal.render.glance import CARD_FACTS, KAART_FACTS, LIST_FACTS
from cjgportaal.render.pages.maker import MATCHING_LIMIT, Renderer, RenderOptions
from cjgportaal.render.pages.registry import generated_pages

from .conftest import ROOT, copy_project, edit, mkdocs_build

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_catalog(DataFolders(ROOT), TODAY)
    assert loaded is not None, problems
    return loaded


def test_exact_ages_cover_the_range_with_tot_exclusive(catalog: Catalog) -> None:
    peuter = catalog.offerings["peuter-in-zicht"]  # 2 tot 4 jaar
    assert years_covered(peuter) == ["2", "3"]
    pregnancy = [o for o in catalog.offerings.values() if o.age.start < 0]
    assert pregnancy and all(years_covered(o)[0] == "zwanger" for o in pregnancy)
    baby = [o for o in catalog.offerings.values() if o.age.end < 12 and o.age.start >= 0]
    assert baby and all(years_covered(o) == ["0"] for o in baby)


def test_every_visible_offering_has_a_record_with_every_facet(catalog: Catalog) -> None:
    records = search_records(catalog)
    visible = catalog.visible_offerings()
    assert [r.meta["id"] for r in records] == [o.id for o in visible]
    keys = set(dimensions(catalog))
    for record, offering in zip(records, visible, strict=True):
        assert keys <= set(record.filters)
        assert all(record.filters[key] for key in keys), record.url
        assert offering.title in record.content and offering.summary in record.content
        assert record.url == f"aanbod/{offering.id}/"


def test_a_facet_with_too_many_values_is_no_filter(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    # A national kaart has thousands of partners: their facet leaves the page and the records, while
    # the partner's name stays in the searched text. The limit is lowered to this region's partners.
    assert len(catalog.partners) > 3
    monkeypatch.setattr(kaart, "MAX_CHOICES", len(catalog.partners) - 1)
    assert "partner" in dimensions(catalog) and "partner" not in kaart_facets(catalog)
    assert set(kaart_facets(catalog)) == {key for key, f in dimensions(catalog).items() if len(f.values) < len(catalog.partners)}
    record = search_records(catalog)[0]
    assert "partner" not in record.filters and record.meta["partner"] in record.content


def test_kaart_page_has_every_facet_value_and_links_to_the_static_lists(default_site: Path, catalog: Catalog) -> None:
    html = (default_site / "sociale-kaart/index.html").read_text(encoding="utf-8")
    for facet in dimensions(catalog).values():
        for value, _ in facet.values:
            assert f'id="kaart-{facet.key}-{value}"' in html
    for target in ("../aanbod/", "../themas/", "../leeftijden/", "../plaatsen/", "../organisaties/"):
        assert f'href="{target}"' in html
    assert 'role="status"' in html and "<noscript>" in html
    assert (default_site / "pagefind/pagefind.js").exists()
    entry = json.loads((default_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(catalog.visible_offerings())


def test_static_lists_per_kern_hold_the_offerings_there(default_site: Path, catalog: Catalog) -> None:
    index = (default_site / "plaatsen/index.html").read_text(encoding="utf-8")
    for area in catalog.lists.areas.values():
        assert f'href="{area.id}/"' in index
        page = (default_site / f"plaatsen/{area.id}/index.html").read_text(encoding="utf-8")
        here = [o for o in catalog.visible_offerings() if area.id in catalog.areas_of(o)]
        assert f"{len(here)} resultaten" in page
        for offering in here[:50]:
            assert f"../../aanbod/{offering.id}/" in page


def test_exports_hold_every_visible_offering(default_site: Path, catalog: Catalog) -> None:
    visible = catalog.visible_offerings()
    raw = (default_site / "sociale-kaart/aanbod.csv").read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff")), delimiter=";"))
    assert [row["id"] for row in rows] == [o.id for o in visible]
    peuter = next(row for row in rows if row["id"] == "peuter-in-zicht")
    assert peuter["leeftijd"] == "2 tot 4 jaar" and peuter["url"] == "https://cjg.voorbeeld.nl/aanbod/peuter-in-zicht/"
    data = json.loads((default_site / "sociale-kaart/aanbod.json").read_text(encoding="utf-8"))
    assert data["aantal"] == len(visible) == len(data["aanbod"])
    first = data["aanbod"][0]
    assert {"id", "titel", "partner", "organisatie", "leeftijd", "gecontroleerd", "url"} <= set(first)


def test_partner_directory_says_who_does_what(default_site: Path, catalog: Catalog) -> None:
    table = (default_site / "organisaties/index.html").read_text(encoding="utf-8")
    assert "<caption>Wie doet wat</caption>" in table
    for partner in catalog.partners.values():
        assert f'href="{partner.id}/"' in table
    ggd = catalog.partners["ggd-flevoland"]
    assert ggd.consultation is not None and ggd.consultation.name in table
    page = (default_site / "organisaties/ggd-flevoland/index.html").read_text(encoding="utf-8")
    assert "<h3>Verwijzen</h3>" in page and "<h3>Overleg</h3>" in page
    assert "zwangerschap tot 18 jaar" in page


def test_verwijswijzer_renders_every_route(default_site: Path) -> None:
    routes = yaml.safe_load((ROOT / "data/verwijswijzer.yml").read_text(encoding="utf-8"))["verwijswijzer"]
    html = (default_site / "professionals/verwijswijzer/index.html").read_text(encoding="utf-8")
    for route in routes:
        assert f'id="route-{route["id"]}"' in html
    assert 'href="tel:+318002000"' in html and 'href="tel:112"' in html
    assert html.count("cjg-badge") == sum(bool(r.get("spoed")) for r in routes)
    assert 'href="../../organisaties/bureau-jeugdzorg/"' in html


def test_every_offering_shows_last_checked_and_an_error_report_email(default_site: Path) -> None:
    html = (default_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    assert "Laatst gecontroleerd op 15 september 2026" in html
    assert ('href="mailto:redactie@voorbeeld-cjgdronten.nl?subject=Fout%20melden%3A%20Peuter%20in%20zicht'
            '&amp;body=Pagina%3A%20https%3A%2F%2Fcjg.voorbeeld.nl%2Faanbod%2Fpeuter-in-zicht%2F%0D%0A') in html
    assert "data-cjg-bewaar=\"peuter-in-zicht\" data-cjg-gegevens='{" in html


def test_error_reports_can_open_a_prefilled_issue(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project, "mkdocs.yml", "      branch: main\n", "      branch: main\n      error_report: issue\n")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    html = (site / "organisaties/mdf/index.html").read_text(encoding="utf-8")
    assert ('href="https://github.com/voorbeeld-gemeente/cjg-dronten/issues/new?template=fout-melden.yml'
            '&amp;title=Fout+melden%3A+') in html
    assert "pagina=https%3A%2F%2Fcjg.voorbeeld.nl%2Forganisaties%2Fmdf%2F" in html


def test_site_search_holds_offering_titles_only(default_site: Path, catalog: Catalog) -> None:
    index = json.loads((default_site / "search/search_index.json").read_text(encoding="utf-8"))
    peuter = catalog.offerings["peuter-in-zicht"]
    docs = [doc for doc in index["docs"] if doc["location"].startswith("aanbod/peuter-in-zicht/")]
    assert docs and docs[0]["title"] == peuter.title
    text = " ".join(doc["text"] for doc in docs)
    assert peuter.summary not in text and "Laatst gecontroleerd" not in text
    assert not any(doc["location"].startswith(("themas/opvoeden/", "plaatsen/dronten/")) for doc in index["docs"])
    home = (default_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="sociale-kaart/" data-cjg-kaart-link>' in home
    kaart = (default_site / "sociale-kaart/index.html").read_text(encoding="utf-8")
    assert 'name="search"' not in kaart  # no site search, so its index does not load on the kaart


def test_csv_cells_that_look_like_formulas_stay_text(mini: Path) -> None:
    edit(mini, "offerings/peuter-in-zicht.yml", "titel: Peuter in zicht", "titel: \"=HYPERLINK(1)\"")
    loaded, problems = load_catalog(DataFolders(mini), TODAY)
    assert loaded is not None, problems
    rows = list(csv.DictReader(io.StringIO(export_csv(loaded).removeprefix("\ufeff")), delimiter=";"))
    assert rows[0]["titel"] == "'=HYPERLINK(1)"


def test_long_lists_under_a_page_show_all_with_the_rest_behind_toon_alle(default_site: Path, catalog: Catalog) -> None:
    html = (default_site / "ouders/baby/index.html").read_text(encoding="utf-8")
    baby = [o for o in catalog.visible_offerings()
            if "ouders" in o.audiences and "baby" in {b.id for b in catalog.age_bands_of(o)}]
    assert len(baby) > MATCHING_LIMIT
    assert html.count('class="cjg-card"') == len(baby)
    shown, rest = html.split('<details class="cjg-facet cjg-meer">')
    assert shown.count('class="cjg-card"') == MATCHING_LIMIT
    assert f"<summary>Toon alle {len(baby)} (nog {len(baby) - MATCHING_LIMIT})</summary>" in rest


def test_partner_table_is_paged_by_fifty(mini: Path) -> None:
    partner = (mini / "partners/ggd-flevoland.yml").read_text(encoding="utf-8")
    for n in range(60):
        (mini / f"partners/partner-{n:02}.yml").write_text(
            partner.replace("id: ggd-flevoland", f"id: partner-{n:02}"), encoding="utf-8")
    loaded, problems = load_catalog(DataFolders(mini), TODAY)
    assert loaded is not None, problems
    pages = generated_pages(Renderer(loaded, RenderOptions(), json_schemas(DataFolders(mini))["aanbod.schema.json"]))
    tables = {p.src_uri: p.html for p in pages.values() if p.html.count("cjg-wie-doet-wat")}
    assert list(tables) == ["organisaties/index.md", "pagina/organisaties-index/2.md"]
    assert tables["organisaties/index.md"].count("<tr>") == 51  # header row and 50 partners
    assert "61 organisaties; op deze pagina 51 tot en met 61." in tables["pagina/organisaties-index/2.md"]


def test_cards_results_and_mijn_lijst_show_one_list_of_facts(default_site: Path, catalog: Catalog) -> None:
    """The fact list lives in glance; the data carries every key it names, the pages hand it to
    their scripts, and no script keeps a list of its own."""
    offering = catalog.visible_offerings()[0]
    record = next(r for r in search_records(catalog) if r.meta["id"] == offering.id)
    assert {key for _, key in KAART_FACTS} <= set(record.meta)
    assert {key for _, key in LIST_FACTS} <= set(saved_item(catalog, offering))
    pages = {"sociale-kaart/index.html": KAART_FACTS, "sociale-kaart/mijn-lijst/index.html": LIST_FACTS}
    for page, facts in pages.items():
        html = (default_site / page).read_text(encoding="utf-8")
        assert f"data-feiten='{json.dumps([list(f) for f in facts])}'" in html
    card = (default_site / "aanbod/index.html").read_text(encoding="utf-8")
    labels = [label for label, _ in CARD_FACTS]
    assert all(f"<dt>{label}</dt>" in card for label in labels)
    for script in ("kaart.js", "mijn-lijst.js", "aanbod-kaartje.js"):
        text = (default_site / "assets/javascripts" / script).read_text(encoding="utf-8")
        assert not [label for label in labels if f'"{label}"' in text], script


SCHOOL = SynonymGroup.model_validate({"id": "schoolverzuim", "woorden": ["schoolverzuim", "spijbelen", "thuiszitten"]})
DIVORCE = SynonymGroup.model_validate({"id": "scheiding", "woorden": ["scheiding", "gescheiden ouders", "uit elkaar"]})


def test_synonyms_add_the_other_words_of_each_group_a_text_holds() -> None:
    assert synonyms_of("Een kind dat lang thuiszit", [SCHOOL, DIVORCE]) == ["schoolverzuim", "spijbelen"]
    assert synonyms_of("Voor kinderen van GESCHEIDEN OUDERS.", [SCHOOL, DIVORCE]) == ["scheiding", "uit elkaar"]
    assert synonyms_of("Scheidingen en spijbelen", [SCHOOL, DIVORCE]) == [
        "schoolverzuim", "thuiszitten", "gescheiden ouders", "uit elkaar"]
    # Only from the start of a word, and the words of a phrase in a row.
    assert synonyms_of("ouders gaan uit van elkaar; afscheiding", [DIVORCE]) == []


def test_records_carry_synonyms_weighted_low_and_the_ranking_facts(catalog: Catalog) -> None:
    records = {r.meta["id"]: r for r in search_records(catalog)}
    kies = records["kies-kinderen-en-scheiding"]
    assert "echtscheiding" not in kies.synonyms.split() and "co-ouderschap" in kies.synonyms.split()
    assert '<p data-pagefind-weight="0.3">' in record_html(kies)
    assert records["nieuwsbrief-professionals"].filters[RANK] == [PROFESSIONALS_ONLY]
    assert records["brussengroep"].filters[RANK] == [FULL]
    assert records["thema-avond-pesten"].filters[OWN_AREA] == ["biddinghuizen", "swifterbant"]
    course = catalog.offerings["faalangsttraining"]
    assert kies.sort[NEXT_DATE] == "2027-01-27" == next_date(catalog, catalog.offerings[kies.meta["id"]])
    assert records[course.id].sort[NEXT_DATE] == "2027-02-08"
    assert records["cjg-telefoon"].sort[NEXT_DATE] == NO_DATE


def test_kaart_script_knows_the_ranking_filters() -> None:
    script = (ROOT / "src/cjgportaal/adapter/theme/assets/javascripts/kaart.js").read_text(encoding="utf-8")
    for value in (RANK, PROFESSIONALS_ONLY, FULL, OWN_AREA, NEXT_DATE):
        assert f'"{value}"' in script, value


@pytest.mark.parametrize(("text", "field", "message"), [
    ("  - id: dubbel\n    woorden: [pesten, slapen, pesten]\n", "synoniemen[N].woorden[3]",
     "het woord 'pesten' staat twee keer in deze groep."),
    ("  - id: dubbel\n    woorden: [rouwen, pesten]\n", "synoniemen[N].woorden[2]",
     "het woord 'pesten' staat ook in de groep 'pesten'."),
    ("  - id: dubbel\n    woorden: [Pesten!, treiteren]\n", "synoniemen[N].woorden[1]",
     "'Pesten!' is geen geldig zoekwoord."),
    ("  - id: dubbel\n    woorden: [treiteren]\n", "synoniemen[N].woorden", ""),
    ("  - id: dubbel\n    woorden: [treiteren, pesten]\n    worden: [treiteren]\n", "synoniemen[N].worden",
     "dit veld bestaat niet."),
])
def test_synonym_mistakes_get_a_dutch_message_with_file_line_and_field(
        mini: Path, text: str, field: str, message: str) -> None:
    path = mini / "data/synoniemen.yml"
    groups = path.read_text(encoding="utf-8").count("  - id: ")
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    lists, problems = load_lists(mini / "data", mini)
    field = field.replace("[N]", f"[{groups + 1}]")  # the added group is the last
    assert [(p.file, p.field) for p in problems] == [("data/synoniemen.yml", field)], problems
    assert problems[0].line >= len(path.read_text(encoding="utf-8").splitlines()) - 1
    assert message in problems[0].message
    assert problems[0].hint
    assert "synoniemen" in lists.failed  # the build stops, as for every list
