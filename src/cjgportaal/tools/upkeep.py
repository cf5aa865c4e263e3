"""Keeping the data owned and current: CODEOWNERS from the maintainers, and the stale report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..catalog.catalog import Catalog
from ..catalog.clock import months_before
from ..catalog.entry_kinds import DataFolders, review_by
from ..model.fieldtypes import ID_PATTERN
from ..model.models import Offering, Partner

CODEOWNERS_HEADER = ("# Gemaakt door `cjg codeowners` uit de velden 'beheerders'; niet met de hand aanpassen.\n"
                     "# Wijzigingen in een bestand worden beoordeeld door de beheerders van die partner of\n"
                     "# door de coördinator.\n")
# Paths only the coordinators own. CODEOWNERS lets the last matching line win, so these come after
# the partners' lines: no line about a partner's file can take them over.
PROTECTED = (".github/", "src/", "content/", "theme/", "scripts/", ".ci/", "schemas/", "mkdocs.yml",
             "CODEOWNERS", "docs/CODEOWNERS", "pyproject.toml", "uv.lock", "package.json", "package-lock.json")
# A GitHub user (@name) or team (@org/team); nothing else may stand on a CODEOWNERS line.
HANDLE = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?")
# One part of a path: no whitespace, '#', '*', '?', '!', '[', ']', backslash or leading dot.
PATH_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")


def _handles(names: list[str]) -> list[str]:
    return [name for name in dict.fromkeys(names) if HANDLE.fullmatch(name)]


def _owned_path(path: str, folder: str, entry_id: str) -> str | None:
    """`path` when it is a file of entry `entry_id` inside `folder`, made of safe parts only."""
    parts = path.split("/")
    stem, dot, suffix = parts[-1].rpartition(".")
    inside = path.startswith(folder.rstrip("/") + "/") and all(PATH_PART.fullmatch(part) for part in parts)
    if inside and dot and suffix in ("yml", "yaml") and stem == entry_id and re.fullmatch(ID_PATTERN, entry_id):
        return path
    return None


def codeowner_lines(catalog: Catalog, coordinators: list[str],
                    folders: DataFolders | None = None) -> tuple[list[str], list[str]]:
    """The lines of CODEOWNERS, and the files left out because their path or owners are not safe."""
    names = folders or DataFolders(Path())
    team = _handles(coordinators)
    lines, skipped = [CODEOWNERS_HEADER], []
    if team:
        lines.append(f"* {' '.join(team)}")
    for (kind, entry_id), path in sorted(catalog.files.items(), key=lambda item: item[1]):
        partner = catalog.partners[entry_id] if kind == "partner" else catalog.partner_of(catalog.offerings[entry_id])
        safe = _owned_path(path, names.partners if kind == "partner" else names.offerings, entry_id)
        owners = _handles([*partner.maintainers, *team])
        if safe is None or not owners:
            skipped.append(path)
            continue
        lines.append(f"/{safe} {' '.join(owners)}")
    lists = names.lists.strip("/")
    protected = [*PROTECTED, *([f"{lists}/"] if all(PATH_PART.fullmatch(part) for part in lists.split("/")) else [])]
    if team:
        lines += [f"/{name} {' '.join(team)}" for name in protected]
    return lines, skipped


def codeowners(catalog: Catalog, coordinators: list[str], folders: DataFolders | None = None) -> str:
    """A CODEOWNERS file: each partner file and each offering file owned by the partner's maintainers
    and the coordinators; everything else, and the protected paths in any case, by the coordinators."""
    return "\n".join(codeowner_lines(catalog, coordinators, folders)[0]) + "\n"


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


def code_span(text: str) -> str:
    """`text` as one Markdown code span, which GitHub shows as it is: no mention, issue link, link,
    image, HTML or emphasis."""
    text = "".join(ch for ch in " ".join(text.split()) if ch.isprintable()) or " "
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""  # a space keeps a backtick apart from the fence
    return f"{fence}{pad}{text}{pad}{fence}"


def _mentions(maintainers: list[str]) -> str:
    # Only the partner's maintainers are named so that GitHub notifies them: the issue is meant for
    # them. Anything that is not a plain handle is shown, not mentioned.
    return ", ".join(name if HANDLE.fullmatch(name) and "/" not in name else code_span(name) for name in maintainers)


def stale_report(catalog: Catalog, months: int) -> str:
    """The stale entries as Markdown, grouped by partner with its maintainers (for an issue).

    Partner text is put in code spans, so nothing a partner writes is read as Markdown."""
    groups = stale_entries(catalog, months)
    lines = [f"# Na te kijken gegevens (peildatum {catalog.today.isoformat()})", ""]
    if not groups:
        return "\n".join([*lines, "Alle gegevens zijn op tijd nagekeken.", ""])
    total = sum(len(entries) for entries in groups.values())
    lines += [f"{total} bestanden moeten worden nagekeken. Kijk de gegevens na, pas aan wat niet meer "
              "klopt en zet de datum van vandaag bij `gecontroleerd`.", ""]
    for partner_id in sorted(groups, key=lambda pid: catalog.partners[pid].name.casefold()):
        partner = catalog.partners[partner_id]
        lines += [f"## {code_span(partner.name)}", "", f"Beheerders: {_mentions(partner.maintainers)}", ""]
        for item in groups[partner_id]:
            what = "partner" if item.kind == "partner" else "aanbod"
            title = item.entry.name if isinstance(item.entry, Partner) else item.entry.title
            lines.append(f"- [ ] {what} {code_span(title)} ({code_span(item.path)}): {item.reason}")
        lines.append("")
    return "\n".join(lines)
