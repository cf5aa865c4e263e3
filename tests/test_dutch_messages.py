"""No English library text reaches a partner: the whole bad-input corpus, checked for English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel, Field, ValidationError

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.load.problems import Problem
from cjgportaal.load.yaml_files import SourceDoc, load_yaml
from cjgportaal.model.validation import validate

from .bad_input import BROKEN_YAML, RULES, UNREADABLE
from .conftest import cjg, edit
from .test_validation import TODAY

# Words of PyYAML, libyaml, pydantic and the validators' own English messages.
ENGLISH = re.compile(
    r"\b(?:expected|found|while (?:scanning|parsing|constructing)|could not|cannot|not allowed|should|"
    r"field required|value error|invalid|unexpected|mapping|sequence|scalar|token|stream|character|"
    r"indentation|string|must|is not|does not|unhashable|nesting|recursion|exceeded|input|"
    r"the|a valid|an? \w+ node)\b",
    re.IGNORECASE,
)


def _english(problem: Problem) -> list[str]:
    return ENGLISH.findall(f"{problem.message} {problem.hint}")


def test_the_check_finds_library_english() -> None:
    problem = Problem("x.yml", 1, "", "de YAML is niet te lezen (exceeded maximum nesting depth).", "")
    assert _english(problem) == ["exceeded", "nesting"]
    assert _english(Problem("x.yml", 1, "titel", "ongeldige waarde (Input should be a valid string).", "")) != []


CONTENTS = [content for content, *_ in UNREADABLE] + [content for content, _ in BROKEN_YAML]


@pytest.mark.parametrize("content", CONTENTS, ids=[f"{n}:{c[:25]!r}" for n, c in enumerate(CONTENTS)])
def test_unreadable_yaml_is_reported_in_dutch(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.yml"
    path.write_text(content, encoding="utf-8")
    doc, problems = load_yaml(path, "offerings/x.yml")
    assert doc is None and len(problems) == 1
    [problem] = problems
    assert 1 <= problem.line <= content.count("\n") + 1, problem.format()
    assert not _english(problem), problem.format()


@pytest.mark.parametrize(("content", "line"), BROKEN_YAML, ids=[f"{n}" for n in range(len(BROKEN_YAML))])
def test_unreadable_yaml_names_its_line(tmp_path: Path, content: str, line: int) -> None:
    path = tmp_path / "x.yml"
    path.write_text(content, encoding="utf-8")
    _, [problem] = load_yaml(path, "offerings/x.yml")
    assert problem.line == line, problem.format()


def test_every_validation_rule_speaks_dutch(mini: Path) -> None:
    english = []
    for name, old, new, _field, _words in RULES:
        text = (mini / name).read_text(encoding="utf-8")
        edit(mini, name, old, new)
        english += [p.format() for p in load_catalog(DataFolders(mini), TODAY)[1] if _english(p)]
        (mini / name).write_text(text, encoding="utf-8")
    assert english == []


def test_validate_reports_the_whole_corpus_at_once(mini: Path) -> None:
    for number, content in enumerate(CONTENTS):
        (mini / "offerings" / f"kapot-{number}.yml").write_text(content, encoding="utf-8")
    (mini / "mkdocs.yml").write_text("site_name: Test\nplugins: [cjg]\n", encoding="utf-8")
    result = cjg("--config", str(mini / "mkdocs.yml"), "validate")
    assert result.returncode != 0
    for number in range(len(CONTENTS)):
        assert f"offerings/kapot-{number}.yml" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not ENGLISH.search(re.sub(r"offerings/\S+", "", result.stdout)), result.stdout


def test_an_error_without_a_dutch_text_still_speaks_dutch() -> None:
    class Model(BaseModel):
        code: int = Field(multiple_of=7)

    doc = SourceDoc("x.yml", {"code": 8}, {("code",): 3})
    _, [problem] = validate(Model, doc)
    with pytest.raises(ValidationError, match="multiple"):
        Model(code=8)
    assert problem.line == 3 and problem.field == "code" and not _english(problem), problem.format()
