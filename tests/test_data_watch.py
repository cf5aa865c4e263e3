"""`mkdocs serve` sees a saved data file at once (the system's file events) and still sees it where
those events do not arrive (polling); `test_site` has a real `mkdocs serve` rebuild once per save."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from cjgportaal.adapter import data_watch
from cjgportaal.adapter.data_watch import DataWatch
from cjgportaal.catalog.entry_kinds import DataFolders

from .conftest import OFFERING, copy_project
from .test_site import _free_port


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, LiveReloadServer]]:
    """A copy of the sample project, its data folders watched for a real (not serving) MkDocs server."""
    project = copy_project(tmp_path / "p")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=_free_port(), root=str(tmp_path))
    watch = DataWatch()
    watch.start(server, DataFolders(project))
    time.sleep(0.2)  # the observers take their first look
    yield project, server
    watch.stop()


def _rebuild_wanted(server: LiveReloadServer, seconds: float) -> bool:
    """Whether the watch asked the server for a rebuild within `seconds` (as its build loop waits)."""
    with server._rebuild_cond:
        return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=seconds)


def _save(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Peuter in zicht", "titel: Peuters in beeld"),
                    encoding="utf-8")


@pytest.fixture
def no_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_watch, "POLL_SECONDS", 60.0)  # only the file events can find a change in time


def test_the_file_events_start_a_rebuild_at_once_and_reading_the_files_does_not(
        no_polling: None, watched: tuple[Path, LiveReloadServer]) -> None:
    project, server = watched
    for path in sorted(project.glob("*/**/*.yml")):  # what a build does with every data file
        path.read_bytes()
    assert not _rebuild_wanted(server, 1.0)
    _save(project / OFFERING)
    assert _rebuild_wanted(server, 2.0)


@pytest.fixture
def no_file_events(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_watch, "Observer", PollingObserver)  # what watchdog offers on such a system


def test_where_the_system_has_no_file_events_polling_finds_the_change(
        no_file_events: None, watched: tuple[Path, LiveReloadServer]) -> None:
    project, server = watched
    _save(project / OFFERING)
    assert _rebuild_wanted(server, 5.0)
