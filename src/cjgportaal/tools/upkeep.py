"""Keeping the data owned and current: CODEOWNERS from the maintainers, and the stale report."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.catalog import Catalog
from ..catalog.clock import months_before
from ..catalog.entry_kinds import review_by
from ..model.models import Offering, Partner

CODEOWNERS_HEADER = ("# Gemaakt door `cjg codeowners` uit de velden 'beheerders'; niet met de hand aanpassen.\n"
                     "# Wijzigingen in een bestand worden beoordeeld door de beheerders van die partner of\n"
                     "# door de coördinator.\n")


def codeowners(catalog: Catalog, coordinators: list[str]) -> str:
    """A CODEOWNERS file: each partner file and each offering file owned by the partner's maintainers
    and the coordinators; everything else by the coordinators."""
    lines = [CODEOWNERS_HEADER]
    team = " ".join(coordinators)
    if team:
        lines.append(f"* {team}")
    for (kind, entry_id), path in sorted(catalog.files.items(), key=lambda item: item[1]):
        partner = catalog.partners[entry_id] if kind == "partner" else catalog.partner_of(catalog.offerings[entry_id])
        owners = list(dict.fromkeys([*partner.maintainers, *coordinators]))
        lines.append(f"/{path.replace(' ', chr(92) + ' ')} {' '.join(owners)}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class StaleEntry:
    """An entry that needs checking, and why."""

    kind: str
    entry: Partner | Offering
    path: str
    reason: str




def stale_entries(catalog: Catalog, months: int) -> dict[str, list[StaleEntry]]:
    """Entries past their review date or not checked for `months` months, by partner id."""
    limit = months_before(catalog.today, months)
    out: dict[str, list[StaleEntry]] = {}
    for (kind, entry_id), path in sorted(catalog.files.items(), key=lambda item: item[1]):
        entry: Partner | Offering = catalog.partners[entry_id] if kind == "partner" else catalog.offerings[entry_id]
        partner_id = entry_id if kind == "partner" else catalog.offerings[entry_id].partner
        if review_by(entry) < catalog.today:
            reason = f"had vóór {review_by(entry).isoformat()} nagekeken moeten worden"
        elif entry.checked < limit:
            reason = f"niet meer nagekeken sinds {entry.checked.isoformat()} (langer dan {months} maanden)"
        else:
            continue
        out.setdefault(partner_id, []).append(StaleEntry(kind, entry, path, reason))
    return out


def stale_report(catalog: Catalog, months: int) -> str:
    """The stale entries as Markdown, grouped by partner with its maintainers (for an issue)."""
    groups = stale_entries(catalog, months)
    lines = [f"# Na te kijken gegevens (peildatum {catalog.today.isoformat()})", ""]
    if not groups:
        return "\n".join([*lines, "Alle gegevens zijn op tijd nagekeken.", ""])
    total = sum(len(entries) for entries in groups.values())
    lines += [f"{total} bestanden moeten worden nagekeken. Kijk de gegevens na, pas aan wat niet meer "
              "klopt en zet de datum van vandaag bij `gecontroleerd`.", ""]
    for partner_id in sorted(groups, key=lambda pid: catalog.partners[pid].name.casefold()):
        partner = catalog.partners[partner_id]
        lines += [f"## {partner.name}", "", f"Beheerders: {', '.join(partner.maintainers)}", ""]
        for item in groups[partner_id]:
            what = "partner" if item.kind == "partner" else "aanbod"
            title = item.entry.name if isinstance(item.entry, Partner) else item.entry.title
            lines.append(f"- [ ] {what} **{title}** (`{item.path}`): {item.reason}")
        lines.append("")
    return "\n".join(lines)
