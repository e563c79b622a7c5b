#!/usr/bin/env bash
# Builds the one-file Linux executable dist/kcdesk (GUI and CLI) from this checkout.
#   build_scripts/build.sh            # installs .[build] into .venv if needed, then PyInstaller
#   KCDESK_PYTHON=python3.11 build_scripts/build.sh   # which Python creates .venv when it is missing
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  "${KCDESK_PYTHON:-python3}" -m venv .venv
fi
# pip is quiet and fast when everything pinned is already there.
if ! .venv/bin/python -c "import PyInstaller, kcdesk" 2>/dev/null \
   || [ "$(.venv/bin/python -c 'import PyInstaller; print(PyInstaller.__version__)')" != "6.22.3" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[build]"
fi

# Icons are drawn by a script; draw them if a fresh checkout lacks them.
if [ ! -f resources/icons/app.png ] || [ ! -f resources/icons/app.ico ] || [ ! -f resources/icons/app.splash.png ]; then
  QT_QPA_PLATFORM=offscreen .venv/bin/python build_scripts/make_icon.py
fi
# The spec compiles i18n/*.ts into build/i18n (the checkout is left as it is) and generates the demo.
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller build_scripts/kcdesk.spec
size=$(stat -c %s dist/kcdesk)
echo "build.sh: dist/kcdesk $(( size / 1048576 )) MiB ($size bytes), built in $(( $(date +%s) - start )) s"
dist/kcdesk --version
