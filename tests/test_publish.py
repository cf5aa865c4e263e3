"""Atomic publishing: a failed build leaves the last good site byte for byte."""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import pytest

from cjgportaal.adapter.site_removal import remove_later

from .conftest import copy_project, edit, mkdocs_build


def _snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _beside(site: Path) -> list[str]:
    """The names in the site's folder once the previous site's removal, a process of its own that
    may outlive the build, has finished (or after a minute)."""
    deadline = time.monotonic() + 60
    while any(p.name.startswith(f"{site.name}.cjg-oud") for p in site.parent.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return sorted(p.name for p in site.parent.iterdir())


def test_a_failed_build_leaves_the_published_site_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = _snapshot(site)
    # Bad data: refused before anything is written.
    edit(project, "offerings/peuter-in-zicht.yml", "gecontroleerd:", "gecontroleerd: 9999-12-31\nx_oud:")
    bad_data = mkdocs_build(project, site)
    assert bad_data.returncode != 0 and "ligt buiten 1970–2100" in bad_data.stderr
    assert _snapshot(site) == before
    # Good data, but a strict-mode warning (a link to a page that does not exist): MkDocs has written
    # the whole site by then.
    edit(project, "offerings/peuter-in-zicht.yml", "gecontroleerd: 9999-12-31\nx_oud:", "gecontroleerd:")
    edit(project, "content/over/index.md", "\n", "\n[Kapot](bestaat-niet.md)\n")
    warned = mkdocs_build(project, site)
    assert warned.returncode != 0 and "bestaat-niet.md" in warned.stderr
    assert _snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no folder left beside it


def test_a_good_build_replaces_the_whole_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    (site / "oud" / "diep").mkdir(parents=True)
    (site / "oud" / "weg.html").write_text("oud", encoding="utf-8")
    (site / "oud" / "diep" / "index.html").write_text("oud", encoding="utf-8")
    (site / "los.html").write_text("oud", encoding="utf-8")
    elsewhere = tmp_path / "elders"
    (elsewhere / "blijft").mkdir(parents=True)
    (site / "oud" / "koppeling").symlink_to(elsewhere, target_is_directory=True)
    (site / "koppeling").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "site.cjg-oud-1" / "half").mkdir(parents=True)  # a removal that was stopped
    assert mkdocs_build(project, site).returncode == 0
    assert not (site / "oud").exists() and not (site / "los.html").exists() and (site / "index.html").is_file()
    assert _beside(site) == ["elders", "project", "site"]
    assert (elsewhere / "blijft").is_dir()  # the old site is deleted without following its links


def test_without_a_process_to_start_the_old_sites_go_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / "elders"
    (kept / "blijft").mkdir(parents=True)
    old = tmp_path / "site.cjg-oud-1"
    (old / "aanbod" / "x").mkdir(parents=True)
    (old / "aanbod" / "x" / "index.html").write_text("oud")
    (old / "naar-elders").symlink_to(kept)
    linked = tmp_path / "site.cjg-oud-2"
    linked.symlink_to(kept)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "geen-python"))  # Popen raises FileNotFoundError
    remove_later([old, linked])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elders"]
    assert (kept / "blijft").is_dir()  # links were removed, not followed
