"""Property-based tests: generated hostile values in the fields of an offering and a partner.

For each value either the validator refuses the file with a Dutch message that names file, line and
field, or the catalog is valid and every page and data file made from it parses, with the text inert.
The examples are derandomised, so that CI runs the same cases every time.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.catalog.settings import SiteSettings
from cjgportaal.catalog.site_info import SiteInfo
from cjgportaal.load.problems import Severity
from cjgportaal.render import urls
from cjgportaal.render.files.outputs import OUTPUTS, DataFilesJob
from cjgportaal.render.files.schema import json_schemas
from cjgportaal.render.pages.maker import Renderer, RenderOptions
from cjgportaal.render.pages.registry import generated_pages

from .conftest import OFFERING, PARTNER, ROOT, copy_lists
from .test_dutch_messages import ENGLISH

TODAY = date(2026, 11, 22)
MARKER = "<b data-fuzz>"  # markup that must never arrive as an element

# Text a partner could paste: every kind of character, plus the syntax of the formats we write.
SYNTAX = ["{{ 7*7 }}", "{% raw %}", "${x}", "<script>alert(1)</script>", MARKER, "]]>", "&amp;", "\\n", "---",
          "key: value", "# x", "=SUM(A1)", "-9", "@someone", "::error::x", "BEGIN:VEVENT", "\r\nEND:VCALENDAR",
          "\u202eevil", "a\u200bb", "\ufeff", "\x00", "\x0b", "\ud7ff", "\U0001f600", "x" * 400]
TEXT = st.one_of(st.sampled_from(SYNTAX), st.text(st.characters(codec="utf-8"), min_size=1, max_size=40),
                 st.lists(st.sampled_from(SYNTAX), min_size=2, max_size=4).map(" ".join))
NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
                   st.sampled_from(["1e999", "-0", "0x10", "12,50"]))
DAY = st.one_of(st.dates(date(1960, 1, 1), date(2110, 12, 31)), st.dates(),
                st.sampled_from(["9999-12-31", "0001-01-01", "2027-02-30", "morgen", 20270202]))

# (file, path to the field) of every text, number and date the fuzzer fills in.
TEXT_FIELDS = [(OFFERING, p) for p in (("titel",), ("samenvatting",), ("beschrijving",), ("toegang", "toelichting"),
                                         ("locaties", 0, "naam"), ("locaties", 0, "straat"),
                                         ("rondes", 0, "bijeenkomsten", 0, "opmerking"), ("rondes", 0, "naam"),
                                         ("contact", "naam"))]
TEXT_FIELDS += [(PARTNER, p) for p in (("naam",), ("samenvatting",), ("beschrijving",), ("website",),
                                        ("email",), ("telefoon",))]
NUMBER_FIELDS = [(OFFERING, ("kosten", "bedrag"))]  # with 'soort: eigen-bijdrage', see _run
DATE_FIELDS = [(OFFERING, ("gecontroleerd",)), (OFFERING, ("rondes", 0, "bijeenkomsten", 0, "datum")),
               (PARTNER, ("gecontroleerd",))]


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


class _Elements(HTMLParser):
    """Collects the attributes of every element, to find markup that came from the data."""

    def __init__(self) -> None:
        super().__init__()
        self.fuzz = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.fuzz += any(name == "data-fuzz" for name, _ in attrs)


def _refuse_constant(value: str) -> None:
    raise ValueError(f"not JSON: {value}")


def _check_outputs(catalog: Any, site: Path) -> None:
    renderer = Renderer(catalog, RenderOptions(), json_schemas(DataFolders(ROOT))["aanbod.schema.json"])
    shown = {urls.offering_page("peuter-in-zicht"), urls.partner_page("ggd-flevoland"), urls.OFFERINGS_INDEX,
             urls.AGENDA_PAGE, urls.PARTNERS_INDEX}
    for page in generated_pages(renderer).values():
        if page.src_uri in shown:
            parser = _Elements()
            parser.feed(page.html)
            assert parser.fuzz == 0, page.src_uri
    job = DataFilesJob(catalog, (), DataFolders(site), SiteInfo("CJG Test", "CC0-1.0", "https://cjg.example/"),
                       True, site, SiteSettings().kaart_split_above)
    for output in OUTPUTS:
        if output.path != urls.SEARCH_INDEX_DIR:  # Pagefind: a process per example would take minutes
            output.write(job)
    for path in site.rglob("*"):
        if path.suffix == ".ics":
            icalendar.Calendar.from_ical(path.read_bytes())
        elif path.suffix == ".xml":
            ET.fromstring(path.read_bytes())
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse_constant)
        elif path.suffix == ".csv":
            delimiter = ";" if path.name == "aanbod.csv" else ","  # the kaart's export is for Dutch Excel
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""), delimiter=delimiter))
            assert len({len(row) for row in rows}) == 1, path


def _run(project: Path, name: str, path: tuple[str | int, ...], value: Any) -> None:
    for original in (OFFERING, PARTNER):
        shutil.copy(ROOT / original, project / original)
    data = yaml.safe_load((project / name).read_text(encoding="utf-8"))
    if path == ("kosten", "bedrag"):
        data["kosten"]["soort"] = "eigen-bijdrage"
    _set(data, path, value)
    (project / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalog, problems = load_catalog(DataFolders(project), TODAY)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    event("refused" if catalog is None else "published")
    if catalog is None:
        assert errors
        for problem in errors:
            assert problem.file == name and problem.line >= 1 and problem.field, problem
            assert not ENGLISH.findall(f"{problem.message} {problem.hint}"), problem
        return
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    _check_outputs(catalog, site)


def _project(base: Path) -> Path:
    project = base / "fuzz"
    if not project.exists():
        copy_lists(project)
        for name in (OFFERING, PARTNER):
            (project / name).parent.mkdir(parents=True, exist_ok=True)
    return project


FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(field=st.sampled_from(TEXT_FIELDS), value=TEXT)
def test_any_text_is_refused_in_dutch_or_inert_everywhere(tmp_path: Path, field: tuple[str, tuple[str | int, ...]],
                                                           value: str) -> None:
    _run(_project(tmp_path), *field, value)


@FUZZ
@given(field=st.sampled_from(NUMBER_FIELDS), value=NUMBER)
def test_any_number_is_refused_in_dutch_or_written_as_a_number(tmp_path: Path,
                                                                field: tuple[str, tuple[str | int, ...]],
                                                                value: Any) -> None:
    _run(_project(tmp_path), *field, value)


@FUZZ
@given(field=st.sampled_from(DATE_FIELDS), value=DAY)
def test_any_date_is_refused_in_dutch_or_used(tmp_path: Path, field: tuple[str, tuple[str | int, ...]],
                                              value: Any) -> None:
    _run(_project(tmp_path), *field, value)
