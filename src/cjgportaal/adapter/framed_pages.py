"""Generated pages outside the menu, written around a frame of the theme instead of one by one
through MkDocs' page pipeline.

MkDocs renders every page on its own: its Markdown, Material's templates (header, menu, footer) and
the site search's parse of its HTML. Around their own content, the generated pages outside the menu
of one folder are the same page: no menu item is active on them, their links to the rest of the site
depend only on their folder. So the theme's template is rendered once per folder, for a placeholder
page, and each page is that frame with its title, description, address and content put in.

They stay files MkDocs knows, so that links to them (`../aanbod/x.md`) resolve, but not as
documentation pages; they are written as soon as the menu is known (on_nav), with a Jinja
environment of the theme made then, like the one MkDocs hands its page events later. What
MkDocs' page events would add, the site search entry, the JSON-LD and the CSP meta tag, is added
here; other plugins' page events do not see these pages (the plugin option `page_frames: false`
sends every page through MkDocs, for a site that needs them to).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import urljoin

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..render import urls
from ..render.jsonld import StructuredData
from ..render.pages.maker import GeneratedPage
from ..render.security import inline_script_hashes
from . import json_ld
from .csp import ScriptHashes, refuse_scripts
from .mkdocs_pages import GeneratedFile, page_meta

# The placeholders of a frame: words no page holds.
_TOKEN = "cjgframe7d0e"
_SLUG, _TITLE, _DESCRIPTION, _CONTENT = (f"{_TOKEN}{name}" for name in ("slug", "title", "description", "content"))
_PLACEHOLDER = re.compile(f"({_TOKEN}(?:slug|title|description|content))")


def _slug_and_frame_uri(src_uri: str) -> tuple[str, str]:
    """The part of a page's source path that names the page (`x` of `aanbod/x.md` or of
    `themas/x/index.md`), and the path with the placeholder in its place: the frame's page."""
    folder, name = posixpath.split(src_uri)
    if name == "index.md":
        parent, slug = posixpath.split(folder)
        return slug, posixpath.join(parent, _SLUG, name)
    return name.removesuffix(".md"), posixpath.join(folder, f"{_SLUG}.md")


_HREF = re.compile(r'href="([^"#:?]*)')  # the links to pages of the site
_ORIGIN = "https://site.invalid/"  # the site's links are resolved against a made-up address


@dataclass(frozen=True)
class Frame:
    """A page of the theme with placeholders: the text before each placeholder and its name; and
    the pages it links to, by URL (a page it links to, or to below, needs a frame of its own: its
    relative links to itself differ from those of the placeholder page)."""

    parts: tuple[str, ...]
    links: frozenset[str]

    @classmethod
    def of(cls, html: str, url: str) -> Frame:
        """The frame of a page at `url` rendered with placeholders."""
        base = _ORIGIN + url
        links = frozenset(urljoin(base, href).removeprefix(_ORIGIN) for href in _HREF.findall(html))
        return cls(tuple(_PLACEHOLDER.split(html.replace(f"<h1>{_CONTENT}</h1>", _CONTENT, 1))), links)

    def links_to(self, url: str) -> bool:
        """Whether the frame links to the page at `url` or below it."""
        return any(link.startswith(url) for link in self.links)

    def fill(self, values: Mapping[str, str]) -> str:
        """The page with `values` (by placeholder) put in."""
        return "".join(part if n % 2 == 0 else values[part] for n, part in enumerate(self.parts))


class FramedFile(GeneratedFile):
    """A generated page written around its folder's frame (`FramedPages.write_all`), before MkDocs
    reads the other pages: in `mkdocs serve --dirty` an edited offering shows that much sooner."""

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing to copy: the page is written already."""


class FramedPages:
    """The generated pages outside the menu of one build, and their frames."""

    def __init__(self) -> None:
        self.files: dict[str, FramedFile] = {}
        self._pages: dict[str, GeneratedPage] = {}
        self._frames: dict[tuple[str, tuple[str, ...], bool], Frame] = {}
        self._build: tuple[jinja2.Environment, Navigation, Files, MkDocsConfig] | None = None

    def start_files(self, pages: Mapping[str, GeneratedPage]) -> None:
        """A new build, of these generated pages."""
        self._pages, self.files, self._frames = dict(pages), {}, {}

    def file(self, src_uri: str, config: MkDocsConfig) -> FramedFile:
        """The file of a generated page outside the menu (for `mkdocs_pages.add_files`)."""
        file = cast(FramedFile, FramedFile.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        file.dest_uri = urls.page_file(src_uri, config.use_directory_urls)
        self.files[src_uri] = file
        return file

    def write_all(self, env: jinja2.Environment, nav: Navigation, files: Files, config: MkDocsConfig,
                  structured: StructuredData | None, script_hashes: ScriptHashes, form_targets: tuple[str, ...],
                  dirty: bool) -> None:
        """Write the pages (with `dirty`, those whose page changed) with the theme's Jinja
        environment, the menu and the files."""
        self._build = (env, nav, files, config)
        self._structured, self._script_hashes, self._form_targets = structured, script_hashes, form_targets
        self._search = next((index for plugin in config.plugins.values()
                             if hasattr(index := getattr(plugin, "search_index", None), "add_entry_from_context")), None)
        for file in self.files.values():
            if file.changed or not dirty:
                self._write(file)

    def sitemap_urls(self, config: MkDocsConfig) -> list[str]:
        """The addresses of the framed pages, for the sitemap (which lists documentation pages)."""
        if not config.site_url:
            return []
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        return [base + urls.page_url(src_uri, config.use_directory_urls) for src_uri in self.files]

    def _write(self, file: FramedFile) -> None:
        """Write one page: its frame with its own parts, JSON-LD and site search entry."""
        generated = self._pages[file.src_uri]
        html = generated.render()  # not `generated.html`, which would keep every page in memory
        slug, frame_uri = _slug_and_frame_uri(file.src_uri)
        titled = "<h1" in html  # else Material adds the title as a heading
        frame = self._frame(frame_uri, generated.hide, titled)
        if frame.links_to(file.url):
            slug, frame = _SLUG, self._frame(file.src_uri, generated.hide, titled)
        refuse_scripts(file, html)
        meta = page_meta(generated)
        output = frame.fill({_SLUG: slug, _TITLE: meta["title"], _DESCRIPTION: meta["description"],
                             _CONTENT: html})
        output = json_ld.add_to_head(output, self._structured, file.src_uri)
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))
        if self._search is not None:
            self._search.add_entry_from_context(SimpleNamespace(
                meta=meta, url=file.url, title=meta["title"], toc=[],
                content=html if generated.search_html is None else generated.search_html))

    def _frame(self, frame_uri: str, hide: tuple[str, ...], titled: bool) -> Frame:
        key = (frame_uri, hide, titled)
        if key not in self._frames:
            html, url = self._render_frame(frame_uri, hide, titled)
            hashes = inline_script_hashes(html)
            self._script_hashes.add(f"frame:{key}", hashes)
            self._frames[key] = Frame.of(self._script_hashes.with_policy(html, hashes, self._form_targets), url)
        return self._frames[key]

    def _render_frame(self, frame_uri: str, hide: tuple[str, ...], titled: bool) -> tuple[str, str]:
        """The theme's page for a placeholder page at `frame_uri` (with a heading of its own when
        `titled`), as MkDocs renders a page; and its URL."""
        assert self._build is not None
        env, nav, files, config = self._build
        page = Page(None, File.generated(config, frame_uri, content=""), config)
        page.read_source(config)
        page.render(config, files)
        placeholder = GeneratedPage(frame_uri, _TITLE, _DESCRIPTION, str, str, hide=hide)
        page.meta, page.content = page_meta(placeholder), f"<h1>{_CONTENT}</h1>" if titled else _CONTENT
        page.present_anchor_ids = set()
        config._current_page, page.active = page, True
        try:
            context: dict[str, Any] = dict(get_context(nav, files, config, page))
            return env.get_template(page.meta.get("template", "main.html")).render(context), page.url
        finally:
            config._current_page, page.active = None, False
