"""Stage 3 (§8.6, §10.3, §13): the social portrait, every dimension summing to the quarter's total."""

from __future__ import annotations

from typing import Any

from kcdesk.core.analyse.periods import Periods
from kcdesk.core.store.project import Project

AGE_BANDS = ("18-30", "31-40", "41-50", "51-60", "61-70", "71-80", "81-90", "under_18", "over_90",
             "unknown")
GENDERS = ("female", "male", "unknown")
SOCIAL_STATUSES = ("employee", "entrepreneur", "pensioner", "disability", "large_family", "student",
                   "educated", "no_education", "unemployed", "unknown")
FREE_DIMENSIONS = ("marital_status", "education", "occupation")
FREE_VALUES_SHOWN = 15

AGE_CASE = """CASE
    WHEN age IS NULL THEN 'unknown'
    WHEN age < 18 THEN 'under_18'
    WHEN age <= 30 THEN '18-30'
    WHEN age <= 40 THEN '31-40'
    WHEN age <= 50 THEN '41-50'
    WHEN age <= 60 THEN '51-60'
    WHEN age <= 70 THEN '61-70'
    WHEN age <= 80 THEN '71-80'
    WHEN age <= 90 THEN '81-90'
    ELSE 'over_90' END"""


def _counts(project: Project, periods: Periods, expression: str) -> dict[str, int]:
    rows = project.connection.execute(
        f"SELECT {expression} AS key, COUNT(*) FROM requests WHERE quarter = ? GROUP BY key",
        (periods.current.index,),
    ).fetchall()
    return {("unknown" if k is None else str(k)): int(n) for k, n in rows}


def _fixed(counts: dict[str, int], keys: tuple[str, ...]) -> dict[str, int]:
    result = {k: 0 for k in keys}
    for key, n in counts.items():
        result[key if key in result else "unknown"] += n
    return result


def portrait(project: Project, periods: Periods) -> dict[str, Any]:
    result: dict[str, Any] = {
        "age": _fixed(_counts(project, periods, AGE_CASE), AGE_BANDS),
        "gender": _fixed(_counts(project, periods, "gender"), GENDERS),
        "social_status": _fixed(_counts(project, periods, "social_status"), SOCIAL_STATUSES),
    }
    for dimension in FREE_DIMENSIONS:
        counts = _counts(project, periods, dimension)
        if set(counts) - {"unknown"}:  # only where the data has the dimension
            unknown = counts.pop("unknown", 0)
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = dict(ordered[:FREE_VALUES_SHOWN])
            other = sum(n for _, n in ordered[FREE_VALUES_SHOWN:])
            if other:
                shown["other"] = other
            shown["unknown"] = unknown
            result[dimension] = shown
    return result
