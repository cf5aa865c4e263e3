"""The aanbodmonitor on a small fixture with known gaps, at a fixed date; the page and `cjg report`."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date
from html import unescape
from pathlib import Path

import pytest
import yaml

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.monitor import Monitor

from .conftest import ROOT, cjg, copy_lists

TODAY = date(2026, 11, 22)
BASE = {
    "partner": "ggd-flevoland", "samenvatting": "Een korte samenvatting.", "doelgroepen": ["ouders"],
    "leeftijd": {"van": "2 jaar", "tot": "4 jaar"}, "themas": ["opvoeden"], "niveaus": ["lichte-pedagogische-hulp"],
    "soort": "cursus", "toegang": {"route": "aanmelden"}, "kosten": {"soort": "gratis"},
    "contact": {"telefoon": "088 002 9920"}, "gecontroleerd": "2026-09-01",
}
OFFERINGS = {
    "a": {"locaties": [{"naam": "De Meerpaal", "gebied": "dronten"}],
          "onderbouwing": {"nji": "goed-onderbouwd"}},
    "b": {"doelgroepen": ["jongeren"], "leeftijd": {"van": "12 jaar", "tot": "16 jaar"},
          "themas": ["alcohol-en-drugs"], "niveaus": ["open-huis"], "soort": "inloop",
          "toegang": {"route": "verwijzing", "verwijzers": ["huisarts"]},
          "kosten": {"soort": "eigen-bijdrage", "bedrag": 5}, "locaties": [{"naam": "Dorpshuis", "gebied": "swifterbant"}],
          "gecontroleerd": "2026-03-01"},
    "c": {"doelgroepen": ["professionals"], "leeftijd": {"van": 0, "tot": "23 jaar"}, "niveaus": ["open-huis"],
          "soort": "online", "gecontroleerd": "2025-06-01", "controleren_voor": "2026-06-01"},
    "d": {"status": "gestopt", "themas": ["slapen"], "gecontroleerd": "2026-10-01"},
}


@pytest.fixture()
def monitor(tmp_path: Path) -> Monitor:
    copy_lists(tmp_path)
    (tmp_path / "partners").mkdir()
    shutil.copy(ROOT / "partners/ggd-flevoland.yml", tmp_path / "partners")
    (tmp_path / "offerings").mkdir()
    for key, extra in OFFERINGS.items():
        data = {"id": f"aanbod-{key}", "titel": f"Aanbod {key.upper()}", **BASE, **extra}
        (tmp_path / "offerings" / f"aanbod-{key}.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                                   encoding="utf-8")
    catalog, problems = load_catalog(DataFolders(tmp_path), TODAY)
    assert catalog is not None, [p.format() for p in problems]
    return Monitor(catalog)


def test_coverage_matrices(monitor: Monitor) -> None:
    assert [o.id for o in monitor.current] == ["aanbod-a", "aanbod-b", "aanbod-c"]
    (themes, theme_areas), (tiers, kinds) = monitor.heatmaps(), monitor.matrices()
    assert themes.cell("opvoeden", "peuter") == 2  # A, and C online for all ages
    assert themes.cell("alcohol-en-drugs", "tiener") == 1
    assert themes.cell("alcohol-en-drugs", "kind") == 0
    assert themes.cell("slapen", "baby") == 0  # D is stopped
    assert theme_areas.cell("opvoeden", "dronten") == 2 and theme_areas.cell("alcohol-en-drugs", "dronten") == 0
    assert theme_areas.cell("alcohol-en-drugs", "swifterbant") == 1
    assert tiers.cell("open-huis", "dronten") == 1  # C counts for every kern of its partner
    assert tiers.cell("open-huis", "swifterbant") == 2
    assert tiers.cell("lichte-pedagogische-hulp", "swifterbant") == 0
    assert kinds.cell("inloop", "jongeren") == 1 and kinds.cell("cursus", "jongeren") == 0


def test_findings_name_the_gap_where_others_have_it(monitor: Monitor) -> None:
    texts = [finding.text for finding in monitor.findings()]
    assert "Geen aanbod over alcohol en drugs voor tiener (12 tot 16 jaar) in Dronten; wel in Swifterbant (1)." in texts
    assert "Geen aanbod over opvoeden voor peuter (2 tot 4 jaar) in Swifterbant; wel in Dronten (1)." not in texts
    assert not any("Swifterbant;" in text and "alcohol" in text for text in texts)
    # No sentence for what exists nowhere (many such combinations cannot occur): only a count.
    assert not any("nergens" in text or ("kind (4 tot 12 jaar)" in text and "alcohol" in text) for text in texts)
    assert monitor.nowhere() > 0
    counts = monitor.counts()
    assert (counts.files, counts.offerings, counts.in_kaart, counts.current, counts.paused) == (5, 4, 3, 3, 0)


def test_shares_and_freshness_at_a_fixed_date(monitor: Monitor) -> None:
    assert [(s.label, s.count, s.total) for s in monitor.shares()] == [
        ("Gratis", 2, 3), ("Zonder verwijzing", 2, 3), ("Erkend door het NJi", 1, 3)]
    assert monitor.freshness() == {"bestanden": 5, "nagekeken_6_maanden": 3, "nagekeken_12_maanden": 4,
                                   "over_controledatum": 1}
    [figures] = monitor.partners()
    assert (figures.offerings, figures.kinds, figures.overdue) == (3, 3, 1)
    assert monitor.partner_types() == [("Jeugdgezondheidszorg", 1, 3, 3)]


def test_monitor_page_shows_the_gaps_first_and_explains_its_counts(default_site: Path) -> None:
    html = (default_site / "professionals/aanbodmonitor/index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert headings[:2] == ["In één oogopslag", "Wat ontbreekt"]
    first = html.index('class="cjg-matrix cjg-heatmap"')
    assert html.index("Aantal keer aanbod: thema × leeftijdsgroep") > first
    assert html.count('class="cjg-matrix cjg-heatmap"') == 2 and "Aantal keer aanbod: thema × kern" in html
    assert "cjg-chart" not in html  # tables, not charts that repeat them
    findings = re.findall(r"<li>(Geen aanbod over [^<]+)</li>", html)
    assert findings and all(re.search(r" in (Dronten|Swifterbant|Biddinghuizen); wel in [A-Z]", f) for f in findings)
    assert "Wat de cijfers tellen" in headings and "bestanden:" in html and "tijdelijk gestopt" in html
    for name in ("aanbodmonitor.csv", "aanbodmonitor.json"):
        assert f'href="../../open-data/{name}" download' in html
    data = json.loads((default_site / "open-data/aanbodmonitor.json").read_text(encoding="utf-8"))
    assert data["gaten"] == [unescape(f) for f in findings]
    assert data["tellingen"]["bestanden"] == data["tellingen"]["partners"] + data["tellingen"]["aanbod_bestanden"]
    rows = list(csv.reader(io.StringIO((default_site / "open-data/aanbodmonitor.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["onderdeel", "rij", "kolom", "waarde"] and ["telling", "bestanden", "", str(
        data["tellingen"]["bestanden"])] in rows


def test_report_command_in_three_formats() -> None:
    text = cjg("report", "monitor")
    assert text.returncode == 0 and "Aanbodmonitor, peildatum 2026-11-22" in text.stdout
    data = json.loads(cjg("report", "monitor", "--formaat", "json").stdout)
    assert data["aanbod"] > 40 and {"aandelen", "dekking", "gaten", "actualiteit", "partners"} <= set(data)
    csv_text = cjg("report", "monitor", "--formaat", "csv").stdout
    assert csv_text.startswith("onderdeel,rij,kolom,waarde\n") and "actualiteit,bestanden,," in csv_text


def test_changes_since_a_revision(tmp_path: Path) -> None:
    import subprocess

    project = tmp_path / "p"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "partners", project / "partners")
    shutil.copytree(ROOT / "offerings", project / "offerings")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "start"], check=True)
    offering = project / "offerings/peuter-in-zicht.yml"
    offering.write_text(offering.read_text(encoding="utf-8").replace("Peuter in zicht", "Peuter in beeld"),
                        encoding="utf-8")
    removed = next(p for p in (project / "offerings").rglob("*.yml") if p != offering)
    removed_title = yaml.safe_load(removed.read_text(encoding="utf-8"))["titel"]
    removed.unlink()
    result = cjg("--config", str(project / "mkdocs.yml"), "report", "wijzigingen", "--sinds", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "## Gewijzigd" in result.stdout and "**Peuter in beeld**" in result.stdout
    assert "## Verwijderd" in result.stdout and f"**{removed_title}**" in result.stdout
    assert cjg("--config", str(project / "mkdocs.yml"), "report", "wijzigingen", "--sinds", "nope").returncode == 1
