#!/usr/bin/env bash
# CI check of `pip install .` (not editable): builds the wheel, installs it into a fresh virtual
# environment, then runs kcdesk from an empty folder with no checkout on any path and checks that the
# resources (templates, reference tables, demo, translations) come from the installed package.
#   bash build_scripts/wheel_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
WORK=$(mktemp -d /tmp/kcdesk-wheel.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s)
"$PY" -m pip wheel -q --no-deps --disable-pip-version-check -w "$WORK/wheel" "$ROOT"
WHEEL=$(ls "$WORK"/wheel/kcdesk-*.whl)
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL"
mkdir -p "$WORK/empty" "$WORK/home"
kc() { (cd "$WORK/empty" && env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        "$WORK/venv/bin/kcdesk" "$@"); }
FAILED=0
check() { if "${@:2}"; then echo "  ok: $1"; else echo "wheel_check: FAIL $1" >&2; FAILED=1; fi; }
where=$(cd "$WORK/empty" && env -i HOME="$WORK/home" PATH=/usr/bin:/bin "$WORK/venv/bin/python" -c \
  "from kcdesk.core.resources import resources_dir; from kcdesk.gui.lang import i18n_dir; print(resources_dir(), i18n_dir())")
check "resources and translations come from the installed package ($where)" bash -c \
  "for d in $where; do case \$d in '$WORK/venv/'*) test -d \$d || exit 1;; *) exit 1;; esac; done"
check "kcdesk --version" bash -c "$(declare -f kc); WORK='$WORK'; kc --version | grep -q '^kcdesk '"
check "kcdesk demo" bash -c "$(declare -f kc); WORK='$WORK'; kc demo '$WORK/demo.kcdesk' >/dev/null && test -s '$WORK/demo.kcdesk'"
check "kcdesk report --lang kk (template from the package)" bash -c "$(declare -f kc); WORK='$WORK'; \
  kc report '$WORK/demo.kcdesk' --quarter 2026-Q3 --lang kk --out '$WORK/s.docx' >/dev/null && test -s '$WORK/s.docx'"
check "kcdesk deadlines" bash -c "$(declare -f kc); WORK='$WORK'; kc deadlines --quarter 2026-Q3 --today 2026-10-01 >/dev/null"
check "kcdesk --smoke (bundled demo and translations from the package)" bash -c "$(declare -f kc); WORK='$WORK'; kc --smoke | grep -q 'smoke: ok'"
echo "wheel_check: $(basename "$WHEEL") $(du -k "$WHEEL" | cut -f1) KB, installed and checked in $(( $(date +%s) - start )) s"
if [ "$FAILED" -ne 0 ]; then echo "wheel_check: FAILED" >&2; exit 1; fi
echo "wheel_check: all checks passed"
