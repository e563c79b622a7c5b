"""A hand-made analysis dict in the ANALYSIS_JSON shape (+ the extras) whose figures the tests know."""

from __future__ import annotations

import csv
import random
from typing import Any

from kcdesk.core.model import Analysis, ContentResult
from kcdesk.core.resources import resource

LONG_TOPIC = ("Вопросы назначения и выплаты единовременных пособий при рождении ребенка "
              "и ежемесячных пособий по уходу за ребенком до достижения им возраста одного года")


def region_codes() -> list[str]:
    with open(resource("reference", "regions.csv"), encoding="utf-8") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def _change(count: int, previous: int | None) -> float | None:
    if not previous:
        return None
    return round((count - previous) * 100.0 / previous, 2)


def make_analysis(seed: int = 7, with_previous: bool = True, with_year_ago: bool = False) -> dict[str, Any]:
    rng = random.Random(seed)
    topics: list[dict[str, Any]] = []
    names = [f"Тема {i:02d} {'ә' * (i % 3)}қызмет" for i in range(1, 23)] + [LONG_TOPIC, "Новая тема ғ", "Исчезнувшая тема"]
    for name in names:
        count = rng.randint(3, 120)
        previous: int | None = rng.randint(3, 120) if with_previous else None
        if name == "Новая тема ғ":
            previous = 0 if with_previous else None
        if name == "Исчезнувшая тема":
            count, previous = 0, (17 if with_previous else None)
        if name == "Тема 01 әқызмет" and with_previous:
            count, previous = 130, 40  # surely flagged
        if name == "Тема 02 әәқызмет" and with_previous:
            count, previous = 60, 61
        topics.append({"topic": name, "count": count, "previous": previous,
                       "year_ago": None, "change_pct": _change(count, previous)})
    # ties around 10th place
    topics.sort(key=lambda t: (-t["count"], t["topic"]))
    tenth = topics[9]["count"]
    topics[10]["count"] = tenth
    topics[10]["change_pct"] = _change(tenth, topics[10]["previous"])
    for t in topics:
        t["flag_over_30"] = bool(t["change_pct"] is not None and t["change_pct"] > 30)
        t["new"] = bool(with_previous and t["count"] > 0 and t["previous"] == 0)
        t["caution"] = bool(t["previous"] is not None and t["previous"] < 10)
        t["names"] = {"ru": t["topic"], "kk": t["topic"] + " (қаз.)"}
    topics.sort(key=lambda t: (-t["count"], t["topic"]))
    total = sum(t["count"] for t in topics)
    prev_total = sum(t["previous"] or 0 for t in topics) if with_previous else None

    # regions: split the total across the 20 regions + unknown
    codes = region_codes() + ["unknown"]
    weights = [rng.randint(1, 10) for _ in codes]
    counts = [total * w // sum(weights) for w in weights]
    counts[0] += total - sum(counts)
    by_region = []
    for code, count in zip(codes, counts, strict=True):
        previous = rng.randint(1, 100) if with_previous else None
        by_region.append({"region": code, "count": count, "previous": previous, "year_ago": None,
                          "change_pct": _change(count, previous)})
    by_region.sort(key=lambda r: (-r["count"], r["region"]))

    ranked = [t for t in topics if t["count"] > 0]
    top_all = []
    for t in ranked:
        rank = 1 + sum(1 for u in ranked if u["count"] > t["count"])
        if rank > 10:
            break
        top_all.append({"rank": rank, "topic": t["topic"], "count": t["count"]})
    top_regions = {code: [{"rank": k + 1, "topic": t["topic"], "count": max(1, t["count"] // 20 - k)}
                          for k, t in enumerate(ranked[:10])] for code in codes[:20]}

    def split(keys: list[str]) -> dict[str, int]:
        parts = [total // len(keys)] * len(keys)
        parts[-1] += total - sum(parts)
        return dict(zip(keys, parts, strict=True))

    age = split(["18-30", "31-40", "41-50", "51-60", "61-70", "71-80", "81-90", "under_18", "over_90", "unknown"])
    flagged = [t["topic"] for t in topics if t["flag_over_30"] or t["new"]]
    drivers = {name: {"regions": [{"region": "astana", "count": 12, "previous": 4, "delta": 8},
                                  {"region": "unknown", "count": 3, "previous": 1, "delta": 2}],
                      "channels": [{"channel": "Звонок 1414", "count": 9, "previous": 3, "delta": 6}]}
               for name in flagged}
    return {
        "schema": "kcdesk.analysis/1",
        "quarter": "2026-Q3",
        "quarter_rule": "registered",
        "comparison": {"previous": "2026-Q2", "year_ago": "2025-Q3"},
        "total": {"count": total, "previous": prev_total, "year_ago": 900 if with_year_ago else None,
                  "change_pct": _change(total, prev_total)},
        "by_region": by_region,
        "by_topic": topics,
        "top10": {"all": top_all, "by_region": top_regions},
        "portrait": {
            "age": age,
            "gender": split(["female", "male", "unknown"]),
            "social_status": split(["employee", "entrepreneur", "pensioner", "disability", "large_family",
                                    "student", "educated", "no_education", "unemployed", "unknown"]),
            "marital_status": split(["женат/замужем", "холост", "unknown"]),
        },
        "drivers": drivers,
        "by_channel": [{"channel": "Звонок 1414", "count": total - 10, "previous": None, "change_pct": None},
                       {"channel": "=HYPERLINK(\"x\")", "count": 10, "previous": None, "change_pct": None}],
        "contact_centres": [{"name": "Единый контакт-центр 1414", "phone": "1414", "count": total}],
        "data_quality": {"rows_read": total, "rows_counted": total, "duplicates": 0, "unmapped_region": 0,
                         "unmapped_topic": 0, "bad_date": 0},
    }


def typed(analysis: dict[str, Any]) -> Analysis:
    """The analysis as the builders take it (read from its documented JSON form)."""
    return Analysis.from_json(analysis)


def content_of(content: dict[str, Any] | None) -> ContentResult | None:
    """A content result given as JSON (schema and quarter optional), as the справка quotes it."""
    if content is None:
        return None
    return ContentResult.from_json({"schema": "kcdesk.content/1", "quarter": "2026-Q3", **content})
