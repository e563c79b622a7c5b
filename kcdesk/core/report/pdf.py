"""PDF through LibreOffice (headless) when it is installed; otherwise KcError('pdf_unavailable')."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kcdesk.core.errors import KcError
from kcdesk.core.report.atomic import write_atomic

TIMEOUT_S = 300
_WINDOWS_DIRS = ("LibreOffice", "LibreOffice 7", "LibreOffice 24", "LibreOffice 25")


def find_soffice() -> Path | None:
    """soffice/libreoffice on PATH, else the usual Windows install folders."""
    for name in ("soffice", "libreoffice", "soffice.exe"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)"),
                 "C:/Program Files", "C:/Program Files (x86)"):
        if not base:
            continue
        for folder in _WINDOWS_DIRS:
            candidate = Path(base) / folder / "program" / "soffice.exe"
            if candidate.is_file():
                return candidate
    return None


def to_pdf(docx: Path, out: Path, soffice: Path | None = None) -> Path:
    """Convert docx to out (.pdf) in a private profile and folder, then move it into place atomically."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise KcError("pdf_unavailable")
    docx = Path(docx)
    with tempfile.TemporaryDirectory(prefix="kcdesk-pdf-") as work:
        profile = Path(work) / "profile"
        # A private profile: a LibreOffice the officer has open must not block or be disturbed.
        command = [str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", work, str(docx)]
        try:
            result = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise KcError("pdf_failed", file=str(out), reason=type(error).__name__) from error
        produced = Path(work) / f"{docx.stem}.pdf"
        if result.returncode != 0 or not produced.is_file():
            raise KcError("pdf_failed", file=str(out), reason=f"exit code {result.returncode}")
        def copy(temp: Path) -> None:
            shutil.copyfile(produced, temp)

        return write_atomic(Path(out), copy)
