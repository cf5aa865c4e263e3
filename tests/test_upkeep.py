"""Ownership and freshness: CODEOWNERS from the data, the stale report, likely duplicates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.load.problems import Severity
from cjgportaal.tools.upkeep import codeowners, stale_report

from .conftest import OFFERING, PARTNER, ROOT, cjg, copy_project
from .conftest import edit as _edit

TODAY = date(2026, 11, 22)


def test_committed_codeowners_is_current() -> None:
    result = cjg("codeowners", "--controleer")
    assert result.returncode == 0, result.stderr


def test_codeowners_gives_each_file_to_its_partner_and_the_coordinator(mini: Path) -> None:
    catalog, _ = load_catalog(DataFolders(mini), TODAY)
    text = codeowners(catalog, ["@coordinator"])
    lines = text.splitlines()
    assert "* @coordinator" in lines
    assert f"/{OFFERING} @ggd-flevoland-jgz @coordinator" in lines
    assert f"/{PARTNER} @ggd-flevoland-jgz @coordinator" in lines


def test_codeowners_check_fails_when_out_of_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / ".github", project / ".github")
    config = str(project / "mkdocs.yml")
    _edit(project, PARTNER, '"@ggd-flevoland-jgz"', '"@ggd-flevoland-jgz", "@nieuwe-collega"')
    assert cjg("--config", config, "codeowners", "--controleer").returncode == 1
    assert cjg("--config", config, "codeowners").returncode == 0
    assert "@nieuwe-collega" in (project / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert cjg("--config", config, "codeowners", "--controleer").returncode == 0


def test_stale_report_at_a_fixed_date(mini: Path) -> None:
    _edit(mini, OFFERING, "controleren_voor: 2027-09-15", "controleren_voor: 2026-11-01")
    _edit(mini, PARTNER, "gecontroleerd: 2026-10-01\ncontroleren_voor: 2027-10-01",
          "gecontroleerd: 2025-10-01\ncontroleren_voor: 2027-10-01")
    catalog, _ = load_catalog(DataFolders(mini), TODAY)
    report = stale_report(catalog, 12)
    assert "peildatum 2026-11-22" in report and "2 bestanden" in report
    assert "## `GGD Flevoland – Jeugdgezondheidszorg`" in report and "Beheerders: @ggd-flevoland-jgz" in report
    assert f"(`{OFFERING}`): had vóór 2026-11-01 nagekeken moeten worden" in report
    assert f"(`{PARTNER}`): niet meer nagekeken sinds 2025-10-01 (langer dan 12 maanden)" in report
    assert "1 bestanden" in stale_report(catalog, 24) or "1 bestand" in stale_report(catalog, 24)


def test_stale_command_on_the_sample() -> None:
    result = cjg("report", "stale", "--datum", "2026-11-22")
    assert result.returncode == 0 and "Alle gegevens zijn op tijd nagekeken." in result.stdout
    later = cjg("report", "stale", "--datum", "2028-01-01")
    assert "## " in later.stdout and "- [ ] aanbod" in later.stdout


def test_likely_duplicates_are_warnings(mini: Path) -> None:
    copy = mini / "offerings" / "peuter-in-zicht-2.yml"
    copy.write_text((mini / OFFERING).read_text(encoding="utf-8")
                    .replace("id: peuter-in-zicht", "id: peuter-in-zicht-2")
                    .replace("titel: Peuter in zicht", "titel: Peuter in zicht!"), encoding="utf-8")
    catalog, problems = load_catalog(DataFolders(mini), TODAY)
    assert catalog is not None
    [warning] = problems
    assert warning.severity is Severity.WARNING and warning.field == "titel"
    assert warning.file == "offerings/peuter-in-zicht.yml"  # the later file in path order
    assert "lijkt op 'Peuter in zicht!' in offerings/peuter-in-zicht-2.yml" in warning.message
