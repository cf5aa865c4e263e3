"""`cjg ontvang`: the coordinator's side of the e-mail route. A partner sends a partner or offering file
(attached, or pasted into the message between the two marker lines the form writes); this puts it in
its place, checks it as `cjg validate` does, and shows what changes against the current file."""

from __future__ import annotations

import difflib
import email
import email.policy
import re
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from ..catalog.entry_kinds import OFFERING, PARTNER, DataFolders, EntryKind, check_entry, existing_ids, project_tables
from ..load.problems import Problem, display_path
from ..load.yaml_files import parse_yaml
from ..model.lists import load_lists
from ..render.form import MESSAGE_END, MESSAGE_START
from .scaffold import MAX_ID_LENGTH, NewEntry, target_path

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_QUOTE = re.compile(r"^(?:> ?)+")  # how e-mail programs quote a message they answer or forward
_HEADERS = re.compile(r"\A(?:[A-Za-z-]+:[^\n]*\n)+", re.MULTILINE)  # a saved e-mail starts with its headers


@dataclass(frozen=True)
class Received:
    """A file taken from a message: where it goes, what it says, and what is wrong with it."""

    kind: EntryKind | None
    target: Path | None  # None: the file cannot be placed (no kind or no valid id)
    text: str
    current: str | None  # the file it replaces; None for a new file
    problems: list[Problem]

    def diff(self, root: Path) -> str:
        """The change against the current file, as a unified diff ('' for no change)."""
        shown = display_path(self.target, root) if self.target else "?"
        lines = difflib.unified_diff((self.current or "").splitlines(keepends=True), self.text.splitlines(keepends=True),
                                     f"{shown} (nu)" if self.current is not None else "/dev/null",
                                     f"{shown} (ontvangen)")
        return "".join(lines)


def _mime_text(message: str) -> str:
    """A saved e-mail (.eml): its YAML attachment, else its plain text; any other text as it is."""
    if not _HEADERS.match(message):
        return message
    parsed = email.message_from_string(message, policy=email.policy.default)
    texts = []
    for part in parsed.walk():
        if part.is_multipart():
            continue
        name = (part.get_filename() or "").lower()
        if name.endswith((".yml", ".yaml")):
            content = part.get_payload(decode=True)
            return content.decode("utf-8", "replace") if isinstance(content, bytes) else str(content)
        if part.get_content_type() == "text/plain" and isinstance(part, EmailMessage):
            texts.append(str(part.get_content()))
    return "\n".join(texts) or message


def file_text(message: str) -> str:
    """The file in a message: a saved e-mail's attachment, the lines between the markers (without
    e-mail quoting), or the whole text."""
    lines = _mime_text(message).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stripped = [_QUOTE.sub("", line) for line in lines]
    starts = [n for n, line in enumerate(stripped) if line.strip() == MESSAGE_START]
    ends = [n for n, line in enumerate(stripped) if line.strip() == MESSAGE_END and starts and n > starts[0]]
    body = stripped[starts[0] + 1:ends[0]] if ends else lines
    return "\n".join(body).strip("\n") + "\n"


def _kind(text: str, data: object) -> EntryKind | None:
    for kind in (OFFERING, PARTNER):
        if f"schemas/{kind.schema}" in text.split("\n", 1)[0]:
            return kind
    if isinstance(data, dict):
        if "titel" in data and "partner" in data:
            return OFFERING
        if "naam" in data and "type" in data:
            return PARTNER
    return None


def _problem(shown: str, field: str, what: str, fix: str) -> Problem:
    return Problem(shown, 0, field, what, fix)


def receive(folders: DataFolders, message: str, shown: str, today: date) -> Received:
    """The file in `message`, placed and checked (nothing is written)."""
    text = file_text(message)
    doc, problems = parse_yaml(text, shown)
    data = doc.data if doc is not None else None
    kind = _kind(text, data)
    if doc is None:
        return Received(kind, None, text, None, problems)
    if kind is None:
        return Received(None, None, text, None, [_problem(shown, "", "dit is geen bestand van een partner of aanbod.",
                        "een aanbod heeft 'titel' en 'partner', een partner 'naam' en 'type'; stuur het hele bestand.")])
    entry_id = data.get("id") if isinstance(data, dict) else None
    partner = data.get("partner", "") if isinstance(data, dict) else ""
    for field, value in (("id", entry_id), *([("partner", partner)] if kind is OFFERING else [])):
        if not (isinstance(value, str) and _ID.fullmatch(value) and len(value) <= MAX_ID_LENGTH):
            return Received(kind, None, text, None, [_problem(shown, field, f"'{value}' is geen geldige {field}.",
                            "gebruik alleen kleine letters, cijfers en streepjes, zoals 'peuter-in-zicht'.")])
    assert isinstance(entry_id, str) and isinstance(partner, str)
    seen = existing_ids(kind, folders)
    where = seen.pop(entry_id, None)
    target = folders.root / where if where else target_path(
        folders, NewEntry(kind="partner" if kind is PARTNER else "aanbod", title="", id=entry_id, partner=partner))
    current = target.read_text(encoding="utf-8") if where else None
    doc, problems = parse_yaml(text, display_path(target, folders.root))
    if doc is None:
        return Received(kind, target, text, current, problems)
    lists, _ = load_lists(folders.root / folders.lists, folders.root)
    _, found = check_entry(kind, doc, target, project_tables(folders, lists), seen, today)
    return Received(kind, target, text, current, problems + found)
