"""News posts: hand-written pages in `nieuws/` of the docs folder, and their Atom feed (RFC 4287).

A post is a Markdown file with front matter `title`, `description` and `date` (JJJJ-MM-DD). The
feed is built from that front matter, so it needs no git history and no other plugin.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import yaml

from . import urls
from .problems import Problem

NEWS_FOLDER = "nieuws"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class NewsPost:
    """One news post: where its page is, its title, description and date."""

    src_uri: str
    title: str
    description: str
    date: date


def _front_matter(path: Path) -> object:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    try:
        return yaml.safe_load(match[1]) if match else None
    except yaml.YAMLError:
        return None


def load_posts(docs_dir: Path, shown_dir: str = "content") -> tuple[list[NewsPost], list[Problem]]:
    """The news posts in `docs_dir/nieuws/`, newest first, and a problem for each post that lacks
    a title, description or date."""
    posts, problems = [], []
    for path in sorted((docs_dir / NEWS_FOLDER).glob("*.md")):
        if path.name == "index.md":
            continue
        shown = f"{shown_dir}/{NEWS_FOLDER}/{path.name}"
        meta = _front_matter(path)
        meta = meta if isinstance(meta, dict) else {}
        missing = [key for key in ("title", "description", "date") if not meta.get(key)]
        if missing or not isinstance(meta["date"], date):
            problems.append(Problem(shown, 1, ", ".join(missing) or "date",
                                    "dit nieuwsbericht mist een titel, omschrijving of geldige datum.",
                                    "zet bovenaan tussen --- de velden title, description en date "
                                    "(JJJJ-MM-DD)."))
            continue
        posts.append(NewsPost(f"{NEWS_FOLDER}/{path.name}", str(meta["title"]), str(meta["description"]),
                              meta["date"]))
    return sorted(posts, key=lambda p: (p.date, p.src_uri), reverse=True), problems


def _stamp(day: date) -> str:
    return datetime.combine(day, time(0), tzinfo=UTC).isoformat().replace("+00:00", "Z")


def atom_feed(posts: list[NewsPost], site_name: str, site_url: str, today: date,
              directory_urls: bool = True) -> bytes:
    """The Atom feed of the news posts (site_url absolute, ending in '/')."""
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text or None
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    index = site_url + urls.page_url(urls.NEWS_INDEX, directory_urls)
    add(feed, "id", index)
    add(feed, "title", f"Nieuws – {site_name}")
    add(feed, "updated", _stamp(posts[0].date if posts else today))
    add(feed, "link", href=index)
    add(feed, "link", rel="self", href=site_url + urls.NEWS_FEED)
    add(add(feed, "author"), "name", site_name)
    for post in posts:
        url = site_url + urls.page_url(post.src_uri, directory_urls)
        entry = add(feed, "entry")
        add(entry, "id", url)
        add(entry, "title", post.title)
        add(entry, "updated", _stamp(post.date))
        add(entry, "published", _stamp(post.date))
        add(entry, "link", href=url)
        add(entry, "summary", post.description)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
