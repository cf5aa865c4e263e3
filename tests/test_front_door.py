"""The front door of the site: the home page, the landing pages, the header and footer, the Dutch
404 page and the "Snel weg" bar, in the built HTML and in Chromium at phone and desktop width."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, ViewportSize

from .conftest import ROOT, copy_project, edit, mkdocs_build
from .test_accessibility import axe_context, axe_violations

LANDINGS = ["ouders/", "jongeren/", "professionals/"]
QUICK_EXIT_PARENTS = ["ouders/gezin/", "ouders/contact/"]  # quick_exit_pages in mkdocs.yml
PHONE: ViewportSize = {"width": 375, "height": 667}


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html" if not path.endswith(".html") else site / path).read_text(encoding="utf-8")


def _sidebars_hidden(html: str) -> bool:
    sidebars = re.findall(r'<div class="md-sidebar md-sidebar--(?:primary|secondary)"[^>]*>', html)
    return len(sidebars) == 2 and all(" hidden" in tag for tag in sidebars)


# --- the built HTML -----------------------------------------------------------------------------

def test_home_page_is_a_front_door_not_a_doc_page(default_site: Path) -> None:
    html = _html(default_site, "")
    assert re.search(r"<h1[^>]*>Waar kunnen we je mee helpen\?</h1>", html)
    doors = re.findall(r'<h2 class="cjg-door__title"><a href="([^"]+)">([^<]+)</a></h2>', html)
    assert doors == [("ouders/", "Ouders"), ("jongeren/", "Jongeren"), ("professionals/", "Professionals")]
    phases = re.findall(r'<li><a href="(ouders/[a-z]+/)">', html[html.index('class="cjg-phases"'):])
    assert phases == [f"ouders/{p}/" for p in ("zwanger", "baby", "peuter", "kind", "tiener", "jongvolwassene")]
    assert re.search(r'<form class="cjg-search" action="sociale-kaart/" method="get"', html)
    assert 'name="zoek"' in html
    assert 'id="loket-nu"' in html and 'href="tel:+31321123400">Bel 0321 123 400</a>' in html
    assert 'src="assets/javascripts/loket.js"' in html
    assert 'href="nieuws/2026-11-16-loket-open-op-donderdagavond/"' in html
    assert html.index("2026-11-16-loket") < html.index("2026-11-09-nieuwe-cursus")  # newest first
    assert _sidebars_hidden(html) and 'data-md-component="toc"' not in html
    body = html[html.index("<body"):]
    assert body.count("Voorbeeldsite") == 1 and 'class="admonition' not in body  # the banner only
    assert '<img src="assets/images/logo-cjg-dronten.svg"' in html


@pytest.mark.parametrize("path", LANDINGS)
def test_landing_pages_have_no_doc_navigation_or_table_of_contents(default_site: Path, path: str) -> None:
    assert _sidebars_hidden(_html(default_site, path))


def test_footer_has_the_loket_and_the_statements(default_site: Path) -> None:
    html = _html(default_site, "ouders/slapen/")
    footer = html[html.index('<footer class="md-footer">'):]
    for text in ("De Meerpaal<br>De Rede 80<br>8251 EX Dronten", 'href="tel:+31321123400">0321 123 400</a>',
                 'href="mailto:info@voorbeeld-cjgdronten.nl"', "<dt>Maandag t/m woensdag</dt><dd>09.00 tot 17.00 uur</dd>",
                 "<dd>09.00 tot 12.30 en 13.30 tot 20.00 uur</dd>", 'href="../contact/"'):
        assert text in footer, text
    for page in ("toegankelijkheid", "privacy", "colofon", "open-data"):
        assert f'href="../../over/{page}/"' in footer and (default_site / "over" / page / "index.html").is_file()


def test_404_page_is_dutch_and_helps(default_site: Path) -> None:
    html = _html(default_site, "404.html")
    assert '<html lang="nl"' in html and "Not found" not in html
    assert "<title>Pagina niet gevonden - CJG Dronten</title>" in html
    assert "<h1>Deze pagina bestaat niet (meer)</h1>" in html
    assert re.search(r'<form class="cjg-search" action="/sociale-kaart/"', html)  # absolute: any depth
    assert re.findall(r'<h3 class="cjg-door__title"><a href="([^"]+)">', html) == [f"/{p}" for p in LANDINGS]
    assert 'href="tel:+31321123400">0321 123 400</a>' in html
    assert _sidebars_hidden(html)


def test_quick_exit_on_youth_pages_and_the_parents_pages_about_safety(default_site: Path) -> None:
    bar = re.compile(r'<div class="cjg-exitbar">\s*<div class="cjg-exitbar__inner md-grid">\s*'
                     r'<button type="button" class="cjg-exit" data-cjg-exit="https://www\.weeronline\.nl/">.*?</button>\s*'
                     r'<a class="cjg-exitbar__info" href="([^"]+)">', re.S)
    for path in ["jongeren/", "jongeren/thuis/", *QUICK_EXIT_PARENTS]:
        found = bar.search(_html(default_site, path))
        assert found, path
        assert (default_site / (path + found[1]) / "index.html").resolve().is_file(), path
    for path in ("", "ouders/", "ouders/slapen/", "professionals/"):
        assert "data-cjg-exit" not in _html(default_site, path), path
    page = _html(default_site, "jongeren/onzichtbaar-bezoeken/")
    assert "wist je geschiedenis niet" in page and "privévenster" in page


def test_statements_say_je_not_u() -> None:
    for path in sorted((ROOT / "content/over").glob("*.md")):
        words = re.findall(r"\b(u|uw|U|Uw|kunt|bent u|wilt)\b", path.read_text(encoding="utf-8"))
        assert not words, (path.name, words)


def test_front_door_escapes_what_editors_write(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project, "content/nieuws/2026-11-16-loket-open-op-donderdagavond.md",
         'title: "Het loket is nu ook op donderdagavond open"', 'title: "Open <script>alert(1)</script>"')
    edit(project, "content/jongeren/index.md", "tegel: \"Ben je 12 tot 23?", "tegel: \"<img src=x onerror=alert(1)> Ben je 12 tot 23?")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = _html(tmp_path / "site", "")
    assert "Open &lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html


# --- in the browser -----------------------------------------------------------------------------

def _within(box: FloatRect | None, height: float) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_first_phone_screen_shows_the_question_the_doors_and_the_loket(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    # The longest "nu open" text of the sample (two lines on a phone): a closed day with its name,
    # the evening before a weekend. At another hour the text is shorter, and the doors fit too.
    page.clock.set_fixed_time(datetime.fromisoformat("2026-12-25T19:00:00+01:00"))
    page.goto(base_url)
    article = page.locator("article")
    shown = [article.get_by_role("heading", name="Waar kunnen we je mee helpen?", level=1),
             *(page.locator("li.cjg-door").nth(n) for n in range(3)),
             article.get_by_role("link", name="Bel 0321 123 400"),
             page.locator("#loket-nu")]
    for locator in shown:
        assert _within(locator.bounding_box(), PHONE["height"]), locator
    assert page.locator("#loket-nu").inner_text() == "Nu gesloten (Eerste Kerstdag). Weer open op maandag om 09.00 uur."
    # One tap to a life phase and to the youth section (the tiles are links as a whole).
    page.locator("li.cjg-door").nth(1).click(position={"x": 300, "y": 60})
    assert page.url == base_url + "jongeren/"
    page.goto(base_url)
    page.locator(".cjg-phases").get_by_role("link", name="Peuter (2 tot 4 jaar)").click()
    assert page.url == base_url + "ouders/peuter/"
    page.close()


def test_home_search_opens_the_sociale_kaart_with_the_query(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url)
    page.get_by_role("searchbox", name="Zoek hulp, een cursus of een onderwerp").fill("peuter")
    page.locator(".cjg-search__button").click()
    page.wait_for_url(base_url + "sociale-kaart/?zoek=peuter")
    page.close()


@pytest.mark.parametrize("path", ["jongeren/thuis/", "ouders/gezin/"])
def test_quick_exit_never_covers_text(browser: Browser, base_url: str, path: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + path)
    button = page.locator("button.cjg-exit")
    overlaps = """button => {
      const b = button.getBoundingClientRect();
      return [...document.querySelectorAll("article p, article li, article h1, article h2, article h3")]
        .map(el => el.getBoundingClientRect())
        .filter(r => r.bottom > 0 && r.width > 0)
        .filter(r => !(r.right <= b.left || r.left >= b.right || r.bottom <= b.top || r.top >= b.bottom)).length;
    }"""
    assert button.evaluate(overlaps) == 0
    assert button.evaluate("b => b.closest('header') !== null")  # in the sticky header, which holds its place
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(100)
    box = button.bounding_box()
    assert box is not None and _within(box, PHONE["height"]) and box["y"] < 120  # still in reach after scrolling
    header = page.locator("header.md-header").bounding_box()
    assert header is not None and box["y"] + box["height"] <= header["y"] + header["height"]
    page.close()


def test_menu_still_opens_on_a_landing_page_on_a_phone(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "ouders/")
    page.get_by_role("button", name="Menu").click()
    page.wait_for_timeout(300)
    assert page.locator("#cjg-menu").get_by_role("link", name="Zwanger").first.is_visible()
    page.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_nothing_on_the_front_door_pages(browser: Browser, base_url: str, width: int) -> None:
    context = axe_context(browser, width)
    page = context.new_page()
    found = []
    for path in ["", "404.html", *LANDINGS, "ouders/gezin/", "jongeren/onzichtbaar-bezoeken/", "over/privacy/"]:
        page.goto(base_url + path)
        found += [f"/{path} [{width}px] {violation}" for violation in axe_violations(page)]
    context.close()
    assert found == []
