"""The site settings (plugin options in mkdocs.yml): one typed set, read the same way by the
MkDocs build and the `cjg` command."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.settings import SiteSettings, plugin_options, read_settings

from .conftest import ROOT, cjg, copy_project, edit, mkdocs_build


def test_default_data_folders_are_stated_once() -> None:
    folders = SiteSettings().folders(Path("/p"))
    defaults = {f.name: f.default for f in dataclasses.fields(DataFolders) if f.name != "root"}
    assert dataclasses.asdict(folders) == {"root": Path("/p"), **defaults}


def test_sample_settings_are_read_with_their_types() -> None:
    settings, problems = read_settings(plugin_options(ROOT / "mkdocs.yml"), ROOT / "mkdocs.yml")
    assert not problems and settings is not None
    assert settings.coordinators == ("@cjg-dronten-coordinator",)
    assert settings.stale_months == 12 and settings.contact_form.email == "info@voorbeeld-cjgdronten.nl"


BAD = ("      branch: main\n", "      branch: main\n      stale_months: twaalf\n      fout_report: issue\n")


def test_wrong_settings_name_file_line_and_field_in_build_and_cli(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    line = edit(project, "mkdocs.yml", *BAD) + 1
    expected = [f"mkdocs.yml:{line}: fout: veld 'plugins.cjg.stale_months': 'twaalf' is geen heel getal.",
                f"mkdocs.yml:{line + 1}: fout: veld 'plugins.cjg.fout_report': dit veld bestaat niet."]
    built = mkdocs_build(project, tmp_path / "site")
    checked = cjg("validate", cwd=project)
    assert built.returncode != 0 and checked.returncode != 0
    for output in (built.stderr, checked.stderr):
        for message in expected:
            assert message in output, output
        assert "bedoelde je 'error_report'?" in output
