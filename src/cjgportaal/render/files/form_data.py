"""The files the "Aanbod aanmelden" form reads to change an existing offering: one JSON file per
offering with the text of its YAML file (to keep its comments and layout) and its data.

There is no server: the form fetches `formulier/aanbod/<id>.json` for `?aanbod=<id>`.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ...load.yaml_files import parse_yaml
from .. import urls

if TYPE_CHECKING:
    from .outputs import DataFilesJob


def _plain(value: object) -> str:
    """Dates and times as the YAML files write them."""
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def offering_data(text: str, path: str) -> bytes | None:
    """The form's file for one offering file (`path` relative to the project); None if it is not a
    mapping (the build has refused it already)."""
    doc, _ = parse_yaml(text, path)
    data: Any = doc.data if doc is not None else None
    if not isinstance(data, dict):
        return None
    return json.dumps({"pad": path, "tekst": text, "gegevens": data}, ensure_ascii=False,
                      default=_plain).encode("utf-8")


def form_data_files(job: DataFilesJob) -> dict[str, bytes]:
    """{path in the site: content} for every offering that came from a file."""
    out = {}
    for (kind, entry_id), path in job.catalog.files.items():
        source = job.folders.root / path
        if kind != "aanbod" or not source.is_file():
            continue
        content = offering_data(source.read_text(encoding="utf-8"), path)
        if content is not None:
            out[urls.form_data_file(entry_id)] = content
    return out
