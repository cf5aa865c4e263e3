"""Cross-file checks on the raw data of a file: ids that must exist in a list or in another file.

They work on the loaded YAML rather than on model records, so that a file with a wrong date still
gets its unknown theme reported in the same run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..load.problems import Problem
from ..load.yaml_files import SourceDoc
from ..model.fieldtypes import ALLOWED_LINK_SCHEMES
from ..model.lists import Lists
from ..model.validation import field_name

Loc = tuple[str | int, ...]
Tables = Mapping[str, Mapping[str, Any] | None]
# Inline links, reference definitions, autolinks and raw HTML attributes that hold a URL.
_MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]+)"
    r"|^[ ]{0,3}\[[^\]]+\]:\s*<?([^\s>]+)"
    r"|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"
    r"|(?:href|src|action|formaction)\s*=\s*[\"']?([^\"'\s>]+)",
    re.M | re.I,
)
_LINK_MARKS = ("](", "]:", "<", "=")  # each form of link has one: a text without them is not searched


@dataclass(frozen=True)
class Reference:
    """A field (a path; '*' is every item of a list) whose values must be ids in `table`."""

    path: tuple[str, ...]
    table: str
    what: str
    where: str


PARTNER_REFERENCES = (
    Reference(("type",), "partnertypes", "het partnertype", "data/partnertypes.yml"),
    Reference(("adressen", "*", "gebied"), "gebieden", "het gebied", "data/plaatsen.yml"),
    Reference(("werkgebied", "*"), "plaatsen", "het gebied", "data/plaatsen.yml (een gemeente, kern of wijk)"),
)
OFFERING_REFERENCES = (
    Reference(("partner",), "partners", "de partner", "de bestanden in partners/"),
    Reference(("themas", "*"), "themas", "het thema", "data/themas.yml"),
    Reference(("niveaus", "*"), "niveaus", "het niveau", "data/niveaus.yml"),
    Reference(("soort",), "soorten", "de soort", "data/soorten.yml"),
    Reference(("talen", "*"), "talen", "de taal", "data/talen.yml"),
    Reference(("toegang", "verwijzers", "*"), "verwijzers", "de verwijzer", "data/verwijzers.yml"),
    Reference(("locaties", "*", "gebied"), "gebieden", "het gebied", "data/plaatsen.yml"),
    Reference(("openingstijden", "*", "locatie"), "locaties", "de locatie",
              "de namen onder 'locaties' in dit bestand"),
    Reference(("bijeenkomsten", "*", "locatie"), "locaties", "de locatie",
              "de namen onder 'locaties' in dit bestand"),
    Reference(("rondes", "*", "bijeenkomsten", "*", "locatie"), "locaties", "de locatie",
              "de namen onder 'locaties' in dit bestand"),
)
LIST_REFERENCES = (
    Reference(("jongerenwerkers", "*", "organisatie"), "partners", "de partner", "de bestanden in partners/"),
    Reference(("jongerenwerkers", "*", "gebied"), "gebieden", "het gebied", "data/plaatsen.yml"),
    Reference(("verwijswijzer", "*", "partners", "*"), "partners", "de partner", "de bestanden in partners/"),
)
TEXT_FIELDS = ("beschrijving",)


LIST_TABLES = ("partnertypes", "gebieden", "plaatsen", "themas", "niveaus", "soorten", "talen", "verwijzers")


def reference_tables(lists: Lists, partner_ids: Iterable[str]) -> Tables:
    """The tables references are checked against: the site's lists and the partners' ids."""
    tables: dict[str, Mapping[str, Any] | None] = {key: lists.table(key) for key in LIST_TABLES}
    tables["partners"] = dict.fromkeys(partner_ids, True)
    return tables


def values_at(data: Any, path: tuple[str, ...], here: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every (location, value) in `data` that matches `path`."""
    if not path:
        yield here, data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, (*here, index))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, (*here, head))


def _problem(doc: SourceDoc, loc: Loc, message: str, hint: str, line_offset: int = 0) -> Problem:
    return Problem(doc.path, doc.line_of(loc) + line_offset, field_name(loc), message, hint)


def _location_names(data: Any) -> dict[str, Any]:
    return {str(name): True for _, name in values_at(data, ("locaties", "*", "naam"))}


@dataclass(frozen=True)
class ReferredIds:
    """The ids one file refers to (see `referred_ids`): kept while the file is unchanged, as
    `mkdocs serve` checks them again against the other files after every edit."""

    local: Mapping[str, Mapping[str, Any]]  # the tables of the file itself: its locations' names
    values: tuple[tuple[Reference, Loc, str], ...]  # (reference, where, id), in the order of the references


def referred_ids(doc: SourceDoc, references: tuple[Reference, ...]) -> ReferredIds:
    """The ids in a file's fields that must exist in a table."""
    return ReferredIds({"locaties": _location_names(doc.data)},
                       tuple((ref, loc, value) for ref in references for loc, value in values_at(doc.data, ref.path)
                             if isinstance(value, str) and value))


def unknown_ids(doc: SourceDoc, referred: ReferredIds, tables: Tables) -> list[Problem]:
    """The problems of the ids a file refers to that are not in their table; a table that is None
    (its list could not be read) is skipped."""
    problems = []
    for ref, loc, value in referred.values:
        known = referred.local.get(ref.table, tables.get(ref.table))
        if known is None or value in known:
            continue
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f"bedoelde je '{close[0]}'?" if close else f"kies uit {ref.where}."
        problems.append(_problem(doc, loc, f"{ref.what} '{value}' bestaat niet.", hint))
    return problems


def check_references(doc: SourceDoc, references: tuple[Reference, ...], tables: Tables) -> list[Problem]:
    """Unknown ids in a file (see `unknown_ids`)."""
    return unknown_ids(doc, referred_ids(doc, references), tables)


def _allowed_link(target: str) -> bool:
    """A link may be relative, or go to http(s) without a user name in it (https://a.nl@b.example/
    goes to b.example), to an e-mail address without extra headers (?bcc=), or to a phone number."""
    scheme = target.split(":", 1)[0].lower() if ":" in target else ""
    if not scheme:
        return True
    if scheme in ("http", "https"):
        try:
            return "@" not in urlsplit(target).netloc
        except ValueError:  # such as a broken [IPv6] host
            return False
    if scheme == "mailto":
        return "?" not in target
    return scheme in ALLOWED_LINK_SCHEMES


def check_links(doc: SourceDoc) -> list[Problem]:
    """Links in Markdown text fields whose scheme is not http(s), mailto or tel."""
    problems = []
    for name in TEXT_FIELDS:
        for loc, text in values_at(doc.data, (name,)):
            if not isinstance(text, str) or not any(mark in text for mark in _LINK_MARKS):
                continue
            for match in _MARKDOWN_LINK.finditer(text):
                target = next(g for g in match.groups() if g)
                if not _allowed_link(target):
                    # A multi-line text is a block scalar: its text starts on the line after the key.
                    offset = 1 + text.count("\n", 0, match.start()) if "\n" in text else 0
                    problems.append(_problem(
                        doc, loc, f"de link '{target}' is niet toegestaan.",
                        "gebruik alleen links die beginnen met https://, http://, mailto: of tel:, zonder "
                        "gebruikersnaam in een webadres en zonder ?cc= of ?bcc= bij een e-mailadres.", offset))
    return problems
