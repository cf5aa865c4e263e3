"""The Dutch on the built pages, as a reader sees it: no glued labels, no "N aanbod", no fragment said
twice, no formal "u", no label without its value.

The text is read the way the page shows it: block elements on lines of their own, and a table cell
with `data-label` as phones show it ("Waar: De Meerpaal", see cjg.css). Code and scripts are left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

BLOCKS = {"address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details", "div", "dl",
          "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
          "label", "legend", "li", "main", "nav", "ol", "option", "p", "section", "select", "summary", "table",
          "td", "th", "tr", "ul"}
EMPTY = "⟨leeg⟩"  # stands for a table cell that shows its label and nothing after it
HIDDEN = {"code", "kbd", "noscript", "pre", "samp", "script", "style", "svg", "template", "textarea"}

# Words that are written with a capital inside on purpose.
CAMEL_WORDS = {"iCalendar", "GitHub", "WhatsApp", "VoorZorg", "DigiToegankelijk", "YouTube", "MkDocs",
               "ProperDocs", "JavaScript", "LinkedIn", "TikTok", "ParnasSys", "OneDrive", "iPhone", "iPad",
               "PowerPoint", "HomeStart", "JSON-LD", "CodeOwners", "SnapChat", "OpenStreetMap"}

SLIPS = {
    "a count of 'aanbod' (aanbod is not counted: say 'mogelijkheden', 'resultaten' or 'keer aanbod')":
        re.compile(r"\b\d+ aanbod\b"),
    "a label glued to what follows it": re.compile(r"[a-zà-ÿ][(\[]\d|[a-zà-ÿ]:[A-Za-zÀ-ÿ]"),
    "a label without its value": re.compile(rf":\s*{EMPTY}"),
    "a fragment said twice": re.compile(r"(\b[\wÀ-ÿ][\wÀ-ÿ ]{7,}\b)[.,;)]*[ ]*\(?\1\b"),
    "'u' or 'uw' (the site says 'je')": re.compile(r"\b(?:[Uu]|[Uu]w)\b(?!-)"),
    "'Open: gesloten'": re.compile(r"\bOpen: gesloten\b"),
}
CAMEL = re.compile(r"\b[A-Za-zÀ-ÿ]*[a-zà-ÿ][A-Z][A-Za-zÀ-ÿ]*")


class _Reader(HTMLParser):
    """Collects the visible text of a page's content (the main column), block by block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.inside = 0  # depth inside <article> (Material's content column)
        self.cell: int | None = None  # where the text of a labelled cell starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.inside += 1
        if tag in HIDDEN:
            self.hidden += 1
        if tag in BLOCKS:
            self.parts.append("\n")
        label = dict(attrs).get("data-label")
        if tag == "td" and label and not self.hidden:
            self.parts.append(f"{label}: ")
            self.cell = len(self.parts)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.cell is not None:
            if not "".join(self.parts[self.cell:]).strip():
                self.parts.append(EMPTY)
            self.cell = None
        if tag in HIDDEN:
            self.hidden -= 1
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag == "article":
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        if self.inside and not self.hidden:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The text of a page's content as a reader sees it, one block per line."""
    reader = _Reader()
    reader.feed(html)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(reader.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def slips(text: str) -> list[str]:
    """Every slip in a page's text, with a bit of the text around it."""
    found = []
    for name, pattern in SLIPS.items():
        found += [f"{name}: …{text[max(0, m.start() - 30):m.end() + 30]}…" for m in pattern.finditer(text)]
    found += [f"a capital inside a word (glued words?): {m.group()}" for m in CAMEL.finditer(text)
              if m.group() not in CAMEL_WORDS]
    return found


@pytest.mark.parametrize("text, slip", [
    ("Opvoeden (21 aanbod)", "count"), ("Leeftijdsgroep(1 gekozen)", "glued"),
    ("Waar:Begeleiding", "glued"), (f"Waar: {EMPTY}", "without its value"),
    ("kind van 0 tot 12 jaar. (0 tot 12 jaar)", "twice"), ("Bent u niet tevreden?", "'u'"),
    ("Zaterdag\nOpen: gesloten", "Open: gesloten"), ("DoorGGD Flevoland", "capital inside"),
])
def test_each_slip_is_caught(text: str, slip: str) -> None:
    assert any(slip in found for found in slips(text)), slips(text)


def test_good_dutch_passes() -> None:
    text = ("Opvoeden (21 mogelijkheden)\nLeeftijdsgroep (1 gekozen)\nWaar: De Meerpaal\n"
            "Zaterdag\nTijden: gesloten\nAbonneer je met iCalendar of via GitHub.\nJe kunt je aanmelden.")
    assert slips(text) == []


def test_reader_shows_cells_as_on_a_phone() -> None:
    html = ('<article><table><tr><th>Zaterdag</th><td data-label="Tijden">gesloten</td><td data-label="Waar"> </td>'
            '</tr></table><p>Zie <code>git push -u</code> en</p><p>meer</p></article><footer>Bent u</footer>')
    assert page_text(html) == f"Zaterdag\nTijden: gesloten\nWaar: {EMPTY}\nZie en\nmeer"


def test_built_pages_have_no_slips(default_site: Path) -> None:
    problems = []
    for page in sorted(default_site.rglob("*.html")):
        problems += [f"{page.relative_to(default_site)}: {slip}" for slip in slips(page_text(page.read_text()))]
    assert not problems, "\n".join(problems)
