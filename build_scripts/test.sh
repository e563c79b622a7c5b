#!/usr/bin/env bash
# The test command: sets up .venv if needed, then lint, the translation check (a pytest test) and
# the whole test suite. On CI (CI=true) it then builds the one-file executable and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build_scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check kcdesk tests benchmarks build_scripts
.venv/bin/python -m pytest "$@"
if [ "${CI:-}" = "true" ]; then
  bash build_scripts/ci_exe.sh
fi
