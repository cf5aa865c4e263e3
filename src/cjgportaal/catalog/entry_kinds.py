"""The kinds of entry partners write, one file each: partners and offerings.

A kind names its model, the references its files make to lists and other files, its folder and its
JSON Schema. `check_entry` runs every check one file gets: the model, its links, its references,
its id against the file name and the other files, and its review date. `cjg validate` (through
the catalog), `cjg new` and `cjg import` all check a file with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..load.problems import Problem, Severity, display_path
from ..load.yaml_files import ParseCache, SourceDoc, yaml_files_in
from ..model.lists import Lists
from ..model.models import Offering, Partner, Review
from ..model.validation import validate
from .references import OFFERING_REFERENCES, PARTNER_REFERENCES, Reference, Tables, check_links, reference_tables, referred_ids, unknown_ids


@dataclass(frozen=True)
class DataFolders:
    """Where a site keeps its data, relative to the project root."""

    root: Path
    partners: str = "partners"
    offerings: str = "offerings"
    lists: str = "data"

    @property
    def names(self) -> tuple[str, str, str]:
        """The three folders, relative to the root: partners, offerings, lists."""
        return self.partners, self.offerings, self.lists


@dataclass(frozen=True)
class EntryKind:
    """One kind of entry: what its files hold and where they live."""

    key: str  # "partner" or "aanbod": how the catalog and the fingerprints name it
    model: type[Partner | Offering]
    references: tuple[Reference, ...]
    folder_of: Callable[[DataFolders], str]  # its folder, relative to the project root
    schema: str  # the file name of its JSON Schema
    schema_title: str

    def folder(self, folders: DataFolders) -> Path:
        """Its folder in the project."""
        return folders.root / self.folder_of(folders)

    def files(self, folders: DataFolders) -> list[Path]:
        """Its files, in a stable order."""
        return yaml_files_in(self.folder(folders), folders.root)[0]


PARTNER = EntryKind("partner", Partner, PARTNER_REFERENCES, lambda f: f.partners, "partner.schema.json",
                    "Partner van het CJG")
OFFERING = EntryKind("aanbod", Offering, OFFERING_REFERENCES, lambda f: f.offerings, "aanbod.schema.json",
                     "Aanbod van een partner van het CJG")
ENTRY_KINDS = (PARTNER, OFFERING)


def review_by(entry: Review) -> date:
    """The date by which an entry must be checked again (default: a year after the last check)."""
    return entry.review_by or entry.checked + timedelta(days=365)


def _stale(entry: Review, doc: SourceDoc, today: date) -> list[Problem]:
    if review_by(entry) >= today:
        return []
    field = "controleren_voor" if entry.review_by else "gecontroleerd"
    return [Problem(doc.path, doc.line_of((field,)), field,
                    f"dit bestand had vóór {review_by(entry).isoformat()} opnieuw nagekeken moeten worden.",
                    "kijk alle gegevens na en zet de datum van vandaag bij 'gecontroleerd'.",
                    Severity.WARNING)]


def _id_problems(doc: SourceDoc, path: Path, seen: dict[str, str]) -> tuple[list[Problem], bool]:
    """The id must match the file name and be unique; checked on raw data, like references.

    Returns the problems and whether the id was already taken by another file (`seen`: id → file).
    """
    record_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if not isinstance(record_id, str):
        return [], False
    line = doc.line_of(("id",))
    problems = []
    if record_id != path.stem:
        problems.append(Problem(doc.path, line, "id",
                                f"de id '{record_id}' is anders dan de bestandsnaam '{path.name}'.",
                                f"noem het bestand {record_id}.yml of zet 'id: {path.stem}'."))
    taken = record_id in seen
    if taken:
        problems.append(Problem(doc.path, line, "id", f"de id '{record_id}' wordt ook gebruikt in {seen[record_id]}.",
                                "geef elk bestand een eigen id en bestandsnaam."))
    else:
        seen[record_id] = doc.path
    return problems, taken


def check_entry(kind: EntryKind, doc: SourceDoc, path: Path, tables: Tables, seen: dict[str, str], today: date,
                cache: ParseCache | None = None) -> tuple[Any, list[Problem]]:
    """Every check of one file of `kind` at `path`: the record (None when it has errors or its id is
    taken) and the problems. `seen` holds the ids of the kind's other files and gets this one's."""
    if cache is None:
        record, problems = validate(kind.model, doc)
        links, referred = check_links(doc), referred_ids(doc, kind.references)
    else:  # checks of one file alone, kept while the file is unchanged
        record, problems = cache.derived(doc, kind.model.__name__, lambda: validate(kind.model, doc))
        links = cache.derived(doc, "links", lambda: check_links(doc))
        referred = cache.derived(doc, "references", lambda: referred_ids(doc, kind.references))
    id_problems, taken = _id_problems(doc, path, seen)
    problems = problems + id_problems + unknown_ids(doc, referred, tables) + links
    if record is not None:
        problems += _stale(record, doc, today)
    return (None if taken else record), problems


def existing_ids(kind: EntryKind, folders: DataFolders) -> dict[str, str]:
    """The ids of the kind's files in the project (by file name), with the file that has each."""
    return {path.stem: display_path(path, folders.root) for path in kind.files(folders)}


def project_tables(folders: DataFolders, lists: Lists, new_partners: tuple[str, ...] = ()) -> Tables:
    """The tables a new file's references are checked against: the lists, and the partners in the
    project plus `new_partners` (written in the same run)."""
    return reference_tables(lists, [*existing_ids(PARTNER, folders), *new_partners])
