"""Write an output file atomically (temporary name in the same folder, then os.replace), via core.files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kcdesk.core.files import atomic_path


def write_atomic(out: Path, writer: Callable[[Path], None]) -> Path:
    """Call writer(temp_path), then move the temp file over out; a failure leaves out untouched."""
    with atomic_path(out) as temp:
        writer(temp)
    return Path(out)
