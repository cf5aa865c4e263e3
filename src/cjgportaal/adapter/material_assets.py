"""The installed Material for MkDocs: its version and the hashed names of its assets.

Material names its stylesheets, JavaScript bundle and search worker after a hash of their content
(assets/stylesheets/main.57a0d79d.min.css), and its base.html refers to them by those names.
adapter/theme/base.html is a copy of that base.html; it takes the names and the version from here (the plugin
gives them to the templates as `material_assets`), so that a Material upgrade cannot leave the site
pointing at files that are gone.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DISTRIBUTION = "mkdocs-material"


@dataclass(frozen=True)
class MaterialAssets:
    """The installed Material's version and hashed assets (paths relative to the site root)."""

    version: str  # "9.8.2"
    main_css: str  # "assets/stylesheets/main.57a0d79d.min.css"
    palette_css: str
    bundle_js: str
    search_worker: str


def material_version() -> str:
    """The version of the installed Material for MkDocs."""
    return importlib.metadata.version(DISTRIBUTION)


def templates_dir() -> Path:
    """The installed Material's theme folder (material/templates), the one MkDocs uses: its
    templates and the assets it copies into the site."""
    return Path(str(importlib.resources.files("material.templates")))


def _hashed(templates: Path, pattern: str) -> str:
    found = sorted(templates.glob(pattern))
    if len(found) != 1:
        raise LookupError(f"Material for MkDocs {material_version()}: expected one file {pattern} in "
                          f"{templates}, found {len(found)}; adapter/theme/base.html needs it.")
    return found[0].relative_to(templates).as_posix()


@cache  # the installed Material does not change while MkDocs runs (`mkdocs serve` builds many times)
def material_assets() -> MaterialAssets:
    """The installed Material's version and the names of the hashed assets its base.html loads."""
    templates = templates_dir()
    return MaterialAssets(version=material_version(),
                          main_css=_hashed(templates, "assets/stylesheets/main.*.min.css"),
                          palette_css=_hashed(templates, "assets/stylesheets/palette.*.min.css"),
                          bundle_js=_hashed(templates, "assets/javascripts/bundle.*.min.js"),
                          search_worker=_hashed(templates, "assets/javascripts/workers/search.*.min.js"))
