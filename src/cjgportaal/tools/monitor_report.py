"""The aanbodmonitor's figures for the terminal, as CSV and as JSON (`cjg report monitor`)."""

from __future__ import annotations

from typing import Any

from ..catalog.monitor import Monitor
from ..render.files.monitor_files import monitor_csv, monitor_data, monitor_json


def render(m: Monitor, fmt: str) -> str:
    """The figures as 'tekst', 'csv' or 'json'."""
    if fmt == "json":
        return monitor_json(m)
    if fmt == "csv":
        return monitor_csv(m)
    data: dict[str, Any] = monitor_data(m)
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
