"""The site's lists (themes, places, partner types, tiers, kinds, ...), read from its data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, create_model

from .loading import load_yaml
from .models import AgeBand, Area, ListItem, Municipality, Places, Record
from .problems import Problem, display_path
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


def _list_file_model(key: str, item: type[ListItem]) -> type[Record]:
    field: Any = (list[item], Field(alias=key, min_length=1))  # type: ignore[valid-type]
    return create_model(f"{key.capitalize()}File", __base__=Record, **{key: field})


LIST_FILE_MODELS = {key: _list_file_model(key, item) for key, item in LIST_FILES.items()}


@dataclass(frozen=True)
class Lists:
    """All lists of one site, each keyed by id, in file order."""

    themes: dict[str, ListItem]
    partner_types: dict[str, ListItem]
    tiers: dict[str, ListItem]
    kinds: dict[str, ListItem]
    languages: dict[str, ListItem]
    referrers: dict[str, ListItem]
    age_bands: dict[str, AgeBand]
    municipalities: dict[str, Municipality]
    areas: dict[str, Area]

    def area_label(self, area_id: str) -> str:
        """The name of a kern, wijk or municipality."""
        found = self.areas.get(area_id) or self.municipalities.get(area_id)
        return found.name if found else area_id

    def area_word(self, area_id: str) -> str:
        """What the municipality of an area calls its parts: 'kern' or 'wijk'."""
        for municipality in self.municipalities.values():
            if any(area.id == area_id for area in municipality.areas):
                return municipality.area_word
        return "gebied"


def _keyed(items: list[Any], shown: str, line_of: Any, key: str, problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for index, item in enumerate(items):
        if item.id in out:
            problems.append(Problem(shown, line_of((key, index, "id")), f"{key}[{index + 1}].id",
                                    f"de id '{item.id}' staat twee keer in deze lijst.",
                                    "geef elk item een eigen id."))
        out[item.id] = item
    return out


def load_lists(folder: Path, root: Path) -> tuple[Lists | None, list[Problem]]:
    """Read and check every list file in `folder`; all problems are returned together."""
    problems: list[Problem] = []
    loaded: dict[str, dict[str, Any]] = {}
    for key in (*LIST_FILES, PLACES_FILE):
        path = folder / f"{key}.yml"
        shown = display_path(path, root)
        if not path.exists():
            problems.append(Problem(shown, 0, "", "dit lijstbestand ontbreekt.",
                                    f"maak {shown} aan; kijk voor een voorbeeld in de standaardsite."))
            continue
        doc, found = load_yaml(path, shown)
        problems += found
        if doc is None:
            continue
        if key == PLACES_FILE:
            places, found = validate(Places, doc)
            problems += found
            if places is not None:
                municipalities = _keyed(places.municipalities, shown, doc.line_of, "gemeenten", problems)
                areas: dict[str, Area] = {}
                for m_index, municipality in enumerate(places.municipalities):
                    areas |= _keyed(municipality.areas, shown,
                                    lambda loc, i=m_index: doc.line_of(("gemeenten", i, *loc)),
                                    "gebieden", problems)
                loaded["municipalities"], loaded["areas"] = municipalities, areas
            continue
        record, found = validate(LIST_FILE_MODELS[key], doc)
        problems += found
        if record is not None:
            loaded[key] = _keyed(getattr(record, key), shown, doc.line_of, key, problems)
    if len(loaded) < len(LIST_FILES) + 2 or problems:
        return None, problems
    return Lists(
        themes=loaded["themas"], partner_types=loaded["partnertypes"], tiers=loaded["niveaus"],
        kinds=loaded["soorten"], languages=loaded["talen"], referrers=loaded["verwijzers"],
        age_bands=loaded["leeftijdsgroepen"], municipalities=loaded["municipalities"],
        areas=loaded["areas"],
    ), problems
