"""The registry of the site's data files: every file the catalog alone makes, one entry each.

An entry says where its files go, whether that folder is its own (replaced whole on every build, so
that no file of an earlier build stays), what the Open data page says of the files it publishes, and
how to write them. To add an output: a module that makes its files, its path in `urls`, and one
entry in OUTPUTS. The data files process (`data_files`) writes them all; the Open data page lists
what they publish.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...catalog.catalog import Catalog
from ...catalog.contact_point import walk_ins
from ...catalog.entry_kinds import DataFolders
from ...catalog.monitor import Monitor
from ...catalog.site_info import SiteInfo
from ...load.yaml_files import ParseCache
from .. import urls
from ..news import NewsPost, atom_feed
from .feeds import atom_feed as changes_feed
from .form_data import form_data_files
from .hsds_files import write_hsds
from .kaart import export_csv, export_json, records_by_index
from .monitor_files import monitor_csv, monitor_json
from .schema import write_schemas
from .search_index import write_search_index


@dataclass(frozen=True)
class DataFilesJob:
    """Everything the data files need: sent to the second process as one picklable value."""

    catalog: Catalog
    posts: tuple[NewsPost, ...]
    folders: DataFolders
    site: SiteInfo
    directory_urls: bool
    site_dir: Path  # where to write them
    kaart_split_above: int  # SiteSettings.kaart_split_above
    # The data files as the first process parsed them; not sent to the second, which parses what it needs.
    parsed: ParseCache | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Every field but `parsed` (which a copy reads as None)."""
        return {name: value for name, value in self.__dict__.items() if name != "parsed"}


@dataclass(frozen=True)
class Output:
    """One output of the site: its file (or folder), how to write it, and how it is published."""

    path: str  # relative to the site root
    write: Callable[[DataFilesJob], None]  # writes its files under job.site_dir
    owns_folder: bool = False  # `path` is a folder only this output writes to
    published: tuple[tuple[str, str], ...] = ()  # (file, what it holds) for the Open data page
    # Reads job.parsed: when two processes share the work, the first, which holds the parse, writes it.
    reads_parse: bool = False


def _files(make: Callable[[DataFilesJob], Mapping[str, bytes]]) -> Callable[[DataFilesJob], None]:
    """A writer for an output made as {path: content}."""
    def write(job: DataFilesJob) -> None:
        for path, content in make(job).items():
            (job.site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (job.site_dir / path).write_bytes(content)

    return write


def _schemas(job: DataFilesJob) -> None:
    write_schemas(job.folders, job.site_dir / urls.SCHEMAS_DIR)


def _search_index(job: DataFilesJob) -> None:
    write_search_index(records_by_index(job.catalog, job.kaart_split_above, job.directory_urls),
                       job.site_dir / urls.SEARCH_INDEX_DIR)


def _calendars(job: DataFilesJob) -> dict[str, bytes]:
    # Imported here: icalendar takes 0.3 s to import, and the first process seldom writes the
    # calendars; the second imports them as it starts (`data_files.main`).
    from .calendar_feeds import FeedSite, calendar_files

    catalog = job.catalog
    return calendar_files(catalog, walk_ins(catalog.visible_offerings()), job.site.name,
                          FeedSite(job.site.url, catalog.today, job.directory_urls))


def _news_feed(job: DataFilesJob) -> dict[str, bytes]:
    return {urls.NEWS_FEED: atom_feed(list(job.posts), job.site.name, job.site.url, job.catalog.today,
                                      job.directory_urls)}


def _hsds(job: DataFilesJob) -> None:
    write_hsds(job.catalog, job.site, job.site_dir)


def _changes_feed(job: DataFilesJob) -> dict[str, bytes]:
    return {urls.CHANGES_FEED: changes_feed(job.catalog, job.site, job.directory_urls)}


def _monitor_json(job: DataFilesJob) -> dict[str, bytes]:
    return {urls.MONITOR_JSON: monitor_json(Monitor(job.catalog)).encode("utf-8")}


def _monitor_csv(job: DataFilesJob) -> dict[str, bytes]:
    return {urls.MONITOR_CSV: monitor_csv(Monitor(job.catalog)).encode("utf-8")}


def _robots(job: DataFilesJob) -> dict[str, bytes]:
    """Every crawler is welcome; the sitemap (needs site_url to be absolute) lists every page."""
    sitemap = f"Sitemap: {job.site.absolute(urls.SITEMAP)}\n" if job.site.url else ""
    return {urls.ROBOTS: f"User-agent: *\nAllow: /\n{sitemap}".encode()}


def _export_csv(job: DataFilesJob) -> dict[str, bytes]:
    return {urls.EXPORT_CSV: export_csv(job.catalog, job.site.url, job.directory_urls).encode("utf-8")}


def _export_json(job: DataFilesJob) -> dict[str, bytes]:
    return {urls.EXPORT_JSON: export_json(job.catalog, job.site.url, job.directory_urls).encode("utf-8")}


# In the order the Open data page lists what they publish.
OUTPUTS: tuple[Output, ...] = (
    Output(urls.SCHEMAS_DIR, _schemas, owns_folder=True),
    Output(urls.SEARCH_INDEX_DIR, _search_index, owns_folder=True),
    Output(urls.CALENDAR_DIR, _files(_calendars), owns_folder=True),
    Output(urls.NEWS_FEED, _files(_news_feed)),
    Output(urls.HSDS_DIR, _hsds, owns_folder=True, published=(
        (f"{urls.HSDS_DIR}/organizations.json", "Alle partners als HSDS-organisaties (JSON)."),
        (f"{urls.HSDS_DIR}/services.json", "Al het aanbod als HSDS-diensten, met locaties, tijden, kosten, "
                                           "talen en indeling (JSON)."),
        (f"{urls.HSDS_TABULAR_DIR}/datapackage.json", "Dezelfde gegevens als tabellen: de beschrijving van het "
                                                      "pakket met CSV-bestanden (HSDS tabular package)."),
        (f"{urls.HSDS_PROFILE_DIR}/profile.json", "Het CJG-profiel op HSDS 3.0: wat de cjg_-velden en de "
                                                  "Nederlandse taxonomieën betekenen, als JSON merge patches op de "
                                                  "HSDS-schema's."),
    )),
    Output(urls.CHANGES_FEED, _files(_changes_feed), published=(
        (urls.CHANGES_FEED, "Nieuw en gewijzigd aanbod als Atom-feed, voor een feedlezer of de nieuwsbrief."),)),
    Output(urls.EXPORT_CSV, _files(_export_csv), published=(
        (urls.EXPORT_CSV, "Het aanbod als eenvoudige tabel, zoals in de sociale kaart (CSV, niet HSDS)."),)),
    Output(urls.EXPORT_JSON, _files(_export_json), published=(
        (urls.EXPORT_JSON, "Hetzelfde als eenvoudige lijst (JSON, niet HSDS)."),)),
    Output(urls.MONITOR_JSON, _files(_monitor_json), published=(
        (urls.MONITOR_JSON, "De cijfers van de aanbodmonitor: dekking, gaten en actualiteit (JSON)."),)),
    Output(urls.MONITOR_CSV, _files(_monitor_csv), published=(
        (urls.MONITOR_CSV, "Dezelfde cijfers als tabel, één cijfer per regel (CSV)."),)),
    Output(urls.ROBOTS, _files(_robots)),
    Output(urls.FORM_DATA_DIR, _files(form_data_files), owns_folder=True, reads_parse=True),
)


def published_files() -> list[tuple[str, str]]:
    """Every file the Open data page lists, with what it holds."""
    return [file for output in OUTPUTS for file in output.published]


def own_folders() -> frozenset[str]:
    """The folders that only the data files write to."""
    return frozenset(output.path for output in OUTPUTS if output.owns_folder)
