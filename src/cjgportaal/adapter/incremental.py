"""`mkdocs serve --dirty`: rebuild only the pages that an edit changes.

Each generated page has a fingerprint of the data it shows; a page is rendered again only when
its fingerprint changed. Hand-written pages that show data are rebuilt when the data changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ..catalog.catalog import Catalog
from ..render.news import NewsPost
from ..render.pages.maker import GeneratedPage
from ..render.references import mentions
from .mkdocs_pages import GeneratedFile, page_meta


def _data_fingerprints(catalog: Catalog, posts: Sequence[NewsPost]) -> tuple[str, str]:
    """Fingerprints of the lists (with the loket and build date) and of all data, the news included
    (the home page lists the latest posts)."""
    news = "|".join(f"{post.src_uri}:{post.date}:{post.title}" for post in posts)
    return catalog.fingerprint(()), catalog.fingerprint() + news


def _drop_pages_showing_data(files: Files, lists_changed: bool) -> None:
    """A --dirty build rebuilds a hand-written page only when its file changed, but some show data
    too: the home page (JSON-LD with the partners), pages that list matching offerings (front matter
    `aanbod:`) or link to data by id (`render.references`) and, when the lists change, every page (the
    youth pages' helplines). Removing their output has MkDocs build them again."""
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        body, meta = get_data(Path(file.abs_src_path).read_text(encoding="utf-8"))
        if lists_changed or file.src_uri == "index.md" or "aanbod" in meta or mentions(body):
            Path(file.abs_dest_path).unlink(missing_ok=True)


class Incremental:
    """What a --dirty build knows of the build before it (kept by `mkdocs serve` from build to build)."""

    def __init__(self) -> None:
        self.dirty = False
        self._built: dict[str, str] = {}  # fingerprints of the generated pages in site_dir
        self._built_data = ("", "")  # and of the lists and of all data they were built from

    def forget(self) -> None:
        """Nothing in site_dir can be trusted (a full build, or a build that failed)."""
        self._built, self._built_data = {}, ("", "")

    def mark_changed(self, added: dict[str, GeneratedFile], pages: dict[str, GeneratedPage], files: Files,
                     catalog: Catalog, posts: Sequence[NewsPost]) -> None:
        """Mark the generated files whose page changed, and drop the hand-written pages whose data did."""
        for src_uri, file in added.items():
            file.changed = not self.dirty or self._built.get(src_uri) != pages[src_uri].fingerprint
        if self.dirty and (data := _data_fingerprints(catalog, posts)) != self._built_data:
            _drop_pages_showing_data(files, lists_changed=data[0] != self._built_data[0])

    def read_menu_titles(self, nav_pages: list[Page], pages: dict[str, GeneratedPage], config: MkDocsConfig) -> None:
        """The menu's titles before MkDocs reads the pages: the framed pages are written first, and a
        --dirty build reads only the pages that changed; the menu (and the previous and next links)
        would say 'None' for the others. Read just their source, for the title."""
        for page in nav_pages:
            if page.markdown is None:
                page.read_source(config)
                generated = pages.get(page.file.src_uri)
                if generated is not None:
                    page.meta = page_meta(generated)

    def remember(self, pages: dict[str, GeneratedPage], catalog: Catalog, posts: Sequence[NewsPost]) -> None:
        """After a build: what site_dir now holds."""
        if self.dirty:
            self._built = {src_uri: page.fingerprint for src_uri, page in pages.items()}
            self._built_data = _data_fingerprints(catalog, posts)
