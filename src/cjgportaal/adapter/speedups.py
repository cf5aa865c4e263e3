"""What keeps rendering thousands of generated pages fast inside MkDocs.

- Compiled theme templates are kept between builds (`theme_env`).
- Material's site search reads a short text (`search_html`) of a generated page, not all of it.
- In `mkdocs serve`, Python's garbage collector waits until the rebuilt page has been served
  (`LaterCollection`).
"""

from __future__ import annotations

import gc
import threading

import jinja2
from mkdocs.structure.pages import Page

from ..render.compiled_templates import compiled_templates
from ..render.pages.maker import GeneratedPage
from .material_assets import material_assets


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


def theme_env(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's Jinja environment with what base.html needs, and the compiled templates kept."""
    env.globals.update(material_assets=material_assets())
    env.bytecode_cache = compiled_templates()
    return env


class LaterCollection:
    """Runs Python's cyclic garbage collector a moment after each rebuild of `mkdocs serve --dirty`,
    once the browser has had the new page, instead of during the rebuild.

    With the catalog and thousands of pages in memory, each full collection walks them all: at 5,000
    offerings a rebuild ran two, 0.3 s of an edit's 1.6 s. Without them the rebuild takes 1.3 s, and
    one collection of 0.2 s follows while nobody waits. The first build runs with the collector as
    usual (without it, it would hold 150 MB more at 5,000 offerings); after it the collector runs only
    here. Only cyclic garbage waits (a build's worth; after a failed build until the next one); the
    rest is freed at once.
    """

    DELAY = 1.0  # seconds after the build: the browser reloads within milliseconds of it

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None

    def after_build(self, serving_dirty: bool) -> None:
        """A build is done: in `mkdocs serve --dirty`, collect in a moment, and not again before the
        next build is done."""
        if not serving_dirty:
            return
        gc.disable()
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.DELAY, gc.collect)
        self._timer.daemon = True
        self._timer.start()
