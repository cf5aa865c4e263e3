"""Hostile data and the `cjg` tools: import, new, codeowners and the stale report never crash, never
write outside the data folders, and let no partner take over the review."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import OFFERING, PARTNER, cjg, copy_project, edit, empty_project


def _no_traceback(result: object) -> None:
    out = getattr(result, "stdout", "") + getattr(result, "stderr", "")
    assert "Traceback" not in out and "Error:" not in out, out


# --- cjg import -------------------------------------------------------------------------------

ORG_LISTS = ("phones", "contacts", "locations", "attributes")
SERVICE_LISTS = ("phones", "contacts", "schedules", "service_at_locations", "languages", "cost_options",
                 "attributes")
WRONG = ("een tekst", 7, ["a", "b"], {"x": 1})


def _org(n: int, **fields: object) -> dict[str, object]:
    return {"id": f"org-{n}", "name": f"Organisatie {n}", "email": "info@example.org", **fields}


def test_import_reports_every_field_of_the_wrong_shape_and_goes_on(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "p")
    organizations, services, expected = [_org(0)], [], []
    for field in ORG_LISTS:
        for value in WRONG:
            organizations.append(_org(len(organizations), **{field: value}))
            expected.append((f"organisatie {len(organizations)} (id 'org-{len(organizations) - 1}')",
                             f"organization.{field}"))
    for field in SERVICE_LISTS:
        for value in (*WRONG, None):
            services.append({"id": f"svc-{len(services)}", "organization_id": "org-0", "status": "active",
                             "name": f"Dienst {len(services)}", "email": "info@example.org", field: value})
            if value is not None:
                expected.append((f"dienst {len(services)} (id 'svc-{len(services) - 1}')", f"service.{field}"))
    services.append({"id": "svc-deep", "organization_id": "org-0", "name": "Dienst diep", "status": "active",
                     "email": "info@example.org", "service_at_locations": [{"location": "hier"}],
                     "contacts": [{"phones": "0321"}], "attributes": [{"taxonomy_term": ["x"]}]})
    expected += [("id 'svc-deep'", "service.service_at_locations[1].location"),
                 ("id 'svc-deep'", "service.contacts[1].phones"), ("id 'svc-deep'", "service.attributes[1].taxonomy_term")]
    source = tmp_path / "vreemd.json"
    source.write_text(json.dumps({"organizations": [*organizations, "geen object"], "services": services}),
                      encoding="utf-8")
    result = cjg("import", str(source), cwd=project)
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for record, field in expected:
        assert any(str(source) in line and record in line and f"veld '{field}" in line and "Zo los je het op" in line
                   for line in lines), (record, field)
    assert f"{source}, organisatie {len(organizations) + 1}: niet overgenomen: dit is een tekst" in result.stdout
    # The other records and fields are still imported.
    assert (project / "partners/organisatie-0.yml").exists()
    assert (project / "offerings/organisatie-0/dienst-0.yml").exists()
    assert cjg("validate", cwd=project).returncode in (0, 1)  # readable YAML either way, no crash


def test_import_refuses_deep_nesting_with_our_limit(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "p")
    source = tmp_path / "diep.json"
    source.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = cjg("import", str(source), cwd=project)
    _no_traceback(result)
    assert result.returncode == 1 and f"{source}: de gegevens zijn dieper genest dan 32 niveaus" in result.stderr
    assert not any((project / "partners").iterdir())


def test_import_of_a_tabular_package_with_a_huge_cell_and_bad_bytes(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "p")
    package = tmp_path / "pakket"
    package.mkdir()
    (package / "organizations.csv").write_text(
        "id,name,email\norg-1,Goed,info@example.org\norg-2," + "x" * 200_000 + ",info@example.org\n",
        encoding="utf-8")
    (package / "services.csv").write_text(
        "id,organization_id,name,email,minimum_age,maximum_age\n"
        "svc-1,org-1,Spreekuur,info@example.org,nan,1e999\n", encoding="utf-8")
    result = cjg("import", str(package), cwd=project)
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (f"{package / 'organizations.csv'}, regel 3 (id 'org-2'): niet overgenomen: veld 'name' is langer dan "
            "100.000 tekens, de grens van cjg import.") in result.stdout
    assert (project / "partners/goed.yml").exists() and (project / "offerings/goed/spreekuur.yml").exists()

    (package / "phones.csv").write_bytes(b"id,organization_id,number\np-1,org-1,0321\np-2,org-1,\xff\xfe12\n")
    result = cjg("import", str(package), cwd=project)
    _no_traceback(result)
    assert result.returncode == 1
    assert f"{package / 'phones.csv'}, regel 3: het bestand is geen UTF-8" in result.stderr


def test_import_reads_only_regular_files(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "p")
    real = tmp_path / "echt.json"
    real.write_text(json.dumps([_org(1)]), encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = cjg("import", str(link), cwd=project)
    _no_traceback(result)
    assert result.returncode == 1 and f"{link}: is een symbolische link" in result.stderr
    zero = tmp_path / "nul.json"
    zero.symlink_to("/dev/zero")
    assert f"{zero}: is een symbolische link" in cjg("import", str(zero), cwd=project).stderr

    package = tmp_path / "pakket"
    (package / "organizations.csv").mkdir(parents=True)
    (package / "services.csv").symlink_to("/dev/zero")
    result = cjg("import", str(package), cwd=project)
    _no_traceback(result)
    assert result.returncode == 1
    assert f"{package / 'organizations.csv'}: is geen gewoon bestand" in result.stderr
    assert f"{package / 'services.csv'}: is een symbolische link" in result.stderr  # all problems at once
    assert not any((project / "partners").iterdir())


def test_import_writes_only_inside_the_data_folders(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "p")
    outside = tmp_path / "buiten.yml"
    outside.write_text("van iemand anders\n", encoding="utf-8")
    (project / "partners/organisatie-1.yml").symlink_to(outside)
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"organizations": [_org(1), _org(2, cjg_id="../../buiten")],
                                  "services": [{"id": "s", "organization_id": "org-2", "name": "Dienst",
                                                "cjg_id": "/tmp/weg", "email": "info@example.org"}]}),
                      encoding="utf-8")
    result = cjg("import", "--overschrijven", str(source), cwd=project)
    _no_traceback(result)
    assert outside.read_text(encoding="utf-8") == "van iemand anders\n"
    assert "partners/organisatie-1.yml: niet geschreven: het bestand zou buiten de mappen partners/" in result.stdout
    assert "veld 'cjg_id' '../../buiten' niet overgenomen: geen geldige id" in result.stdout
    assert "veld 'cjg_id' '/tmp/weg' niet overgenomen" in result.stdout
    assert (project / "partners/organisatie-2.yml").exists()
    assert (project / "offerings/organisatie-2/dienst.yml").exists()
    assert not (tmp_path / "weg.yml").exists() and not Path("/tmp/weg.yml").exists()
    assert result.returncode == 1


# --- cjg new ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("flag", "value"), [("--id", "../../buiten"), ("--id", "/tmp/buiten"),
                                             ("--id", "a/b"), ("--id", "Hoofd Letters"),
                                             ("--partner", "../../buiten"), ("--partner", "/tmp"),
                                             ("--partner", "ggd-flevoland/../..")])
def test_new_refuses_an_id_that_is_not_an_id(tmp_path: Path, flag: str, value: str) -> None:
    project = copy_project(tmp_path / "p")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    args = {"--id": "inloop", "--partner": "ggd-flevoland", flag: value}
    result = cjg("--config", str(project / "mkdocs.yml"), "new", "aanbod", "--titel", "Inloop",
                 "--id", args["--id"], "--partner", args["--partner"], "--geen-vragen")
    _no_traceback(result)
    assert result.returncode == 1
    assert f"cjg new: fout: veld '{flag}': '{value}' is geen geldige id." in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_new_with_a_title_without_latin_letters(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = str(project / "mkdocs.yml")
    result = cjg("--config", config, "new", "aanbod", "--titel", "家庭支援", "--partner", "ggd-flevoland",
                 "--geen-vragen")
    _no_traceback(result)
    assert result.returncode == 1 and "er staan geen Latijnse letters of cijfers in" in result.stderr
    assert "--id" in result.stderr
    result = cjg("--config", config, "new", "aanbod", "--titel", "家庭支援", "--id", "gezinssteun",
                 "--partner", "ggd-flevoland", "--geen-vragen")
    assert result.returncode == 0, result.stderr


def test_new_does_not_write_through_a_link_out_of_the_project(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.rmtree(project / "offerings/ggd-flevoland")
    (project / "offerings/ggd-flevoland").symlink_to(elsewhere, target_is_directory=True)
    result = cjg("--config", str(project / "mkdocs.yml"), "new", "aanbod", "--titel", "Inloop nieuw",
                 "--partner", "ggd-flevoland", "--geen-vragen")
    _no_traceback(result)
    assert result.returncode == 1 and "buiten de mappen partners/ en offerings/" in result.stderr
    assert not any(elsewhere.iterdir())


# --- CODEOWNERS -------------------------------------------------------------------------------

PROTECTED = ("/.github/", "/src/", "/data/", "/mkdocs.yml", "/content/", "/theme/", "/scripts/", "/.ci/",
             "/CODEOWNERS")


def test_codeowners_cannot_be_taken_over_by_a_folder_name(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    hostile = project / "offerings" / "x\n*  @someone\n#"
    hostile.mkdir()
    shutil.move(project / OFFERING, hostile / Path(OFFERING).name)
    result = cjg("--config", str(project / "mkdocs.yml"), "codeowners")
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "niet opgenomen" in result.stderr
    lines = [line for line in (project / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[0] == "* @cjg-dronten-coordinator"
    assert not any("@someone" in line for line in lines)
    for line in lines[1:]:
        path, *owners = line.split(" ")
        assert not re.search(r"[\s#*!\[\\]", path), line
        assert all(re.fullmatch(r"@[A-Za-z0-9][A-Za-z0-9/-]*", owner) for owner in owners), line
    partner_lines = [n for n, line in enumerate(lines) if line.startswith(("/partners/", "/offerings/"))]
    for name in PROTECTED:
        [n] = [n for n, line in enumerate(lines) if line.split(" ")[0] == name]
        assert lines[n] == f"{name} @cjg-dronten-coordinator"
        assert n > max(partner_lines)  # the last matching line wins: no partner line comes after it


# --- the stale report -------------------------------------------------------------------------

def _outside_code(markdown: str) -> str:
    """The Markdown with its code spans taken out."""
    return re.sub(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", "", markdown)


def test_stale_report_shows_partner_text_inert(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    name = "GGD @iedereen [klik](https://kwaad.example) ![b](https://kwaad.example/b.png) ``x` <b>#12 **vet**"
    edit(project, PARTNER, "naam: GGD Flevoland – Jeugdgezondheidszorg", f"naam: '{name}'")
    edit(project, OFFERING, "titel: Peuter in zicht", "titel: 'Peuter @baas_x in zicht `'")
    result = cjg("--config", str(project / "mkdocs.yml"), "report", "stale", "--datum", "2029-01-01")
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    outside = _outside_code(text)
    assert "@iedereen" not in outside and "@baas_x" not in outside
    assert "](" not in outside and "<b>" not in outside and "#12" not in outside and "**" not in outside
    assert "Beheerders: @ggd-flevoland-jgz" in text  # the maintainers are meant to be notified
    [heading] = [line for line in text.splitlines() if line.startswith("## ") and "iedereen" in line]
    assert _outside_code(heading) == "## "  # the whole name is one code span
