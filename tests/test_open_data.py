"""Open data: HSDS 3.0 export (checked against the official schemas), import, round trip, feed, JSON-LD."""

from __future__ import annotations

import json
import os
import shutil
import uuid
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import extruct
import feedparser
import frictionless
import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.render.files.hsds_export import HsdsExporter
from cjgportaal.render.files.hsds_fields import OFFICIAL_FIELDS
from cjgportaal.render.files.hsds_ids import site_namespace
from cjgportaal.render.files.hsds_profile import patches
from cjgportaal.render.files.hsds_tabular import read_tables
from cjgportaal.render.jsonld import script_tag
from cjgportaal.tools.hsds_import import import_hsds
from cjgportaal.tools.hsds_reading import read_hsds

from .conftest import ROOT, cjg, copy_lists, copy_project, edit, empty_project, mkdocs_build

HSDS = ROOT.parent / "shared" / "hsds-3.0"
SITE_URL = "https://cjg.voorbeeld.nl/"
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def hsds() -> Path:
    """The HSDS 3.0 reference files beside the checkout (../shared/hsds-3.0)."""
    if not (HSDS / "schema" / "service.json").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{HSDS} ontbreekt: CI moet shared/ naast de checkout hebben.")
        pytest.skip(f"{HSDS} ontbreekt (alleen in CI verplicht)")
    return HSDS


def _merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386: `patch` applied to `target`."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = _merge_patch(out.get(key), value)
    return out


def _schemas(hsds: Path, profile: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """The core schemas by file name; with a profile, each with the profile's patch applied."""
    core = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (hsds / "schema").glob("*.json")}
    return {name: _merge_patch(schema, (profile or {}).get(name, {})) for name, schema in core.items()}


def _validator(hsds: Path, schema: dict[str, Any] | str,
               profile: dict[str, dict[str, Any]] | None = None) -> jsonschema.Draft202012Validator:
    """A validator for `schema` (or the schema of that file name) with every schema it refers to."""
    schemas = _schemas(hsds, profile)
    registry = Registry().with_resources(
        (name, Resource.from_contents(contents, default_specification=DRAFT202012)) for name, contents in schemas.items())
    return jsonschema.Draft202012Validator(schemas[schema] if isinstance(schema, str) else schema, registry=registry,
                                           format_checker=jsonschema.FormatChecker())


def _errors(validator: jsonschema.Draft202012Validator, records: list[dict[str, Any]]) -> list[str]:
    return [f"{record.get('name')}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for record in records for e in validator.iter_errors(record)]


def _published(site: Path, name: str) -> list[dict[str, Any]]:
    return json.loads((site / "open-data/hsds" / name).read_text(encoding="utf-8"))


def _export(root: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    catalog, problems = load_catalog(DataFolders(root), TODAY)
    assert catalog is not None, [p.format() for p in problems]
    exporter = HsdsExporter(catalog, site_namespace(SITE_URL))
    return exporter.organizations(), exporter.services()


# --- export -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "schema"), [("services.json", "service.json"),
                                              ("organizations.json", "organization.json")])
def test_published_json_is_valid_hsds(default_site: Path, hsds: Path, name: str, schema: str) -> None:
    records = _published(default_site, name)
    validator = _validator(hsds, json.loads((hsds / "schema" / schema).read_text(encoding="utf-8")))
    assert _errors(validator, records) == []
    assert len(records) == len(list((ROOT / ("offerings" if "services" in name else "partners")).rglob("*.yml")))
    # The validator does catch a broken record (a missing name, an id that is no UUID).
    broken = {k: v for k, v in records[0].items() if k != "name"} | {"id": "peuter-in-zicht"}
    assert len(_errors(validator, [broken])) == 2


def test_export_holds_schedules_taxonomy_and_dutch_extensions(default_site: Path) -> None:
    services = {s["cjg_id"]: s for s in _published(default_site, "services.json")}
    course = services["peuter-in-zicht"]
    assert course["name"] == "Peuter in zicht" and course["minimum_age"] == 2 and course["maximum_age"] == 3
    sessions = course["schedules"]
    assert [s["dtstart"] for s in sessions][:5] == ["2027-02-02", "2027-02-09", "2027-02-16", "2027-02-23",
                                                     "2027-09-28"]
    assert sessions[0]["opens_at"] == "19:30:00+01:00" and sessions[0]["valid_to"] == "2027-02-02"
    assert sessions[0]["timezone"] == 1 and sessions[4]["opens_at"] == "19:30:00+02:00"  # 28 September: summer time
    # Each session names its course run; the run's status, name and places travel with it.
    assert {s["cjg_ronde"] for s in sessions} == {"20270202-1930", "20270928-1930"}
    assert all(s["cjg_ronde_status"] == "vol" and s["cjg_ronde_plaatsen"] == 12 for s in sessions[:4])
    assert "cjg_ronde_status" not in sessions[4] and sessions[6]["cjg_status"] == "geannuleerd"
    assert sessions[1]["description"].startswith("Voorjaar 2027, bijeenkomst 2 van 4: Dinsdag 9 februari 2027")
    assert sessions[0]["service_at_location_id"] == course["service_at_locations"][0]["id"]
    address = course["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["country"]) == ("De Rede 80", "8251 EX", "NL")
    assert address["state_province"] == "Flevoland"
    codes = {a["taxonomy_term"]["code"] for a in course["attributes"]}
    assert {"cjg-themas/opvoeden", "cjg-niveaus/lichte-pedagogische-hulp", "cjg-soorten/cursus",
            "cjg-doelgroepen/ouders", "cjg-toegang/aanmelden"} <= codes
    weekly = services["geldspreekuur-jongeren"]["schedules"][0]
    # Weekly hours carry the offset of the day the data was made (the build's today, in winter).
    assert [weekly[k] for k in ("freq", "byday", "opens_at", "closes_at", "timezone")] == [
        "WEEKLY", "WE", "12:00:00+01:00", "14:00:00+01:00", 1]
    triple_p = services["triple-p-oudertraining"]
    nji = next(a for a in triple_p["attributes"] if a["link_type"] == "nji-erkenning")
    assert nji["taxonomy_term"]["code"] == "nji-erkenning/effectief-eerste-aanwijzingen"
    assert nji["value"].startswith("https://")
    assert triple_p["cost_options"][0]["amount"] == 20 and triple_p["cost_options"][0]["currency"] == "EUR"


def test_tabular_package_is_valid_hsds(default_site: Path, hsds: Path) -> None:
    folder = default_site / "open-data/hsds/tabular"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC0-1.0"
    tables = read_tables(folder)
    assert {r["path"] for r in package["resources"]} == {f"{name}.csv" for name in tables}
    tabular = json.loads((hsds / "tabular.json").read_text(encoding="utf-8"))
    checked = 0
    for spec in tabular["properties"].values():
        item = spec["items"]
        # A CSV cell cannot tell an empty value from a missing one; required columns are present.
        required = item.get("required", []) + item.get("tabular_required", [])
        rows = [dict.fromkeys(required, "") | row for row in tables.get(item["path"].removesuffix(".csv"), [])]
        validator = jsonschema.Draft202012Validator(item, format_checker=jsonschema.FormatChecker())
        assert _errors(validator, rows) == [], item["path"]
        for row in rows:
            assert all(row[key] for key in item.get("tabular_required", [])), (item["path"], row["id"])
        checked += len(rows)
    assert checked > 500
    assert len(tables["services"]) == len(_published(default_site, "services.json"))


# Frictionless types of tabular.json's JSON types; arrays and objects without a datapackage_type are tables.
_FRICTIONLESS_TYPES = {"string": "string", "number": "number", "integer": "integer", "boolean": "boolean"}


def _official_fields(tabular: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """Table → field → field descriptor, the way Open Referral makes datapackage.json from tabular.json."""
    out = {}
    for spec in tabular["properties"].values():
        item = spec["items"]
        fields = {}
        for name, field in item["properties"].items():
            if field.get("type") in ("array", "object") and "datapackage_type" not in field:
                continue
            kind = field.get("datapackage_type") or _FRICTIONLESS_TYPES[field["type"]]
            constraints = {"unique": field.get("constraints", {}).get("unique") or None,
                           "required": name in item.get("required", []) or None, "enum": field.get("enum")}
            fields[name] = {"type": kind, **({"format": field["format"]} if field.get("format") and kind == "string" else {}),
                            **({"constraints": c} if (c := {k: v for k, v in constraints.items() if v}) else {})}
        out[item["path"].removesuffix(".csv")] = fields
    return out


def _frictionless_errors(descriptor: Path, detector: frictionless.Detector | None = None) -> list[str]:
    report = frictionless.Package(str(descriptor), detector=detector).validate()
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + \
        [error.message for error in report.errors]


# Its replacement, a schema's fieldsMatch (Data Package v2), frictionless 5.21 does not read yet.
@pytest.mark.filterwarnings("ignore:The --schema-sync option is deprecated:DeprecationWarning")
def test_tabular_package_passes_frictionless_with_the_official_definition(default_site: Path, hsds: Path,
                                                                          tmp_path: Path) -> None:
    """Field types and constraints of HSDS's own datapackage.json (made here from tabular.json, as Open
    Referral does): times with their offset, required fields filled, unique codes."""
    folder = shutil.copytree(default_site / "open-data/hsds/tabular", tmp_path / "tabular")
    official = _official_fields(json.loads((hsds / "tabular.json").read_text(encoding="utf-8")))
    tables = sorted(path.stem for path in folder.glob("*.csv"))
    assert {table: official[table] for table in OFFICIAL_FIELDS} == OFFICIAL_FIELDS  # our copy is up to date
    package = {"name": "hsds", "profile": "tabular-data-package", "resources": [
        {"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
         "mediatype": "text/csv", "encoding": "utf-8",
         "schema": {"fields": [{"name": name, **field} for name, field in official[table].items()],
                    "primaryKey": ["id"], "missingValues": [""]}} for table in tables]}
    (folder / "official.json").write_text(json.dumps(package), encoding="utf-8")
    # schema_sync: the official schema lists every HSDS field, a file holds only the columns it has.
    assert _frictionless_errors(folder / "official.json", frictionless.Detector(schema_sync=True)) == []
    # Our own descriptor says the same of HSDS's columns, and types our cjg_ columns.
    own = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert _frictionless_errors(folder / "datapackage.json") == []
    fields = {(resource["name"], field.pop("name")): field for resource in own["resources"]
              for field in resource["schema"]["fields"]}
    for (table, name), field in fields.items():
        assert field == official[table].get(name) or name.startswith("cjg_"), (table, name)
    assert fields["schedules", "cjg_ronde_plaatsen"] == {"type": "integer"}
    assert fields["organizations", "cjg_gecontroleerd"] == {"type": "date"}


def test_profile_is_published_and_the_export_follows_it(default_site: Path, hsds: Path) -> None:
    """The profile: merge patches on the core schemas; the export is valid HSDS with and without them."""
    folder = default_site / "open-data/hsds/profile"
    published = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (folder / "schema").glob("*.json")}
    assert published == patches() and set(published) <= set(_schemas(hsds))
    description = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    assert description["schemas"] == [f"schema/{name}" for name in sorted(published)]
    for name, schema in _schemas(hsds, published).items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert name not in published or schema != _schemas(hsds)[name]
    for records, schema in (("services.json", "service.json"), ("organizations.json", "organization.json")):
        for profile in (None, published):
            assert _errors(_validator(hsds, schema, profile), _published(default_site, records)) == [], (schema, profile)
    # The profile declares every extension and its type: an undeclared or mistyped one is refused.
    service = _published(default_site, "services.json")[0]
    strict, core = _validator(hsds, "service.json", published), _validator(hsds, "service.json")
    wrong = service | {"cjg_onbekend": "x", "cjg_status": "weg",
                       "attributes": [service["attributes"][0] | {"link_type": "eigen-lijst"}]}
    assert len(_errors(strict, [wrong])) == 3 and _errors(core, [wrong]) == []


def test_province_comes_from_the_places_file_and_may_be_left_out(tmp_path: Path) -> None:
    from cjgportaal.model.lists import load_lists

    copy_lists(tmp_path)
    for folder in ("partners", "offerings"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    edit(tmp_path, "data/plaatsen.yml", "provincie: Flevoland", "provincie: Holland")
    problems = load_lists(tmp_path / "data", tmp_path)[1]
    assert any("provincie" in problem.format() for problem in problems)
    edit(tmp_path, "data/plaatsen.yml", "    provincie: Holland\n", "")
    organizations, _ = _export(tmp_path)
    addresses = [a for org in organizations for loc in org.get("locations", []) for a in loc["addresses"]]
    assert addresses and {a["state_province"] for a in addresses} == {""}


def test_ids_stay_the_same_when_an_entry_changes(tmp_path: Path) -> None:
    copy_lists(tmp_path)
    for folder in ("partners", "offerings"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    _, before = _export(tmp_path)
    edit(tmp_path, "offerings/peuter-in-zicht.yml", "titel: Peuter in zicht", "titel: Peuters in zicht")
    _, after = _export(tmp_path)
    ids = {s["cjg_id"]: s["id"] for s in before}
    assert ids == {s["cjg_id"]: s["id"] for s in after}
    assert all(uuid.UUID(value).version == 5 for value in ids.values())


# --- import and round trip ----------------------------------------------------------------------

@pytest.mark.parametrize("package", ["open-data/hsds", "open-data/hsds/tabular"])
def test_round_trip_through_cjg_import(default_site: Path, tmp_path: Path, package: str) -> None:
    project = empty_project(tmp_path)
    result = cjg("import", str(default_site / package), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Niet (helemaal) overgenomen" not in result.stdout
    organizations, services = _export(project)
    assert organizations == _published(default_site, "organizations.json")
    assert services == _published(default_site, "services.json")


def test_import_example_package_writes_valid_files_that_build(tmp_path: Path, hsds: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project, "mkdocs.yml", "      branch: main\n", "      branch: main\n      open_data_license: CC-BY-4.0\n")
    result = cjg("import", str(hsds / "examples-csv"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    partner = project / "partners/example-organization-inc.yml"
    offering = project / "offerings/example-organization-inc/community-counselling.yml"
    assert partner.exists() and offering.exists()
    report = result.stdout
    for expected in ("funding.csv: niet overgenomen", "'service.interpretation_services' niet overgenomen",
                     "taal 'Urdu' niet overgenomen", "postcode 'ABC 1234' niet overgenomen",
                     "bedrag 35 GBP niet overgenomen", "'themas' staat niet in de HSDS-gegevens"):
        assert expected in report
    text = offering.read_text(encoding="utf-8")
    assert "dag: donderdag" in text and "dag: vrijdag" in text and "van: '10:00'" in text
    assert cjg("validate", cwd=project).returncode == 0
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site/aanbod/community-counselling/index.html").read_text(encoding="utf-8")
    assert "Community Counselling" in page
    package = json.loads((tmp_path / "site/open-data/hsds/tabular/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    open_data = (tmp_path / "site/over/open-data/index.html").read_text(encoding="utf-8")
    assert "Creative Commons Naamsvermelding 4.0" in open_data

    # Never overwrites without being told to.
    offering.write_text(text + "# eigen aanpassing\n", encoding="utf-8")
    again = cjg("import", str(hsds / "examples-csv"), cwd=project)
    assert again.returncode == 1 and "niet overschreven" in again.stdout
    assert offering.read_text(encoding="utf-8").endswith("# eigen aanpassing\n")
    forced = cjg("import", "--overschrijven", str(hsds / "examples-csv"), cwd=project)
    assert forced.returncode == 0 and offering.read_text(encoding="utf-8") == text


def test_import_reports_unreadable_input(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "p")
    (tmp_path / "leeg").mkdir()
    result = cjg("import", str(tmp_path / "leeg"), cwd=project)
    assert result.returncode == 1 and "bevat geen CSV-bestanden" in result.stderr
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    assert "geen leesbaar JSON-bestand" in cjg("import", str(tmp_path / "kapot.json"), cwd=project).stderr


def test_import_reads_a_single_service_list(default_site: Path, tmp_path: Path) -> None:
    organizations, services, _ = read_hsds(default_site / "open-data/hsds/services.json")
    assert organizations == [] and len(services) > 50


# --- the site: page, feed, sitemap, JSON-LD -----------------------------------------------------

def test_open_data_page_links_every_file(default_site: Path) -> None:
    page = default_site / "over/open-data/index.html"
    html = page.read_text(encoding="utf-8")
    assert "CC0 1.0 Universeel" in html and "HSDS 3.0" in html
    assert '<a href="../../open-data/hsds/profile/profile.json">CJG-profiel op HSDS 3.0</a>' in html
    assert "<code>19:30:00+01:00</code>" in html and "JSON merge patch (RFC 7386)" in html
    for href in ("../../open-data/hsds/services.json", "../../open-data/hsds/organizations.json",
                 "../../open-data/hsds/tabular/datapackage.json", "../../open-data/hsds/profile/profile.json",
                 "../../open-data/nieuw-aanbod.xml",
                 "../../sociale-kaart/aanbod.csv"):
        assert f'href="{href}"' in html
        assert (page.parent / href).resolve().is_file()
    home = (default_site / "index.html").read_text(encoding="utf-8")
    assert 'href="over/open-data/"' in home  # in the footer of every page
    sitemap = (default_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("over/open-data/", "aanbod/peuter-in-zicht/", "organisaties/ggd-flevoland/"):
        assert f"<loc>{SITE_URL}{path}</loc>" in sitemap


def test_atom_feed_lists_offerings_by_last_check(default_site: Path) -> None:
    raw = (default_site / "open-data/nieuw-aanbod.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "Nieuw in de sociale kaart – CJG Dronten"
    entries = feed.entries
    assert 10 < len(entries) <= 50
    updated = [e.updated for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        assert entry.id.startswith("urn:uuid:") and entry.title and entry.summary
        assert entry.link.startswith(SITE_URL)
        assert (default_site / entry.link.removeprefix(SITE_URL) / "index.html").exists()
    assert len(set(updated)) == len(updated), "two entries share their 'updated'"
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(raw)
    assert root.tag == f"{atom}feed"
    for element in [root, *root.findall(f"{atom}entry")]:
        assert element.find(f"{atom}id") is not None and element.find(f"{atom}updated") is not None
    # The first link is the page that lists the entries: readers take it as the feed's page.
    first = root.find(f"{atom}link")
    assert first is not None and first.get("rel") == "alternate"
    assert first.get("href") == f"{SITE_URL}sociale-kaart/"


def test_news_feed_has_distinct_times_and_its_page_first(default_site: Path) -> None:
    root = ET.fromstring((default_site / "nieuws/atom.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    updated = [entry.findtext(f"{atom}updated") for entry in root.findall(f"{atom}entry")]
    assert len(updated) > 1 and len(set(updated)) == len(updated) and updated == sorted(updated, reverse=True)
    first = root.find(f"{atom}link")
    assert first is not None and first.get("rel") == "alternate" and first.get("href") == f"{SITE_URL}nieuws/"


def _jsonld(site: Path, path: str) -> list[dict[str, Any]]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return extruct.extract(html, base_url=SITE_URL + path, syntaxes=["json-ld"], uniform=True)["json-ld"]


def test_pages_carry_schema_org_json_ld(default_site: Path) -> None:
    cjg_org = _jsonld(default_site, "")
    assert [o["@type"] for o in cjg_org] == ["GovernmentOrganization"]
    assert cjg_org[0]["name"] == "CJG Dronten" and cjg_org[0]["url"] == SITE_URL
    loket = yaml.safe_load((ROOT / "data/loket.yml").read_text(encoding="utf-8"))["loket"]
    contact = cjg_org[0]["contactPoint"][0]
    assert contact["email"] == loket["email"] and contact["telephone"] == loket["telefoon"]
    assert {hours["opens"] for hours in contact["hoursAvailable"]} == {h["van"] for h in loket["openingstijden"]}

    partner = _jsonld(default_site, "organisaties/ggd-flevoland/")
    assert partner[0]["@type"] == "Organization" and partner[0]["name"].startswith("GGD Flevoland")
    assert partner[0]["address"][0]["postalCode"] == "8251 EX"
    assert partner[0]["memberOf"] == {"@id": SITE_URL + "#cjg"} and "member" not in cjg_org[0]

    course = _jsonld(default_site, "aanbod/peuter-in-zicht/")
    types = [o["@type"] for o in course]
    assert types == ["Service", "Course"]  # the course runs: a Course with a CourseInstance per run
    service = course[0]
    assert service["provider"]["@type"] == "Organization"
    assert service["audience"][0]["suggestedMinAge"] == 2 and service["audience"][0]["suggestedMaxAge"] == 3
    spring, autumn = course[1]["hasCourseInstance"]
    assert spring["@type"] == "CourseInstance" and spring["name"] == "Peuter in zicht: Voorjaar 2027"
    assert spring["startDate"] == "2027-02-02T19:30:00+01:00" and spring["endDate"] == "2027-02-23T21:30:00+01:00"
    assert spring["maximumAttendeeCapacity"] == 12
    assert [e["startDate"][:10] for e in spring["subEvent"]] == ["2027-02-02", "2027-02-09", "2027-02-16",
                                                                 "2027-02-23"]
    for event in spring["subEvent"]:
        assert event["@type"] == "Event" and event["name"] == "Peuter in zicht"
        assert event["startDate"].endswith("+01:00") and event["endDate"] > event["startDate"]
        assert event["location"]["@type"] == "Place" and event["location"]["address"]["streetAddress"]
        assert event["isAccessibleForFree"] is True
    statuses = [e["eventStatus"].rsplit("/", 1)[1] for e in autumn["subEvent"]]
    assert statuses == ["EventScheduled", "EventScheduled", "EventCancelled", "EventScheduled", "EventScheduled"]

    weekly = _jsonld(default_site, "aanbod/geldspreekuur-jongeren/")[0]
    place = weekly["availableChannel"]["serviceLocation"][0]
    assert place["openingHoursSpecification"] == [{"@type": "OpeningHoursSpecification",
                                                   "dayOfWeek": "https://schema.org/Wednesday",
                                                   "opens": "12:00", "closes": "14:00"}]


def test_every_json_ld_block_parses(default_site: Path) -> None:
    pages = 0
    for page in default_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "application/ld+json" in html:
            pages += 1
            assert extruct.extract(html, syntaxes=["json-ld"])["json-ld"], page
    assert pages > 70


def test_json_ld_cannot_close_its_script_element() -> None:
    tag = script_tag([{"name": "Cursus </script><script>alert(1)</script> & <!-- x"}])
    body = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["name"] == "Cursus </script><script>alert(1)</script> & <!-- x"


def test_foreign_taxonomy_terms_match_our_lists_by_name_or_are_reported() -> None:
    from cjgportaal.model.lists import load_lists

    lists, _ = load_lists(ROOT / "data", ROOT)
    org = {"id": str(uuid.uuid4()), "name": "Buurthuis De Kade", "description": "Een buurthuis.",
           "email": "info@example.org"}
    terms = [{"taxonomy_term": {"taxonomy": "lokaal", "code": "x1", "name": name}} for name in ("Opvoeden", "Housing")]
    service = {"id": str(uuid.uuid4()), "organization_id": org["id"], "name": "Opvoedinloop", "status": "active",
               "description": "Vragen over opvoeden? Kom langs.", "email": "spreekuur@example.org",
               "minimum_age": 0, "maximum_age": 11, "attributes": terms}
    result = import_hsds([org], [service], DataFolders(ROOT), lists, TODAY, ["@redactie"], "test")
    text = result.files["offerings/buurthuis-de-kade/opvoedinloop.yml"]
    assert "themas:\n- opvoeden\n" in text and "van: 0 jaar\n  tot: 12 jaar" in text
    assert any("taxonomieterm 'Housing' (lokaal) niet overgenomen" in line for line in result.report)
    assert not any("'Opvoeden'" in line for line in result.report)


def test_import_runs_the_checks_of_cjg_validate_on_every_file() -> None:
    """An id another file of the project has, and a link that is not allowed: not written, and said why."""
    from cjgportaal.model.lists import load_lists

    lists, _ = load_lists(ROOT / "data", ROOT)
    org = {"id": str(uuid.uuid4()), "name": "Buurthuis De Kade", "description": "Een buurthuis.",
           "email": "info@example.org"}
    services = [{"id": str(uuid.uuid4()), "organization_id": org["id"], "name": name, "status": "active",
                 "description": description, "email": "spreekuur@example.org"}
                for name, description in (("Opvoedspreekuur", "Kom langs."),
                                          ("Opvoedinloop", "Kom langs voor een vraag over opvoeden.\n\nZie [hier](javascript:alert(1))."))]
    result = import_hsds([org], services, DataFolders(ROOT), lists, TODAY, ["@redactie"], "test")
    assert list(result.files) == ["partners/buurthuis-de-kade.yml"]
    refused = [line for line in result.report if "niet geschreven" in line]
    assert any("de id 'opvoedspreekuur' wordt ook gebruikt in offerings/ggd-flevoland/opvoedspreekuur.yml" in line
               for line in refused)
    assert any("opvoedinloop.yml" in line and "de link 'javascript:" in line and "is niet toegestaan" in line
               for line in refused)


def test_robots_txt_points_at_the_sitemap(default_site: Path) -> None:
    lines = (default_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert lines[2] == f"Sitemap: {SITE_URL}sitemap.xml" and (default_site / "sitemap.xml").exists()
