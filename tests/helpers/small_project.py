"""A small project built from typed rows, without a CSV import: what the stage rules' tests start from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from kcdesk.core.store.imports import RequestRow, insert_requests
from kcdesk.core.store.project import Project


@contextmanager
def small_project(folder: Path, rows: Sequence[RequestRow], name: str = "small") -> Iterator[Project]:
    """A new project in `folder` holding exactly `rows` (one import), open for the test."""
    with Project.open(folder / f"{name}.kcdesk", create=True) as project:
        insert_requests(project, rows)
        yield project


def rows(day: date, count: int, **values: object) -> list[RequestRow]:
    """`count` requests registered on `day` with the same values (topic=…, region=…, gender=…)."""
    return [RequestRow(day, **values) for _ in range(count)]  # type: ignore[arg-type]
