"""Real MkDocs builds of the default site and of a second municipality, checked on their HTML."""

from __future__ import annotations

import hashlib
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml

from cjgportaal.adapter import data_watch

from .conftest import FIXTURES, ROOT, build_env, copy_project, mkdocs_build


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _crawl(site: Path) -> set[str]:
    """Every page reachable by following links from the home page (paths relative to site)."""
    seen: set[str] = set()
    todo = ["index.html"]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        base = "http://site/" + page
        for href in _parse(site / page).hrefs:
            url = urldefrag(urljoin(base, href)).url
            parts = urlsplit(url)
            if parts.netloc != "site":
                continue
            target = parts.path.lstrip("/")
            target = target + "index.html" if target.endswith("/") or not target else target
            if target.endswith(".html"):
                assert (site / target).exists(), f"broken link {href!r} on {page}"
                todo.append(target)
    return seen


def _ids(folder: str) -> list[str]:
    return sorted(p.stem for p in (ROOT / folder).rglob("*.yml"))


def test_every_entry_has_a_page_reachable_from_the_overviews(default_site: Path) -> None:
    reachable = _crawl(default_site)
    for offering in _ids("offerings"):
        assert f"aanbod/{offering}/index.html" in reachable
    for partner in _ids("partners"):
        assert f"organisaties/{partner}/index.html" in reachable


def test_offering_page_links_partner_and_partner_lists_offering(default_site: Path) -> None:
    offering = (default_site / "aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    assert 'href="../../organisaties/ggd-flevoland/"' in offering
    assert "2 tot 4 jaar" in offering and "dinsdag 2 februari 2027" in offering
    partner = (default_site / "organisaties/ggd-flevoland/index.html").read_text(encoding="utf-8")
    assert 'href="../../aanbod/peuter-in-zicht/"' in partner


def test_three_tabs_dutch_and_example_banner(default_site: Path) -> None:
    html = (default_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', html)
    assert tabs == ["Ouders", "Jongeren", "Professionals"]
    assert "Voorbeeldsite." in html


def test_generated_pages_stay_out_of_the_navigation(default_site: Path) -> None:
    html = (default_site / "aanbod/index.html").read_text(encoding="utf-8")
    nav_links = re.findall(r"<a[^>]*md-nav__link[^>]*>", html)
    assert any("organisaties/" in link for link in nav_links)
    assert not any("peuter-in-zicht" in link for link in nav_links)


def test_overview_pages_per_audience_theme_and_age_band(default_site: Path) -> None:
    lists = ROOT / "data"
    themes = yaml.safe_load((lists / "themas.yml").read_text(encoding="utf-8"))["themas"]
    bands = yaml.safe_load((lists / "leeftijdsgroepen.yml").read_text(encoding="utf-8"))["leeftijdsgroepen"]
    for theme in themes:
        assert (default_site / "themas" / theme["id"] / "index.html").exists()
    for band in bands:
        assert (default_site / "leeftijden" / band["id"] / "index.html").exists()
    for audience in ("ouders", "jongeren", "professionals"):
        page = (default_site / "voor" / audience / "index.html").read_text(encoding="utf-8")
        assert "cjg-card" in page
    peuter = (default_site / "leeftijden/peuter/index.html").read_text(encoding="utf-8")
    assert "Peuter in zicht" in peuter
    zwanger = (default_site / "leeftijden/zwanger/index.html").read_text(encoding="utf-8")
    assert "Peuter in zicht" not in zwanger


def test_skip_link_and_no_other_origins_in_html(default_site: Path) -> None:
    for page in default_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        assert 'class="md-skip cjg-skip"' in html and 'id="inhoud"' in html, page
        loads = re.findall(r'<(?:script|img|iframe|source|video|audio)[^>]+src="([^"]*)"', html)
        loads += [href for rel, href in re.findall(r'<link rel="([^"]+)" href="([^"]*)"', html)
                  if rel not in ("canonical", "alternate")]
        assert not [url for url in loads if re.match(r"(?:https?:)?//", url)], page
        assert "fonts.googleapis" not in html


def test_security_headers_for_static_hosts(default_site: Path) -> None:
    headers = (default_site / "_headers").read_text(encoding="utf-8")
    for expected in ("frame-ancestors 'none'", "Strict-Transport-Security", "nosniff", "Referrer-Policy",
                     "script-src 'self' 'wasm-unsafe-eval' 'sha256-"):
        assert expected in headers
    for page in default_site.rglob("*.html"):  # hand-written, generated and framed pages alike
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page.read_text(encoding="utf-8"))
        assert meta and "default-src 'self'" in meta.group(1), page
        assert "unsafe-inline" not in meta.group(1) and "script-src-elem" not in meta.group(1), page  # the preview's only


def test_json_schema_is_published(default_site: Path) -> None:
    assert (default_site / "schemas" / "aanbod.schema.json").read_text(encoding="utf-8") == \
        (ROOT / "schemas" / "aanbod.schema.json").read_text(encoding="utf-8")


def test_hostile_partner_text_is_contained(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "offerings/peuter-in-zicht.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("titel: Peuter in zicht", "titel: 'Cursus </title><script>alert(1)</script>'")
    text = text.replace("Je oefent met situaties", "<img src=x onerror=alert(2)> <script>alert(3)</script>"
                        " [mail](mailto:a@b.nl) --8<-- \"/etc/passwd\" {{ config }} Je oefent met situaties")
    text = text.replace("samenvatting: >-", "samenvatting: >-\n  \"><svg onload=alert(4)>")
    path.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/aanbod/peuter-in-zicht/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "onerror" not in html and "<svg onload" not in html
    assert "<title>Cursus &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - CJG Dronten</title>" in html
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert 'href="mailto:a@b.nl"' in html
    assert "root:" not in html and "{{ config }}" in html
    for page in (tmp_path / "site").rglob("*.html"):
        assert "<script>alert" not in page.read_text(encoding="utf-8"), page


def test_build_with_errors_publishes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "offerings/peuter-in-zicht.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("soort: cursus", "soort: kursus"), encoding="utf-8")
    (project / "partners/leeg.yml").write_text("", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert not (tmp_path / "site").exists()
    assert "de soort 'kursus' bestaat niet" in result.stderr
    assert "partners/leeg.yml:1: fout: het bestand is leeg." in result.stderr
    assert "Traceback" not in result.stderr


def test_build_is_reproducible(tmp_path: Path, default_site: Path) -> None:
    again = tmp_path / "again"
    assert mkdocs_build(ROOT, again).returncode == 0

    def digest(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}

    # Pagefind writes the filters of its records in hash-map order, so its filter, metadata and
    # fragment files differ in bytes between runs (Pagefind issue #638), not in what they hold.
    def stable(files: dict[str, str]) -> dict[str, str]:
        return {name: value for name, value in files.items() if not name.startswith("pagefind/")}

    first, second = digest(default_site), digest(again)
    assert stable(second) == stable(first)
    assert len(second) == len(first)


def test_second_municipality_builds_with_its_own_lists(tmp_path: Path) -> None:
    fixture = FIXTURES / "capelle"
    result = mkdocs_build(fixture, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = {p.read_text(encoding="utf-8") for p in (tmp_path / "site/aanbod").rglob("index.html")}
    text = "\n".join(pages)
    assert "Wijk " in text
    assert "Swifterbant" not in text and "Dronten" not in text
    offerings = sorted(p.stem for p in (fixture / "offerings").rglob("*.yml"))
    for offering in offerings:
        assert (tmp_path / "site/aanbod" / offering / "index.html").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_serve_rebuilds_once_when_an_offering_file_changes(tmp_path: Path, engine: str) -> None:
    project = copy_project(tmp_path / "p")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", engine, "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=build_env(),
    )
    url = f"http://127.0.0.1:{port}/aanbod/peuter-in-zicht/"
    try:
        deadline = time.monotonic() + 120
        while "Peuter in zicht" not in _fetch(url):
            assert time.monotonic() < deadline and server.poll() is None, "mkdocs serve did not start"
            time.sleep(0.5)
        path = project / "offerings/peuter-in-zicht.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("titel: Peuter in zicht", "titel: Peuters in beeld"),
                        encoding="utf-8")
        deadline = time.monotonic() + 60
        while "Peuters in beeld" not in _fetch(url):
            assert time.monotonic() < deadline, "the change did not show up"
            time.sleep(0.3)
        time.sleep(4 * data_watch.POLL_SECONDS)  # polling has seen the save too
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert log.count("Detected file changes") == 1, log  # one rebuild, one reload of the browser
    # the data folders are watched by `data_watch`, not by the engine's polling
    assert "De voorvertoning volgt ook de gegevens in 'partners', 'offerings' en 'data'." in log
    assert "'offerings'" not in next(line for line in log.splitlines() if "Watching paths for changes" in line)


@pytest.mark.parametrize("page", ["index.html", "aanbod/peuter-in-zicht/index.html", "themas/slapen/index.html"])
def test_every_page_has_a_title_and_description(default_site: Path, page: str) -> None:
    html = (default_site / page).read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)
    assert _parse(default_site / page).title.strip().endswith("CJG Dronten")


def test_every_content_page_has_valid_front_matter() -> None:
    """MkDocs silently drops front matter that is not valid YAML (e.g. an unquoted ': ')."""
    for page in (ROOT / "content").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\n"), page
        meta = yaml.safe_load(text[4:].split("\n---\n", 1)[0])
        assert isinstance(meta, dict) and meta.get("description"), page
