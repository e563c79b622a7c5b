# Builds the Windows artefacts from this checkout: dist\kcdesk.exe (portable one file, GUI and CLI),
# dist\kcdesk-app\ (the one-folder build) and, when NSIS's makensis.exe is installed (or -Makensis
# names it), the installer dist\kcdesk-setup-<version>.exe around the one-folder build.
#   powershell -ExecutionPolicy Bypass -File build_scripts\build.ps1
#   powershell -ExecutionPolicy Bypass -File build_scripts\build.ps1 -Python "py -3.11"
# Needs 64-bit CPython 3.11 from python.org (or `py` launcher) and internet for the first pip install;
# the built kcdesk.exe needs neither. CI builds the same artefacts on Linux under Wine
# (build_scripts/windows_under_wine.sh); this script has not been run on Windows: see docs/BUILD.md.
param(
    [string]$Python = "py -3.11",
    [string]$Makensis = ""
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    $parts = $Python -split " "
    $launcher = $parts[0]
    $launcherArgs = @()
    if ($parts.Length -gt 1) { $launcherArgs = $parts[1..($parts.Length - 1)] }
    Invoke-Checked $launcher ($launcherArgs + @("-m", "venv", ".venv"))
}

# Install kcdesk with its pinned dependencies and PyInstaller when missing or of another version.
$pyiVersion = & $VenvPython -c "import PyInstaller, kcdesk; print(PyInstaller.__version__)" 2>$null
if ($LASTEXITCODE -ne 0 -or $pyiVersion -ne "6.22.3") {
    Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[build]")
}

# The icon is drawn by a script when a fresh checkout lacks it.
if (-not (Test-Path "resources\icons\app.ico") -or -not (Test-Path "resources\icons\app.png") -or -not (Test-Path "resources\icons\app.splash.png")) {
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Checked $VenvPython @("build_scripts\make_icon.py")
    Remove-Item Env:QT_QPA_PLATFORM
}

$started = Get-Date
# The spec compiles i18n\*.ts with PySide6's lrelease.exe and generates the demo project itself.
Invoke-Checked (Join-Path $Root ".venv\Scripts\pyinstaller.exe") @(
    "--noconfirm", "--log-level", "WARN", "--distpath", "dist", "--workpath", "build\pyinstaller",
    "build_scripts\kcdesk.spec")

$exe = Join-Path $Root "dist\kcdesk.exe"
$size = (Get-Item $exe).Length
$seconds = [int]((Get-Date) - $started).TotalSeconds
Write-Host ("build.ps1: dist\kcdesk.exe {0:N1} MB ({1} bytes), built in {2} s" -f ($size / 1MB), $size, $seconds)
# A console executable: --version prints here and returns an exit code.
Invoke-Checked $exe @("--version")
(Get-Item $exe).VersionInfo | Format-List FileVersion, ProductVersion, FileDescription

# The installer (NSIS 3, https://nsis.sourceforge.io): optional on a developer's machine.
if (-not $Makensis) {
    $found = Get-Command makensis.exe -ErrorAction SilentlyContinue
    if ($found) { $Makensis = $found.Source }
    elseif (Test-Path "${env:ProgramFiles(x86)}\NSIS\makensis.exe") { $Makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
}
if ($Makensis) {
    $version = (& $VenvPython -c "import kcdesk; print(kcdesk.__version__)").Trim()
    $version4 = (& $VenvPython -c "import sys; sys.path.insert(0, 'build_scripts'); from version_info import version_tuple; print('.'.join(map(str, version_tuple('$version'))))").Trim()
    Invoke-Checked $Makensis @("-V2", "-INPUTCHARSET", "UTF8", "-DVERSION=$version", "-DVERSION4=$version4",
        "-DSRCDIR=$Root", "-DOUTFILE=$Root\dist\kcdesk-setup-$version.exe", "build_scripts\windows\kcdesk.nsi")
    Write-Host "build.ps1: dist\kcdesk-setup-$version.exe"
} else {
    Write-Host "build.ps1: makensis.exe not found: no installer (dist\kcdesk-app\ is the one-folder build)"
}
