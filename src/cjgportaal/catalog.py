"""The catalog: all partners and offerings of a site, cross-checked, with derived facts."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .fieldtypes import ALLOWED_LINK_SCHEMES
from .lists import Lists, load_lists
from .loading import SourceDoc, load_yaml
from .models import AgeBand, Offering, Partner, Review, Session
from .problems import Problem, Severity, display_path
from .validation import field_name, validate

Loc = tuple[str | int, ...]
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>|href\s*=\s*[\"']?([^\"'\s>]+)")


@dataclass(frozen=True)
class DataFolders:
    """Where a site keeps its data, relative to the project root."""

    root: Path
    partners: str = "partners"
    offerings: str = "offerings"
    lists: str = "data"


@dataclass
class Catalog:
    """Validated partners and offerings, their lists and the build date."""

    lists: Lists
    partners: dict[str, Partner]
    offerings: dict[str, Offering]
    today: date
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    def partner_of(self, offering: Offering) -> Partner:
        """The partner that provides an offering."""
        return self.partners[offering.partner]

    def offerings_of(self, partner: Partner) -> list[Offering]:
        """A partner's offerings, by title."""
        return sorted((o for o in self.offerings.values() if o.partner == partner.id), key=sort_key)

    def visible_offerings(self) -> list[Offering]:
        """Offerings shown in overviews (not stopped), by title."""
        return sorted((o for o in self.offerings.values() if o.status != "gestopt"), key=sort_key)

    def upcoming_sessions(self, offering: Offering) -> list[Session]:
        """Dated sessions from the build date on, earliest first."""
        return sorted((s for s in offering.sessions if s.date >= self.today), key=lambda s: (s.date, s.start))

    def age_bands_of(self, offering: Offering) -> list[AgeBand]:
        """The age bands whose range overlaps the offering's age range."""
        return [b for b in self.lists.age_bands.values()
                if offering.age.start < b.end and b.start < offering.age.end]

    def is_stale(self, entry: Review) -> bool:
        """True when an entry's review date has passed."""
        return review_by(entry) < self.today

    def current_notice(self, offering: Offering) -> str:
        """The offering's short-term notice, if it still applies."""
        notice = offering.notice
        if notice is None or (notice.until is not None and notice.until < self.today):
            return ""
        return notice.text


def sort_key(offering: Offering) -> tuple[str, str]:
    """Sort offerings by title, case-insensitively, then by id."""
    return offering.title.casefold(), offering.id


def review_by(entry: Review) -> date:
    """The date by which an entry must be checked again (default: a year after the last check)."""
    return entry.review_by or entry.checked + timedelta(days=365)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.rglob("*.yml"), *folder.rglob("*.yaml")])


class _Checker:
    """Collects cross-file problems for one file, with line numbers from its source."""

    def __init__(self, doc: SourceDoc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def add(self, loc: Loc, message: str, hint: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line_of(loc), field_name(loc), message,
                                     hint, severity))

    def ref(self, loc: Loc, value: str, known: Mapping[str, Any] | None, what: str, where: str) -> None:
        """Check that `value` is a known id; `known` is None when its list could not be read."""
        if known is None or value in known:
            return
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f"bedoelde je '{close[0]}'?" if close else f"kies een id uit {where}."
        self.add(loc, f"{what} '{value}' bestaat niet.", hint)

    def refs(self, key: Loc, values: Iterable[str], known: Mapping[str, Any] | None, what: str,
             where: str) -> None:
        for index, value in enumerate(values):
            self.ref((*key, index), value, known, what, where)

    def links(self, loc: Loc, markdown: str) -> None:
        """Report links in Markdown text whose scheme is not allowed."""
        for match in _MARKDOWN_LINK.finditer(markdown):
            target = next(g for g in match.groups() if g)
            scheme = target.split(":", 1)[0].lower() if ":" in target else ""
            if scheme and scheme not in ALLOWED_LINK_SCHEMES:
                # A multi-line text is a block scalar: its text starts on the line after the key.
                offset = 1 + markdown.count("\n", 0, match.start()) if "\n" in markdown else 0
                self.problems.append(Problem(
                    self.doc.path, self.doc.line_of(loc) + offset, field_name(loc),
                    f"de link '{target}' is niet toegestaan.",
                    "gebruik alleen links die beginnen met https://, http://, mailto: of tel:."))


def _check_partner(p: Partner, c: _Checker, lists: Lists) -> None:
    c.ref(("type",), p.type, lists.table("partnertypes"), "het partnertype", "data/partnertypes.yml")
    for index, address in enumerate(p.addresses):
        c.ref(("adressen", index, "gebied"), address.area, lists.table("gebieden"), "het gebied",
              "data/plaatsen.yml")
    c.refs(("werkgebied",), p.service_area, lists.table("plaatsen"), "het gebied",
           "data/plaatsen.yml (een gemeente, kern of wijk)")
    c.links(("beschrijving",), p.description)


def _check_offering(o: Offering, c: _Checker, lists: Lists, partners: Mapping[str, Partner]) -> None:
    c.ref(("partner",), o.partner, partners, "de partner", "de bestanden in partners/")
    c.refs(("themas",), o.themes, lists.table("themas"), "het thema", "data/themas.yml")
    c.refs(("niveaus",), o.tiers, lists.table("niveaus"), "het niveau", "data/niveaus.yml")
    c.ref(("soort",), o.kind, lists.table("soorten"), "de soort", "data/soorten.yml")
    c.refs(("talen",), o.languages, lists.table("talen"), "de taal", "data/talen.yml")
    c.refs(("toegang", "verwijzers"), o.access.referrers, lists.table("verwijzers"), "de verwijzer",
           "data/verwijzers.yml")
    for index, location in enumerate(o.locations):
        c.ref(("locaties", index, "gebied"), location.area, lists.table("gebieden"), "het gebied",
              "data/plaatsen.yml")
    names = {location.name: location for location in o.locations}
    for key, slots in (("openingstijden", o.opening_hours), ("bijeenkomsten", o.sessions)):
        for index, slot in enumerate(slots):
            if slot.location:
                c.ref((key, index, "locatie"), slot.location, names, "de locatie",
                      "de namen onder 'locaties' in dit bestand")
    c.links(("beschrijving",), o.description)


def _check_freshness(entry: Review, c: _Checker, today: date) -> None:
    if review_by(entry) < today:
        c.add(("controleren_voor",) if entry.review_by else ("gecontroleerd",),
              f"dit bestand had vóór {review_by(entry).isoformat()} opnieuw nagekeken moeten worden.",
              "kijk alle gegevens na en zet de datum van vandaag bij 'gecontroleerd'.",
              Severity.WARNING)


def _load_records(folder: Path, root: Path, model: type[Any], problems: list[Problem]
                  ) -> list[tuple[Any, SourceDoc]]:
    out: list[tuple[Any, SourceDoc]] = []
    seen: dict[str, str] = {}
    for path in _yaml_files(folder):
        doc, found = load_yaml(path, display_path(path, root))
        problems += found
        if doc is None:
            continue
        record, found = validate(model, doc)
        problems += found
        if record is None:
            continue
        checker = _Checker(doc, problems)
        if record.id != path.stem:
            checker.add(("id",), f"de id '{record.id}' is anders dan de bestandsnaam '{path.name}'.",
                        f"noem het bestand {record.id}.yml of zet 'id: {path.stem}'.")
        if record.id in seen:
            checker.add(("id",), f"de id '{record.id}' wordt ook gebruikt in {seen[record.id]}.",
                        "geef elk bestand een eigen id en bestandsnaam.")
            continue
        seen[record.id] = doc.path
        out.append((record, doc))
    return out


def load_catalog(folders: DataFolders, today: date) -> tuple[Catalog | None, list[Problem]]:
    """Load, validate and cross-check all data of a site.

    Returns the catalog (None when there is any error) and every problem found, errors and
    warnings together, so that one run reports everything.
    """
    root = folders.root
    lists, problems = load_lists(root / folders.lists, root)
    for name in (folders.partners, folders.offerings):
        if not (root / name).is_dir():
            problems.append(Problem(name, 0, "", "deze map ontbreekt.", f"maak de map {name}/ aan."))
    partner_docs = _load_records(root / folders.partners, root, Partner, problems)
    offering_docs = _load_records(root / folders.offerings, root, Offering, problems)
    partners = {p.id: p for p, _ in partner_docs}
    for partner, doc in partner_docs:
        _check_partner(partner, _Checker(doc, problems), lists)
    for offering, doc in offering_docs:
        _check_offering(offering, _Checker(doc, problems), lists, partners)
    for record, doc in (*partner_docs, *offering_docs):
        _check_freshness(record, _Checker(doc, problems), today)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    sources = {("partner", p.id): doc.path for p, doc in partner_docs}
    sources |= {("aanbod", o.id): doc.path for o, doc in offering_docs}
    catalog = Catalog(
        lists=lists,
        partners=dict(sorted(partners.items(), key=lambda kv: kv[1].name.casefold())),
        offerings=dict(sorted(((o.id, o) for o, _ in offering_docs), key=lambda kv: sort_key(kv[1]))),
        today=today,
        sources=sources,
    )
    return catalog, problems
