#!/usr/bin/env bash
# The test command: sets up .venv if needed, then lint, types (mypy, strict on the core), the dead-code
# check, the translation check (a pytest test) and the whole test suite. On CI (CI=true) it then builds
# and checks the Linux executables (build_scripts/ci_exe.sh), a wheel installed into a fresh venv
# (build_scripts/wheel_check.sh) and the Windows one-file executable and installer under Wine
# (build_scripts/windows_under_wine.sh, ~30 min cold; KCDESK_SKIP_WINDOWS=1 skips it, e.g.
# `CI=true KCDESK_SKIP_WINDOWS=1 bash .ci/run` locally).
set -euo pipefail
cd "$(dirname "$0")/.."
bash build_scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check kcdesk tests benchmarks build_scripts
.venv/bin/mypy kcdesk/core                      # strict (pyproject's [tool.mypy])
.venv/bin/python build_scripts/dead_code.py     # unused functions, classes, methods (vulture)
.venv/bin/python -m pytest "$@"
if [ "${CI:-}" = "true" ]; then
  bash build_scripts/ci_exe.sh
  bash build_scripts/wheel_check.sh
  if [ "${KCDESK_SKIP_WINDOWS:-}" = "1" ]; then
    echo "test.sh: KCDESK_SKIP_WINDOWS=1: the Windows build under Wine is skipped"
  else
    bash build_scripts/windows_under_wine.sh
  fi
  echo "test.sh: CI artefacts:"
  for f in dist/kcdesk dist/windows/kcdesk.exe dist/windows/kcdesk-setup-*.exe; do
    if [ -f "$f" ]; then
      awk -v f="$f" -v s="$(stat -c %s "$f")" 'BEGIN { printf "  %-40s %6.1f MB\n", f, s / 1e6 }'
    fi
  done
fi
