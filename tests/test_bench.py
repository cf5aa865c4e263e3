"""A tiny benchmark run as a smoke test: the script works end to end (its timings are not tested), and
the output it counts is the built site's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, build_env


def _row(table: str, size: int) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith(f"| {size} | "))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_tiny_benchmark_run(tmp_path: Path) -> None:
    out, work = tmp_path / "bench.md", tmp_path / "work"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bench.py"), "--sizes", "20", "30", "--only-build", "30",
                             "--out", str(out), "--work", str(work)],
                            capture_output=True, text=True, env=build_env(), timeout=600)
    assert result.returncode == 0, result.stderr
    table = out.read_text(encoding="utf-8")
    assert "| 20 | 2 | 60 |" in table and "ours / plain" in table
    # The two serve columns (an edit seen by `mkdocs serve`, with and without --dirty) hold times.
    assert re.search(r"\| [0-9]+ KB \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|", table)
    assert "## Sociale kaart" in table and re.search(r"\| 20 \| [0-9.]+ s \| [0-9]+% \| [0-9]+ / [0-9]+ KB \|", table)
    header = next(line for line in table.splitlines() if line.startswith("| offerings | partners |"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    assert columns[4:6] == ["files", "bytes"] and columns[-4:] == ["plain MkDocs", "ours / plain", "Hugo", "ours / Hugo"]
    for size in (20, 30):
        row = dict(zip(columns, _row(table, size), strict=True))
        site = work / f"cjg-{size}" / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        assert int(row["files"]) == len(files) and int(row["bytes"]) == sum(p.stat().st_size for p in files)
        assert int(row["peak memory"].removesuffix(" MiB")) > 20  # one MkDocs build's own peak
        # Per top folder: files and bytes add up to the whole site.
        section = table.split("## Output per top folder")[1].split("\n## ")[0]
        folders = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| folder |")]
        cells = {line.split("|")[1].strip(): line.strip("|").split("|")[1:] for line in folders}
        index = 2 * (0 if size == 20 else 1)
        calendars = [p for p in files if p.relative_to(site).parts[0] == "kalender"]
        assert int(cells["kalender"][index]) == len(calendars) and len(calendars) > 0
        assert sum(int(c[index]) for c in cells.values()) == len(files)
        assert sum(int(c[index + 1]) for c in cells.values()) == int(row["bytes"])
    only_build = dict(zip(columns, _row(table, 30), strict=True))  # --only-build: no comparisons
    assert only_build["plain MkDocs"] == only_build["Hugo"] == only_build["serve edit"] == "n/a"
    assert dict(zip(columns, _row(table, 20), strict=True))["plain MkDocs"] != "n/a"
