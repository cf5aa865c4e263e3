"""News posts: hand-written pages in `nieuws/` of the docs folder, and their Atom feed.

A post is a Markdown file with front matter `title`, `description` and `date` (JJJJ-MM-DD). The
feed is built from that front matter, so it needs no git history and no other plugin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..load.problems import Problem
from . import urls
from .files.atom import AtomEntry, AtomFeed, atom_xml

NEWS_FOLDER = "nieuws"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


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


def atom_feed(posts: list[NewsPost], site_name: str, site_url: str, today: date,
              directory_urls: bool = True) -> bytes:
    """The Atom feed of the news posts (site_url absolute, ending in '/')."""
    index = site_url + urls.page_url(urls.NEWS_INDEX, directory_urls)
    feed = AtomFeed(id=index, title=f"Nieuws – {site_name}", updated=posts[0].date if posts else today,
                    self_url=site_url + urls.NEWS_FEED, page_url=index, author=site_name)
    def entry(post: NewsPost) -> AtomEntry:
        url = site_url + urls.page_url(post.src_uri, directory_urls)
        return AtomEntry(id=url, title=post.title, updated=post.date, url=url, summary=post.description)

    return atom_xml(feed, map(entry, posts))
