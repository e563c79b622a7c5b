"""Stage 2 (§10.2, §12): the ten topics with most requests, country-wide and for each region."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kcdesk.core.analyse.periods import Periods
from kcdesk.core.store import queries
from kcdesk.core.store.project import Project

TOP_N = 10


def ranked(counts: pd.DataFrame, top: int = TOP_N) -> pd.DataFrame:
    """Count descending then name; ties share a rank (1, 2, 2, 4) and every tie at the cut-off stays."""
    counts = counts[counts["count"] > 0]
    counts = counts.assign(_neg=-counts["count"]).sort_values(["_neg", "topic"]).drop(columns="_neg")
    counts = counts.assign(rank=counts["count"].rank(method="min", ascending=False).astype("int64"))
    return counts[counts["rank"] <= top]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{"rank": int(r), "topic": t, "count": int(c)}
            for r, t, c in frame[["rank", "topic", "count"]].itertuples(index=False)]


def top10(project: Project, periods: Periods) -> dict[str, Any]:
    cube = periods.cube
    frame = cube[(cube["quarter"] == periods.current.index) & cube["topic_id"].notna()]
    frame = frame.groupby(["region", "topic_id"], dropna=False, as_index=False)["n"].sum()
    topics = queries.topic_names(project)
    names = dict(zip(topics["id"], topics["name"], strict=True))
    frame = frame.assign(topic=frame["topic_id"].astype("int64").map(names)).rename(columns={"n": "count"})
    country = frame.groupby("topic", as_index=False)["count"].sum()
    by_region: dict[str, list[dict[str, Any]]] = {}
    for region, group in frame[frame["region"].notna()].groupby("region", sort=True):
        by_region[str(region)] = _records(ranked(group[["topic", "count"]]))
    return {"all": _records(ranked(country)), "by_region": by_region}
