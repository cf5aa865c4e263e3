"""Issue 18, item 2: a course run (`rondes`) is one unit: one item with all its dates on the
offering page and in the agenda, one calendar file with every session, a webcal:// subscription,
and the old form (a course with only `bijeenkomsten`) read as one run.

The sample's `peuter-in-zicht` has two runs: "Voorjaar 2027" (full) and "Najaar 2027" (one evening
cancelled); `zwangerschapscursus` is a course written the old way.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from icalendar import Calendar, Component

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders

from .conftest import ROOT, copy_project, edit, mkdocs_build

HOST = "cjg.voorbeeld.nl"
SPRING = ("2027-02-02", "2027-02-09", "2027-02-16", "2027-02-23")
AUTUMN = ("2027-09-28", "2027-10-05", "2027-10-12", "2027-10-19", "2027-11-02")  # 12 October is cancelled


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _text(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def _events(site: Path, path: str) -> list[Component]:
    return list(Calendar.from_ical((site / "kalender" / path).read_bytes()).walk("VEVENT"))


def test_offering_page_shows_one_item_per_run_with_all_its_dates(default_site: Path) -> None:
    page = _soup(default_site, "aanbod/peuter-in-zicht")
    runs = page.select("section.cjg-run")
    assert [_text(run.h3) for run in runs if run.h3] == ["Voorjaar 2027", "Najaar 2027"]
    for run, days in zip(runs, (SPRING, AUTUMN), strict=True):
        assert [t["datetime"][:10] for t in run.select("li time")] == list(days)
        assert len(run.select("a[download]")) == 1  # one "Zet in je agenda" for the whole run
    spring, autumn = (_text(run) for run in runs)
    assert "Cursus van 4 avonden, 19.30 tot 21.30 uur, CJG in De Meerpaal. Er zijn 12 plaatsen." in spring
    assert spring.count("Vol") == 1 and "Vol: je kunt je niet meer aanmelden voor deze ronde." in spring
    assert "Vol" not in autumn and autumn.count("gaat niet door") == 1
    cancelled = runs[1].select_one("li.cjg-run__date--geannuleerd")
    assert cancelled is not None and "12 oktober 2027" in _text(cancelled)
    article = _text(page.select_one("article") or page)
    assert "Let op: Vol" not in article  # the offering itself is not full, only its first run


def test_agenda_has_one_item_per_run(default_site: Path) -> None:
    items = [item for item in _soup(default_site, "ouders/agenda").select("section.cjg-agenda-month li")
             if (link := item.select_one("h3 a")) and str(link["href"]).endswith("aanbod/peuter-in-zicht/")]
    assert len(items) == 2
    spring, autumn = items
    assert _text(spring).startswith("Begint op dinsdag 2 februari 2027 Peuter in zicht : Voorjaar 2027")
    assert [t["datetime"][:10] for t in spring.select("ul.cjg-run__dates time")] == list(SPRING)
    assert _text(spring).count("Vol: je kunt je niet meer aanmelden voor deze ronde.") == 1
    assert [t["datetime"][:10] for t in autumn.select("ul.cjg-run__dates time")] == list(AUTUMN)
    assert "Vol" not in _text(autumn) and _text(autumn).count("gaat niet door") == 1


def test_one_calendar_file_per_run_holds_every_session(default_site: Path) -> None:
    folder = default_site / "kalender/peuter-in-zicht"
    assert sorted(p.name for p in folder.iterdir()) == ["ronde-20270202-1930.ics", "ronde-20270928-1930.ics"]
    spring = _events(default_site, "peuter-in-zicht/ronde-20270202-1930.ics")
    assert [e.decoded("dtstart").date().isoformat() for e in spring] == list(SPRING)
    assert all(str(e["uid"]).startswith("peuter-in-zicht-20270202-1930-") for e in spring)
    assert {str(e["status"]) for e in spring} == {"CONFIRMED"}  # a full run still takes place
    assert str(spring[0]["summary"]) == "Peuter in zicht (1 van 4, vol)"
    autumn = _events(default_site, "peuter-in-zicht/ronde-20270928-1930.ics")
    assert len(autumn) == 5
    assert [str(e["status"]) for e in autumn] == ["CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED", "CONFIRMED"]
    feed = {str(e["uid"]) for e in _events(default_site, "agenda.ics")}
    assert {str(e["uid"]) for e in spring + autumn} <= feed
    # The download link on the page is that file.
    links = _soup(default_site, "aanbod/peuter-in-zicht").select("section.cjg-run a[download]")
    assert [str(a["href"]).rsplit("/", 1)[1] for a in links] == ["ronde-20270202-1930.ics", "ronde-20270928-1930.ics"]
    # Lone theme evenings have no file each: their links are the offering's feed, marked with the date.
    assert not (default_site / "kalender/ouderavond-alcohol-en-drugs").exists()
    evenings = _soup(default_site, "aanbod/ouderavond-alcohol-en-drugs").select("a[data-een-datum]")
    assert [str(a["href"]) for a in evenings] == [f"../../kalender/ouderavond-alcohol-en-drugs.ics#{m}"
                                                   for m in ("20270216-1930", "20271012-1930")]
    assert [str(a["data-een-datum"]) for a in evenings] == ["20270216-1930", "20271012-1930"]
    uids = {str(e["uid"]) for e in _events(default_site, "ouderavond-alcohol-en-drugs.ics")}
    assert {f"ouderavond-alcohol-en-drugs-{a['data-een-datum']}@{HOST}" for a in evenings} <= uids


def test_a_course_with_one_run_links_its_feed(default_site: Path) -> None:
    """The run is all the feed holds: no file of its own, its link is the feed."""
    assert not (default_site / "kalender/zwangerschapscursus").exists()
    links = _soup(default_site, "aanbod/zwangerschapscursus").select("section.cjg-run a[download]")
    assert [str(a["href"]) for a in links] == ["../../kalender/zwangerschapscursus.ics"]
    assert _text(links[0]).startswith("Zet alle data van deze ronde in je agenda")
    assert len(_events(default_site, "zwangerschapscursus.ics")) == 6


def test_subscribe_links_use_webcal_with_a_download_beside_them(default_site: Path) -> None:
    for page, feed in (("ouders/agenda", "agenda.ics"), ("aanbod/peuter-in-zicht", "peuter-in-zicht.ics")):
        soup = _soup(default_site, page)
        subscribe = soup.select_one(f'a[href="webcal://{HOST}/kalender/{feed}"]')
        assert subscribe is not None and _text(subscribe).startswith("Abonneer je op"), page
        paragraph = subscribe.parent
        assert isinstance(paragraph, Tag)
        assert "je agenda haalt nieuwe en gewijzigde data dan zelf op" in _text(paragraph)
        download = paragraph.select_one("a[download]")
        assert download is not None and str(download["href"]).endswith(f"kalender/{feed}")
        assert "eenmalig" in _text(paragraph)


def test_without_site_url_only_the_download(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project, "mkdocs.yml", "site_url: https://cjg.voorbeeld.nl/\n", "")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("ouders/agenda", "aanbod/peuter-in-zicht"):
        html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        assert "webcal:" not in html and "Abonneer je" not in html, page
        assert "eenmalig toe aan je agenda" in html, page


def test_old_style_course_is_read_as_one_run(default_site: Path) -> None:
    catalog, problems = load_catalog(DataFolders(ROOT), date(2026, 11, 22))
    assert catalog is not None and not [p for p in problems if "zwangerschapscursus" in p.file]
    course = catalog.offerings["zwangerschapscursus"]
    assert course.runs == [] and len(course.sessions) == 6  # written the old way
    assert [len(run.sessions) for run in course.course_runs] == [6] and course.lone_sessions == []
    runs = _soup(default_site, "aanbod/zwangerschapscursus").select("section.cjg-run")
    assert len(runs) == 1 and len(runs[0].select("li time")) == 6
    assert len(_events(default_site, "zwangerschapscursus.ics")) == 6  # its one run: the feed (see above)
    # A theme evening with only `bijeenkomsten` stays a list of lone evenings.
    evenings = catalog.offerings["ouderavond-alcohol-en-drugs"]
    assert evenings.course_runs == [] and len(evenings.lone_sessions) == 2


def test_a_bad_run_stops_the_build_with_a_dutch_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    order = edit(project, "offerings/peuter-in-zicht.yml", "datum: 2027-02-16", "datum: 2027-02-01")
    edit(project, "offerings/icare/babymassage.yml", "  - naam: September 2027\n    bijeenkomsten:\n",
         "  - naam: September 2027\n    bijeenkomsten: []\n    vervallen:\n")
    empty = (project / "offerings/icare/babymassage.yml").read_text(encoding="utf-8").split("\n").index(
        "    bijeenkomsten: []") + 1
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert (f"offerings/peuter-in-zicht.yml:{order}: fout: veld 'rondes[1].bijeenkomsten[3]': de bijeenkomst van "
            "2027-02-01 staat na die van 2027-02-09, of staat er twee keer in.") in report
    assert "Zo los je het op: zet de bijeenkomsten van de ronde op volgorde van datum en tijd" in report
    assert (f"offerings/icare/babymassage.yml:{empty}: fout: veld 'rondes[2].bijeenkomsten': deze lijst is leeg."
            in report)
    assert not (tmp_path / "site/index.html").exists()
