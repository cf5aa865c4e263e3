"""Atom feeds (RFC 4287), written with ElementTree, which escapes all text.

ElementTree does not leave out the characters XML 1.0 cannot hold at all (most control
characters, U+FFFE, lone surrogates): `xml_text` does, for every text and attribute.

Shared by the news feed and the feed "Nieuw in de sociale kaart": each says what is in its feed,
this module how a feed is written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

ATOM = "http://www.w3.org/2005/Atom"
# The complement of XML 1.0's Char production.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """The text without the characters an XML 1.0 document cannot contain, even escaped."""
    return _NOT_XML.sub("", value)


@dataclass(frozen=True)
class AtomEntry:
    """One entry: a page with its id, title, date, summary and (optionally) author and categories."""

    id: str
    title: str
    updated: date
    url: str
    summary: str
    author: str = ""
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)


@dataclass(frozen=True)
class AtomFeed:
    """The feed itself: its id, title, date, its own address and the page it belongs to."""

    id: str
    title: str
    updated: date
    self_url: str
    page_url: str
    author: str
    subtitle: str = ""
    rights: str = ""


def _stamps(days: list[date]) -> list[str]:
    """A distinct time for each day, in the order given: the data knows dates only, and readers (and
    the W3C feed validator) expect no two entries to share their `updated`. The first of a day gets
    noon UTC (the same date in Dutch time), each next one a second earlier."""
    seen: dict[date, int] = {}
    stamps = []
    for day in days:
        earlier = seen[day] = seen.get(day, -1) + 1
        stamps.append((datetime.combine(day, time(12)) - timedelta(seconds=earlier)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return stamps


def atom_xml(feed: AtomFeed, entries: Iterable[AtomEntry]) -> bytes:
    """The feed and its entries as an Atom document."""
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
        element.text = xml_text(text) or None
        return element

    entries = list(entries)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    add(root, "id", feed.id)
    add(root, "title", feed.title)
    if feed.subtitle:
        add(root, "subtitle", feed.subtitle)
    add(root, "updated", _stamps([feed.updated])[0])
    # The page first: some readers take the first link as the feed's page.
    add(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    add(root, "link", rel="self", type="application/atom+xml", href=feed.self_url)
    add(add(root, "author"), "name", feed.author)
    if feed.rights:
        add(root, "rights", feed.rights)
    for entry, stamp in zip(entries, _stamps([entry.updated for entry in entries]), strict=True):
        element = add(root, "entry")
        add(element, "id", entry.id)
        add(element, "title", entry.title)
        add(element, "updated", stamp)
        add(element, "link", rel="alternate", type="text/html", href=entry.url)
        if entry.author:
            add(add(element, "author"), "name", entry.author)
        add(element, "summary", entry.summary)
        for term, label in entry.categories:
            add(element, "category", term=term, label=label)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)  # typeshed: Any for an encoding
    return document + b"\n"
