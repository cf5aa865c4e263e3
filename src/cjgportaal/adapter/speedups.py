"""What keeps rendering thousands of generated pages fast inside MkDocs.

- Compiled theme templates are kept between the rebuilds of `mkdocs serve` (`theme_env`).
- Material's site search reads a short text (`search_html`) of a generated page, not all of it.
"""

from __future__ import annotations

import jinja2
from mkdocs.structure.pages import Page

from ..render.pages.maker import GeneratedPage
from .material_assets import material_assets


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept between the rebuilds of `mkdocs serve`: MkDocs makes a new
    Jinja environment for each build, which would compile Material's templates again (Jinja checks
    each template's source against the checksum before it reuses the code)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class SearchTextSwap:
    """Hands Material's site search a generated page's `search_html` and gives the page its full
    content back afterwards (the search parses every page it indexes; this costs it a heading)."""

    def __init__(self) -> None:
        self._held: tuple[Page, str] | None = None

    def before_search(self, page: Page, generated: GeneratedPage | None) -> None:
        """Before the search plugin reads the page."""
        if generated is not None and generated.search_html is not None:
            self._held, page.content = (page, page.content or ""), generated.search_html

    def after_search(self, page: Page) -> None:
        """After it."""
        if self._held is not None and self._held[0] is page:
            page.content = self._held[1]
        self._held = None


def theme_env(env: jinja2.Environment, compiled: MemoryBytecodeCache) -> jinja2.Environment:
    """The theme's Jinja environment with what base.html needs, and the compiled templates kept."""
    env.globals.update(material_assets=material_assets())
    env.bytecode_cache = compiled
    return env
