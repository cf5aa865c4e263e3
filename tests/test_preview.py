"""A partner's preview: with `mkdocs serve --dirty` running and an offering's page open in Chromium,
saving the offering's file reloads the page by itself. MkDocs' live reload is an inline script that
differs per request; the site's CSP allows inline <script> elements (and with them javascript: links)
in the preview only, and inline event handlers never (`test_site` checks the built site's policy)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from cjgportaal.render.security import add_csp_meta

from .conftest import OFFERING, build_env, copy_project
from .test_site import _fetch, _free_port


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_open_page_shows_a_saved_edit_by_itself(tmp_path: Path, browser: Any, engine: str) -> None:
    project = copy_project(tmp_path / "p")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", engine, "serve", "--dirty", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=errors, env=build_env())
    url = f"http://127.0.0.1:{port}/aanbod/peuter-in-zicht/"
    page = browser.new_page(viewport={"width": 375, "height": 667})
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    try:
        deadline = time.monotonic() + 120
        while "Peuter in zicht" not in _fetch(url):
            assert time.monotonic() < deadline and server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.5)
        page.goto(url)
        assert page.locator("h1").inner_text() == "Peuter in zicht"
        assert problems == []  # such as the CSP refusing the live reload
        path = project / OFFERING
        path.write_text(path.read_text(encoding="utf-8").replace("titel: Peuter in zicht", "titel: Peuters in beeld"),
                        encoding="utf-8")
        page.locator("h1", has_text="Peuters in beeld").wait_for(timeout=60_000)  # no reload asked for
        assert problems == []
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=30)


_PAGE = ('<html><head><meta charset="utf-8"><title>start</title></head><body>'
         '<script>document.title += " element"</script>'
         '<img src="x:y" onerror="document.title += \' handler\'">'
         '<a href="javascript:void(document.title += \' link\')">link</a></body></html>')


# The preview allows what `script-src-elem` governs: inline <script> elements and javascript: links.
@pytest.mark.parametrize(("policy", "title"), [(None, "start element handler link"), ("site", "start"),
                                               ("preview", "start element link")])
def test_the_preview_lets_inline_script_elements_run_and_never_inline_handlers(
        browser: Any, policy: str | None, title: str) -> None:
    page = browser.new_page()
    try:
        # set_content waits for the load event, which comes after the image's error
        page.set_content(_PAGE if policy is None else add_csp_meta(_PAGE, set(), inline_script_elements=policy == "preview"))
        page.click("a")
        expect(page).to_have_title(title)  # a javascript: link runs as a task after the click
        page.wait_for_timeout(200)  # and what must not run has had its chance
        assert page.title() == title
    finally:
        page.close()
