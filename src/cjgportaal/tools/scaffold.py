"""`cjg new`: commented starter files for a partner, an offering or a course, valid from the start."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..catalog.entry_kinds import OFFERING, PARTNER, DataFolders, check_entry, existing_ids, project_tables
from ..load.problems import Problem, display_path
from ..load.yaml_files import load_yaml, parse_yaml
from ..model.fieldtypes import slug
from ..model.lists import load_lists

KINDS = ("aanbod", "cursus", "partner")




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
