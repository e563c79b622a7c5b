"""Ages at registration, stated ages, the combination order and the bands."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.normalise.ages import age_at, age_band, clean_stated_age, combine_age
from kcdesk.core.vocabulary import AGE_BANDS


def _dates(*values):
    return pd.Series(pd.to_datetime(list(values), format="ISO8601"))


def test_age_at_birthday_boundaries():
    birth = _dates("1990-05-10", "1990-05-10", "1990-05-10", None)
    at = _dates("2026-05-10", "2026-05-09T23:59", "2026-05-11", "2026-05-10")
    assert age_at(birth, at).tolist() == [36, 35, 36, pd.NA]


def test_age_at_leap_day_and_year_end():
    birth = _dates("2000-02-29", "2000-02-29", "2000-02-29", "1999-12-31", "1999-12-31")
    at = _dates("2026-02-28", "2026-03-01", "2028-02-29", "2025-12-30", "2025-12-31")
    assert age_at(birth, at).tolist() == [25, 26, 28, 25, 26]


def test_age_at_scalar_moment_and_dtype():
    out = age_at(_dates("2000-01-01", None), pd.Timestamp("2026-01-01"))
    assert str(out.dtype) == "Int64"
    assert out.tolist() == [26, pd.NA]


@pytest.mark.parametrize(
    ("raw", "age"),
    [("45", 45), ("45 лет", 45), ("45 жас", 45), (45.0, 45), (45, 45), (" 33 года ", 33),
     ("45,5", 45), ("120", 120), ("18", 18),
     ("-5", None), (-5, None), ("300", None), (300.0, None), ("121", None), ("abc", None),
     (None, None), (np.nan, None), ("", None), ("0", None), ("45-50", None)],
)
def test_clean_stated_age(raw, age):
    out = clean_stated_age(pd.Series([raw], dtype=object))
    assert str(out.dtype) == "Int64"
    if age is None:
        assert pd.isna(out.iloc[0])
    else:
        assert out.iloc[0] == age


def test_clean_stated_age_float_column():
    assert clean_stated_age(pd.Series([45.0, np.nan, 121.0])).tolist() == [45, pd.NA, pd.NA]


def test_combine_age_order_birth_then_stated_then_iin():
    at = _dates("2026-01-15", "2026-01-15", "2026-01-15", "2026-01-15", "2026-01-15")
    birth = _dates("1990-01-15", None, None, None, "1800-01-01")  # last one: 226 years → unknown
    stated = pd.Series(["20", "30", None, "300", None], dtype=object)
    iin = _dates("1950-01-01", "1950-01-01", "1980-06-01", None, "1970-01-01")
    out = combine_age(birth, stated, iin, at)
    # row 0: birth wins; row 1: stated; row 2: IIN; row 3: nothing usable; row 4: bad birth → IIN
    assert out.tolist() == [36, 30, 45, pd.NA, 56]


def test_combine_age_with_missing_columns():
    at = _dates("2026-01-15", "2026-01-15")
    stated = pd.Series(["30", None], dtype=object)
    assert combine_age(None, stated, None, at).tolist() == [30, pd.NA]
    assert combine_age(None, None, _dates("2000-01-15", "2030-01-01"), at).tolist() == [26, pd.NA]


def test_combine_age_accepts_cleaned_stated_ages():
    at = _dates("2026-01-15")
    assert combine_age(None, pd.Series([41], dtype="Int64"), None, at).tolist() == [41]


@pytest.mark.parametrize(
    ("age", "band"),
    [(0, "under_18"), (17, "under_18"), (18, "18-30"), (30, "18-30"), (31, "31-40"),
     (40, "31-40"), (41, "41-50"), (50, "41-50"), (51, "51-60"), (60, "51-60"), (61, "61-70"),
     (70, "61-70"), (71, "71-80"), (80, "71-80"), (81, "81-90"), (90, "81-90"), (91, "over_90"),
     (120, "over_90"), (121, "unknown"), (300, "unknown"), (-5, "unknown"), (None, "unknown")],
)
def test_age_band(age, band):
    assert age_band(pd.Series([age], dtype="Int64")).tolist() == [band]


def test_age_band_labels_and_index():
    out = age_band(pd.Series([25, None, 95], index=[3, 4, 5], dtype="Int64"))
    assert out.tolist() == ["18-30", "unknown", "over_90"]
    assert list(out.index) == [3, 4, 5]
    assert set(AGE_BANDS) == {"under_18", "18-30", "31-40", "41-50", "51-60", "61-70", "71-80",
                              "81-90", "over_90", "unknown"}
    assert age_band(pd.Series([], dtype="Int64")).tolist() == []
