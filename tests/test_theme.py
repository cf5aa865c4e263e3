"""The theme overrides cannot break silently: every asset a page loads is in the site, every
overridden Material template records the original it was derived from, and MkDocs knows the
anchors of the generated pages."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

import cjgportaal.adapter
from cjgportaal.adapter.material_assets import material_assets, material_version, templates_dir

from .conftest import copy_project, edit, mkdocs_build

THEME = Path(cjgportaal.adapter.__file__).parent / "theme"
ORIGIN = "http://site"  # the built site's pages are resolved as if served from here

# --- every asset a page loads is in the site -------------------------------------------------

# <link rel> values whose href the browser loads.
_LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload",
                "modulepreload", "prefetch"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""")
_JS_IMPORT = re.compile(r"""(?:^|[;}\s])(?:import|export)\s+(?:[^'";]*?\sfrom\s*)?(['"])(\.{1,2}/[^'"]+)\1""",
                        re.MULTILINE)


class _Assets(HTMLParser):
    """The URLs an HTML page loads, each with where it is loaded from ("css", "module" or "")."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self._data: str | None = None  # "config" or "css" while in Material's config or a <style>
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if "src" in attr:  # script, img, iframe, source, audio, video, embed, track, input
            kind = "module" if tag == "script" and attr.get("type") == "module" else ""
            self.loads.append((attr["src"], kind))
        if tag in ("img", "source") and "srcset" in attr:
            self.loads += [(candidate.split()[0], "") for candidate in attr["srcset"].split(",")
                           if candidate.strip()]
        if tag == "video" and "poster" in attr:
            self.loads.append((attr["poster"], ""))
        if tag == "object" and "data" in attr:
            self.loads.append((attr["data"], ""))
        rels = set(attr.get("rel", "").lower().split())
        if tag == "link" and rels & _LOADED_RELS:
            kind = "css" if "stylesheet" in rels else "module" if "modulepreload" in rels else ""
            self.loads.append((attr.get("href", ""), kind))
        if "style" in attr:
            self.loads += [(url, "") for url in _css_urls(attr["style"])]
        if tag == "script" and attr.get("id") == "__config":  # Material's config: the search worker
            self._data, self._text = "config", ""
        elif tag == "style":
            self._data, self._text = "css", ""

    def handle_data(self, data: str) -> None:
        if self._data is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._data == "config" and tag == "script":
            search = json.loads(self._text).get("search")
            if search:
                self.loads.append((search, ""))
        elif self._data == "css" and tag == "style":
            self.loads += [(url, "") for url in _css_urls(self._text)]
        if tag in ("script", "style"):
            self._data = None


def _css_urls(css: str) -> list[str]:
    """The url(...) and @import references in CSS, without data: URIs and fragment references."""
    found = [match.group(2) or match.group(4) or "" for match in _CSS_URL.finditer(css)]
    return [url for url in found if url and not url.startswith(("data:", "#"))]


def _target(site: Path, url: str) -> Path:
    """The file in `site` that a same-origin URL points at."""
    path = unquote(urlsplit(url).path).lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def missing_assets(site: Path) -> list[str]:
    """Every asset reference on the built site's HTML pages (and in the stylesheets and JavaScript
    modules they load) that points outside the site or at a file that is not in it."""
    problems: list[str] = []
    checked: set[str] = set()  # resolved URLs already looked at

    def check(url: str, base: str, kind: str, where: str) -> None:
        if not url or url.startswith(("data:", "blob:", "#")):
            return
        resolved = urljoin(base, url).split("#")[0].split("?")[0]
        if not resolved.startswith(ORIGIN + "/"):
            problems.append(f"{where}: {url!r} is loaded from another origin")
            return
        target = _target(site, resolved)
        if not target.is_file():
            problems.append(f"{where}: {url!r} is not in the site ({target.relative_to(site).as_posix()})")
            return
        if resolved in checked:
            return
        checked.add(resolved)
        name = target.relative_to(site).as_posix()
        if kind == "css":
            for ref in _css_urls(target.read_text(encoding="utf-8")):
                check(ref, resolved, "", name)
        elif kind == "module":
            for match in _JS_IMPORT.finditer(target.read_text(encoding="utf-8")):
                check(match.group(2), resolved, "module", name)

    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        for url, kind in parser.loads:
            check(url, f"{ORIGIN}/{name}", kind, name)
    return problems


def test_every_asset_a_page_loads_is_in_the_site(default_site: Path) -> None:
    problems = missing_assets(default_site)
    assert not problems, "\n".join(problems)


def test_the_asset_check_finds_broken_references(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/ok.css").write_text("a { background: url(gone.png) } b { c: url(data:x) }",
                                            encoding="utf-8")
    (tmp_path / "assets/ok.js").write_text('import { x } from "./gone.js";\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/index.html").write_text(
        '<link rel="stylesheet" href="../assets/ok.css"><link rel="icon" href="../favicon.png">'
        '<script type="module" src="../assets/ok.js"></script><script src="/assets/bundle.js"></script>'
        '<script id="__config" type="application/json">{"search": "../assets/worker.js"}</script>'
        '<img src="https://elders.example/x.png"><a href="nowhere/">a link is no asset</a>',
        encoding="utf-8")
    assert sorted(missing_assets(tmp_path)) == [
        "assets/ok.css: 'gone.png' is not in the site (assets/gone.png)",
        "assets/ok.js: './gone.js' is not in the site (assets/gone.js)",
        "sub/index.html: '../assets/worker.js' is not in the site (assets/worker.js)",
        "sub/index.html: '../favicon.png' is not in the site (favicon.png)",
        "sub/index.html: '/assets/bundle.js' is not in the site (assets/bundle.js)",
        "sub/index.html: 'https://elders.example/x.png' is loaded from another origin",
    ]


# --- Material's hashed asset names come from the installed Material ---------------------------

_HASHED = re.compile(r"assets/[\w/]+\.[0-9a-f]{8}\.min\.(?:css|js)")


def test_asset_names_are_the_ones_materials_base_html_loads() -> None:
    upstream = (templates_dir() / "base.html").read_text(encoding="utf-8")
    assets = material_assets()
    assert set(_HASHED.findall(upstream)) == {assets.main_css, assets.palette_css, assets.bundle_js,
                                              assets.search_worker}
    assert f"mkdocs-material-{assets.version}\"" in upstream
    assert assets.version == material_version()


def test_theme_hard_codes_no_material_asset_name_or_version() -> None:
    for path in sorted(THEME.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert not _HASHED.findall(text), path
        assert not re.search(r"mkdocs-material-\d", text), path


# --- every override records the Material original it was derived from -----------------------

# In an override's leading Jinja comment: "Upstream: Material 9.8.2 partials/header.html, sha256 <64 hex>".
_RECORD = re.compile(r"^\s*Upstream: Material (\S+) (\S+), sha256 ([0-9a-f]{64})\s*$", re.MULTILINE)


def _record(path: Path) -> tuple[str, str, str] | None:
    """The (version, path, sha256) recorded in a theme file's leading Jinja comment."""
    comment = re.match(r"\{#(.*?)#\}", path.read_text(encoding="utf-8"), re.DOTALL)
    found = _RECORD.search(comment.group(1)) if comment else None
    return (found.group(1), found.group(2), found.group(3)) if found else None


def _overrides() -> list[str]:
    """Theme files with the path of a file of the installed Material's, or with an upstream record."""
    upstream = templates_dir()
    return sorted(path.relative_to(THEME).as_posix() for path in THEME.rglob("*") if path.is_file()
                  and ((upstream / path.relative_to(THEME)).is_file()
                       or (path.suffix == ".html" and _record(path) is not None)))


def test_the_theme_overrides_materials_templates() -> None:
    assert {"base.html", "main.html", "partials/header.html"} <= set(_overrides())


@pytest.mark.parametrize("name", _overrides())
def test_override_was_derived_from_the_installed_materials_original(name: str) -> None:
    installed = material_version()
    original = templates_dir() / name
    digest = hashlib.sha256(original.read_bytes()).hexdigest() if original.is_file() else None
    wanted = f"Upstream: Material {installed} {name}, sha256 {digest}"
    record = _record(THEME / name)
    assert record is not None, (
        f"src/cjgportaal/adapter/theme/{name} overrides Material's {name} but does not record which original it was derived "
        f"from: review it against the installed original, then add this line to its leading Jinja "
        f"comment: {wanted}")
    version, path, recorded = record
    assert path == name, f"src/cjgportaal/adapter/theme/{name} records the original of {path}: it should be {name}"
    assert digest is not None, (
        f"src/cjgportaal/adapter/theme/{name} was derived from Material {version}'s {name}, but the installed Material "
        f"{installed} has no {name}: the override no longer overrides anything; move its changes to "
        f"where Material {installed} has them")
    assert recorded == digest, (
        f"src/cjgportaal/adapter/theme/{name} was derived from Material {version}'s {name}, but the installed Material "
        f"{installed} has a different original: review the override, then update the recorded hash "
        f"({wanted})")


# --- MkDocs knows the anchors of the generated pages ------------------------------------------

def test_links_to_anchors_of_generated_pages_are_checked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project, "content/ouders/gezin.md", "\n---\n", "\n---\n\n"  # right after the front matter
         "[a](contact.md#inloop) [b](agenda.md#elke-week) [c](peuter.md#aanbod-bij-dit-onderwerp) "
         "[d](contact.md#bestaat-niet) [e](peuter.md#ook-niet)\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    reported = re.findall(r"contains a link '([^']+)', but", result.stderr)
    # contact.md and agenda.md are generated; peuter.md has a generated list of matching offerings.
    assert sorted(reported) == ["contact.md#bestaat-niet", "peuter.md#ook-niet"], "\n".join(
        line for line in result.stderr.splitlines() if "contains a link" in line)
