"""The files the "Aanbod aanmelden" form reads to change an existing offering: one JSON file per
partner, holding for each of its offerings the text of its YAML file (to keep its comments and
layout) and its data: `{offering id: {"pad", "tekst", "gegevens"}}`.

There is no server: for `?aanbod=<id>&partner=<partner id>` (the "Wijzig dit aanbod" link) the form
fetches `formulier/partner/<partner id>.json` and takes the offering out of it. One file per partner
instead of per offering keeps the site's file count down (a static host counts files), while what
the form downloads stays one partner's offerings.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ...load.yaml_files import SourceDoc, parse_yaml
from .. import urls

if TYPE_CHECKING:
    from .outputs import DataFilesJob


def _plain(value: object) -> str:
    """Dates and times as the YAML files write them."""
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def offering_data(text: str, path: str, doc: SourceDoc | None = None) -> dict[str, Any] | None:
    """The form's record of one offering file (`path` relative to the project), from its `text` or
    from the `doc` parsed already; None if it is not a mapping (the build has refused it already)."""
    if doc is None:
        doc, _ = parse_yaml(text, path)
    data: Any = doc.data if doc is not None else None
    if not isinstance(data, dict):
        return None
    return {"pad": path, "tekst": text, "gegevens": data}


def form_data_files(job: DataFilesJob) -> dict[str, bytes]:
    """{path in the site: content}: per partner, its offerings that came from a file, by id."""
    per_partner: dict[str, dict[str, dict[str, Any]]] = {}
    for (kind, entry_id), path in sorted(job.catalog.files.items()):
        source = job.folders.root / path
        offering = job.catalog.offerings.get(entry_id) if kind == "aanbod" else None
        if offering is None or not source.is_file():
            continue
        doc = job.parsed.load_yaml(source, path)[0] if job.parsed is not None else None
        record = offering_data(source.read_text(encoding="utf-8"), path, doc)
        if record is not None:
            per_partner.setdefault(offering.partner, {})[entry_id] = record
    return {urls.form_data_file(partner): json.dumps(records, ensure_ascii=False, default=_plain).encode("utf-8")
            for partner, records in sorted(per_partner.items())}
