"""Issue 18: an offering's status, its sessions' statuses and its notice are true on every page and
in every file (the rule is in catalog/availability.py).

One real build of the sample site with four extra walk-in offerings for parents and young people,
one per status, each with a session in every session status and a notice; every output is checked.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

from .conftest import copy_project, mkdocs_build

# status → (id, title, weekday of its weekly hour, start hour)
OFFERINGS = {
    "actief": ("zonnebloemochtend", "Zonnebloemochtend", "maandag", 7),
    "vol": ("tulpenavond", "Tulpenavond", "maandag", 8),
    "gepauzeerd": ("klaproos-cafe", "Klaprooscafé", "maandag", 9),
    "gestopt": ("madeliefkring", "Madeliefkring", "maandag", 10),
}
# session status → date (the build date is 2026-11-22)
SESSIONS = {"gepland": "2026-11-23", "vol": "2026-11-24", "geannuleerd": "2026-11-25"}
HOST = "cjg.voorbeeld.nl"  # of site_url in mkdocs.yml
# A course with two runs: the first full, the second with one cancelled evening.
COURSE_ID, COURSE_TITLE = "lavendelcursus", "Lavendelcursus"
FULL_RUN = ("2026-11-30", "2026-12-07", "2026-12-14")
RUN_WITH_CANCELLED = ("2027-01-11", "2027-01-18", "2027-01-25")  # the evening of 18 January is cancelled


def _offering_yaml(status: str) -> str:
    offering_id, title, day, hour = OFFERINGS[status]
    sessions = "\n".join(
        f'  - {{datum: {day_}, van: "{hour:02d}:30", tot: "{hour:02d}:45", locatie: Dorpshuis De Steiger'
        + ("" if s == "gepland" else f", status: {s}") + "}"
        for s, day_ in SESSIONS.items())
    return f"""id: {offering_id}
titel: {title}
partner: de-meerpaal-welzijn
samenvatting: Een ochtend om andere ouders en jongeren te ontmoeten, met koffie en spelletjes.
doelgroepen: [ouders, jongeren]
leeftijd:
  van: 0
  tot: 18 jaar
themas: [opvoeden]
niveaus: [open-huis]
soort: inloop
toegang:
  route: vrij-toegankelijk
kosten:
  soort: gratis
locaties:
  - naam: Dorpshuis De Steiger
    straat: De Poort 2
    postcode: 8255 AA
    plaats: Swifterbant
    gebied: swifterbant
openingstijden:
  - {{dag: {day}, van: "{hour:02d}:00", tot: "{hour:02d}:15", locatie: Dorpshuis De Steiger}}
bijeenkomsten:
{sessions}
contact:
  telefoon: "0321 123 449"
status: {status}
mededeling:
  tekst: Mededeling van {title}.
gecontroleerd: 2026-11-21
controleren_voor: 2027-11-21
"""


def _course_yaml() -> str:
    def sessions(days: tuple[str, ...], cancelled: str = "") -> str:
        return "".join(f'      - {{datum: {day}, van: "19:30", tot: "21:30", locatie: Dorpshuis De Steiger'
                       + (", status: geannuleerd" if day == cancelled else "") + "}\n" for day in days)
    return (_offering_yaml("actief").replace("id: zonnebloemochtend", f"id: {COURSE_ID}")
            .replace("titel: Zonnebloemochtend", f"titel: {COURSE_TITLE}").replace("soort: inloop", "soort: cursus")
            .split("openingstijden:")[0]
            + "rondes:\n  - naam: Herfstronde\n    status: vol\n    plaatsen: 10\n    bijeenkomsten:\n"
            + sessions(FULL_RUN) + "  - naam: Winterronde\n    bijeenkomsten:\n"
            + sessions(RUN_WITH_CANCELLED, RUN_WITH_CANCELLED[1])
            + 'contact:\n  telefoon: "0321 123 449"\nstatus: actief\n'
              "gecontroleerd: 2026-11-21\ncontroleren_voor: 2027-11-21\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("status") / "project")
    folder = project / "offerings" / "statustest"
    folder.mkdir()
    for status, (offering_id, *_rest) in OFFERINGS.items():
        (folder / f"{offering_id}.yml").write_text(_offering_yaml(status), encoding="utf-8")
    (folder / f"{COURSE_ID}.yml").write_text(_course_yaml(), encoding="utf-8")
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _text(element: Tag | BeautifulSoup) -> str:
    return " ".join(element.get_text(" ").split())


def _title(status: str) -> str:
    return OFFERINGS[status][1]


def _notice(status: str) -> str:
    return f"Mededeling van {_title(status)}."


def _items_of(soup: BeautifulSoup | Tag, selector: str, status: str) -> list[str]:
    """The text of each item matching `selector` that links to the offering."""
    href = f"aanbod/{OFFERINGS[status][0]}/"
    return [_text(item) for item in soup.select(selector)
            if any(a.get("href", "").endswith(href) for a in item.select("a"))]


def test_offering_pages_say_the_status_and_show_times_only_when_it_runs(site: Path) -> None:
    def page(status: str) -> str:
        return _text(_soup(site, f"aanbod/{OFFERINGS[status][0]}").select_one("article") or BeautifulSoup("", "html.parser"))

    active, full, paused, stopped = (page(s) for s in OFFERINGS)
    for text, status in ((active, "actief"), (full, "vol"), (paused, "gepauzeerd"), (stopped, "gestopt")):
        assert _notice(status) in text, status
    assert "Let op: Vol" not in active and "Tijdelijk gestopt" not in active
    assert "Vaste tijden" in active and "Gaat door" in active and "Gaat niet door" in active
    assert active.count("Zet in je agenda") == 2  # not for the cancelled session
    assert "Let op: Vol: je kunt je niet meer aanmelden." in full
    assert "Gaat door" not in full and full.count("Zet in je agenda") == 2  # a full offering's sessions are full
    assert "Let op: Tijdelijk gestopt: je kunt er nu niet heen." in paused
    assert "Let op: Gestopt: dit aanbod is er niet meer." in stopped
    for text in (paused, stopped):
        assert "Er zijn nu geen tijden" in text
        assert "Vaste tijden" not in text and "24 november" not in text
        assert "Zet in je agenda" not in text and "Abonneer je op deze data" not in text
    raw = (site / "aanbod/klaproos-cafe/index.html").read_text(encoding="utf-8")
    assert '"Event"' not in raw and "openingHoursSpecification" not in raw  # nor in its JSON-LD


def test_cards_show_status_and_notice_and_leave_stopped_offerings_out(site: Path) -> None:
    cards: dict[str, list[str]] = {status: [] for status in OFFERINGS}
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for status in OFFERINGS:
            cards[status] += _items_of(soup, "li.cjg-card", status)
    assert not cards["gestopt"]
    for status, mark in (("actief", ""), ("vol", "Vol"), ("gepauzeerd", "Tijdelijk gestopt")):
        assert cards[status], status
        for card in cards[status]:
            assert f"Let op: {_notice(status)}" in card
            if mark:
                assert f"{_title(status)} {mark}" in card
            else:
                assert "Vol" not in card and "Tijdelijk gestopt" not in card
    assert all("Wanneer Tijdelijk gestopt" in card for card in cards["gepauzeerd"])


def test_agenda_lists_only_what_takes_place_with_every_mark(site: Path) -> None:
    soup = _soup(site, "ouders/agenda")
    assert "Ouderkamer Swifterbant" not in _text(soup)  # the sample's own paused walk-in
    for status in ("gepauzeerd", "gestopt"):
        assert not _items_of(soup, "li", status), status
        assert _title(status) not in _text(soup)
    weekly = soup.select_one("ul.cjg-agenda")
    assert weekly is not None
    assert len(_items_of(weekly, "li", "actief")) == 1
    assert "Vol:" not in _items_of(weekly, "li", "actief")[0]
    assert _notice("actief") in _items_of(weekly, "li", "actief")[0]
    assert "Vol: je kunt je niet meer aanmelden." in _items_of(weekly, "li", "vol")[0]
    sessions = [item for section in soup.select("section.cjg-agenda-month") for item in section.select("li")]
    months = BeautifulSoup("".join(str(item) for item in sessions), "html.parser")
    active = _items_of(months, "li", "actief")
    assert len(active) == 3
    assert "Vol" not in active[0] and "Zet in je agenda" in active[0] and _notice("actief") in active[0]
    assert "Vol: je kunt je niet meer aanmelden." in active[1] and "Zet in je agenda" in active[1]
    assert "Gaat niet door." in active[2] and "Zet in je agenda" not in active[2]
    full = _items_of(months, "li", "vol")
    assert len(full) == 3 and all("Vol: je kunt je niet meer aanmelden." in item for item in full[:2])
    assert "Gaat niet door." in full[2]


def test_contact_page_walk_ins_leave_paused_and_stopped_out(site: Path) -> None:
    soup = _soup(site, "ouders/contact")
    text = _text(soup)
    assert "Ouderkamer Swifterbant" not in text  # the sample's own paused walk-in
    for status in ("gepauzeerd", "gestopt"):
        assert _title(status) not in text, status
    block = soup.select_one("#inloop-swifterbant + ul")
    assert block is not None
    assert len(_items_of(block, "li", "actief")) == 1 and _notice("actief") in _items_of(block, "li", "actief")[0]
    assert "Vol: je kunt je niet meer aanmelden." in _items_of(block, "li", "vol")[0]


def test_youth_activities_list_only_what_takes_place(site: Path) -> None:
    soup = _soup(site, "jongeren/activiteiten")
    rows = {status: _items_of(soup, "tr", status) for status in OFFERINGS}
    assert len(rows["actief"]) == 4  # three sessions and the weekly hour
    assert any("(vol)" in row for row in rows["actief"]) and any("(gaat niet door)" in row for row in rows["actief"])
    assert all(_notice("actief") in row for row in rows["actief"])
    assert len(rows["vol"]) == 4 and all("Vol" in row for row in rows["vol"])
    assert not rows["gepauzeerd"] and not rows["gestopt"]


def _search_records(site: Path) -> dict[str, dict[str, object]]:
    records = {}
    for path in (site / "pagefind/fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        records["/" + data["meta"]["url"]] = data  # the kaart links by the meta's address
    return records


def test_kaart_records_and_exports_carry_status_and_notice(site: Path) -> None:
    records = _search_records(site)
    rows = {row["id"]: row for row in csv.DictReader(
        io.StringIO((site / "sociale-kaart/aanbod.csv").read_text(encoding="utf-8-sig")), delimiter=";")}
    exported = {o["id"]: o for o in json.loads((site / "sociale-kaart/aanbod.json").read_text(encoding="utf-8"))["aanbod"]}
    for status, mark in (("actief", ""), ("vol", "Vol"), ("gepauzeerd", "Tijdelijk gestopt")):
        offering_id = OFFERINGS[status][0]
        meta = records[f"/aanbod/{offering_id}/"]["meta"]
        assert isinstance(meta, dict)
        assert meta.get("status", "") == mark and meta["mededeling"] == _notice(status), status  # "" is left out
        assert rows[offering_id]["mededeling"] == _notice(status)
        assert rows[offering_id]["status"] == {"actief": "Actief"}.get(status, mark)
        assert exported[offering_id]["status"] == status
        assert exported[offering_id]["mededeling"]["tekst"] == _notice(status)
    assert records["/aanbod/klaproos-cafe/"]["meta"]["wanneer"] == "Tijdelijk gestopt"  # type: ignore[index]
    assert rows["klaproos-cafe"]["wanneer"] == "Tijdelijk gestopt"
    assert "/aanbod/madeliefkring/" not in records and "madeliefkring" not in rows and "madeliefkring" not in exported


def _calendar(site: Path, path: str) -> dict[str, object]:
    calendar = Calendar.from_ical((site / "kalender" / path).read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_calendars_cancel_what_is_cancelled_and_drop_what_is_paused(site: Path) -> None:
    agenda = _calendar(site, "agenda.ics")

    def uid(status: str, session: str | None) -> str:
        offering_id, _, day, hour = OFFERINGS[status]
        if session is None:
            return f"{offering_id}-{day}-{hour:02d}00@{HOST}"
        return f"{offering_id}-{SESSIONS[session].replace('-', '')}-{hour:02d}30@{HOST}"

    feeds = {status: (agenda, _calendar(site, f"{OFFERINGS[status][0]}.ics")) for status in ("actief", "vol")}
    for feed in feeds["actief"]:
        events = {key: feed[uid("actief", key)] for key in (None, *SESSIONS)}
        assert {k: str(e["status"]) for k, e in events.items()} == {  # type: ignore[index]
            None: "CONFIRMED", "gepland": "CONFIRMED", "vol": "CONFIRMED", "geannuleerd": "CANCELLED"}
        assert str(events["vol"]["summary"]).endswith("(vol)")  # type: ignore[index]
        assert not str(events["gepland"]["summary"]).endswith("(vol)")  # type: ignore[index]
        assert _notice("actief") in str(events["gepland"]["description"])  # type: ignore[index]
    for feed in feeds["vol"]:
        full = [feed[uid("vol", key)] for key in (None, "gepland", "vol")]
        assert all(str(e["summary"]) == "Tulpenavond (vol)" for e in full)  # type: ignore[index]
        assert str(feed[uid("vol", "geannuleerd")]["status"]) == "CANCELLED"  # type: ignore[index]
    assert not [key for key in agenda if key.startswith(("klaproos-cafe-", "madeliefkring-", "ouderkamer-swifterbant-"))]
    for offering_id in ("klaproos-cafe", "madeliefkring"):  # subscribed calendars drop their events
        assert _calendar(site, f"{offering_id}.ics") == {}
        assert not (site / "kalender" / offering_id).exists()
    # A lone session has no file: "Zet in je agenda" is the feed with its date, not for a cancelled one.
    assert not (site / "kalender/zonnebloemochtend").exists()
    page = (site / "aanbod/zonnebloemochtend/index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./\.\./kalender/zonnebloemochtend\.ics#([0-9-]+)" download data-een-datum="\1"', page)
    assert links == ["20261123-0730", "20261124-0730"]
    feed = _calendar(site, "zonnebloemochtend.ics")
    assert {f"zonnebloemochtend-{marker}@{HOST}" for marker in links} <= set(feed)
    assert str(feed[f"zonnebloemochtend-20261125-0730@{HOST}"]["status"]) == "CANCELLED"  # type: ignore[index]


def test_atom_feed_marks_status_and_leaves_stopped_offerings_out(site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring((site / "open-data/nieuw-aanbod.xml").read_bytes())
    entries = {entry.findtext("a:title", "", ns): entry.findtext("a:summary", "", ns)
               for entry in root.findall("a:entry", ns)}
    assert entries["Zonnebloemochtend"].startswith(f"Let op: {_notice('actief')}")
    assert entries["Tulpenavond (vol)"].startswith(f"Let op: {_notice('vol')}")
    assert entries["Klaprooscafé (tijdelijk gestopt)"].startswith(f"Let op: {_notice('gepauzeerd')}")
    assert not [title for title in entries if title.startswith("Madeliefkring")]
    assert "Madeliefkring" not in (site / "open-data/nieuw-aanbod.xml").read_text(encoding="utf-8")


# --- a course run as a unit: a full run, and a run with one cancelled evening ----------------------

def _course_items(soup: BeautifulSoup | Tag, selector: str) -> list[Tag]:
    return [item for item in soup.select(selector)
            if any(a.get("href", "").endswith(f"aanbod/{COURSE_ID}/") for a in item.select("a"))]


def test_course_page_shows_each_run_once_with_its_status_and_dates(site: Path) -> None:
    runs = _soup(site, f"aanbod/{COURSE_ID}").select("section.cjg-run")
    full, other = (_text(run) for run in runs)
    assert len(runs) == 2 and full.startswith("Herfstronde") and other.startswith("Winterronde")
    assert "Cursus van 3 avonden, 19.30 tot 21.30 uur, Dorpshuis De Steiger. Er zijn 10 plaatsen." in full
    assert full.count("Vol: je kunt je niet meer aanmelden voor deze ronde.") == 1
    assert "gaat niet door" not in full and "Vol" not in other
    assert [li.get_text(" ", strip=True) for li in runs[1].select("li")] == [
        "maandag 11 januari 2027", "maandag 18 januari 2027 : gaat niet door", "maandag 25 januari 2027"]
    assert "Cursus van 2 avonden" in other  # the cancelled evening is not counted
    for run, name in zip(runs, ("Herfstronde", "Winterronde"), strict=True):
        links = run.select("a[download]")
        assert [_text(a) for a in links] == [f"Zet alle data van deze ronde in je agenda : {name}"]


def test_agenda_and_activities_show_one_item_per_run(site: Path) -> None:
    agenda = [_text(item) for item in _course_items(_soup(site, "ouders/agenda"), "section.cjg-agenda-month li.cjg-agenda__item")]
    assert len(agenda) == 2
    assert agenda[0].startswith("Begint op maandag 30 november 2026") and "Herfstronde" in agenda[0]
    assert agenda[0].count("Vol: je kunt je niet meer aanmelden voor deze ronde.") == 1
    assert all(day in agenda[0] for day in ("30 november 2026", "7 december 2026", "14 december 2026"))
    assert "Vol" not in agenda[1] and agenda[1].count("gaat niet door") == 1
    assert "maandag 18 januari 2027 : gaat niet door" in agenda[1]
    rows = [_text(row) for row in _course_items(_soup(site, "jongeren/activiteiten"), "tr")]
    assert len(rows) == 2 and "(vol)" in rows[0] and "(vol)" not in rows[1] and "gaat niet door" in rows[1]


def test_kaart_records_name_each_run_and_its_status(site: Path) -> None:
    meta = _search_records(site)[f"/aanbod/{COURSE_ID}/"]["meta"]
    assert isinstance(meta, dict)
    assert meta["rondes"] == ("Herfstronde: 3 bijeenkomsten, 30 november 2026 tot 14 december 2026 (vol); "
                              "Winterronde: 3 bijeenkomsten, 11 januari 2027 tot 25 januari 2027")
    rows = {row["id"]: row for row in csv.DictReader(
        io.StringIO((site / "sociale-kaart/aanbod.csv").read_text(encoding="utf-8-sig")), delimiter=";")}
    assert rows[COURSE_ID]["rondes"] == meta["rondes"]


def test_calendar_has_one_file_per_run_with_every_session(site: Path) -> None:
    folder = site / "kalender" / COURSE_ID
    assert sorted(p.name for p in folder.iterdir()) == ["ronde-20261130-1930.ics", "ronde-20270111-1930.ics"]
    full = list(_calendar(site, f"{COURSE_ID}/ronde-20261130-1930.ics").values())
    assert [str(e["status"]) for e in full] == ["CONFIRMED"] * 3  # type: ignore[index]
    assert [str(e["summary"]) for e in full] == [  # type: ignore[index]
        f"{COURSE_TITLE} ({n} van 3, vol)" for n in (1, 2, 3)]
    other = _calendar(site, f"{COURSE_ID}/ronde-20270111-1930.ics")
    assert {uid: str(e["status"]) for uid, e in other.items()} == {  # type: ignore[index]
        f"{COURSE_ID}-20270111-1930-{day.replace('-', '')}-1930@{HOST}": status
        for day, status in zip(RUN_WITH_CANCELLED, ("CONFIRMED", "CANCELLED", "CONFIRMED"), strict=True)}
    agenda = _calendar(site, "agenda.ics")
    assert set(other) <= set(agenda) and {uid for uid in agenda if uid.startswith(f"{COURSE_ID}-")} == set(other) | {
        str(e["uid"]) for e in full}  # type: ignore[index]


def test_json_ld_has_a_course_instance_per_run(site: Path) -> None:
    html = (site / f"aanbod/{COURSE_ID}/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    blocks = json.loads(soup.select_one('script[type="application/ld+json"]').string)  # type: ignore[union-attr,arg-type]
    course = next(block for block in blocks if block["@type"] == "Course")
    full, other = course["hasCourseInstance"]
    assert full["maximumAttendeeCapacity"] == 10 and len(full["subEvent"]) == 3
    assert [e["eventStatus"].rsplit("/", 1)[1] for e in other["subEvent"]] == [
        "EventScheduled", "EventCancelled", "EventScheduled"]
