"""HSDS 3.0 tabular packages (CSV files + datapackage.json) to and from nested HSDS records.

Nested records carry their foreign keys (service_id, location_id, ...), so flattening is a walk
that puts each object into its table; nesting again groups the rows by those keys.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .hsds_fields import OFFICIAL_FIELDS
from .hsds_profile import EXTENDED_TABLES, EXTENSIONS, tabular_field

# Key of a nested object or list → its table (file name without .csv).
TABLES = {
    "organization": "organizations", "services": "services", "locations": "locations",
    "location": "locations", "service_at_locations": "service_at_location", "schedules": "schedules",
    "phones": "phones", "addresses": "addresses", "languages": "languages", "cost_options": "cost_options",
    "accessibility": "accessibility", "contacts": "contacts", "attributes": "attributes",
    "taxonomy_term": "taxonomy_terms", "taxonomy_detail": "taxonomies", "service_areas": "service_areas",
    "organization_identifiers": "organization_identifiers", "funding": "funding",
    "required_documents": "required_documents", "program": "programs",
}
# The tables `nest` reads; others (funding, programs, ...) have no place in our model.
NESTED_TABLES = {"organizations", "services", "locations", "service_at_location", "schedules", "phones",
                 "addresses", "languages", "cost_options", "accessibility", "contacts", "attributes",
                 "taxonomy_terms", "taxonomies"}


def _column_types() -> dict[str, dict[str, dict[str, Any]]]:
    """Table → column → its Frictionless field: HSDS's own columns and our profile's."""
    out = {table: dict(fields) for table, fields in OFFICIAL_FIELDS.items()}
    for table, schema in EXTENDED_TABLES.items():
        out[table] |= {name: tabular_field(prop) for name, prop in EXTENSIONS[schema].items()}
    return out


COLUMN_TYPES = _column_types()
NUMBER_FIELDS = {name for fields in COLUMN_TYPES.values() for name, field in fields.items()
                 if field["type"] in ("number", "integer")}


def finite_json(value: Any) -> Any:
    """The value with every non-finite number (inf, nan) left out: dropped from objects, null in
    lists. JSON has no such numbers; json.dumps would write `Infinity`, which parsers refuse."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: finite_json(item) for key, item in value.items()
                if not (isinstance(item, float) and not math.isfinite(item))}
    if isinstance(value, (list, tuple)):
        return [finite_json(item) for item in value]
    return value


def json_text(value: Any, **options: Any) -> str:
    """JSON of the value without non-finite numbers, and strict about it (allow_nan=False)."""
    try:  # nearly every value has none: the C encoder alone, without walking the value first
        return json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    except ValueError:
        return json.dumps(finite_json(value), ensure_ascii=False, allow_nan=False, **options)


# A spreadsheet runs a cell that starts like this as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """Partner text as a CSV cell that a spreadsheet shows as text, not runs as a formula.

    The guard is a leading apostrophe; text that already starts with apostrophes before a formula
    character gets one more, so that `unguarded` gives back exactly the text.
    """
    return "'" + value if value.lstrip("'").startswith(_FORMULA_START) else value


def unguarded(value: str) -> str:
    """The text of a cell written by `text_cell`."""
    guarded = value.startswith("'") and value.lstrip("'").startswith(_FORMULA_START)
    return value[1:] if guarded else value


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return text_cell(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return value  # numbers stay numbers: "-0.75" is an age, not a formula


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def flatten(organizations: Iterable[dict[str, Any]], services: Iterable[dict[str, Any]],
            extra_terms: Iterable[dict[str, Any]] = ()) -> dict[str, list[dict[str, Any]]]:
    """Nested HSDS records → rows per table, each object once (by id), in order of appearance."""
    tables: dict[str, dict[str, dict[str, Any]]] = {}

    def walk(table: str, record: dict[str, Any]) -> None:
        row = {key: value for key, value in record.items() if _scalar(value)}
        tables.setdefault(table, {}).setdefault(record["id"], row)
        for key, value in record.items():
            children = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
            for child in children:
                if isinstance(child, dict) and key in TABLES:
                    walk(TABLES[key], child)

    for org in organizations:
        walk("organizations", org)
    for service in services:
        walk("services", service)
    for term in extra_terms:
        walk("taxonomy_terms", term)
    return {table: list(rows.values()) for table, rows in tables.items()}


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    # With "\n" as line end the csv module does not quote a cell with a lone CR, which readers then
    # take for a line end. Written with "\r\n" it quotes every cell with CR or LF; each record's own
    # "\r\n" is then turned back into the "\n" of these files.
    record = io.StringIO()
    writer = csv.DictWriter(record, columns, lineterminator="\r\n")

    def line(row: dict[str, Any]) -> str:
        record.seek(0)
        record.truncate()
        writer.writerow(row)
        return record.getvalue().removesuffix("\r\n") + "\n"

    header = line(dict(zip(columns, columns, strict=True)))
    return header + "".join(line({key: _cell(value) for key, value in row.items()}) for row in rows)


def datapackage(tables: dict[str, list[dict[str, Any]]], name: str, title: str,
                license_: dict[str, str]) -> dict[str, Any]:
    """A Frictionless data package descriptor for the tables: each column with the type and
    constraints HSDS's tabular package gives it, or our profile for a `cjg_` column."""
    return {
        "name": name, "title": title, "profile": "tabular-data-package", "licenses": [license_],
        "resources": [{
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [{"name": column, **COLUMN_TYPES[table][column]} for column in _columns(rows)],
                       "primaryKey": ["id"], "missingValues": [""]},
        } for table, rows in sorted(tables.items())],
    }


def write_package(folder: Path, tables: dict[str, list[dict[str, Any]]], descriptor: dict[str, Any]) -> list[Path]:
    """Write the CSV files and datapackage.json into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in sorted(tables.items()):
        path = folder / f"{table}.csv"
        path.write_text(_csv(rows, _columns(rows)), encoding="utf-8")
        written.append(path)
    path = folder / "datapackage.json"
    path.write_text(json_text(descriptor, indent=2) + "\n", encoding="utf-8")
    return [*written, path]


def typed_row(row: Mapping[str | None, Any]) -> dict[str, Any]:
    """A CSV row as values: numbers as numbers, the formula guard taken off text, empty cells and
    cells past the last column left out. A number field that holds no finite number keeps its text,
    for the importer to report."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key is None or not isinstance(value, str) or value == "":
            continue
        number = _finite(value) if key in NUMBER_FIELDS else None
        if number is not None:
            out[key] = int(number) if number.is_integer() else number
        else:
            out[key] = value if key in NUMBER_FIELDS else unguarded(value)
    return out


def _finite(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def read_tables(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Every CSV file of a tabular package, as typed rows (empty cells left out)."""
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            tables[path.stem] = [typed_row(row) for row in csv.DictReader(handle)]
    return tables


def nest(tables: dict[str, list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows per table → nested organizations and services, as in HSDS JSON."""
    def rows(table: str, **match: str) -> list[dict[str, Any]]:
        return [dict(r) for r in tables.get(table, []) if all(r.get(k) == v for k, v in match.items())]

    taxonomies = {r["id"]: r for r in rows("taxonomies") if "id" in r}
    terms = {r["id"]: r | ({"taxonomy_detail": taxonomies[r["taxonomy_id"]]}
                           if r.get("taxonomy_id") in taxonomies else {}) for r in rows("taxonomy_terms") if "id" in r}

    def attributes(link_id: str) -> list[dict[str, Any]]:
        return [a | ({"taxonomy_term": terms[a["taxonomy_term_id"]]} if a.get("taxonomy_term_id") in terms else {})
                for a in rows("attributes", link_id=link_id)]

    def phones(**match: str) -> list[dict[str, Any]]:
        return rows("phones", **match)

    def location(record: dict[str, Any]) -> dict[str, Any]:
        lid = record["id"]
        return record | {"addresses": rows("addresses", location_id=lid),
                         "accessibility": rows("accessibility", location_id=lid),
                         "attributes": attributes(lid)}

    locations = {r["id"]: location(r) for r in rows("locations") if "id" in r}
    organizations = []
    for org in rows("organizations"):
        oid = org.get("id", "")
        contacts = [c | {"phones": phones(contact_id=c.get("id", ""))} for c in rows("contacts", organization_id=oid)
                    if not c.get("service_id")]
        organizations.append(org | {
            "phones": [p for p in phones(organization_id=oid) if not (p.get("service_id") or p.get("contact_id"))],
            "contacts": contacts,
            "locations": [loc for loc in locations.values() if loc.get("organization_id") == oid],
            "attributes": attributes(oid),
        })
    services = []
    for service in rows("services"):
        sid = service.get("id", "")
        services.append(service | {
            "phones": phones(service_id=sid),
            "contacts": [c | {"phones": phones(contact_id=c.get("id", ""))} for c in rows("contacts", service_id=sid)],
            "schedules": rows("schedules", service_id=sid),
            "service_at_locations": [sal | ({"location": locations[sal["location_id"]]}
                                            if sal.get("location_id") in locations else {})
                                     for sal in rows("service_at_location", service_id=sid)],
            "languages": rows("languages", service_id=sid),
            "cost_options": rows("cost_options", service_id=sid),
            "attributes": attributes(sid),
        })
    return organizations, services
