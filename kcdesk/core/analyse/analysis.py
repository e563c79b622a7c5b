"""The three stages for one quarter, assembled into the `kcdesk.analysis/1` JSON shape."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kcdesk.core.analyse import stage1, stage2, stage3
from kcdesk.core.analyse.periods import Periods, change_pct, grouped_counts
from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter
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
    total = stage1.totals(project, periods)
    regions = stage1.by_region(project, periods)
    progress.report(1, steps, "stage1")
    check(progress)
    topics = stage1.by_topic(project, periods)
    flagged = [t["topic"] for t in topics if t["flag_over_30"] or t["new"]]
    progress.report(2, steps, "stage1")
    check(progress)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "quarter": str(quarter),
        "comparison": {"previous": str(periods.previous), "year_ago": str(periods.year_ago)},
        "quarter_rule": project.quarter_rule(),
        "total": total,
        "by_region": regions,
        "by_topic": topics,
        "by_channel": stage1.by_channel(project, periods),
        "drivers": stage1.drivers(project, periods, flagged),
    }
    progress.report(3, steps, "stage2")
    check(progress)
    result["top10"] = stage2.top10(project, periods)
    progress.report(4, steps, "stage3")
    check(progress)
    result["portrait"] = stage3.portrait(project, periods)
    result["reconciliation"] = stage1.reconciliation(project, periods, total["count"])
    result["contact_centres"] = contact_centres(project, quarter)
    result["data_quality"] = data_quality(project, quarter, total["count"])
    progress.report(steps, steps, "done")
    return result


def contact_centres(project: Project, quarter: Quarter) -> list[dict[str, Any]]:
    frame = project.query(
        "SELECT contact_centre AS name, MAX(contact_phone) AS phone, COUNT(*) AS count FROM requests "
        "WHERE quarter = ? AND contact_centre IS NOT NULL GROUP BY contact_centre "
        "ORDER BY count DESC, name",
        (quarter.index,),
    )
    return [{"name": n, "phone": p, "count": int(c)} for n, p, c in frame.itertuples(index=False)]


def data_quality(project: Project, quarter: Quarter, counted: int) -> dict[str, int]:
    column = "reg_quarter" if project.quarter_rule() == "registered" else "COALESCE(proc_quarter, reg_quarter)"
    duplicates = int(project.scalar(
        f"SELECT COALESCE(SUM(count), 0) FROM duplicates WHERE {column} = ?", (quarter.index,)) or 0)
    row = project.connection.execute(
        "SELECT SUM(region IS NULL), SUM(topic_id IS NULL) FROM requests WHERE quarter = ?",
        (quarter.index,),
    ).fetchone()
    return {
        "rows_read": counted + duplicates,
        "rows_counted": counted,
        "duplicates": duplicates,
        "unmapped_region": int(row[0] or 0),
        "unmapped_topic": int(row[1] or 0),
        # Rows with no readable date belong to no quarter: the whole project's count is shown.
        "bad_date": int(project.scalar("SELECT COUNT(*) FROM requests WHERE quarter IS NULL") or 0),
    }


def region_counts(project: Project, quarter: Quarter, topic: str | None = None) -> pd.DataFrame:
    """All 20 regions (0 where none) with count, previous and change — for the map and its table."""
    from kcdesk.core.normalise.reference import regions

    periods = Periods.of(project, quarter)
    join, where = "", ""
    if topic:
        join = "JOIN topics t ON t.id = r.topic_id"
        where = "AND t.name = " + _quote(topic)
    table = grouped_counts(project, periods, "COALESCE(r.region, 'unknown')", join=join, where=where)
    table = table.rename(columns={"key": "region"}).set_index("region")
    codes = list(regions()["code"])
    table = table.reindex(codes + ["unknown"])
    table["count"] = table["count"].fillna(0).astype("int64")
    if periods.has_previous:
        table["previous"] = table["previous"].fillna(0).astype("int64")
    table["change_pct"] = [change_pct(c, p) for c, p in zip(table["count"], table["previous"])]
    return table.reset_index()


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def quarter_summary(project: Project) -> pd.DataFrame:
    frame = project.query(
        "SELECT quarter, COUNT(*) AS count FROM requests WHERE quarter IS NOT NULL GROUP BY quarter "
        "ORDER BY quarter"
    )
    frame["quarter"] = [str(Quarter.from_index(int(q))) for q in frame["quarter"]]
    return frame
