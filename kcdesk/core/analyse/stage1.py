"""Stage 1 (§8, §10.1, §11): totals, regions and topics against earlier quarters, the +30 % rule."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from kcdesk.core.analyse.periods import Periods, change_pct, grouped_counts
from kcdesk.core.store.project import Project

GROWTH_FLAG_PCT = 30.0   # §11: growth strictly above 30 % calls for a work plan
UNKNOWN_REGION = "unknown"
DRIVERS_SHOWN = 3


def totals(project: Project, periods: Periods) -> dict[str, Any]:
    def count(quarter) -> int:
        return int(project.scalar("SELECT COUNT(*) FROM requests WHERE quarter = ?", (quarter.index,)))

    current = count(periods.current)
    previous = count(periods.previous) if periods.has_previous else None
    year_ago = count(periods.year_ago) if periods.has_year_ago else None
    return {"count": current, "previous": previous, "year_ago": year_ago,
            "change_pct": change_pct(current, previous),
            "change_year_pct": change_pct(current, year_ago)}


def _rows(table: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    # Listed: everything with requests now or in the previous quarter (a fall to 0 matters too).
    listed = table[(table["count"] > 0) | (table["previous"].fillna(0) > 0)]
    listed = listed.assign(_neg=-listed["count"].astype("int64")).sort_values(["_neg", "key"])
    rows = []
    for item in listed.to_dict("records"):
        count, previous, year_ago = int(item["count"]), item["previous"], item["year_ago"]
        rows.append({key: item["key"], "count": count,
                     "previous": None if previous is None else int(previous),
                     "year_ago": None if year_ago is None else int(year_ago),
                     "change_pct": change_pct(count, previous)})
    return rows


def by_region(project: Project, periods: Periods) -> list[dict[str, Any]]:
    table = grouped_counts(project, periods, f"COALESCE(r.region, '{UNKNOWN_REGION}')")
    return _rows(table, "region")


def small_count_caution(count: int, previous: int | None) -> bool:
    """B3: a rise within chance variation (two Poisson counts, |z| < 1.96) deserves a caution."""
    if previous is None:
        return False
    if count + previous == 0:
        return False
    return abs(count - previous) / math.sqrt(count + previous) < 1.96


def by_topic(project: Project, periods: Periods) -> list[dict[str, Any]]:
    table = grouped_counts(project, periods, "t.name", join="JOIN topics t ON t.id = r.topic_id")
    names = project.query("SELECT name, name_kk, name_ru FROM topics WHERE merged_into IS NULL")
    translations = {n: (kk, ru) for n, kk, ru in names.itertuples(index=False)}
    rows = _rows(table, "topic")
    for row in rows:
        pct, previous, count = row["change_pct"], row["previous"], row["count"]
        row["flag_over_30"] = pct is not None and pct > GROWTH_FLAG_PCT
        row["new"] = bool(periods.has_previous and previous == 0 and count > 0)
        row["caution"] = bool((row["flag_over_30"] or row["new"]) and small_count_caution(count, previous))
        kk, ru = translations.get(row["topic"], (None, None))
        row["names"] = {"kk": kk or row["topic"], "ru": ru or row["topic"]}
    return rows


def by_channel(project: Project, periods: Periods) -> list[dict[str, Any]]:
    table = grouped_counts(project, periods, "COALESCE(r.channel, '')")
    return _rows(table, "channel")


def drivers(project: Project, periods: Periods, topics: list[str]) -> dict[str, Any]:
    """For each flagged or new topic: the regions and channels whose change contributes most."""
    if not topics:
        return {}
    marks = ",".join("?" * len(topics))
    result: dict[str, Any] = {t: {"regions": [], "channels": []} for t in topics}
    for dimension, expression in (("regions", f"COALESCE(r.region, '{UNKNOWN_REGION}')"),
                                  ("channels", "COALESCE(r.channel, '')")):
        frame = project.query(
            f"SELECT t.name AS topic, {expression} AS key, "
            "SUM(r.quarter = ?) AS count, SUM(r.quarter = ?) AS previous FROM requests r "
            f"JOIN topics t ON t.id = r.topic_id WHERE r.quarter IN (?, ?) AND t.name IN ({marks}) "
            "GROUP BY t.name, key",
            (periods.current.index, periods.previous.index, periods.current.index,
             periods.previous.index, *topics),
        )
        frame["delta"] = frame["count"] - frame["previous"]
        frame = frame.sort_values(["topic", "delta", "key"], ascending=[True, False, True])
        label = "region" if dimension == "regions" else "channel"
        for topic, group in frame.groupby("topic", sort=False):
            rising = group[group["delta"] > 0].head(DRIVERS_SHOWN)
            result[topic][dimension] = [
                {label: k, "count": int(c), "previous": int(p), "delta": int(d)}
                for k, c, p, d in rising[["key", "count", "previous", "delta"]].itertuples(index=False)
            ]
    return result


def reconciliation(project: Project, periods: Periods, total: int) -> list[dict[str, Any]]:
    """S1.5: reference totals the officer entered (Qlik, other channels) against the imported data."""
    reference = project.reference_totals(periods.current)
    imported = {row["channel"].casefold(): row["count"] for row in by_channel(project, periods)}
    sources = project.query(
        "SELECT i.source, COUNT(*) AS n FROM requests r JOIN imports i ON i.id = r.import_id "
        "WHERE r.quarter = ? GROUP BY i.source", (periods.current.index,))
    imported.update({s.casefold(): int(n) for s, n in sources.itertuples(index=False)})
    rows = []
    for channel, count in reference.itertuples(index=False):
        # A reference line is compared with the channel or source of that name, else the total.
        ours = imported.get(channel.casefold(), total)
        rows.append({"channel": channel, "reference": int(count), "imported": int(ours),
                     "difference": int(ours) - int(count)})
    return rows
