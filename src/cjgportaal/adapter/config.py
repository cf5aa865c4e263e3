"""The options of the cjg plugin in mkdocs.yml."""

from __future__ import annotations

from typing import Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

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
