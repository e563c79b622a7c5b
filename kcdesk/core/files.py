"""Files kcdesk writes go to a temporary name and are renamed: a crash never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kcdesk.core.errors import KcError


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one rename.
    The target must be a regular file (or not exist yet) in an existing folder, never a link, a device
    or a database (core.outputs.check_place); the folder is not created."""
    from kcdesk.core.outputs import check_place

    target = check_place(target)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
    except OSError as error:
        raise KcError("write_failed", file=target.name, reason=error.strerror) from None
    os.close(handle)
    _usual_mode(temp)
    try:
        yield Path(temp)
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, target)
    except OSError as error:
        _remove(temp)
        raise KcError("write_failed", file=target.name, reason=error.strerror) from None
    except BaseException:
        _remove(temp)
        raise


def atomic_write_text(target: Path | str, text: str) -> None:
    with atomic_path(target) as temp:
        temp.write_text(text, encoding="utf-8")


def _usual_mode(path: str) -> None:
    """mkstemp makes files only their owner can read; a saved справка gets the usual mode."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
