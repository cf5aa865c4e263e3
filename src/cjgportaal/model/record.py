"""The base of every model record, and `field`: pydantic's `Field` with the Dutch alias and the
description first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict, TypeVar, Unpack, overload

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict


class Record(BaseModel):
    """Base for every record: Dutch aliases, unknown fields refused, whitespace trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              validate_by_alias=True, validate_by_name=False,
                              coerce_numbers_to_str=True)


_T = TypeVar("_T")


class _FieldOptions(TypedDict, total=False):
    """The constraints and schema extras `field` passes on to pydantic's `Field`."""

    min_length: int
    max_length: int
    ge: float
    le: float
    allow_inf_nan: bool
    json_schema_extra: JsonDict


# `field` is pydantic's `Field` with the alias and description first. Its overloads mirror `Field`'s:
# with a default (or a default factory) the result has the default's type, so mypy checks it against
# the annotation; a required field gets `Any`, exactly as `Field` itself returns for it.
@overload
def field(alias: str, description: str, *, default: _T, **kwargs: Unpack[_FieldOptions]) -> _T: ...
@overload
def field(alias: str, description: str, *, default_factory: Callable[[], _T],
          **kwargs: Unpack[_FieldOptions]) -> _T: ...
@overload
def field(alias: str, description: str, **kwargs: Unpack[_FieldOptions]) -> Any: ...
def field(alias: str, description: str, **kwargs: Any) -> Any:
    return Field(alias=alias, description=description, **kwargs)
