"""Write an output file atomically: to a temporary name in the same folder, then os.replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kcdesk.core.errors import KcError


def write_atomic(out: Path, writer: Callable[[Path], None]) -> Path:
    """Call writer(temp_path), then move the temp file over out; a failure leaves out untouched."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise KcError("write_failed", file=str(out), reason="no such folder")
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer(temp)
        os.replace(temp, out)
    except PermissionError as error:
        raise KcError("write_failed", file=str(out), reason=error.strerror or "permission denied") from error
    except OSError as error:
        raise KcError("write_failed", file=str(out), reason=error.strerror or type(error).__name__) from error
    finally:
        if temp.exists():
            temp.unlink(missing_ok=True)
    return out
