"""The open data of a site in HSDS 3.0: as JSON, as a tabular package, and the profile they follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...catalog.catalog import Catalog
from ...catalog.site_info import SiteInfo
from .. import urls
from .hsds_export import HsdsExporter
from .hsds_ids import site_namespace
from .hsds_profile import patches, profile_description
from .hsds_tabular import datapackage, flatten, json_text, write_package


def _json(value: Any) -> str:
    # Compact: json only uses its C encoder without indent, and the files are for programs.
    return json_text(value, separators=(",", ":")) + "\n"


def write_hsds(catalog: Catalog, site: SiteInfo, site_dir: Path) -> None:
    """Write the HSDS files into the built site: JSON, the tabular package and the profile."""
    exporter = HsdsExporter(catalog, site_namespace(site.url))
    organizations, services = exporter.organizations(), exporter.services()
    hsds = site_dir / urls.HSDS_DIR
    hsds.mkdir(parents=True, exist_ok=True)
    for name, records in (("organizations.json", organizations), ("services.json", services)):
        (hsds / name).write_text(_json(records), encoding="utf-8")
    license_name, license_url = site.license_name_and_url()
    tables = flatten(organizations, services, exporter.taxonomy_terms())
    license_ = {"name": site.license, "title": license_name, **({"path": license_url} if license_url else {})}
    descriptor = datapackage(tables, "sociale-kaart-hsds", f"Sociale kaart {site.name} (HSDS 3.0)", license_)
    write_package(site_dir / urls.HSDS_TABULAR_DIR, tables, descriptor)
    profile = site_dir / urls.HSDS_PROFILE_DIR
    (profile / "schema").mkdir(parents=True, exist_ok=True)
    (profile / "profile.json").write_text(json_text(profile_description(), indent=2) + "\n", encoding="utf-8")
    for name, patch in patches().items():
        (profile / "schema" / name).write_text(json_text(patch, indent=2) + "\n", encoding="utf-8")
