"""The build's shortcuts give the same site: the navigation rendered once per folder, the site search
fed a heading for offering pages, and the data files written by a second process."""

from __future__ import annotations

import gc
import pickle
import posixpath
import re
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.settings import SiteSettings
from cjgportaal.catalog.site_info import SiteInfo
from cjgportaal.load import yaml_files
from cjgportaal.load.yaml_files import ParseCache
from cjgportaal.render import urls
from cjgportaal.render.files import form_data
from cjgportaal.render.files.data_files import DataFilesError, DataFilesWriter, write_data_files
from cjgportaal.render.files.outputs import DataFilesJob
from cjgportaal.render.news import NewsPost

from .conftest import BUILD_EPOCH, copy_project, edit, mkdocs_build

SPLIT = SiteSettings().kaart_split_above


def _menus(html: str) -> str:
    """The primary navigation and the tabs of a built page."""
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S)
    start = html.index('<nav class="md-nav md-nav--primary')
    assert tabs is not None
    return tabs[0] + html[start:html.index('data-md-type="toc"', start)]


def _resolves(site: Path, page: str, href: str) -> bool:
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return (site / target).is_file() or (site / target / "index.html").is_file()


@pytest.mark.parametrize("page", ["aanbod/peuter-in-zicht/index.html", "organisaties/mdf/index.html",
                                  "themas/opvoeden/index.html", "index.html"])
def test_every_menu_link_works_on_pages_that_share_the_menu(default_site: Path, page: str) -> None:
    html = (default_site / page).read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"#?]+)"', _menus(html))
    assert len(hrefs) > 20
    assert [h for h in hrefs if not _resolves(default_site, page, h)] == []


def test_pages_in_the_menu_keep_their_own_active_item(default_site: Path) -> None:
    contact = _menus((default_site / "ouders/contact/index.html").read_text(encoding="utf-8"))
    offering = _menus((default_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8"))
    assert "md-nav__link--active" in contact
    assert "md-nav__link--active" not in offering
    # Two offering pages share one rendering; a partner page in another folder has its own links.
    other = next(p for p in (default_site / "aanbod").iterdir() if p.name != "peuter-in-zicht" and p.is_dir())
    assert _menus((other / "index.html").read_text(encoding="utf-8")) == offering


def test_offering_pages_keep_their_full_text_though_the_search_sees_a_heading(default_site: Path) -> None:
    html = (default_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    assert "Laatst gecontroleerd" in html and "data-search-exclude" not in html


def test_data_files_arrive_and_leave_no_scratch_folder(default_site: Path) -> None:
    for path in ("pagefind/pagefind.js", "kalender/agenda.ics", "open-data/hsds/services.json",
                 "sociale-kaart/aanbod.csv", "nieuws/atom.xml", "schemas/aanbod.schema.json"):
        assert (default_site / path).is_file(), path
    assert not any(p.name.startswith(".cjg") for p in default_site.iterdir())


def test_a_failing_data_process_says_why(mini: Path, tmp_path: Path) -> None:
    catalog, _ = load_catalog(DataFolders(mini), date(2026, 11, 22))
    assert catalog is not None
    site = SiteInfo(name="X", url="", description="", email=None, telephone=None, opening_hours=(),
                    license="CC0-1.0")
    undated = NewsPost("nieuws/zonder-datum.md", "Zonder datum", "", "geen datum")  # type: ignore[arg-type]
    writer = DataFilesWriter(DataFilesJob(catalog, (undated,), DataFolders(mini), site, True, tmp_path / "uit", SPLIT))
    with pytest.raises(DataFilesError, match=r"(Type|Attribute)Error"):
        writer.wait()


def test_the_two_processes_share_the_data_files_and_write_them_all(mini: Path, tmp_path: Path) -> None:
    catalog, _ = load_catalog(DataFolders(mini), date(2026, 11, 22))
    assert catalog is not None
    site = SiteInfo(name="X", url="https://x.example/", license="CC0-1.0")
    writer = DataFilesWriter(DataFilesJob(catalog, (), DataFolders(mini), site, True, tmp_path / "samen", SPLIT))
    writer.share()  # this process takes what the second has not begun, from the end of the list
    writer.wait()
    write_data_files(DataFilesJob(catalog, (), DataFolders(mini), site, True, tmp_path / "alleen", SPLIT))

    def files(folder: Path) -> dict[str, bytes]:  # Pagefind's chunk names differ from run to run
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
                if p.is_file() and "pagefind" not in p.parts}

    together, alone = files(tmp_path / "samen"), files(tmp_path / "alleen")
    assert len(alone) > 10 and together == alone
    assert (tmp_path / "samen/pagefind/pagefind.js").is_file()


def test_the_form_files_reuse_the_parsed_files_which_stay_in_this_process(mini: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = ParseCache()
    catalog, _ = load_catalog(DataFolders(mini), date(2026, 11, 22), parsed)
    assert catalog is not None
    site = SiteInfo(name="X", url="https://x.example/", license="CC0-1.0")
    job = DataFilesJob(catalog, (), DataFolders(mini), site, True, tmp_path, SPLIT, parsed)
    sent = pickle.dumps(job)
    assert b"ParseCache" not in sent and pickle.loads(sent).parsed is None
    from_text = form_data.form_data_files(replace(job, parsed=None))
    monkeypatch.setattr(yaml_files, "_parse", None)  # with the parsed files, nothing is parsed again
    assert from_text and form_data.form_data_files(job) == from_text


def test_the_second_process_leaves_what_reads_the_parse_to_the_first(mini: Path, tmp_path: Path) -> None:
    parsed = ParseCache()
    catalog, _ = load_catalog(DataFolders(mini), date(2026, 11, 22), parsed)
    assert catalog is not None
    site = SiteInfo(name="X", url="https://x.example/", license="CC0-1.0")
    alone, shared = tmp_path / "alone", tmp_path / "shared"
    writer = DataFilesWriter()
    writer.send(DataFilesJob(catalog, (), DataFolders(mini), site, True, alone, SPLIT, parsed))
    writer.wait()  # without this process's share
    assert (alone / "kalender").is_dir() and not (alone / urls.FORM_DATA_DIR).exists()
    writer = DataFilesWriter()
    writer.send(DataFilesJob(catalog, (), DataFolders(mini), site, True, shared, SPLIT, parsed))
    writer.share()  # as the first process does after the pages
    writer.wait()
    assert any((shared / urls.FORM_DATA_DIR).iterdir())


def test_a_build_with_bad_data_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "offerings/kapot.yml").write_text("id: kapot\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "kapot.yml" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_second_process_that_gets_no_job_ends_and_leaves_nothing(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the job and the claims would be
    writer = DataFilesWriter()  # started while the data loads, as a build does
    assert any(tmp_path.iterdir())
    start = time.monotonic()
    writer.wait()  # the data had errors: no job comes
    assert time.monotonic() - start < 30 and list(tmp_path.iterdir()) == []


def _serve_build(project: Path, site: Path, start: bool = False) -> MkDocsConfig:
    """One build as `mkdocs serve --dirty` runs it: the config loaded again, the plugin kept."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if start:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    return config


def test_serve_collects_garbage_after_a_rebuild_not_during_it(tmp_path: Path) -> None:
    project, site = copy_project(tmp_path / "p"), tmp_path / "site"
    started: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    def collected() -> bool:
        deadline = time.monotonic() + 30
        while 2 not in started and time.monotonic() < deadline:
            time.sleep(0.05)
        return 2 in started

    first = _serve_build(project, site, start=True)
    gc.callbacks.append(note)
    try:
        assert collected()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        started.clear()
        build(config, dirty=True)
        assert started == []  # a rebuild of the sample site allocates enough for dozens otherwise
        assert collected() and started == [2]  # one full collection, once the page could be served
    finally:
        gc.callbacks.remove(note)
        first.plugins.on_shutdown()
        gc.enable()


def test_serve_dirty_rebuilds_only_what_an_edit_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = copy_project(tmp_path / "p")
    site = tmp_path / "site"
    _serve_build(project, site, start=True)
    pages = {name: site / name / "index.html" for name in
             ("aanbod/peuter-in-zicht", "organisaties/ggd-flevoland", "aanbod/babymassage", "sociale-kaart",
              "professionals/aanbodmonitor", "ouders/peuter", "ouders/tiener", "", "over/privacy")}
    before = {name: path.stat().st_mtime_ns for name, path in pages.items()}
    edit(project, "offerings/peuter-in-zicht.yml", "titel: Peuter in zicht", "titel: Peuter in beeld")
    config = _serve_build(project, site)
    changed = {name for name, path in pages.items() if path.stat().st_mtime_ns != before[name]}
    # The offering, its partner's page and the hand-written page that lists it again; not another
    # offering, a page listing others, the home page, a page of text, nor the pages that show figures
    # of all data (the kaart's counts, the monitor), which a new title leaves as they were.
    assert changed == {"aanbod/peuter-in-zicht", "organisaties/ggd-flevoland", "ouders/peuter"}
    plugin = config.plugins["cjg"]
    plugin.data_files.wait()  # in serve --dirty the data files follow the pages
    # What the dirty build wrote is what a clean build writes, on every page.
    _same_as_a_clean_build(project, site, tmp_path / "clean")
    assert "Peuter in beeld" in (site / "sociale-kaart/aanbod.csv").read_text(encoding="utf-8")
    # Edits whose pages must be found too: a news post (the news index), a partner's name (its
    # offerings, the home page's JSON-LD), a list (the helplines on every youth page).
    edits = [("content/nieuws/2026-11-16-loket-open-op-donderdagavond.md", 'title: "Het loket', 'title: "Ons loket'),
             ("partners/ggd-flevoland.yml", "naam: GGD Flevoland", "naam: GGD Flevoland-Noord"),
             ("data/hulplijnen.yml", "naam: De Kindertelefoon", "naam: Kindertelefoon")]
    for number, (name, old, new) in enumerate(edits):
        edit(project, name, old, new)
        _serve_build(project, site).plugins["cjg"].data_files.wait()
        _same_as_a_clean_build(project, site, tmp_path / f"clean-{number}")


_PREVIEW = b"; script-src-elem 'self' 'unsafe-inline'"  # what the preview's CSP adds for MkDocs' live reload


def _same_as_a_clean_build(project: Path, site: Path, clean: Path) -> None:
    """Every page and `_headers` as a clean build makes them, but for the directive the preview's CSP
    adds on every page (test_preview)."""
    assert mkdocs_build(project, clean).returncode == 0
    pages = list(clean.rglob("*.html"))
    assert all(_PREVIEW in (site / path.relative_to(clean)).read_bytes() for path in pages if b"Content-Security" in path.read_bytes())
    assert not any(b"script-src-elem" in path.read_bytes() for path in pages)
    differ = [str(path.relative_to(clean)) for path in [*pages, clean / "_headers"]
              if (site / path.relative_to(clean)).read_bytes().replace(_PREVIEW, b"") != path.read_bytes()]
    assert differ == []
