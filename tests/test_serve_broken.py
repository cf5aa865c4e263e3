"""`mkdocs serve` with a broken data file: the Dutch report in the log, the last good site in the
browser, and the server keeps rebuilding."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import build_env, copy_project
from .test_site import _fetch, _free_port


def _wait_for(url: str, text: str, server: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while text not in _fetch(url):
        assert time.monotonic() < deadline and server.poll() is None, f"{text!r} did not show up at {url}"
        time.sleep(0.3)


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_broken_file_keeps_the_last_good_site_and_the_server_working(tmp_path: Path, dirty: bool) -> None:
    project = copy_project(tmp_path / "p")
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, *(["--dirty"] if dirty else [])], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=build_env())
    offering = f"http://127.0.0.1:{port}/aanbod/peuter-in-zicht/"
    page = f"http://127.0.0.1:{port}/over/"
    try:
        _wait_for(offering, "Peuter in zicht", server, 120)
        path = project / "offerings/peuter-in-zicht.yml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "titel: Peuter in zicht", 'titel: "Peuter in zicht\\nmet een regel erbij"'), encoding="utf-8")
        (project / "offerings/nul.yml").symlink_to("/dev/zero")
        time.sleep(3)  # the rebuild with the broken data
        over = project / "content/over/index.md"
        over.write_text(over.read_text(encoding="utf-8") + "\nDeze regel is nieuw.\n", encoding="utf-8")
        _wait_for(page, "Deze regel is nieuw.", server, 60)  # not stuck: later edits still show
        assert "Peuter in zicht" in _fetch(offering)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert "De gegevens bevatten fouten; de voorvertoning toont de laatste goede versie." in log
    assert "veld 'titel': deze tekst moet op één regel staan." in log
    assert "offerings/nul.yml: fout: dit is geen gewoon bestand" in log
    assert "Traceback" not in log
