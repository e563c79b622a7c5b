"""IIN → birth date, gender, validity (check digit computed here independently)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.normalise.iin import decode_iin

CENTURY_DIGIT = {(1800, False): 1, (1800, True): 2, (1900, False): 3, (1900, True): 4,
                 (2000, False): 5, (2000, True): 6}


def _check(first11: str) -> int | None:
    total = sum(int(c) * w for c, w in zip(first11, range(1, 12), strict=True)) % 11
    if total == 10:
        weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        total = sum(int(c) * w for c, w in zip(first11, weights, strict=True)) % 11
    return None if total == 10 else total


def _iin(yymmdd: str, seventh: int, serial: int = 1234) -> str:
    for step in range(200):
        body = f"{yymmdd}{seventh}{(serial + step) % 10000:04d}"
        digit = _check(body)
        if digit is not None:
            return body + str(digit)
    raise AssertionError("no valid serial")


def _with_wrong_check(iin: str) -> str:
    return iin[:11] + str((int(iin[11]) + 1) % 10)


@pytest.mark.parametrize(("century", "female"), list(CENTURY_DIGIT))
def test_century_and_gender_digits(century, female):
    born = date(century + 85 if century < 2000 else century + 5, 7, 14)
    iin = _iin(f"{born:%y%m%d}", CENTURY_DIGIT[(century, female)])
    out = decode_iin(pd.Series([iin]))
    assert out["valid"].tolist() == [True]
    assert out["birth_date"].iloc[0] == pd.Timestamp(born)
    assert out["gender"].iloc[0] == ("female" if female else "male")


def test_wrong_check_digit_is_invalid():
    iin = _iin("900101", 3)
    out = decode_iin(pd.Series([iin, _with_wrong_check(iin)]))
    assert out["valid"].tolist() == [True, False]
    assert pd.isna(out["birth_date"].iloc[1])
    assert out["gender"].iloc[1] is None


def test_second_weight_round_is_used():
    # Find a body whose first weighted sum is 10 (the second weights then decide).
    for serial in range(10000):
        body = f"9001013{serial:04d}"
        if sum(int(c) * w for c, w in zip(body, range(1, 12), strict=True)) % 11 == 10:
            digit = _check(body)
            if digit is not None:
                break
    else:
        raise AssertionError("no such body")
    assert decode_iin(pd.Series([body + str(digit)]))["valid"].tolist() == [True]
    assert decode_iin(pd.Series([body + str((digit + 1) % 10)]))["valid"].tolist() == [False]


def test_both_rounds_ten_is_invalid():
    for serial in range(10000):
        body = f"8505054{serial:04d}"
        first = sum(int(c) * w for c, w in zip(body, range(1, 12), strict=True)) % 11
        if first == 10 and _check(body) is None:
            break
    else:
        pytest.skip("no body with both sums 10 for this prefix")
    out = decode_iin(pd.Series([body + str(d) for d in range(10)]))
    assert not out["valid"].any()


def test_seventh_digit_zero_gives_no_birth_or_gender():
    iin = _iin("900101", 0)
    out = decode_iin(pd.Series([iin]))
    assert out["valid"].tolist() == [True]
    assert pd.isna(out["birth_date"].iloc[0])
    assert out["gender"].iloc[0] is None


@pytest.mark.parametrize("seventh", [7, 8, 9])
def test_seventh_digit_above_six_is_invalid(seventh):
    assert decode_iin(pd.Series([_iin("900101", seventh)]))["valid"].tolist() == [False]


def test_impossible_date_is_invalid():
    for yymmdd in ("900230", "901301", "900000", "010229"):  # 2001 is not a leap year
        iin = _iin(yymmdd, 5)
        out = decode_iin(pd.Series([iin]))
        assert out["valid"].tolist() == [False], yymmdd
        assert pd.isna(out["birth_date"].iloc[0])


def test_leap_day_is_valid():
    out = decode_iin(pd.Series([_iin("000229", 6)]))
    assert out["birth_date"].iloc[0] == pd.Timestamp("2000-02-29")


def test_excel_and_typing_forms():
    iin = _iin("900101", 3)
    young = _iin("050315", 6)  # leading zero, lost when Excel keeps it as a number
    values = pd.Series([
        iin, f"{iin[:6]} {iin[6:]}", f"{iin[:3]}-{iin[3:6]}-{iin[6:9]}-{iin[9:]}", float(iin),
        f"{iin}.0", int(iin), young, young[1:], float(young), f" {iin}\u00a0",
    ], dtype=object)
    out = decode_iin(values)
    assert out["valid"].all()
    assert out["birth_date"].iloc[:6].eq(pd.Timestamp("1990-01-01")).all()
    assert out["birth_date"].iloc[6:9].eq(pd.Timestamp("2005-03-15")).all()
    assert out["gender"].tolist()[:9] == ["male"] * 6 + ["female"] * 3


def test_float_column_from_excel():
    iin = _iin("750620", 4)
    out = decode_iin(pd.Series([float(iin), np.nan, 12.5]))
    assert out["valid"].tolist() == [True, False, False]
    assert out["gender"].tolist() == ["female", None, None]


@pytest.mark.parametrize("raw", [None, "", "abc", "12345", "1234567890123", "90010130012x"])
def test_garbage_is_invalid(raw):
    out = decode_iin(pd.Series([raw], dtype=object))
    assert out["valid"].tolist() == [False]
    assert pd.isna(out["birth_date"].iloc[0])


def test_shape_index_and_dtypes():
    iin = _iin("900101", 4)
    out = decode_iin(pd.Series([iin, None], index=[7, 9], dtype=object))
    assert list(out.columns) == ["birth_date", "gender", "valid"]
    assert list(out.index) == [7, 9]
    assert pd.api.types.is_datetime64_any_dtype(out["birth_date"])
    assert out["valid"].dtype == bool
    assert decode_iin(pd.Series([], dtype=object)).shape == (0, 3)


def test_many_rows_vectorised():
    iins = [_iin(f"{80 + i % 20:02d}{1 + i % 12:02d}{1 + i % 28:02d}", 3 + i % 2, i) for i in range(2000)]
    out = decode_iin(pd.Series(iins * 100))
    assert out["valid"].all()
    assert (out["gender"] == "female").sum() == 100_000
