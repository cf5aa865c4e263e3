"""The sociale kaart and mijn lijst in headless Chromium: query, filters, counts, URL state and Back,
keyboard use, the list with a note, print views and the export download."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import expect

from cjgportaal.catalog.catalog import Catalog, load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.facets import dimensions

from .conftest import ROOT
from .test_accessibility import axe_context, axe_violations

KAART = "sociale-kaart/"
LIST = "sociale-kaart/mijn-lijst/"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_catalog(DataFolders(ROOT), date(2026, 11, 22))
    assert loaded is not None, problems
    return loaded


@pytest.fixture()
def page(browser, base_url: str) -> Iterator[object]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def _open_kaart(page, base_url: str, query: str = "") -> None:
    page.goto(base_url + KAART + query)
    page.wait_for_selector("#kaart-resultaten li")
    page.wait_for_function("() => document.querySelector('[data-count]').textContent !== ''")  # counts come next


def _count(page) -> int:
    return int(page.inner_text("#kaart-aantal").split()[0])


def _wait_for_count(page, expected: int) -> None:
    page.wait_for_function("n => document.getElementById('kaart-aantal').textContent.startsWith(n + ' ')",
                           arg=expected)


def _choose(page, box: str) -> None:
    """Open the box's facet (only the first three are open at first) and tick the box."""
    facet = page.locator(f"details:has({box})")
    if facet.get_attribute("open") is None:
        facet.locator("summary").click()
    page.check(box)


def _expect_facet_count(page, box: str, count: int) -> None:
    """Wait until the count beside the box is `count` (the counts follow the results, apart)."""
    expect(page.locator(f"label[for='{box.removeprefix('#')}'] [data-count]")).to_have_text(f"({count})")


def _matching(catalog: Catalog, **chosen: str) -> list[str]:
    facets = dimensions(catalog)
    return [o.id for o in catalog.visible_offerings()
            if all(value in facets[key].of(o) for key, value in chosen.items())]


def test_text_query_uses_dutch_stemming_and_announces_the_count(page, base_url: str) -> None:
    _open_kaart(page, base_url)
    page.fill("#kaart-zoek", "cursussen")
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.includes('cursussen')")
    titles = page.locator("#kaart-resultaten h2").all_inner_texts()
    assert "Peuter in zicht" in titles  # its text says "cursus", not "cursussen"
    assert page.get_attribute("#kaart-aantal", "role") == "status"
    assert page.inner_text("#kaart-aantal") == f"{len(titles)} {'resultaat' if len(titles) == 1 else 'resultaten'} voor ‘cursussen’."
    facts = page.locator("#kaart-resultaten li").first.locator("dt").all_inner_texts()
    assert facts == ["Door", "Leeftijd", "Waar", "Wanneer", "Kosten", "Toegang", "Gecontroleerd"]


def test_combined_filters_and_counts_match_the_data(page, base_url: str, catalog: Catalog) -> None:
    _open_kaart(page, base_url)
    assert _count(page) == len(catalog.visible_offerings())
    free = _matching(catalog, kosten="gratis")
    _expect_facet_count(page, "#kaart-kosten-gratis", len(free))
    _choose(page, "#kaart-kosten-gratis")
    _wait_for_count(page, len(free))
    both = _matching(catalog, kosten="gratis", gebied="swifterbant")
    # The count of a value in another facet is what choosing it would give.
    _expect_facet_count(page, "#kaart-gebied-swifterbant", len(both))
    _choose(page, "#kaart-gebied-swifterbant")
    _wait_for_count(page, len(both))
    shown = page.locator("#kaart-resultaten li").count()
    assert shown == min(len(both), 10)
    # The count of a value in a chosen facet is what choosing it too would add (here: any kosten).
    paid = _matching(catalog, kosten="eigen-bijdrage", gebied="swifterbant")
    _expect_facet_count(page, "#kaart-kosten-eigen-bijdrage", len(paid))
    page.select_option("#kaart-jaar", "3")
    toddlers = [i for i in both if catalog.offerings[i].age.start < 48 and catalog.offerings[i].age.end > 36]
    _wait_for_count(page, len(toddlers))


_COUNTS = "() => [...document.querySelectorAll('[data-count]')].map((el) => el.textContent)"


def test_counts_follow_the_last_letter_typed(page, base_url: str) -> None:
    """The counts per filter value come after the results (from the whole filter index, apart); typed
    fast, without waiting for a result in between, they end as a fresh page with those words has them."""
    other = page.context.new_page()
    _open_kaart(other, base_url, "?zoek=slapen")
    expected = other.evaluate(_COUNTS)
    other.close()
    _open_kaart(page, base_url)
    assert page.evaluate(_COUNTS) != expected  # all offerings: other counts than for 'slapen'
    for letters in ("s", "sl", "sla", "slap", "slape", "slapen"):
        page.evaluate("""(text) => { const input = document.getElementById('kaart-zoek'); input.value = text;
          input.dispatchEvent(new Event('input', {bubbles: true})); }""", letters)
    page.wait_for_function(f"(expected) => JSON.stringify(({_COUNTS})()) === JSON.stringify(expected)",
                           arg=expected, timeout=10_000)
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.endsWith('voor ‘slapen’.')")


def test_filter_state_is_in_the_url_and_back_restores_it(page, base_url: str, catalog: Catalog) -> None:
    _open_kaart(page, base_url)
    _choose(page, "#kaart-thema-slapen")
    sleep = _matching(catalog, thema="slapen")
    _wait_for_count(page, len(sleep))
    _choose(page, "#kaart-doelgroep-ouders")
    both = _matching(catalog, thema="slapen", doelgroep="ouders")
    _wait_for_count(page, len(both))
    assert page.url.endswith("?thema=slapen&doelgroep=ouders")
    shared = page.url
    page.go_back()
    _wait_for_count(page, len(sleep))
    assert not page.is_checked("#kaart-doelgroep-ouders") and page.is_checked("#kaart-thema-slapen")
    page.go_forward()
    _wait_for_count(page, len(both))
    other = page.context.new_page()
    other.goto(shared)
    other.wait_for_selector("#kaart-resultaten li")
    _wait_for_count(other, len(both))
    assert other.is_checked("#kaart-thema-slapen") and other.is_checked("#kaart-doelgroep-ouders")
    other.close()


def test_kaart_works_by_keyboard_alone(page, base_url: str) -> None:
    _open_kaart(page, base_url)
    page.focus("#kaart-zoek")
    page.keyboard.type("opvoeden")
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.includes('opvoeden')")
    before = _count(page)
    page.keyboard.press("Tab")  # to the link that skips the filters
    assert page.evaluate("() => document.activeElement.textContent") == "Naar de resultaten"
    page.keyboard.press("Tab")  # to the age field
    assert page.evaluate("() => document.activeElement.id") == "kaart-jaar"
    page.keyboard.press("Tab")  # to the first facet's summary (open), then its first checkbox
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused.startswith("kaart-leeftijd-")
    page.keyboard.press("Space")
    page.wait_for_function("n => !document.getElementById('kaart-aantal').textContent.startsWith(n + ' ')"
                           " || location.search.includes('leeftijd')", arg=before)
    assert "leeftijd=" in page.url and page.is_checked(f"#{focused}")
    # Every result link and save button is reachable: they are real links and buttons.
    first = page.locator("#kaart-resultaten li").first
    assert first.locator("a").get_attribute("href").startswith("/aanbod/")
    assert first.locator("[data-cjg-bewaar]").get_attribute("aria-pressed") == "false"


def test_kaart_with_results_passes_axe(browser, base_url: str) -> None:
    for width in (1280, 375):
        context = axe_context(browser, width)
        page = context.new_page()
        _open_kaart(page, base_url, "?zoek=ouders&kosten=gratis")
        assert axe_violations(page) == [], width
        context.close()


def test_my_list_keeps_a_note_prints_and_shares(page, base_url: str, browser) -> None:
    _open_kaart(page, base_url, "?zoek=Peuter%20in%20zicht")
    first = page.locator("#kaart-resultaten li").first
    button = first.locator("[data-cjg-bewaar]")
    button.click()
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Bewaard in mijn lijst"
    button.click()  # a second press takes it out again
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == "Bewaar in mijn lijst"
    button.click()
    page.goto(base_url + "aanbod/babymassage/")
    page.click("[data-cjg-bewaar]")
    assert page.inner_text("[data-cjg-lijst-aantal]") == "(2)"
    page.goto(base_url + LIST)
    page.wait_for_selector(".cjg-mijn-lijst__items > li >> nth=1")  # filled after the offering pages are read
    items = page.locator(".cjg-mijn-lijst__items > li")
    assert items.count() == 2
    assert items.nth(0).locator("h2").inner_text() == "Peuter in zicht"
    items.nth(0).get_by_label("Notitie bij Peuter in zicht").fill("Bel voor 1 maart, vraag naar de avondgroep.")
    page.keyboard.press("Tab")  # the note is saved when it changes
    page.reload()
    assert page.get_by_label("Notitie bij Peuter in zicht").input_value().startswith("Bel voor 1 maart")
    assert page.context.cookies() == []

    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator("textarea").first.is_hidden()
    assert page.get_by_role("heading", name="Hulp en activiteiten voor jullie").is_visible()
    assert page.locator(".cjg-mijn-lijst__items dt:text-is('Aanmelden')").first.is_visible()
    assert page.get_by_text("Notitie: Bel voor 1 maart, vraag naar de avondgroep.").is_visible()
    page.emulate_media(media="screen")

    link = page.input_value("#lijst-link")
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    other.get_by_role("button", name="Voeg toe aan mijn lijst").click()
    other.wait_for_selector(".cjg-mijn-lijst__items > li >> nth=1")
    assert other.locator(".cjg-mijn-lijst__items h2").all_inner_texts() == ["Peuter in zicht", "Babymassage"]
    assert other.get_by_label("Notitie bij Peuter in zicht").input_value().startswith("Bel voor 1 maart")
    fresh.close()

    page.locator(".cjg-mijn-lijst__items > li").nth(1).get_by_role("button", name="Verwijder uit mijn lijst").click()
    assert page.locator(".cjg-mijn-lijst__items > li").count() == 1


def test_offering_page_prints_without_site_chrome(page, base_url: str) -> None:
    page.goto(base_url + "aanbod/peuter-in-zicht/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("[data-cjg-bewaar]").is_hidden()
    assert page.get_by_role("heading", name="Peuter in zicht", level=1).is_visible()
    assert page.get_by_text("Laatst gecontroleerd op").is_visible()


def test_export_downloads_from_the_kaart(page, base_url: str, catalog: Catalog) -> None:
    _open_kaart(page, base_url)
    with page.expect_download() as download:
        page.click("text=Aanbod als CSV (spreadsheet)")
    path = download.value.path()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == len(catalog.visible_offerings())
    assert download.value.suggested_filename == "aanbod.csv"


def test_an_empty_result_shows_which_filter_to_drop_and_whom_to_call(page, base_url: str) -> None:
    """A teacher's question with too many filters: 14 years, school, Swifterbant, free, without referral,
    a spreekuur."""
    query = ("?jaar=14&thema=school-en-leren&gebied=swifterbant&kosten=gratis"
             "&toegang=vrij-toegankelijk&toegang=aanmelden&soort=spreekuur")
    page.goto(base_url + KAART + query)
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent !== ''")
    before = _count(page)
    assert before <= 2
    further = page.locator("#kaart-verder")
    further.locator("[data-suggesties] button").first.wait_for()
    assert further.is_visible() and further.locator("h2").inner_text() == "Weinig gevonden?"
    buttons = further.locator("[data-suggesties] button")
    counts = [int(text.split(": ")[-1].split()[0]) for text in buttons.all_inner_texts()]
    assert 1 <= len(counts) <= 3 and counts == sorted(counts, reverse=True) and all(n > before for n in counts)
    assert further.get_by_role("link", name="0321 123 400").get_attribute("href") == "tel:+31321123400"
    assert further.get_by_role("link", name="verwijswijzer").count() == 1
    label = buttons.first.inner_text()
    buttons.first.click()
    _wait_for_count(page, counts[0])
    assert page.evaluate("() => document.activeElement.id") == "kaart-aantal"
    dropped = label.removeprefix("Zonder ").split(":")[0]
    assert dropped and dropped in label and page.url != base_url + KAART + query
    assert further.is_hidden() or counts[0] <= 2


def test_enough_results_show_no_ways_forward(page, base_url: str) -> None:
    _open_kaart(page, base_url, "?zoek=ouders")
    assert _count(page) > 2 and page.locator("#kaart-verder").is_hidden()


@pytest.fixture()
def phone_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_on_a_phone_the_count_and_first_result_come_first(phone_page, base_url: str) -> None:
    """Arriving with a question (from the site search or a 'Bekijk al het aanbod' link): the answer
    is on the first screen, the filters wait behind a button."""
    page = phone_page
    _open_kaart(page, base_url, "?zoek=peuter&gebied=dronten")
    height = page.viewport_size["height"]
    assert page.locator("#kaart-aantal").bounding_box()["y"] < height
    first = page.locator("#kaart-resultaten li h2").first.bounding_box()
    assert first["y"] + first["height"] <= height, "the first result's title is below the first screen"
    assert page.locator("#kaart-jaar").is_hidden()
    toggle = page.locator("[data-filterknop]")
    assert toggle.inner_text() == "Filters\u00a0(1)"
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("#kaart-jaar").is_visible()
    assert page.evaluate("() => document.activeElement.id") == "kaart-jaar"
    page.locator("label[for='kaart-leeftijd-peuter']").tap()
    page.wait_for_function("() => location.search.includes('leeftijd=peuter')")
    show = page.locator("[data-toon]")
    page.wait_for_function("() => /^Toon \\d+ resultat/.test(document.querySelector('[data-toon]').textContent)")
    shown = int(show.inner_text().split()[1])
    show.tap()
    assert toggle.get_attribute("aria-expanded") == "false" and page.locator("#kaart-jaar").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "kaart-aantal" and _count(page) == shown


def test_chosen_filters_show_as_chips_that_remove_themselves(page, base_url: str) -> None:
    _open_kaart(page, base_url, "?zoek=ouders&gebied=dronten&kosten=gratis")
    chips = page.locator(".cjg-kaart__chips button")
    names = [chip.evaluate("button => button.textContent") for chip in chips.all()]
    assert names == ["Filter ‘ouders’ weghalen", "Filter Dronten weghalen", "Filter Gratis weghalen"]
    before = _count(page)
    page.get_by_role("button", name="Filter Dronten weghalen").click()
    page.wait_for_function("() => !location.search.includes('gebied=')")
    # The focus moves to the next chip once the new results are there (a slow machine: wait for it).
    page.wait_for_function("() => (document.activeElement.textContent || '').startsWith('Filter Gratis')")
    assert chips.count() == 2 and _count(page) >= before and not page.is_checked("#kaart-gebied-dronten")
    page.go_back()
    page.wait_for_function("() => location.search.includes('gebied=dronten')")
    assert chips.count() == 3


def test_wide_screens_get_a_compact_list_with_the_card_on_demand(page, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    _open_kaart(page, base_url, "?zoek=ouders")
    cards = page.locator("#kaart-resultaten > li")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["y"] - first["y"] < 260, "a compact result is as tall as a card"
    summary = cards.nth(1).locator("p").filter(has_not=page.locator("strong")).last
    assert summary.is_hidden()
    details = cards.nth(1).get_by_role("button", name="Uitleg")
    details.click()
    assert details.get_attribute("aria-expanded") == "true" and summary.is_visible()
    page.get_by_role("button", name="Met uitleg").click()
    assert page.get_by_role("button", name="Met uitleg").get_attribute("aria-pressed") == "true"
    assert cards.nth(2).locator("p").last.is_visible()


def _found_ids(page, term: str | None, filters: dict[str, object] | None = None,
               sort: dict[str, str] | None = None) -> list[str]:
    """The ids Pagefind itself finds for `term`, in its order (the kaart's own module instance)."""
    return page.evaluate("""async ([term, filters, sort]) => {
        const pagefind = await import(new URL('../pagefind/pagefind.js', document.baseURI).href);
        const found = await pagefind.search(term, { filters: filters || {}, ...(sort ? { sort } : {}) });
        return Promise.all(found.results.map(async (item) => (await item.data()).meta.id));
    }""", [term, filters, sort])


def _shown_ids(page) -> list[str]:
    return page.locator("#kaart-resultaten [data-cjg-bewaar]").evaluate_all("els => els.map((el) => el.dataset.cjgBewaar)")


def test_each_word_of_a_synonym_group_finds_what_the_others_find(page, base_url: str, catalog: Catalog) -> None:
    _open_kaart(page, base_url)
    groups = catalog.lists.synonyms.values()
    assert groups
    for group in groups:
        found = {word: set(_found_ids(page, word)) for word in group.words}
        single = [word for word in group.words if " " not in word]
        everything = set().union(*found.values())
        assert everything, group.id
        for word in single:
            assert found[word] == found[single[0]], (group.id, word, found[single[0]] ^ found[word])
        # A phrase finds at least as much: Pagefind also finds texts with its words apart.
        for word in set(group.words) - set(single):
            assert found[word] >= found[single[0]], (group.id, word)


def test_questions_of_professionals_find_offerings_that_do_not_name_the_word(page, base_url: str) -> None:
    _open_kaart(page, base_url)
    assert "training-dappere-kinderen" in _found_ids(page, "faalangst")  # says "bang" and "angstig"
    assert "kies-kinderen-en-scheiding" in _found_ids(page, "echtscheiding")  # says "gescheiden ouders"
    assert "spreekuur-jeugdarts-bij-ziekmelding" in _found_ids(page, "schoolverzuim")  # says "thuiszit"


def test_offerings_only_for_professionals_come_last_unless_that_audience_is_chosen(page, base_url: str) -> None:
    _open_kaart(page, base_url, "?zoek=cursussen")
    shown = _shown_ids(page)
    assert "nieuwsbrief-professionals" in _found_ids(page, "cursussen")
    assert shown[-1] == "nieuwsbrief-professionals" or len(shown) == 10
    _open_kaart(page, base_url, "?zoek=nieuwsbrief")
    assert _shown_ids(page)[0] == "nieuwsbrief-professionals"  # the only text match still leads
    _open_kaart(page, base_url, "?zoek=cursussen&doelgroep=professionals")
    assert _shown_ids(page) == _found_ids(page, "cursussen", {"doelgroep": {"any": ["professionals"]}})


def test_a_kern_and_an_age_in_the_words_rank_and_filter_as_the_fields_do(page, base_url: str, catalog: Catalog) -> None:
    _open_kaart(page, base_url, "?zoek=schoolverzuim+14+jaar+Swifterbant")
    shown = _shown_ids(page)
    assert set(shown) == set(_found_ids(page, "schoolverzuim", {"jaar": "14"}))
    near = [i for i in shown if any(loc.area == "swifterbant" for loc in catalog.offerings[i].locations)]
    assert near and shown[:len(near)] == near
    assert page.inner_text("#kaart-aantal").endswith("voor ‘schoolverzuim 14 jaar Swifterbant’.")


def test_full_offerings_come_after_open_ones_of_the_same_kern(page, base_url: str, catalog: Catalog) -> None:
    _open_kaart(page, base_url, "?zoek=beperking")
    shown = _shown_ids(page)
    full = [i for i in shown if catalog.offerings[i].status == "vol"]
    assert full and shown.index(full[0]) > 0


def test_sort_by_next_date_is_a_choice_in_the_url_and_back_restores_it(page, base_url: str, catalog: Catalog) -> None:
    from cjgportaal.render.files.kaart import next_date

    _open_kaart(page, base_url, "?zoek=ouders")
    best = _shown_ids(page)
    page.select_option("#kaart-volgorde", "datum")
    page.wait_for_function("() => location.search.includes('volgorde=datum')")
    page.wait_for_function("first => document.querySelector('#kaart-resultaten [data-cjg-bewaar]').dataset.cjgBewaar !== first",
                           arg=best[0])
    by_date = [i for i in _shown_ids(page) if set(catalog.offerings[i].audiences) != {"professionals"}]
    dates = [next_date(catalog, catalog.offerings[i]) for i in by_date]
    assert dates == sorted(dates) and dates[0] < "9999"
    assert page.url.endswith("?zoek=ouders&volgorde=datum")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('volgorde')")
    assert page.input_value("#kaart-volgorde") == ""
    page.wait_for_function("first => document.querySelector('#kaart-resultaten [data-cjg-bewaar]').dataset.cjgBewaar === first",
                           arg=best[0])


def test_one_letter_is_no_search_yet(page, base_url: str) -> None:
    """A single letter would match most words of the index: the results stay those without words
    (the count says why), and the second letter searches."""
    _open_kaart(page, base_url)
    everything = _count(page)
    page.fill("#kaart-zoek", "o")
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.endsWith('Zoeken begint bij twee letters.')")
    assert _count(page) == everything and page.locator(".cjg-kaart__chips button").count() == 0
    page.fill("#kaart-zoek", "ou")
    page.wait_for_function("() => document.getElementById('kaart-aantal').textContent.includes('voor ‘ou’')")
    assert _count(page) < everything
