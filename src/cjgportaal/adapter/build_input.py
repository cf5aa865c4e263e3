"""What one build reads and hands on: the catalog, the news posts and the site's own facts from the
data and mkdocs.yml, and the settings the templates need."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..catalog.catalog import Catalog, DataFolders, load_catalog
from ..catalog.clock import build_date
from ..catalog.site_info import SiteInfo
from ..load.problems import Severity, format_report
from ..load.yaml_files import ParseCache
from ..render.news import NewsPost, load_posts
from ..render.pages import RenderOptions
from ..render.security import form_origin
from .config import CjgConfig

log = logging.getLogger("mkdocs.plugins.cjg")


def load(folders: DataFolders, options: CjgConfig, config: MkDocsConfig,
         cache: ParseCache) -> tuple[Catalog, list[NewsPost], SiteInfo]:
    """Load and check all data; raise (before MkDocs cleans site_dir) when it has errors, so that a
    build with errors publishes nothing. Warnings are logged."""
    catalog, problems = load_catalog(folders, build_date(options.build_date), cache)
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
                    email=loket.email if loket else options.feedback_email,
                    telephone=loket.phone if loket else None,
                    opening_hours=tuple(loket.opening_hours) if loket else (), license=options.open_data_license)
    return catalog, posts, site


def render_options(options: CjgConfig, config: MkDocsConfig, catalog: Catalog) -> RenderOptions:
    """The site-wide settings of the templates, from the plugin's options and mkdocs.yml."""
    loket = catalog.contact_point
    return RenderOptions(directory_urls=config.use_directory_urls, feedback_email=options.feedback_email,
                         repository=options.repository, branch=options.branch, offerings_dir=options.offerings_dir,
                         monitor_page=options.monitor_path, site_name=config.site_name,
                         site_url=config.site_url or "", error_report=options.error_report,
                         contact_endpoint=options.contact_form.endpoint,
                         contact_email=options.contact_form.email or (loket.email if loket else None),
                         open_data_license=options.open_data_license)


def form_targets(options: CjgConfig) -> tuple[str, ...]:
    """The origins the contact form may post to (for the CSP): the endpoint's, if there is one."""
    form = options.contact_form
    if form.endpoint and (form.email or not form.endpoint.startswith("https://")):
        raise PluginError("cjg: contact_form in mkdocs.yml: geef óf 'email' óf 'endpoint', en een "
                          "endpoint moet met https:// beginnen.")
    return (form_origin(form.endpoint),) if form.endpoint else ()
