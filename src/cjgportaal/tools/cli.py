"""The `cjg` command: validate, schema, new, ontvang, import, codeowners, report and headers (see `cjg --help`)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..catalog.catalog import Catalog, load_catalog
from ..catalog.clock import build_date
from ..catalog.settings import SiteSettings, plugin_options, read_settings
from ..load.problems import Severity, format_report, stop_commands


def _project(args: argparse.Namespace) -> tuple[Path, SiteSettings]:
    """The project's root and its settings; stop when mkdocs.yml is missing or its settings are wrong."""
    config_file = Path(args.config).resolve()
    if not config_file.exists():
        sys.exit(f"cjg: {config_file} bestaat niet; geef met --config het pad naar mkdocs.yml.")
    settings, problems = read_settings(plugin_options(config_file), config_file)
    if settings is None:
        print(format_report(problems), file=sys.stderr)
        sys.exit(1)
    return config_file.parent, settings


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf JJJJ-MM-DD.") from None


def _validate(args: argparse.Namespace) -> int:
    root, settings = _project(args)
    today = args.datum or build_date(settings.build_date)
    catalog, problems = load_catalog(settings.folders(root), today)
    if args.alleen is not None:
        # Cross-file checks still see all data; only the problems of the named files are reported.
        wanted = {Path(name).as_posix().removeprefix("./") for name in args.alleen}
        problems = [p for p in problems if p.file in wanted]
        catalog = None
    github = args.formaat == "github"
    if github:
        for problem in sorted(problems):
            print(problem.github_annotation())
    # The report quotes partner text as it is, so under GitHub Actions it goes between a stop and a
    # resume of the workflow commands. All on stdout: the runner reads stdout and stderr apart, and a
    # stop on stderr could be handled before (and silence) the annotations above.
    stop, resume = stop_commands() if github else ("", "")
    failed = any(p.severity is Severity.ERROR for p in problems)
    if github:
        print(stop)
    try:
        if problems:
            print(format_report(problems))
        if not failed and catalog is not None:
            print(f"In orde: {len(catalog.partners)} partners en {len(catalog.offerings)} keer aanbod.")
        elif not failed:
            print(f"In orde: {len(args.alleen)} gewijzigde bestanden.")
    finally:
        if github:
            print(resume)
    return 1 if failed else 0


def _schema(args: argparse.Namespace) -> int:
    from ..render.files.schema import write_schemas

    root, settings = _project(args)
    written = write_schemas(settings.folders(root), root / args.map)
    for path in written:
        print(f"Geschreven: {path.relative_to(root)}")
    return 0


def _ask(question: str, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{question}{suffix}: ").strip()
    return answer or default


def _new(args: argparse.Namespace) -> int:
    from .scaffold import (
        NewEntry,
        OutsideDataFolders,
        check_new_entry,
        id_problems,
        render_entry,
        target_path,
        write_inside,
    )

    root, settings = _project(args)
    folders = settings.folders(root)
    interactive = sys.stdin.isatty() and not args.geen_vragen
    title = args.titel or (_ask("Titel" if args.soort != "partner" else "Naam van de organisatie")
                           if interactive else "")
    partner = args.partner
    if args.soort != "partner" and not partner and interactive:
        partner = _ask("Id van de partner (bestandsnaam in partners/)")
    missing = [flag for flag, value in (("--titel", title), ("--partner", partner or args.soort == "partner"),
                                        ("--beheerder", args.beheerder or args.soort != "partner")) if not value]
    if args.soort == "partner" and not args.beheerder and interactive:
        args.beheerder = [_ask("Je GitHub-naam")]
        missing.remove("--beheerder")
    if missing:
        print(f"cjg new: geef ook {', '.join(missing)} op.", file=sys.stderr)
        return 2
    entry = NewEntry(kind=args.soort, title=title, id=args.id or "", partner=partner or "",
                     summary=args.samenvatting or "", audiences=args.doelgroep or [], themes=args.thema or [],
                     area=args.gebied or "", maintainers=args.beheerder or [])
    problems = id_problems(entry)  # before any path is built from them
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    today = build_date(settings.build_date)
    text = render_entry(folders, entry, today)
    problems = check_new_entry(folders, entry, text, today)
    if problems:
        print(format_report(problems), file=sys.stderr)
    if any(p.severity is Severity.ERROR for p in problems):
        return 1
    try:
        target = write_inside(folders, target_path(folders, entry), text)
    except OutsideDataFolders as exc:
        print(f"cjg new: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cjg new: {target_path(folders, entry).relative_to(root)} niet geschreven ({exc.strerror}).",
              file=sys.stderr)
        return 1
    print(f"Gemaakt: {target.relative_to(root.resolve())}. Vul de velden aan en controleer met: cjg validate")
    return 0


def _valid_catalog(args: argparse.Namespace, today: date | None = None) -> tuple[Path, SiteSettings, Catalog]:
    root, settings = _project(args)
    catalog, problems = load_catalog(settings.folders(root), today or build_date(settings.build_date))
    if catalog is None:
        print(format_report(problems), file=sys.stderr)
        sys.exit(1)
    return root, settings, catalog


def _codeowners(args: argparse.Namespace) -> int:
    from .upkeep import codeowner_lines

    root, settings, catalog = _valid_catalog(args)
    lines, skipped = codeowner_lines(catalog, list(settings.coordinators), settings.folders(root))
    text = "\n".join(lines) + "\n"
    for path in skipped:
        print(f"cjg codeowners: {path}: niet opgenomen: het pad of de beheerders zijn niet veilig voor "
              "CODEOWNERS. Zo los je het op: gebruik voor mappen alleen letters, cijfers, '-', '_' en '.', "
              "en schrijf beheerders als @gebruikersnaam.", file=sys.stderr)
    target = root / ".github" / "CODEOWNERS"
    if args.controleer:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print("cjg: .github/CODEOWNERS is niet bijgewerkt; voer 'cjg codeowners' uit en commit het "
                  "resultaat.", file=sys.stderr)
            return 1
        print(".github/CODEOWNERS is bijgewerkt.")
        return 0
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Geschreven: {target.relative_to(root)}")
    return 0


MAX_MESSAGE_BYTES = 20_000_000  # a saved e-mail with its attachments; the file in it is checked on its own


def _receive(args: argparse.Namespace) -> int:
    from .receive import receive
    from .scaffold import OutsideDataFolders, write_inside

    root, settings = _project(args)
    folders = settings.folders(root)
    if args.bestand == "-":
        message, shown = sys.stdin.read(), "het geplakte bericht"
    else:
        try:
            if Path(args.bestand).stat().st_size > MAX_MESSAGE_BYTES:
                print(f"cjg ontvang: {args.bestand} is te groot voor een bericht met één bestand.", file=sys.stderr)
                return 1
            message, shown = Path(args.bestand).read_text(encoding="utf-8", errors="replace"), args.bestand
        except OSError as exc:
            print(f"cjg ontvang: {args.bestand} is niet te lezen ({exc.strerror}).", file=sys.stderr)
            return 1
    got = receive(folders, message, shown, build_date(settings.build_date))
    if got.target is None:
        print(format_report(got.problems), file=sys.stderr)
        print("Niets geschreven.", file=sys.stderr)
        return 1
    place = got.target.relative_to(root).as_posix()
    print(got.diff(root) or f"{place}: hetzelfde als het huidige bestand.")
    if not args.alleen_bekijken and got.text != got.current:
        try:
            write_inside(folders, got.target, got.text)
        except OutsideDataFolders as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"Geschreven: {place} ({'gewijzigd' if got.current is not None else 'nieuw'}).")
    if got.problems:
        print(format_report(got.problems))
    if any(p.severity is Severity.ERROR for p in got.problems):
        print("Het bestand is nog niet in orde: los de punten hierboven op (of vraag het de partner) en "
              "controleer daarna met 'cjg validate'.")
        return 1
    print("In orde. Bekijk het verschil en zet de wijziging met een pull request op de site.")
    return 0


def _report(args: argparse.Namespace) -> int:
    if args.rapport == "wijzigingen":
        return _changes(args)
    _root, settings, catalog = _valid_catalog(args, args.datum)
    if args.rapport == "monitor":
        from ..catalog.monitor import Monitor
        from .monitor_report import render

        print(render(Monitor(catalog), args.formaat), end="")
        return 0
    from .upkeep import stale_report

    months = args.maanden or settings.stale_months
    print(stale_report(catalog, months), end="")
    return 0


def _changes(args: argparse.Namespace) -> int:
    from .changes import ChangeError, changes_since

    if not args.sinds:
        print("cjg report wijzigingen: geef --sinds op (een datum JJJJ-MM-DD of een git-revisie).", file=sys.stderr)
        return 2
    root, settings = _project(args)
    try:
        changes = changes_since(settings.folders(root), args.sinds)
    except ChangeError as exc:
        print(f"cjg: {exc}", file=sys.stderr)
        return 1
    words = {"A": "Nieuw", "M": "Gewijzigd", "D": "Verwijderd"}
    print(f"# Wijzigingen in de sociale kaart sinds {args.sinds}\n")
    for status, word in words.items():
        group = [c for c in changes if c.status == status]
        if group:
            print(f"## {word}\n")
            print("\n".join(f"- {c.kind}: **{c.title or c.path}** (`{c.path}`)" for c in group) + "\n")
    if not changes:
        print("Er is niets veranderd.")
    return 0


def _headers(args: argparse.Namespace) -> int:
    from ..render.security import form_origin, netlify_headers, nginx_headers, site_script_hashes

    site = Path(args.site)
    if not (site / "index.html").exists():
        sys.exit(f"cjg: {site} bevat geen gebouwde site; bouw eerst met mkdocs build.")
    hashes = site_script_hashes(site)
    endpoint = _project(args)[1].contact_form.endpoint if Path(args.config).exists() else None
    targets = [form_origin(endpoint)] if endpoint else []
    print(nginx_headers(hashes, targets) if args.formaat == "nginx" else netlify_headers(hashes, targets), end="")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..model.lists import load_lists
    from .hsds_import import import_hsds
    from .hsds_reading import HsdsReadError, read_hsds
    from .scaffold import OutsideDataFolders, write_inside

    root, settings = _project(args)
    folders = settings.folders(root)
    lists, problems = load_lists(root / folders.lists, root)
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    source = Path(args.pad)
    try:
        organizations, services, notes = read_hsds(source)
    except HsdsReadError as exc:
        print("\n".join(f"cjg import: {line}" for line in exc.lines), file=sys.stderr)
        return 1
    today = build_date(settings.build_date)
    result = import_hsds(organizations, services, folders, lists, today,
                         list(settings.coordinators), source.name)
    written, kept, refused = [], [], []
    for name, text in result.files.items():
        target = root / name
        stem = target.stem
        folder = root / (folders.partners if name.startswith(folders.partners + "/") else folders.offerings)
        if not args.overschrijven and (target.exists() or any(folder.rglob(f"{stem}.y*ml"))):
            kept.append(name)
            continue
        try:
            write_inside(folders, target, text)
        except OutsideDataFolders as exc:
            refused.append(str(exc))
            continue
        except OSError as exc:
            refused.append(f"{name}: niet geschreven: {exc.strerror}.")
            continue
        written.append(name)
    print(f"# Import uit {source}\n")
    print(f"Gelezen: {len(organizations)} organisaties en {len(services)} diensten. "
          f"Geschreven: {len(written)} bestanden.\n")
    for name in written:
        print(f"- geschreven: {name}")
    for name in kept:
        print(f"- niet overschreven: {name} bestaat al (gebruik --overschrijven om het te vervangen)")
    lines = refused + notes + result.report
    if lines:
        print("\n## Niet (helemaal) overgenomen\n")
        print("\n".join(f"- {line}" for line in lines))
    print("\nControleer de bestanden en voer daarna uit: cjg validate")
    return 1 if refused or (kept and not written) else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `cjg` console command."""
    parser = argparse.ArgumentParser(prog="cjg", description="Werk met de gegevens van de CJG-site.")
    parser.add_argument("--config", default="mkdocs.yml", help="pad naar mkdocs.yml (standaard: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="controleer alle partner-, aanbod- en lijstbestanden")
    check.add_argument("--datum", type=_day, help="doe alsof het deze dag is (JJJJ-MM-DD), voor verlopen controles")
    check.add_argument("--formaat", choices=("tekst", "github"), default="tekst",
                       help="'github' schrijft ook meldingen voor GitHub Actions")
    check.add_argument("--alleen", nargs="*", metavar="BESTAND",
                       help="meld alleen problemen in deze bestanden (paden vanaf de projectmap)")
    check.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="schrijf het JSON Schema voor editors en CI")
    schema.add_argument("--map", default="schemas", help="map voor de schema's (standaard: schemas)")
    schema.set_defaults(run=_schema)

    new = commands.add_parser("new", help="maak een nieuw bestand voor aanbod, een cursus of een partner")
    new.add_argument("soort", choices=("aanbod", "cursus", "partner"))
    new.add_argument("--titel", help="titel van het aanbod of naam van de partner")
    new.add_argument("--id", help="id en bestandsnaam (standaard: gemaakt uit de titel)")
    new.add_argument("--partner", help="id van de partner (bij aanbod en cursus)")
    new.add_argument("--samenvatting", help="een of twee zinnen")
    new.add_argument("--doelgroep", action="append", choices=("ouders", "jongeren", "professionals"))
    new.add_argument("--thema", action="append", help="id uit data/themas.yml (mag vaker)")
    new.add_argument("--gebied", help="kern of wijk uit data/plaatsen.yml")
    new.add_argument("--beheerder", action="append", help="GitHub-naam van een beheerder (bij partner)")
    new.add_argument("--geen-vragen", action="store_true", help="stel geen vragen, ook niet in een terminal")
    new.set_defaults(run=_new)

    owners = commands.add_parser("codeowners", help="schrijf .github/CODEOWNERS uit de beheerders")
    owners.add_argument("--controleer", action="store_true", help="alleen controleren of het bestand klopt")
    owners.set_defaults(run=_codeowners)

    report = commands.add_parser("report", help="rapporten over de gegevens")
    report.add_argument("rapport", choices=("stale", "monitor", "wijzigingen"),
                        help="stale: wat moet worden nagekeken; monitor: dekking, gaten en actualiteit; "
                             "wijzigingen: nieuw, gewijzigd en verwijderd sinds --sinds")
    report.add_argument("--maanden", type=int, help="ook wat langer dan dit aantal maanden niet is nagekeken "
                        f"(standaard {SiteSettings().stale_months}, of stale_months in mkdocs.yml)")
    report.add_argument("--datum", type=_day, help="peildatum (JJJJ-MM-DD)")
    report.add_argument("--formaat", choices=("tekst", "csv", "json"), default="tekst", help="voor monitor")
    report.add_argument("--sinds", help="voor wijzigingen: een datum (JJJJ-MM-DD) of git-revisie")
    report.set_defaults(run=_report)

    headers = commands.add_parser("headers", help="print beveiligingsheaders voor de webserver")
    headers.add_argument("--site", default="site", help="map met de gebouwde site (standaard: site)")
    headers.add_argument("--formaat", choices=("nginx", "netlify"), default="nginx")
    headers.set_defaults(run=_headers)

    importing = commands.add_parser("import", help="lees Open Referral HSDS 3.0 (JSON of CSV-pakket) in en "
                                    "schrijf partner- en aanbodbestanden")
    importing.add_argument("pad", help="een HSDS JSON-bestand, of een map met CSV-bestanden (datapackage.json) "
                           "of met organizations.json en services.json")
    importing.add_argument("--overschrijven", action="store_true",
                           help="vervang bestaande bestanden met dezelfde id (standaard: nooit)")
    importing.set_defaults(run=_import)

    receiving = commands.add_parser("ontvang", help="zet een bestand dat een partner mailde op zijn plek, "
                                    "controleer het en laat het verschil zien")
    receiving.add_argument("bestand", help="het bestand of de opgeslagen e-mail (.yml, .txt, .eml); '-' leest "
                           "het geplakte bericht")
    receiving.add_argument("--alleen-bekijken", action="store_true",
                           help="controleer en laat het verschil zien, maar schrijf niets")
    receiving.set_defaults(run=_receive)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
