"""The registries of generated pages and of output files: what they list is what the site holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import escape

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.render import urls
from cjgportaal.render.files.data_files import move_into
from cjgportaal.render.files.outputs import OUTPUTS, own_folders, published_files
from cjgportaal.render.files.schema import json_schemas
from cjgportaal.render.pages.maker import Renderer, RenderOptions
from cjgportaal.render.pages.registry import PAGES, generated_pages

from .conftest import ROOT


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def test_every_output_is_in_the_built_site(default_site: Path) -> None:
    built = _files(default_site)
    for output in OUTPUTS:
        assert output.path in built or any(name.startswith(output.path + "/") for name in built), output.path
    for path, what in published_files():
        assert path in built and what


def test_every_data_file_belongs_to_an_output(default_site: Path) -> None:
    """Everything the site holds besides pages, the theme's files and MkDocs' own comes from OUTPUTS."""
    theirs = ("assets/", "404.html", "sitemap.xml", "_headers", "search/", "jongeren/img/")
    data = {name for name in _files(default_site)
            if not name.endswith("index.html") and not name.startswith(theirs)}
    for name in data:
        assert any(name == o.path or name.startswith(o.path + "/") for o in OUTPUTS), name


def test_the_open_data_page_lists_what_the_outputs_publish(default_site: Path) -> None:
    page = (default_site / "over/open-data/index.html").read_text(encoding="utf-8")
    for path, what in published_files():
        assert f'href="../../{path}"' in page and str(escape(what)) in page  # as the template escapes it


def test_own_folders_are_replaced_whole_and_other_folders_merged(tmp_path: Path) -> None:
    new, site = tmp_path / "new", tmp_path / "site"
    for base, names in ((new, [f"{urls.CALENDAR_DIR}/a.ics", f"{urls.HSDS_DIR}/services.json", urls.CHANGES_FEED]),
                        (site, [f"{urls.CALENDAR_DIR}/old.ics", f"{urls.HSDS_DIR}/old.json",
                                f"{urls.OPEN_DATA_DIR}/index.html"])):
        for name in names:
            (base / name).parent.mkdir(parents=True, exist_ok=True)
            (base / name).write_text(name, encoding="utf-8")
    assert {urls.CALENDAR_DIR, urls.HSDS_DIR} <= own_folders() and urls.OPEN_DATA_DIR not in own_folders()
    move_into(new, site)
    assert _files(site) == {f"{urls.CALENDAR_DIR}/a.ics", f"{urls.HSDS_DIR}/services.json", urls.CHANGES_FEED,
                            f"{urls.OPEN_DATA_DIR}/index.html"}


def test_every_registered_kind_of_page_makes_pages_of_its_own() -> None:
    catalog, problems = load_catalog(DataFolders(ROOT), date(2026, 11, 22))
    assert catalog is not None, problems
    renderer = Renderer(catalog, RenderOptions(), json_schemas(DataFolders(ROOT))["aanbod.schema.json"])
    made = [page.src_uri for build in PAGES for page in build(renderer)]
    for build in PAGES:
        assert build(renderer), f"{build.__name__} makes no page for the sample site"
    assert len(made) == len(set(made)) == len(generated_pages(renderer))
