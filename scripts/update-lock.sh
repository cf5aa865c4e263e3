#!/usr/bin/env bash
# Update uv.lock to the newest releases that pyproject.toml allows, then run the tests on them.
# Extra arguments go to `uv lock`, e.g. `--upgrade-package mkdocs-material` for one package only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
setup_uv
"$UV" lock --upgrade "$@"
bash scripts/test.sh
