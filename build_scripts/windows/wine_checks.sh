#!/bin/bash
# The checks of the Windows artefacts, run by build_scripts/windows_under_wine.sh inside its chroot with
# a fresh Wine prefix: silent per-user install, what it registered, build_scripts/ci_exe.sh against the
# installed kcdesk.exe, the portable kcdesk.exe, a real window on Xvfb (--smoke, screenshots of the
# first window in kk and ru, first-window time), the officer's files, silent uninstall, what is left;
# then the all-users mode (elevated) install and uninstall.
# Environment: WINEPREFIX (fresh, with the shims), SETUP (the installer), VERSION; /x/run/src the checkout.
# Prints "  ok: ..." per passed check and "wine_checks: all checks passed" at the end, or exits 1.
set -uo pipefail
RUN=/x/run
SRC=$RUN/src
FAILED=0
T0=$(date +%s)
log() { echo "[checks $(( $(date +%s) - T0 ))s] $*"; }
ok() { echo "  ok: $*"; }
bad() { echo "wine_checks: FAIL $*" >&2; FAILED=1; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; return 1; fi; }
# w LIMIT PROGRAM ARGS...: a Windows program, output piped (Wine's Python dies at start when stdout is a
# regular file), CRs dropped, a time limit; returns the program's exit code.
w() { local limit=$1; shift; timeout -k 20 "$limit" wine "$@" </dev/null 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }
wait_wine() { timeout 300 wineserver -w || bad "Wine processes still running after 300 s"; }

U=$WINEPREFIX/drive_c/users/$(whoami)
WINU="C:\\users\\$(whoami)"
PER_USER_DIR=$U/AppData/Local/Programs/kcdesk
PER_USER_WIN="$WINU\\AppData\\Local\\Programs\\kcdesk"
START_MENU=$U/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs
KEY='Software\Microsoft\Windows\CurrentVersion\Uninstall\kcdesk'
regq() { wine reg query "$@" </dev/null 2>/dev/null | tr -d '\r'; return "${PIPESTATUS[0]}"; }

log "silent per-user install: $(basename "$SETUP") /S /CURRENTUSER"
w 600 "Z:${SETUP//\//\\}" /S /CURRENTUSER; code=$?
wait_wine
check "installer /S /CURRENTUSER exit 0 (got $code)" test "$code" -eq 0
check "installed into %LOCALAPPDATA%\\Programs\\kcdesk" test -f "$PER_USER_DIR/kcdesk.exe" -a -d "$PER_USER_DIR/_internal" -a -f "$PER_USER_DIR/uninstall.exe"
check "Start-menu shortcut kcdesk.lnk" test -f "$START_MENU/kcdesk.lnk"
regq "HKCU\\$KEY" > "$RUN/uninstall-key.txt"
check "Apps & features entry (HKCU): DisplayName, DisplayVersion $VERSION, UninstallString, QuietUninstallString" \
  bash -c "grep -q 'DisplayName.*kcdesk' '$RUN/uninstall-key.txt' && grep -q 'DisplayVersion.*REG_SZ.*$VERSION' '$RUN/uninstall-key.txt' \
    && grep -q 'UninstallString.*uninstall.exe' '$RUN/uninstall-key.txt' && grep -q 'QuietUninstallString.*/S' '$RUN/uninstall-key.txt'"
check ".kcdesk opens in kcdesk (HKCU\\Software\\Classes)" bash -c \
  "wine reg query 'HKCU\\Software\\Classes\\.kcdesk' </dev/null 2>/dev/null | tr -d '\r' | grep -q 'kcdesk.project' \
   && wine reg query 'HKCU\\Software\\Classes\\kcdesk.project\\shell\\open\\command' </dev/null 2>/dev/null | tr -d '\r' | grep -qi 'kcdesk.exe\" \"%1\"'"

# A wrapper so that ci_exe.sh (which runs its executable with env -i) runs the installed kcdesk.exe.
wrapper() {  # wrapper NAME WINDOWS_PATH_OF_EXE
  cat > "$RUN/$1" <<SH
#!/bin/bash
export WINEPREFIX=$WINEPREFIX WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;ucrtbase=n,b" XDG_RUNTIME_DIR=/tmp/xdg-wine
unset TMPDIR  # Wine 10 aborts ("free(): invalid pointer") with TMPDIR elsewhere
mkdir -p -m 700 "\$XDG_RUNTIME_DIR"
timeout -k 20 900 wine '$2' "\$@" </dev/null 2>&1 | tr -d '\r'
exit "\${PIPESTATUS[0]}"
SH
  chmod +x "$RUN/$1"
}
wrapper kcdesk-installed "$PER_USER_WIN\\kcdesk.exe"
wrapper kcdesk-portable "Z:\\x\\run\\src\\dist\\kcdesk.exe"

log "build_scripts/ci_exe.sh against the installed kcdesk.exe"
(cd "$SRC" && KCDESK_EXE=$RUN/kcdesk-installed KCDESK_EXE_SIZE_FILE="$SRC/dist/kcdesk.exe" KCDESK_CI_PDF=no \
   bash build_scripts/ci_exe.sh --no-build) 2>&1 | tee "$RUN/ci_exe-installed.log" | sed 's/^/    /'
check "ci_exe.sh against the installed kcdesk.exe: all checks passed" grep -q '^ci_exe: all checks passed' "$RUN/ci_exe-installed.log"

log "the portable one-file kcdesk.exe"
P=$RUN/kcdesk-portable
check "portable kcdesk.exe --version = kcdesk $VERSION" bash -c "'$P' --version | grep -qx 'kcdesk $VERSION'"
# UTF-8 whatever the code page (Wine's is cp1252): Kazakh and Russian through a pipe and into a file.
check "portable --help through a pipe (UTF-8, no UnicodeEncodeError)" bash -c "'$P' --help | grep -q 'report'"
check "portable deadlines through a pipe prints Kazakh/Russian text as UTF-8" bash -c \
  "'$P' deadlines --quarter 2026-Q3 --today 2026-10-01 > '$RUN/deadlines.txt' && python3 -c \"
import sys; t = open('$RUN/deadlines.txt', encoding='utf-8').read(); assert any('\u0400' <= c <= '\u04ff' for c in t), t[:200]\""
# The one-file executable starts itself again for the import's reader process (the child must find the
# parent's unpacked folder and answer through the two pipes).
python3 "$SRC/build_scripts/ci_exports.py" "$RUN/exports" 25
check "portable import of a CSV and an .xlsx (reader child process) stores 50 rows" bash -c \
  "cd '$RUN/exports' && '$P' import portable.kcdesk export.csv export.xlsx > import.log 2>&1; code=\$?; \
   grep -q 'stored 50' import.log && [ \$code -eq 0 ] || { tail -n 20 import.log; false; }"
QT_QPA_PLATFORM=offscreen "$P" --smoke > "$RUN/smoke-portable.log" 2>&1
check "portable --smoke (offscreen) says ok" grep -q 'smoke: ok' "$RUN/smoke-portable.log" || tail -n 30 "$RUN/smoke-portable.log"

log "a real window: Wine's X11 driver on Xvfb"
# Wine's desktop process (explorer /desktop) started with the headless steps above has no X display;
# a window shown while it lives is never drawn. Stop the prefix's processes first: the next program
# starts a desktop on Xvfb.
timeout 120 wineserver -k 2>/dev/null; wait_wine
XVFB_LOG=$RUN/xvfb.log
exec 5>"$RUN/display.txt"
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp >"$XVFB_LOG" 2>&1 &
XVFB_PID=$!
echo "$XVFB_PID" > "$RUN/xvfb.pid"  # windows_under_wine.sh stops it if this script is killed
exec 5>&-
for _ in $(seq 1 60); do [ -s "$RUN/display.txt" ] && break; sleep 0.5; done
export DISPLAY=":$(head -1 "$RUN/display.txt")"
check "Xvfb started on $DISPLAY" test "$DISPLAY" != ":"
"$RUN/kcdesk-installed" --smoke > "$RUN/smoke-window.log" 2>&1
check "installed kcdesk.exe --smoke with a real window says ok" grep -q 'smoke: ok' "$RUN/smoke-window.log" || tail -n 30 "$RUN/smoke-window.log"
for lang in kk ru; do
  rm -f "$RUN/probe-$lang.json"
  start=$(date +%s.%N)
  (KCDESK_STARTUP_PROBE="Z:\\x\\run\\probe-$lang.json" KCDESK_STARTUP_HOLD=12 "$RUN/kcdesk-installed" --lang "$lang" \
     > "$RUN/window-$lang.log" 2>&1) &
  app=$!
  for _ in $(seq 1 360); do [ -s "$RUN/probe-$lang.json" ] && break; kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
  if [ -s "$RUN/probe-$lang.json" ]; then
    sleep 4  # let Wine finish painting
    import -display "$DISPLAY" -window root "$RUN/shot-$lang.png" 2>/dev/null
    took=$(python3 -c "import json, sys; print(f'{json.load(open(sys.argv[1]))[\"time\"] - float(sys.argv[2]):.2f}')" "$RUN/probe-$lang.json" "$start")
    echo "  first window ($lang) under Wine: ${took} s after start; $(cat "$RUN/probe-$lang.json")"
    echo "$lang $took" >> "$RUN/first-window.txt"
  fi
  wait "$app"; code=$?
  check "first window in $lang shown, then closed with exit 0 (got $code)" test -s "$RUN/probe-$lang.json" -a "$code" -eq 0
  check "screenshot of the first window in $lang (shot-$lang.png) is not blank" python3 - "$RUN/shot-$lang.png" <<'PY'
import subprocess, sys
out = subprocess.run(["identify", "-format", "%w %h %k", sys.argv[1]], capture_output=True, text=True, check=True).stdout.split()
assert int(out[0]) >= 800 and int(out[2]) > 50, out  # width, distinct colours
PY
done
# The portable one-file's first window, for the record: it unpacks itself first (the numerical
# libraries only on first use, build_scripts/lazy_payload.py). Timed like the installed one, no screenshot.
rm -f "$RUN/probe-portable.json"
start=$(date +%s.%N)
KCDESK_STARTUP_PROBE="Z:\\x\\run\\probe-portable.json" timeout 180 "$RUN/kcdesk-portable" --lang kk > "$RUN/window-portable.log" 2>&1
code=$?
if [ -s "$RUN/probe-portable.json" ]; then
  took=$(python3 -c "import json, sys; print(f'{json.load(open(sys.argv[1]))[\"time\"] - float(sys.argv[2]):.2f}')" "$RUN/probe-portable.json" "$start")
  echo "  first window of the portable kcdesk.exe (kk) under Wine: ${took} s after start"
  echo "portable-kk $took" >> "$RUN/first-window.txt"
fi
check "portable kcdesk.exe shows its first window with a real window, exit 0 (got $code)" test -s "$RUN/probe-portable.json" -a "$code" -eq 0
kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null
unset DISPLAY
timeout 120 wineserver -k 2>/dev/null; wait_wine  # and back to headless for the rest

log "the officer's files, then a silent uninstall"
DOCS=$U/Documents
mkdir -p "$DOCS"
I=$RUN/kcdesk-installed
"$I" demo "$WINU\\Documents\\проект 2026.kcdesk" >/dev/null
"$I" report "$WINU\\Documents\\проект 2026.kcdesk" --quarter 2026-Q3 --lang ru --out "$WINU\\Documents\\справка 2026-Q3.docx" >/dev/null
"$I" demo "$PER_USER_WIN\\saved-here.kcdesk" >/dev/null  # a project the officer saved in the program's folder
check "the officer's project and справка written" test -s "$DOCS/проект 2026.kcdesk" -a -s "$DOCS/справка 2026-Q3.docx" -a -s "$PER_USER_DIR/saved-here.kcdesk"
wait_wine
w 600 "$PER_USER_WIN\\uninstall.exe" /S; code=$?
wait_wine  # the uninstaller runs a copy of itself from %TEMP%: wait for it
check "uninstaller /S exit 0 (got $code)" test "$code" -eq 0
check "program files removed (kcdesk.exe, _internal, uninstall.exe)" \
  test ! -e "$PER_USER_DIR/kcdesk.exe" -a ! -e "$PER_USER_DIR/_internal" -a ! -e "$PER_USER_DIR/uninstall.exe"
check "only the officer's file is left in the program folder" bash -c "[ \"\$(ls -A '$PER_USER_DIR')\" = saved-here.kcdesk ]"
check "the officer's project and справка in Documents are untouched" test -s "$DOCS/проект 2026.kcdesk" -a -s "$DOCS/справка 2026-Q3.docx"
check "Start-menu shortcut removed" test ! -e "$START_MENU/kcdesk.lnk"
check "Apps & features entry removed" bash -c "! wine reg query 'HKCU\\$KEY' </dev/null >/dev/null 2>&1"
check ".kcdesk association removed" bash -c "! wine reg query 'HKCU\\Software\\Classes\\kcdesk.project' </dev/null >/dev/null 2>&1 \
  && ! wine reg query 'HKCU\\Software\\Classes\\.kcdesk' </dev/null >/dev/null 2>&1"

log "all-users mode: an elevated silent install (/S /ALLUSERS), then its uninstaller"
{
  w 600 "Z:${SETUP//\//\\}" /S /ALLUSERS; code=$?
  wait_wine
  PF=$WINEPREFIX/drive_c/Program\ Files/kcdesk
  if [ "$code" -eq 740 ]; then
    echo "  (Wine's user is not elevated here: the all-users mode was refused with 740, as on Windows)"
  else
    check "all-users install exit 0 into %ProgramFiles%\\kcdesk, registered under HKLM" bash -c \
      "[ $code -eq 0 ] && [ -f '$PF/kcdesk.exe' ] && wine reg query 'HKLM\\$KEY' </dev/null >/dev/null 2>&1"
    check "all-users install: no per-user entry" bash -c "! wine reg query 'HKCU\\$KEY' </dev/null >/dev/null 2>&1"
    w 600 "C:\\Program Files\\kcdesk\\uninstall.exe" /S; code=$?
    wait_wine
    check "all-users uninstall exit 0, folder and HKLM entry removed" bash -c \
      "[ $code -eq 0 ] && [ ! -e '$PF' ] && ! wine reg query 'HKLM\\$KEY' </dev/null >/dev/null 2>&1"
  fi
}

if [ "$FAILED" -ne 0 ]; then
  echo "wine_checks: FAILED" >&2
  exit 1
fi
echo "wine_checks: all checks passed"
