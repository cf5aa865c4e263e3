"""ruff and mypy, with the settings in pyproject.toml, report nothing."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "src", "tests", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_package() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
