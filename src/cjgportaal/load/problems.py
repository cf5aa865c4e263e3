"""Problems found in the data: one record per problem, with file, line and field."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    """How bad a problem is: errors stop the build, warnings do not."""

    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, in Dutch, with a hint on how to fix it."""

    file: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Render the problem as one readable Dutch line (plus the hint)."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" veld '{self.field}':" if self.field else ""
        text = f"{where}: {self.severity.value}:{field} {self.message}"
        if self.hint:
            text += f"\n    Zo los je het op: {self.hint}"
        return text

    def github_annotation(self) -> str:
        """Render the problem as one GitHub Actions workflow command; partner text in it (the message,
        a field name, a file name) is escaped, so it cannot end the command or start another."""
        level = "error" if self.severity is Severity.ERROR else "warning"
        text = self.message + (f" {self.hint}" if self.hint else "")
        title = f"veld {self.field}" if self.field else "bestand"
        properties = ",".join(f"{name}={escape_property(value)}" for name, value in
                              (("file", self.file), ("line", str(max(self.line, 1))), ("title", title)))
        return f"::{level} {properties}::{escape_data(text)}"


def escape_data(text: str) -> str:
    """Escape the message of a workflow command as GitHub's toolkit does (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command as GitHub's toolkit does (`escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def stop_commands() -> tuple[str, str]:
    """The lines that stop and resume GitHub's workflow commands: the runner ignores every command
    (such as `::add-mask::` or `::error::`) printed between them. The token is random, so text printed
    in between cannot guess it and resume the commands early."""
    token = secrets.token_hex(16)
    return f"::stop-commands::{token}", f"::{token}::"


def display_path(path: Path, root: Path) -> str:
    """Show a path relative to the project root where possible."""
    text, prefix = str(path), os.path.join(str(root), "")
    if text.startswith(prefix):  # the usual case, as text: a region's thousands of files are shown on every build
        return text[len(prefix):].replace(os.sep, "/")
    if path.is_relative_to(root):  # without resolving links on disk
        return path.relative_to(root).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.severity is Severity.ERROR]


def format_report(problems: list[Problem]) -> str:
    """A full Dutch report of all problems, sorted by file and line, with a count."""
    lines = [p.format() for p in sorted(problems)]
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    lines.append(f"{n_err} {'fout' if n_err == 1 else 'fouten'}, "
                 f"{n_warn} {'waarschuwing' if n_warn == 1 else 'waarschuwingen'}.")
    return "\n".join(lines)
