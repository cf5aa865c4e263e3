"""The open data of a site: HSDS 3.0 as JSON and as a tabular package, and the changes feed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...catalog.catalog import Catalog
from ...catalog.site_info import SiteInfo
from .. import urls
from .feeds import FEED_PATH, atom_feed
from .hsds_export import HsdsExporter
from .hsds_ids import site_namespace
from .hsds_tabular import datapackage, flatten, write_package

OPEN_DATA_DIR = "open-data"
# Published files, relative to the site root, with what each holds (shown on the Open data page).
FILES = {
    f"{OPEN_DATA_DIR}/hsds/organizations.json": "Alle partners als HSDS-organisaties (JSON).",
    f"{OPEN_DATA_DIR}/hsds/services.json": "Al het aanbod als HSDS-diensten, met locaties, tijden, kosten, "
                                           "talen en indeling (JSON).",
    f"{OPEN_DATA_DIR}/hsds/tabular/datapackage.json": "Dezelfde gegevens als tabellen: de beschrijving van het "
                                                      "pakket met CSV-bestanden (HSDS tabular package).",
    FEED_PATH: "Nieuw en gewijzigd aanbod als Atom-feed, voor een feedlezer of de nieuwsbrief.",
    urls.EXPORT_CSV: "Het aanbod als eenvoudige tabel, zoals in de sociale kaart (CSV, niet HSDS).",
    urls.EXPORT_JSON: "Hetzelfde als eenvoudige lijst (JSON, niet HSDS).",
}


def _json(value: Any) -> str:
    # Compact: json only uses its C encoder without indent, and the files are for programs.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_open_data(catalog: Catalog, site: SiteInfo, site_dir: Path, directory_urls: bool = True) -> list[Path]:
    """Write every open-data file into the built site; returns the paths written."""
    exporter = HsdsExporter(catalog, site_namespace(site.url))
    organizations, services = exporter.organizations(), exporter.services()
    hsds = site_dir / OPEN_DATA_DIR / "hsds"
    hsds.mkdir(parents=True, exist_ok=True)
    written = []
    for name, records in (("organizations.json", organizations), ("services.json", services)):
        (hsds / name).write_text(_json(records), encoding="utf-8")
        written.append(hsds / name)
    license_name, license_url = site.license_name_and_url()
    tables = flatten(organizations, services, exporter.taxonomy_terms())
    license_ = {"name": site.license, "title": license_name, **({"path": license_url} if license_url else {})}
    descriptor = datapackage(tables, "sociale-kaart-hsds", f"Sociale kaart {site.name} (HSDS 3.0)", license_)
    written += write_package(hsds / "tabular", tables, descriptor)
    feed = site_dir / FEED_PATH
    feed.write_bytes(atom_feed(catalog, site, directory_urls))
    return [*written, feed]
