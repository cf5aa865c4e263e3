"""The `cjg` command: validate the data and publish its JSON Schema."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .catalog import load_catalog
from .clock import build_date
from .problems import Severity, format_report
from .settings import data_folders, plugin_options


def _project(args: argparse.Namespace) -> tuple[Path, dict[str, object]]:
    config_file = Path(args.config).resolve()
    if not config_file.exists():
        sys.exit(f"cjg: {config_file} bestaat niet; geef met --config het pad naar mkdocs.yml.")
    return config_file.parent, plugin_options(config_file)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf JJJJ-MM-DD.") from None


def _validate(args: argparse.Namespace) -> int:
    root, options = _project(args)
    today = args.datum or build_date(options.get("build_date"))
    catalog, problems = load_catalog(data_folders(root, options), today)
    if args.formaat == "github":
        for problem in sorted(problems):
            print(problem.github_annotation())
    if problems:
        print(format_report(problems), file=sys.stderr if args.formaat == "github" else sys.stdout)
    failed = any(p.severity is Severity.ERROR for p in problems)
    if not failed and catalog is not None:
        print(f"In orde: {len(catalog.partners)} partners en {len(catalog.offerings)} keer aanbod.")
    return 1 if failed else 0


def _schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    root, options = _project(args)
    written = write_schemas(data_folders(root, options), root / args.map)
    for path in written:
        print(f"Geschreven: {path.relative_to(root)}")
    return 0


def _headers(args: argparse.Namespace) -> int:
    from .security import netlify_headers, nginx_headers, site_script_hashes

    site = Path(args.site)
    if not (site / "index.html").exists():
        sys.exit(f"cjg: {site} bevat geen gebouwde site; bouw eerst met mkdocs build.")
    hashes = site_script_hashes(site)
    print(nginx_headers(hashes) if args.formaat == "nginx" else netlify_headers(hashes), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `cjg` console command."""
    parser = argparse.ArgumentParser(prog="cjg", description="Werk met de gegevens van de CJG-site.")
    parser.add_argument("--config", default="mkdocs.yml", help="pad naar mkdocs.yml (standaard: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="controleer alle partner-, aanbod- en lijstbestanden")
    check.add_argument("--datum", type=_day, help="doe alsof het deze dag is (JJJJ-MM-DD), voor verlopen controles")
    check.add_argument("--formaat", choices=("tekst", "github"), default="tekst",
                       help="'github' schrijft ook meldingen voor GitHub Actions")
    check.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="schrijf het JSON Schema voor editors en CI")
    schema.add_argument("--map", default="schemas", help="map voor de schema's (standaard: schemas)")
    schema.set_defaults(run=_schema)

    headers = commands.add_parser("headers", help="print beveiligingsheaders voor de webserver")
    headers.add_argument("--site", default="site", help="map met de gebouwde site (standaard: site)")
    headers.add_argument("--formaat", choices=("nginx", "netlify"), default="nginx")
    headers.set_defaults(run=_headers)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
