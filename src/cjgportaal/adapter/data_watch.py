"""`mkdocs serve`: a rebuild as soon as a data file is saved (`DataWatch`).

MkDocs finds changes by polling: every half second it lists and reads the times of every file it
watches. That works on every file system, but at 5,000 offerings one pass over the offerings takes
75 ms of the interpreter the build runs in, and a saved file waits 0.3 s on average before the
rebuild starts. The data folders are therefore also watched through the system's own file events
(inotify, FSEvents, ReadDirectoryChangesW), which arrive at once. Polling stays behind them for the
places those events do not reach (a folder shared into a container, a network drive, a Windows
drive under WSL); a change that the events already reported does not start a second rebuild.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
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

log = logging.getLogger("mkdocs.plugins.cjg")

POLL_SECONDS = 0.5  # as MkDocs polls
# Changes of files and folders; not their opening or reading (the build reads every data file).
_CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
                                         FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
FileState = tuple[int, int] | None  # modification time (ns) and size; None: it is gone


def _state(path: str) -> FileState:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _paths(event: FileSystemEvent) -> list[str]:
    return [os.fsdecode(p) for p in (event.src_path, event.dest_path) if p]


class _Handler(FileSystemEventHandler):
    def __init__(self, receive: Callable[[FileSystemEvent], None]) -> None:
        self._receive = receive

    def on_any_event(self, event: FileSystemEvent) -> None:
        self._receive(event)


class DataWatch:
    """Starts a rebuild of `mkdocs serve` when a file in the data folders changes."""

    def __init__(self) -> None:
        self._observers: list[BaseObserver] = []
        self._reported: dict[str, FileState] = {}  # what the file events last said of each file
        self._lock = threading.Lock()
        self._rebuild: Callable[[], None] = lambda: None

    def start(self, server: Any, data: DataFolders) -> Any:
        """Watch the data folders for `server` (MkDocs' `LiveReloadServer`) and return it. Where
        MkDocs has no rebuild to start from outside (not MkDocs 1.6), it polls the folders itself."""
        folders = [str(data.root / name) for name in (data.partners, data.offerings, data.lists)]
        rebuild = _rebuild_of(server)
        if rebuild is None:
            for folder in folders:
                server.watch(folder)
            return server
        self._rebuild = rebuild
        polling = PollingObserver(timeout=POLL_SECONDS)
        for folder in folders:
            polling.schedule(_Handler(self._polled), folder, recursive=True, event_filter=_CHANGES)
        if Observer is not PollingObserver:  # watchdog falls back to polling where the system has no events
            native = Observer()
            try:
                for folder in folders:
                    native.schedule(_Handler(self._event), folder, recursive=True, event_filter=_CHANGES)
                native.start()
                self._observers.append(native)
            except OSError as error:  # out of inotify watches, for one: polling alone finds the changes
                log.debug(f"Geen bestandsmeldingen van het systeem ({error}); de voorvertoning kijkt elke {POLL_SECONDS} s.")
        polling.start()
        self._observers.append(polling)
        return server

    def stop(self) -> None:
        """`mkdocs serve` stops."""
        for observer in self._observers:
            observer.stop()
        self._observers = []

    def _event(self, event: FileSystemEvent) -> None:
        with self._lock:
            for path in _paths(event):
                self._reported[path] = _state(path)
        self._rebuild()

    def _polled(self, event: FileSystemEvent) -> None:
        with self._lock:
            found = {path: _state(path) for path in _paths(event)}
            if all(path in self._reported and self._reported[path] == state for path, state in found.items()):
                return  # the file events reported this very state already, and the rebuild read it
            self._reported.update(found)
        self._rebuild()


def _rebuild_of(server: Any) -> Callable[[], None] | None:
    """Start a rebuild of MkDocs 1.6's `LiveReloadServer`, as its own watch does (it has no public
    way); None for a server without it."""
    condition = getattr(server, "_rebuild_cond", None)
    if not isinstance(condition, threading.Condition) or not hasattr(server, "_want_rebuild"):
        return None

    def rebuild() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    return rebuild
