"""Counts for the reporting quarter and its comparison quarters, straight from SQL."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project


@dataclass(frozen=True)
class Periods:
    """The reporting quarter and the comparison quarters the project has data for."""

    current: Quarter
    previous: Quarter
    year_ago: Quarter
    has_previous: bool
    has_year_ago: bool

    @classmethod
    def of(cls, project: Project, quarter: Quarter) -> Periods:
        return cls(quarter, quarter.previous(), quarter.year_ago(),
                   project.has_data(quarter.previous()), project.has_data(quarter.year_ago()))


def grouped_counts(project: Project, periods: Periods, expression: str,
                   join: str = "", where: str = "") -> pd.DataFrame:
    """One row per value of `expression`: count, previous, year_ago (None where no data)."""
    quarters = (periods.current.index, periods.previous.index, periods.year_ago.index)
    frame = project.query(
        f"SELECT {expression} AS key, r.quarter AS q, COUNT(*) AS n FROM requests r {join} "
        f"WHERE r.quarter IN (?, ?, ?) {where} GROUP BY key, r.quarter",
        quarters,
    )
    table = frame.pivot_table(index="key", columns="q", values="n", aggfunc="sum", fill_value=0,
                              dropna=False)
    table = table.reindex(columns=list(quarters), fill_value=0)
    table.columns = ["count", "previous", "year_ago"]
    table = table.astype("int64").astype(object)
    if not periods.has_previous:
        table["previous"] = None
    if not periods.has_year_ago:
        table["year_ago"] = None
    table.index.name = "key"
    return table.reset_index()


def change_pct(count: int, previous: int | None) -> float | None:
    """(count − previous) / previous × 100, 2 decimals; None where previous is 0 or unknown."""
    if previous is None or previous == 0:
        return None
    return round((count - previous) / previous * 100, 2)
