"""Import files with the officer's choices (sheet, header row, column mapping), and preview one file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kcdesk.core.store.project import Project
from kcdesk.core.tasks import Progress


@dataclass
class FilePlan:
    """What the officer chose for one file: the sheet, the header row and the column mapping
    (header text -> field, None: not used). Anything left None is found automatically."""

    file: Path
    sheet: str | None = None
    header_row: int | None = None
    mapping: dict[str, str | None] | None = None

    def overrides(self) -> dict[str, str] | None:
        """The mapping as the importer's overrides ("ignore" for a column not used; blank headers,
        shown as #n, have no text to match and are left to the automatic mapping)."""
        if not self.mapping:
            return None
        return {h: (f or "ignore") for h, f in self.mapping.items() if not h.startswith("#")}


def import_files(project_path: Path, plans: Sequence[FilePlan], progress: Progress | None = None,
                 source: str | None = None, dry_run: bool = False,
                 on_committed: Callable[[Any, list[Path]], None] | None = None) -> list[Any]:
    """Import the files; files with the same choices go in one call (one transaction), so a cancel
    or an error rolls back the current call only. Returns one ImportResult per call, in order;
    on_committed(result, files) hears of each call as it is committed, so a caller whose batch is
    stopped later can still say what was kept."""
    from kcdesk.core.importing import import_files as run_import

    calls: dict[tuple[str | None, int | None, tuple[tuple[str, str], ...]], list[Path]] = {}
    for plan in plans:
        key = (plan.sheet, plan.header_row, tuple(sorted((plan.overrides() or {}).items())))
        calls.setdefault(key, []).append(Path(plan.file))
    results = []
    for (sheet, header_row, overrides), files in calls.items():
        result = run_import(Path(project_path), files, source=source, overrides=dict(overrides) or None,
                            progress=progress, dry_run=dry_run, sheet=sheet, header_row=header_row)
        results.append(result)
        if on_committed is not None:
            on_committed(result, files)
    return results


def preview_file(project: Project, plan: FilePlan) -> Any:
    """The first rows of a file as they would be stored, with the mapping the import would use."""
    from kcdesk.core.importing import preview_file as preview

    return preview(project, Path(plan.file), sheet=plan.sheet, header_row=plan.header_row,
                   overrides=plan.overrides())


def remember_mapping(project: Project, plan: FilePlan) -> None:
    """The column choices are remembered for later files of this name (the source)."""
    overrides = plan.overrides()
    if overrides:
        project.save_preset(Path(plan.file).name, overrides)
