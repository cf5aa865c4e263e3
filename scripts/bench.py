"""Benchmark: a deterministic synthetic region, built by us, by plain MkDocs + Material and by Hugo.

Usage: .venv/bin/python scripts/bench.py [--sizes 500 2000 5000] [--out docs/benchmarks.md] [--no-serve]
       [--only-build [SIZE]] [--work FOLDER]
The country: --sizes 50000 --only-build (50,000 offerings, 5,000 partners, 150,000 sessions in 100
gemeenten: validation, one build, its peak memory, its output's files and bytes and the kaart in the
browser, without the comparisons and serve).
Per size (offerings; partners = offerings / 10; dated sessions = 3 × offerings) it measures, in
one run of the script on this machine (builds timed twice, the faster counts): validation time,
full build time, peak memory of the build, output size (files and bytes, also per top folder), the largest generated page, the home page
compressed, the time until `mkdocs serve` (and `mkdocs serve --dirty`) shows an edit of one
offering, and the build time of as many pages as ours as plain Markdown (MkDocs + Material, out of
the navigation) and with Hugo (if installed), each as a ratio to ours. For the sociale kaart it
measures the time its index and exports add to the build, the data a browser transfers before the
first results of a query appear, and the time from a keystroke or filter click to updated results in
headless Chromium (Debian's, driven by Playwright).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from cjgportaal.catalog.catalog import load_catalog  # noqa: E402
from cjgportaal.catalog.entry_kinds import DataFolders  # noqa: E402
from cjgportaal.catalog.settings import SiteSettings  # noqa: E402
from cjgportaal.render.files.kaart import export_csv, export_json, municipality_indexes, records_by_index  # noqa: E402
from cjgportaal.render.files.search_index import write_search_index  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

WORDS = ("ouders kinderen opvoeden cursus spreekuur samen praten school slapen eten spelen groeien vragen "  # noqa: SIM905 - reads as text
         "hulp gezin jongeren vrije tijd thuis veilig gezond leren luisteren grenzen stellen ontwikkeling "
         "buurt inloop gratis aanmelden begeleiding").split()
THEMES = ["opvoeden", "slapen", "eten-en-drinken", "school-en-leren", "gevoelens-en-gedrag", "vrije-tijd",
          "gezin-en-relaties", "veiligheid", "alcohol-en-drugs", "geld-en-werk"]
KINDS = ["cursus", "spreekuur", "inloop", "huisbezoek", "thema-avond", "training", "online"]
TIERS = ["open-huis", "lichte-pedagogische-hulp", "gerichte-lichte-pedagogische-hulp", "pedagogische-hulp"]
AREAS = ["dronten", "swifterbant", "biddinghuizen"]
# Above this size the synthetic project is a country: a gemeente per 500 offerings (Dronten and 99 more
# at 50,000), three kernen each, the partners spread over them by weights 1/sqrt(rank) so that the
# largest holds about 5% of the offerings (as Amsterdam holds about 5% of the Dutch). Up to it, one
# gemeente: the region of the earlier figures.
NATIONAL_ABOVE = 5000
TODAY = date(2026, 11, 22)
RUNS = 2  # each build is timed this many times; the table has the fastest (the least disturbed)
# libyaml's dumper when PyYAML has it: the pure-Python one takes most of generate() at 50,000 offerings.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1795348800", "NO_MKDOCS_2_WARNING": "1"}


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(target: Path, offerings: int, seed: int = 1) -> dict[str, str]:
    """Write a synthetic project; return {page id: Markdown text} of its offering and partner pages,
    for the comparison sites."""
    rng = random.Random(seed)
    partners = max(1, offerings // 10)
    pages = {}
    shutil.copytree(ROOT / "data", target / "data", ignore=shutil.ignore_patterns("jongerenwerkers.yml", "verwijswijzer.yml"))
    places = _municipalities(target, offerings // 500 if offerings > NATIONAL_ABOVE else 1)
    place_of = rng.choices(list(places), weights=[1 / (rank + 1) ** 0.5 for rank in range(len(places))], k=partners)
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "theme", target / "theme")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    (target / "partners").mkdir()
    (target / "offerings").mkdir()
    for p in range(partners):
        data = {"id": f"partner-{p}", "naam": f"Organisatie {p}", "type": "welzijn", "rol": "partner",
                "samenvatting": _sentence(rng, 18), "beschrijving": "\n\n".join(_sentence(rng, 30) for _ in range(3)),
                "website": f"https://www.partner{p}.example.org", "telefoon": "0321 123 456",
                "werkgebied": [place_of[p]], "beheerders": [f"@partner-{p}"], "gecontroleerd": "2026-10-01"}
        (target / "partners" / f"partner-{p}.yml").write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True), encoding="utf-8")
        pages[data["id"]] = f"# {data['naam']}\n\n{data['samenvatting']}\n\n## Over ons\n\n{data['beschrijving']}\n"
    for o in range(offerings):
        start = rng.choice([0, 2, 4, 12, 16])
        sessions = [{"datum": (TODAY + timedelta(days=rng.randint(1, 300))).isoformat(), "van": "19:30",
                     "tot": "21:30", "locatie": "Buurthuis"} for _ in range(3)]
        data = {
            "id": f"aanbod-{o}", "titel": f"{_sentence(rng, 3)[:-1]} {o}", "partner": f"partner-{o % partners}",
            "samenvatting": _sentence(rng, 20), "beschrijving": "\n\n".join(_sentence(rng, 40) for _ in range(4)),
            "doelgroepen": [rng.choice(["ouders", "jongeren", "professionals"])],
            "leeftijd": {"van": f"{start} jaar", "tot": f"{start + rng.choice([2, 4, 6])} jaar"},
            "themas": rng.sample(THEMES, 2), "niveaus": [rng.choice(TIERS)], "soort": rng.choice(KINDS),
            "toegang": {"route": "aanmelden"}, "kosten": {"soort": "gratis"},
            "locaties": [{"naam": "Buurthuis", "straat": "Dorpsstraat 1", "postcode": "8251 AA",
                          "plaats": "Dronten", "gebied": rng.choice(places[place_of[o % partners]])}],
            "bijeenkomsten": sessions, "contact": {"naam": "Team", "telefoon": "0321 123 456"},
            "gecontroleerd": "2026-10-01",
        }
        (target / "offerings" / f"aanbod-{o}.yml").write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True), encoding="utf-8")
        facts = "\n".join(f"- **{k}**: {v}" for k, v in (("Door", data["partner"]), ("Leeftijd", data["leeftijd"]),
                                                         ("Thema's", ", ".join(data["themas"]))))
        pages[data["id"]] = (f"# {data['titel']}\n\n{data['samenvatting']}\n\n{facts}\n\n"
                             f"## Over dit aanbod\n\n{data['beschrijving']}\n")
    return pages


def _municipalities(target: Path, count: int) -> dict[str, list[str]]:
    """Write the places file: Dronten with its kernen and `count` - 1 synthetic gemeenten with three
    kernen each; return {gemeente id: its kernen}."""
    places = {"gemeente-dronten": AREAS} | {f"gemeente-{m}": [f"kern-{m}-{k}" for k in range(1, 4)] for m in range(1, count)}
    if count > 1:
        data = {"gemeenten": [{"id": key, "naam": "Dronten" if key == "gemeente-dronten" else f"Gemeente {key[9:]}",
                               "gebiedsnaam": "kern", "gebieden": [{"id": a, "naam": a.replace("-", " ").capitalize()} for a in areas]}
                              for key, areas in places.items()]}
        (target / "data" / "plaatsen.yml").write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True), encoding="utf-8")
    return places


def same_count(pages: dict[str, str], count: int) -> dict[str, str]:
    """The comparison pages, repeated until there are as many as the pages of our site (its overviews,
    hand-written pages and generated lists have text of the same kind)."""
    texts = list(pages.values())
    return {**pages, **{f"extra-{n}": texts[n % len(texts)] for n in range(max(0, count - len(pages)))}}


def _timed(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall time of a command and its peak memory (MiB): the largest resident set of that process and
    of the processes it started and waited for (wait4's rusage of this child alone, not the maximum of
    every child this script ran so far)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return elapsed, usage.ru_maxrss // 1024  # Linux: KiB


def output_files(folder: Path) -> dict[str, tuple[int, int]]:
    """(files, bytes) per top folder of a built site ("(top)" for the files at its root), bytes as
    st_size: what a static host counts against its limits."""
    per_folder: dict[str, tuple[int, int]] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            parts = path.relative_to(folder).parts
            top = parts[0] if len(parts) > 1 else "(top)"
            files, size = per_folder.get(top, (0, 0))
            per_folder[top] = (files + 1, size + path.stat().st_size)
    return dict(sorted(per_folder.items()))


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_latency(project: Path, dirty: bool) -> float:
    """Seconds from saving an edit of one offering file to `mkdocs serve` (with --dirty: rebuilding
    only what changed) showing it."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])], env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/aanbod/aanbod-0/"
    path = project / "offerings/aanbod-0.yml"
    original = path.read_text(encoding="utf-8")

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.monotonic() + 900
        while "aanbod-0" not in fetch() and "Over dit aanbod" not in fetch():
            if time.monotonic() > deadline or server.poll() is not None:
                return float("nan")
            time.sleep(1)
        time.sleep(2)
        word = f"Gewijzigd{time.time_ns()}"
        path.write_text(original.replace("titel: ", f"titel: {word} ", 1), encoding="utf-8")
        start = time.monotonic()
        while word not in fetch():
            if time.monotonic() - start > 600:
                return float("nan")
            time.sleep(0.2)
        return time.monotonic() - start
    finally:
        server.terminate()
        server.wait(timeout=60)
        path.write_text(original, encoding="utf-8")  # the next measurement edits the same title


def plain_mkdocs(target: Path, pages: dict[str, str]) -> float:
    """Build the same pages as hand-written Markdown with MkDocs + Material, out of the navigation."""
    docs = target / "docs" / "aanbod"
    docs.mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    for page_id, text in pages.items():
        (docs / f"{page_id}.md").write_text(text, encoding="utf-8")
    (target / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: Vergelijking
        theme: {name: material, language: nl, font: false}
        nav: [index.md]
        """), encoding="utf-8")
    return min(_timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(target / "mkdocs.yml")])[0]
               for _ in range(RUNS))


def hugo(target: Path, pages: dict[str, str]) -> float | None:
    """Build the same pages with Hugo and minimal templates; None when Hugo is not installed."""
    binary = shutil.which("hugo")
    if not binary:
        return None
    (target / "content" / "aanbod").mkdir(parents=True)
    for page_id, text in pages.items():
        title, _, body = text.partition("\n")
        (target / "content" / "aanbod" / f"{page_id}.md").write_text(
            f"---\ntitle: \"{title[2:]}\"\n---\n{body}", encoding="utf-8")
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html lang=nl><title>{{ .Title }}</title><main>{{ .Content }}</main></html>", encoding="utf-8")
    (target / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html lang=nl><title>{{ .Title }}</title><ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul></html>",
        encoding="utf-8")
    (target / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Vergelijking"\n', encoding="utf-8")
    return min(_timed([binary, "--quiet", "-s", str(target)])[0] for _ in range(RUNS))


def kaart_build_time(catalog: object, work: Path) -> float:
    """Seconds the kaart's own build steps take: search records, the Pagefind index and the exports."""
    start = time.perf_counter()
    write_search_index(records_by_index(catalog, SiteSettings().kaart_split_above), work)  # type: ignore[arg-type]
    export_csv(catalog)  # type: ignore[arg-type]
    export_json(catalog)  # type: ignore[arg-type]
    return time.perf_counter() - start


# In the page: type a letter or click a box, and resolve with the milliseconds until the new results
# are on screen (kaart.js then fires "cjg-bewaar-knoppen" for the save buttons of the new cards).
_TIMED = """async ([letter, box]) => {
  const done = new Promise((resolve) => document.addEventListener('cjg-bewaar-knoppen', resolve, {once: true}));
  const start = performance.now();
  if (box) {
    document.getElementById(box).click();
  } else {
    const input = document.getElementById('kaart-zoek');
    input.value += letter;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }
  await done;
  return performance.now() - start;
}"""


# Notes when the first result appears, for the resources loaded until then.
_FIRST_RESULTS = """new MutationObserver((_, observer) => {
  if (document.querySelector('#kaart-resultaten li')) { window.cjgFirstResults = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});"""
_LOADED_BEFORE = """() => [location.href, ...performance.getEntriesByType('resource')
  .filter((entry) => entry.responseEnd <= window.cjgFirstResults).map((entry) => entry.name)]"""


def kaart_browser(site: Path, place: str = "") -> dict[str, float]:
    """Compressed KB the home page transfers (cold cache, everything it loads), compressed KB before
    the kaart's first results of a query (all, and without the theme files every page shares), and
    keystroke and filter-click latencies in ms; `place`: the gemeente to search in, on a kaart that
    searches one at a time."""
    from playwright.sync_api import sync_playwright

    compressed: dict[str, int] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(_FIRST_RESULTS)
        def record(request: object) -> None:
            with contextlib.suppress(Exception):  # a response still loading when the browser closes
                compressed[request.url] = len(gzip.compress(request.response().body()))  # type: ignore[attr-defined]

        page.on("requestfinished", record)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        home = sum(compressed.values()) / 1024
        page.remove_listener("requestfinished", record)
        page.close()
        compressed.clear()
        page = browser.new_context().new_page()  # a cold cache again, for the kaart
        page.add_init_script(_FIRST_RESULTS)
        page.on("requestfinished", record)
        page.goto(url + "sociale-kaart/?" + (f"gemeente={place}&" if place else "") + "zoek=ouders")
        page.wait_for_selector("#kaart-resultaten li")
        page.wait_for_load_state("networkidle")
        loaded = page.evaluate(_LOADED_BEFORE)
        first = sum(compressed.get(u, 0) for u in loaded) / 1024
        own = sum(compressed.get(u, 0) for u in loaded if "/assets/" not in u or "kaart" in u) / 1024
        page.wait_for_function("() => document.querySelector('[data-count]').textContent !== ''")
        page.evaluate("() => { const i = document.getElementById('kaart-zoek'); i.value = ''; "
                      "i.dispatchEvent(new Event('input', {bubbles: true})); }")
        page.wait_for_timeout(500)
        keys = [page.evaluate(_TIMED, [letter, None]) for letter in "opvoeden"]
        boxes = page.eval_on_selector_all("details[open] .cjg-choice:not([hidden]) input[type=checkbox]", "els => els.map(e => e.id)")
        clicks = [page.evaluate(_TIMED, [None, box]) for box in boxes[:8] * 2]
        page.remove_listener("requestfinished", record)
        browser.close()
    return {"home_transfer_kb": home, "first_query_kb": first, "first_query_own_kb": own,
            "key_ms_median": sorted(keys)[len(keys) // 2], "key_ms_max": max(keys),
            "click_ms_median": sorted(clicks)[len(clicks) // 2], "click_ms_max": max(clicks)}


def measure(size: int, work: Path, with_serve: bool, only_build: bool = False) -> dict[str, object]:
    """All figures for one size; `only_build`: validation, one build, its output and the kaart in the
    browser only (for sizes where the comparisons and `mkdocs serve` would take hours)."""
    project = work / f"cjg-{size}"
    start = time.perf_counter()
    pages = generate(project, size)
    generated = time.perf_counter() - start
    validation = float("inf")
    for _ in range(1 if only_build else RUNS):
        start = time.perf_counter()
        catalog, _ = load_catalog(DataFolders(project), TODAY)
        validation = min(validation, time.perf_counter() - start)
    assert catalog is not None
    runs = [_timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")])
            for _ in range(1 if only_build else RUNS)]
    build, peak = min(time for time, _ in runs), max(peak for _, peak in runs)
    site = project / "site"
    folders = output_files(site)
    largest = max(p.stat().st_size for p in site.rglob("*.html"))
    home = len(gzip.compress((site / "index.html").read_bytes()))
    lunr_kb = len(gzip.compress((site / "search/search_index.json").read_bytes())) / 1024
    page_count = sum(1 for _ in site.rglob("*.html"))
    row: dict[str, object] = {
        "size": size, "partners": max(1, size // 10), "sessions": 3 * size, "generate": generated,
        "validation": validation, "build": build, "peak_mib": peak, "output_mib": _size(site) / 2**20,
        "files": sum(files for files, _ in folders.values()), "bytes": sum(size for _, size in folders.values()),
        "folders": folders, "pages": page_count, "largest_kb": largest / 1024, "home_gz_kb": home / 1024,
        "lunr_gz_kb": lunr_kb, "serve": float("nan"), "serve_dirty": float("nan"), "plain": None, "hugo": None,
        "kaart_s": None,
    }
    # On a kaart that searches one gemeente at a time, the browser measures the largest.
    indexes = municipality_indexes(catalog, SiteSettings().kaart_split_above)
    place = max(indexes, key=lambda key: len(indexes[key]), default="")
    row["kaart_scope"] = (f"the largest of {len(indexes)} gemeenten, {catalog.lists.municipalities[place].name} "
                          f"({len(indexes[place])} of the {size} offerings)" if place else "")
    row |= kaart_browser(site, place) if CHROMIUM.exists() else {}
    if only_build:
        del catalog
        return row
    row["kaart_s"] = kaart_build_time(catalog, work / f"kaart-{size}")
    pages = same_count(pages, page_count)
    row["plain"] = plain_mkdocs(work / f"plain-{size}", pages)
    row["hugo"] = hugo(work / f"hugo-{size}", pages)
    if with_serve:
        row["serve"] = serve_latency(project, dirty=False)
        row["serve_dirty"] = serve_latency(project, dirty=True)
    return row


def _ratio(ours: object, theirs: object, digits: int) -> str:
    """"a | a/b" for a comparison time, "n/a | n/a" when it was not measured."""
    if not isinstance(ours, float) or not isinstance(theirs, float) or not theirs:
        return "n/a | n/a |"
    return f"{theirs:.{digits}f} | {ours / theirs:.{digits}f} |"


def report(rows: list[dict[str, object]], command: str) -> str:
    """The results as a Markdown table, with the command that reproduces them."""
    lines = [
        "# Benchmarks", "",
        f"Reproduce with `{command}` (this machine: {os.cpu_count()} cores).",
        f"A synthetic region per size (above {NATIONAL_ABOVE:,} offerings a country, a gemeente per 500 offerings):",
        "offerings, partners (offerings / 10), three dated sessions per offering,",
        f"realistic text lengths. Times in seconds; builds are the fastest of {RUNS} runs (one with --only-build).",
        "\"Validation\" is loading all data: reading the YAML and every check. \"Serve edit\": from saving a",
        "changed offering title until `mkdocs serve` (or `mkdocs serve --dirty`) serves the page with it.",
        "\"Plain MkDocs\" builds as many pages as ours, with the offerings' and partners' text, as Markdown with",
        "Material, out of the navigation; \"Hugo\" builds them with minimal templates.", "",
        "\"Peak memory\" is the largest resident set of one process of that build (MkDocs, or the process",
        "that writes the data files beside it), from the rusage of that build alone. \"Files\" and \"bytes\"",
        "count everything in the built site (bytes as st_size), what a static host counts against its limits.",
        "\"n/a\": not measured (`--only-build` or `--no-serve`, or the tool is missing).", "",
        "| offerings | partners | sessions | pages | files | bytes | validation | build | validation / build | "
        "peak memory | output | largest page | home (gzip) | home transferred | serve edit | serve --dirty edit | "
        "plain MkDocs | ours / plain | Hugo | ours / Hugo |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']} | {r['partners']} | {r['sessions']} | {r['pages']} | {r['files']} | {r['bytes']} | "
            f"{r['validation']:.2f} | {r['build']:.1f} | {100 * r['validation'] / r['build']:.0f}% | "
            f"{r['peak_mib']} MiB | {r['output_mib']:.1f} MiB | {r['largest_kb']:.0f} KB | {r['home_gz_kb']:.0f} KB | "
            + (f"{r['home_transfer_kb']:.0f} KB | " if "home_transfer_kb" in r else "n/a | ")
            + f"{r['serve']:.1f} | {r['serve_dirty']:.1f} | ".replace("nan", "n/a")
            + _ratio(r["build"], r["plain"], 2) + " " + _ratio(r["build"], r["hugo"], 1))
    lines += ["", "Generating the synthetic project took " + ", ".join(
        f"{r['generate']:.0f} s at {r['size']}" for r in rows) + "."]
    folders = sorted({top for r in rows for top in r["folders"]},  # type: ignore[attr-defined]
                     key=lambda top: -max(r["folders"].get(top, (0, 0))[0] for r in rows))  # type: ignore[attr-defined]
    lines += [
        "", "## Output per top folder", "",
        "Files and bytes (st_size) in each top folder of the built site; \"(top)\" are the files at its root.",
        "A static host's limits are on files and bytes (e.g. 20,000 files and 500 MB at 5,000 offerings).", "",
        "| folder | " + " | ".join(f"files at {r['size']} | bytes at {r['size']}" for r in rows) + " |",
        "|---|" + "---|---|" * len(rows),
    ]
    for top in folders:
        cells = [r["folders"].get(top, (0, 0)) for r in rows]  # type: ignore[attr-defined]
        lines.append(f"| {top} | " + " | ".join(f"{files} | {size}" for files, size in cells) + " |")
    lines += [
        "", "## Sociale kaart (issue 4)", "",
        "Kaart build steps: search records, Pagefind index and exports, timed on their own; \"share\" is that time",
        "over the rest of the build (they run in the second process, beside the pages, so the build grows by less).",
        "First query: compressed bytes of every response from opening",
        "`sociale-kaart/?zoek=ouders` until its first results show, cold cache (page, theme CSS and JS, Pagefind),",
        "and the same without the theme files every page shares (the page, its scripts, Pagefind). Latency: from a",
        "keystroke (typing \"opvoeden\") or a filter click to the new results on screen, in headless Chromium.",
        "Material's lunr index (gzip) is what its site search downloads before its first result.", "",
        "| offerings | kaart build steps | share of build | first query: all / without theme | keystroke median / max | "
        "filter click median / max | Material lunr index |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        kaart = r["kaart_s"]
        lines.append(
            f"| {r['size']} | "
            + (f"{kaart:.1f} s | {100 * kaart / (r['build'] - kaart):.0f}% | " if isinstance(kaart, float) else "n/a | n/a | ")
            + (f"{r['first_query_kb']:.0f} / {r['first_query_own_kb']:.0f} KB | "
               f"{r['key_ms_median']:.0f} / {r['key_ms_max']:.0f} ms | "
               f"{r['click_ms_median']:.0f} / {r['click_ms_max']:.0f} ms | " if "first_query_kb" in r else "n/a | n/a | n/a | ")
            + f"{r['lunr_gz_kb']:.0f} KB |")
    lines += [f"\nAt {r['size']} the kaart searches one gemeente at a time; measured in {r['kaart_scope']}."
              for r in rows if r.get("kaart_scope")]
    if len(rows) >= 2:
        by_size = {r["size"]: r for r in rows}
        if 2000 in by_size and 5000 in by_size:
            lines += ["", f"5,000 offerings take {by_size[5000]['build'] / by_size[2000]['build']:.2f}× the build "
                          "time of 2,000 (linear would be 2.5×)."]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurements")
    parser.add_argument("--only-build", type=int, nargs="?", const=0, default=None, metavar="SIZE",
                        help="measure validation, one build, its output and the kaart in the browser only (no "
                             "comparisons or serve), for every size or from SIZE on (e.g. --sizes 5000 50000 --only-build 50000)")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the generated projects (default: a temporary folder, removed after)")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        rows = []
        for size in args.sizes:
            only_build = args.only_build is not None and size >= args.only_build
            rows.append(measure(size, work, not args.no_serve, only_build))
            if not args.work:  # 50,000 offerings take gigabytes: free them before the next size
                for name in ("cjg", "plain", "hugo", "kaart"):
                    shutil.rmtree(work / f"{name}-{size}", ignore_errors=True)
    command = "python scripts/bench.py " + " ".join(sys.argv[1:])
    text = report(rows, command.strip())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
