"""`cjg new`: commented starter files for a partner, an offering or a course, valid from the start."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..catalog.entry_kinds import OFFERING, PARTNER, DataFolders, check_entry, existing_ids, project_tables
from ..load.problems import Problem, display_path
from ..load.yaml_files import load_yaml, parse_yaml
from ..model.fieldtypes import ID_PATTERN, slug
from ..model.lists import load_lists

KINDS = ("aanbod", "cursus", "partner")
MAX_ID_LENGTH = 100  # an id is a file name, and file systems limit those


class OutsideDataFolders(Exception):
    """A file would be written outside the partners and offerings folders; the Dutch reason."""


@dataclass
class NewEntry:
    """What `cjg new` was told; everything but the title has a default."""

    kind: str
    title: str
    id: str = ""
    partner: str = ""
    summary: str = ""
    audiences: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    area: str = ""
    maintainers: list[str] = field(default_factory=list)


def _yaml_string(value: object) -> str:
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("cjgportaal.tools", "scaffolds"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["q"] = _yaml_string
    return env


def _partner_contact(folders: DataFolders, partner_id: str) -> dict[str, str]:
    for path in (folders.root / folders.partners).rglob(f"{partner_id}.y*ml"):
        doc, _ = load_yaml(path, path.name)
        if doc is not None and isinstance(doc.data, dict):
            return {k: str(doc.data[k]) for k in ("naam", "telefoon", "website") if doc.data.get(k)}
    return {}


def target_path(folders: DataFolders, entry: NewEntry) -> Path:
    """Where the new file goes: partners/<id>.yml, or offerings/<partner>/<id>.yml when the
    partner already keeps its offerings in a folder of its own."""
    if entry.kind == "partner":
        return folders.root / folders.partners / f"{entry.id}.yml"
    offerings = folders.root / folders.offerings
    folder = offerings / entry.partner
    return (folder if folder.is_dir() else offerings) / f"{entry.id}.yml"


def id_problems(entry: NewEntry) -> list[Problem]:
    """Problems with the id and partner id `cjg new` was given, checked before any path is built."""
    problems = []
    given = [("--partner", entry.partner)] if entry.kind != "partner" else []
    if entry.id:
        given.append(("--id", entry.id))
    elif not slug(entry.title):
        problems.append(Problem("cjg new", 0, "--titel", f"uit de titel '{entry.title}' is geen id te maken: er "
                                "staan geen Latijnse letters of cijfers in.",
                                "geef met --id zelf een id op, zoals --id inloop-voor-ouders."))
    for flag, value in given:
        if not re.fullmatch(ID_PATTERN, value) or len(value) > MAX_ID_LENGTH:
            problems.append(Problem("cjg new", 0, flag, f"'{value}' is geen geldige id.",
                                    "gebruik alleen kleine letters, cijfers en streepjes (hoogstens "
                                    f"{MAX_ID_LENGTH} tekens), zoals 'peuter-in-zicht'; geen pad of map."))
    return problems


def check_inside(folders: DataFolders, target: Path) -> Path:
    """`target`, when it lies inside the partners or offerings folder with no link on the way;
    otherwise OutsideDataFolders with the reason. Every file `cjg new` and `cjg import` write is
    checked with it."""
    root = folders.root.resolve()
    resolved = target.resolve()  # follows links and `..`, so both are judged by where they lead
    for name in (folders.partners, folders.offerings):
        base = root / name
        # The folder itself must not be a link to elsewhere, and must lie in the project.
        if base.resolve() == base and base.is_relative_to(root) and resolved.is_relative_to(base) \
                and resolved != base and not target.is_symlink():
            return resolved
    shown = display_path(target, folders.root)
    raise OutsideDataFolders(f"{shown}: niet geschreven: het bestand zou buiten de mappen {folders.partners}/ en "
                             f"{folders.offerings}/ komen (of is een link). Zo los je het op: gebruik een id zonder "
                             "mappen en zonder links in de datamappen.")


def write_inside(folders: DataFolders, target: Path, text: str) -> Path:
    """Write `text` to `target` inside the data folders (see check_inside), never through a link."""
    path = check_inside(folders, target)
    path.parent.mkdir(parents=True, exist_ok=True)
    check_inside(folders, target)  # the folders made just now hold no link either
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def render_entry(folders: DataFolders, entry: NewEntry, today: date) -> str:
    """The text of the new file, with comments that explain each field."""
    lists, _ = load_lists(folders.root / folders.lists, folders.root)
    entry.id = entry.id or slug(entry.title)
    target = target_path(folders, entry)
    depth = len(target.relative_to(folders.root).parts) - 1
    values: dict[str, object] = {
        "id": entry.id, "title": entry.title, "today": today.isoformat(),
        "review_by": (today + timedelta(days=365)).isoformat(), "schema_path": "../" * depth + "schemas/",
        "summary": entry.summary or "Vul hier in één of twee zinnen in wat het is en voor wie.",
    }
    if entry.kind == "partner":
        template = "partner.yml"
        values |= {
            "partner_type": next(iter(lists.partner_types), "gemeente"),
            "service_area": [next(iter(lists.municipalities), "")], "maintainers": entry.maintainers,
            "website": "https://www.example.org", "phone": "0800 0432",
        }
    else:
        template = "aanbod.yml"
        contact = _partner_contact(folders, entry.partner)
        course = entry.kind == "cursus"
        first_session = today + timedelta(days=28 + (1 - today.weekday()) % 7)  # a Tuesday, four weeks on
        values |= {
            "partner": entry.partner, "course": course,
            "audiences": entry.audiences or ["ouders"],
            "age_from": "0", "age_to": "18 jaar",
            "themes": entry.themes or [next(iter(lists.themes), "")],
            "tiers": [next(iter(lists.tiers), "")],
            "kind": "cursus" if course and "cursus" in lists.kinds else next(iter(lists.kinds), ""),
            "access": "aanmelden" if course else "vrij-toegankelijk",
            "area": entry.area, "location": lists.area_label(entry.area) if entry.area else "",
            "session_dates": [(first_session + timedelta(weeks=n)).isoformat() for n in range(4)],
            "run_name": f"{'Voorjaar' if first_session.month <= 6 else 'Najaar'} {first_session.year}",
            "contact_name": f"Team {contact.get('naam', entry.partner)}",
            "phone": contact.get("telefoon", "0800 0432"),
        }
    return _environment().get_template(template).render(**values)


def check_new_entry(folders: DataFolders, entry: NewEntry, text: str, today: date) -> list[Problem]:
    """Problems the new file would have: every check `cjg validate` runs on one file."""
    kind = PARTNER if entry.kind == "partner" else OFFERING
    target = target_path(folders, entry)
    doc, problems = parse_yaml(text, display_path(target, folders.root))
    if doc is None:
        return problems
    lists, _ = load_lists(folders.root / folders.lists, folders.root)
    return problems + check_entry(kind, doc, target, project_tables(folders, lists), existing_ids(kind, folders),
                                  today)[1]
