"""The files of the site that come from the data alone, written beside the pages.

The sociale kaart's search index and exports, the iCalendar files, the news feed, the open data and
the JSON schemas need the catalog, not the rendered pages. They are written in a second process
while MkDocs renders the pages in the first: on a machine with two cores or more they cost the
build little time. The second process starts as soon as the data is loaded, before MkDocs empties
the site folder; the MkDocs plugin has it write into a hidden folder inside it (MkDocs keeps hidden
entries) and moves the files into place when the pages are done. In `mkdocs serve --dirty`, which
does not empty the folder, it starts after the pages and writes straight into the site.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import signal
import site
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ...catalog.catalog import Catalog, DataFolders
from ...catalog.contact_point import walk_ins
from ...catalog.site_info import SiteInfo
from .. import urls
from ..news import NewsPost, atom_feed
from .calendar_feeds import FeedSite, calendar_files
from .kaart import export_csv, export_json, search_records
from .open_data import OPEN_DATA_DIR, write_open_data
from .schema import write_schemas
from .search_index import BUNDLE, SearchIndexError, write_search_index


@dataclass(frozen=True)
class DataFilesJob:
    """Everything the data files need: sent to the second process as one picklable value."""

    catalog: Catalog
    posts: tuple[NewsPost, ...]
    folders: DataFolders
    site: SiteInfo
    directory_urls: bool
    site_dir: Path  # where to write them


def write_data_files(job: DataFilesJob) -> None:
    """Write every data file of the site into `job.site_dir`."""
    catalog, site, site_dir = job.catalog, job.site, job.site_dir
    write_schemas(job.folders, site_dir / "schemas")
    write_search_index(search_records(catalog, job.directory_urls), site_dir)
    files = {urls.EXPORT_CSV: export_csv(catalog, site.url, job.directory_urls).encode("utf-8"),
             urls.EXPORT_JSON: export_json(catalog, site.url, job.directory_urls).encode("utf-8")}
    files |= calendar_files(catalog, walk_ins(catalog.visible_offerings()), site.name,
                            FeedSite(site.url, catalog.today, job.directory_urls))
    files[urls.NEWS_FEED] = atom_feed(list(job.posts), site.name, site.url, catalog.today, job.directory_urls)
    for path, content in files.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(content)
    write_open_data(catalog, site, site_dir, job.directory_urls)


class DataFilesError(RuntimeError):
    """The second process could not write the data files; the message says why."""


class DataFilesWriter:
    """Writes the data files in a second Python process (`python -m cjgportaal.data_files JOB`).

    A plain subprocess rather than multiprocessing: that would import the caller's main module
    again in the child, which breaks scripts that run a build without an `if __name__` guard.
    """

    def __init__(self, job: DataFilesJob) -> None:
        job.site_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", prefix="cjg-data-", suffix=".pickle", delete=False) as handle:
            pickle.dump(job, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._job_path = Path(handle.name)
        self._cancelled = False
        self._waiting = threading.Lock()
        self._errors: str | None = None  # what the process wrote to stderr, once it has ended
        try:
            # Its own process group, so that `cancel` also stops the Pagefind it runs.
            self._process = subprocess.Popen([sys.executable, "-m", __name__, str(self._job_path)], env=_child_env(),
                                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                             start_new_session=True)
        except OSError:
            self._job_path.unlink(missing_ok=True)
            raise

    def wait(self) -> None:
        """Block until the files are written; raise DataFilesError if they could not be (not after
        `cancel`). Safe to call from several threads."""
        with self._waiting:
            if self._errors is None:
                _, self._errors = self._process.communicate()
                self._job_path.unlink(missing_ok=True)
        if self._process.returncode != 0 and not self._cancelled:
            raise DataFilesError(self._errors.strip() or f"afgebroken (code {self._process.returncode})")

    def cancel(self) -> None:
        """Stop the second process and what it runs, and wait until they have ended (the build
        failed, or a newer one started)."""
        self._cancelled = True
        if self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGTERM)
        self.wait()


def _child_env() -> dict[str, str]:
    """The environment of the second process: the package importable also when the caller found it
    through sys.path (tests, scripts), without putting site-packages before the standard library."""
    package_parent = str(Path(__file__).resolve().parents[3])
    if package_parent in site.getsitepackages():
        return dict(os.environ)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}


# Folders only the data files write to: replaced whole, so that no file of an earlier build stays.
OWN_FOLDERS = (BUNDLE, "kalender", OPEN_DATA_DIR, "schemas")


def move_into(source: Path, target: Path) -> None:
    """Move the data files from `source` into the site at `target`: the data files' own folders
    replace the site's, other folders are merged."""
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir() and entry.name not in OWN_FOLDERS:
            move_into(entry, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(entry, destination)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(1)  # unwinds, so that the search index's scratch folder is removed


def main(job_path: str) -> int:
    """The second process: write the data files of the pickled job (written by DataFilesWriter)."""
    signal.signal(signal.SIGTERM, _stop)
    with open(job_path, "rb") as handle:
        job = pickle.load(handle)  # our own file, just written by the parent process
    try:
        write_data_files(job)
    except SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
