"""The site's settings: the options of the cjg plugin in mkdocs.yml, typed, checked and with their
defaults stated here only. The MkDocs plugin and the `cjg` command both build them with
`read_settings`, so they see the same values and the same Dutch messages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..load.problems import Problem
from ..load.yaml_files import SourceDoc
from ..model.fieldtypes import Date, Email, GithubHandle, WebUrl, problem
from ..model.validation import validate
from .entry_kinds import DataFolders

PLUGIN_NAME = "cjg"
_FOLDERS = DataFolders(Path())  # the default data folders


class ContactForm(BaseModel):
    """Where the contact form sends to: an e-mail address (default: the loket's) or an endpoint."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    email: Email | None = None
    endpoint: WebUrl | None = None  # an https form endpoint the municipality runs

    @model_validator(mode="after")
    def _one_route(self) -> ContactForm:
        if self.endpoint and (self.email or not self.endpoint.startswith("https://")):
            raise problem("geef óf 'email' óf 'endpoint', en een endpoint moet met https:// beginnen.",
                          "laat één van beide weg, of schrijf het endpoint met https://.")
        return self


class SiteSettings(BaseModel):
    """Options of the cjg plugin (`plugins: - cjg: ...` in mkdocs.yml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    partners_dir: str = _FOLDERS.partners
    offerings_dir: str = _FOLDERS.offerings
    lists_dir: str = _FOLDERS.lists
    build_date: Date | None = None  # the day the site is built for (SOURCE_DATE_EPOCH wins)
    feedback_email: Email | None = None  # "Fout melden" and the form's e-mail route
    coordinators: tuple[GithubHandle, ...] = ()  # GitHub handles, for CODEOWNERS
    stale_months: int = Field(default=12, ge=1)  # for `cjg report stale`
    repository: str = ""  # owner/name on GitHub, for the form's pull-request link
    branch: str = "main"
    monitor_path: str = "professionals/aanbodmonitor.md"  # where the aanbodmonitor goes
    quick_exit_url: WebUrl = "https://www.weeronline.nl/"  # the "snel weg" button's neutral site
    # Pages outside jongeren/ (which always has it) with the "snel weg" bar, as paths in docs_dir.
    quick_exit_pages: tuple[str, ...] = ()
    quick_exit_info: str = ""  # a page in docs_dir on visiting unseen, linked next to the button
    error_report: Literal["email", "issue"] = "email"  # "Fout melden": e-mail or GitHub issue
    contact_form: ContactForm = ContactForm()
    open_data_license: str = "CC0-1.0"  # SPDX id of the open data's licence
    # Generated pages outside the menu are written around a frame of the theme, rendered once per
    # folder (adapter/framed_pages.py); false sends them through MkDocs' page events one by one.
    page_frames: bool = True
    # Above this many visible offerings, on a site of more than one gemeente, the sociale kaart searches
    # one gemeente at a time, with an index each: one index of a province or of the country is too
    # large to load and too slow to search (render/files/kaart.py, docs/scale.md).
    kaart_split_above: int = Field(default=6000, ge=0)

    def folders(self, root: Path) -> DataFolders:
        """Where the data of the project at `root` lives."""
        return DataFolders(root, self.partners_dir, self.offerings_dir, self.lists_dir)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring the !!python and !ENV tags some configurations use."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The options given to the cjg plugin in a mkdocs.yml (empty if absent), as written."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    return {}


def _option_lines(config_file: Path) -> dict[tuple[str | int, ...], int]:
    """The line of each option of the cjg plugin in mkdocs.yml (empty if it cannot be found)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    lines: dict[tuple[str | int, ...], int] = {}
    plugins = next((value for key, value in getattr(root, "value", ()) if key.value == "plugins"), None)
    for entry in getattr(plugins, "value", ()):
        for key, options in entry.value if isinstance(entry, yaml.MappingNode) else ():
            if key.value == PLUGIN_NAME and isinstance(options, yaml.MappingNode):
                for name, value in options.value:
                    lines[(name.value,)] = name.start_mark.line + 1
                    for sub, _ in value.value if isinstance(value, yaml.MappingNode) else ():
                        lines[(name.value, sub.value)] = sub.start_mark.line + 1
    return lines


def read_settings(options: dict[str, Any], config_file: Path) -> tuple[SiteSettings | None, list[Problem]]:
    """The settings from the cjg plugin's `options` in `config_file`, or all problems with them."""
    settings, problems = validate(SiteSettings, SourceDoc(config_file.name, options))
    if problems:  # read the file's lines only to say where the problems are
        settings, problems = validate(SiteSettings, SourceDoc(config_file.name, options, _option_lines(config_file)))
    return settings, [replace(p, field=f"plugins.cjg.{p.field}") if p.field else p for p in problems]
