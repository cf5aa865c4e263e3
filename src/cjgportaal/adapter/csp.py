"""The Content-Security-Policy: a meta tag on every page and the `_headers` file for the host,
with the hashes of the theme's inline scripts (the package theme's and Material's).

Only the theme's scripts are hashed. A page's own HTML, the Markdown or HTML of a file in docs_dir as
it comes out of on_page_content, may hold no script at all: the build stops and names the file. The
template around it is what remains of the page, so that is the part whose scripts are hashed. A
generated page's HTML (the package's templates filled with partner data) may load script files but
holds no inline script either, so hostile data that got past the sanitiser is never hashed."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..render.security import add_csp_meta, inline_script_hashes, netlify_headers, script_tags

NO_SCRIPT = ("een <script> in een pagina is niet toegestaan (gevonden: {tag}). Scripts komen alleen uit het "
             "thema; de beveiliging van de site (Content-Security-Policy) houdt andere scripts tegen.\n"
             "Tip: wil je code laten zien, zet die dan in een codeblok tussen ``` en ```. Heeft de site echt "
             "een eigen script nodig, zet het dan als bestand bij extra_javascript in mkdocs.yml.")


def shown_path(file: File) -> str:
    """A page's file as an editor knows it: relative to the folder of mkdocs.yml (content/ouders/x.md),
    or as MkDocs names it when that folder is not found."""
    if not file.src_dir or file.generated_by:
        return file.src_uri
    docs_dir = Path(file.src_dir).resolve()
    for folder in (docs_dir, *docs_dir.parents[:3]):
        if (folder / "mkdocs.yml").is_file() or (folder / "mkdocs.yaml").is_file():
            return (docs_dir / file.src_uri).relative_to(folder).as_posix()
    return f"{docs_dir.name}/{file.src_uri}"


def refuse_scripts(file: File, html: str) -> None:
    """Stop the build when a page's own HTML holds a script a browser could run. A page the generator
    makes (from the package's templates) may load the package's script files, not run inline code."""
    found = script_tags(html, allow_files=bool(file.generated_by))
    if not found:
        return
    name = shown_path(file)
    if file.generated_by:
        name += " (een pagina die de generator maakt)"
    raise PluginError(f"{name}: " + NO_SCRIPT.format(tag=found[0]))


class ScriptHashes:
    """The inline-script hashes per page in site_dir, kept between `mkdocs serve --dirty` builds.

    In `mkdocs serve` (`live_reload`) the pages allow any inline <script> element: MkDocs adds one
    to every page it serves, which reloads the page when a rebuild is done, and its text (with the
    time of the request) differs each time, so no hash can allow it (javascript: links are allowed
    with it; partner links are http(s), mailto and tel only). Inline event handlers stay refused, and
    so do scripts in a page's own HTML; the built site and its `_headers` keep the hashes alone."""

    def __init__(self, live_reload: bool = False) -> None:
        self._live_reload = live_reload
        self._per_page: dict[str, set[str]] = {}
        self._outputs: dict[str, str] = {}  # where each page's HTML goes
        self._generated_html: list[str] = []  # HTML files other plugins add as they are
        self._files: Files | None = None

    def forget(self) -> None:
        """A full build: every page is written again."""
        self._per_page = {}

    def know_files(self, files: Files) -> None:
        """Note where the pages go; refuse an HTML file in docs_dir (copied as it is) with a script."""
        self._files = files
        static = [f for f in files.static_pages() if f.dest_uri.endswith(".html")]
        for file in static:
            if not file.generated_by:
                refuse_scripts(file, Path(file.abs_src_path or "").read_text(encoding="utf-8", errors="replace"))
        self._generated_html = [f.abs_dest_path for f in static if f.generated_by]
        self._outputs = {f.src_uri: f.abs_dest_path for f in files.documentation_pages()}

    def page(self, src_uri: str, output: str, form_targets: tuple[str, ...]) -> str:
        """A rendered page with its CSP meta tag; refused when its own content holds a script."""
        file = self._files.get_file_from_path(src_uri) if self._files is not None else None
        content = file.page.content if file is not None and file.page is not None else None
        if file is not None and content:
            refuse_scripts(file, content)
            output_without_content = output.replace(content, "", 1)
        else:
            output_without_content = output
        hashes = self._per_page[src_uri] = inline_script_hashes(output_without_content)
        return self.with_policy(output, hashes, form_targets)

    def with_policy(self, html: str, hashes: set[str], form_targets: tuple[str, ...]) -> str:
        """`html` with its CSP meta tag, which allows the inline scripts of `hashes`."""
        return add_csp_meta(html, hashes, form_targets, inline_script_elements=self._live_reload)

    def add(self, name: str, hashes: set[str]) -> None:
        """The hashes of a page (or of the frame of many) rendered outside MkDocs' page events."""
        self._per_page[name] = hashes

    def template(self, name: str, output: str, form_targets: tuple[str, ...]) -> str:
        """A page rendered from a theme template alone (404.html), with its CSP meta tag; other
        templates' output (sitemap.xml) as it is."""
        if not name.endswith(".html"):
            return output
        hashes = self._per_page[name] = inline_script_hashes(output)
        return self.with_policy(output, hashes, form_targets)

    def write_headers(self, site_dir: Path, form_targets: tuple[str, ...]) -> None:
        """Write `_headers` with the hashes of all pages, also those a --dirty build left as they were
        (their content was checked by the build that wrote them)."""
        for src_uri, path in self._outputs.items():
            if src_uri not in self._per_page and Path(path).is_file():
                self._per_page[src_uri] = inline_script_hashes(Path(path).read_text(encoding="utf-8"))
        hashes = set().union(*self._per_page.values(), *(
            inline_script_hashes(Path(path).read_text(encoding="utf-8")) for path in self._generated_html))
        (site_dir / "_headers").write_text(netlify_headers(hashes, form_targets), encoding="utf-8")
