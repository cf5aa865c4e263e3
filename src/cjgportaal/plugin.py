"""The MkDocs adapter: validates the data, adds the generated pages and watches the data folders.

Kept thin on purpose: loading, checking and rendering live in MkDocs-free modules.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import urls
from .calendar_feeds import FeedSite, calendar_files
from .catalog import Catalog, DataFolders, load_catalog
from .clock import build_date
from .contact_point import walk_ins
from .kaart import export_csv, export_json, search_records
from .news import NewsPost, atom_feed, load_posts
from .problems import Severity, format_report
from .render import GeneratedPage, Renderer, RenderOptions
from .schema import json_schemas, write_schemas
from .search_index import SearchIndexError, write_search_index
from .jsonld import StructuredData, script_tag
from .open_data import write_open_data
from .security import add_csp_meta, form_origin, netlify_headers, site_script_hashes
from .site_info import SiteInfo

log = logging.getLogger("mkdocs.plugins.cjg")


class ContactFormConfig(Config):
    """Where the contact form sends to: an e-mail address (default: the loket's) or an endpoint."""

    email = c.Optional(c.Type(str))
    endpoint = c.Optional(c.URL())  # an https form endpoint the municipality runs


class CjgConfig(Config):
    """Options of the cjg plugin in mkdocs.yml."""

    partners_dir = c.Type(str, default="partners")
    offerings_dir = c.Type(str, default="offerings")
    lists_dir = c.Type(str, default="data")
    build_date = c.Optional(c.Type(str))
    feedback_email = c.Optional(c.Type(str))
    coordinators = c.ListOfItems(c.Type(str), default=[])  # GitHub handles, for CODEOWNERS
    stale_months = c.Type(int, default=12)  # for `cjg report stale`
    repository = c.Type(str, default="")  # owner/name on GitHub, for the form's pull-request link
    branch = c.Type(str, default="main")
    monitor_path = c.Type(str, default="professionals/aanbodmonitor.md")  # where the aanbodmonitor goes
    quick_exit_url = c.URL(default="https://www.weeronline.nl/")  # the "snel weg" button's neutral site
    error_report = c.Choice(("email", "issue"), default="email")  # "Fout melden": e-mail or GitHub issue
    contact_form = c.SubConfig(ContactFormConfig)
    open_data_license = c.Type(str, default="CC0-1.0")  # SPDX id of the open data's licence


class CjgPlugin(BasePlugin[CjgConfig]):
    """Turns partner and offering YAML into pages of the site."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.renderer: Renderer | None = None
        self.folders: DataFolders | None = None
        self.posts: list[NewsPost] = []
        self.form_targets: tuple[str, ...] = ()
        self.site: SiteInfo | None = None
        self.structured: dict[str, str] = {}  # page source path → JSON-LD script block

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.folders = DataFolders(root, self.config.partners_dir, self.config.offerings_dir,
                                   self.config.lists_dir)
        form = self.config.contact_form
        if form.endpoint and (form.email or not form.endpoint.startswith("https://")):
            raise PluginError("cjg: contact_form in mkdocs.yml: geef óf 'email' óf 'endpoint', en een "
                              "endpoint moet met https:// beginnen.")
        self.form_targets = (form_origin(form.endpoint),) if form.endpoint else ()
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self.folders is not None
        catalog, problems = load_catalog(self.folders, build_date(self.config.build_date))
        if catalog is None:
            # Raised before MkDocs cleans site_dir: a build with errors publishes nothing.
            raise PluginError("De gegevens bevatten fouten; de site is niet gebouwd.\n"
                              + format_report(problems))
        for problem in problems:
            if problem.severity is Severity.WARNING:
                log.info(problem.format())
        self.catalog = catalog

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        assert self.folders is not None
        options = RenderOptions(directory_urls=config.use_directory_urls,
                                feedback_email=self.config.feedback_email, repository=self.config.repository,
                                branch=self.config.branch, offerings_dir=self.config.offerings_dir,
                                monitor_page=self.config.monitor_path, site_name=config.site_name,
                                site_url=config.site_url or "", error_report=self.config.error_report,
                                contact_endpoint=self.config.contact_form.endpoint,
                                contact_email=self.config.contact_form.email or (
                                    self.catalog.contact_point.email if self.catalog.contact_point else None),
                                open_data_license=self.config.open_data_license)
        schema = json_schemas(self.folders)["aanbod.schema.json"]
        self.renderer = Renderer(self.catalog, options, schema)
        self.posts, problems = load_posts(Path(config.docs_dir), Path(config.docs_dir).name)
        for problem in problems:
            log.warning(problem.format())
        self.generated = {page.src_uri: page
                          for page in self.renderer.pages() + self.renderer.parents_pages(self.posts)}
        # For theme/main.html: the helpline box (rendered and escaped here) and the quick exit.
        config.extra["cjg"] = {"hulplijnen": Markup(self.renderer.helplines_html()),
                               "snel_weg": self.config.quick_exit_url}
        for src_uri, page in self.generated.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"{config.docs_dir}/{src_uri} bestaat al, maar de generator maakt die "
                                  "pagina zelf. Geef de eigen pagina een andere naam.")
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
        loket = self.catalog.contact_point
        self.site = SiteInfo(name=config.site_name, url=config.site_url or "",
                             description=config.site_description or "",
                             email=loket.email if loket else self.config.feedback_email,
                             telephone=loket.phone if loket else None,
                             opening_hours=tuple(loket.opening_hours) if loket else (),
                             license=self.config.open_data_license)
        graphs = StructuredData(self.catalog, self.site, config.use_directory_urls).pages()
        self.structured = {src_uri: script_tag(objects) for src_uri, objects in graphs.items()}
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return markdown
        # MkDocs templates do not autoescape: values that reach them must be escaped here.
        page.meta = {"title": escape(generated.title), "description": escape(generated.description),
                     "search": {"exclude": not generated.searchable}, "hide": list(generated.hide)}
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            return generated.html
        if "aanbod" in page.meta and self.renderer is not None:
            matching, problems = self.renderer.matching_html(page.file.src_uri, page.meta["aanbod"])
            for problem in problems:
                log.warning(f"{config.docs_dir}/{page.file.src_uri}: {problem}")
            return html + matching
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # No <link rel="alternate"> for the feed: Material reads such links as language versions
        # and fetches a sitemap.xml beside them.
        structured = self.structured.get(page.file.src_uri, "")
        return add_csp_meta(output.replace("</head>", structured + "</head>", 1) if structured else output,
                            self.form_targets)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.folders is not None
        site = Path(config.site_dir)
        write_schemas(self.folders, site / "schemas")
        (site / "_headers").write_text(netlify_headers(site_script_hashes(site), self.form_targets),
                                       encoding="utf-8")
        assert self.catalog is not None
        directory_urls, site_url = config.use_directory_urls, config.site_url or ""
        try:
            write_search_index(search_records(self.catalog, directory_urls), site)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        files = {urls.EXPORT_CSV: export_csv(self.catalog, site_url, directory_urls).encode("utf-8"),
                 urls.EXPORT_JSON: export_json(self.catalog, site_url, directory_urls).encode("utf-8")}
        feeds = FeedSite(site_url, self.catalog.today, directory_urls)
        files |= calendar_files(self.catalog, walk_ins(self.catalog.visible_offerings()), config.site_name, feeds)
        files[urls.NEWS_FEED] = atom_feed(self.posts, config.site_name, site_url, self.catalog.today,
                                          directory_urls)
        for path, content in files.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(content)
        assert self.site is not None
        write_open_data(self.catalog, self.site, site, directory_urls)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.folders is not None
        for name in (self.folders.partners, self.folders.offerings, self.folders.lists):
            server.watch(str(self.folders.root / name))
        return server

