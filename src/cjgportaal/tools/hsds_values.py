"""The import's bookkeeping and its checks of single HSDS values (ids, phones, addresses, taxonomy
terms), each problem noted in the report in Dutch."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..catalog.entry_kinds import DataFolders
from ..model.fieldtypes import ID_PATTERN, Email, Phone, Postcode, WebUrl, slug
from ..model.lists import Lists
from ..render.files.hsds_taxonomy import terms
from .hsds_reading import DERIVED, label

# A longer own id is refused: the id becomes a file name, and file systems limit those.
MAX_ID_LENGTH = 100


@dataclass
class ImportResult:
    """What an import would write (path relative to the project → YAML text) and its report."""

    files: dict[str, str] = field(default_factory=dict)
    report: list[str] = field(default_factory=list)


class HsdsValues:
    """The state of one import and the checks of single values."""

    def __init__(self, folders: DataFolders, lists: Lists, today: date, maintainers: list[str]) -> None:
        self.folders = folders
        self.lists = lists
        self.today = today
        self.maintainers = maintainers or ["@cjg-coordinator"]
        self.result = ImportResult()
        self.taken: set[str] = set()
        self.matched: set[tuple[str, str, str]] = set()  # foreign terms that matched one of our lists

    def note(self, where: str, text: str) -> None:
        self.result.report.append(f"{where}: {text}")

    def unmapped(self, where: str, record: dict[str, Any], known: set[str], prefix: str) -> None:
        own = "cjg_id" in record
        for key, value in record.items():
            if value in (None, "", [], {}) or key in known:
                continue
            if key in DERIVED:
                if not own:
                    self.note(where, f"veld '{prefix}{key}' niet overgenomen: {DERIVED[key]}.")
                continue
            self.note(where, f"veld '{prefix}{key}' niet overgenomen: het CJG-model heeft er geen plek voor.")

    def new_id(self, record: dict[str, Any], name: str, kind: str, partner_id: str = "") -> str:
        """A free id for the record: its own `cjg_id` when that is a valid id, else one made from its name.

        The id becomes a file name, so nothing but a valid id gets through."""
        own = record.get("cjg_id")
        valid = isinstance(own, str) and len(own) <= MAX_ID_LENGTH and re.fullmatch(ID_PATTERN, own)
        wanted = own if valid and isinstance(own, str) else slug(name) or "import"
        candidate, n = wanted, 2
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        if own not in (None, "") and not valid:
            self.note(self.path(kind, candidate, partner_id),
                      f"veld 'cjg_id' '{label(own)}' niet overgenomen: geen geldige id (alleen kleine letters, "
                      f"cijfers en streepjes, hoogstens {MAX_ID_LENGTH} tekens); '{candidate}' gekozen.")
        return candidate

    def path(self, kind: str, entry_id: str, partner_id: str) -> str:
        """The file of an entry, relative to the project."""
        if kind == "partner":
            return f"{self.folders.partners}/{entry_id}.yml"
        return f"{self.folders.offerings}/{partner_id}/{entry_id}.yml"

    def pick(self, where: str, field_name: str, found: list[tuple[str, str, str, str]], taxonomy: str,
             default: str | None, many: bool = True) -> list[str]:
        """Codes of one of our taxonomies from attributes; foreign terms matched by code or name."""
        table = terms(self.lists, taxonomy)
        codes = [code for tax, code, _, _ in found if tax == taxonomy and code in table]
        if not codes:
            by_name = {term.name.casefold(): code for code, term in table.items()}
            foreign = [(tax, code, name) for tax, code, name, _ in found if not tax.startswith(("cjg-", "nji-"))]
            for term in foreign:
                match = term[1] if term[1] in table else by_name.get(term[2].casefold(), "")
                if match:
                    codes.append(match)
                    self.matched.add(term)
        codes = list(dict.fromkeys(codes))
        if not codes and default is not None:
            codes = [default]
            self.note(where, f"'{field_name}' staat niet in de HSDS-gegevens; '{default}' gekozen. Pas dit aan.")
        return codes if many else codes[:1]

    def area(self, where: str, found: list[tuple[str, str, str, str]], *names: str) -> str:
        areas = self.lists.areas
        codes = [code for tax, code, _, _ in found if tax == "cjg-gebieden" and code in areas]
        if codes:
            return codes[0]
        by_name = {a.name.casefold(): a.id for a in areas.values()}
        for name in names:
            if name and name.casefold() in by_name:
                return by_name[name.casefold()]
        default = next(iter(areas))
        self.note(where, f"de kern of wijk van '{next((n for n in names if n), '?')}' is onbekend; "
                         f"'{default}' gekozen. Pas 'gebied' aan.")
        return default

    def checked(self, where: str, what: str, value: Any, kind: Any) -> str | None:
        """`value` when it is a valid value of field type `kind` (a text type); otherwise None and a report line."""
        if value in (None, ""):
            return None
        text = str(value).strip().strip('"').strip()
        adapter: TypeAdapter[str] = TypeAdapter(kind)  # `kind` is an Annotated str, such as Phone
        try:
            return adapter.validate_python(text)
        except ValidationError:
            self.note(where, f"{what} '{text}' niet overgenomen: de waarde is niet geldig.")
            return None

    def phone(self, where: str, value: Any) -> str | None:
        return self.checked(where, "telefoonnummer", value, Phone)

    def web(self, where: str, value: Any) -> str | None:
        return self.checked(where, "webadres", value, WebUrl)

    def email(self, where: str, value: Any) -> str | None:
        return self.checked(where, "e-mailadres", value, Email)

    def postcode(self, where: str, value: Any) -> str | None:
        return self.checked(where, "postcode", value, Postcode)

    def day(self, where: str, name: str, value: Any) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            self.note(where, f"{name} '{value}' niet overgenomen: geen datum.")
            return None

    # --- records ------------------------------------------------------------------------------

