"""Untrusted partner text: payloads in every text field are escaped or sanitised, and never run."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from cjgportaal.render.formatting import rich_text

from .browser import serve
from .conftest import copy_project, mkdocs_build

# Each payload tries to set window.__pwned; a template payload must not be evaluated.
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "\"><svg onload=window.__pwned='svg'>",
    "'><iframe src=\"javascript:window.top.__pwned='iframe'\"></iframe>",
    "</title></textarea></style><script>window.__pwned='close'</script>",
    "<a href=\"jav&#x61;script:window.__pwned='entity'\">klik</a>",
    "<details open ontoggle=\"window.__pwned='details'\">x</details>",
    "<!-- <script>window.__pwned='comment'</script> -->",
    "{{ 7 * 7 }} {% raw %}{{ config }}{% endraw %} {{ config.site_name }}",
    "&lt;script&gt;window.__pwned='entities'&lt;/script&gt;",
    "--8<-- \"/etc/passwd\"",
]
# Markdown-only tricks; the validator refuses the obvious ones, these reach the sanitiser.
MARKDOWN_PAYLOADS = [
    "[klik][x]\n\n[x]: <data:text/html,<script>window.__pwned='ref'</script>>",
    "![plaatje](x\" onerror=\"window.__pwned='md-img')",
    "<div markdown=\"1\">**vet** <span onclick=\"window.__pwned='span'\">x</span></div>",
]

OFFERING_TEXT = ["titel", "samenvatting", "beschrijving", "toegankelijkheid", "toegang.toelichting",
                 "kosten.toelichting", "aanmelden.uitleg", "contact.naam", "locaties.0.straat",
                 "locaties.0.plaats", "rondes.0.naam", "rondes.1.bijeenkomsten.0.opmerking"]
PARTNER_TEXT = ["naam", "samenvatting", "beschrijving", "kerntaken.0", "adressen.0.naam", "adressen.0.straat",
                "adressen.0.plaats", "consultatie.naam", "verwijzen"]
ROUTE_TEXT = ["verwijswijzer.1.groep", "verwijswijzer.1.situatie", "verwijswijzer.1.naar", "verwijswijzer.1.hoe",
              "verwijswijzer.1.contact.naam"]


def _set(data: dict, path: str, value: str) -> None:
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value


def _poison(path: Path, fields: list[str], start: int) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for offset, field in enumerate(fields):
        payload = PAYLOADS[(start + offset) % len(PAYLOADS)]
        if field == "beschrijving":
            # The validator already refuses javascript: links in Markdown (see test_validation);
            # everything else goes through to the sanitiser.
            payload = "\n\n".join(p for p in PAYLOADS + MARKDOWN_PAYLOADS if "script:" not in p)
        _set(data, field, ("Tekst " + payload)[:290])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("poisoned")
    project = copy_project(root / "p")
    _poison(project / "offerings/peuter-in-zicht.yml", OFFERING_TEXT, 0)
    _poison(project / "partners/ggd-flevoland.yml", PARTNER_TEXT, 5)
    _poison(project / "data/verwijswijzer.yml", ROUTE_TEXT, 2)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


PAGES = ["aanbod/peuter-in-zicht/", "organisaties/ggd-flevoland/", "voor/ouders/", "organisaties/", "aanbod/",
         "professionals/verwijswijzer/"]


class _Dangerous(HTMLParser):
    """Collects markup that could run script: event handlers, script URLs, payload scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # JSON-LD is data that browsers do not run; test_json_ld_keeps_payloads_as_data checks it.
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/ld+json"
        for name, value in attrs:
            url = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "data") and url.startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={url[:30]}>")
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "__pwned" in data:
            self.found.append("<script>…__pwned…")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def dangerous(html: str) -> list[str]:
    """The script-capable markup in an HTML document or fragment."""
    parser = _Dangerous()
    parser.feed(html)
    return parser.found


def test_no_payload_appears_unescaped_in_any_page(poisoned_site: Path) -> None:
    for page in poisoned_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert dangerous(html) == [], page
        assert "Tekst 49" not in html and "root:x:" not in html
    offering = (poisoned_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    assert "{{ 7 * 7 }}" in offering and "&lt;script&gt;window.__pwned" in offering


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_in_the_browser(browser, poisoned_site: Path, path: str) -> None:
    with serve(poisoned_site) as base_url:
        # bypass_csp: the policy is a second line of defence; escaping must hold on its own.
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base_url + path, wait_until="networkidle")
        page.locator("details").evaluate_all("els => els.forEach(e => e.open = !e.open)")
        page.mouse.click(5, 400)
        page.locator("input.md-search__input").click()
        page.keyboard.type("Tekst")
        page.wait_for_timeout(1500)
        assert page.evaluate("() => window.__pwned") is None
        assert dialogs == []
        assert "Tekst" in page.text_content("body")
        context.close()


@pytest.mark.parametrize("payload", PAYLOADS + MARKDOWN_PAYLOADS)
def test_sanitiser_keeps_only_safe_markup(payload: str) -> None:
    html = str(rich_text(payload))
    assert dangerous(html) == []
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "blockquote", "code"}


def test_no_payload_runs_in_the_kaart_or_mijn_lijst(browser, poisoned_site: Path) -> None:
    with serve(poisoned_site) as base_url:
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base_url + "sociale-kaart/?zoek=Tekst")
        page.wait_for_selector("#kaart-resultaten li")
        assert "Tekst" in page.inner_text("#kaart-resultaten")
        page.locator("#kaart-resultaten [data-cjg-bewaar]").first.click()
        note = "<img src=x onerror=\"window.__pwned='note'\">"
        shared = '[["peuter-in-zicht", "' + note.replace('"', '\\"') + '"], ["x\\"><script>", "y"]]'
        page.goto(base_url + "sociale-kaart/mijn-lijst/#lijst=" + quote(shared))
        page.get_by_role("button", name="Voeg toe aan mijn lijst").click()
        page.wait_for_selector(".cjg-mijn-lijst__items > li")
        assert note in page.locator("textarea").first.input_value()
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.__pwned") is None
        assert dialogs == []
        context.close()


def test_json_ld_keeps_payloads_as_data(poisoned_site: Path) -> None:
    html = (poisoned_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    assert "<" not in blocks[0] and ">" not in blocks[0]
    data = json.loads(blocks[0])
    source = poisoned_site.parent / "p/offerings/peuter-in-zicht.yml"
    title = yaml.safe_load(source.read_text(encoding="utf-8"))["titel"]
    assert data[0]["name"] == title and "<script>" in title
