"""Publish the JSON Schema of partner and offering files, generated from the models.

The models are the one source of truth. The published schema adds the ids of the site's lists as
`enum`s, so that editors can autocomplete themes, places and partners.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...catalog.entry_kinds import ENTRY_KINDS, DataFolders
from ...model.lists import load_lists


def _with_enums(node: Any, enums: dict[str, list[str]]) -> Any:
    if isinstance(node, dict):
        node = {k: _with_enums(v, enums) for k, v in node.items()}
        values = enums.get(node.get("x-lijst", ""))
        if values:
            target = node["items"] if node.get("type") == "array" else node
            target["enum"] = values
        return node
    if isinstance(node, list):
        return [_with_enums(v, enums) for v in node]
    return node


def list_enums(folders: DataFolders) -> dict[str, list[str]]:
    """The ids each `x-lijst` marker may take, from the site's lists.

    Partner ids are left out on purpose: a new partner file should not make the schema stale.
    """
    lists, _ = load_lists(folders.root / folders.lists, folders.root)
    enums: dict[str, list[str]] = {}
    for key in ("themas", "partnertypes", "niveaus", "soorten", "talen", "verwijzers", "gebieden", "plaatsen"):
        table = lists.table(key)
        if table:
            enums[key] = list(table)
    return enums


def json_schemas(folders: DataFolders) -> dict[str, dict[str, Any]]:
    """The JSON Schemas by file name, with the site's list ids filled in."""
    enums = list_enums(folders)
    out: dict[str, dict[str, Any]] = {}
    for kind in ENTRY_KINDS:
        schema = kind.model.model_json_schema(by_alias=True)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": kind.schema,
                  **schema, "title": kind.schema_title}
        out[kind.schema] = _with_enums(schema, enums)
    return out


def render_schema(schema: dict[str, Any]) -> str:
    """Serialise a schema the same way every time."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folders: DataFolders, target: Path) -> list[Path]:
    """Write the schemas into `target`; return the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas(folders).items():
        path = target / name
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written
