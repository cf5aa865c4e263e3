"""Site settings shared by the command line and the MkDocs plugin, read from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .catalog import DataFolders

PLUGIN_NAME = "cjg"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring the !!python tags some Markdown extensions use."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The options given to the cjg plugin in a mkdocs.yml (empty if absent)."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    for entry in config.get("plugins") or []:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    return {}


def data_folders(root: Path, options: dict[str, Any]) -> DataFolders:
    """Where the data lives, from plugin options with the defaults for what is not given."""
    return DataFolders(
        root=root,
        partners=options.get("partners_dir", "partners"),
        offerings=options.get("offerings_dir", "offerings"),
        lists=options.get("lists_dir", "data"),
    )
