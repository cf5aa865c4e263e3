"""What changed in the data since a date or a git revision: new, changed and removed entries."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..catalog.entry_kinds import DataFolders


@dataclass(frozen=True)
class Change:
    """One entry that was added (A), changed (M) or removed (D)."""

    status: str
    kind: str  # "partner" or "aanbod"
    path: str
    title: str


class ChangeError(Exception):
    """The revision or date cannot be resolved (no git, unknown revision)."""


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise ChangeError(f"git: {detail.strip()}") from None
    return result.stdout


def resolve(root: Path, since: str) -> str:
    """A revision for `since`: a date (JJJJ-MM-DD, the last commit before it) or any git revision."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        revision = _git(root, "rev-list", "-1", f"--before={since}T00:00:00", "HEAD").strip()
        if not revision:
            raise ChangeError(f"er is geen commit van vóór {since}.")
        return revision
    return _git(root, "rev-parse", "--verify", f"{since}^{{commit}}").strip()


def _title(text: str) -> str:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return ""
    if not isinstance(data, dict):
        return ""
    return str(data.get("titel") or data.get("naam") or data.get("id") or "")


def changes_since(folders: DataFolders, since: str) -> list[Change]:
    """Entries added, changed or removed between `since` and the working tree."""
    root = folders.root
    revision = resolve(root, since)
    prefix = _git(root, "rev-parse", "--show-prefix").strip()
    out = []
    listing = _git(root, "diff", "--name-status", "--no-renames", revision, "--", folders.partners, folders.offerings)
    for line in listing.splitlines():
        status, path = line.split("\t", 1)
        if not path.endswith((".yml", ".yaml")):
            continue
        local = path.removeprefix(prefix)
        kind = "partner" if local.startswith(folders.partners + "/") else "aanbod"
        text = (_git(root, "show", f"{revision}:{path}") if status == "D"
                else (root / local).read_text(encoding="utf-8", errors="replace"))
        out.append(Change(status[0], kind, local, _title(text)))
    return sorted(out, key=lambda c: ("AMD".index(c.status), c.kind, c.title.casefold()))
