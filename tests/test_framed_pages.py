"""Generated pages outside the menu are written around a frame of the theme (adapter/framed_pages.py):
the site must be the same, page for page, as when MkDocs renders every page itself
(`page_frames: false`), also with titles that need escaping and without directory URLs."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File

from cjgportaal.adapter import sitemap
from cjgportaal.render import urls

from .conftest import OFFERING, PARTNER, copy_project, edit, mkdocs_build

# Files that differ between two builds for reasons of their own (the search index's chunk names).
_DATA_FOLDERS = ("pagefind",)


def _site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and path.relative_to(site).parts[0] not in _DATA_FOLDERS}


def _sitemap_entries(text: str) -> Counter[str]:
    return Counter(re.sub(r"\s+", "", entry) for entry in re.findall(r"<url>.*?</url>", text, re.S))


def _search_entries(text: str) -> tuple[object, Counter[str]]:
    index = json.loads(text)
    return index["config"], Counter(json.dumps(doc, sort_keys=True) for doc in index["docs"])


@pytest.mark.parametrize("directory_urls", [True, False])
def test_framed_pages_equal_pages_rendered_by_mkdocs(tmp_path: Path, directory_urls: bool) -> None:
    project = copy_project(tmp_path / "project")
    edit(project, OFFERING, "titel: Peuter in zicht", 'titel: "Peuter & ouder <samen> in zicht"')
    edit(project, PARTNER, "naam: GGD Flevoland – Jeugdgezondheidszorg", 'naam: "GGD Flevoland & <Jeugd>"')
    if not directory_urls:
        (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                                            + "use_directory_urls: false\n", encoding="utf-8")
    framed = mkdocs_build(project, tmp_path / "framed")
    assert framed.returncode == 0, framed.stderr
    edit(project, "mkdocs.yml", "  - cjg:\n", "  - cjg:\n      page_frames: false\n")
    reference = mkdocs_build(project, tmp_path / "reference")
    assert reference.returncode == 0, reference.stderr

    ours, theirs = _site_files(tmp_path / "framed"), _site_files(tmp_path / "reference")
    assert ours.keys() == theirs.keys()
    pages = [name for name in ours if name.endswith(".html")]
    assert len(pages) > 100
    offering = "aanbod/peuter-in-zicht/index.html" if directory_urls else "aanbod/peuter-in-zicht.html"
    assert "Peuter &amp; ouder &lt;samen&gt; in zicht" in ours[offering].decode()
    unordered = {"sitemap.xml": _sitemap_entries, "search/search_index.json": _search_entries}
    different = [name for name in ours if ours[name] != theirs[name] and name not in unordered
                 and not name.endswith(".gz")]
    assert different == []
    for name, entries in unordered.items():
        assert entries(ours[name].decode()) == entries(theirs[name].decode()), name


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_generated_page_goes_where_mkdocs_would_write_it(directory_urls: bool) -> None:
    for src_uri in ("index.md", "aanbod/index.md", "aanbod/peuter-in-zicht.md", "aanbod/pagina-2.md", "a/b/c.md"):
        assert urls.page_file(src_uri, directory_urls) == File(src_uri, None, "/site", directory_urls).dest_uri


def test_a_hand_written_page_in_place_of_a_generated_one_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content/aanbod").mkdir()
    (project / "content/aanbod/peuter-in-zicht.md").write_text("# Eigen pagina\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "aanbod/peuter-in-zicht.md bestaat al, maar de generator maakt die pagina zelf" in result.stderr


def test_past_the_addresses_one_sitemap_may_hold_the_sitemap_becomes_an_index(
        tmp_path: Path, default_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitemap, "MAX_URLS", 50)  # as if the site had 50,000 addresses and more
    project = copy_project(tmp_path / "project")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    index = (tmp_path / "site/sitemap.xml").read_text(encoding="utf-8")
    parts = re.findall(r"<sitemap><loc>https://cjg\.voorbeeld\.nl/(sitemap-\d+\.xml)</loc>", index)
    assert index.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex') and "<url>" not in index
    texts = [(tmp_path / "site" / part).read_text(encoding="utf-8") for part in parts]
    for text in [index, *texts]:
        ElementTree.fromstring(text.encode())  # well-formed XML
    locations = [re.findall(r"<loc>([^<]+)</loc>", text) for text in texts]
    everything = re.findall(r"<loc>([^<]+)</loc>", (default_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(everything) > 100 and len(parts) == -(-len(everything) // 50)
    assert all(len(part) <= 50 for part in locations)
    assert sorted(loc for part in locations for loc in part) == sorted(everything)
