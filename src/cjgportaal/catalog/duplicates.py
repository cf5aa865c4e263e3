"""Likely duplicate offerings: the same partner with a near-identical title, or the same title at
the same place. Reported as warnings, since two sessions of one course can be meant.

Comparing every pair of a partner's titles grows with the square of its size, so the titles are
first indexed by their character q-grams, and a title is only compared with the earlier titles
the index can not rule out. The index rules out only pairs that can not be similar, so the same
duplicates are found as by comparing every pair (see `_required_overlap`).
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain, islice

from ..load.problems import Problem, Severity
from ..load.yaml_files import SourceDoc
from ..model.models import Offering

SIMILAR_TITLE = 0.9
Q = 3  # the length of the character grams the titles are indexed by
MEETINGS = 8  # how many of their first grams two titles must share to be compared (at most t)
HEAD = 256  # how many postings are merged before the rest are counted

Gram = tuple[str, int]  # a q-gram and which occurrence of it in the title: a multiset as a set


def _similar(matcher: difflib.SequenceMatcher[str], earlier: str) -> bool:
    """Whether the earlier title is similar to the matcher's title (its second sequence, which
    SequenceMatcher analyses once for all the earlier titles it is compared with)."""
    matcher.set_seq1(earlier)
    # The quick upper bounds first: most pairs fail them, and ratio() is slow.
    return (matcher.real_quick_ratio() >= SIMILAR_TITLE and matcher.quick_ratio() >= SIMILAR_TITLE
            and matcher.ratio() >= SIMILAR_TITLE)


def _grams(title: str) -> frozenset[Gram]:
    seen: Counter[str] = Counter()
    grams = []
    for start in range(len(title) - Q + 1):
        gram = title[start:start + Q]
        grams.append((gram, seen[gram]))
        seen[gram] += 1
    return frozenset(grams)


def _required_overlap(length: int, other: int | None = None) -> int:
    """How many q-grams a title of this length shares with any title it is similar to (of the
    `other` length, or of any length).

    Similar means 2M/T >= 0.9, with M the characters SequenceMatcher matches (in order, so at most
    their longest common subsequence) and T both lengths together. So the titles are at most
    T - 2M <= T/10 insertions and deletions apart; and as M is at most the shorter length, the
    longer is at most 11/9 of the shorter, so that is at most 2/9 of this title's length. Each
    edit breaks at most Q of this title's q-grams; the others occur in the other title too.
    """
    edits = 2 * length // 9 if other is None else (length + other) // 10
    return length - Q + 1 - Q * edits


def _fitting_lengths(length: int) -> range:
    """The lengths a title similar to one of this length can have: M <= the shorter length makes
    the longer at most 11/9 of the shorter."""
    return range(-(-9 * length // 11), 11 * length // 9 + 1)


def _may_be_similar(a: str, a_grams: frozenset[Gram], b: str, b_grams: frozenset[Gram]) -> bool:
    shared = len(a_grams & b_grams)
    return shared >= _required_overlap(len(a), len(b)) and shared >= _required_overlap(len(b), len(a))


def _met(postings: list[list[int]], meet: int, meetings: list[int]) -> Iterator[int]:
    """The titles that at least k of the (ascending) postings hold, in order, lazily: often the
    first is similar and the rest need not be counted. The first few are found by merging the
    postings; the rest, if asked for, by counting them all, which is much quicker per title."""
    head = list(islice(heapq.merge(*postings), HEAD))
    complete = head[-1] if len(head) == HEAD else None  # the titles before it are counted in full
    for earlier, count in Counter(head).items():
        if earlier == complete:
            break
        if count >= min(meet, meetings[earlier]):
            yield earlier
    if complete is not None:
        counts = Counter(chain.from_iterable(postings))
        yield from sorted(earlier for earlier, count in counts.items()
                          if earlier >= complete and count >= min(meet, meetings[earlier]))


@lru_cache(maxsize=100_000)  # `mkdocs serve` loads again after an edit: most partners' titles are as they were
def _similar_earlier(titles: tuple[str, ...]) -> tuple[int | None, ...]:
    """For each title (casefolded), the first earlier title it is similar to, by index.

    A prefix filter. Put the grams of every title in one order, rarest first. If two titles share
    at least t_a and t_b grams, the first k they share (k <= both t) are among the first
    n_a - t_a + k grams of the one and the first n_b - t_b + k of the other (n: the number of
    grams): each has at least t - k shared grams after it. Only those first grams are indexed, by
    gram and title length, and looked up for the lengths that fit; a title is compared only with
    the titles it meets at least k times there. A title that need share no gram (t <= 0) is
    compared with every earlier title of a fitting length, and every later one with it; only very
    short titles are like that.
    """
    grams = [_grams(title) for title in titles]
    frequency = Counter(gram for title_grams in grams for gram in title_grams)
    index: dict[tuple[Gram, int], list[int]] = defaultdict(list)
    by_length: dict[int, list[int]] = defaultdict(list)
    meetings: list[int] = []  # for each title, its k
    unindexed: list[int] = []  # titles that need share no gram with a similar one
    found: list[int | None] = []
    for number, (title, title_grams) in enumerate(zip(titles, grams, strict=True)):
        required = _required_overlap(len(title))
        lengths = _fitting_lengths(len(title))
        meet = min(MEETINGS, required)
        meetings.append(meet)
        prefix: list[Gram] = []
        if required <= 0:
            candidates: Iterable[int] = sorted(
                earlier for length in lengths for earlier in by_length.get(length, ()))
        else:
            prefix = sorted(title_grams, key=lambda gram: (frequency[gram], gram))[:len(title_grams) - required + meet]
            postings = [index[gram, length] for gram in prefix for length in lengths if (gram, length) in index]
            candidates = heapq.merge(_met(postings, meet, meetings),
                                     (earlier for earlier in unindexed if len(titles[earlier]) in lengths))
        matcher = difflib.SequenceMatcher(None, "", title)
        found.append(next((
            earlier for earlier in candidates
            if _may_be_similar(titles[earlier], grams[earlier], title, title_grams)
            and _similar(matcher, titles[earlier])), None))
        # Only now: the candidates above are read lazily from these lists.
        if required <= 0:
            unindexed.append(number)
        for gram in prefix:
            index[gram, len(title)].append(number)
        by_length[len(title)].append(number)
    return tuple(found)


def duplicate_warnings(offerings: Sequence[tuple[Offering, SourceDoc]]) -> list[Problem]:
    """A warning at the later file of every likely duplicate pair.

    Only offerings of the same partner are compared with each other, and same-title pairs are
    found by title, so the cost grows with the size of a partner, not with the whole region; within
    a partner, an index of the titles keeps it near-linear too.
    """
    by_partner: dict[str, list[int]] = defaultdict(list)
    for number, (offering, _doc) in enumerate(offerings):
        by_partner[offering.partner].append(number)
    similar: dict[int, int] = {}
    for numbers in by_partner.values():
        earlier = _similar_earlier(tuple(offerings[number][0].title.casefold() for number in numbers))
        similar |= {number: numbers[e] for number, e in zip(numbers, earlier, strict=True) if e is not None}
    problems = []
    by_title: dict[str, list[tuple[Offering, SourceDoc]]] = defaultdict(list)
    for number, (offering, doc) in enumerate(offerings):
        areas = {location.area for location in offering.locations}
        same_place = (e for e in by_title[offering.title.casefold()]
                      if areas & {location.area for location in e[0].locations})
        match = offerings[similar[number]] if number in similar else next(same_place, None)
        if match is not None:
            problems.append(Problem(
                doc.path, doc.line_of(("titel",)), "titel",
                f"dit aanbod lijkt op '{match[0].title}' in {match[1].path}.",
                "staat hetzelfde aanbod twee keer op de site? Voeg de bestanden samen, of maak de "
                "titels duidelijk verschillend.", Severity.WARNING))
        by_title[offering.title.casefold()].append((offering, doc))
    return problems
