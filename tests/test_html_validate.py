"""Every page of the built default site passes html-validate, a second HTML checker beside the Nu HTML
Checker: its recommended rules, which also check accessibility (named landmarks, forms with a submit
button), with the few changes below, each for a reason."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"
CONFIG = {
    "extends": ["html-validate:recommended"],
    "rules": {
        # Formatting of the generated HTML, which no reader sees.
        "no-trailing-whitespace": "off",
        "doctype-style": "off",
        # HTML allows any id without spaces; Material's own ids start with "__".
        "valid-id": ["error", {"relaxed": True}],
        # A group of checkboxes (the form's themes, audiences) shares one name on purpose.
        "form-dup-name": ["error", {"shared": ["radio", "checkbox", "button", "reset", "submit"]}],
        # cjg.css keeps every phone link on one line (white-space: nowrap), which this rule cannot see.
        "tel-non-breaking": "off",
        # A page title is the partner's title plus the site name; search engines shorten long ones.
        "long-title": "off",
        # Lists of results are named for screen readers ("Resultaten"), which ARIA allows.
        "aria-label-misuse": ["error", {"allowAnyNamable": True}],
    },
}


def test_every_page_passes_html_validate(default_site: Path, tmp_path: Path) -> None:
    node = shutil.which("node")
    if not (HTML_VALIDATE.exists() and node):
        if os.environ.get("CI") == "true":
            pytest.fail("html-validate or node is missing; scripts/test.sh installs both (npm ci)")
        pytest.skip("html-validate or node is not installed")
    config, report = tmp_path / "htmlvalidate.json", tmp_path / "report.json"
    config.write_text(json.dumps(CONFIG), encoding="utf-8")
    # The report goes to a file: Node cuts off a long report on a pipe when it exits.
    result = subprocess.run([str(HTML_VALIDATE), "--config", str(config), "--formatter", f"json={report}",
                             f"{default_site}/**/*.html"], capture_output=True, text=True, timeout=600)
    files = json.loads(report.read_text(encoding="utf-8"))
    problems = [f"{Path(f['filePath']).relative_to(default_site)}:{m['line']}: {m['ruleId']}: {m['message']}"
                for f in files for m in f["messages"]]
    assert problems == [], "\n".join(problems[:40])
    assert result.returncode == 0, result.stderr
