"""The catalog: all partners and offerings of a site, cross-checked, with derived facts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Any

from ..load.problems import Problem, Severity, display_path
from ..load.yaml_files import ParseCache, SourceDoc, load_yaml, yaml_files_in
from ..model.lists import Lists, load_lists
from ..model.models import (
    AgeBand,
    ContactPoint,
    CourseRun,
    Offering,
    OpeningHours,
    Partner,
    Review,
    Session,
    SignUp,
)
from ..model.vocabulary import SessionStatus
from . import availability
from .contact_point import load_contact_point
from .duplicates import duplicate_warnings
from .entry_kinds import OFFERING, PARTNER, DataFolders, EntryKind, check_entry, review_by
from .references import LIST_REFERENCES, Tables, check_references, reference_tables

# The hash of each partner's and offering's data, with the record it is of: `mkdocs serve` makes a
# new catalog after every edit, from the same records for the files that did not change (see
# `ParseCache.derived`), and hashing them all again took 0.1 s of a rebuild at 5,000 offerings.
_ENTRY_HASHES: dict[tuple[str, str], tuple[Partner | Offering, bytes]] = {}


@dataclass
class Catalog:
    """Validated partners and offerings, their lists and the build date."""

    lists: Lists
    partners: dict[str, Partner]
    offerings: dict[str, Offering]
    today: date
    files: dict[tuple[str, str], str] = field(default_factory=dict)  # ("partner"|"aanbod", id) → path
    contact_point: ContactPoint | None = None  # the loket, from data/loket.yml when present

    def partner_of(self, offering: Offering) -> Partner:
        """The partner that provides an offering."""
        return self.partners[offering.partner]

    def offerings_of(self, partner: Partner) -> list[Offering]:
        """A partner's offerings, by title (also those that stopped)."""
        return list(self._by_partner.get(partner.id, ()))

    def visible_offerings_of(self, partner: Partner) -> list[Offering]:
        """A partner's offerings shown on its page (not stopped), by title."""
        return [o for o in self.offerings_of(partner) if availability.is_listed(o)]

    @cached_property
    def _age_bands(self) -> dict[str, tuple[tuple[AgeBand, ...], frozenset[str]]]:
        return {}

    @cached_property
    def _by_partner(self) -> dict[str, list[Offering]]:
        by_partner: dict[str, list[Offering]] = {}
        for offering in sorted(self.offerings.values(), key=sort_key):
            by_partner.setdefault(offering.partner, []).append(offering)
        return by_partner

    def visible_offerings(self) -> list[Offering]:
        """Offerings shown in overviews, search results, exports and feeds (not stopped), by title."""
        return list(self._visible)

    @cached_property
    def _visible(self) -> tuple[Offering, ...]:
        return tuple(sorted((o for o in self.offerings.values() if availability.is_listed(o)), key=sort_key))

    def running_offerings(self) -> list[Offering]:
        """The visible offerings that are open for visits (not paused): their times take place."""
        return [o for o in self.visible_offerings() if availability.is_running(o)]

    def upcoming_sessions(self, offering: Offering) -> list[Session]:
        """Dated sessions from the build date on, of its runs and lone ones, earliest first; none
        while the offering is paused or stopped (see `availability`), so that no page, list or
        calendar shows them."""
        if not availability.is_running(offering):
            return []
        sessions = [*offering.lone_sessions, *(s for run in offering.course_runs for s in run.sessions)]
        return sorted((s for s in sessions if s.date >= self.today), key=_moment)

    def upcoming_items(self, offering: Offering) -> list[DatedItem]:
        """What the offering's page, the agenda and the calendars show as items, by their next
        session: each run that has a session from the build date on, with all its sessions, and
        each lone session from the build date on; none while the offering is paused or stopped."""
        if not availability.is_running(offering):
            return []
        items = [DatedItem(offering, tuple(run.sessions), run, next_session)
                 for run in offering.course_runs
                 if (next_session := next((s for s in run.sessions if s.date >= self.today), None))]
        items += [DatedItem(offering, (s,), None, s) for s in offering.lone_sessions if s.date >= self.today]
        return sorted(items, key=lambda item: _moment(item.next))

    def item_of(self, offering: Offering, session: Session) -> DatedItem:
        """The upcoming item (a run or the lone session itself) that `session` is part of."""
        for item in self.upcoming_items(offering):
            if session in item.sessions:
                return item
        return DatedItem(offering, (session,), None, session)

    def weekly_hours(self, offering: Offering) -> list[OpeningHours]:
        """The offering's weekly hours; none while it is paused or stopped."""
        return list(offering.opening_hours) if availability.is_running(offering) else []

    def age_bands_of(self, offering: Offering) -> list[AgeBand]:
        """The age bands whose range overlaps the offering's age range."""
        return list(self._age_bands_of(offering)[0])

    def age_band_ids_of(self, offering: Offering) -> frozenset[str]:
        """The ids of `age_bands_of`."""
        return self._age_bands_of(offering)[1]

    def _age_bands_of(self, offering: Offering) -> tuple[tuple[AgeBand, ...], frozenset[str]]:
        # Asked for every offering by every overview: kept, for the offerings of this catalog.
        ours = self.offerings.get(offering.id) is offering
        found = self._age_bands.get(offering.id) if ours else None
        if found is None:
            bands = tuple(b for b in self.lists.age_bands.values() if offering.age.start < b.end and b.start < offering.age.end)
            found = bands, frozenset(b.id for b in bands)
            if ours:
                self._age_bands[offering.id] = found
        return found

    def areas_of(self, offering: Offering) -> set[str]:
        """The kernen or wijken of an offering's locations; without a location (online, by phone),
        every kern or wijk its partner serves."""
        if offering.locations:
            return {location.area for location in offering.locations}
        served: set[str] = set()
        for place in self.partner_of(offering).service_area:
            municipality = self.lists.municipalities.get(place)
            served |= {a.id for a in municipality.areas} if municipality else {place}
        return served

    def is_stale(self, entry: Review) -> bool:
        """True when an entry's review date has passed."""
        return review_by(entry) < self.today

    @cached_property
    def _entry_hashes(self) -> dict[tuple[str, str], bytes]:
        entries: list[tuple[str, Partner | Offering]] = [
            *(("partner", p) for p in self.partners.values()), *(("aanbod", o) for o in self.offerings.values())]
        hashes = {}
        for kind, entry in entries:
            kept = _ENTRY_HASHES.get((kind, entry.id))
            if kept is None or kept[0] is not entry:
                kept = _ENTRY_HASHES[(kind, entry.id)] = entry, _hash(entry.model_dump_json().encode())
            hashes[(kind, entry.id)] = kept[1]
        return hashes

    @cached_property
    def _shared_hash(self) -> bytes:
        """What every page may show: the lists, the loket and the build date."""
        return _hash(repr((self.lists, self.contact_point, self.today)).encode())

    def fingerprint(self, entries: Iterable[tuple[str, str]]) -> str:
        """A hash that changes when the data behind these entries changes, given as ("partner" or
        "aanbod", id), or the lists or build date."""
        return _hash(self._shared_hash + b"".join(self._entry_hashes[e] for e in entries)).hex()

    def current_notice(self, offering: Offering) -> str:
        """The offering's short-term notice, if it still applies."""
        notice = offering.notice
        if notice is None or (notice.until is not None and notice.until < self.today):
            return ""
        return notice.text


@dataclass(frozen=True)
class DatedItem:
    """One dated item as pages and calendars show it: a course run with all its sessions, or a
    lone session (`run` None). Its status is shown once (see `availability.run_status`)."""

    offering: Offering
    sessions: tuple[Session, ...]  # in order; all of a run's, also those already past
    run: CourseRun | None
    next: Session  # the first session from the build date on

    @property
    def date(self) -> date:
        """The date of the next session: where the item stands in a list by date."""
        return self.next.date

    @property
    def start(self) -> time:
        """The start time of the next session."""
        return self.next.start

    @property
    def status(self) -> SessionStatus:
        """The status shown for the whole item: of the run, or of the lone session."""
        if self.run is None:
            return availability.session_status(self.offering, self.next)
        return availability.run_status(self.offering, self.run)

    @property
    def same_times(self) -> bool:
        """True when every session starts and ends at the same time, so that it is said once."""
        return len({(s.start, s.end) for s in self.sessions}) == 1

    @property
    def same_place(self) -> bool:
        """True when every session is at the same location, so that it is said once."""
        return len({s.location for s in self.sessions}) == 1

    def session_status(self, session: Session) -> SessionStatus:
        """The status shown for one of the item's sessions."""
        return availability.session_status(self.offering, session, self.run)

    @property
    def sign_up(self) -> SignUp | None:
        """How to sign up: the run's own way, else the offering's."""
        return (self.run.sign_up if self.run is not None else None) or self.offering.sign_up


def _moment(session: Session) -> tuple[date, time]:
    return session.date, session.start


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def sort_key(offering: Offering) -> tuple[str, str]:
    """Sort offerings by title, case-insensitively, then by id."""
    return offering.title.casefold(), offering.id


def _read_folder(folder: Path, root: Path, problems: list[Problem],
                 cache: ParseCache | None) -> list[tuple[SourceDoc, Path]]:
    docs = []
    load = cache.load_yaml if cache is not None else load_yaml
    paths, links = (cache.yaml_files_in if cache is not None else yaml_files_in)(folder, root)
    problems += links
    for path in paths:
        doc, found = load(path, display_path(path, root))
        problems += found
        if doc is not None:
            docs.append((doc, path))
    return docs


def _check_folder(kind: EntryKind, docs: list[tuple[SourceDoc, Path]], tables: Tables, today: date,
                  problems: list[Problem], cache: ParseCache | None) -> list[tuple[Any, SourceDoc]]:
    records = []
    seen: dict[str, str] = {}
    for doc, path in docs:
        record, found = check_entry(kind, doc, path, tables, seen, today, cache)
        problems += found
        if record is not None:
            records.append((record, doc))
    return records


def load_catalog(folders: DataFolders, today: date,
                 cache: ParseCache | None = None) -> tuple[Catalog | None, list[Problem]]:
    """Load, validate and cross-check all data of a site.

    Returns the catalog (None when there is any error) and every problem found, errors and
    warnings together, so that one run reports everything. With a `cache`, partner and offering
    files unchanged since an earlier call are not read again.
    """
    root = folders.root
    lists, problems = load_lists(root / folders.lists, root)
    for name in (folders.partners, folders.offerings):
        if not (root / name).is_dir():
            problems.append(Problem(name, 0, "", "deze map ontbreekt.", f"maak de map {name}/ aan."))
    partner_docs = _read_folder(PARTNER.folder(folders), root, problems, cache)
    offering_docs = _read_folder(OFFERING.folder(folders), root, problems, cache)
    tables = reference_tables(lists, [doc.data["id"] for doc, _ in partner_docs
                                      if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str)])
    partners = _check_folder(PARTNER, partner_docs, tables, today, problems, cache)
    offerings = _check_folder(OFFERING, offering_docs, tables, today, problems, cache)
    problems += duplicate_warnings(offerings)
    contact_point, found = load_contact_point(root / folders.lists, root, tables)
    problems += found
    for doc in lists.docs:
        problems += check_references(doc, LIST_REFERENCES, tables)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    catalog = Catalog(
        lists=lists,
        partners={p.id: p for p, _ in sorted(partners, key=lambda pair: pair[0].name.casefold())},
        offerings={o.id: o for o, _ in sorted(offerings, key=lambda pair: sort_key(pair[0]))},
        today=today,
        files={(kind.key, record.id): doc.path for kind, pairs in ((PARTNER, partners), (OFFERING, offerings))
               for record, doc in pairs},
        contact_point=contact_point,
    )
    return catalog, problems
