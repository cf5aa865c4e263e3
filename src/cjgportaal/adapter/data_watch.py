"""`mkdocs serve`: a rebuild as soon as a data file is saved (`DataWatch`).

MkDocs finds changes by polling: every half second it lists and reads the times of every file it
watches. That works on every file system, but at 5,000 offerings one pass over the offerings takes
75 ms of the interpreter the build runs in, and a saved file waits 0.3 s on average before the
rebuild starts. The data folders are therefore also watched through the system's own file events
(inotify, FSEvents, ReadDirectoryChangesW), which arrive at once. Polling stays behind them for the
places those events do not reach (a folder shared into a container, a network drive, a Windows
drive under WSL).

A change is known by the state of the files it names (modification time, size and inode; at the
start, of every data file): whichever watcher reports a state first starts the rebuild, and the
other's report of the same state is dropped, so that one save gives one rebuild. Only YAML files
(what the build reads) and folders count, not an editor's swap and backup files.
"""

from __future__ import annotations

import logging
import os
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ..catalog.entry_kinds import DataFolders
from ..load.yaml_files import YAML_SUFFIXES, yaml_files_in

log = logging.getLogger("mkdocs.plugins.cjg")

POLL_SECONDS = 0.5  # as MkDocs polls (the message in `_system_events` says 'halve seconde')
# Changes of files and folders; not their opening or reading (the build reads every data file).
_CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
                                         FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
FileState = tuple[int, int, int] | None  # modification time (ns), size and inode; None: it is gone
_UNSEEN = (-1, -1, -1)  # the state of a file no watcher reported yet


def _state(path: str) -> FileState:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _key(path: str) -> str:
    # macOS reports names as the file system keeps them, polling as they were listed
    return unicodedata.normalize("NFC", path)


class _Handler(FileSystemEventHandler):
    def __init__(self, receive: Callable[[FileSystemEvent], None]) -> None:
        self._receive = receive

    def on_any_event(self, event: FileSystemEvent) -> None:
        self._receive(event)


class DataWatch:
    """Starts a rebuild of `mkdocs serve` when a data file changes."""

    def __init__(self) -> None:
        self._observers: list[BaseObserver] = []
        self._known: dict[str, FileState] = {}  # the last state reported of each file
        self._lock = threading.Lock()

    def start(self, server: Any, data: DataFolders) -> Any:
        """For `on_serve`: watch the data folders for `server` (the `LiveReloadServer` of MkDocs 1.6,
        or of ProperDocs, the same) and return it. A server without a rebuild to start from outside
        watches them itself, by polling."""
        rebuild = _rebuild_of(server)
        if rebuild is None:
            for name in data.names:
                server.watch(str(data.root / name))
        else:
            self.watch(data, rebuild)
            log.info("De voorvertoning volgt ook de gegevens in '{}', '{}' en '{}'.".format(*data.names))
        return server

    def watch(self, data: DataFolders, rebuild: Callable[[], None]) -> None:
        """Call `rebuild` once for each change of the data files, until `stop`."""
        self.stop()
        # With links resolved, as macOS reports the paths; a missing folder is the build's error to report.
        folders = [Path(os.path.realpath(data.root / name)) for name in data.names]
        folders = [folder for folder in folders if folder.is_dir()]
        with self._lock:
            self._known = {_key(str(path)): _state(str(path)) for folder in folders for path in yaml_files_in(folder, folder)[0]}

        def receive(event: FileSystemEvent) -> None:
            if self._is_new(event):
                rebuild()

        handler = _Handler(receive)
        polling = PollingObserver(timeout=POLL_SECONDS)
        for folder in folders:
            polling.schedule(handler, str(folder), recursive=True, event_filter=_CHANGES)
        polling.start()
        self._observers = [polling, *_system_events(folders, handler)]

    def stop(self) -> None:
        """Stop watching (`mkdocs serve` stops)."""
        for observer in self._observers:
            observer.stop()
        for observer in self._observers:
            observer.join(timeout=1)
        self._observers = []

    def _is_new(self, event: FileSystemEvent) -> bool:
        """Whether `event` tells of a state of a YAML file or folder that no watcher reported yet."""
        paths = [os.fsdecode(path) for path in (event.src_path, event.dest_path) if path]
        if not event.is_directory and not any(path.endswith(YAML_SUFFIXES) for path in paths):
            return False
        found = {_key(path): _state(path) for path in paths}
        with self._lock:
            if all(self._known.get(key, _UNSEEN) == state for key, state in found.items()):
                return False
            self._known.update(found)
        return True


def _system_events(folders: list[Path], handler: _Handler) -> list[BaseObserver]:
    """An observer of the system's file events for `folders`, started; none where there are none."""
    if Observer is PollingObserver:  # watchdog's choice where the system has no file events
        return []
    observer = None
    try:
        observer = Observer()
        for folder in folders:
            observer.schedule(handler, str(folder), recursive=True, event_filter=_CHANGES)
        observer.start()
    except OSError as error:  # out of inotify instances or watches, for one
        if observer is not None:
            observer.stop()
        log.info(f"Het systeem meldt geen wijzigingen in de gegevensmappen ({error}); de voorvertoning "
                 "kijkt daarom elke halve seconde zelf of er een bestand veranderd is.")
        return []
    return [observer]


def _rebuild_of(server: Any) -> Callable[[], None] | None:
    """Start a rebuild of MkDocs 1.6's (and ProperDocs') `LiveReloadServer`, as its own watch does
    (it has no public way); None for a server without it."""
    condition = getattr(server, "_rebuild_cond", None)
    if not isinstance(condition, threading.Condition) or not hasattr(server, "_want_rebuild"):
        return None

    def rebuild() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    return rebuild
