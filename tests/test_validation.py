"""Every validation rule: a failing file, and a Dutch message naming file, line and field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.load.problems import Problem, Severity

from .bad_input import RULES
from .conftest import OFFERING, PARTNER
from .conftest import edit as _edit

TODAY = date(2026, 11, 22)


def _problems(project: Path) -> list[Problem]:
    return load_catalog(DataFolders(project), TODAY)[1]


def test_sample_subset_is_valid(mini: Path) -> None:
    catalog, problems = load_catalog(DataFolders(mini), TODAY)
    assert problems == [] and catalog is not None
    assert list(catalog.offerings) == ["peuter-in-zicht"]


@pytest.mark.parametrize(("name", "old", "new", "field", "words"), RULES, ids=[r[3] + ":" + r[2][:20] for r in RULES])
def test_rule_reports_file_line_and_field(mini: Path, name: str, old: str, new: str, field: str,
                                          words: str) -> None:
    line = _edit(mini, name, old, new)
    problems = [p for p in _problems(mini) if p.severity is Severity.ERROR]
    matching = [p for p in problems if p.field == field]
    assert matching, [p.format() for p in problems]
    problem = matching[0]
    assert problem.file == name
    assert words in problem.message + " " + problem.hint, problem.format()
    # A missing field is reported at the start of its record; anything else at the edited line
    # or, for a rule about a whole record such as the age range, its first lines.
    expected = 6 if not new else line
    assert expected - 3 <= problem.line <= expected + 1, (expected, problem.format())


def test_duplicate_ids_in_subfolders(mini: Path) -> None:
    (mini / "offerings" / "ggd").mkdir()
    shutil.copy(mini / OFFERING, mini / "offerings" / "ggd" / "peuter-in-zicht.yml")
    [problem] = _problems(mini)
    assert problem.field == "id" and "ook gebruikt in" in problem.message
    assert problem.line == 6


def test_stale_entry_is_a_warning_not_an_error(mini: Path) -> None:
    _edit(mini, OFFERING, "controleren_voor: 2027-09-15", "controleren_voor: 2026-10-01")
    catalog, problems = load_catalog(DataFolders(mini), TODAY)
    assert catalog is not None
    [problem] = problems
    assert problem.severity is Severity.WARNING and problem.field == "controleren_voor"


def test_list_instead_of_mapping(mini: Path) -> None:
    (mini / OFFERING).write_text("- titel: a\n- titel: b\n", encoding="utf-8")
    [problem] = _problems(mini)
    assert problem.file == OFFERING and problem.line == 1 and "lijst" in problem.message


def test_broken_list_file_is_reported_with_the_rest(mini: Path) -> None:
    _edit(mini, "data/themas.yml", "  - id: slapen\n    naam: Slapen", "  - id: slapen\n    naam: ''")
    _edit(mini, OFFERING, "soort: cursus", "soort: kursus")
    problems = _problems(mini)
    assert {p.file for p in problems} >= {"data/themas.yml", OFFERING}


def test_every_problem_in_one_run(mini: Path) -> None:
    _edit(mini, OFFERING, "soort: cursus", "soort: kursus")
    _edit(mini, OFFERING, "postcode: 8251 EX", "postcode: 8251")
    _edit(mini, PARTNER, "rol: kernpartner", "rol: baas")
    (mini / "offerings" / "leeg.yml").write_text("", encoding="utf-8")
    (mini / "offerings" / "kapot.yml").write_text("titel: [\n", encoding="utf-8")
    problems = _problems(mini)
    assert {(p.file, p.field) for p in problems} >= {
        (OFFERING, "locaties[1].postcode"), (PARTNER, "rol"),
        ("offerings/leeg.yml", ""), ("offerings/kapot.yml", ""),
    }
