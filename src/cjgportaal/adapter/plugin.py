"""The MkDocs adapter: events only, each handing its work to a module of its own (`build_input`,
`mkdocs_pages`, `framed_pages`, `incremental`, `speedups`, `csp`, `json_ld`, `background`, `data_watch`, ...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..catalog.catalog import Catalog
from ..catalog.site_info import SiteInfo
from ..load.yaml_files import ParseCache
from ..render.files.outputs import DataFilesJob
from ..render.jsonld import StructuredData
from ..render.news import NewsPost
from ..render.pages.maker import GeneratedPage, Renderer
from ..render.pages.registry import generated_pages
from . import build_input, json_ld, mkdocs_pages
from .background import DataFilesRun
from .config import NoOptions, site_settings
from .csp import ScriptHashes
from .data_watch import DataWatch
from .framed_pages import FramedPages
from .incremental import Incremental
from .package_theme import add_package_theme
from .publish import AtomicPublish
from .sitemap import write_parts
from .speedups import LaterCollection, SearchTextSwap, theme_env


class CjgPlugin(BasePlugin[NoOptions]):
    """Turns partner and offering YAML into pages of the site."""

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> Any:
        self.options = options  # checked in on_config by the settings, with their own Dutch messages
        return super().load_config({}, config_file_path)

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.site: SiteInfo | None = None
        self.posts: list[NewsPost] = []
        self.renderer: Renderer | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.structured: StructuredData | None = None
        self.job: DataFilesJob | None = None  # what the data files are made of
        # Kept from build to build by `mkdocs serve` (MkDocs keeps a plugin that has on_startup):
        self.parse_cache, self.publish, self.serving, self.collection = ParseCache(), AtomicPublish(), False, LaterCollection()
        self.incremental, self.script_hashes, self.data_files = Incremental(), ScriptHashes(), DataFilesRun()
        self.search_text, self.framed, self.data_watch = SearchTextSwap(), FramedPages(), DataWatch()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.incremental.dirty, self.data_files.after_pages = dirty, dirty and command == "serve"
        self.parse_cache, self.script_hashes = ParseCache(), ScriptHashes(live_reload=command == "serve")
        self.incremental.forget()
        self.serving, self.publish.enabled = command == "serve", command == "build" and not dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        add_package_theme(config)
        self.publish.redirect(config)
        self.settings = site_settings(self.options, project := Path(config.config_file_path))
        self.folders, self.form_targets = self.settings.folders(project.parent), build_input.form_targets(self.settings)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.incremental.dirty:
            self.incremental.forget()
            self.script_hashes.forget()
        self.data_files.start()
        last_good = (self.catalog, self.posts, self.site) if self.serving and self.catalog and self.site else None
        self.catalog, self.posts, self.site = loaded = build_input.load(self.folders, self.settings, config, self.parse_cache, last_good)
        self.job = build_input.data_files_job(loaded, self.folders, self.settings, config, self.parse_cache)
        self.data_files.before_pages(self.job)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None and self.site is not None
        self.renderer = build_input.renderer(self.folders, self.settings, config, self.catalog, self.posts)
        self.generated = generated_pages(self.renderer)
        config.extra["cjg"] = build_input.theme_extra(self.renderer, self.settings)
        self.framed.start_files(self.generated)
        added = mkdocs_pages.add_files(self.generated, files, config, self.framed.file if self.settings.page_frames else None)
        self.incremental.mark_changed(added, self.generated, files, self.renderer, self.posts)
        self.script_hashes.know_files(files)
        self.structured = StructuredData(self.catalog, self.site, config.use_directory_urls)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.incremental.read_menu_titles(nav.pages, self.generated, config)
        # The pages outside the menu are written now, before MkDocs reads the others.
        self.framed.write_all(theme_env(config.theme.get_env()), nav, files, config, self.structured,
                              self.script_hashes, self.form_targets, self.incremental.dirty)
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        framed = self.framed.sitemap_urls(config)  # for sitemap.xml, which lists documentation pages only
        theme_env(env).globals.update(cjg_sitemap_urls=framed, cjg_sitemap_parts=write_parts(files, framed, config))
        return env

    @event_priority(100)  # before Material's search plugin reads the page
    def _before_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        self.search_text.before_search(page, self.generated.get(page.file.src_uri))
        return context

    @event_priority(-100)  # after it
    def _after_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        self.search_text.after_search(page)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return mkdocs_pages.page_markdown(markdown, page, self.generated.get(page.file.src_uri), self.renderer, config)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return mkdocs_pages.page_content(html, page, self.generated.get(page.file.src_uri), self.renderer, config)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = json_ld.add_to_head(output, self.structured, page.file.src_uri)
        return self.script_hashes.page(page.file.src_uri, output, self.form_targets)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self.script_hashes.template(template_name, output_content, self.form_targets)

    @event_priority(-100)  # after the other plugins have written their files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.catalog is not None and self.job is not None
        self.script_hashes.write_headers(Path(config.site_dir), self.form_targets)
        self.incremental.remember(self.generated)
        self.data_files.after(self.job)
        self.publish.publish(config)
        self.collection.after_build(serving_dirty=self.data_files.after_pages)

    def on_build_error(self, *, error: Exception) -> None:
        self.incremental.forget()
        self.data_files.cancel(self.job.site_dir if self.job else None)
        self.publish.abandon()

    def on_shutdown(self) -> None:
        self.data_files.cancel()  # mkdocs serve --dirty stops while the data files are written
        self.data_watch.stop()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        return self.data_watch.start(server, self.folders)
