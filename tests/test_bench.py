"""A tiny benchmark run as a smoke test: the script works end to end (its timings are not tested)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, build_env


def test_tiny_benchmark_run(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bench.py"), "--sizes", "20", "--out", str(out)],
                            capture_output=True, text=True, env=build_env(), timeout=600)
    assert result.returncode == 0, result.stderr
    table = out.read_text(encoding="utf-8")
    assert "| 20 | 2 | 60 |" in table and "ours / plain" in table
    # The two serve columns (an edit seen by `mkdocs serve`, with and without --dirty) hold times.
    assert re.search(r"\| [0-9]+ KB \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|", table)
    assert "## Sociale kaart" in table and re.search(r"\| 20 \| [0-9.]+ s \| [0-9]+% \| [0-9]+ / [0-9]+ KB \|", table)
