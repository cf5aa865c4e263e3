"""The site's main tasks, walked as a parent and a young person would on a phone (375 px, touch),
counting the taps from the home page. Taps on links and buttons count; scrolling does not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .test_dutch_text import slips

PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True}


class Journey:
    """A visitor on a phone: where they are and how many taps it took."""

    def __init__(self, page, base_url: str) -> None:
        self.page, self.taps = page, 0
        page.goto(base_url)

    def tap(self, locator) -> None:
        """Tap the first visible match of `locator` (a link to another page), as a finger would."""
        target = locator.locator("visible=true").first
        target.scroll_into_view_if_needed()
        with self.page.expect_navigation():
            target.tap()
        self.taps += 1

    def link(self, name: str | re.Pattern[str]):
        """A link in the page's content (not the menu), by its accessible name."""
        return self.page.locator("main, .md-content, .cjg-home").get_by_role("link", name=name)

    def text(self) -> str:
        """What the visitor reads in the content column."""
        return self.page.locator("article").first.inner_text()


@pytest.fixture()
def phone(browser, base_url: str) -> Iterator[Journey]:
    context = browser.new_context(**PHONE)
    yield Journey(context.new_page(), base_url)
    context.close()


def _offering(path: str) -> dict:
    return yaml.safe_load((ROOT / "offerings" / path).read_text(encoding="utf-8"))


def test_parent_of_a_toddler_finds_a_course_with_its_next_date_and_sign_up(phone: Journey) -> None:
    course = _offering("peuter-in-zicht.yml")
    phone.tap(phone.link(re.compile(r"^Peuter")))
    assert "/ouders/peuter/" in phone.page.url
    phone.tap(phone.link(course["titel"]))
    assert phone.taps <= 3
    text = phone.text()
    assert course["titel"] in text
    assert re.search(r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                     r"november|december) 20\d\d\b", text), "no date on the course's page"
    sign_up = phone.page.locator("article").get_by_role("link", name=re.compile(r"aanmelden|0321|@", re.I))
    assert sign_up.count() > 0, "no way to sign up on the course's page"
    assert slips(text) == []


def test_young_person_reaches_a_youth_worker_in_their_kern(phone: Journey) -> None:
    phone.tap(phone.link(re.compile(r"^Jongeren")))
    phone.tap(phone.link(re.compile(r"jongerenwerker", re.I)))
    assert phone.taps <= 2
    kern = phone.page.locator("article h2", has_text="Swifterbant")
    assert kern.count() == 1
    worker = phone.page.locator(".cjg-person", has=phone.page.get_by_role("link", name=re.compile("Bel|WhatsApp|Mail")))
    assert worker.count() > 0 and worker.first.is_visible()


def test_young_person_reaches_a_helpline_in_two_taps(phone: Journey) -> None:
    phone.tap(phone.link(re.compile(r"^Jongeren")))
    helpline = phone.page.locator("article a[href^='tel:'], article a[href^='https:']",
                                  has_text=re.compile(r"113|Kindertelefoon|Bel", re.I))
    assert helpline.count() > 0, "no helpline on the youth page"
    href = helpline.first.get_attribute("href")
    assert href and href.startswith(("tel:", "https:"))
    assert phone.taps + 1 <= 2


def test_young_person_who_thinks_of_self_harm_finds_113_beside_the_text(phone: Journey) -> None:
    phone.tap(phone.link(re.compile(r"^Jongeren")))
    phone.tap(phone.link(re.compile(r"^Je gevoel")))
    sentence = phone.page.get_by_text(re.compile("jezelf pijn te doen"))
    block = phone.page.locator("article a[href='tel:+318000113']").first  # 113 Zelfmoordpreventie, 0800 0113
    assert block.is_visible()
    gap = block.bounding_box()["y"] - sentence.bounding_box()["y"]
    assert 0 < gap < 400, f"113 is {gap:.0f} px below the sentence"


def test_a_paused_offering_is_never_presented_as_open(browser, base_url: str, default_site: Path) -> None:
    paused = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in (ROOT / "offerings").rglob("*.yml")
              if re.search(r"^status: gepauzeerd", path.read_text(encoding="utf-8"), re.M)]
    assert paused
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for offering in paused:
        for path in ("ouders/agenda/", "ouders/contact/", "jongeren/activiteiten/", f"aanbod/{offering['id']}/"):
            page.goto(base_url + path)
            for mention in page.locator("article li, article tr, article .cjg-card").filter(
                    has_text=offering["titel"]).all():
                assert "Tijdelijk gestopt" in mention.inner_text(), (path, mention.inner_text())
        page.goto(f"{base_url}sociale-kaart/?zoek={offering['titel']}")
        result = page.locator("#kaart-resultaten li", has_text=offering["titel"]).first
        result.wait_for()
        assert "Tijdelijk gestopt" in result.inner_text()
    context.close()
