"""`mkdocs serve` sees a saved data file at once (the system's file events) and still sees it where
those events do not arrive (polling), with one rebuild per change; `test_site` has a real `mkdocs
serve` show an edit after one rebuild."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from watchdog.observers.polling import PollingObserver

from cjgportaal.adapter import data_watch
from cjgportaal.adapter.data_watch import DataWatch
from cjgportaal.catalog.entry_kinds import DataFolders

from .conftest import OFFERING, copy_project

SETTLED = 4 * data_watch.POLL_SECONDS + 0.5  # polling has looked again (and inotify paired a move)
BUILD_DELAY = 0.1  # MkDocs' LiveReloadServer.build_delay: it builds once no request came for this long


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


@pytest.fixture
def rebuilds(project: Path) -> Iterator[list[float]]:
    """When the watch of the project's data folders asked for a rebuild."""
    asked: list[float] = []
    watch = DataWatch()
    watch.watch(DataFolders(project), lambda: asked.append(time.monotonic()))
    yield asked
    watch.stop()


def _save(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "titel: Peuter in zicht" in text
    path.write_text(text.replace("titel: Peuter in zicht", "titel: Peuters in beeld"), encoding="utf-8")


def _after(action: Callable[[], None], rebuilds: list[float]) -> int:
    """How many rebuilds MkDocs would run for what the watch asked once `action` has been done and
    the watchers have settled (a write can be reported while the file is still being written)."""
    action()
    time.sleep(SETTLED)
    return sum(1 for before, at in zip([-1.0, *rebuilds], rebuilds, strict=False) if at - before > BUILD_DELAY)


def test_reading_the_data_files_or_opening_them_to_write_nothing_starts_no_rebuild(
        project: Path, rebuilds: list[float]) -> None:
    def read() -> None:
        for path in sorted(project.glob("*/**/*.yml")):
            path.read_bytes()  # what a build does with every data file
            path.open("a").close()  # reported as a file closed after writing
    assert _after(read, rebuilds) == 0


def test_a_save_starts_one_rebuild(project: Path, rebuilds: list[float]) -> None:
    assert _after(lambda: _save(project / OFFERING), rebuilds) == 1


def test_a_file_moved_out_of_the_folder_starts_one_rebuild(project: Path, rebuilds: list[float]) -> None:
    # polling may see this first: inotify holds a move from the folder back for half a second
    assert _after(lambda: (project / OFFERING).rename(project / "elders.yml"), rebuilds) == 1


def test_an_editors_swap_and_backup_files_start_no_rebuild(project: Path, rebuilds: list[float]) -> None:
    def edit() -> None:
        for name in (".peuter-in-zicht.yml.swp", "peuter-in-zicht.yml~", "4913"):
            (project / "offerings" / name).write_text("x", encoding="utf-8")
    assert _after(edit, rebuilds) == 0


@pytest.fixture
def no_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_watch, "POLL_SECONDS", 60.0)  # polling looks too late to find the change


def test_the_system_file_events_find_a_save_at_once(no_polling: None, project: Path, rebuilds: list[float]) -> None:
    assert _after(lambda: _save(project / OFFERING), rebuilds) == 1


@pytest.fixture
def no_file_events(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_watch, "Observer", PollingObserver)  # what watchdog offers on such a system


def test_where_the_system_has_no_file_events_polling_finds_the_save(
        no_file_events: None, project: Path, rebuilds: list[float]) -> None:
    assert _after(lambda: _save(project / OFFERING), rebuilds) == 1
