"""Atomic publishing: `mkdocs build` writes the site into a fresh folder beside site_dir and puts
it in place of site_dir only when the build has succeeded (strict-mode warnings included), so that a
failed build leaves the last good site as it was. The previous site is then deleted by a process of
its own (`site_removal`). `mkdocs serve` and `--dirty` builds write in place.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .site_removal import remove_later

log = logging.getLogger("mkdocs.plugins.cjg")

NEW, OLD = ".cjg-nieuw", ".cjg-oud"  # suffixes of the folders beside site_dir


def _strict_warnings() -> int:
    """The warnings MkDocs has counted for strict mode in this build (its CountHandler)."""
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for handler in handlers if type(handler).__name__ == "CountHandler"
               for _, count in handler.get_counts())  # type: ignore[attr-defined]


class AtomicPublish:
    """Redirects one build into a fresh folder and publishes it when the build succeeded."""

    def __init__(self) -> None:
        self.enabled = False  # set by on_startup: `mkdocs build` without --dirty
        self._target: Path | None = None

    def redirect(self, config: MkDocsConfig) -> None:
        """Point site_dir at a fresh folder beside it (on_config)."""
        if not self.enabled:
            return
        self._target = Path(config.site_dir)
        config.site_dir = str(self._fresh(NEW))
        log.info(f"cjg: de site komt in {self._target} zodra de bouw gelukt is; tot dan blijft de vorige staan.")

    def publish(self, config: MkDocsConfig) -> None:
        """Put the new site in place of the old one, unless strict mode will refuse the build."""
        if self._target is None:
            return
        new, target = Path(config.site_dir), self._target
        if config.strict and _strict_warnings():
            self.abandon(config)
            return
        old = target.with_name(f"{target.name}{OLD}-{os.getpid()}-{time.time_ns()}")  # a name no build used before
        if target.exists() or target.is_symlink():
            os.replace(target, old)
        os.replace(new, target)
        # The previous site, and any that a stopped removal left, go after the build.
        stem = glob.escape(target.name + OLD)
        remove_later(sorted({*target.parent.glob(stem), *target.parent.glob(stem + "-*")}))
        config.site_dir, self._target = str(target), None

    def abandon(self, config: MkDocsConfig | None = None) -> None:
        """The build failed: remove the new folder; the published site stays as it was."""
        if self._target is not None:
            shutil.rmtree(self._target.with_name(self._target.name + NEW), ignore_errors=True)
            if config is not None:
                config.site_dir = str(self._target)
            self._target = None

    def _fresh(self, suffix: str) -> Path:
        assert self._target is not None
        folder = self._target.with_name(self._target.name + suffix)
        shutil.rmtree(folder, ignore_errors=True)  # left by a build that was killed
        return folder
