"""The Content-Security-Policy: a meta tag on every page and the `_headers` file for the host,
with the hashes of the inline scripts of every page in the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from ..render.security import add_csp_meta, inline_script_hashes, netlify_headers


class ScriptHashes:
    """The inline-script hashes per page in site_dir, kept between `mkdocs serve --dirty` builds."""

    def __init__(self) -> None:
        self._per_page: dict[str, set[str]] = {}
        self._outputs: dict[str, str] = {}  # where each page's HTML goes
        self._static_html: list[str] = []  # HTML files copied from docs_dir as they are

    def forget(self) -> None:
        """A full build: every page is written again."""
        self._per_page = {}

    def know_files(self, files: Files) -> None:
        """Note where the pages go and which HTML files are copied as they are."""
        self._static_html = [f.abs_dest_path for f in files.static_pages() if f.dest_uri.endswith(".html")]
        self._outputs = {f.src_uri: f.abs_dest_path for f in files.documentation_pages()}

    def page(self, src_uri: str, output: str, form_targets: tuple[str, ...]) -> str:
        """A rendered page with its CSP meta tag."""
        hashes = self._per_page[src_uri] = inline_script_hashes(output)
        return add_csp_meta(output, hashes, form_targets)

    def template(self, name: str, output: str) -> None:
        """A page rendered from a theme template alone (404.html)."""
        if name.endswith(".html"):
            self._per_page[name] = inline_script_hashes(output)

    def write_headers(self, site_dir: Path, form_targets: tuple[str, ...]) -> None:
        """Write `_headers` with the hashes of all pages, also those a --dirty build left as they were."""
        for src_uri, path in self._outputs.items():
            if src_uri not in self._per_page and Path(path).is_file():
                self._per_page[src_uri] = inline_script_hashes(Path(path).read_text(encoding="utf-8"))
        hashes = set().union(*self._per_page.values(), *(
            inline_script_hashes(Path(path).read_text(encoding="utf-8")) for path in self._static_html))
        (site_dir / "_headers").write_text(netlify_headers(hashes, form_targets), encoding="utf-8")
