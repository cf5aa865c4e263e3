"""The youth section: its own look, youth workers per kern, helplines on every page, quick exit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

NEUTRAL = "https://www.weeronline.nl/"


def _data(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))[name]


def test_sample_has_youth_workers_in_every_kern(default_site: Path) -> None:
    workers = _data("jongerenwerkers")
    kernen = {area["id"] for m in yaml.safe_load((ROOT / "data/plaatsen.yml").read_text(encoding="utf-8"))["gemeenten"]
              for area in m["gebieden"]}
    assert {w["gebied"] for w in workers} == kernen
    assert {w["rol"] for w in workers} == {"jongerenwerker", "straathoekwerker"}


def test_contact_cards_per_kern(default_site: Path) -> None:
    html = (default_site / "jongeren/jongerenwerkers/index.html").read_text(encoding="utf-8")
    for kern in ("Dronten", "Swifterbant", "Biddinghuizen"):
        assert "<h2 id=" in html and f">{kern}</h2>" in html
    cards = re.findall(r'<li class="cjg-person">(.*?)</li>\s*</ul>\s*</div>\s*</li>', html, re.S)
    assert len(cards) == len(_data("jongerenwerkers"))
    for worker in _data("jongerenwerkers"):
        assert f"<h3>{worker['naam']}</h3>" in html or f">{worker['naam']}</h3>" in html
        assert (ROOT / "theme/assets/images/jongeren" / worker["afbeelding"]).exists()
        if "whatsapp" in worker:
            digits = "31" + re.sub(r"\D", "", worker["whatsapp"])[1:]
            assert f'href="https://wa.me/{digits}"' in html
    assert "<iframe" not in html and "instagram.com/embed" not in html


def test_helplines_on_every_youth_page_only(default_site: Path) -> None:
    names = [h["naam"] for h in _data("hulplijnen")]
    youth_pages = list((default_site / "jongeren").rglob("index.html"))
    assert len(youth_pages) >= 10
    for page in youth_pages:
        html = page.read_text(encoding="utf-8")
        assert 'class="cjg-helplines"' in html and 'data-cjg-exit="https://' in html, page
        for name in names:
            assert name.replace("'", "&#39;") in html or name in html, (page, name)
    parents = (default_site / "ouders/index.html").read_text(encoding="utf-8")
    assert 'class="cjg-helplines"' not in parents and "data-cjg-exit" not in parents


def test_topic_pages_list_matching_youth_offerings(default_site: Path) -> None:
    html = (default_site / "jongeren/geld/index.html").read_text(encoding="utf-8")
    assert "Aanbod bij dit onderwerp" in html and 'class="cjg-card"' in html


def test_youth_pages_look_different_from_parents_pages(browser, base_url: str) -> None:
    page = browser.new_page()
    colours = {}
    for path in ("ouders/", "jongeren/"):
        page.goto(base_url + path)
        colours[path] = page.evaluate(
            "() => [getComputedStyle(document.querySelector('.md-header')).backgroundColor,"
            " getComputedStyle(document.querySelector('.md-main')).backgroundColor]")
    page.close()
    assert colours["ouders/"][0] != colours["jongeren/"][0]
    assert colours["ouders/"][1] != colours["jongeren/"][1]


def _exit_page(browser, base_url: str):
    page = browser.new_page()
    page.route(NEUTRAL + "**", lambda route: route.fulfill(body="<title>Weer</title><p>Het weer</p>",
                                                           content_type="text/html"))
    page.goto(base_url + "ouders/")
    page.goto(base_url + "jongeren/geld/")
    return page


def test_quick_exit_by_mouse_leaves_and_skips_the_page_in_history(browser, base_url: str) -> None:
    page = _exit_page(browser, base_url)
    page.click("button.cjg-exit")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == base_url + "ouders/"
    page.close()


def test_quick_exit_by_keyboard(browser, base_url: str) -> None:
    page = _exit_page(browser, base_url)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('cjg-exit')")
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    page.close()


def test_contact_cards_and_helplines_in_the_browser(browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(base_url + "jongeren/jongerenwerkers/")
    cards = page.locator("li.cjg-person")
    assert cards.count() == len(_data("jongerenwerkers"))
    first = cards.first
    assert first.is_visible() and first.locator("img").get_attribute("alt") == ""
    assert first.locator("a[href^='tel:'], a[href^='https://wa.me/']").count() >= 1
    for path in ("jongeren/", "jongeren/geld/", "jongeren/activiteiten/"):
        page.goto(base_url + path)
        box = page.locator("aside.cjg-helplines")
        box.scroll_into_view_if_needed()
        assert box.is_visible()
        assert box.locator("a[href='tel:+318000432']").count() == 1
    page.close()


def _youth_topics(site: Path) -> list[Path]:
    return [p for p in (site / "jongeren").glob("*/index.html") if 'id="aanbod-bij-dit-onderwerp"' in p.read_text("utf-8")]


@pytest.mark.parametrize(("page", "paragraph", "helpline"), [
    ("je-gevoel", "Denk je erover om jezelf pijn te doen?", "113 Zelfmoordpreventie"),
    ("thuis", "Voel je je thuis niet veilig?", "Veilig Thuis"),
])
def test_the_helpline_stands_right_after_the_text_it_answers(default_site: Path, page: str, paragraph: str,
                                                             helpline: str) -> None:
    html = (default_site / "jongeren" / page / "index.html").read_text(encoding="utf-8")
    block = re.search(rf'<p>{re.escape(paragraph)}[^<]*</p>\s*<aside class="cjg-helplines" aria-label="{helpline}">'
                      r'\s*<p><strong>[^<]*</strong>: <a href="tel:\+31800\d{4}">bel 0800 \d{4}</a>', html)
    assert block, page


def test_youth_pages_have_the_helplines_before_the_offerings_and_youth_offerings_only(default_site: Path) -> None:
    audiences = {}
    for path in (ROOT / "offerings").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        audiences[data["id"]] = data["doelgroepen"]
    pages = _youth_topics(default_site)
    assert len(pages) >= 7
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.index('id="cjg-hulp-titel"') < html.index('id="aanbod-bij-dit-onderwerp"'), page
        assert html.count('id="cjg-hulp-titel"') == 1, page
        cards = re.findall(r'<li class="cjg-card">\s*<h3 class="cjg-card__title"><a href="[./]*aanbod/([^/]+)/">.*?'
                           r'(?:cjg-status--(\w+).*?)?</li>', html, re.S)
        assert cards, page
        assert all("jongeren" in audiences[offering] for offering, _ in cards), page
        statuses = [status for _, status in cards]
        assert statuses == sorted(statuses, key=["", "vol", "gepauzeerd"].index), page  # full ones last
        text = " ".join(re.findall(r'<li class="cjg-card">.*?</li>', html, re.S))
        assert not re.search(r"ouders van|helpt je gezin|helpt leerlingen en ouders|over opvoeden (en|of) opgroeien", text), page
