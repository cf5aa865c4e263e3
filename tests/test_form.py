"""The "Aanbod aanmelden" form in Chromium: errors in Dutch, then YAML that `cjg validate` accepts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import cjg, copy_project

FORM = "professionals/aanbod-aanmelden/"


@pytest.fixture(scope="module")
def page(browser, base_url: str) -> Iterator[object]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + FORM)
    yield page
    assert errors == []
    context.close()


def test_form_is_generated_from_the_schema(default_site: Path) -> None:
    html = (default_site / FORM / "index.html").read_text(encoding="utf-8")
    for text in ('name="titel"', 'name="themas" value="slapen"', 'name="locaties.0.gebied"',
                 "Naam van het aanbod", "(verplicht)", 'data-pattern="^[1-9][0-9]{3} ?[A-Z]{2}$"'):
        assert text in html


def test_empty_form_shows_all_errors_with_a_summary(page) -> None:
    page.click("button[type=submit]")
    summary = page.locator("#foutenoverzicht")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "foutenoverzicht"
    items = page.locator("#foutenlijst li").all_text_contents()
    assert any(item.startswith("Naam van het aanbod: vul dit in") for item in items)
    assert any(item.startswith("Thema's: kies minstens één") for item in items)
    assert page.get_attribute("#veld-titel", "aria-invalid") == "true"
    assert "Fout: vul dit in." in page.text_content("#veld-titel-fout")
    assert page.locator("#resultaat").is_hidden()


def test_filled_form_gives_valid_yaml_download_and_pull_request_link(page, tmp_path: Path) -> None:
    page.fill("#veld-titel", "Praten met kinderen (Biddinghuizen)")
    page.select_option("#veld-partner", "ggd-flevoland")
    page.fill("#veld-samenvatting", "Een cursus over luisteren naar je kind: \"hoe vraag je door?\"")
    page.check("#veld-doelgroepen-ouders")
    page.fill("#veld-leeftijd-van", "4 jaar")
    page.fill("#veld-leeftijd-tot", "4")
    page.check("#veld-themas-opvoeden")
    page.check("#veld-niveaus-gerichte-lichte-pedagogische-hulp")
    page.select_option("#veld-soort", "cursus")
    page.check("#veld-toegang-route-verwijzing")
    page.fill("#veld-locaties-0-postcode", "8256 ab")
    page.fill("#veld-bijeenkomsten", "2027-02-30 19:30-21:30")
    page.click("button[type=submit]")
    errors = " ".join(page.locator("#foutenlijst li").all_text_contents())
    assert "Leeftijd tot: moet hoger zijn" in errors
    assert "Wie kan verwijzen?: kies wie kan verwijzen." in errors
    assert "de datum 2027-02-30 bestaat niet" in errors
    assert "vul een telefoonnummer, e-mailadres of website in" in errors

    page.fill("#veld-leeftijd-tot", "12 jaar")
    page.check("#veld-toegang-verwijzers-jeugdarts")
    page.fill("#veld-locaties-0-naam", "Dorpshuis Het Koetshuis")
    page.fill("#veld-locaties-0-postcode", "8256 AB")
    page.select_option("#veld-locaties-0-gebied", "biddinghuizen")
    page.fill("#veld-bijeenkomsten", "2027-03-02 19:30-21:30\n2027-03-09 19:30-21:30")
    page.fill("#veld-contact-naam", "Team jeugdverpleegkundigen")
    page.fill("#veld-contact-telefoon", "088 002 9920")
    page.check("#veld-kosten-soort-eigen-bijdrage")
    page.fill("#veld-kosten-bedrag", "12,50")
    page.click("button[type=submit]")
    assert page.locator("#foutenoverzicht").is_hidden()
    assert page.locator("#resultaat").is_visible()
    path = page.text_content("#bestandsnaam")
    assert path in ("offerings/praten-met-kinderen-biddinghuizen.yml",
                    "offerings/ggd-flevoland/praten-met-kinderen-biddinghuizen.yml")
    text = page.input_value("#yaml-uitvoer")

    with page.expect_download() as download:
        page.click("#download")
    assert Path(download.value.path()).read_text(encoding="utf-8") == text

    link = urlsplit(page.get_attribute("#pull-request", "href"))
    assert (link.scheme, link.netloc, link.path) == ("https", "github.com", "/voorbeeld-gemeente/cjg-dronten/new/main")
    query = parse_qs(link.query)
    assert query["filename"] == [path] and query["value"] == [text]

    project = copy_project(tmp_path / "p")
    target = project / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    result = cjg("--config", str(project / "mkdocs.yml"), "validate")
    assert result.returncode == 0, result.stdout
    assert "12.5" in text and '"8256 AB"' in text
