"""The generated pages inside MkDocs: added as files in on_files (outside the navigation), their
meta set in on_page_markdown and their HTML in on_page_content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..render.pages.maker import GeneratedPage, Renderer
from ..render.references import page_references
from .anchors import anchor_ids

log = logging.getLogger("mkdocs.plugins.cjg")


class GeneratedFile(File):
    """A generated page's file; a --dirty build rebuilds it only when it `changed`."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def page_meta(generated: GeneratedPage) -> dict[str, Any]:
    """The page meta of a generated page. MkDocs templates do not autoescape: values that reach
    them must be escaped here."""
    return {"title": escape(generated.title), "description": escape(generated.description),
            "search": {"exclude": not generated.searchable}, "hide": list(generated.hide)}


def page_markdown(markdown: str, page: Page, generated: GeneratedPage | None, renderer: Renderer | None,
                  config: MkDocsConfig) -> str:
    """A page's Markdown: a generated page has none (its HTML comes in `page_content`), only meta; a
    hand-written page's links to data by id (`aanbod:`, `partner:`, `hulplijn:`, see
    `render.references`) are resolved, and an unknown id is a warning (a failure with --strict)."""
    if generated is not None:
        page.meta = page_meta(generated)
        return ""
    if renderer is None:
        return markdown
    markdown, problems = page_references(renderer, page.file.src_uri, markdown)
    for problem in problems:
        log.warning(f"{config.docs_dir}/{page.file.src_uri}: {problem}")
    return markdown


def add_files(pages: dict[str, GeneratedPage], files: Files, config: MkDocsConfig,
              frame: Callable[[str, MkDocsConfig], GeneratedFile] | None = None) -> dict[str, GeneratedFile]:
    """Add a file for each generated page, made by `frame` for a page outside the menu when given
    (see `framed_pages`); refuse a hand-written page in its place."""
    added = {}
    for src_uri, page in pages.items():
        if src_uri in files.src_uris:
            raise PluginError(f"{config.docs_dir}/{src_uri} bestaat al, maar de generator maakt die "
                              "pagina zelf. Geef de eigen pagina een andere naam.")
        if frame is not None and not page.in_nav:
            added[src_uri] = frame(src_uri, config)
        else:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            added[src_uri] = cast(GeneratedFile, GeneratedFile.generated(config, src_uri, content="", inclusion=inclusion))
        files.append(added[src_uri])
    return added


def page_content(html: str, page: Page, generated: GeneratedPage | None, renderer: Renderer | None,
                 config: MkDocsConfig) -> str:
    """A page's HTML: a generated page's own, or a hand-written page's with the offerings its front
    matter `aanbod:` asks for. MkDocs learns the anchors in it, for its check of links to #anchors."""
    if generated is not None:
        page.present_anchor_ids = anchor_ids(generated.html)
        return generated.html
    if "aanbod" in page.meta and renderer is not None:
        matching, problems = renderer.matching_html(page.file.src_uri, page.meta["aanbod"])
        for problem in problems:
            log.warning(f"{config.docs_dir}/{page.file.src_uri}: {problem}")
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(matching)
        return html + matching
    return html
