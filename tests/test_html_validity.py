"""Every page of the built default site passes the Nu HTML Checker (vnu-jar) without errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(default_site: Path) -> None:
    java = shutil.which("java")
    if not (VNU.exists() and java):
        if os.environ.get("CI") == "true":
            pytest.fail("vnu.jar or java is missing; scripts/test.sh installs both")
        pytest.skip("vnu.jar or java is not installed")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(default_site)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert len(list(default_site.rglob("*.html"))) > 10
