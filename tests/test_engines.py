"""The second engine: ProperDocs, the maintained fork of MkDocs 1.x, builds the same sites.

It is the way out when MkDocs or Material stop working (docs/platform.md): the default site and
the Capelle fixture build strictly with it, and every file is the same as MkDocs makes it, apart
from the generator's name and the kaart's index (whose bytes vary from build to build anyway).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, mkdocs_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
            for path in sorted(site.rglob("*"))
            if path.is_file() and path.relative_to(site).parts[0] != "pagefind"}


def _same_site(reference: Path, other: Path) -> None:
    first, second = _files(reference), _files(other)
    assert sorted(second) == sorted(first)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} files differ, e.g. {differing[:5]}"


@pytest.fixture(scope="module")
def properdocs_default(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = mkdocs_build(ROOT, site, engine="properdocs")
    assert result.returncode == 0, result.stderr
    return site


def test_properdocs_builds_the_default_site_strictly_and_the_same(default_site: Path,
                                                                 properdocs_default: Path) -> None:
    _same_site(default_site, properdocs_default)
    assert (properdocs_default / "pagefind" / "pagefind.js").is_file()
    assert b"ProperDocs 1.6" in (properdocs_default / "index.html").read_bytes()  # built by it, not by MkDocs


def test_properdocs_builds_the_second_municipality_the_same(tmp_path: Path) -> None:
    project = FIXTURES / "capelle"
    for engine in ("mkdocs", "properdocs"):
        result = mkdocs_build(project, tmp_path / engine, engine=engine)
        assert result.returncode == 0, result.stderr
    _same_site(tmp_path / "mkdocs", tmp_path / "properdocs")


def test_the_comparison_sees_a_difference(tmp_path: Path, default_site: Path) -> None:
    copy = tmp_path / "site"
    for name, data in _files(default_site).items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes(data)
    (copy / "index.html").write_bytes(b"<p>anders</p>")
    with pytest.raises(AssertionError, match="1 files differ"):
        _same_site(default_site, copy)
