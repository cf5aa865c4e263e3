"""The cjg plugin's options, checked by the site settings (catalog/settings.py) rather than by
MkDocs, so that the build and the `cjg` command report the same Dutch messages."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from ..catalog.settings import SiteSettings, read_settings
from ..load.problems import format_report


class NoOptions(Config):
    """What MkDocs checks of the plugin's options: nothing; `site_settings` does."""


def site_settings(options: Mapping[str, Any], config_file: Path) -> SiteSettings:
    """The settings from the plugin's options; refuse to build when they are wrong."""
    settings, problems = read_settings({k: v for k, v in options.items() if v is not None}, config_file)
    if settings is None:
        raise PluginError("De instellingen van de cjg-plugin in mkdocs.yml kloppen niet.\n" + format_report(problems))
    return settings
