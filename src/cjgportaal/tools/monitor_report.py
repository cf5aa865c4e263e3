"""The aanbodmonitor's figures for the terminal, as CSV and as JSON (`cjg report monitor`)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..catalog.monitor import Monitor


def monitor_data(m: Monitor) -> dict[str, Any]:
    """All figures as plain data, the same the monitor page shows."""
    return {
        "peildatum": m.today.isoformat(),
        "aanbod": len(m.current),
        "aandelen": [{"kenmerk": s.label, "aantal": s.count, "totaal": s.total, "procent": s.percent}
                     for s in m.shares()],
        "per_niveau": dict(m.per("niveau")),
        "per_leeftijd": dict(m.per("leeftijd")),
        "dekking": [
            {"titel": matrix.title, "rijen": matrix.rows.label, "kolommen": matrix.cols.label,
             "cellen": {row_name: {col_name: matrix.cell(row, col) for col, col_name in matrix.cols.values}
                        for row, row_name in matrix.rows.values}}
            for matrix in m.matrices()
        ],
        "gaten": m.gaps(),
        "actualiteit": m.freshness(),
        "partners": [{"partner": f.partner.name, "aanbod": f.offerings, "soorten": f.kinds,
                      "bestanden": f.files, "nagekeken_6_maanden": f.checked_6,
                      "nagekeken_12_maanden": f.checked_12, "over_controledatum": f.overdue}
                     for f in m.partners()],
        "partnertypes": [{"soort": name, "partners": p, "aanbod": o, "soorten": k}
                         for name, p, o, k in m.partner_types()],
    }


def monitor_rows(data: dict[str, Any]) -> list[tuple[str, str, str, object]]:
    """The figures as (onderdeel, rij, kolom, waarde) rows."""
    rows: list[tuple[str, str, str, object]] = [("totaal", "aanbod", "", data["aanbod"])]
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


def render(data: dict[str, Any], fmt: str) -> str:
    """The figures as 'tekst', 'csv' or 'json'."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("onderdeel", "rij", "kolom", "waarde"))
        writer.writerows(monitor_rows(data))
        return buffer.getvalue()
    lines = [f"Aanbodmonitor, peildatum {data['peildatum']}: {data['aanbod']} keer aanbod", ""]
    lines += [f"{s['kenmerk']}: {s['aantal']} van {s['totaal']} ({s['procent']}%)" for s in data["aandelen"]]
    for matrix in data["dekking"]:
        columns = list(next(iter(matrix["cellen"].values())))
        width = max(len(r) for r in matrix["cellen"]) + 2
        lines += ["", matrix["titel"], " " * width + " | ".join(columns)]
        for row, cells in matrix["cellen"].items():
            lines.append(row.ljust(width) + " | ".join(str(cells[c] or "-").rjust(len(c)) for c in columns))
    lines += ["", f"Gaten ({len(data['gaten'])}):", *(f"- {gap}" for gap in data["gaten"]), ""]
    lines += [f"{k.replace('_', ' ')}: {v}" for k, v in data["actualiteit"].items()]
    lines += ["", "Per partner (aanbod, soorten, over controledatum):"]
    lines += [f"- {p['partner']}: {p['aanbod']}, {p['soorten']}, {p['over_controledatum']}" for p in data["partners"]]
    return "\n".join(lines) + "\n"
