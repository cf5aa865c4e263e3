"""The site's lists (themes, places, partner types, tiers, kinds, ...), read from its data folder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field, create_model

from ..load.problems import Problem, display_path
from ..load.yaml_files import SourceDoc, load_yaml
from .models import AgeBand, Area, Helpline, ListItem, Municipality, Places, ReferralRoute, YouthWorker
from .record import Record
from .synonyms import SynonymGroup
from .validation import validate

# file stem → item model; each file holds a mapping with one key, the file stem, and a list.
LIST_FILES: dict[str, type[ListItem]] = {
    "themas": ListItem,
    "partnertypes": ListItem,
    "niveaus": ListItem,
    "soorten": ListItem,
    "talen": ListItem,
    "verwijzers": ListItem,
    "leeftijdsgroepen": AgeBand,
}
PLACES_FILE = "plaatsen"
SYNONYMS_FILE = "synoniemen"
# Lists a site may leave out: a missing file means an empty list.
OPTIONAL_FILES: dict[str, type[Record]] = {"jongerenwerkers": YouthWorker, "hulplijnen": Helpline,
                                           "verwijswijzer": ReferralRoute, SYNONYMS_FILE: SynonymGroup}


def _list_file_model(key: str, item: type[Record]) -> type[Record]:
    field: Any = (list[item], Field(alias=key, min_length=1))  # type: ignore[valid-type]
    return create_model(f"{key.capitalize()}File", __base__=Record, **{key: field})


LIST_FILE_MODELS = {key: _list_file_model(key, item) for key, item in {**LIST_FILES, **OPTIONAL_FILES}.items()}


@dataclass(frozen=True)
class Lists:
    """All lists of one site, each keyed by id, in file order.

    `failed` names the list files that could not be read; their lists are empty.
    """

    themes: dict[str, ListItem] = field(default_factory=dict)
    partner_types: dict[str, ListItem] = field(default_factory=dict)
    tiers: dict[str, ListItem] = field(default_factory=dict)
    kinds: dict[str, ListItem] = field(default_factory=dict)
    languages: dict[str, ListItem] = field(default_factory=dict)
    referrers: dict[str, ListItem] = field(default_factory=dict)
    age_bands: dict[str, AgeBand] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    youth_workers: dict[str, YouthWorker] = field(default_factory=dict)
    helplines: dict[str, Helpline] = field(default_factory=dict)
    referral_routes: dict[str, ReferralRoute] = field(default_factory=dict)
    synonyms: dict[str, SynonymGroup] = field(default_factory=dict)
    failed: frozenset[str] = frozenset()
    docs: tuple[SourceDoc, ...] = ()  # the optional files, for cross-file checks

    def table(self, key: str) -> Mapping[str, Any] | None:
        """The entries of the list file `key` by id, or None when that file could not be read."""
        if key in self.failed:
            return None
        tables: dict[str, Mapping[str, Any]] = {
            "themas": self.themes, "partnertypes": self.partner_types, "niveaus": self.tiers,
            "soorten": self.kinds, "talen": self.languages, "verwijzers": self.referrers,
            "leeftijdsgroepen": self.age_bands, "gebieden": self.areas,
            PLACES_FILE: {**self.municipalities, **self.areas},
        }
        return tables[key]

    def area_label(self, area_id: str) -> str:
        """The name of a kern, wijk or municipality."""
        found = self.areas.get(area_id) or self.municipalities.get(area_id)
        return found.name if found else area_id

    @cached_property
    def _municipality_of_area(self) -> dict[str, Municipality]:
        # Looked up for every location: a country has hundreds of municipalities.
        found: dict[str, Municipality] = {}
        for municipality in self.municipalities.values():
            for area in municipality.areas:
                found.setdefault(area.id, municipality)
        return found

    def municipality_of(self, place_id: str) -> Municipality | None:
        """The municipality of a kern or wijk, or the municipality `place_id` names; None for neither."""
        return self._municipality_of_area.get(place_id) or self.municipalities.get(place_id)

    def area_word(self, area_id: str) -> str:
        """What the municipality of an area calls its parts: 'kern' or 'wijk'."""
        municipality = self._municipality_of_area.get(area_id)
        return municipality.area_word if municipality else "gebied"


def _keyed(items: list[Any], shown: str, line_of: Any, key: str, problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for index, item in enumerate(items):
        if item.id in out:
            problems.append(Problem(shown, line_of((key, index, "id")), f"{key}[{index + 1}].id",
                                    f"de id '{item.id}' staat twee keer in deze lijst.",
                                    "geef elk item een eigen id."))
        out[item.id] = item
    return out


def _distinct_words(groups: list[SynonymGroup], shown: str, line_of: Any, problems: list[Problem]) -> None:
    # A word in two groups would join both groups' offerings; the editor should choose one.
    first: dict[str, str] = {}
    for g_index, group in enumerate(groups):
        for w_index, word in enumerate(group.words):
            if word in first and first[word] != group.id:
                problems.append(Problem(
                    shown, line_of((SYNONYMS_FILE, g_index, "woorden", w_index)),
                    f"{SYNONYMS_FILE}[{g_index + 1}].woorden[{w_index + 1}]",
                    f"het woord '{word}' staat ook in de groep '{first[word]}'.",
                    "zet elk woord in één groep, of voeg de twee groepen samen."))
            first.setdefault(word, group.id)


def load_lists(folder: Path, root: Path) -> tuple[Lists, list[Problem]]:
    """Read and check every list file in `folder`; all problems are returned together."""
    problems: list[Problem] = []
    loaded: dict[str, dict[str, Any]] = {}
    failed: set[str] = set()
    docs: list[SourceDoc] = []
    for key in (*LIST_FILES, PLACES_FILE, *OPTIONAL_FILES):
        path = folder / f"{key}.yml"
        if key in OPTIONAL_FILES and not path.exists():
            continue
        shown = display_path(path, root)
        before = len(problems)
        doc = _load_list(key, path, shown, loaded, problems)
        if doc is not None and key in OPTIONAL_FILES:
            docs.append(doc)
        if len(problems) > before:
            failed |= {key, "gebieden"} if key == PLACES_FILE else {key}
    return Lists(
        themes=loaded.get("themas", {}), partner_types=loaded.get("partnertypes", {}),
        tiers=loaded.get("niveaus", {}), kinds=loaded.get("soorten", {}),
        languages=loaded.get("talen", {}), referrers=loaded.get("verwijzers", {}),
        age_bands=loaded.get("leeftijdsgroepen", {}), municipalities=loaded.get("municipalities", {}),
        areas=loaded.get("areas", {}), youth_workers=loaded.get("jongerenwerkers", {}),
        helplines=loaded.get("hulplijnen", {}), referral_routes=loaded.get("verwijswijzer", {}),
        synonyms=loaded.get(SYNONYMS_FILE, {}),
        failed=frozenset(failed), docs=tuple(docs),
    ), problems


def _load_list(key: str, path: Path, shown: str, loaded: dict[str, dict[str, Any]],
               problems: list[Problem]) -> SourceDoc | None:
    if not path.exists():
        problems.append(Problem(shown, 0, "", "dit lijstbestand ontbreekt.",
                                f"maak {shown} aan; kijk voor een voorbeeld in de standaardsite."))
        return None
    doc, found = load_yaml(path, shown)
    problems += found
    if doc is None:
        return None
    if key == PLACES_FILE:
        places, found = validate(Places, doc)
        problems += found
        if places is not None:
            municipalities = _keyed(places.municipalities, shown, doc.line_of, "gemeenten", problems)
            areas: dict[str, Area] = {}
            owner: dict[str, str] = {m.id: m.name for m in places.municipalities}
            for m_index, municipality in enumerate(places.municipalities):
                areas |= _keyed(municipality.areas, shown,
                                lambda loc, i=m_index: doc.line_of(("gemeenten", i, *loc)),
                                "gebieden", problems)
                # An id in two gemeenten would put one gemeente's offerings in the other's kaart.
                for a_index, area in enumerate(municipality.areas):
                    if owner.setdefault(area.id, municipality.name) != municipality.name or area.id in municipalities:
                        problems.append(Problem(
                            shown, doc.line_of(("gemeenten", m_index, "gebieden", a_index, "id")),
                            f"gemeenten[{m_index + 1}].gebieden[{a_index + 1}].id",
                            f"de id '{area.id}' hoort al bij {owner[area.id]}.",
                            f"geef elk gebied een id die in het hele bestand uniek is, bijvoorbeeld "
                            f"'{municipality.id.removeprefix('gemeente-')}-{area.id}'."))
            loaded["municipalities"], loaded["areas"] = municipalities, areas
        return doc
    record, found = validate(LIST_FILE_MODELS[key], doc)
    problems += found
    if record is not None:
        loaded[key] = _keyed(getattr(record, key), shown, doc.line_of, key, problems)
        if key == SYNONYMS_FILE:
            _distinct_words(getattr(record, key), shown, doc.line_of, problems)
    return doc
