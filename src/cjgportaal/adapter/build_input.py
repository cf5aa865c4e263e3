"""What one build reads and hands on: the catalog, the news posts and the site's own facts from the
data and mkdocs.yml, and the settings the templates need."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..catalog.catalog import Catalog, load_catalog
from ..catalog.clock import build_date
from ..catalog.entry_kinds import OFFERING, DataFolders
from ..catalog.settings import SiteSettings
from ..catalog.site_info import SiteInfo
from ..load.problems import Severity, format_report
from ..load.yaml_files import ParseCache
from ..render import urls
from ..render.files.outputs import DataFilesJob
from ..render.files.schema import json_schemas
from ..render.news import NewsPost, load_posts
from ..render.pages.maker import Renderer, RenderOptions
from ..render.security import form_origin
from ..render.theme_data import theme_loket, theme_news

log = logging.getLogger("mkdocs.plugins.cjg")


Loaded = tuple[Catalog, list[NewsPost], SiteInfo]


def load(folders: DataFolders, settings: SiteSettings, config: MkDocsConfig, cache: ParseCache,
         last_good: Loaded | None = None) -> Loaded:
    """Load and check all data; raise (before MkDocs cleans site_dir) when it has errors, so that a
    build with errors publishes nothing. Warnings are logged. With `last_good` (`mkdocs serve`), data
    with errors is reported and the last good data shown instead, so the preview keeps working."""
    catalog, problems = load_catalog(folders, build_date(settings.build_date), cache)
    if catalog is None and last_good is not None:
        log.error("De gegevens bevatten fouten; de voorvertoning toont de laatste goede versie.\n"
                  + format_report(problems))
        return last_good
    if catalog is None:
        raise PluginError("De gegevens bevatten fouten; de site is niet gebouwd.\n" + format_report(problems))
    for problem in problems:
        if problem.severity is Severity.WARNING:
            log.info(problem.format())
    posts, problems = load_posts(Path(config.docs_dir), Path(config.docs_dir).name)
    for problem in problems:
        log.warning(problem.format())
    loket = catalog.contact_point
    site = SiteInfo(name=config.site_name, url=config.site_url or "", description=config.site_description or "",
                    email=loket.email if loket else settings.feedback_email,
                    telephone=loket.phone if loket else None,
                    opening_hours=tuple(loket.opening_hours) if loket else (), license=settings.open_data_license)
    return catalog, posts, site


def data_files_job(loaded: Loaded, folders: DataFolders, settings: SiteSettings, config: MkDocsConfig,
                   parsed: ParseCache) -> DataFilesJob:
    """What the data files of this build are made of (`parsed`: the data files as `load` read them),
    written into site_dir."""
    catalog, posts, site = loaded
    return DataFilesJob(catalog, tuple(posts), folders, site, config.use_directory_urls, Path(config.site_dir),
                        settings.kaart_split_above, parsed)


def renderer(folders: DataFolders, settings: SiteSettings, config: MkDocsConfig, catalog: Catalog,
             posts: list[NewsPost]) -> Renderer:
    """The renderer of the generated pages, with the site-wide settings of the templates."""
    loket = catalog.contact_point
    options = RenderOptions(settings, directory_urls=config.use_directory_urls, site_name=config.site_name,
                            site_url=config.site_url or "",
                            contact_email=settings.contact_form.email or (loket.email if loket else None))
    return Renderer(catalog, options, json_schemas(folders)[OFFERING.schema], posts)


def theme_extra(renderer: Renderer, settings: SiteSettings) -> dict[str, Any]:
    """What the package theme needs: the helpline box (rendered and escaped here), the quick exit's
    address, the pages outside jongeren/ that have it and its explanation page, the loket and the latest news."""
    directory_urls = renderer.options.directory_urls
    loket = renderer.catalog.contact_point
    return {"hulplijnen": Markup(renderer.helplines_html()), "snel_weg": settings.quick_exit_url,
            "snel_weg_paginas": settings.quick_exit_pages,
            "snel_weg_uitleg": urls.page_url(settings.quick_exit_info, directory_urls) if settings.quick_exit_info else "",
            "loket": theme_loket(loket) if loket else None,
            "nieuws": theme_news(renderer.posts, directory_urls)}


def form_targets(settings: SiteSettings) -> tuple[str, ...]:
    """The origins the contact form may post to (for the CSP): the endpoint's, if there is one."""
    endpoint = settings.contact_form.endpoint
    return (form_origin(endpoint),) if endpoint else ()
