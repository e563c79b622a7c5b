"""Tests look inside a project file with plain SQL (read-only); the package itself keeps SQL in the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kcdesk.core.store.project import Project


def rows(project: Project | Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    path = project.path if isinstance(project, Project) else Path(project)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def value(project: Project | Path, sql: str, params: Sequence[Any] = ()) -> Any:
    found = rows(project, sql, params)
    return found[0][0] if found else None
