"""What the open data, the feed and the structured data need to know about the site itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.models import OpeningHours

# SPDX id → Dutch name and link, for the licences a municipality is likely to choose.
LICENSES = {
    "CC0-1.0": ("CC0 1.0 Universeel (publiek domein)", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
    "CC-BY-4.0": ("Creative Commons Naamsvermelding 4.0", "https://creativecommons.org/licenses/by/4.0/deed.nl"),
    "ODbL-1.0": ("Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication 1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
}


@dataclass(frozen=True)
class SiteInfo:
    """The CJG itself: name, address on the web, contact and the licence of its open data.

    Phone, e-mail and opening hours come from the loket (data/loket.yml) when the site has one.
    """

    name: str
    license: str  # SPDX id of the open data's licence
    url: str = ""  # site_url, with a trailing slash, or "" when not set
    description: str = ""
    email: str | None = None
    telephone: str | None = None
    opening_hours: tuple[OpeningHours, ...] = field(default_factory=tuple)

    def absolute(self, path: str) -> str:
        """An address on the site: absolute when the site's URL is known, else from the root."""
        return f"{self.url.rstrip('/')}/{path.lstrip('/')}" if self.url else f"/{path.lstrip('/')}"

    def license_name_and_url(self) -> tuple[str, str]:
        """The licence's Dutch name and link ('' when the id is not one we know)."""
        return LICENSES.get(self.license, (self.license, ""))
