"""Date parsing: every form an export uses, Excel serials in both date systems, empty vs unreadable."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.normalise.dates import parse_birth_dates, parse_datetimes

T = pd.Timestamp


def one(value, date1904=False):
    result, bad = parse_datetimes(pd.Series([value], dtype=object), date1904=date1904)
    return result.iloc[0], bool(bad.iloc[0])


@pytest.mark.parametrize(("text", "expected"), [
    ("15.08.2026 14:03", T("2026-08-15 14:03")),
    ("15.08.2026 14:03:27", T("2026-08-15 14:03:27")),
    ("15.08.2026", T("2026-08-15")),
    ("15.08.26", T("2026-08-15")),
    ("15.08.26 09:05", T("2026-08-15 09:05")),
    ("2026-08-15 14:03:00", T("2026-08-15 14:03")),
    ("2026-08-15 14:03", T("2026-08-15 14:03")),
    ("2026-08-15T14:03:00", T("2026-08-15 14:03")),
    ("2026-08-15T14:03:00.250", T("2026-08-15 14:03:00.250")),
    ("2026-08-15", T("2026-08-15")),
    ("15/08/2026", T("2026-08-15")),
    ("15/08/2026 14:03", T("2026-08-15 14:03")),
    ("15-08-2026", T("2026-08-15")),
    ("2026.08.15", T("2026-08-15")),
    ("5.8.2026 9:03", T("2026-08-05 09:03")),
    ("03.04.2026", T("2026-04-03")),  # day first, never April 3rd read as March 4th
    ("\u00a015.08.2026 14:03\u200b", T("2026-08-15 14:03")),
    ("15.08.2026\u00a014:03", T("2026-08-15 14:03")),
    ("\ufeff2026-08-15", T("2026-08-15")),
    ("2026-08-15T14:03:00+05:00", T("2026-08-15 14:03")),
    ("20260815", T("2026-08-15")),
    ("46249", T("2026-08-15")),
    ("46249.5", T("2026-08-15 12:00")),
    ("46249,75", T("2026-08-15 18:00")),
])
def test_text_forms(text, expected):
    assert one(text) == (expected, False)


@pytest.mark.parametrize("value", [
    dt.datetime(2026, 8, 15, 14, 3), dt.date(2026, 8, 15), pd.Timestamp("2026-08-15 14:03"),
    np.datetime64("2026-08-15T14:03"),
])
def test_date_cells(value):
    result, bad = one(value)
    assert not bad
    assert result.date() == dt.date(2026, 8, 15)


def test_aware_datetime_keeps_its_wall_clock():
    aware = dt.datetime(2026, 8, 15, 14, 3, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    result, bad = parse_datetimes(pd.Series([aware, dt.datetime(2026, 1, 2)], dtype=object))
    assert list(result) == [T("2026-08-15 14:03"), T("2026-01-02")]
    assert not bad.any()


@pytest.mark.parametrize(("serial", "expected"), [
    (46249, T("2026-08-15")),
    (46249.5, T("2026-08-15 12:00")),
    (46249.0006944444, T("2026-08-15 00:01")),  # rounded to the second, not 00:00:59.99
    (1, T("1900-01-01")),
    (59, T("1900-02-28")),
    (61, T("1900-03-01")),
    (367, T("1901-01-01")),
])
def test_serials_1900(serial, expected):
    assert one(serial) == (expected, False)


def test_serials_1904():
    values = pd.Series([0, 1, 44787.5], dtype=object)  # 44787 days after 1904-01-01 = 2026-08-15
    result, bad = parse_datetimes(values, date1904=True)
    assert list(result) == [T("1904-01-01"), T("1904-01-02"), T("2026-08-15 12:00")]
    assert not bad.any()
    assert one(44787.5)[0] == T("2022-08-14 12:00")  # the same number in the 1900 system


def test_numeric_column_of_serials():
    result, bad = parse_datetimes(pd.Series([46249.0, np.nan, 46250.25]))
    assert list(result.dropna()) == [T("2026-08-15"), T("2026-08-16 06:00")]
    assert list(bad) == [False, False, False]


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", "\u200b", np.nan, pd.NaT])
def test_empty_is_not_bad(value):
    result, bad = one(value)
    assert pd.isna(result)
    assert not bad


@pytest.mark.parametrize("value", [
    "abc", "31.02.2026", "15.08.1850", "15.08.2150", "15.08.2026 25:00", "15.08", "2026", 0,
    60, 3_000_000, -5, True, dt.time(14, 3), dt.timedelta(hours=3), "46249 дней",
])
def test_unreadable_is_bad(value):
    result, bad = one(value)
    assert pd.isna(result)
    assert bad


def test_mixed_column_keeps_index_and_order():
    values = pd.Series(["15.08.2026", None, 46250, "bad", dt.datetime(2026, 8, 17), "2026-08-18"],
                       index=[10, 11, 12, 13, 14, 15], dtype=object)
    result, bad = parse_datetimes(values)
    assert list(result.index) == [10, 11, 12, 13, 14, 15]
    assert str(result.dtype) == "datetime64[ns]"
    assert result[10] == T("2026-08-15") and result[12] == T("2026-08-16")
    assert result[14] == T("2026-08-17") and result[15] == T("2026-08-18")
    assert list(bad) == [False, False, False, True, False, False]


def test_forms_after_the_probe_are_read_too():
    # 60 ISO values then a dotted one: the format probe sees only the first values.
    values = pd.Series(["2026-08-15 10:00:00"] * 60 + ["16.08.2026 11:00", "5.8.26"], dtype=object)
    result, bad = parse_datetimes(values)
    assert result.iloc[-2] == T("2026-08-16 11:00")
    assert result.iloc[-1] == T("2026-08-05")
    assert not bad.any()


def test_two_digit_birth_years():
    result, bad = parse_birth_dates(pd.Series(["03.04.56", "03.04.05"], dtype=object))
    assert list(result) == [T("1956-04-03"), T("2005-04-03")]
    assert not bad.any()


def test_future_birth_date_with_four_digits_is_bad():
    result, bad = parse_birth_dates(pd.Series(["15.08.2099", "15.08.1990"], dtype=object))
    assert pd.isna(result.iloc[0]) and bool(bad.iloc[0])
    assert result.iloc[1] == T("1990-08-15") and not bad.iloc[1]
