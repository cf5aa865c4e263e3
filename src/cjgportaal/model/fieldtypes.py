"""Field types shared by the models: each checks one kind of value and explains itself in Dutch."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from typing import Annotated, Any
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FIRST_DATE, LAST_DATE = date(1970, 1, 1), date(2100, 12, 31)  # dates outside are typing errors
MAX_TEXT = 20_000  # characters in a longer text such as 'beschrijving'
MAX_AMOUNT = 100_000  # euros, for 'kosten.bedrag'
MAX_SESSIONS = 500  # dated sessions of one offering or run, and runs of one offering
MAX_PLACES = 10_000  # participants of one course run
ALLOWED_LINK_SCHEMES = ("http", "https", "mailto", "tel")


def problem(message: str, hint: str, field: str | tuple[str | int, ...] = "") -> PydanticCustomError:
    """A validation error with a Dutch message and a hint on how to fix it.

    `field` names the sub-field a record-level rule is about, so the message points at its line: a
    name, or a path such as ("bijeenkomsten", 2) for the third item of a list.
    """
    # Braces would be read as placeholders by pydantic; user text may contain them.
    path = (field,) if isinstance(field, str) and field else field or ()
    return PydanticCustomError("cjg", message.replace("{", "(").replace("}", ")"),
                               {"hint": hint, "field": tuple(path)})


def _check_id(value: str) -> str:
    if not re.fullmatch(ID_PATTERN, value):
        raise problem(f"'{value}' is geen geldige id.",
                      "gebruik alleen kleine letters, cijfers en streepjes, zoals 'peuter-in-zicht'.")
    return value


def _check_web_url(value: str) -> str:
    _check_line(value)
    try:
        parts = urlsplit(value)
    except ValueError:  # such as a broken [IPv6] host
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or "@" in parts.netloc:
        raise problem(f"'{value}' is geen geldig webadres.",
                      "schrijf het volledige adres met https://, zoals https://www.voorbeeld.nl.")
    return value



def _check_email(value: str) -> str:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise problem(f"'{value}' is geen geldig e-mailadres.",
                      "schrijf het als naam@organisatie.nl, zonder spaties.") from None
    return value


def is_short_number(number: phonenumbers.PhoneNumber) -> bool:
    """True for Dutch short numbers such as 112 and 113, which have no area code."""
    return phonenumbers.is_valid_short_number_for_region(number, "NL")


def _check_phone(value: Any) -> Any:
    text = str(value)
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not (phonenumbers.is_valid_number(number) or is_short_number(number)):
        raise problem(f"'{text}' is geen geldig telefoonnummer.",
                      "schrijf het hele nummer met netnummer, zoals 0321 123 456 of 0800 1234, "
                      "tussen aanhalingstekens.")
    return text


def _check_postcode(value: str) -> str:
    if not re.fullmatch(r"[1-9][0-9]{3} ?[A-Z]{2}", value):
        raise problem(f"'{value}' is geen geldige postcode.",
                      "schrijf vier cijfers en twee hoofdletters, zoals 8251 EX.")
    return value


def _check_handle(value: str) -> str:
    if not re.fullmatch(r"@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", value):
        raise problem(f"'{value}' is geen geldige GitHub-gebruikersnaam.",
                      "schrijf de naam zoals op GitHub, bijvoorbeeld @jansen-ggd.")
    return value if value.startswith("@") else f"@{value}"


def _parse_date(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise problem(f"de datum {value} bestaat niet.",
                          "controleer dag en maand; de vorm is JJJJ-MM-DD.") from None
    if not isinstance(value, date):
        raise problem(f"'{value}' is geen datum.", "schrijf de datum als JJJJ-MM-DD, zoals 2027-03-14.")
    if not FIRST_DATE <= value <= LAST_DATE:
        raise problem(f"de datum {value.isoformat()} ligt buiten {FIRST_DATE.year}–{LAST_DATE.year}.",
                      "controleer het jaartal.")
    return value


# Characters that can hide or reorder text, or break the files the site writes: bidi controls,
# zero-width spaces and the byte-order mark. (Zero-width joiners stay: emoji and some scripts need them.)
_HIDDEN = frozenset("\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")


def _bad_character(value: str, allowed: str) -> str | None:
    """The first character of `value` a text may not hold (`allowed`: controls it may)."""
    visible = value
    for char in allowed:
        visible = visible.replace(char, "")
    if visible.isprintable():  # the common case, quickly: no control, format, private or unassigned character
        return None
    for char in value:
        if char in allowed:
            continue
        if char in _HIDDEN or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            return char
    return None


def _refuse(char: str) -> PydanticCustomError:
    if char in "\n\r":
        return problem("deze tekst moet op één regel staan.", "haal de regelovergang weg.")
    return problem(f"de tekst bevat een onzichtbaar of stuurteken (U+{ord(char):04X}).",
                   "typ de tekst opnieuw of plak hem als platte tekst, zonder opmaak.")


def _check_line(value: str) -> str:
    char = _bad_character(value, "")
    if char is not None:
        raise _refuse(char)
    return value


def _check_text(value: str) -> str:
    char = _bad_character(value, "\n\t")
    if char is not None:
        raise _refuse(char)
    return value


def _parse_age(value: Any) -> int:
    """Read an age as months: 4, '4 jaar', '18 maanden', '-9 maanden' or 'zwangerschap'."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        return value * 12
    text = str(value).strip().lower()
    if text == "zwangerschap":
        return -9
    match = re.fullmatch(r"(-?\d+)\s*(jaar|maand|maanden)?", text)
    if not match:
        raise problem(f"'{value}' is geen leeftijd.",
                      "schrijf bijvoorbeeld 4, '4 jaar', '18 maanden' of 'zwangerschap'.")
    number = int(match.group(1))
    return number if match.group(2) in ("maand", "maanden") else number * 12


_STRING = {"type": "string"}
Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
WebUrl = Annotated[str, AfterValidator(_check_web_url),
                   WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
Email = Annotated[str, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})]
Phone = Annotated[str, BeforeValidator(_check_phone), WithJsonSchema(_STRING)]
Postcode = Annotated[str, AfterValidator(_check_postcode),
                     WithJsonSchema({"type": "string", "pattern": "^[1-9][0-9]{3} ?[A-Z]{2}$"})]
GithubHandle = Annotated[str, AfterValidator(_check_handle), WithJsonSchema(_STRING)]
Date = Annotated[date, BeforeValidator(_parse_date), WithJsonSchema({"type": "string", "format": "date"})]
AgeMonths = Annotated[
    int,
    BeforeValidator(_parse_age),
    WithJsonSchema({"oneOf": [
        {"type": "integer", "description": "leeftijd in jaren"},
        {"type": "string", "pattern": r"^(zwangerschap|-?\d+ ?(jaar|maand|maanden)?)$"},
    ]}),
]
TimeOfDay = Annotated[time, WithJsonSchema({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"})]
# Text: one line (ShortText required, Line optional), or a longer text with line breaks.
ShortText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_check_line)]
Line = Annotated[str, Field(max_length=300), AfterValidator(_check_line)]
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_check_text)]


def listed(list_name: str) -> dict[str, Any]:
    """JSON-schema marker for a value that must come from one of the site's data lists."""
    return {"x-lijst": list_name}

def slug(text: str) -> str:
    """An id from a title: 'Beter omgaan met pubers!' → 'beter-omgaan-met-pubers'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
