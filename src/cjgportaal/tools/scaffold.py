"""`cjg new`: commented starter files for a partner, an offering or a course, valid from the start."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..catalog.catalog import DataFolders
from ..catalog.references import OFFERING_REFERENCES, PARTNER_REFERENCES, check_references, reference_tables
from ..load.problems import Problem
from ..load.yaml_files import load_yaml, parse_yaml
from ..model.fieldtypes import slug
from ..model.lists import load_lists
from ..model.models import Offering, Partner
from ..model.validation import validate

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


def check_entry(folders: DataFolders, entry: NewEntry, text: str) -> list[Problem]:
    """Problems the new file would have: schema, references and an id that is already taken."""
    target = target_path(folders, entry)
    shown = target.relative_to(folders.root).as_posix()
    problems: list[Problem] = []
    existing = [*(folders.root / folders.partners).rglob(f"{entry.id}.y*ml"),
                *(folders.root / folders.offerings).rglob(f"{entry.id}.y*ml")]
    folder = folders.partners if entry.kind == "partner" else folders.offerings
    if any(path.is_relative_to(folders.root / folder) for path in existing):
        problems.append(Problem(shown, 0, "id", f"de id '{entry.id}' bestaat al.",
                                "kies een andere titel of geef met --id een andere id."))
    doc, found = parse_yaml(text, shown)
    problems += found
    if doc is None:
        return problems
    lists, _ = load_lists(folders.root / folders.lists, folders.root)
    model, references = (Partner, PARTNER_REFERENCES) if entry.kind == "partner" else (Offering, OFFERING_REFERENCES)
    problems += validate(model, doc)[1]
    tables = reference_tables(lists, (p.stem for p in (folders.root / folders.partners).rglob("*.y*ml")))
    return problems + check_references(doc, references, tables)
