"""The aanbodmonitor's figures as data files: JSON and CSV, linked from the monitor page and listed as
open data, and printed by `cjg report monitor`."""

from __future__ import annotations

import csv
import io
from typing import Any

from ...catalog.monitor import Monitor
from .hsds_tabular import json_text, text_cell


def monitor_data(m: Monitor) -> dict[str, Any]:
    """All figures as plain data, the same the monitor page shows."""
    counts = m.counts()
    return {
        "peildatum": m.today.isoformat(),
        "aanbod": counts.current,
        "tellingen": {"bestanden": counts.files, "partners": counts.partners, "aanbod_bestanden": counts.offerings,
                      "in_sociale_kaart": counts.in_kaart, "lopend": counts.current,
                      "tijdelijk_gestopt": counts.paused},
        "aandelen": [{"kenmerk": s.label, "aantal": s.count, "totaal": s.total, "procent": s.percent}
                     for s in m.shares()],
        "per_niveau": dict(m.per("niveau")),
        "per_leeftijd": dict(m.per("leeftijd")),
        "dekking": [
            {"titel": matrix.title, "rijen": matrix.rows.label, "kolommen": matrix.cols.label,
             "cellen": {row_name: {col_name: matrix.cell(row, col) for col, col_name in matrix.cols.values}
                        for row, row_name in matrix.rows.values}}
            for matrix in [*m.heatmaps(), *m.matrices()]
        ],
        "gaten": [finding.text for finding in m.findings()],
        "nergens": m.nowhere(),
        "actualiteit": m.freshness(),
        "partners": [{"partner": f.partner.name, "aanbod": f.offerings, "soorten": f.kinds,
                      "bestanden": f.files, "nagekeken_6_maanden": f.checked_6,
                      "nagekeken_12_maanden": f.checked_12, "over_controledatum": f.overdue}
                     for f in m.partners()],
        "partnertypes": [{"soort": name, "partners": p, "aanbod": o, "soorten": k}
                         for name, p, o, k in m.partner_types()],
    }


def _rows(data: dict[str, Any]) -> list[tuple[str, str, str, object]]:
    """The figures as (onderdeel, rij, kolom, waarde) rows."""
    rows: list[tuple[str, str, str, object]] = [("totaal", "aanbod", "", data["aanbod"])]
    rows += [("telling", k, "", v) for k, v in data["tellingen"].items()]
    rows += [("aandeel", s["kenmerk"], key, s[key]) for s in data["aandelen"] for key in ("aantal", "totaal")]
    rows += [("per niveau", k, "", v) for k, v in data["per_niveau"].items()]
    rows += [("per leeftijd", k, "", v) for k, v in data["per_leeftijd"].items()]
    rows += [(f"dekking {matrix['titel']}", row, col, n) for matrix in data["dekking"]
             for row, cells in matrix["cellen"].items() for col, n in cells.items()]
    rows += [("gat", gap, "", "") for gap in data["gaten"]]
    rows += [("actualiteit", k, "", v) for k, v in data["actualiteit"].items()]
    rows += [("partner", p["partner"], k, v) for p in data["partners"] for k, v in p.items() if k != "partner"]
    rows += [("partnertype", t["soort"], k, v) for t in data["partnertypes"] for k, v in t.items() if k != "soort"]
    return rows


def monitor_json(m: Monitor) -> str:
    """The figures as JSON."""
    return json_text(monitor_data(m), indent=2) + "\n"


def monitor_csv(m: Monitor) -> str:
    """The figures as CSV: one row per figure. Names come from the partners' files: guarded as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("onderdeel", "rij", "kolom", "waarde"))
    writer.writerows(tuple(text_cell(v) if isinstance(v, str) else v for v in row)
                     for row in _rows(monitor_data(m)))
    return buffer.getvalue()
