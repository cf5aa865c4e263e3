"""Synonyms for the sociale kaart's search: groups of words that mean the same to a visitor.

An offering whose text holds one word of a group is also found by the group's other words (see
`render.files.kaart`). Words are compared in lower case.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from .fieldtypes import Id, problem
from .record import Record, field

WORD_PATTERN = r"^[a-zà-ÿ0-9]+(?:[ -][a-zà-ÿ0-9]+)*$"


def _check_word(value: str) -> str:
    if not re.fullmatch(WORD_PATTERN, value):
        raise problem(f"'{value}' is geen geldig zoekwoord.",
                      "schrijf het woord in kleine letters, zonder leestekens, zoals 'slaapproblemen' "
                      "of 'gescheiden ouders'.")
    return value


Word = Annotated[str, Field(min_length=2, max_length=60), AfterValidator(_check_word),
                 WithJsonSchema({"type": "string", "pattern": WORD_PATTERN})]


class SynonymGroup(Record):
    """Words that visitors use for the same question, such as 'schoolverzuim' and 'spijbelen'."""

    id: Id = field("id", "Korte, vaste naam van de groep, zoals 'schoolverzuim'.")
    words: list[Word] = field("woorden", "De woorden die hetzelfde betekenen; minstens twee.", min_length=2)

    @model_validator(mode="after")
    def _distinct(self) -> SynonymGroup:
        seen: set[str] = set()
        for index, word in enumerate(self.words):
            if word in seen:
                raise problem(f"het woord '{word}' staat twee keer in deze groep.",
                              "haal het dubbele woord weg.", ("woorden", index))
            seen.add(word)
        return self
