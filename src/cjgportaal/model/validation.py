"""Turn loaded YAML into model records, translating every pydantic error into a Dutch `Problem`."""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..load.problems import Problem
from ..load.yaml_files import SourceDoc

M = TypeVar("M", bound=BaseModel)

# pydantic error type → (message, hint). `{input}` and `{expected}` are filled in.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("dit verplichte veld ontbreekt.", "voeg het veld toe."),
    "string_type": ("hier hoort tekst.", "zet de tekst eventueel tussen aanhalingstekens."),
    "string_too_short": ("dit veld is leeg.", "vul het in of laat het veld weg als het niet verplicht is."),
    "string_too_long": ("deze tekst is te lang (meer dan {max_length} tekens).",
                        "maak hem korter; de lange uitleg hoort in 'beschrijving'."),
    "int_type": ("hier hoort een heel getal.", "schrijf bijvoorbeeld 4."),
    "int_parsing": ("'{input}' is geen heel getal.", "schrijf bijvoorbeeld 4."),
    "float_type": ("hier hoort een getal.", "schrijf bijvoorbeeld 12.50 (met een punt)."),
    "float_parsing": ("'{input}' is geen getal.", "schrijf bijvoorbeeld 12.50 (met een punt, zonder €)."),
    "greater_than_equal": ("het getal moet minstens {ge} zijn.", "pas het getal aan."),
    "less_than_equal": ("het getal mag hoogstens {le} zijn.", "pas het getal aan."),
    "finite_number": ("'{input}' is geen getal dat de site kan tonen.", "schrijf een gewoon getal, zoals 12.50."),
    "too_long": ("deze lijst is te lang (meer dan {max_length}).",
                 "splits het op, bijvoorbeeld in een aanbod per seizoen, of laat oude data weg."),
    "bool_type": ("hier hoort true of false.", "schrijf true (ja) of false (nee)."),
    "bool_parsing": ("hier hoort true of false.", "schrijf true (ja) of false (nee)."),
    "list_type": ("hier hoort een lijst.", "zet elke waarde op een eigen regel met '- ' ervoor, "
                  "of schrijf [a, b]."),
    "too_short": ("deze lijst is leeg.", "vul minstens {min_length} waarde in."),
    "model_type": ("hier horen velden (naam: waarde) onder elkaar.",
                   "spring de velden twee spaties in onder deze veldnaam."),
    "model_attributes_type": ("hier horen velden (naam: waarde) onder elkaar.",
                              "spring de velden twee spaties in onder deze veldnaam."),
    "literal_error": ("'{input}' is geen toegestane waarde.", "kies uit: {expected}."),
    "time_type": ("hier hoort een tijd.", "schrijf de tijd tussen aanhalingstekens, zoals \"09:30\"."),
    "time_parsing": ("'{input}' is geen geldige tijd.",
                     "schrijf de tijd tussen aanhalingstekens, zoals \"09:30\"."),
    "date_type": ("hier hoort een datum.", "schrijf de datum als JJJJ-MM-DD."),
    "extra_forbidden": ("dit veld bestaat niet.", "verwijder het of controleer de spelling."),
    "string_pattern_mismatch": ("'{input}' heeft niet de goede vorm.", "kijk in de handleiding voor partners "
                                "hoe deze waarde eruitziet."),
    "dict_type": ("hier horen velden (naam: waarde) onder elkaar.",
                  "spring de velden twee spaties in onder deze veldnaam."),
}


def field_name(loc: tuple[str | int, ...]) -> str:
    """A field path as people read it: `locaties[2].postcode` (list positions count from 1)."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `list[Address] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def known_fields(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The Dutch field names allowed in the mapping at `loc` inside `model`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        by_alias = {f.alias or name: f for name, f in current.model_fields.items()}
        field = by_alias.get(part)
        current = _nested_model(field.annotation) if field else None
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _translate(model: type[BaseModel], doc: SourceDoc, err: Any) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = err["type"]
    ctx = dict(err.get("ctx") or {})
    if kind == "cjg":
        message, hint = err["msg"], ctx.get("hint", "")
        loc = (*loc, *ctx.get("field", ()))
    else:
        # A kind of error without a Dutch text of its own: never show pydantic's English.
        message, hint = _MESSAGES.get(kind, ("'{input}' past niet in dit veld.",
                                             "kijk in de handleiding voor partners wat hier hoort."))
        ctx.setdefault("input", err.get("input"))
        if "expected" in ctx:
            ctx["expected"] = str(ctx["expected"]).replace(" or ", " of ")
        message, hint = message.format_map(_Safe(ctx)), hint.format_map(_Safe(ctx))
        if kind == "extra_forbidden" and loc:
            suggestions = difflib.get_close_matches(str(loc[-1]), known_fields(model, loc[:-1]), n=1)
            if suggestions:
                hint = f"bedoelde je '{suggestions[0]}'?"
    return Problem(doc.path, doc.line_of(loc), field_name(loc), message, hint)


class _Safe(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def validate(model: type[M], doc: SourceDoc) -> tuple[M | None, list[Problem]]:
    """Build a `model` record from a loaded file, or return all its problems."""
    if not isinstance(doc.data, dict):
        found = "een lijst" if isinstance(doc.data, list) else "één losse waarde"
        return None, [Problem(doc.path, 1, "", f"het bestand bevat {found}, geen velden.",
                              "begin elke regel met een veldnaam, zoals 'titel: ...', zonder '- ' ervoor.")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_translate(model, doc, err) for err in exc.errors(include_url=False)]
