"""Stage 3 (§8.6, §10.3, §13): the social portrait, every dimension summing to the quarter's total."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kcdesk.core.analyse.periods import Periods
from kcdesk.core.normalise.ages import age_band
from kcdesk.core.store import queries
from kcdesk.core.store.project import Project
from kcdesk.core.vocabulary import (
    AGE_BANDS_JSON,
    FREE_DIMENSIONS,
    GENDERS,
    SOCIAL_STATUSES,
    UNKNOWN,
)

FREE_VALUES_SHOWN = 15


def _fixed(counts: pd.Series, keys: tuple[str, ...]) -> dict[str, int]:
    result = {k: 0 for k in keys}
    for key, n in counts.items():
        key = "unknown" if key is None or key != key else str(key)
        result[key if key in result else "unknown"] += int(n)
    return result


def _free_dimensions(project: Project) -> list[str]:
    """The free dimensions some import mapped (no scan of the requests where none did)."""
    mapped = project.mapped_fields()
    return [d for d in FREE_DIMENSIONS if d in mapped]


def portrait(project: Project, periods: Periods) -> dict[str, Any]:
    # One ordered pass over the covering portrait index; bands are cut in pandas.
    cube = queries.portrait_cube(project, periods.current)
    bands = age_band(cube["age"])
    result: dict[str, Any] = {
        "age": _fixed(cube.groupby(bands)["n"].sum(), AGE_BANDS_JSON),
        "gender": _fixed(cube.groupby(cube["gender"].fillna(UNKNOWN))["n"].sum(), GENDERS + (UNKNOWN,)),
        "social_status": _fixed(cube.groupby(cube["social_status"].fillna(UNKNOWN))["n"].sum(),
                                SOCIAL_STATUSES + (UNKNOWN,)),
    }
    for dimension in _free_dimensions(project):
        rows = queries.value_counts(project, periods.current, dimension)
        counts = {("unknown" if k is None else str(k)): n for k, n in rows.items()}
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
