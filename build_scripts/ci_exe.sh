#!/usr/bin/env bash
# CI check of the one-file executable: builds it from this checkout, then runs it from an empty
# folder with a bare environment (no venv, no checkout on any path) and checks exit codes and outputs:
# --version, demo, import of a CSV and an .xlsx (the reader's child process), analyze --json, content
# (+ the members list), search, topics, values, texts (--set, --dump through a pipe, --keys), report kk/ru
# (+ the xlsx Appendix, work plans, an extra chart, the PDF or its clear refusal), deadlines, map, the
# --smoke GUI start; prints the size and each step's time.
#   build_scripts/ci_exe.sh                 # build, then check
#   build_scripts/ci_exe.sh --no-build      # check dist/kcdesk as it is
#   KCDESK_EXE=/path/to/kcdesk build_scripts/ci_exe.sh --no-build
#   (KCDESK_EXE_SIZE_FILE: the file whose size is checked when KCDESK_EXE is a wrapper script)
#   KCDESK_CI_PDF=yes|no: whether the executable can find LibreOffice (default: soffice on /usr/bin:/bin);
#   without it `report --pdf` must refuse with exit 2 and say why, and still write the .docx
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MAX_BYTES=$((130 * 1000 * 1000))  # issue 7: <= 130 MB with scikit-learn and SciPy
QUARTER=2026-Q3

if [ "${1:-}" != "--no-build" ]; then
  bash build_scripts/build.sh
fi
EXE=$(realpath "${KCDESK_EXE:-dist/kcdesk}")
[ -x "$EXE" ] || { echo "ci_exe: no executable at $EXE" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kcdesk-ci-exe.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home"
FAILED=0
declare -a REPORT

# Runs the executable in the bare environment; "$WORK/out.txt" keeps stdout+stderr.
kc() {
  (cd "$WORK" && env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    TMPDIR="$WORK" "$EXE" "$@")
}

step() {  # step NAME EXPECTED_EXIT -- ARGS...
  local name=$1 expected=$2; shift 3
  local start end code=0
  start=$(date +%s.%N)
  kc "$@" > "$WORK/out.txt" 2>&1 || code=$?
  end=$(date +%s.%N)
  local took
  took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  if [ "$code" -ne "$expected" ]; then
    echo "ci_exe: FAIL $name: exit $code (expected $expected) after ${took}s; output:" >&2
    tail -n 40 "$WORK/out.txt" >&2
    # An internal error names the log file, which holds the traceback (never personal data).
    find "$WORK/home" -name 'kcdesk.log' -exec tail -n 30 {} \; >&2 2>/dev/null || true
    FAILED=1
  fi
  REPORT+=("$(printf '%-22s %7ss  exit %s' "$name" "$took" "$code")")
}

check() {  # check DESCRIPTION COMMAND...: a condition on the outputs
  if ! "${@:2}"; then
    echo "ci_exe: FAIL $1" >&2
    FAILED=1
  fi
}

is_docx() { python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert 'word/document.xml' in z.namelist()" "$1" 2>/dev/null; }
is_xlsx() { python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert 'xl/workbook.xml' in z.namelist()" "$1" 2>/dev/null; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kcdesk/__init__.py)

step "--version" 0 -- --version
check "--version prints 'kcdesk $VERSION'" grep -qx "kcdesk $VERSION" "$WORK/out.txt"

step "--help" 0 -- --help
check "--help lists the commands" grep -q "report" "$WORK/out.txt"

step "demo" 0 -- demo "$WORK/demo.kcdesk"
check "demo wrote a project" test -s "$WORK/demo.kcdesk"

# The import reads the exports in a spawned child process (kcdesk/core/importing/reader.py): inside a
# frozen executable that child is the executable itself, started again (freeze_support in the entry).
python3 build_scripts/ci_exports.py "$WORK/exports" 40
step "import csv" 0 -- import "$WORK/imported.kcdesk" "$WORK/exports/export.csv"
check "import csv stored 40 rows" grep -q "rows read 40, stored 40" "$WORK/out.txt"
step "import xlsx" 0 -- import "$WORK/imported.kcdesk" "$WORK/exports/export.xlsx"
check "import xlsx stored 40 rows" grep -q "rows read 40, stored 40" "$WORK/out.txt"
step "analyze imported" 0 -- analyze "$WORK/imported.kcdesk" --quarter "$QUARTER" --json "$WORK/imported.json"
check "the imported project has the 80 requests of the quarter" python3 -c "
import json, sys
assert json.load(open(sys.argv[1], encoding='utf-8'))['total']['count'] == 80
" "$WORK/imported.json"

step "analyze --json" 0 -- analyze "$WORK/demo.kcdesk" --quarter "$QUARTER" --json "$WORK/analysis.json"
check "analysis JSON is the quarter's, with requests" python3 -c "
import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
assert data['schema'] == 'kcdesk.analysis/1' and data['quarter'] == sys.argv[2], data.get('quarter')
assert data['total']['count'] > 0 and len(data['by_region']) >= 20 and data['by_topic']
" "$WORK/analysis.json" "$QUARTER"

# Content analysis bundles scikit-learn/SciPy: run it when the command exists; the ru report uses it.
CONTENT_ARGS=()
kc --help > "$WORK/help.txt" 2>&1 || true
if grep -qw "content" "$WORK/help.txt"; then
  step "content" 0 -- content "$WORK/demo.kcdesk" --quarter "$QUARTER" --json "$WORK/content.json"
  check "content JSON written" python3 -c "
import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
assert data['quarter'] == sys.argv[2] and data['groups'], data.get('quarter')
" "$WORK/content.json" "$QUARTER"
  CONTENT_ARGS=(--content "$WORK/content.json")
  step "content --members" 0 -- content "$WORK/demo.kcdesk" --quarter "$QUARTER" --members "$WORK/members.xlsx"
  check "members list is an .xlsx" is_xlsx "$WORK/members.xlsx"
fi
if grep -qw "search" "$WORK/help.txt"; then
  step "search" 0 -- search "$WORK/demo.kcdesk" "пособие"
  check "search finds the word" grep -qi "пособи" "$WORK/out.txt"
fi

step "topics" 0 -- topics "$WORK/demo.kcdesk"
check "topics lists the catalogue in both languages" grep -q "Коммуналдық қызметтер / Коммунальные услуги" "$WORK/out.txt"
step "values" 0 -- values "$WORK/demo.kcdesk"
check "values lists an unresolved region" grep -q "^region" "$WORK/out.txt"
step "texts --set" 0 -- texts "$WORK/demo.kcdesk" --quarter "$QUARTER" --set "para:intro@ru=Свой абзац, қазақша да." \
  --setting "signatory=Ә. Б. Сейітқали"
step "texts --dump" 0 -- texts "$WORK/demo.kcdesk" --quarter "$QUARTER" --dump
check "texts --dump through a pipe is UTF-8 JSON with the texts set" python3 -c "
import json, sys
data = json.loads(open(sys.argv[1], encoding='utf-8').read())
assert 'Свой абзац, қазақша да.' in json.dumps(data, ensure_ascii=False), data
assert 'Ә. Б. Сейітқали' in json.dumps(data, ensure_ascii=False), data
" "$WORK/out.txt"
step "texts --keys" 0 -- texts "$WORK/demo.kcdesk" --quarter "$QUARTER" --keys
check "texts --keys lists the intro paragraph" grep -q "intro" "$WORK/out.txt"

step "report kk" 0 -- report "$WORK/demo.kcdesk" --quarter "$QUARTER" --lang kk --out "$WORK/spravka_kk.docx" \
  --xlsx "$WORK/appendix_kk.xlsx"
check "report kk is a .docx" is_docx "$WORK/spravka_kk.docx"
check "appendix kk is an .xlsx" is_xlsx "$WORK/appendix_kk.xlsx"
step "report ru" 0 -- report "$WORK/demo.kcdesk" --quarter "$QUARTER" --lang ru --out "$WORK/spravka_ru.docx" \
  "${CONTENT_ARGS[@]}"
check "report ru is a .docx" is_docx "$WORK/spravka_ru.docx"
check "the kk and ru reports differ" bash -c "! cmp -s '$WORK/spravka_kk.docx' '$WORK/spravka_ru.docx'"

step "deadlines" 0 -- deadlines --quarter "$QUARTER" --today 2026-10-01

step "map" 0 -- map "$WORK/demo.kcdesk" --quarter "$QUARTER" --out "$WORK/map.png"
check "map is a PNG" bash -c "head -c 8 '$WORK/map.png' | grep -q PNG"

step "report --workplans" 0 -- report "$WORK/demo.kcdesk" --quarter "$QUARTER" --lang kk --out "$WORK/spravka_wp.docx" \
  --workplans "$WORK/workplans" --chart "map=$WORK/map.png"
check "report with work plans and the map chart is a .docx" is_docx "$WORK/spravka_wp.docx"
check "work plans written as .docx" bash -c "n=0; for f in '$WORK'/workplans/*.docx; do python3 -c \"
import sys, zipfile; assert 'word/document.xml' in zipfile.ZipFile(sys.argv[1]).namelist()\" \"\$f\" && n=\$((n+1)); done; [ \$n -ge 1 ]"

# PDF through LibreOffice when the machine has it (its own libraries, not the bundle's); else a clear refusal.
PDF=${KCDESK_CI_PDF:-$(env -i PATH=/usr/bin:/bin bash -c 'command -v soffice >/dev/null && echo yes || echo no')}
if [ "$PDF" = yes ]; then
  step "report --pdf" 0 -- report "$WORK/demo.kcdesk" --quarter "$QUARTER" --lang ru --out "$WORK/spravka_pdf.docx" \
    --pdf "$WORK/spravka.pdf"
  check "report --pdf wrote a PDF" bash -c "head -c 5 '$WORK/spravka.pdf' | grep -q '%PDF'"
else
  step "report --pdf (no LibreOffice)" 2 -- report "$WORK/demo.kcdesk" --quarter "$QUARTER" --lang ru \
    --out "$WORK/spravka_pdf.docx" --pdf "$WORK/spravka.pdf"
  check "report --pdf without LibreOffice says so" grep -q "LibreOffice" "$WORK/out.txt"
  check "report --pdf without LibreOffice still wrote the .docx" is_docx "$WORK/spravka_pdf.docx"
fi

step "bad quarter" 2 -- analyze "$WORK/demo.kcdesk" --quarter 2026-Q9

step "--smoke (GUI)" 0 -- --smoke
check "--smoke says ok" grep -q "smoke: ok" "$WORK/out.txt"

SIZE=$(stat -c %s "${KCDESK_EXE_SIZE_FILE:-$EXE}")  # KCDESK_EXE a wrapper (Wine): the real file's size
check "size $SIZE bytes <= $MAX_BYTES" test "$SIZE" -le "$MAX_BYTES"
check "no _MEI folder left behind" bash -c "! ls -d '$WORK'/_MEI* 2>/dev/null | grep -q ."

echo "ci_exe: $EXE  $(awk -v s="$SIZE" 'BEGIN { printf "%.1f MB (%d bytes)", s / 1e6, s }'), limit 130 MB"
printf '  %s\n' "${REPORT[@]}"
if [ "$FAILED" -ne 0 ]; then
  echo "ci_exe: FAILED" >&2
  exit 1
fi
echo "ci_exe: all checks passed"
