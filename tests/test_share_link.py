"""Mijn lijst's share links in headless Chromium: a link shows what it holds and asks before it changes
the list kept in the browser; its size, its notes and its ids are limited (issue 17, hostile data)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from .test_accessibility import axe_context, axe_violations

LIST = "sociale-kaart/mijn-lijst/"
KEY = "cjg-mijn-lijst"
NOTE = "Bel voor 1 maart, vraag naar de avondgroep."


def _link(base_url: str, shared: object) -> str:
    return base_url + LIST + "#lijst=" + quote(json.dumps(shared))


@pytest.fixture()
def page(browser, base_url: str) -> Iterator[object]:
    # bypass_csp: the policy would stop an injected script anyway; the page must not need it to.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "404" not in message.text else None)  # offerings that are gone
    page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    assert errors == []


def _stored(page) -> object:
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}'))")


def _store(page, base_url: str, items: list[dict[str, str]]) -> None:
    page.goto(base_url + LIST)
    page.evaluate(f"items => localStorage.setItem('{KEY}', JSON.stringify(items))", items)
    page.goto(base_url)  # so that opening the link loads the page again, not only its hash


def _question(page):
    return page.get_by_role("region", name="Je opent een gedeelde lijst")


def test_a_link_shows_what_it_holds_and_adds_only_when_asked(page, base_url: str) -> None:
    page.goto(_link(base_url, [["peuter-in-zicht", NOTE], ["babymassage"]]))
    question = _question(page)
    assert question.is_visible()
    assert page.evaluate("() => document.activeElement.matches('[data-gedeeld]')")  # focus moved to the question
    assert question.get_by_text("In de link staan 2 soorten aanbod:").is_visible()
    titles = question.get_by_role("list", name="Aanbod in de gedeelde lijst").get_by_role("link")
    titles.nth(1).wait_for()
    assert titles.all_inner_texts() == ["Peuter in zicht", "Babymassage"]
    assert question.get_by_text(f"Notitie: {NOTE}").is_visible()
    assert "nog niet veranderd" in page.locator("[role=status][data-melding]").inner_text()
    assert _stored(page) is None  # nothing changed yet
    assert page.locator(".cjg-mijn-lijst__items > li").count() == 0

    page.keyboard.press("Tab")  # the first link in the question, then the buttons
    while not page.evaluate("() => document.activeElement.matches('[data-gedeeld-ja]')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(".cjg-mijn-lijst__items > li >> nth=1")
    assert question.is_hidden()
    assert _stored(page) == [{"id": "peuter-in-zicht", "notitie": NOTE}, {"id": "babymassage", "notitie": ""}]
    assert page.get_by_label("Notitie bij Peuter in zicht").input_value() == NOTE
    assert page.inner_text("[data-melding]") == "2 soorten aanbod uit de gedeelde lijst staan nu in je lijst."
    assert page.evaluate("() => document.activeElement.matches('[data-eigen-kop]')")  # your own list now
    assert page.locator("[data-melding]").is_visible()
    assert "#" not in page.url
    page.reload()
    assert _question(page).is_hidden()


def test_niet_toevoegen_leaves_the_list_and_notes_as_they_were(page, base_url: str) -> None:
    mine = [{"id": "babymassage", "notitie": "Mijn eigen notitie"}]
    _store(page, base_url, mine)
    page.goto(_link(base_url, [["babymassage", "Andere notitie"], ["peuter-in-zicht"]]))
    _question(page).wait_for()
    page.reload()  # the link stays in the address until you choose, so it asks again
    page.wait_for_selector(".cjg-mijn-lijst__items > li")
    _question(page).get_by_role("link", name="Peuter in zicht").wait_for()
    page.get_by_role("button", name="Niet toevoegen").click()
    assert _question(page).is_hidden()
    assert page.inner_text("[data-melding]") == "Je lijst is niet veranderd."
    assert page.evaluate("() => document.activeElement.matches('[data-eigen-kop]')")
    assert _stored(page) == mine
    assert page.locator(".cjg-mijn-lijst__items > li").count() == 1
    assert "#lijst" not in page.url


def test_your_own_note_stays_when_you_add(page, base_url: str) -> None:
    _store(page, base_url, [{"id": "babymassage", "notitie": "Mijn eigen notitie"}])
    page.goto(_link(base_url, [["babymassage", "Andere notitie"], ["peuter-in-zicht", NOTE]]))
    page.get_by_role("button", name="Voeg toe aan mijn lijst").click()
    page.wait_for_selector(".cjg-mijn-lijst__items > li >> nth=1")
    assert _stored(page) == [{"id": "babymassage", "notitie": "Mijn eigen notitie"},
                             {"id": "peuter-in-zicht", "notitie": NOTE}]


@pytest.mark.parametrize(("hash_text", "expected"), [
    ("%E0%A4%A", "Deze link naar een lijst klopt niet. Je lijst is niet veranderd."),
    ("geen-json", "Deze link naar een lijst klopt niet. Je lijst is niet veranderd."),
    (quote('{"peuter-in-zicht": 1}'), "Deze link naar een lijst klopt niet. Je lijst is niet veranderd."),
    (quote("[]"), "In deze link staat geen aanbod dat de site kan lezen. Je lijst is niet veranderd."),
    (quote(json.dumps([["../../index"], ["Peuter-In-Zicht"], ["a--b"], ["-a"], ["a_b"], [1], [], "babymassage",
                       ["babymassage", 3], ["babymassage", "x", "y"], None])),
     "In deze link staat geen aanbod dat de site kan lezen. Je lijst is niet veranderd."),
])
def test_a_malformed_link_changes_nothing_and_says_so(page, base_url: str, hash_text: str, expected: str) -> None:
    mine = [{"id": "babymassage", "notitie": ""}]
    _store(page, base_url, mine)
    page.goto(base_url + LIST + "#lijst=" + hash_text)
    page.wait_for_selector(".cjg-mijn-lijst__items > li")
    assert page.inner_text("[data-melding]") == expected
    assert _question(page).is_hidden()
    assert _stored(page) == mine
    assert "#lijst" not in page.url


def test_malformed_parts_are_skipped_with_a_message(page, base_url: str) -> None:
    page.goto(_link(base_url, [["peuter-in-zicht"], ["a--b"], "kapot", ["peuter-in-zicht", "dubbel"],
                               ["bestaat-niet"]]))
    question = _question(page)
    assert question.get_by_text("In de link staan 2 soorten aanbod:").is_visible()
    assert question.get_by_text("2 delen van de link kloppen niet. Die slaan we over.").is_visible()
    question.get_by_text("Niet (meer) op de site: bestaat-niet").wait_for()
    page.get_by_role("button", name="Voeg toe aan mijn lijst").click()
    page.wait_for_selector(".cjg-mijn-lijst__items > li")
    assert _stored(page) == [{"id": "peuter-in-zicht", "notitie": ""}]
    assert page.inner_text("[data-melding]") == ("1 aanbod uit de gedeelde lijst staat nu in je lijst. "
                                                 "1 aanbod staat niet meer op de site.")


def test_a_link_brings_at_most_100_offerings(page, base_url: str) -> None:
    shared = [["peuter-in-zicht"], ["babymassage"], *([f"weg-{n}"] for n in range(108)), ["opvoedspreekuur"]]
    page.goto(_link(base_url, shared))
    question = _question(page)
    assert question.get_by_text("In de link staan 100 soorten aanbod:").is_visible()
    assert question.get_by_text("De link heeft meer dan 100 aanbod. Alleen de eerste 100 kun je toevoegen.").is_visible()
    assert question.locator("[data-gedeeld-items] > li").count() == 100
    question.get_by_role("link", name="Babymassage").wait_for()
    page.get_by_role("button", name="Voeg toe aan mijn lijst").click()
    page.wait_for_selector(".cjg-mijn-lijst__items > li >> nth=1")
    assert [item["id"] for item in _stored(page)] == ["peuter-in-zicht", "babymassage"]  # not the 111th


def test_notes_are_at_most_500_characters(page, base_url: str) -> None:
    page.goto(_link(base_url, [["peuter-in-zicht", "a" * 600]]))
    assert _question(page).get_by_text("Een notitie mag 500 tekens lang zijn.", exact=False).is_visible()
    page.get_by_role("button", name="Voeg toe aan mijn lijst").click()
    note = page.get_by_label("Notitie bij Peuter in zicht")
    assert note.input_value() == "a" * 500
    assert note.get_attribute("maxlength") == "500"
    note.focus()
    page.keyboard.press("End")
    page.keyboard.type("meer")
    assert note.input_value() == "a" * 500
    assert _stored(page)[0]["notitie"] == "a" * 500


def test_no_offering_left_only_offers_to_close(page, base_url: str) -> None:
    _store(page, base_url, [])
    page.goto(_link(base_url, [["bestaat-niet"], ["ook-weg"]]))
    close = page.get_by_role("button", name="Sluiten")
    close.wait_for()
    assert page.get_by_role("button", name="Voeg toe aan mijn lijst").is_hidden()
    assert page.inner_text("[data-melding]").startswith("Het aanbod uit de link staat niet meer op de site.")
    close.click()
    assert _stored(page) == []
    assert page.evaluate("() => document.activeElement.matches('[data-eigen-kop]')")


def test_a_shared_note_is_text_and_runs_nothing(page, base_url: str) -> None:
    note = "<img src=x onerror=\"window.__pwned='note'\"><script>window.__pwned='script'</script>"
    page.goto(_link(base_url, [["peuter-in-zicht", note], ["x\"><img src=x onerror=alert(1)>"]]))
    question = _question(page)
    question.get_by_role("link", name="Peuter in zicht").wait_for()
    assert question.get_by_text(f"Notitie: {note}").is_visible()
    assert question.locator("img, script").count() == 0
    page.get_by_role("button", name="Voeg toe aan mijn lijst").click()
    page.wait_for_selector(".cjg-mijn-lijst__items > li")
    assert page.get_by_label("Notitie bij Peuter in zicht").input_value() == note
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None


def test_a_new_link_in_the_open_page_asks_again(page, base_url: str) -> None:
    page.goto(base_url + LIST)
    page.evaluate("url => { location.hash = url.split('#')[1]; }", _link(base_url, [["babymassage"]]))
    assert _question(page).get_by_text("In de link staat 1 aanbod:").is_visible()
    assert _stored(page) is None


def test_the_question_passes_axe(browser, base_url: str) -> None:
    for width in (1280, 375):
        context = axe_context(browser, width)
        page = context.new_page()
        page.goto(_link(base_url, [["peuter-in-zicht", NOTE], ["a--b"], ["bestaat-niet"]]))
        _question(page).get_by_role("link", name="Peuter in zicht").wait_for()
        assert axe_violations(page) == [], width
        context.close()
