"""The `cjg` command on the real sample data and on a broken copy of it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from cjgportaal.catalog.settings import plugin_options, read_settings
from cjgportaal.render.files.schema import json_schemas, render_schema

from .conftest import ROOT, cjg, copy_project


def test_sample_data_is_valid() -> None:
    result = cjg("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "In orde" in result.stdout
    assert "waarschuwing" not in result.stdout


OFFERING = "offerings/peuter-in-zicht.yml"
PARTNER = "partners/ggd-flevoland.yml"


def _line(project: Path, name: str, text: str) -> int:
    content = (project / name).read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_broken_copy_reports_every_problem_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    _replace(project / OFFERING, "soort: cursus", "soort: kursus")
    _replace(project / OFFERING, "datum: 2027-02-09", "datum: 2027-02-31")
    _replace(project / PARTNER, "postcode: 8251 EX", "postcode: 8251")
    _replace(project / PARTNER, "rol: kernpartner", "roll: kernpartner")
    (project / "offerings/leeg.yml").write_text("", encoding="utf-8")
    (project / "offerings/lijst.yml").write_text("- a\n- b\n", encoding="utf-8")
    (project / "offerings/kapot.yml").write_text("titel: 'open\n", encoding="utf-8")
    (project / "offerings/latin1.yml").write_bytes("titel: café\n".encode("latin-1"))

    result = cjg("--config", str(project / "mkdocs.yml"), "validate")
    out = result.stdout
    assert result.returncode == 1
    soort, datum = _line(project, OFFERING, "soort: kursus"), _line(project, OFFERING, "2027-02-31")
    postcode, roll = _line(project, PARTNER, "postcode: 8251\n"), _line(project, PARTNER, "roll:")
    for expected in [
        f"{OFFERING}:{soort}: fout: veld 'soort': de soort 'kursus' bestaat niet.",
        "bedoelde je 'cursus'?",
        f"{OFFERING}:{datum}: fout: veld 'rondes[1].bijeenkomsten[2].datum': de datum 2027-02-31 bestaat niet.",
        f"{PARTNER}:{postcode}: fout: veld 'adressen[1].postcode': '8251' is geen geldige postcode.",
        f"{PARTNER}:{roll}: fout: veld 'roll': dit veld bestaat niet.",
        "bedoelde je 'rol'?",
        f"{PARTNER}:6: fout: veld 'rol': dit verplichte veld ontbreekt.",
        "offerings/leeg.yml:1: fout: het bestand is leeg.",
        "offerings/lijst.yml:1: fout: het bestand bevat een lijst",
        "offerings/kapot.yml:1: fout: de YAML is niet te lezen: het bestand houdt midden in een waarde op",
        "offerings/latin1.yml:1: fout: het bestand is geen geldige UTF-8-tekst",
        "Zo los je het op:",
    ]:
        assert expected in out, f"{expected!r} missing in:\n{out}"
    assert "Traceback" not in out + result.stderr


def test_github_annotations(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    _replace(project / OFFERING, "soort: cursus", "soort: kursus")
    result = cjg("--config", str(project / "mkdocs.yml"), "validate", "--formaat", "github")
    assert result.returncode == 1
    line = _line(project, OFFERING, "soort: kursus")
    assert f"::error file={OFFERING},line={line},title=veld soort::" in result.stdout


def test_stale_date_gives_warning_but_exit_zero() -> None:
    result = cjg("validate", "--datum", "2035-01-01")
    assert result.returncode == 0
    assert "waarschuwing" in result.stdout and "opnieuw nagekeken" in result.stdout


def test_published_schema_is_current() -> None:
    settings, problems = read_settings(plugin_options(ROOT / "mkdocs.yml"), ROOT / "mkdocs.yml")
    assert settings is not None and not problems
    folders = settings.folders(ROOT)
    for name, schema in json_schemas(folders).items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render_schema(schema), f"schemas/{name} is out of date: run 'cjg schema'"


def test_sample_files_conform_to_published_schema() -> None:
    """Editors check files against the published schema: the sample data must pass it too."""
    for folder, name in (("partners", "partner.schema.json"), ("offerings", "aanbod.schema.json")):
        schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        files = sorted((ROOT / folder).rglob("*.yml"))
        assert files
        for path in files:
            # Editors read YAML 1.2: times and dates are strings there, as in our loader.
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
            errors = [e.message for e in validator.iter_errors(_typed(data))]
            assert not errors, f"{path.name}: {errors}"


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads((ROOT / "schemas" / "aanbod.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = _typed(yaml.load((ROOT / "offerings/peuter-in-zicht.yml").read_text(encoding="utf-8"),
                            Loader=yaml.BaseLoader))
    assert not list(validator.iter_errors(data))
    assert list(validator.iter_errors({**data, "soort": "kursus"}))
    assert list(validator.iter_errors({**data, "titell": "x"}))
    assert not list(validator.iter_errors(_typed({**data, "kosten": {"soort": "eigen-bijdrage", "bedrag": "10.25"}})))


def _typed(node: object) -> object:
    """BaseLoader reads every scalar as text; turn plain numbers and booleans back into values."""
    if isinstance(node, dict):
        return {k: _typed(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_typed(v) for v in node]
    if node in ("true", "false"):
        return node == "true"
    if isinstance(node, str) and re.fullmatch(r"-?(0|[1-9][0-9]*)", node):
        return int(node)
    if isinstance(node, str) and re.fullmatch(r"-?[0-9]+\.[0-9]*", node):
        return float(node)
    return node
