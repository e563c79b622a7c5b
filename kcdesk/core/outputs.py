"""Where an output (справка, table, PDF, JSON, map) may be written: never over what kcdesk must keep.

Both doors ask the same question before writing: the CLI for `--out`, `--xlsx`, `--pdf`, `--json`,
`--workplans`, the GUI right after a save dialog and again in the job. `atomic_path` (core.files) runs
the checks that need no project on every write, so a forgotten call still cannot swap a device for a
regular file or write through a link.

Refused, each with one line naming the file:
- a symbolic link (os.replace would replace the link, and a link can point anywhere);
- anything that is not a regular file: a device (/dev/sda, NUL), a folder, a pipe, a socket;
- a missing folder (it is not created silently: a typo would scatter files);
- the project itself (also through another name or a hard link), its journal and lock sidecars, and any
  SQLite database (an output is never a database: that is someone's project);
- a file the command reads (a template, a content JSON, a chart image);
- a file already imported into the project (recognised by its SHA-256, as the import does).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kcdesk.core.errors import KcError

SQLITE_MAGIC = b"SQLite format 3\x00"
_HASH_LIMIT = 4 << 30  # a file larger than any export is not hashed (it cannot be one we imported)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise KcError("write_failed", file=path.name, reason=error.strerror) from None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def check_place(target: Path | str, folder_may_be_missing: bool = False) -> Path:
    """The checks that need no project: not a link, a regular file if it exists, not a database, the
    folder exists (unless the caller creates exactly that one folder itself)."""
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not folder_may_be_missing:
        info = _stat(parent)
        if info is None or not stat.S_ISDIR(os.stat(parent).st_mode):
            raise KcError("output_no_folder", file=target.name, value=str(parent))
    info = _stat(target)
    if info is None:
        return target
    if stat.S_ISLNK(info.st_mode):
        raise KcError("output_symlink", file=target.name)
    if not stat.S_ISREG(info.st_mode):
        raise KcError("output_not_a_file", file=target.name)
    try:
        with open(target, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        head = b""
    if head == SQLITE_MAGIC:
        raise KcError("output_is_project", file=target.name)
    return target


@dataclass
class OutputGuard:
    """What one command must not write over: its project, the files it reads, the project's imports."""

    project: Path | None = None
    inputs: list[Path] = field(default_factory=list)
    imported: frozenset[str] = frozenset()  # SHA-256 of every file imported into the project
    chosen: list[Path] = field(default_factory=list)

    def check(self, target: Path | str, folder_may_be_missing: bool = False) -> Path:
        """Raise a KcError when `target` must not be written; else return it. Two outputs of one
        command may not be the same file either."""
        target = check_place(target, folder_may_be_missing)
        if self.project is not None:
            sidecars = [self.project.with_name(self.project.name + s) for s in ("-journal", "-wal", ".lock")]
            if _same(target, self.project) or any(_same(target, s) for s in sidecars):
                raise KcError("output_is_project", file=target.name)
        for source in self.inputs:
            if _same(target, source):
                raise KcError("output_is_input", file=target.name)
        for earlier in self.chosen:
            if _same(target, earlier):
                raise KcError("output_twice", file=target.name)
        info = _stat(target)
        if info is not None and self.imported and info.st_size <= _HASH_LIMIT and _sha256(target) in self.imported:
            raise KcError("output_is_import", file=target.name)
        self.chosen.append(target)
        return target

    def check_folder(self, folder: Path | str) -> Path:
        """A folder of outputs (work plans): it may be created, but only inside an existing folder."""
        folder = Path(folder)
        info = _stat(folder)
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise KcError("output_symlink", file=folder.name)
        if info is not None and not stat.S_ISDIR(info.st_mode):
            raise KcError("output_not_a_file", file=folder.name)
        if info is None:
            parent = folder.parent if str(folder.parent) else Path(".")
            if not parent.is_dir():
                raise KcError("output_no_folder", file=folder.name, value=str(parent))
        return folder


def guard_for(project: Path | None, imported: Iterable[str] = (), inputs: Iterable[Path | None] = ()) -> OutputGuard:
    return OutputGuard(project=None if project is None else Path(project),
                       inputs=[Path(p) for p in inputs if p is not None], imported=frozenset(imported))
