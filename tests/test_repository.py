"""Repository automation: valid GitHub workflows and forms that call only documented commands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def _check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert tool, "check-jsonschema is part of the test extras"
    return subprocess.run([tool, "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)


def test_workflows_follow_the_github_actions_schema() -> None:
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "deploy.yml", "stale.yml"}
    result = _check_jsonschema("vendor.github-workflows", WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_follow_the_github_schema() -> None:
    assert {p.name for p in ISSUE_FORMS} >= {"nieuw-aanbod.yml", "fout-melden.yml"}
    result = _check_jsonschema("vendor.github-issue-forms", ISSUE_FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def _commands(text: str) -> set[str]:
    found = set(re.findall(r"scripts/[\w-]+\.sh", text))
    found |= {" ".join(m.split()) for m in re.findall(r"\bcjg (?:[a-z]+)(?: stale)?", text)}
    return found


def test_automation_calls_only_documented_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used: set[str] = set()
    for path in [*WORKFLOWS, ROOT / ".pre-commit-config.yaml"]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = yaml.safe_dump(data)
        used |= _commands(text)
    assert {"scripts/build.sh", "scripts/test.sh", "cjg validate", "cjg codeowners", "cjg report stale"} <= used
    undocumented = sorted(command for command in used if command not in readme)
    assert undocumented == []


@pytest.mark.parametrize("path", [ROOT / ".github" / "pull_request_template.md"])
def test_pull_request_template_has_a_checklist(path: Path) -> None:
    assert path.read_text(encoding="utf-8").count("- [ ]") >= 3
