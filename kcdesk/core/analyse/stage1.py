"""Stage 1 (§8, §10.1, §11): totals, regions and topics against earlier quarters, the +30 % rule."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pandas as pd

from kcdesk.core.analyse.periods import UNKNOWN, Periods, change_pct
from kcdesk.core.model import TopicRow
from kcdesk.core.normalise.topics_dictionary import name_in
from kcdesk.core.store import queries
from kcdesk.core.store.project import Project

DRIVERS_SHOWN = 3


def totals(periods: Periods) -> dict[str, Any]:
    row = periods.counts().iloc[0] if len(periods.cube) else None
    current = int(row["count"]) if row is not None else 0
    previous = row["previous"] if row is not None else None
    year_ago = row["year_ago"] if row is not None else None
    return {"count": current, "previous": previous, "year_ago": year_ago,
            "change_pct": change_pct(current, previous),
            "change_year_pct": change_pct(current, year_ago)}


def _rows(table: pd.DataFrame, key: str, basis: str = "previous") -> list[dict[str, Any]]:
    # Listed: everything with requests now or in the basis quarter (a fall to 0 matters too).
    before = pd.to_numeric(table["year_ago" if basis == "year_ago" else "previous"], errors="coerce").fillna(0)
    listed = table[(table["count"] > 0) | (before > 0)]
    listed = listed.assign(_neg=-listed["count"].astype("int64")).sort_values(["_neg", "key"])
    rows = []
    for item in listed.to_dict("records"):
        count, before, year_ago = int(item["count"]), item["previous"], item["year_ago"]
        rows.append({key: item["key"], "count": count,
                     "previous": None if before is None else int(before),
                     "year_ago": None if year_ago is None else int(year_ago),
                     "change_pct": change_pct(count, before)})
    return rows


def by_region(periods: Periods) -> list[dict[str, Any]]:
    return _rows(periods.counts("region"), "region")


def small_count_caution(count: int, previous: int | None) -> bool:
    """B3: a change within chance variation (two Poisson counts, |z| < 1.96) deserves a caution."""
    if previous is None or count + previous == 0:
        return False
    return abs(count - previous) / math.sqrt(count + previous) < 1.96


def by_topic(project: Project, periods: Periods, basis: str = "previous") -> list[dict[str, Any]]:
    """Every topic with both changes (previous quarter, a year earlier); the +30 % rule, "new" and the
    caution read the `basis` quarter ("previous", §11's default, or "year_ago")."""
    names = queries.topic_names(project)
    table = periods.counts("topic_id", periods.cube["topic_id"].notna())
    table["key"] = table["key"].astype("int64").map(dict(zip(names["id"], names["name"])))
    translations = {n: (kk, ru) for _, n, kk, ru in names.itertuples(index=False)}
    has_basis = periods.has_year_ago if basis == "year_ago" else periods.has_previous
    rows = []
    for row in _rows(table, "topic", basis):
        count = row["count"]
        kk, ru = translations.get(row["topic"], (None, None))
        topic = TopicRow(**row, change_year_pct=change_pct(count, row["year_ago"]), basis=basis,
                         names={"kk": kk or name_in(row["topic"], "kk") or row["topic"],
                                "ru": ru or name_in(row["topic"], "ru") or row["topic"]})
        topic = replace(topic, new=bool(has_basis and topic.basis_count == 0 and count > 0))
        if topic.needs_attention and small_count_caution(count, topic.basis_count):
            topic = replace(topic, caution=True)
        rows.append(topic.to_json())
    return rows


def by_channel(periods: Periods) -> list[dict[str, Any]]:
    return _rows(periods.counts("channel"), "channel")


def drivers(project: Project, periods: Periods, topics: list[str], basis: str = "previous") -> dict[str, Any]:
    """For each flagged or new topic: the regions and channels whose rise against the basis quarter
    contributes most (`previous` in each row is that quarter's count)."""
    if not topics:
        return {}
    names = queries.topic_names(project)
    ids = dict(zip(names["name"], names["id"]))
    result: dict[str, Any] = {}
    for topic in topics:
        rows = periods.cube["topic_id"] == ids[topic]
        result[topic] = {}
        for dimension, column in (("regions", "region"), ("channels", "channel")):
            table = periods.counts(column, rows)
            before = table["year_ago" if basis == "year_ago" else "previous"]
            previous = pd.to_numeric(before, errors="coerce").fillna(0).astype("int64")
            table = table.assign(previous=previous, delta=table["count"].astype("int64") - previous)
            rising = table[table["delta"] > 0].sort_values(["delta", "key"], ascending=[False, True])
            label = "region" if column == "region" else "channel"
            result[topic][dimension] = [
                {label: k, "count": int(c), "previous": int(p), "delta": int(d)}
                for k, c, p, d in rising.head(DRIVERS_SHOWN)[["key", "count", "previous", "delta"]]
                .itertuples(index=False)
            ]
    return result


def reconciliation(project: Project, periods: Periods, total: int) -> list[dict[str, Any]]:
    """S1.5: reference totals the officer entered (Qlik, other channels) against the imported data."""
    reference = project.reference_totals(periods.current)
    if reference.empty:
        return []
    imported = {str(row["channel"]).casefold(): row["count"] for row in by_channel(periods)}
    sources = queries.source_counts(project, periods.current)
    imported.update({s.casefold(): n for s, n in sources.items()})
    rows = []
    for channel, count in reference.itertuples(index=False):
        # A reference line is compared with the channel or source of that name, else the total.
        ours = imported.get(channel.casefold(), total)
        rows.append({"channel": channel, "reference": int(count), "imported": int(ours),
                     "difference": int(ours) - int(count)})
    return rows


__all__ = ["UNKNOWN", "by_channel", "by_region", "by_topic", "drivers", "reconciliation", "totals"]
