"""Shared helpers: copies of the sample project and real MkDocs builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# 2026-11-22 12:00 UTC: a fixed build date, so "upcoming" and "stale" do not depend on today.
BUILD_EPOCH = "1795348800"
PROJECT_PARTS = ("mkdocs.yml", "content", "theme", "data", "partners", "offerings", "schemas")


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """Copy the parts of a site project that a build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part)
        elif src.exists():
            shutil.copy2(src, target / part)
    return target


OFFERING = "offerings/peuter-in-zicht.yml"
PARTNER = "partners/ggd-flevoland.yml"


def copy_lists(target: Path) -> None:
    """Copy the sample's lists, without the youth workers and referral routes (they refer to partners a
    test may lack)."""
    shutil.copytree(ROOT / "data", target / "data", ignore=shutil.ignore_patterns("jongerenwerkers.yml", "verwijswijzer.yml"))


def empty_project(target: Path) -> Path:
    """A project with the sample's lists and configuration but no partners or offerings."""
    copy_lists(target)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "partners").mkdir()
    (target / "offerings").mkdir()
    return target


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    """A project with the real lists, one partner and one offering from the sample data."""
    copy_lists(tmp_path)
    for name in (OFFERING, PARTNER):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace text in a file; return the line number where the new text starts."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def build_env() -> dict[str, str]:
    """Environment for a reproducible build."""
    return {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path, strict: bool = True,
                 engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build` (or `properdocs build`, the fork) of `project` into `site_dir`."""
    command = [sys.executable, "-m", engine, "build", "-f", str(project / "mkdocs.yml"),
               "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, env=build_env(), timeout=600)


def cjg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the real `cjg` command."""
    return subprocess.run([sys.executable, "-m", "cjgportaal.tools.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=build_env(), timeout=300)


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default site, built once per test session."""
    site = tmp_path_factory.mktemp("default") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (one per test worker)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def base_url(default_site: Path) -> Iterator[str]:
    """The default site served on 127.0.0.1."""
    with serve(default_site) as url:
        yield url


# The HTML checkers (the Nu HTML Checker on Java, html-validate on Node) take as long as a browser; the
# benchmark measures the kaart in Chromium.
BROWSER_MODULES = {"test_html_validity.py", "test_html_validate.py", "test_bench.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that need Chromium (or the HTML checker) as `browser`, so that
    `pytest -m "not browser"` runs the fast part."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) or item.path.name in BROWSER_MODULES:
            item.add_marker(pytest.mark.browser)
