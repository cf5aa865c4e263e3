"""The duplicate check on a large partner: it finishes, and finds exactly what comparing every
pair of titles finds."""

from __future__ import annotations

import difflib
import random
from datetime import date
from pathlib import Path

from cjgportaal.catalog.catalog import load_catalog
from cjgportaal.catalog.duplicates import SIMILAR_TITLE, duplicate_warnings
from cjgportaal.catalog.entry_kinds import DataFolders
from cjgportaal.load.yaml_files import SourceDoc
from cjgportaal.model.models import Offering

TODAY = date(2026, 11, 22)
WORDS = ["ouders", "peuters", "baby", "kinderen", "jongeren", "cursus", "training", "groep", "spreekuur",
         "opvoeden", "slapen", "eten", "school", "gevoelens", "gezin", "scheiding", "rouw", "pesten", "sport",
         "spel", "taal", "lezen", "voeding", "inloop", "steun", "hulp", "thuis", "wijk", "dronten", "moeders",
         "vaders", "online", "avond", "samen", "sterk", "muziek", "koken", "digitaal", "veilig"]


def _titles(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    titles = []
    for number in range(count):
        kind = number % 4
        if kind == 0:
            titles.append(" ".join(rng.sample(WORDS, rng.randint(1, 6))).capitalize())
        elif kind == 1:
            titles.append(f"Aanbod {rng.getrandbits(40):010x}")
        elif kind == 2:
            titles.append(rng.choice("abcxyz") * rng.randint(1, 4))  # very short titles
        else:  # a variant of an earlier title: a few characters changed, added or left out
            chars = list(rng.choice(titles))
            for _ in range(rng.randint(0, 3)):
                at = rng.randrange(len(chars) + 1)
                if rng.random() < 0.5:
                    chars.insert(at, rng.choice("abc!1 "))
                else:
                    del chars[at:at + 1]
            titles.append("".join(chars) or "x")
    return titles


def _offerings(mini: Path, titles: list[str]) -> list[tuple[Offering, SourceDoc]]:
    catalog, problems = load_catalog(DataFolders(mini), TODAY)
    assert catalog is not None, problems
    [offering] = catalog.offerings.values()
    return [(offering.model_copy(update={"id": f"aanbod-{number}", "title": title}),
             SourceDoc(f"offerings/aanbod-{number:05}.yml", {})) for number, title in enumerate(titles)]


def _every_pair(titles: list[str]) -> dict[int, int]:
    """The first earlier similar title of each title, by comparing every pair."""
    found = {}
    for number, title in enumerate(titles):
        for earlier in range(number):
            if difflib.SequenceMatcher(None, titles[earlier].casefold(), title.casefold()).ratio() >= SIMILAR_TITLE:
                found[number] = earlier
                break
    return found


def test_same_duplicates_as_comparing_every_pair(mini: Path) -> None:
    titles = _titles(600, seed=7)
    warnings = duplicate_warnings(_offerings(mini, titles))
    expected = _every_pair(titles)
    assert [w.file for w in warnings] == [f"offerings/aanbod-{n:05}.yml" for n in sorted(expected)]
    for warning, (_number, earlier) in zip(warnings, sorted(expected.items()), strict=True):
        assert warning.message.endswith(f"in offerings/aanbod-{earlier:05}.yml.")


def test_five_thousand_offerings_of_one_partner(mini: Path) -> None:
    rng = random.Random(3)
    titles = [f"{' '.join(rng.sample(WORDS, 4)).capitalize()} {number}" for number in range(5000)]
    planted = {1234: 17, 4321: 2500}
    for copy, original in planted.items():
        titles[copy] = titles[original] + "!"
    warnings = duplicate_warnings(_offerings(mini, titles))
    for copy, original in planted.items():
        assert any(w.file == f"offerings/aanbod-{copy:05}.yml"
                   and f"lijkt op '{titles[original]}'" in w.message for w in warnings)
