"""WCAG checks on the whole built default site in headless Chromium: axe-core and keyboard use."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# One page of each type: home, hand-written, offering, partner, listing, index of groups.
PAGE_TYPES = ["", "ouders/", "aanbod/peuter-in-zicht/", "organisaties/ggd-flevoland/", "themas/opvoeden/",
              "leeftijden/", "over/toegankelijkheid/", "professionals/aanbod-aanmelden/"]


def _require_axe() -> None:
    if AXE.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("node_modules/axe-core is missing; scripts/test.sh installs it with npm ci")
    pytest.skip("axe-core is not installed (npm ci)")


def axe_context(browser, width: int):
    """A browser context at `width` px with axe-core in every page (the CSP would refuse it)."""
    _require_axe()
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    context.add_init_script(path=str(AXE))
    return context


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now: rule, help and the first three elements."""
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
    return [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def _sitemap_paths(site: Path) -> list[str]:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    prefix = re.match(r"https?://[^/]+/", urls[0]).group(0)
    return [url.removeprefix(prefix) for url in urls]


def test_sitemap_lists_every_page(default_site: Path) -> None:
    built = {p.relative_to(default_site).as_posix().removesuffix("index.html")
             for p in default_site.rglob("index.html")}
    assert set(_sitemap_paths(default_site)) == built


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations_on_any_page(browser, base_url: str, default_site: Path, width: int) -> None:
    context = axe_context(browser, width)
    page = context.new_page()
    found: list[str] = []
    for path in _sitemap_paths(default_site):
        page.goto(base_url + path)
        found += [f"/{path} [{width}px] {violation}" for violation in axe_violations(page)]
    context.close()
    assert found == []


def test_content_reflows_at_320px(browser, base_url: str, default_site: Path) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 800})
    wide = []
    for path in _sitemap_paths(default_site):
        page.goto(base_url + path)
        if page.evaluate("() => document.documentElement.scrollWidth") > 320:
            wide.append(path)
    page.close()
    assert wide == []


_FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return {
    name: el.tagName + (el.className && typeof el.className === 'string' ? '.' + el.className : '')
          + ' ' + (el.textContent || '').trim().slice(0, 30),
    visible: r.width > 0 && r.height > 0 && s.visibility === 'visible' && el.checkVisibility(),
    onScreen: r.left >= 0 && r.right <= document.documentElement.clientWidth + 1 && r.top + scrollY >= 0,
    indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
  };
}"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_tab_stop_is_visible_on_screen_and_shows_focus(browser, base_url: str, path: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + path)
    problems, seen = [], 0
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        if state is None:
            break
        seen += 1
        for key, message in (("visible", "hidden"), ("onScreen", "off-screen"), ("indicator", "no focus style")):
            if not state[key]:
                problems.append(f"{state['name']}: {message}")
    page.close()
    assert seen > 3
    assert problems == []


def test_mobile_menu_opens_and_closes_with_the_keyboard(browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(base_url + "aanbod/peuter-in-zicht/")
    button = page.locator("button[data-cjg-toggle='__drawer']")
    assert button.get_attribute("aria-expanded") == "false"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.cjgToggle") == "__drawer":
            break
    else:
        pytest.fail("the menu button is not reachable with Tab")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)  # Material slides the drawer in
    assert page.evaluate("() => document.activeElement.closest('#cjg-menu') !== null")
    box = page.locator("#cjg-menu").bounding_box()
    assert box is not None and box["x"] >= -1
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.dataset.cjgToggle") == "__drawer"
    page.close()


def test_search_dialog_is_named_and_announces_the_result_count(browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url)
    dialog = page.locator("[data-md-component='search']")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-label")
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("role") == "status"
    page.locator("input.md-search__input").click()
    page.keyboard.type("peuter")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15000)
    assert re.search(r"\d+ (?:overeenkomende )?(?:document|resultat)", status.text_content() or "", re.I)
    page.close()
