"""The "Aanbod aanmelden" form in Chromium: errors in Dutch, YAML that `cjg validate` accepts, changing an
existing offering (with course runs) from the site's own data, and the routes to the coordinator."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from cjgportaal.catalog.catalog import Catalog, load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.render.files.form_data import offering_data
from cjgportaal.render.form import MESSAGE_END, MESSAGE_START
from cjgportaal.tools.receive import file_text

from .conftest import OFFERING, ROOT, cjg, copy_project

FORM = "professionals/aanbod-aanmelden/"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh browser (nothing saved yet) on the empty form; fails on any script error."""
    context = browser.new_context(accept_downloads=True, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + FORM)
    yield page
    assert errors == []
    context.close()


def _catalog() -> Catalog:
    catalog, _ = load_catalog(DataFolders(ROOT), date(2026, 11, 22))
    assert catalog is not None
    return catalog


def _open_offering(page: Any, base_url: str, offering_id: str = "peuter-in-zicht",
                   partner_id: str = "ggd-flevoland") -> None:
    page.goto(f"{base_url}{FORM}?aanbod={offering_id}&partner={partner_id}")
    page.wait_for_selector("#aanbod-formulier[data-geladen]")


def _validate(tmp_path: Path, path: str, text: str) -> None:
    project = copy_project(tmp_path / "p")
    target = project / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    result = cjg("--config", str(project / "mkdocs.yml"), "validate")
    assert result.returncode == 0, result.stdout + result.stderr


def _fill_minimal(page: Any, title: str) -> None:
    page.fill("#veld-titel", title)
    page.select_option("#veld-partner", "ggd-flevoland")
    page.fill("#veld-samenvatting", "Een avond over slapen.")
    page.check("#veld-doelgroepen-ouders")
    page.fill("#veld-leeftijd-van", "0")
    page.fill("#veld-leeftijd-tot", "4 jaar")
    page.check("#veld-themas-slapen")
    page.check("#veld-niveaus-lichte-pedagogische-hulp")
    page.select_option("#veld-soort", "cursus")
    page.fill("#veld-contact-telefoon", "088 002 9920")


def _session_row(page: Any, container: str, n: int) -> Any:
    return page.locator(f"{container} [data-rijen] > fieldset").nth(n)


def test_form_is_generated_from_the_schema(default_site: Path) -> None:
    html = (default_site / FORM / "index.html").read_text(encoding="utf-8")
    for text in ('name="titel"', 'name="themas" value="slapen"', 'name="locaties.0.gebied"',
                 "Naam van het aanbod", "(verplicht)", 'data-pattern="^[1-9][0-9]{3} ?[A-Z]{2}$"',
                 'type="date" data-veld="datum"', 'type="time" data-veld="van"', "Gaat niet door",
                 f'data-start="{MESSAGE_START}"', f'data-end="{MESSAGE_END}"', "<script src=", "Slapen"):
        assert text in html
    content = html[html.index('<h1'):html.index('assets/javascripts/aanbod-formulier.js')]
    assert content.count("<script") == 1 and "application/json" not in content
    assert "Thema's." not in html  # help that repeated the label is replaced by help that helps


def test_every_offering_has_a_change_link_and_its_data(default_site: Path) -> None:
    offering = (default_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    assert 'href="../../professionals/aanbod-aanmelden/?aanbod=peuter-in-zicht&amp;partner=ggd-flevoland"' in offering
    assert "Wijzig dit aanbod" in offering
    partner = (default_site / "organisaties/ggd-flevoland/index.html").read_text(encoding="utf-8")
    assert "?aanbod=peuter-in-zicht&amp;partner=ggd-flevoland" in partner and "?partner=ggd-flevoland" in partner
    data = json.loads((default_site / "formulier/partner/ggd-flevoland.json").read_text(encoding="utf-8"))
    offerings = [o.id for o in _catalog().offerings.values() if o.partner == "ggd-flevoland"]
    assert sorted(data) == sorted(offerings) and "peuter-in-zicht" in data  # that partner's offerings, no other
    record = data["peuter-in-zicht"]
    assert record["pad"] == OFFERING and record["tekst"] == (ROOT / OFFERING).read_text(encoding="utf-8")
    assert record["gegevens"]["rondes"][1]["bijeenkomsten"][2]["status"] == "geannuleerd"
    assert record["gegevens"]["gecontroleerd"] == "2026-09-15"
    assert not (default_site / "formulier/aanbod").exists()  # no file per offering


def test_form_data_has_a_file_per_partner_with_offerings(default_site: Path) -> None:
    catalog = _catalog()
    owners = {catalog.offerings[entry_id].partner for kind, entry_id in catalog.files if kind == "aanbod"}
    assert len(owners) > 5
    assert sorted(p.stem for p in (default_site / "formulier/partner").glob("*.json")) == sorted(owners)


def test_form_data_of_a_file_that_is_not_a_mapping_is_left_out() -> None:
    assert offering_data("- een lijst\n", "offerings/x.yml") is None


def test_empty_form_shows_all_errors_with_a_summary(page: Any) -> None:
    page.click("button[type=submit]")
    assert page.locator("#foutenoverzicht").is_visible()
    assert page.evaluate("() => document.activeElement.id") == "foutenoverzicht"
    items = page.locator("#foutenlijst li").all_text_contents()
    assert any(item.startswith("Naam van het aanbod: vul dit in") for item in items)
    assert any(item.startswith("Thema's: kies minstens één") for item in items)
    assert page.get_attribute("#veld-titel", "aria-invalid") == "true"
    assert "Fout: vul dit in." in page.text_content("#veld-titel-fout")
    assert page.locator("#resultaat").is_hidden()


def test_new_offering_with_session_rows_gives_valid_yaml_and_an_e_mail(page: Any, tmp_path: Path) -> None:
    _fill_minimal(page, "Praten met kinderen (Biddinghuizen)")
    page.fill("#veld-samenvatting", "Een cursus over luisteren naar je kind: \"hoe vraag je door?\"")
    page.fill("#veld-leeftijd-van", "4 jaar")
    page.fill("#veld-leeftijd-tot", "4")
    page.check("#veld-toegang-route-verwijzing")
    page.fill("#veld-locaties-0-postcode", "8256 ab")
    page.click("#veld-bijeenkomsten-toevoegen")
    first = _session_row(page, "[data-path=bijeenkomsten]", 0)
    first.locator("[data-veld=datum]").fill("2027-03-02")
    first.locator("[data-veld=van]").fill("21:30")
    first.locator("[data-veld=tot]").fill("19:30")
    page.click("button[type=submit]")
    errors = " ".join(page.locator("#foutenlijst li").all_text_contents())
    assert "Leeftijd tot: moet hoger zijn" in errors
    assert "Wie kan verwijzen?: kies wie kan verwijzen." in errors
    assert "bijeenkomst 1: de eindtijd ligt vóór de begintijd." in errors
    assert first.locator("[data-veld=tot]").get_attribute("aria-invalid") == "true"

    page.fill("#veld-leeftijd-tot", "12 jaar")
    page.check("#veld-toegang-verwijzers-jeugdarts")
    page.fill("#veld-locaties-0-naam", "Dorpshuis Het Koetshuis")
    page.fill("#veld-locaties-0-postcode", "8256 AB")
    page.select_option("#veld-locaties-0-gebied", "biddinghuizen")
    first.locator("[data-veld=van]").fill("19:30")
    first.locator("[data-veld=tot]").fill("21:30")
    page.click("#veld-bijeenkomsten-toevoegen")  # a copy of the one before, a week later
    second = _session_row(page, "[data-path=bijeenkomsten]", 1)
    assert second.locator("[data-veld=datum]").input_value() == "2027-03-09"
    assert second.locator("[data-veld=van]").input_value() == "19:30"
    page.check("#veld-kosten-soort-eigen-bijdrage")
    page.fill("#veld-kosten-bedrag", "12,50")
    page.click("button[type=submit]")
    assert page.locator("#foutenoverzicht").is_hidden()
    assert page.locator("#resultaat").is_visible()
    assert "dinsdag 9 maart 2027, 19:30–21:30" in page.text_content("#samenvatting")
    path = page.text_content("#bestandsnaam")
    assert path in ("offerings/praten-met-kinderen-biddinghuizen.yml",
                    "offerings/ggd-flevoland/praten-met-kinderen-biddinghuizen.yml")
    text = page.input_value("#yaml-uitvoer")
    data = yaml.safe_load(text)
    assert [s["datum"].isoformat() for s in data["bijeenkomsten"]] == ["2027-03-02", "2027-03-09"]
    assert data["kosten"]["bedrag"] == 12.5 and data["locaties"][0]["postcode"] == "8256 AB"

    with page.expect_download() as download:
        page.click("#download")
    assert Path(download.value.path()).read_text(encoding="utf-8") == text

    mail = page.get_attribute("#verstuur", "href")
    if len(mail) > 2000:
        assert page.locator("#te-lang").is_visible()
        mail = page.get_attribute("#verstuur-lang", "href")
    link = urlsplit(mail)
    assert (link.scheme, link.path) == ("mailto", "redactie@voorbeeld-cjgdronten.nl")
    body = parse_qs(link.query)["body"][0]
    assert MESSAGE_START in body and MESSAGE_END in body
    assert file_text(body) == text  # what `cjg ontvang` takes from the message

    github = urlsplit(page.get_attribute("#github", "href"))
    assert (github.netloc, github.path) == ("github.com", "/voorbeeld-gemeente/cjg-dronten/new/main")
    assert parse_qs(github.query) == {"filename": [path], "value": [text]}
    _validate(tmp_path, path, text)


def test_changing_a_course_date_gives_the_whole_file_changed_only_there(page: Any, base_url: str,
                                                                        tmp_path: Path) -> None:
    _open_offering(page, base_url)
    assert page.input_value("#veld-titel") == "Peuter in zicht"
    assert page.is_checked("#veld-themas-opvoeden") and page.is_visible("#wijzig-melding")
    run = page.locator(".cjg-ronde").nth(1)
    assert run.locator("[data-veld=naam]").first.input_value() == "Najaar 2027"
    sessions = run.locator("[data-rijen] > fieldset")
    assert sessions.count() == 5
    assert sessions.nth(2).locator("[data-veld=status]").input_value() == "geannuleerd"
    sessions.nth(3).locator("[data-veld=datum]").fill("2027-10-26")
    page.click("button[type=submit]")
    assert page.locator("#foutenoverzicht").is_hidden()
    assert page.text_content("#wijzigingen").strip() == "Rondes"
    assert page.text_content("#bestandsnaam") == OFFERING
    text = page.input_value("#yaml-uitvoer")

    before = (ROOT / OFFERING).read_text(encoding="utf-8")
    old, new = yaml.safe_load(before), yaml.safe_load(text)
    assert str(new["rondes"][1]["bijeenkomsten"][3]["datum"]) == "2027-10-26"
    new["rondes"][1]["bijeenkomsten"][3]["datum"] = old["rondes"][1]["bijeenkomsten"][3]["datum"]
    assert new == old  # all the data, changed only there
    changed = [line for line in difflib.unified_diff(before.splitlines(), text.splitlines(), n=0, lineterm="")
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ['-      - {datum: 2027-10-19, van: "19:30", tot: "21:30", locatie: CJG in De Meerpaal}',
                       '+      - {datum: 2027-10-26, van: "19:30", tot: "21:30", locatie: "CJG in De Meerpaal"}']

    mail = page.get_attribute("#verstuur-lang", "href") or ""
    assert file_text(unquote(mail.partition("&body=")[2])) == text
    assert page.get_attribute("#github", "href") == (
        "https://github.com/voorbeeld-gemeente/cjg-dronten/edit/main/" + OFFERING)
    assert "Kopieer de tekst" in page.text_content("#github-uitleg")
    _validate(tmp_path, OFFERING, text)


def test_a_change_inside_a_session_written_over_several_lines_changes_that_line_only(page: Any,
                                                                                   base_url: str) -> None:
    _open_offering(page, base_url)
    cancelled = page.locator(".cjg-ronde").nth(1).locator("[data-rijen] > fieldset").nth(2)
    cancelled.locator("[data-veld=opmerking]").fill("Herfstvakantie: #geen avond, \"inhalen\" op 2 november")
    page.click("button[type=submit]")
    text = page.input_value("#yaml-uitvoer")
    before = (ROOT / OFFERING).read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), text.splitlines(), n=0, lineterm="")
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-        opmerking: Herfstvakantie; deze avond halen we in op 2 november",
                       '+        opmerking: "Herfstvakantie: #geen avond, \\"inhalen\\" op 2 november"']
    assert yaml.safe_load(text)["rondes"][1]["bijeenkomsten"][2]["opmerking"] == (
        'Herfstvakantie: #geen avond, "inhalen" op 2 november')


def test_clicks_and_keys_to_change_the_dates_of_a_course(page: Any, base_url: str) -> None:
    """From the offering page to the e-mail: move the last evening of a run a week on."""
    clicks = keys = 0
    page.goto(base_url + "aanbod/peuter-in-zicht/")
    with page.expect_navigation():
        page.click("text=Wijzig dit aanbod")
    clicks += 1
    page.wait_for_selector("#aanbod-formulier[data-geladen]")
    last = page.locator(".cjg-ronde").nth(1).locator("[data-rijen] > fieldset").nth(4)
    date = last.locator("[data-veld=datum]")
    date.click(position={"x": 8, "y": 10})  # on the day
    clicks += 1
    # This headless Chromium shows mm/dd/yyyy (a Dutch one dd-mm-jjjj: "0911"); the next part comes by itself.
    page.keyboard.type("1109")
    keys += 4
    assert date.input_value() == "2027-11-09"
    page.click("button[type=submit]")
    clicks += 1
    assert page.locator("#foutenoverzicht").is_hidden()
    with page.expect_download():
        page.click("#verstuur")  # too long for the message: saves the file, then opens the e-mail
    clicks += 1
    assert page.locator("#te-lang").is_visible()
    print(f"\nwijzig de data van een cursus: {clicks} klikken, {keys} toetsen (plus bijlage en Verzenden)")
    assert (clicks, keys) == (4, 4)


def test_github_route_never_exceeds_the_limit(page: Any, tmp_path: Path) -> None:
    _fill_minimal(page, "Lange beschrijving: #1 - 'echt'")
    long_text = "Een heel lange tekst met é, ü en \"aanhalingstekens\". " * 300 + "\n# geen commentaar\n---\n  - ingesprongen: ja"
    page.fill("#veld-beschrijving", long_text)
    page.click("button[type=submit]")
    text = page.input_value("#yaml-uitvoer")
    data = yaml.safe_load(text)
    assert data["beschrijving"] == long_text and data["titel"] == "Lange beschrijving: #1 - 'echt'"
    _validate(tmp_path, page.text_content("#bestandsnaam"), text)
    href = page.get_attribute("#github", "href")
    assert len(href) <= 8000 and "value=" not in href and "filename=" in href
    assert "te lang" in page.text_content("#github-uitleg")
    assert len(page.get_attribute("#verstuur", "href")) <= 2000
    assert page.locator("#te-lang").is_visible()


@pytest.mark.parametrize("title", ["\u03a9\u03bc\u03ad\u03b3\u03b1 \u03b3\u03bf\u03bd\u03b5\u03af\u03c2", "دورة للآباء", "育儿课程", "!!!"])
def test_a_title_without_latin_letters_gives_a_valid_id(page: Any, title: str, tmp_path: Path) -> None:
    _fill_minimal(page, title)
    page.click("button[type=submit]")
    text = page.input_value("#yaml-uitvoer")
    entry_id = yaml.safe_load(text)["id"]
    assert ID.fullmatch(entry_id) and entry_id.startswith("aanbod-") and len(entry_id) > len("aanbod-")
    assert page.text_content("#bestandsnaam").endswith(f"/{entry_id}.yml")
    assert yaml.safe_load(text)["titel"] == title
    if title == "育儿课程":
        _validate(tmp_path, page.text_content("#bestandsnaam"), text)


def test_what_you_fill_in_survives_a_reload_until_you_start_over(page: Any, base_url: str) -> None:
    page.fill("#veld-titel", "Spreekuur slapen")
    page.check("#veld-themas-slapen")
    page.click("#veld-bijeenkomsten-toevoegen")
    _session_row(page, "[data-path=bijeenkomsten]", 0).locator("[data-veld=datum]").fill("2027-03-09")
    page.reload()
    assert page.input_value("#veld-titel") == "Spreekuur slapen" and page.is_checked("#veld-themas-slapen")
    assert _session_row(page, "[data-path=bijeenkomsten]", 0).locator("[data-veld=datum]").input_value() == "2027-03-09"
    assert "staat er weer" in page.text_content("#concept-status")
    page.click("#opnieuw")
    assert page.input_value("#veld-titel") == "" and page.locator("[data-path=bijeenkomsten] [data-rijen] > *").count() == 0
    page.reload()
    assert page.input_value("#veld-titel") == ""

    _open_offering(page, base_url)  # a change is kept apart from a new offering
    page.fill("#veld-samenvatting", "Nieuwe samenvatting.")
    _open_offering(page, base_url)
    assert page.input_value("#veld-samenvatting") == "Nieuwe samenvatting."
    page.click("#opnieuw")
    assert page.input_value("#veld-samenvatting").startswith("Een cursus van vier avonden")

    page.fill("#veld-samenvatting", "Nieuwe samenvatting.")  # then the offering changes on the site
    page.evaluate("""key => { const saved = JSON.parse(localStorage.getItem(key));
                     localStorage.setItem(key, JSON.stringify({...saved, basis: "ouder"})); }""",
                  "cjg-aanbod-formulier:peuter-in-zicht")
    _open_offering(page, base_url)
    assert page.input_value("#veld-samenvatting").startswith("Een cursus van vier avonden")
    assert "veranderd sinds" in page.text_content("#concept-status")


def test_every_offering_goes_through_the_form_unchanged(page: Any, base_url: str, default_site: Path) -> None:
    """Loaded and sent back without a change, every offering gives exactly its own file."""
    for data_file in sorted((default_site / "formulier/partner").glob("*.json")):
        for offering_id, record in json.loads(data_file.read_text(encoding="utf-8")).items():
            _open_offering(page, base_url, offering_id, data_file.stem)
            page.click("button[type=submit]")
            assert page.locator("#foutenoverzicht").is_hidden(), (offering_id, page.text_content("#foutenlijst"))
            assert page.input_value("#yaml-uitvoer") == record["tekst"]
            assert "niets veranderd" in page.text_content("#wijzigingen")


def test_an_unknown_offering_says_so(browser: Any, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for query in ("?aanbod=bestaat-niet&partner=ggd-flevoland", "?aanbod=bestaat-niet&partner=bestaat-niet",
                  "?aanbod=peuter-in-zicht&partner=gemeente-dronten", "?aanbod=peuter-in-zicht"):
        page.goto(f"{base_url}{FORM}{query}")
        page.wait_for_selector("#laad-fout:not([hidden])")
        assert "konden we niet laden" in page.text_content("#laad-fout"), query
        assert page.input_value("#veld-titel") == "", query
    context.close()


def test_the_partner_guide_says_what_the_form_says(default_site: Path) -> None:
    guide = (ROOT / "content/professionals/handleiding-partners.md").read_text(encoding="utf-8")
    form = (default_site / FORM / "index.html").read_text(encoding="utf-8")
    for text in ("Verstuur naar de coördinator", "Controleer en verstuur", "Wijzig dit aanbod", "Opnieuw beginnen",
                 "Voorstel doen op GitHub", "bijlage", "Download het bestand", "Een paar minuten later staat"):
        assert text in guide, text
        assert text in form or text == "Wijzig dit aanbod", text
    assert f"`{MESSAGE_START}`" in guide and f"`{MESSAGE_END}`" in guide


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_nothing_in_a_loaded_form_and_its_end(browser: Any, base_url: str, width: int) -> None:
    from .test_accessibility import axe_context, axe_violations

    context = axe_context(browser, width)
    page = context.new_page()
    _open_offering(page, base_url)
    page.click("#veld-bijeenkomsten-toevoegen")
    page.click("button[type=submit]")  # the new session has no times: errors in the rows
    page.locator("[data-path=bijeenkomsten] [data-veld=van]").fill("10:00")
    page.locator("[data-path=bijeenkomsten] [data-veld=tot]").fill("11:00")
    page.locator("[data-path=bijeenkomsten] [data-veld=datum]").fill("2027-05-01")
    page.click("button[type=submit]")
    page.click("#github-blok summary")
    page.click("text=Bekijk het bestand")
    found = axe_violations(page)
    context.close()
    assert found == []
