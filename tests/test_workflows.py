"""The GitHub workflows are safe (zizmor), and partner text cannot act as a workflow command in CI logs.

The runner reads every line a step prints and runs the workflow commands in it (`::add-mask::…`,
`::error file=…::…`, and the legacy `##[command]…` anywhere in a line), unless they come between
`::stop-commands::<token>` and `::<token>::`. `runner_commands` below does what the runner does
(actions/runner, ActionCommand.TryParseV2/TryParse and ActionCommandManager.TryProcessCommand), so the
tests can see which commands a real log would run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from cjgportaal.load.problems import escape_data, escape_property

from .conftest import OFFERING, ROOT, cjg, copy_project

WORKFLOWS = ROOT / ".github" / "workflows"
# The commands the runner knows (its command extensions, plus stop-commands).
REGISTERED = {"stop-commands", "add-mask", "add-path", "set-env", "set-output", "save-state", "add-matcher",
              "remove-matcher", "warning", "error", "notice", "debug", "group", "endgroup", "echo"}


@dataclass
class Command:
    """One workflow command as the runner understands it."""

    name: str
    properties: dict[str, str] = field(default_factory=dict)
    data: str = ""


def _unescape(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for token, replacement in pairs:
        text = text.replace(replacement, token)
    return text


_DATA = (("\r", "%0D"), ("\n", "%0A"), ("%", "%25"))
_PROPERTY = (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25"))
_LEGACY = ((";", "%3B"), ("\r", "%0D"), ("\n", "%0A"), ("]", "%5D"), ("%", "%25"))


def _parse(line: str, registered: set[str]) -> Command | None:
    message = line.lstrip()
    if message.startswith("::") and (end := message.find("::", 2)) >= 0:
        info = message[2:end]
        name, _, props = info.partition(" ")
        if name.lower() in registered:
            properties = {}
            for pair in (p for p in props.strip().split(",") if p):
                key, _, value = pair.partition("=")
                if key and value:
                    properties[key] = _unescape(value, _PROPERTY)
            return Command(name.lower(), properties, _unescape(message[end + 2:], _DATA))
    start = line.find("##[")
    if start >= 0 and (end := line.find("]", start)) >= 0:
        name, _, props = line[start + 3:end].partition(" ")
        if name.lower() in registered:
            properties = {}
            for pair in (p for p in props.split(";") if p):
                key, _, value = pair.partition("=")
                if key and value:
                    properties[key] = _unescape(value, _LEGACY)
            return Command(name.lower(), properties, _unescape(line[end + 1:], _LEGACY))
    return None


def runner_commands(log: str) -> list[Command]:
    """The workflow commands a GitHub runner would run for this output, stop and resume left out."""
    registered = set(REGISTERED)
    stop_token: str | None = None
    commands = []
    for line in re.split(r"\r\n|\r|\n", log):  # as .NET's StreamReader.ReadLine splits lines
        command = _parse(line, registered)
        if command is None:
            continue
        if stop_token is not None:
            if command.name == stop_token:
                registered.discard(stop_token)
                stop_token = None
        elif command.name == "stop-commands":
            stop_token = command.data.lower()
            registered.add(stop_token)
        else:
            commands.append(command)
    return commands


def test_the_runner_model_sees_hostile_commands() -> None:
    """Without protection, the model finds the commands; otherwise the other tests prove nothing."""
    log = "tekst\n  ::add-mask::geheim\nwoord ##[error]nep\n::stop-commands::abc\n::add-mask::x\n::abc::\n::debug::d"
    assert [(c.name, c.data) for c in runner_commands(log)] == [
        ("add-mask", "geheim"), ("error", "nep"), ("debug", "d")]


def test_escapes_are_those_of_the_toolkit() -> None:
    assert escape_data("100%\r\n::add-mask::x") == "100%25%0D%0A::add-mask::x"
    assert escape_property("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A"


# -- zizmor ------------------------------------------------------------------------------------------

def _zizmor() -> str:
    tool = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert tool, "zizmor is part of the test extras"
    return tool


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([_zizmor(), "--offline", "--format", "plain", str(ROOT / ".github")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def _workflows() -> dict[str, dict[str, object]]:
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(WORKFLOWS.glob("*.yml"))}


def _steps(workflow: dict[str, object]) -> list[dict[str, str]]:
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    return [step for job in jobs.values() for step in job["steps"]]


def test_no_finding_is_silenced() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        assert "zizmor:" not in path.read_text(encoding="utf-8"), f"{path.name} silences zizmor"


def test_actions_are_pinned_by_commit_with_their_version() -> None:
    uses = [line.strip() for path in WORKFLOWS.glob("*.yml")
            for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    for line in uses:
        assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_permissions_are_granted_per_job() -> None:
    for name, workflow in _workflows().items():
        assert workflow["permissions"] == {}, name
        jobs = workflow["jobs"]
        assert isinstance(jobs, dict)
        for job_name, job in jobs.items():
            assert "permissions" in job, f"{name}: job {job_name} has no permissions of its own"


def test_no_expressions_in_shell_scripts() -> None:
    for name, workflow in _workflows().items():
        for step in _steps(workflow):
            assert "${{" not in step.get("run", ""), f"{name}: {step.get('name')}"


# -- partner text in the log ---------------------------------------------------------------------------

MASK = "::add-mask::geheim"
MULTILINE = "kursus\n::add-mask::geheim2\r::error file=nep.yml,line=1::nep 100%"
FIELD = "::warning file=nep.yml,line=2::veld"
ODD_FILE = "offerings/komma,dubbele:punt.yml"


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """A project whose partner text is made of workflow commands: a title with `::add-mask::`, a value
    with a newline, a carriage return and `%`, a field name and a file name with `:` and `,`."""
    project = copy_project(tmp_path / "p")
    original = project / OFFERING
    text = original.read_text(encoding="utf-8").replace("titel: Peuter in zicht", f'titel: "Peuter in zicht {MASK}"')
    original.write_text(text, encoding="utf-8")
    # The same title again: the duplicate warning quotes the first one's title.
    (project / "offerings/peuter-kopie.yml").write_text(
        text.replace("id: peuter-in-zicht", "id: peuter-kopie"), encoding="utf-8")
    broken = text.replace("id: peuter-in-zicht", "id: peuter-kapot")
    broken = broken.replace("soort: cursus", "soort: " + yaml.safe_dump(MULTILINE, default_style='"').strip())
    broken = broken.replace("doelgroepen: [ouders]", f'doelgroepen: [ouders]\n"{FIELD}": 1')
    (project / "offerings/peuter-kapot.yml").write_text(broken, encoding="utf-8")
    (project / ODD_FILE).write_text("id: x\ntitel: y\n", encoding="utf-8")
    return project


def test_validate_for_github_runs_only_its_own_annotations(hostile: Path) -> None:
    result = cjg("--config", str(hostile / "mkdocs.yml"), "validate", "--formaat", "github")
    assert result.returncode == 1, result.stdout + result.stderr
    assert MASK in result.stdout and "geheim2" in result.stdout  # the report shows the text as it is
    commands = runner_commands(result.stdout) + runner_commands(result.stderr)
    assert commands and {c.name for c in commands} == {"error", "warning"}, [c.name for c in commands]
    files = {c.properties.get("file") for c in commands}
    assert files == {"offerings/peuter-kopie.yml", "offerings/peuter-kapot.yml", ODD_FILE}
    assert all(set(c.properties) == {"file", "line", "title"} for c in commands)
    assert any(f"'Peuter in zicht {MASK}'" in c.data for c in commands if c.name == "warning")
    assert any(f"'{MULTILINE}'" in c.data for c in commands)
    assert any(c.properties["title"] == f"veld {FIELD}" for c in commands)


def test_validate_for_github_prints_no_other_command_lines(hostile: Path) -> None:
    result = cjg("--config", str(hostile / "mkdocs.yml"), "validate", "--formaat", "github")
    lines = re.split(r"\r\n|\r|\n", result.stdout)
    starts = [i for i, line in enumerate(lines) if line.startswith("::stop-commands::")]
    assert len(starts) == 1, result.stdout
    start = starts[0]
    token = lines[start].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token)
    assert lines.count(f"::{token}::") == 1 and lines[-2:] == [f"::{token}::", ""]
    annotation = re.compile(r"::(error|warning) file=[^,:\r\n]+,line=\d+,title=[^,:\r\n]+::[^\r\n]*")
    assert start > 0 and all(annotation.fullmatch(line) for line in lines[:start]), lines[:start]
    # Inside the report, partner text may start lines with "::" (the runner ignores them there), but
    # nothing except the resume line may match the token.
    assert [line for line in lines[start + 1:] if token in line] == [f"::{token}::"]
    assert "%0A" in result.stdout and "%0D" in result.stdout and "%25" in result.stdout
    assert "%3A%3Awarning file=nep.yml%2Cline=2%3A%3Aveld" in result.stdout
    assert "file=offerings/komma%2Cdubbele%3Apunt.yml," in result.stdout


def test_two_runs_use_different_tokens(hostile: Path) -> None:
    outputs = [cjg("--config", str(hostile / "mkdocs.yml"), "validate", "--formaat", "github").stdout
               for _ in range(2)]
    tokens = {token for output in outputs for token in re.findall(r"^::stop-commands::(\w+)$", output, re.M)}
    assert len(tokens) == 2


def _step(workflow: str, name: str) -> str:
    steps = _steps(_workflows()[workflow])
    return next(step["run"] for step in steps if step.get("name") == name)


def test_workflow_steps_with_partner_text_stop_commands(hostile: Path) -> None:
    """The CODEOWNERS step prints the loader's report on this project; run as the workflow runs it."""
    (hostile / ".venv").symlink_to(ROOT / ".venv")
    bare = subprocess.run([".venv/bin/cjg", "codeowners", "--controleer"], cwd=hostile, capture_output=True,
                          text=True, timeout=300)
    assert any(c.name == "add-mask" for c in runner_commands(bare.stdout + bare.stderr)), "not hostile enough"
    script = _step("pull-request.yml", "CODEOWNERS bijgewerkt")
    result = subprocess.run(["bash", "-e", "-c", script], cwd=hostile, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=300)
    assert result.returncode == 1
    assert "geheim2" in result.stdout
    assert runner_commands(result.stdout) == []


def test_every_step_that_prints_partner_text_is_protected() -> None:
    printing = ("scripts/build.sh", "scripts/test.sh", ".ci/run", "cjg codeowners", "cjg report")
    checked = 0
    for name, workflow in _workflows().items():
        for step in _steps(workflow):
            script = step.get("run", "")
            if any(command in script for command in printing):
                checked += 1
                head = script.splitlines()[:3]
                assert head == ['token="$(openssl rand -hex 16)"', 'echo "::stop-commands::${token}"',
                                """trap 'printf "\\n::%s::\\n" "${token}"' EXIT"""], f"{name}: {step.get('name')}"
    assert checked >= 6
