#!/usr/bin/env bash
# Set everything up and build the default site (the sample municipality) into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
setup_venv
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict
echo "De site staat in site/. Bekijk hem met: .venv/bin/mkdocs serve --dirty (na een wijziging bouwt die alleen de pagina's opnieuw die veranderen)"
