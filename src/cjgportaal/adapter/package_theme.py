"""The package's own theme files (templates, JS, CSS, images in theme/), registered between a
site's own overrides (its `custom_dir`, which then holds only those) and Material."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).parent / "theme"


def add_package_theme(config: MkDocsConfig) -> None:
    """Put the package's theme in the theme's search path, after the site's `custom_dir`."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
