"""The parents' portal: life-phase pages, the agenda and its iCalendar feeds, the loket with
"nu open" and the contact form, news with its Atom feed."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from cjgportaal.catalog.contact_point import load_contact_point
from cjgportaal.catalog.references import reference_tables
from cjgportaal.model.lists import load_lists
from cjgportaal.render.news import load_posts
from cjgportaal.render.pages.maker import MATCHING_LIMIT, PAGE_SIZE

from .browser import serve
from .conftest import OFFERING, ROOT, build_env, copy_project, edit, mkdocs_build

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BUILD_DAY = date(2026, 11, 22)  # the date of conftest.BUILD_EPOCH in Amsterdam
PHASES = {  # life phase → its link on the home page, which is the age band name on the offering page
    "Zwanger": "Zwanger", "Baby": "Baby (0 tot 2 jaar)", "Peuter": "Peuter (2 tot 4 jaar)",
    "Kind": "Kind (4 tot 12 jaar)", "Tiener": "Tiener (12 tot 16 jaar)",
    "16 tot 23": "Jongvolwassene (16 tot 23 jaar)",
}
PARENT_PAGES = ["ouders/zwanger", "ouders/baby", "ouders/peuter", "ouders/kind", "ouders/tiener",
                "ouders/jongvolwassene", "ouders/slapen", "ouders/eten", "ouders/opvoeden", "ouders/school",
                "ouders/gevoelens", "ouders/gezin", "ouders/agenda", "ouders/contact", "nieuws"]


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _calendar(site: Path, path: str) -> Calendar:
    return Calendar.from_ical((site / path).read_bytes())


# --- pages --------------------------------------------------------------------------------------

@pytest.mark.parametrize("page", PARENT_PAGES)
def test_parent_pages_have_a_title_description_and_are_in_the_nav(default_site: Path, page: str) -> None:
    html = _html(default_site, page)
    assert re.search(r'<meta name="description" content="[^"]{40,}">', html)
    assert re.search(r"<title>[^<]+ - CJG Dronten</title>", html)
    link = {"nieuws": "../nieuws/"}.get(page, page.removeprefix("ouders/") + "/")
    assert f'href="{link}"' in _html(default_site, "ouders")


def test_life_phase_pages_list_matching_offerings(default_site: Path) -> None:
    for phase in ("zwanger", "baby", "peuter", "kind", "tiener", "jongvolwassene"):
        html = _html(default_site, f"ouders/{phase}")
        assert 'id="aanbod-bij-dit-onderwerp"' in html and html.count('class="cjg-card"') >= 2, phase


def test_home_page_answers_where_to_go_on_one_phone_screen(browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(base_url)
    article = page.locator("article")
    # The life phases are one tap away too, in the row under the three doors (test_front_door.py).
    needed = [article.get_by_role("link", name=re.compile(r"^Bel 0321")),
              article.get_by_role("link", name=re.compile("^kom langs")),
              article.get_by_role("link", name="Ouders", exact=True),
              article.get_by_role("link", name="Jongeren", exact=True),
              article.get_by_role("link", name="Professionals", exact=True),
              page.get_by_role("button", name=re.compile("Zoeken"))]
    for locator in needed:
        box = locator.first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 667, locator
    page.close()


@pytest.mark.parametrize("phase", list(PHASES))
def test_an_offering_is_at_most_three_clicks_from_home(browser, base_url: str, phase: str) -> None:
    page = browser.new_page()
    page.goto(base_url)
    clicks = 0
    page.locator("article").get_by_role("link", name=PHASES[phase], exact=True).click()
    clicks += 1
    page.locator(".cjg-card__title a").first.click()
    clicks += 1
    assert "/aanbod/" in page.url and clicks <= 3
    facts = page.locator(".cjg-facts").inner_text()
    assert PHASES[phase] in facts, (phase, page.url)
    page.close()


# --- agenda -------------------------------------------------------------------------------------

def test_agenda_shows_only_upcoming_sessions_in_date_order(default_site: Path) -> None:
    html = _html(default_site, "ouders/agenda")
    # The moment of each item (a course run's is its next session; its other dates are listed in it).
    moments = re.findall(r'class="cjg-agenda__when">[^<]*<time datetime="([0-9T:-]+)">', html)
    assert moments and moments == sorted(moments)
    assert all(date.fromisoformat(m[:10]) >= BUILD_DAY for m in moments)
    assert "2026-11-17" not in html  # a theme evening five days before the build date
    assert 'datetime="2026-12-08T19:30"' in html
    months = re.findall(r'<h2 id="maand-\d+">([^<]+)</h2>', html)
    assert months[:3] == ["December 2026", "Januari 2027", "Februari 2027"]
    assert "Vol: je kunt je niet meer aanmelden voor deze ronde." in html  # a full course run, marked once
    cancelled = re.search(r'<li class="cjg-agenda__item cjg-agenda__item--geannuleerd".*?</li>', html, re.S)
    assert cancelled and "Gaat niet door." in cancelled[0] and ".ics" not in cancelled[0]
    assert len(html.encode()) < 100_000


def test_agenda_drops_past_sessions_on_the_next_build(tmp_path: Path) -> None:
    later = datetime(2026, 12, 9, 12, 0, tzinfo=AMSTERDAM)
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, timeout=600,
                            env={**build_env(), "SOURCE_DATE_EPOCH": str(int(later.timestamp()))})
    assert result.returncode == 0, result.stderr
    html = _html(site, "ouders/agenda")
    assert 'datetime="2026-12-08T19:30"' not in html and 'datetime="2027-01-19T19:30"' in html
    feed = _calendar(site, "kalender/themabijeenkomsten-jonge-kinderen.ics")
    assert date(2026, 12, 8) not in {e["DTSTART"].dt.date() for e in feed.walk("VEVENT")}
    assert "#20261208-1930" not in html and "#20270119-1930" in html  # its link went with it


def test_agenda_filter_by_age_and_kern_keeps_the_choice_in_the_url(browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "ouders/agenda/?leeftijd=peuter&kern=swifterbant")
    assert page.locator("#filter-leeftijd").input_value() == "peuter"
    shown = page.locator(".cjg-agenda__item:visible")
    assert shown.count() > 0
    for item in shown.all():
        assert "peuter" in item.get_attribute("data-leeftijd").split()
        assert item.get_attribute("data-kern") in ("swifterbant", "")
    total = page.locator(".cjg-agenda__item").count()
    assert f"{shown.count()} van {total} getoond." == page.locator("#agenda-aantal").inner_text()
    page.select_option("#filter-kern", "")
    page.select_option("#filter-leeftijd", "tiener")
    assert page.url.endswith("ouders/agenda/?leeftijd=tiener")
    assert all("tiener" in i.get_attribute("data-leeftijd").split() for i in shown.all())
    page.close()


def test_agenda_without_javascript_shows_everything(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "ouders/agenda/?leeftijd=baby")
    assert page.locator(".cjg-agenda__item:visible").count() == page.locator(".cjg-agenda__item").count()
    assert not page.locator("#agenda-filter").is_visible()
    context.close()


# --- iCalendar ----------------------------------------------------------------------------------

def test_feeds_follow_rfc_5545_and_expand_weekly_hours(default_site: Path) -> None:
    agenda = _calendar(default_site, "kalender/agenda.ics")
    assert agenda["VERSION"] == "2.0" and agenda["PRODID"]
    assert [tz["TZID"] for tz in agenda.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    vtimezone = agenda.walk("VTIMEZONE")[0].to_tz()  # the published rules, not the system's
    for moment in (datetime(2027, 1, 15, 12), datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 28, 4),
                   datetime(2027, 7, 15, 12), datetime(2035, 10, 28, 2, 30), datetime(2035, 10, 28, 4)):
        assert vtimezone.utcoffset(moment) == AMSTERDAM.utcoffset(moment), moment
    events = agenda.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) and all(uid.endswith("@cjg.voorbeeld.nl") for uid in uids)
    for event in events:
        assert event["DTSTAMP"].dt.tzinfo is not None
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert all(e["DTSTART"].dt.date() >= BUILD_DAY for e in events if "RRULE" not in e)
    # The walk-in hour of the loket in De Meerpaal, every week, in winter and in summer time.
    week = recurring_ical_events.of(agenda).between(date(2026, 11, 23), date(2026, 11, 30))
    walk_in = sorted(e["DTSTART"].dt for e in week if str(e["SUMMARY"]) == "Inloopspreekuur CJG in De Meerpaal")
    assert walk_in == [datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM), datetime(2026, 11, 25, 13, 0, tzinfo=AMSTERDAM),
                       datetime(2026, 11, 26, 18, 30, tzinfo=AMSTERDAM), datetime(2026, 11, 27, 9, 0, tzinfo=AMSTERDAM)]
    summer = recurring_ical_events.of(agenda).at(date(2027, 6, 7))
    monday = [e["DTSTART"].dt for e in summer if str(e["SUMMARY"]) == "Inloopspreekuur CJG in De Meerpaal"]
    assert [m.utcoffset() for m in monday] == [timedelta(hours=2)] and monday[0].hour == 9


def test_feeds_mark_full_and_cancelled_sessions_and_share_uids(default_site: Path) -> None:
    feed = _calendar(default_site, "kalender/themabijeenkomsten-jonge-kinderen.ics")
    by_start = {e["DTSTART"].dt.date(): e for e in feed.walk("VEVENT")}
    assert date(2026, 11, 17) not in by_start
    assert by_start[date(2027, 9, 21)]["STATUS"] == "CANCELLED"
    assert by_start[date(2027, 10, 5)]["STATUS"] == "CONFIRMED"
    expanded = recurring_ical_events.of(feed).between(date(2027, 9, 1), date(2027, 10, 31))
    assert {e["DTSTART"].dt.date(): str(e["STATUS"]) for e in expanded} == {
        date(2027, 9, 21): "CANCELLED", date(2027, 10, 5): "CONFIRMED"}
    full = _calendar(default_site, "kalender/peuter-in-zicht.ics").walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in full][:4] == [f"Peuter in zicht ({n} van 4, vol)" for n in range(1, 5)]
    run = _calendar(default_site, "kalender/peuter-in-zicht/ronde-20270202-1930.ics").walk("VEVENT")
    assert str(run[0]["UID"]) == "peuter-in-zicht-20270202-1930-20270202-1930@cjg.voorbeeld.nl" and len(run) == 4
    assert {e["UID"] for e in run} <= {e["UID"] for e in full}
    assert {e["UID"] for e in run} <= {e["UID"] for e in _calendar(default_site, "kalender/agenda.ics").walk("VEVENT")}
    # The cancelled evening has no "Zet in je agenda"; the one after it has, as a date in the feed.
    page = _html(default_site, "aanbod/themabijeenkomsten-jonge-kinderen")
    assert "#20270921-1930" not in page and "themabijeenkomsten-jonge-kinderen.ics#20271005-1930" in page


def test_offering_page_links_each_session_and_its_feed(default_site: Path) -> None:
    for name in ("peuter-in-zicht", "themabijeenkomsten-jonge-kinderen", "ouderavond-alcohol-en-drugs"):
        html = _html(default_site, f"aanbod/{name}")
        for link in re.findall(r'href="([^":]+\.ics)(?:#([0-9]{8}-[0-9]{4}))?"', html):  # not webcal://
            path, marker = link
            assert (default_site / "aanbod" / name / path).resolve().is_file(), link
            if marker:  # a lone session: its event is in the feed the link gives
                feed = _calendar(default_site, f"aanbod/{name}/{path}")
                assert f"{name}-{marker}@cjg.voorbeeld.nl" in {str(e["UID"]) for e in feed.walk("VEVENT")}
    html = _html(default_site, "aanbod/peuter-in-zicht")
    assert html.count("Zet alle data van deze ronde in je agenda") == 2 and "../../kalender/peuter-in-zicht.ics" in html


def _download(page: object, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.locator(selector).first.click()  # type: ignore[attr-defined]
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


@pytest.mark.parametrize("where", ["aanbod/ouderavond-alcohol-en-drugs/", "ouders/agenda/"])
def test_one_date_goes_into_the_calendar_as_one_event(browser, base_url: str, default_site: Path, where: str) -> None:
    """A lone session's link gives a file with that one event, made in the browser from the feed."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(base_url + where)
    link = page.locator("a[data-een-datum]").first
    assert link.locator("[data-een-datum-tekst]").text_content() == "Zet in je agenda"  # one date: the plain text
    href, marker = str(link.get_attribute("href")), str(link.get_attribute("data-een-datum"))
    offering = href.rsplit("/", 1)[1].split(".ics#")[0]
    name, data = _download(page, "a[data-een-datum]")
    assert name == f"{offering}-{marker}.ics"
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"{offering}-{marker}@cjg.voorbeeld.nl"]
    assert events[0]["DTSTART"].dt == datetime.strptime(marker, "%Y%m%d-%H%M").replace(tzinfo=AMSTERDAM)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    feed = _calendar(default_site, f"kalender/{offering}.ics")
    same = [e for e in feed.walk("VEVENT") if e["UID"] == events[0]["UID"]]
    assert same and same[0].to_ical() == events[0].to_ical()  # the feed's event, byte for byte
    assert len(feed.walk("VEVENT")) > 1
    assert not errors, errors
    context.close()


def test_one_date_without_javascript_offers_the_whole_feed(browser, base_url: str, default_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "aanbod/ouderavond-alcohol-en-drugs/")
    assert page.locator("a[data-een-datum]").first.inner_text().startswith("Zet in je agenda (alle data van dit aanbod)")
    name, data = _download(page, "a[data-een-datum]")
    assert name == "ouderavond-alcohol-en-drugs.ics"
    assert data == (default_site / "kalender/ouderavond-alcohol-en-drugs.ics").read_bytes()
    context.close()


# --- loket --------------------------------------------------------------------------------------

NOW_OPEN = [
    # (moment in Amsterdam, visitor's time zone, expected text)
    (datetime(2026, 11, 23, 10, 0), "Europe/Amsterdam", "Nu open, tot 17.00 uur."),
    (datetime(2026, 11, 23, 18, 0), "Europe/Amsterdam", "Nu gesloten. Weer open morgen om 09.00 uur."),
    (datetime(2026, 11, 26, 12, 45), "Europe/Amsterdam", "Nu gesloten. Weer open vandaag om 13.30 uur."),
    (datetime(2026, 11, 26, 19, 30), "America/New_York", "Nu open, tot 20.00 uur."),
    (datetime(2026, 12, 25, 10, 0), "Europe/Amsterdam",
     "Nu gesloten (Eerste Kerstdag). Weer open op maandag om 09.00 uur."),
    (datetime(2027, 6, 7, 9, 30), "UTC", "Nu open, tot 17.00 uur."),
]


@pytest.mark.parametrize(("moment", "zone", "expected"), NOW_OPEN)
def test_now_open_in_amsterdam_with_holidays(browser, base_url: str, moment: datetime, zone: str,
                                              expected: str) -> None:
    context = browser.new_context(timezone_id=zone)
    page = context.new_page()
    page.clock.set_fixed_time(moment.replace(tzinfo=AMSTERDAM))
    page.goto(base_url + "ouders/contact/")
    assert page.locator("#loket-nu").inner_text() == expected
    context.close()


def test_contact_page_has_loket_hours_walk_ins_and_says_what_the_form_does(default_site: Path) -> None:
    html = _html(default_site, "ouders/contact")
    assert "De Rede 80" in html and 'href="tel:+31321123400"' in html
    assert "<caption>Openingstijden van het loket</caption>" in html
    assert "vrijdag 25 december 2026 (Eerste Kerstdag)" in html
    for kern in ("dronten", "swifterbant", "biddinghuizen"):
        assert f'<h3 id="inloop-{kern}">' in html
    assert 'action="mailto:info@voorbeeld-cjgdronten.nl" method="get"' in html
    assert "Wat gebeurt er met wat je stuurt?" in html and "Deze website bewaart niets" in html
    assert 'name="subject"' in html and 'name="body"' in html


def test_contact_form_checks_the_question_before_sending(browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "ouders/contact/")
    page.evaluate("""() => document.getElementById('contactformulier').addEventListener('submit', (e) => {
        window.sent = !e.defaultPrevented; e.preventDefault(); })""")
    page.get_by_role("button", name="Maak een e-mail met je vraag").click()
    assert page.evaluate("window.sent") is False
    assert page.locator("#contact-fouten").is_visible()
    assert page.evaluate("document.activeElement.id") == "contact-fouten"
    question = page.get_by_role("textbox", name="Je vraag (verplicht)")
    assert question.get_attribute("aria-invalid") == "true"
    assert page.locator("#contact-vraag-fout").inner_text() == "Schrijf je vraag op."
    question.fill("Mijn peuter slaapt slecht. Wie kan ik bellen?")
    page.get_by_role("button", name="Maak een e-mail met je vraag").click()
    assert page.evaluate("window.sent") is True
    assert not page.locator("#contact-fouten").is_visible() and question.get_attribute("aria-invalid") is None
    page.close()


def test_contact_form_can_post_to_the_municipalitys_endpoint(tmp_path: Path, browser) -> None:
    project = copy_project(tmp_path / "project")
    edit(project, "mkdocs.yml", "        email: info@voorbeeld-cjgdronten.nl\n",
         "        endpoint: https://formulier.voorbeeld.nl/cjg/contact\n")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    html = _html(site, "ouders/contact")
    assert 'action="https://formulier.voorbeeld.nl/cjg/contact" method="post"' in html
    assert "form-action 'self' mailto: https://formulier.voorbeeld.nl\"" in html
    assert "https://formulier.voorbeeld.nl" in (site / "_headers").read_text(encoding="utf-8")
    posted = []

    def receive(route) -> None:
        posted.append(route.request.post_data)
        route.fulfill(body="<title>Ontvangen</title><p>Ontvangen</p>", content_type="text/html")

    with serve(site) as url:
        page = browser.new_page()
        page.route("https://formulier.voorbeeld.nl/**", receive)
        page.goto(url + "ouders/contact/")
        page.get_by_role("textbox", name="Je e-mailadres of telefoonnummer (verplicht)").fill("0612345678")
        page.get_by_role("textbox", name="Je vraag (verplicht)").fill("Wanneer is de volgende cursus?")
        page.get_by_role("button", name="Verstuur je vraag").click()
        page.wait_for_url("https://formulier.voorbeeld.nl/cjg/contact")
        page.close()
    assert posted and "vraag=Wanneer+is+de+volgende+cursus%3F" in posted[0]


def test_contact_form_endpoint_must_be_https(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project, "mkdocs.yml", "        email: info@voorbeeld-cjgdronten.nl\n",
         "        endpoint: http://formulier.voorbeeld.nl/contact\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "moet met https:// beginnen" in result.stderr


def test_bad_loket_file_is_reported_with_file_line_and_field(tmp_path: Path) -> None:
    lists, _ = load_lists(ROOT / "data", ROOT)
    data = tmp_path / "data"
    data.mkdir()
    text = (ROOT / "data/loket.yml").read_text(encoding="utf-8")
    text = text.replace("gebied: dronten", "gebied: drontn").replace("2027-04-27", "2027-04-31")
    (data / "loket.yml").write_text(text, encoding="utf-8")
    loket, problems = load_contact_point(data, tmp_path, reference_tables(lists, []))
    assert loket is None
    found = {(p.field, p.line) for p in problems}
    assert ("loket.adres.gebied", text[: text.index("drontn")].count("\n") + 1) in found
    assert any(p.field.startswith("loket.gesloten[") and "2027-04-31" in p.message for p in problems), problems
    assert any("dronten" in p.hint for p in problems)


# --- news ---------------------------------------------------------------------------------------

def test_news_index_and_atom_feed(default_site: Path) -> None:
    html = _html(default_site, "nieuws")
    titles = re.findall(r'<h2 class="cjg-news__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Het loket is nu ook op donderdagavond open", "Nieuwe cursus Peuter in zicht in februari"]
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(default_site / "nieuws/atom.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == titles
    for entry in entries:
        link = entry.find(f"{atom}link").get("href")
        assert link.startswith("https://cjg.voorbeeld.nl/nieuws/") and entry.findtext(f"{atom}updated")
        assert (default_site / link.removeprefix("https://cjg.voorbeeld.nl/") / "index.html").is_file()
    assert 'href="atom.xml"' in html


def test_news_post_without_date_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nieuws").mkdir()
    (tmp_path / "nieuws/bericht.md").write_text("---\ntitle: Zonder datum\ndescription: Iets.\n---\n# Hoi\n",
                                                encoding="utf-8")
    posts, problems = load_posts(tmp_path)
    assert posts == [] and problems[0].file == "content/nieuws/bericht.md" and "date" in problems[0].field


# --- plain language -----------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-zëéèïöüá'-]+")


def _sentences(markdown: str) -> list[list[str]]:
    """The sentences of a page's prose as lists of words; headings, links and markup left out."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^(#|!!!|\{).*$", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"^\s*-\s+", "\n\n", text, flags=re.M)  # each list item stands on its own
    parts = re.split(r"(?<=[.!?:])\s+|\n\s*\n", text)
    return [words for part in parts if (words := _WORD.findall(part))]


@pytest.mark.parametrize("page", sorted(p.relative_to(ROOT).as_posix() for p in [
    ROOT / "content/index.md", *(ROOT / "content/ouders").glob("*.md"), *(ROOT / "content/nieuws").glob("*.md")]))
def test_parent_pages_are_written_in_short_sentences(page: str) -> None:
    """A rough B1 check: short sentences (average at most 10 words, none over 20) and a LIX
    readability index under 35 (words per sentence + percentage of words over six letters)."""
    sentences = _sentences((ROOT / page).read_text(encoding="utf-8"))
    words = [w for s in sentences for w in s]
    average = len(words) / len(sentences)
    lix = average + 100 * sum(len(w) > 6 for w in words) / len(words)
    assert average <= 10 and max(map(len, sentences)) <= 20 and lix < 35, (average, lix)


def _cards(html: str) -> list[tuple[str, str, str]]:
    """The cards under a hand-written page, in order: (offering id, status class or '', summary)."""
    section = html[html.index('id="aanbod-bij-dit-onderwerp"'):]
    return [(m[1], m[2] or "", m[3]) for m in re.finditer(
        r'<li class="cjg-card">\s*<h3 class="cjg-card__title"><a href="[./]*aanbod/([^/]+)/">.*?</h3>\s*'
        r'(?:<p class="cjg-status cjg-status--(\w+)">.*?</p>\s*)?(?:<p class="cjg-notice">.*?</p>\s*)?<p>(.*?)</p>',
        section, re.S)]


def test_peuter_page_shows_and_links_peuter_in_zicht_and_every_match_by_fit(default_site: Path) -> None:
    from cjgportaal.catalog.catalog import load_catalog
    from cjgportaal.catalog.entry_kinds import DataFolders

    catalog, _ = load_catalog(DataFolders(ROOT), BUILD_DAY)
    assert catalog is not None
    peuter = catalog.lists.age_bands["peuter"]
    expected = {o.id for o in catalog.visible_offerings() if "ouders" in o.audiences and peuter in catalog.age_bands_of(o)}
    html = _html(default_site, "ouders/peuter")
    assert '<li>In de cursus <a href="../../aanbod/peuter-in-zicht/">Peuter in zicht</a> praat je' in html
    ids = [card[0] for card in _cards(html)]
    assert sorted(ids) == sorted(expected) and len(ids) > MATCHING_LIMIT  # all of them, none twice
    assert f"<summary>Toon alle {len(ids)} (nog {len(ids) - MATCHING_LIMIT})</summary>" in html
    assert ids.index("peuter-in-zicht") < MATCHING_LIMIT  # in sight without opening "Toon alle"
    tiers = list(catalog.lists.tiers)
    first_open_huis = min(i for i, o in enumerate(ids) if "open-huis" in catalog.offerings[o].tiers)
    heaviest = [i for i, o in enumerate(ids) if catalog.offerings[o].tiers == [tiers[-1]]]
    assert heaviest and first_open_huis == 0 < min(heaviest)
    assert ids.index("cjg-telefoon") < ids.index("eigen-kracht-conferentie")
    assert _cards(html)[-1][1] == "gepauzeerd"


@pytest.mark.parametrize("page", ["ouders/baby", "ouders/kind", "ouders/tiener", "ouders/opvoeden"])
def test_other_parent_pages_put_light_and_narrow_help_first(default_site: Path, page: str) -> None:
    ids = [card[0] for card in _cards(_html(default_site, page))]
    assert ids.index("eigen-kracht-conferentie" if page != "ouders/opvoeden" else "gezinscoaching") >= MATCHING_LIMIT


def test_a_page_with_more_offerings_than_a_page_holds_sends_the_rest_to_the_kaart(tmp_path: Path) -> None:
    """Under a hand-written page the rest of the offerings wait behind "Toon alle" in the page, up to
    a page's worth (PAGE_SIZE); a region with more gets the first ones and a link to the kaart with
    the same filters, so that the page stays small."""
    project = copy_project(tmp_path / "p")
    course = (project / OFFERING).read_text(encoding="utf-8")
    for n in range(PAGE_SIZE):
        (project / f"offerings/peutercursus-{n}.yml").write_text(
            course.replace("id: peuter-in-zicht", f"id: peutercursus-{n}")
                  .replace("titel: Peuter in zicht", f"titel: Peutercursus nummer {n}"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/ouders/peuter/index.html").read_text(encoding="utf-8")
    matching = html[html.index('id="aanbod-bij-dit-onderwerp"'):]
    link = re.search(r'<a class="md-button" href="([^"]+)">Bekijk alle ([\d.]+) mogelijkheden in de sociale kaart</a>', matching)
    assert link is not None
    assert link[1] == "../../sociale-kaart/?doelgroep=ouders&amp;leeftijd=peuter"
    assert int(link[2].replace(".", "")) > PAGE_SIZE
    assert matching.count('class="cjg-card"') == MATCHING_LIMIT and "Toon alle" not in matching
