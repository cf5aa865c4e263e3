"""Compiled Jinja templates, kept in memory and on disk (`CompiledTemplates`, `compiled_templates`).

Compiling the templates (the package's own and the theme's, about 60) took a second of every build
at 2,000 offerings; loading their compiled code takes milliseconds.
"""

from __future__ import annotations

from contextlib import suppress
from functools import cache

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.BytecodeCache):
    """The compiled code of each template, kept in memory for the rebuilds of `mkdocs serve` (MkDocs
    makes a new Jinja environment for each build), and on disk for the next build.

    On disk it lies in `directory`, by default Jinja's own folder for the user in the system's
    temporary folder, which Jinja makes with access for the user alone and refuses when anyone else
    could write to it. Without such a folder, or where it cannot be read or written, the code stays
    in memory only.
    Jinja compares each template's source with the checksum stored beside its code, so an edited
    template is compiled again; the file name holds Jinja's version, whose code another may not run.
    """

    def __init__(self, directory: str | None = None) -> None:
        self._code: dict[str, bytes] = {}
        try:
            self._disk: jinja2.FileSystemBytecodeCache | None = jinja2.FileSystemBytecodeCache(
                directory, f"__cjgportaal_jinja{jinja2.__version__}_%s.cache")
        except (OSError, RuntimeError):  # no temporary folder that only this user can write to
            self._disk = None

    def load_bytecode(self, bucket: Bucket) -> None:
        """The code from memory, or else from disk (and then kept in memory)."""
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])
        elif self._disk is not None:
            with suppress(OSError):  # unreadable: the template is compiled
                self._disk.load_bytecode(bucket)
            if bucket.code is not None:
                self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keeps newly compiled code, in memory and, where it can be written, on disk."""
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            with suppress(OSError):  # a full or read-only disk: the next build compiles it again
                self._disk.dump_bytecode(bucket)


@cache  # one per process, for the package's templates and the theme's
def compiled_templates() -> CompiledTemplates:
    """The process's compiled templates, in Jinja's folder in the system's temporary folder."""
    return CompiledTemplates()
