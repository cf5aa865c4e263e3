"""The MkDocs adapter: validates the data, adds the generated pages and watches the data folders.

Kept thin on purpose: loading, checking and rendering live in MkDocs-free modules.
"""

from __future__ import annotations

import logging
import posixpath
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, cast

import jinja2
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from .anchors import anchor_ids
from .catalog import Catalog, DataFolders, load_catalog
from .clock import build_date
from .data_files import DataFilesError, DataFilesJob, DataFilesWriter, move_into
from .jsonld import StructuredData, script_tag
from .loading import ParseCache
from .material_assets import material_assets
from .news import NewsPost, load_posts
from .problems import Severity, format_report
from .render import GeneratedPage, Renderer, RenderOptions
from .schema import json_schemas
from .security import add_csp_meta, form_origin, inline_script_hashes, netlify_headers
from .site_info import SiteInfo

log = logging.getLogger("mkdocs.plugins.cjg")

# Typed as literals so that the option's value has RenderOptions.error_report's type.
ERROR_REPORTS: tuple[Literal["email"], Literal["issue"]] = ("email", "issue")


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
    error_report = c.Choice(ERROR_REPORTS, default="email")  # "Fout melden": e-mail or GitHub issue
    contact_form = c.SubConfig(ContactFormConfig)
    open_data_license = c.Type(str, default="CC0-1.0")  # SPDX id of the open data's licence


STAGING = ".cjg-data-files"  # in site_dir: where the data files wait until the pages are done


class _GeneratedFile(File):
    """A generated page's file; a --dirty build rebuilds it only when it `changed`."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class _MemoryBytecodeCache(jinja2.BytecodeCache):
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


def _data_fingerprints(catalog: Catalog) -> tuple[str, str]:
    """Fingerprints of the lists (with the loket and build date) and of all data."""
    return catalog.fingerprint(()), catalog.fingerprint()


def _drop_pages_showing_data(files: Files, lists_changed: bool) -> None:
    """A --dirty build rebuilds a hand-written page only when its file changed, but some show data
    too: the home page (JSON-LD with the partners), pages that list matching offerings (front matter
    `aanbod:`) and, when the lists change, every page (the youth pages' helplines). Removing their
    output has MkDocs build them again."""
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        if (lists_changed or file.src_uri == "index.md"
                or "aanbod" in get_data(Path(file.abs_src_path).read_text(encoding="utf-8"))[1]):
            Path(file.abs_dest_path).unlink(missing_ok=True)


def _meta(generated: GeneratedPage) -> dict[str, Any]:
    """The page meta of a generated page. MkDocs templates do not autoescape: values that reach
    them must be escaped here."""
    return {"title": escape(generated.title), "description": escape(generated.description),
            "search": {"exclude": not generated.searchable}, "hide": list(generated.hide)}


def _report_failure(writer: DataFilesWriter) -> None:
    try:
        writer.wait()
    except DataFilesError as error:
        log.error(str(error))


class CjgPlugin(BasePlugin[CjgConfig]):
    """Turns partner and offering YAML into pages of the site."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.renderer: Renderer | None = None
        self.folders: DataFolders | None = None
        self.site_dir: Path | None = None
        self.posts: list[NewsPost] = []
        self.form_targets: tuple[str, ...] = ()
        self.site: SiteInfo | None = None
        self.structured: StructuredData | None = None  # the JSON-LD of the pages
        self.nav_pages: list[Page] = []  # the pages in the navigation
        self.nav_urls: tuple[str, ...] = ()  # and their URLs
        self.fragments: dict[tuple[str, str], str] = {}  # theme fragments rendered once (cjg_shared)
        self.full_content: tuple[Page, str] | None = None  # a page's content while the site search sees search_html
        self.data_files: DataFilesWriter | None = None
        # Kept from build to build by `mkdocs serve` (MkDocs keeps a plugin that has on_startup):
        self.dirty = False  # --dirty: only rebuild the pages that changed
        self.serving = False
        self.parse_cache = ParseCache()
        self.built: dict[str, str] = {}  # fingerprints of the generated pages in site_dir
        self.built_data = ("", "")  # and of the lists and of all data they were built from
        self.page_outputs: dict[str, str] = {}  # where each page's HTML goes
        self.script_hashes: dict[str, set[str]] = {}  # CSP hashes of the inline scripts, per page in site_dir
        self.static_html: list[str] = []  # HTML files copied from docs_dir as they are
        self.compiled = _MemoryBytecodeCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty, self.serving = dirty, command == "serve"
        self.parse_cache, self.built, self.built_data, self.script_hashes = ParseCache(), {}, ("", ""), {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.site_dir = Path(config.site_dir)
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
        if self.data_files is not None:  # the previous build of `mkdocs serve --dirty`, still writing
            self.data_files.cancel()
        self.full_content = None
        if not self.dirty:
            self.built, self.built_data, self.script_hashes = {}, ("", ""), {}
        catalog, problems = load_catalog(self.folders, build_date(self.config.build_date), self.parse_cache)
        if catalog is None:
            # Raised before MkDocs cleans site_dir: a build with errors publishes nothing.
            raise PluginError("De gegevens bevatten fouten; de site is niet gebouwd.\n"
                              + format_report(problems))
        for problem in problems:
            if problem.severity is Severity.WARNING:
                log.info(problem.format())
        self.catalog = catalog
        self.posts, problems = load_posts(Path(config.docs_dir), Path(config.docs_dir).name)
        for problem in problems:
            log.warning(problem.format())
        loket = catalog.contact_point
        self.site = SiteInfo(name=config.site_name, url=config.site_url or "",
                             description=config.site_description or "",
                             email=loket.email if loket else self.config.feedback_email,
                             telephone=loket.phone if loket else None,
                             opening_hours=tuple(loket.opening_hours) if loket else (),
                             license=self.config.open_data_license)
        if not self._in_background:
            # Written while MkDocs renders the pages, into a hidden folder that survives its cleaning.
            shutil.rmtree(Path(config.site_dir) / STAGING, ignore_errors=True)
            self.data_files = self._write_data_files(Path(config.site_dir) / STAGING, config)

    @property
    def _in_background(self) -> bool:
        """Whether the data files come after the pages (`mkdocs serve --dirty`: the pages show first)."""
        return self.serving and self.dirty

    def _write_data_files(self, target: Path, config: MkDocsConfig) -> DataFilesWriter:
        assert self.catalog is not None and self.folders is not None and self.site is not None
        return DataFilesWriter(DataFilesJob(self.catalog, tuple(self.posts), self.folders, self.site,
                                            config.use_directory_urls, target))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        self.static_html = [f.abs_dest_path for f in files.static_pages() if f.dest_uri.endswith(".html")]
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
            # File.generated() makes a `cls`, but is annotated to return a plain File.
            file = cast(_GeneratedFile, _GeneratedFile.generated(config, src_uri, content="", inclusion=inclusion))
            file.changed = not self.dirty or self.built.get(src_uri) != page.fingerprint
            files.append(file)
        if self.dirty and (data := _data_fingerprints(self.catalog)) != self.built_data:
            _drop_pages_showing_data(files, lists_changed=data[0] != self.built_data[0])
        self.page_outputs = {f.src_uri: f.abs_dest_path for f in files.documentation_pages()}
        assert self.site is not None
        self.structured = StructuredData(self.catalog, self.site, config.use_directory_urls)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_pages = nav.pages
        self.nav_urls = tuple(page.url for page in nav.pages)
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.fragments = {}
        env.globals["cjg_shared"] = self._shared_fragment
        env.globals["material_assets"] = material_assets()  # theme/base.html: Material's hashed asset names
        env.bytecode_cache = self.compiled
        if self.dirty:
            self._read_menu_titles(config)
        return env

    def _read_menu_titles(self, config: MkDocsConfig) -> None:
        """A --dirty build reads only the pages that changed, and the menu (and the previous and next
        links) would say 'None' for the others: read just their source, for the title."""
        for page in self.nav_pages:
            if page.markdown is None:
                page.read_source(config)
                generated = self.generated.get(page.file.src_uri)
                if generated is not None:
                    page.meta = _meta(generated)

    def _shared_fragment(self, name: str, page: Page | None, caller: Callable[[], str]) -> str:
        """Theme call block: the navigation and tabs rendered once and reused on the pages that
        share them, instead of once for each of thousands of pages.

        A page outside the navigation, with none of it at or below its URL, has no active item, and
        its relative links depend only on its folder; such pages share the fragment per folder.
        """
        if page is None or any(url.startswith(page.url) for url in self.nav_urls):
            return caller()
        key = (name, posixpath.dirname(page.url.rstrip("/")))
        if key not in self.fragments:
            self.fragments[key] = caller()
        return self.fragments[key]

    @event_priority(100)  # before Material's search plugin reads the page
    def _search_sees_search_html(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                                 nav: Navigation) -> dict[str, Any]:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and generated.search_html is not None:
            self.full_content, page.content = (page, page.content or ""), generated.search_html
        return context

    @event_priority(-100)  # after it
    def _page_gets_full_content(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                                nav: Navigation) -> dict[str, Any]:
        if self.full_content is not None and self.full_content[0] is page:
            page.content = self.full_content[1]
        self.full_content = None
        return context

    # The site search parses every page it indexes; a page with search_html costs it a heading.
    on_page_context = CombinedEvent(_search_sees_search_html, _page_gets_full_content)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return markdown
        page.meta = _meta(generated)
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            page.present_anchor_ids = anchor_ids(generated.html)  # for MkDocs' check of links to #anchors
            return generated.html
        if "aanbod" in page.meta and self.renderer is not None:
            matching, problems = self.renderer.matching_html(page.file.src_uri, page.meta["aanbod"])
            for problem in problems:
                log.warning(f"{config.docs_dir}/{page.file.src_uri}: {problem}")
            page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(matching)
            return html + matching
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # No <link rel="alternate"> for the feed: Material reads such links as language versions
        # and fetches a sitemap.xml beside them.
        objects = self.structured.page(page.file.src_uri) if self.structured else []
        if objects:
            output = output.replace("</head>", script_tag(objects) + "</head>", 1)
        hashes = self.script_hashes[page.file.src_uri] = inline_script_hashes(output)
        return add_csp_meta(output, hashes, self.form_targets)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):  # 404.html
            self.script_hashes[template_name] = inline_script_hashes(output_content)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        for src_uri, path in self.page_outputs.items():  # pages a --dirty build left as they were
            if src_uri not in self.script_hashes and Path(path).is_file():
                self.script_hashes[src_uri] = inline_script_hashes(Path(path).read_text(encoding="utf-8"))
        hashes = set().union(*self.script_hashes.values(), *(
            inline_script_hashes(Path(path).read_text(encoding="utf-8")) for path in self.static_html))
        (site / "_headers").write_text(netlify_headers(hashes, self.form_targets), encoding="utf-8")
        if self.dirty:
            assert self.catalog is not None
            self.built = {src_uri: page.fingerprint for src_uri, page in self.generated.items()}
            self.built_data = _data_fingerprints(self.catalog)
        if self._in_background:  # dirty: site_dir is not cleaned, so they go straight in
            self.data_files = self._write_data_files(site, config)
            threading.Thread(target=_report_failure, args=(self.data_files,), daemon=True).start()
            return
        assert self.data_files is not None
        try:
            self.data_files.wait()
            move_into(site / STAGING, site)
        except DataFilesError as error:
            raise PluginError(str(error)) from error
        finally:
            shutil.rmtree(site / STAGING, ignore_errors=True)
            self.data_files = None

    def on_build_error(self, *, error: Exception) -> None:
        self.built, self.built_data = {}, ("", "")
        if self.data_files is not None:
            self.data_files.cancel()
            self.data_files = None
        if self.site_dir is not None:
            shutil.rmtree(self.site_dir / STAGING, ignore_errors=True)

    def on_shutdown(self) -> None:
        if self.data_files is not None:  # mkdocs serve --dirty stops while the data files are written
            self.data_files.cancel()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.folders is not None
        for name in (self.folders.partners, self.folders.offerings, self.folders.lists):
            server.watch(str(self.folders.root / name))
        return server

