"""The data files (kaart index, exports, iCalendar, open data) written by a second process while
MkDocs renders the pages: into a hidden folder of site_dir that survives MkDocs' cleaning, moved into
place after the pages. `mkdocs serve --dirty` writes them after the pages, straight into the site
(the second process loads the data itself)."""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import replace
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..render.files.data_files import DataFilesError, DataFilesWriter, move_into
from ..render.files.outputs import DataFilesJob

log = logging.getLogger("mkdocs.plugins.cjg")

STAGING = ".cjg-data-files"  # in site_dir: where the data files wait until the pages are done


def _report_failure(writer: DataFilesWriter) -> None:
    try:
        writer.wait()
    except DataFilesError as error:
        log.error(str(error))


class DataFilesRun:
    """The second process of one build."""

    def __init__(self) -> None:
        self.after_pages = False  # mkdocs serve --dirty: the pages show first
        self._writer: DataFilesWriter | None = None

    def start(self) -> None:
        """A build begins: start the second process, which gets ready while this one loads the
        data; unless the files come after the pages."""
        self.cancel()  # the previous build of `mkdocs serve --dirty`, still writing
        if not self.after_pages:
            self._writer = DataFilesWriter()

    def before_pages(self, job: DataFilesJob) -> None:
        """Start writing, unless the files come after the pages. `job.site_dir` is the site folder."""
        if not self.after_pages:
            assert self._writer is not None, "start the build first"
            shutil.rmtree(job.site_dir / STAGING, ignore_errors=True)
            self._writer.send(replace(job, site_dir=job.site_dir / STAGING))

    def after(self, job: DataFilesJob) -> None:
        """The pages are done: write what the second process has not begun, and move the files into
        place; or (--dirty) start writing them now."""
        site = job.site_dir
        if self.after_pages:  # dirty: site_dir is not cleaned, so they go straight in
            try:
                self._writer = DataFilesWriter(job, load_again=True)
            except OSError as error:
                log.error(f"De databestanden konden niet worden geschreven: {error}")
                return
            threading.Thread(target=_report_failure, args=(self._writer,), daemon=True).start()
            return
        assert self._writer is not None
        try:
            self._writer.share()
            self._writer.wait()
            move_into(site / STAGING, site)
        except DataFilesError as error:
            raise PluginError(str(error)) from error
        finally:
            self._writer.cancel()  # when this process could not write its share: stop the other
            shutil.rmtree(site / STAGING, ignore_errors=True)
            self._writer = None

    def wait(self) -> None:
        """Block until the data files are written (they follow the pages in `mkdocs serve --dirty`);
        raise DataFilesError if they could not be."""
        if self._writer is not None:
            self._writer.wait()

    def cancel(self, site_dir: Path | None = None) -> None:
        """Stop the second process (the build failed, a newer one started, or serve stops)."""
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
        if site_dir is not None:
            shutil.rmtree(site_dir / STAGING, ignore_errors=True)
