"""Reading HSDS 3.0 input (a JSON file, a folder with organizations.json and services.json, or a
tabular package) into records, the fields the import knows, and small conversions of HSDS values.

Input from elsewhere may be hostile: only regular files are read (no links, devices or folders
named like a file), within limits of ours, and a record or field of the wrong shape is reported
and left out, so that the other records are still imported.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from ..render.files.hsds_export import BYDAY
from ..render.files.hsds_tabular import NESTED_TABLES, nest, typed_row
from ..render.files.hsds_taxonomy import own_code

DAYS = {code: day for day, code in BYDAY.items()}
STATUS_BACK = {"active": "actief", "temporarily closed": "gepauzeerd", "inactive": "gestopt", "defunct": "gestopt"}

# Our limits on input from elsewhere; each is named in the message that refuses more.
MAX_FILE_BYTES = 50_000_000  # one JSON or CSV file
MAX_DEPTH = 32  # levels of nested lists and objects (HSDS itself needs about ten)
MAX_CELL_CHARS = 100_000  # one CSV cell
CELL_LIMIT = f"{MAX_CELL_CHARS:_} tekens".replace("_", ".")

# Fields each HSDS record type may carry that the import reads (or knows to be derived from what it reads).
ORG_FIELDS = {"id", "name", "description", "email", "website", "phones", "contacts", "locations", "attributes",
               "cjg_id", "cjg_kerntaken", "cjg_beheerders", "cjg_gecontroleerd", "cjg_controleren_voor",
               "cjg_leeftijd_van_maanden", "cjg_leeftijd_tot_maanden", "cjg_verwijzen"}
SERVICE_FIELDS = {
    "id", "organization_id", "name", "description", "url", "email", "status", "application_process",
    "minimum_age", "maximum_age", "assured_date", "alert", "phones", "contacts", "schedules",
    "service_at_locations", "languages", "cost_options", "attributes", "cjg_id", "cjg_status",
    "cjg_toegang_toelichting", "cjg_aanmelden_website", "cjg_aanmelden_telefoon", "cjg_aanmelden_email",
    "cjg_nji_datum", "cjg_mededeling_tot", "cjg_toegankelijkheid", "cjg_controleren_voor",
}
DERIVED = {"fees_description": "wordt bij de export gemaakt uit de kosten",
            "eligibility_description": "wordt bij de export gemaakt uit doelgroepen en leeftijd"}
SCHEDULE_FIELDS = {"id", "service_id", "location_id", "service_at_location_id", "opens_at", "closes_at", "notes",
                    "freq", "wkst", "byday", "dtstart", "valid_from", "valid_to", "until", "count", "description", "timezone",
                    "cjg_locatie", "cjg_status", "cjg_ronde", "cjg_ronde_naam", "cjg_ronde_status",
                    "cjg_ronde_plaatsen", "cjg_ronde_aanmelden_uitleg", "cjg_ronde_aanmelden_website",
                    "cjg_ronde_aanmelden_telefoon", "cjg_ronde_aanmelden_email"}
LOCATION_FIELDS = {"id", "location_type", "organization_id", "name", "addresses", "accessibility", "attributes"}
ADDRESS_FIELDS = {"id", "location_id", "address_1", "city", "region", "state_province", "postal_code", "country",
                   "address_type"}



# The lists and objects the import walks into: record type → field → (is a list, type of its items).
SHAPES: dict[str, dict[str, tuple[bool, str]]] = {
    "organization": {"phones": (True, "phone"), "contacts": (True, "contact"), "locations": (True, "location"),
                     "attributes": (True, "attribute")},
    "service": {"phones": (True, "phone"), "contacts": (True, "contact"), "schedules": (True, "schedule"),
                "service_at_locations": (True, "service_at_location"), "languages": (True, "language"),
                "cost_options": (True, "cost_option"), "attributes": (True, "attribute"),
                "organization": (False, "organization")},
    "contact": {"phones": (True, "phone")},
    "location": {"addresses": (True, "address"), "accessibility": (True, "accessibility"),
                 "attributes": (True, "attribute")},
    "service_at_location": {"location": (False, "location")},
    "attribute": {"taxonomy_term": (False, "taxonomy_term")},
    "taxonomy_term": {"taxonomy_detail": (False, "taxonomy")},
}
# The fields the import reads as one value (text, number or date), per record type.
SCALARS: dict[str, set[str]] = {
    "organization": ORG_FIELDS, "service": SERVICE_FIELDS, "schedule": SCHEDULE_FIELDS,
    "location": LOCATION_FIELDS, "address": ADDRESS_FIELDS, "phone": {"number"},
    "contact": {"name", "title", "email", "cjg_website"}, "language": {"code", "name", "note"},
    "cost_option": {"option", "amount", "currency", "amount_description"}, "accessibility": {"description"},
    "attribute": {"value", "link_type"}, "taxonomy_term": {"taxonomy", "code", "name"}, "taxonomy": {"name"},
    "service_at_location": {"id"},
}
RECORD_WORDS = {"organization": "organisatie", "service": "dienst"}


class HsdsReadError(Exception):
    """The input cannot be read as HSDS at all; one Dutch line per problem."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def label(value: Any, limit: int = 60) -> str:
    """A value from the input, safe to show in one line of the report."""
    text = "".join(ch for ch in " ".join(str(value).split()) if ch.isprintable())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def read_file(path: Path) -> str:
    """The UTF-8 text of a regular file (not a link) of at most MAX_FILE_BYTES bytes."""
    hint = "Zo los je het op: geef een gewoon HSDS-bestand op, geen link, map of apparaat."
    if path.is_symlink():
        raise HsdsReadError(f"{path}: is een symbolische link; die volgt cjg import niet. {hint}")
    try:
        # O_NOFOLLOW: a link put in place after the check above is refused too; O_NONBLOCK: a named
        # pipe does not make the import wait.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise HsdsReadError(f"{path}: kan het bestand niet openen ({exc.strerror}). {hint}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise HsdsReadError(f"{path}: is geen gewoon bestand (maar een map, apparaat of pipe). {hint}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise HsdsReadError(f"{path}: het bestand is groter dan {MAX_FILE_BYTES // 1_000_000} MB, de grens van "
                            "cjg import. Zo los je het op: splits de gegevens over meer bestanden.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise HsdsReadError(f"{path}, regel {line}: het bestand is geen UTF-8 (teken 0x{data[exc.start]:02x}). "
                            "Zo los je het op: sla het bestand op met de codering UTF-8.") from None


def read_hsds(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Organizations and services from an HSDS JSON file, a folder with organizations.json and
    services.json, or a tabular package (a folder with CSV files and datapackage.json); and
    report lines for what was left out (tables that have no place in our model, records and
    fields of the wrong shape)."""
    notes: list[str] = []
    if path.is_symlink():
        raise HsdsReadError(f"{path}: is een symbolische link; die volgt cjg import niet. "
                            "Zo los je het op: geef het bestand of de map zelf op.")
    if path.is_dir():
        if any(path.glob("*.csv")):
            tables = _read_tables(path, notes)
            organizations, services = nest(tables)
            notes += [f"{name}.csv: niet overgenomen ({len(rows)} regels): het CJG-model heeft er geen plek voor."
                      for name, rows in sorted(tables.items()) if name not in NESTED_TABLES and rows]
            return (_records(organizations, "organization", path / "organizations.csv", notes),
                    _records(services, "service", path / "services.csv", notes), notes)
        org_file, service_file = path / "organizations.json", path / "services.json"
        if not (org_file.exists() or service_file.exists() or org_file.is_symlink() or service_file.is_symlink()):
            raise HsdsReadError(f"{path} bevat geen CSV-bestanden en geen organizations.json of services.json.")
        found: dict[Path, Any] = {}
        problems = []
        for file in (org_file, service_file):
            try:
                found[file] = _json(file) if file.exists() or file.is_symlink() else []
            except HsdsReadError as exc:
                problems += exc.lines
        if problems:
            raise HsdsReadError(*problems)
        return (_records(found[org_file], "organization", org_file, notes),
                _records(found[service_file], "service", service_file, notes), notes)
    if not path.exists():
        raise HsdsReadError(f"{path} bestaat niet. Zo los je het op: geef het pad naar een HSDS JSON-bestand of "
                            "een map met CSV-bestanden.")
    data = _json(path)
    if isinstance(data, dict) and ("services" in data or "organizations" in data):
        return (_records(data.get("organizations", []), "organization", path, notes, "organizations"),
                _records(data.get("services", []), "service", path, notes, "services"), notes)
    records = _records(data if isinstance(data, list) else [data], "", path, notes)
    services = [r for r in records if "status" in r or "organization_id" in r]
    organizations = [r for r in records if r not in services]
    organizations += [s["organization"] for s in services if isinstance(s.get("organization"), dict)]
    return organizations, services, notes


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is geen getal in JSON")


def _json(path: Path) -> Any:
    text = read_file(path)
    too_deep = HsdsReadError(f"{path}: de gegevens zijn dieper genest dan {MAX_DEPTH} niveaus, de grens van cjg "
                             "import. Zo los je het op: lever HSDS-records zoals het schema ze beschrijft.")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise HsdsReadError(f"{path} is geen leesbaar JSON-bestand: fout op regel {exc.lineno}, kolom {exc.colno}. "
                            "Zo los je het op: controleer het bestand met een JSON-validator.") from None
    except RecursionError:
        raise too_deep from None
    except ValueError:  # NaN or Infinity, or a number of thousands of digits
        raise HsdsReadError(f"{path} is geen leesbaar JSON-bestand: er staat NaN, Infinity of een getal van "
                            "duizenden cijfers in. Zo los je het op: schrijf gewone getallen.") from None
    stack = [(data, 1)]
    while stack:  # a loop, not recursion: the depth is what is being checked
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise too_deep
            stack += [(item, depth + 1) for item in (value.values() if isinstance(value, dict) else value)]
    return data


def _read_tables(folder: Path, notes: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every CSV file of a tabular package, as typed rows (empty cells and over-long rows left out)."""
    tables, problems = {}, []
    for path in sorted(folder.glob("*.csv")):
        try:
            tables[path.stem] = _read_table(path, notes)
        except HsdsReadError as exc:
            problems += exc.lines
    if problems:
        raise HsdsReadError(*problems)
    return tables


def _read_table(path: Path, notes: list[str]) -> list[dict[str, Any]]:
    text = read_file(path)
    rows = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    previous = csv.field_size_limit(MAX_FILE_BYTES)  # our own, smaller limit is checked per cell below
    try:
        if any(len(name or "") > MAX_CELL_CHARS for name in reader.fieldnames or []):
            raise HsdsReadError(f"{path}, regel 1: een kolomnaam is langer dan {CELL_LIMIT}, de grens van cjg "
                                "import.")
        for row in reader:
            long = [name for name, value in row.items() if name is not None and len(value or "") > MAX_CELL_CHARS]
            if long:
                notes.append(f"{path}, regel {reader.line_num} (id '{label(row.get('id') or '?')}'): niet "
                             f"overgenomen: veld '{label(long[0])}' is langer dan {CELL_LIMIT}, de grens van cjg import. "
                             "Zo los je het op: kort de tekst in.")
                continue
            rows.append(typed_row(row))
    except csv.Error as exc:
        raise HsdsReadError(f"{path}, regel {reader.line_num}: geen geldige CSV ({label(exc)}). Zo los je het op: "
                            "sla de tabel op als CSV met komma's en dubbele aanhalingstekens.") from None
    finally:
        csv.field_size_limit(previous)
    return rows


def _kind_word(value: Any) -> str:
    if value is None:
        return "leeg (null)"
    if isinstance(value, bool):
        return "waar of onwaar"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, str):
        return "een tekst"
    return "een lijst" if isinstance(value, list) else "een object"


def _records(value: Any, kind: str, path: Path, notes: list[str], key: str = "") -> list[dict[str, Any]]:
    """The records of a list that are objects, each with its fields of the wrong shape left out."""
    if not isinstance(value, list):
        if key:
            notes.append(f"{path}: veld '{key}' niet overgenomen: dit is {_kind_word(value)}, maar HSDS verwacht "
                         "een lijst met records. Zo los je het op: schrijf het als [{...}, {...}].")
            return []
        raise HsdsReadError(f"{path}: verwacht een lijst met HSDS-records, maar dit is {_kind_word(value)}.")
    out = []
    for n, record in enumerate(value, 1):
        record_kind = kind or ("service" if isinstance(record, dict) and
                               ("status" in record or "organization_id" in record) else "organization")
        word = RECORD_WORDS[record_kind]
        if not isinstance(record, dict):
            notes.append(f"{path}, {word} {n}: niet overgenomen: dit is {_kind_word(record)}, maar HSDS verwacht "
                         "een object met velden. Zo los je het op: schrijf elk record als {\"id\": ..., ...}.")
            continue
        where = f"{path}, {word} {n} (id '{label(record.get('id') or '?')}')"
        out.append(_clean(record, record_kind, where, record_kind, notes))
    return out


def _clean(record: dict[str, Any], kind: str, where: str, prefix: str, notes: list[str]) -> dict[str, Any]:
    """`record` without the fields whose shape the import cannot read, each reported."""
    shapes, scalars = SHAPES.get(kind, {}), SCALARS.get(kind, set())
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}.{key}"
        if value is None or key not in shapes:
            if key in scalars and isinstance(value, (list, dict)):
                notes.append(f"{where}: veld '{name}' niet overgenomen: dit is {_kind_word(value)}, maar HSDS "
                             "verwacht één waarde. Zo los je het op: schrijf er een tekst of getal.")
                continue
            out[key] = value
            continue
        many, item_kind = shapes[key]
        if not many:
            if isinstance(value, dict):
                out[key] = _clean(value, item_kind, where, name, notes)
            else:
                notes.append(f"{where}: veld '{name}' niet overgenomen: dit is {_kind_word(value)}, maar HSDS "
                             "verwacht een object. Zo los je het op: schrijf het als {\"veld\": ...}.")
            continue
        if not isinstance(value, list):
            notes.append(f"{where}: veld '{name}' niet overgenomen: dit is {_kind_word(value)}, maar HSDS verwacht "
                         "een lijst met objecten. Zo los je het op: schrijf het als [{...}].")
            continue
        wrong = [n for n, item in enumerate(value, 1) if not isinstance(item, dict)]
        if wrong:
            notes.append(f"{where}: veld '{name}': {len(wrong)} van de {len(value)} waarden niet overgenomen "
                         f"(de eerste is nummer {wrong[0]}, {_kind_word(value[wrong[0] - 1])}): HSDS verwacht "
                         "een lijst met objecten. Zo los je het op: schrijf het als [{...}].")
        out[key] = [_clean(item, item_kind, where, f"{name}[{n}]", notes)
                    for n, item in enumerate(value, 1) if isinstance(item, dict)]
    return out


def split_description(text: str) -> tuple[str, str]:
    """An HSDS description → our summary (at most 300 characters) and longer description."""
    text = (text or "").strip()
    first, _, rest = text.partition("\n\n")
    first = " ".join(first.split())
    if len(first) <= 300:
        return first, rest.strip()
    sentences = re.split(r"(?<=[.!?])\s+", first)
    summary = ""
    for sentence in sentences:
        if len(summary) + len(sentence) + 1 > 300:
            break
        summary = f"{summary} {sentence}".strip()
    summary = summary or first[:297].rstrip() + "..."
    return summary, text


def age_months(years: Any, maximum: bool) -> int | None:
    """An HSDS age in years → months (None when it is not a plausible age)."""
    if not isinstance(years, (int, float)) or isinstance(years, bool) or not -200 <= years <= 200:
        return None
    if not maximum:
        return round(years * 12)
    return (int(years) + 1) * 12 if years == int(years) else round(years * 12) + 1


def age_text(months: int) -> str:
    return f"{months // 12} jaar" if months % 12 == 0 else f"{months} maanden"


def attribute_terms(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(taxonomy, code, name, value) of each attribute with a taxonomy term."""
    out = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("name") or \
            attribute.get("link_type") or ""
        out.append((str(taxonomy), own_code(str(taxonomy), str(term.get("code") or "")), str(term.get("name") or ""),
                    str(attribute.get("value") or "")))
    return out


