#!/usr/bin/env bash
# Set everything up (Python packages, Debian's Chromium for browser tests) and run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
setup_venv test
[ -x /usr/bin/chromium ] || apt_install chromium
NO_MKDOCS_2_WARNING=1 .venv/bin/python -m pytest "$@"
