"""Every output writer is safe on its own: hostile text and numbers that validation would refuse
still give valid iCalendar, XML, JSON and CSV. The objects are built past validation."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from cjgportaal.catalog.catalog import Catalog, load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.site_info import SiteInfo
from cjgportaal.model.models import AgeRange, Cost, Offering
from cjgportaal.render import urls
from cjgportaal.render.files.calendar_feeds import FeedSite, calendar_files
from cjgportaal.render.files.feeds import atom_feed as changes_feed
from cjgportaal.render.files.hsds_files import write_hsds
from cjgportaal.render.files.hsds_tabular import read_tables
from cjgportaal.render.files.kaart import export_csv, export_json
from cjgportaal.render.formatting import cost_text
from cjgportaal.render.jsonld import StructuredData, script_tag
from cjgportaal.render.news import NewsPost
from cjgportaal.render.news import atom_feed as news_feed

TODAY = date(2026, 11, 22)
SITE = SiteInfo("CJG Test", "CC0-1.0", "https://cjg.example/")
NASTY = "Peuter\nin\r\nzicht\r\x01\x0b\x1f\x7f\ufffe\ud800, ok; \\ klaar"


def _catalog(mini: Path, **changes: Any) -> tuple[Catalog, Offering]:
    catalog, problems = load_catalog(DataFolders(mini), TODAY)
    assert catalog is not None, problems
    [offering] = catalog.offerings.values()
    hostile = offering.model_copy(update=changes)
    catalog.offerings[hostile.id] = hostile
    return catalog, hostile


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def _strict_json(text: str) -> Any:
    return json.loads(text, parse_constant=_no_constants)


def test_ical_files_carry_any_text_escaped(mini: Path) -> None:
    catalog, offering = _catalog(mini, title=NASTY, summary="regel 1\rregel 2")
    files = calendar_files(catalog, [], "CJG\rTest", FeedSite(SITE.url, TODAY))
    assert files
    for path, content in files.items():
        lines = content.split(b"\r\n")
        assert lines[-1] == b"" and not any(re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line) for line in lines), path
        calendar = Calendar.from_ical(content)
        events = calendar.walk("VEVENT")
        assert events, path
        for event in events:
            assert str(event["summary"]).startswith("Peuter\nin\nzicht\n, ok; \\ klaar"), path
            assert "regel 1\nregel 2" in str(event["description"])
    agenda = Calendar.from_ical(files[urls.AGENDA_FEED])
    amsterdam = ZoneInfo("Europe/Amsterdam")
    found = recurring_ical_events.of(agenda).between(datetime(2027, 1, 1, tzinfo=amsterdam),
                                                      datetime(2027, 3, 1, tzinfo=amsterdam))
    assert len(found) == len(offering.course_runs[0].sessions)  # the spring run


def _well_formed(document: bytes) -> ET.Element:
    return ET.fromstring(document)


def test_atom_feeds_leave_out_what_xml_cannot_hold(mini: Path) -> None:
    catalog, _ = _catalog(mini, title=NASTY, summary="\x01samen\x0bvatting\ufffe")
    atom = "{http://www.w3.org/2005/Atom}"
    root = _well_formed(changes_feed(catalog, SITE))
    entry = root.find(f"{atom}entry")
    assert entry is not None
    assert entry.findtext(f"{atom}title") == "Peuter\nin\nzicht\n\x7f, ok; \\ klaar"  # XML 1.0 allows DEL
    assert entry.findtext(f"{atom}summary") == "samenvatting"
    post = NewsPost("nieuws/x.md", "Titel\x02 met\x1b rommel", "Omschrijving\ufffe\x00", TODAY)
    news = _well_formed(news_feed([post], "CJG\x0cTest", SITE.url, TODAY))
    assert news.findtext(f"{atom}title") == "Nieuws – CJGTest"
    assert news.findtext(f"{atom}entry/{atom}summary") == "Omschrijving"


@pytest.mark.parametrize("amount", [float("inf"), float("nan")])
def test_json_never_holds_a_non_finite_number(mini: Path, tmp_path: Path, amount: float) -> None:
    catalog, offering = _catalog(mini, cost=Cost.model_construct(kind="eigen-bijdrage", amount=amount, note=""))
    kaart = _strict_json(export_json(catalog))
    assert "bedrag" not in kaart["aanbod"][0]["kosten"]
    write_hsds(catalog, SITE, tmp_path)
    services = _strict_json((tmp_path / urls.HSDS_DIR / "services.json").read_text(encoding="utf-8"))
    assert all("amount" not in option for option in services[0]["cost_options"])
    _strict_json((tmp_path / urls.HSDS_TABULAR_DIR / "datapackage.json").read_text(encoding="utf-8"))
    cost_options = read_tables(tmp_path / urls.HSDS_TABULAR_DIR)["cost_options"]
    assert all("amount" not in option for option in cost_options)
    tag = script_tag(StructuredData(catalog, SITE).page(urls.offering_page(offering.id)))
    data = _strict_json(tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))
    assert "price" not in data[0]["offers"]
    assert not any("price" in event.get("offers", {}) for event in data[1:])
    assert "€" not in cost_text(offering.cost) and "inf" not in cost_text(offering.cost)


def mini_age(start: int, end: int) -> AgeRange:
    """An age range in months, past validation."""
    return AgeRange.model_construct(start=start, end=end)


def _kaart_rows(catalog: Catalog) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_csv(catalog).removeprefix("\ufeff"), newline=""), delimiter=";"))


def test_csv_guards_text_but_not_numbers(mini: Path) -> None:
    catalog, _ = _catalog(mini, title="=HYPERLINK(1)", summary="-regel\rmet CR\nen LF",
                                 age=mini_age(-9, 12),
                                 cost=Cost.model_construct(kind="eigen-bijdrage", amount=float("inf"), note=""))
    [row] = _kaart_rows(catalog)
    assert row["titel"] == "'=HYPERLINK(1)" and row["samenvatting"] == "'-regel\rmet CR\nen LF"
    assert row["leeftijd_van_maanden"] == "-9" and row["leeftijd_tot_maanden"] == "12"
    assert row["bedrag"] == ""


def test_hsds_tabular_csvs_guard_text_and_keep_line_breaks_inside_cells(mini: Path, tmp_path: Path) -> None:
    catalog, _ = _catalog(mini, title="@SUM(A1)", summary="+een\rtwee\r\ndrie", age=mini_age(-9, 48))
    write_hsds(catalog, SITE, tmp_path)
    folder = tmp_path / urls.HSDS_TABULAR_DIR
    with (folder / "services.csv").open(encoding="utf-8", newline="") as handle:
        [service] = list(csv.DictReader(handle))
    assert service["name"] == "'@SUM(A1)"
    assert service["description"].startswith("'+een\rtwee\r\ndrie")
    assert float(service["minimum_age"]) == -0.75  # a number, not guarded
    [read] = read_tables(folder)["services"]
    assert read["name"] == "@SUM(A1)" and read["description"].startswith("+een\rtwee\r\ndrie")
    assert read["minimum_age"] == -0.75
