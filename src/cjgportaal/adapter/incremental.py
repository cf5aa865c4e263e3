"""`mkdocs serve --dirty`: rebuild only the pages that an edit changes.

Each generated page has a fingerprint of the data it shows; a page is rendered again only when
its fingerprint changed. Hand-written pages have a fingerprint of the data they show too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ..render.news import NewsPost
from ..render.pages.maker import GeneratedPage, Renderer
from ..render.references import mentioned_ids, mentions
from .mkdocs_pages import GeneratedFile, page_meta


def _shown_data(file: File, renderer: Renderer, posts: Sequence[NewsPost]) -> str:
    """A fingerprint of the data a hand-written page shows. Every page shows the lists (the youth
    pages' helplines, the loket); the home page shows the partners (JSON-LD) and the latest news;
    pages with front matter `aanbod:` the offerings that match it; links to data by id
    (`render.references`) depend only on whether those ids exist."""
    assert file.abs_src_path is not None
    body, meta = get_data(Path(file.abs_src_path).read_text(encoding="utf-8"))
    catalog = renderer.catalog
    parts = [catalog.fingerprint(())]
    if file.src_uri == "index.md":
        parts.append(catalog.fingerprint(("partner", i) for i in catalog.partners))
        parts += (f"{post.src_uri}:{post.date}:{post.title}" for post in posts)
    if "aanbod" in meta:
        parts.append(renderer.matching_fingerprint(file.src_uri, meta["aanbod"]))
    if mentions(body):  # helplines come from the lists, above
        known: dict[str, Collection[str]] = {"aanbod": catalog.offerings.keys(), "partner": catalog.partners.keys()}
        parts += sorted(f"{scheme}:{i}:{i in known[scheme]}" for scheme, i in mentioned_ids(body) if scheme in known)
    return "|".join(parts)


class Incremental:
    """What a --dirty build knows of the build before it (kept by `mkdocs serve` from build to build)."""

    def __init__(self) -> None:
        self.dirty = False
        self._shown: dict[str, str] = {}  # this build's fingerprints of the hand-written pages
        self._built: dict[str, str] = {}  # fingerprints of the pages in site_dir, generated and hand-written

    def forget(self) -> None:
        """Nothing in site_dir can be trusted (a full build, or a build that failed)."""
        self._built = {}

    def mark_changed(self, added: dict[str, GeneratedFile], pages: dict[str, GeneratedPage], files: Files,
                     renderer: Renderer, posts: Sequence[NewsPost]) -> None:
        """Mark the generated files whose page changed, and drop the output of the hand-written pages
        whose data did: a --dirty build rebuilds a hand-written page only when its file is newer than
        its output."""
        self._shown = {}
        for src_uri, file in added.items():
            file.changed = not self.dirty or self._built.get(src_uri) != pages[src_uri].fingerprint
        if not self.dirty:
            return
        for written in files.documentation_pages():
            if written.abs_src_path is not None and written.src_uri not in pages:
                self._shown[written.src_uri] = _shown_data(written, renderer, posts)
                if self._built.get(written.src_uri) != self._shown[written.src_uri]:
                    Path(written.abs_dest_path).unlink(missing_ok=True)

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

    def remember(self, pages: dict[str, GeneratedPage]) -> None:
        """After a build: what site_dir now holds."""
        if self.dirty:
            self._built = {src_uri: page.fingerprint for src_uri, page in pages.items()} | self._shown
