#!/usr/bin/env bash
# Set everything up and run all tests: Python packages, Debian's Chromium (browser tests) and Java,
# and the test tools from npm (axe-core, the Nu HTML Checker).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
setup_venv dev
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
npm ci --no-audit --no-fund --loglevel=error
NO_MKDOCS_2_WARNING=1 .venv/bin/python -m pytest "$@"
