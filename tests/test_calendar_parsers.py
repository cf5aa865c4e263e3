"""Every iCalendar file of the built site read by a second, independent parser: ical.js (Mozilla's, the
one Thunderbird uses, run in Node). Each file parses, every recurrence expands, and both parsers find
the same occurrences in the year after the build date."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from .conftest import ROOT

CHECK = ROOT / "tests" / "tools" / "ical_check.mjs"
FROM, TO = date(2026, 11, 22), date(2027, 11, 22)  # the build date of the tests, and a year on


def _node() -> str:
    node = shutil.which("node")
    if not (node and (ROOT / "node_modules" / "ical.js").exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("node or ical.js is missing; scripts/test.sh installs both (npm ci)")
        pytest.skip("node or ical.js is not installed")
    return node


def test_every_calendar_file_reads_the_same_in_ical_js(default_site: Path) -> None:
    files = sorted((default_site / "kalender").rglob("*.ics"))
    assert len(files) > 10
    result = subprocess.run([_node(), str(CHECK), FROM.isoformat(), TO.isoformat(), *map(str, files)],
                            capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(result.stdout)
    errors = {name: found["error"] for name, found in report.items() if "error" in found}
    assert errors == {}
    assert sum(found["events"] for found in report.values()) > 50  # a paused offering's feed may be empty
    for file in files:
        calendar = icalendar.Calendar.from_ical(file.read_bytes())
        ours = recurring_ical_events.of(calendar).between(FROM, TO)
        theirs = report[str(file)]
        assert theirs["events"] == len(list(calendar.walk("VEVENT"))), file
        assert theirs["occurrences"] == len(ours), file
        assert theirs["method"] == calendar.get("METHOD")  # None: no METHOD (see calendar_feeds)
        if "METHOD" in calendar:  # RFC 5546 §3.2.1: a published event names its organiser
            assert all("ORGANIZER" in event for event in calendar.walk("VEVENT")), file


def test_a_date_made_in_the_browser_reads_the_same_in_ical_js(browser, base_url: str, tmp_path: Path) -> None:
    """The one-event files agenda-datum.js makes from an offering's feed ("Zet deze datum in je
    agenda") hold that event, and ical.js reads them as icalendar does."""
    page = browser.new_page(accept_downloads=True)
    files = []
    for offering in ("ouderavond-alcohol-en-drugs", "themabijeenkomsten-jonge-kinderen"):
        page.goto(f"{base_url}aanbod/{offering}/")
        links = page.locator("a[data-een-datum]")
        assert links.count() >= 2, offering
        for n in range(links.count()):
            with page.expect_download() as info:
                links.nth(n).click()
            target = tmp_path / info.value.suggested_filename
            info.value.save_as(target)
            files.append(target)
    page.close()
    assert len({file.name for file in files}) == len(files)
    result = subprocess.run([_node(), str(CHECK), FROM.isoformat(), TO.isoformat(), *map(str, files)],
                            capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(result.stdout)
    assert {name: found.get("error") for name, found in report.items() if "error" in found} == {}
    for file in files:
        calendar = icalendar.Calendar.from_ical(file.read_bytes())
        assert report[str(file)]["events"] == len(calendar.walk("VEVENT")) == 1, file
        assert report[str(file)]["occurrences"] == len(recurring_ical_events.of(calendar).between(FROM, TO)), file
