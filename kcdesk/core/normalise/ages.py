"""Applicant ages: completed years at registration, stated ages cleaned, and the age bands of §13."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from kcdesk.core.normalise.text import clean_text, map_distinct
from kcdesk.core.vocabulary import AGE_BAND_EDGES, AGE_BANDS, MAX_AGE

_BAND_EDGES = list(AGE_BAND_EDGES)
_STATED = re.compile(
    r"(\d{1,3})(?:[.,](\d+))?\s*(?:лет|год|года|г|жас|жаста|жыл|y|yo|yrs|years?|years old)?\.?",
    re.IGNORECASE,
)


def _as_datetimes(values: Any, index: pd.Index | None) -> pd.Series:
    if isinstance(values, pd.Series):
        series = values
    elif values is None:
        series = pd.Series(pd.NaT, index=index)
    elif np.ndim(values) == 0:
        series = pd.Series(values, index=index)  # one moment for every row
    else:
        series = pd.Series(values, index=index)
    if not pd.api.types.is_datetime64_any_dtype(series.dtype):
        # Already dates (the usual case): to_datetime would only cost a Python pass in its cache check.
        series = pd.to_datetime(series, errors="coerce")
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_localize(None)
    return series


def age_at(birth: Any, at: Any) -> pd.Series:
    """Completed years between birth and `at` (Int64, NA where either is unknown).

    Someone born on 29 February turns a year older on 1 March in non-leap years.
    """
    births = _as_datetimes(birth, None)
    moments = _as_datetimes(at, births.index)
    years = moments.dt.year - births.dt.year
    before_birthday = (moments.dt.month * 100 + moments.dt.day) < (births.dt.month * 100 + births.dt.day)
    age = years - before_birthday.astype("int64")
    return age.where(births.notna() & moments.notna()).astype("Int64")


def _stated_one(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        match = _STATED.fullmatch(clean_text(value))
        if not match:
            return None
        number = float(match.group(1))
    if not np.isfinite(number):
        return None
    age = int(np.floor(number))  # completed years: 45.5 is 45
    # 0 is what many exports write for "not stated"; nobody calls a contact centre aged 0.
    if age <= 0 or age > MAX_AGE:
        return None
    return age


def clean_stated_age(values: Any) -> pd.Series:
    """Stated ages (45, 45.0, "45", "45 лет", "45 жас") as Int64; anything else, <= 0 or > 120 → NA."""
    return map_distinct(values, _stated_one).astype("Int64")


def combine_age(birth_date: Any, stated_age: Any, iin_birth: Any, at: Any) -> pd.Series:
    """Age at `at` (registration): from the birth date, else the stated age, else the IIN.

    Any input may be None (column absent). Ages outside 0..120 count as unknown (NA).
    """
    index = next((s.index for s in (birth_date, stated_age, iin_birth, at) if isinstance(s, pd.Series)), None)
    if index is None:
        raise ValueError("combine_age needs at least one Series")
    def valid(ages: pd.Series) -> pd.Series:
        return ages.where((ages >= 0) & (ages <= MAX_AGE))

    result = pd.Series(pd.NA, index=index, dtype="Int64")
    if birth_date is not None:
        result = valid(age_at(_as_datetimes(birth_date, index), at))
    if stated_age is not None:
        stated = stated_age if isinstance(stated_age, pd.Series) else pd.Series(stated_age, index=index)
        if not pd.api.types.is_integer_dtype(stated.dtype):
            stated = clean_stated_age(stated)
        result = result.fillna(valid(stated.astype("Int64")))
    if iin_birth is not None:
        result = result.fillna(valid(age_at(_as_datetimes(iin_birth, index), at)))
    return result.astype("Int64")


def age_band(ages: Any) -> pd.Series:
    """The band label of each age (AGE_BANDS); NA, negative or > 120 → "unknown"."""
    series = ages if isinstance(ages, pd.Series) else pd.Series(ages)
    numbers = pd.to_numeric(series, errors="coerce").astype("Float64")
    bands = pd.cut(numbers.astype("float64"), bins=_BAND_EDGES, labels=list(AGE_BANDS[:-1]))
    return bands.astype(object).where(bands.notna(), "unknown").astype(object)
