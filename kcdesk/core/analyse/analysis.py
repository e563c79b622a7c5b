"""The three stages for one quarter, assembled into the `kcdesk.analysis/1` JSON shape."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kcdesk.core.analyse import stage1, stage2, stage3
from kcdesk.core.analyse.periods import Periods, change_pct
from kcdesk.core.errors import KcError
from kcdesk.core.model import needs_attention
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import queries
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import NullProgress, Progress, check

SCHEMA = "kcdesk.analysis/1"


def analyse(project: Project, quarter: Quarter, progress: Progress | None = None) -> dict[str, Any]:
    progress = progress or NullProgress()
    if not project.has_data(quarter):
        if not project.quarters():
            raise KcError("no_data")
        raise KcError("no_data_for_quarter", value=str(quarter))
    periods = Periods.of(project, quarter)
    steps = 6
    progress.report(0, steps, "stage1")
    total = stage1.totals(periods)
    regions = stage1.by_region(periods)
    progress.report(1, steps, "stage1")
    check(progress)
    basis = project.comparison_basis()
    topics = stage1.by_topic(project, periods, basis)
    flagged = [t["topic"] for t in topics if needs_attention(t)]
    progress.report(2, steps, "stage1")
    check(progress)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "quarter": str(quarter),
        "comparison": {"previous": str(periods.previous), "year_ago": str(periods.year_ago), "basis": basis},
        "quarter_rule": project.quarter_rule(),
        "total": total,
        "by_region": regions,
        "by_topic": topics,
        "by_channel": stage1.by_channel(periods),
        "drivers": stage1.drivers(project, periods, flagged, basis),
    }
    progress.report(3, steps, "stage2")
    check(progress)
    result["top10"] = stage2.top10(project, periods)
    progress.report(4, steps, "stage3")
    check(progress)
    result["portrait"] = stage3.portrait(project, periods)
    result["reconciliation"] = stage1.reconciliation(project, periods, total["count"])
    result["contact_centres"] = contact_centres(project, quarter)
    result["data_quality"] = data_quality(project, periods, total["count"])
    progress.report(steps, steps, "done")
    return result


def contact_centres(project: Project, quarter: Quarter) -> list[dict[str, Any]]:
    if "contact_centre" not in project.mapped_fields():
        return []  # no import had the column: no scan of the requests
    frame = queries.contact_centres(project, quarter)
    return [{"name": n, "phone": p, "count": int(c)} for n, p, c in frame.itertuples(index=False)]


def data_quality(project: Project, periods: Periods, counted: int) -> dict[str, int]:
    duplicates = queries.duplicates_counted(project, periods.current)
    cube = periods.cube[periods.cube["quarter"] == periods.current.index]
    return {
        "rows_read": counted + duplicates,
        "rows_counted": counted,
        "duplicates": duplicates,
        "unmapped_region": int(cube.loc[cube["region"].isna(), "n"].sum()),
        "unmapped_topic": int(cube.loc[cube["topic_id"].isna(), "n"].sum()),
        # Rows with no readable date belong to no quarter: the whole project's count is shown.
        "bad_date": queries.undated_rows(project),
    }


def region_counts(project: Project, quarter: Quarter, topic: str | None = None) -> pd.DataFrame:
    """All 20 regions (0 where none) with count, previous and change — for the map and its table."""
    from kcdesk.core.normalise.reference import regions

    periods = Periods.of(project, quarter)
    rows = None
    if topic:
        ids = queries.topic_ids(project, topic)
        rows = periods.cube["topic_id"].isin(ids)
    table = periods.counts("region", rows).rename(columns={"key": "region"}).set_index("region")
    table = table.reindex(list(regions()["code"]) + ["unknown"])
    table["count"] = pd.to_numeric(table["count"]).fillna(0).astype("int64")
    if periods.has_previous:
        table["previous"] = pd.to_numeric(table["previous"]).fillna(0).astype("int64")
    else:
        table["previous"] = None
    table["change_pct"] = [change_pct(c, p) for c, p in zip(table["count"], table["previous"])]
    return table.reset_index()


def quarter_summary(project: Project) -> pd.DataFrame:
    frame = queries.quarter_counts(project)
    frame["quarter"] = [str(Quarter.from_index(int(q))) for q in frame["quarter"]]
    return frame
