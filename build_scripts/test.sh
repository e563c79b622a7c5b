#!/usr/bin/env bash
# The test command: sets up .venv if needed, then lint, translation check and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build_scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check kcdesk tests benchmarks build_scripts
.venv/bin/python -m pytest "$@"
