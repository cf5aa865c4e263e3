"""The files of the site that come from the data alone, written beside the pages.

The sociale kaart's search index and exports, the iCalendar files, the news feed, the open data and
the JSON schemas need the catalog, not the rendered pages. They are written in a second process
while MkDocs renders the pages in the first: on a machine with two cores or more they cost the
build little time. The first process, done with the pages, takes the outputs the second has not
begun, from the end of the list, and those that read its parse of the data files (claimed for it
beforehand; `DataFilesWriter.share`); each output is claimed once, by a file.
The second process starts with the build and imports its modules while the first loads the data;
it begins writing as soon as the data is loaded, before MkDocs empties the site folder. The
MkDocs plugin has it write into a hidden folder inside it (MkDocs keeps hidden entries) and moves the
files into place when the pages are done. In `mkdocs serve --dirty`, which does not empty the
folder, it starts after the pages and writes straight into the site, and loads the data itself.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import shutil
import signal
import site
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from ...catalog.catalog import load_catalog
from .outputs import OUTPUTS, DataFilesJob, own_folders
from .search_index import SearchIndexError


def write_data_files(job: DataFilesJob, claims: Path | None = None, from_end: bool = False) -> None:
    """Write every data file of the site (every entry of OUTPUTS) into `job.site_dir`; with `claims`
    (a folder) only the outputs no other process has claimed there, in order or `from_end`."""
    order = range(len(OUTPUTS) - 1, -1, -1) if from_end else range(len(OUTPUTS))
    for index in order:
        if claims is None or _claim(claims, index):
            OUTPUTS[index].write(job)


def _claim(claims: Path, index: int) -> bool:
    """Claim output `index` for this process: True when no other process had."""
    try:
        os.close(os.open(claims / str(index), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


class DataFilesError(RuntimeError):
    """The second process could not write the data files; the message says why."""


class DataFilesWriter:
    """Writes the data files in a second Python process (`python -m cjgportaal.data_files JOB GO`).

    The process starts before its job is known and imports what it writes with while this one
    loads the data; it reads the job (a pickle, JOB) once this process writes to the pipe GO, and
    ends without writing anything when the pipe closes first. A plain subprocess rather than
    multiprocessing: that would import the caller's main module again in the child, which breaks
    scripts that run a build without an `if __name__` guard.
    """

    def __init__(self, job: DataFilesJob | None = None, load_again: bool = False) -> None:
        """Start the process, and `send` it `job` when given."""
        with tempfile.NamedTemporaryFile("wb", prefix="cjg-data-", suffix=".pickle", delete=False) as handle:
            self._job_path = Path(handle.name)
        self._job: DataFilesJob | None = None
        self._kept: list[int] = []  # the outputs claimed for this process before the other began
        self._claims = _claims_of(self._job_path)
        self._claims.mkdir()
        self._cancelled = False
        self._waiting = threading.Lock()
        self._errors: str | None = None  # what the process wrote to stderr, once it has ended
        go, self._go = os.pipe()
        try:
            # Its own process group, so that `cancel` also stops the Pagefind it runs.
            self._process = subprocess.Popen([sys.executable, "-m", __name__, str(self._job_path), str(go)],
                                             env=_child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                             text=True, start_new_session=True, pass_fds=(go,))
        except OSError:
            self._job_path.unlink(missing_ok=True)
            shutil.rmtree(self._claims, ignore_errors=True)
            os.close(self._go)
            raise
        finally:
            os.close(go)
        if job is not None:
            self.send(job, load_again)

    def send(self, job: DataFilesJob, load_again: bool = False) -> None:
        """Have the process write the files of `job`. `load_again`: it loads the catalog from the
        data folders itself, as this process did (`mkdocs serve --dirty`: pickling a region's
        catalog holds this process for half a second at 5,000 offerings, just as the preview of
        the edit is asked for)."""
        job.site_dir.mkdir(parents=True, exist_ok=True)
        if job.parsed is not None and not load_again:  # what reads the parse is this process's `share`
            self._kept = [i for i, output in enumerate(OUTPUTS) if output.reads_parse and _claim(self._claims, i)]
        with self._job_path.open("wb") as handle:
            pickle.dump(_without_catalog(job) if load_again else job, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._job = job
        self._release(b"1")

    def _release(self, word: bytes) -> None:
        """Write `word` to the process's pipe (nothing: it ends without a job) and close it."""
        if self._go < 0:
            return
        with contextlib.suppress(OSError):  # the process has ended already: `wait` says why
            os.write(self._go, word)
        os.close(self._go)
        self._go = -1

    def share(self) -> None:
        """Write, in this process, the outputs that read its parse and those the second process has
        not begun, from the end of the list (raises what writing them raises)."""
        assert self._job is not None, "send the job first"
        try:
            for index in self._kept:
                OUTPUTS[index].write(self._job)
            write_data_files(self._job, self._claims, from_end=True)
        except SearchIndexError as error:
            raise DataFilesError(str(error)) from error

    def wait(self) -> None:
        """Block until the second process's files are written; raise DataFilesError if they could
        not be (not after `cancel`). Safe to call from several threads. The outputs `send` kept for
        this process are written by `share` alone: call it first when they are wanted."""
        with self._waiting:
            self._release(b"")
            if self._errors is None:
                _, self._errors = self._process.communicate()
                self._job_path.unlink(missing_ok=True)
                shutil.rmtree(self._claims, ignore_errors=True)
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


_Lean = tuple[date, dict[str, Any]]  # a job without its catalog: the catalog's date, the other fields


def _without_catalog(job: DataFilesJob) -> _Lean:
    return job.catalog.today, {name: value for name, value in job.__getstate__().items() if name != "catalog"}


def _with_catalog(lean: _Lean) -> DataFilesJob:
    """The job, with the catalog loaded from its data folders (raises DataFilesError when the data
    now has errors: the build that follows the edit reports them)."""
    today, rest = lean
    catalog, _ = load_catalog(rest["folders"], today)
    if catalog is None:
        raise DataFilesError("de gegevens zijn gewijzigd en bevatten nu fouten.")
    return DataFilesJob(catalog=catalog, **rest)


def _claims_of(job_path: Path) -> Path:
    """The folder beside a job's file where the processes claim its outputs."""
    return job_path.with_suffix(".claims")


def _child_env() -> dict[str, str]:
    """The environment of the second process: the package importable also when the caller found it
    through sys.path (tests, scripts), without putting site-packages before the standard library."""
    package_parent = str(Path(__file__).resolve().parents[3])
    if package_parent in site.getsitepackages():
        return dict(os.environ)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}


def move_into(source: Path, target: Path, where: str = "") -> None:
    """Move the data files from `source` into the site at `target`: the data files' own folders
    replace the site's, other folders are merged. `where`: the folders' path in the site."""
    own = own_folders()
    for entry in source.iterdir():
        destination, path = target / entry.name, f"{where}{entry.name}"
        if entry.is_dir() and destination.is_dir() and path not in own:
            move_into(entry, destination, f"{path}/")
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(entry, destination)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(1)  # unwinds, so that the search index's scratch folder is removed


def _end_with(parent: int) -> None:
    """Stop this process (and the Pagefind it runs) once the build that started it is gone, killed
    before it could cancel us."""
    while os.getppid() == parent:
        time.sleep(1)
    os.killpg(0, signal.SIGTERM)


def main(job_path: str, go: str) -> int:
    """The second process: write the data files of the pickled job, once DataFilesWriter says so
    on the pipe `go`."""
    signal.signal(signal.SIGTERM, _stop)
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    importlib.import_module(f"{__package__}.calendar_feeds")  # while the first process loads the data
    with os.fdopen(int(go), "rb") as pipe:
        if not pipe.read(1):  # the build ended before it had a job for us
            Path(job_path).unlink(missing_ok=True)
            return 0
    with open(job_path, "rb") as handle:
        job = pickle.load(handle)  # our own file, just written by the parent process
    Path(job_path).unlink(missing_ok=True)  # also when the parent is killed before it could
    try:
        write_data_files(job if isinstance(job, DataFilesJob) else _with_catalog(job), _claims_of(Path(job_path)))
    except (SearchIndexError, DataFilesError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
