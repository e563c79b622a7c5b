"""Birth date and gender from a Kazakhstan IIN (12 digits: YYMMDD, century/gender, serial, check)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

_WEIGHTS_1 = np.arange(1, 12)
_WEIGHTS_2 = np.array([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
# 7th digit → (century start, gender): odd = male, even = female; 0 = foreigner/legal entity.
_CENTURY = np.array([0, 1800, 1800, 1900, 1900, 2000, 2000, 0, 0, 0])


def _digits_only(values: pd.Series) -> pd.Series:
    """Cells as digit strings: spaces/dashes dropped, Excel's "….0" cut, lost leading zero restored."""
    if pd.api.types.is_float_dtype(values.dtype):
        # A float column (Excel numbers): whole numbers as integers, anything else is no IIN.
        whole = values.notna() & (values == values.round())
        text = values.where(whole, -1).astype("int64").astype(str).where(whole, "")
    else:
        text = values.astype(object).where(values.notna(), "").astype(str)
    # Most cells are 12 digits already: only the others go through the regular expressions.
    odd = ~_twelve_digits(text)
    if not odd.any():
        return text
    rest = text[odd].str.replace(r"[\s\-\u00a0\u200b]", "", regex=True).str.replace(r"\.0+$", "", regex=True)
    # Excel drops the leading 0 of IINs of people born 2000-2009.
    text = text.copy()
    text[odd] = rest.where(rest.str.len() != 11, "0" + rest)
    return text


def _twelve_digits(text: pd.Series) -> np.ndarray:
    """Which strings are exactly 12 ASCII digits, in numpy (fixed-width code points)."""
    if text.empty:
        return np.zeros(0, dtype=bool)
    values = text.to_numpy(dtype=object)
    codes = np.array(values, dtype="U13").view(np.uint32).reshape(len(text), 13)
    shaped = ((codes[:, :12] >= 48) & (codes[:, :12] <= 57)).all(axis=1) & (codes[:, 12] == 0)
    # numpy drops trailing NUL characters: one join tells whether any such string slipped in.
    if len("".join(values[shaped])) != 12 * int(shaped.sum()):
        shaped &= np.array([len(v) == 12 for v in values], dtype=bool)
    return shaped


def check_digit(first11: np.ndarray) -> np.ndarray:
    """The check digit of each row of an (n, 11) digit array; 10 means no valid IIN exists."""
    first = (first11 * _WEIGHTS_1).sum(axis=1) % 11
    second = (first11 * _WEIGHTS_2).sum(axis=1) % 11
    return np.where(first == 10, second, first)


def decode_iin(values: Any) -> pd.DataFrame:
    """Columns birth_date (datetime64, NaT), gender ("female"/"male"/None) and valid (bool).

    Valid = 12 digits, a correct check digit, and for 7th digits 1-6 a real date. A valid
    IIN with 7th digit 0 (foreigners, legal entities) gives neither birth date nor gender.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    n = len(series)
    birth = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    gender = np.full(n, None, dtype=object)
    valid = np.zeros(n, dtype=bool)
    text = _digits_only(series)
    shaped = _twelve_digits(text)
    if shaped.any():
        joined = "".join(text.to_numpy()[shaped]).encode("ascii")
        digits = (np.frombuffer(joined, dtype=np.uint8) - 48).reshape(-1, 12).astype(np.int64)
        check = check_digit(digits[:, :11])
        ok = (check != 10) & (check == digits[:, 11]) & (digits[:, 6] <= 6)
        century = _CENTURY[digits[:, 6]]
        has_birth = ok & (century > 0)
        # Rows without a birth date get a harmless placeholder date so the conversion stays vectorised.
        parts = pd.DataFrame({
            "year": np.where(has_birth, century + digits[:, 0] * 10 + digits[:, 1], 2000),
            "month": np.where(has_birth, digits[:, 2] * 10 + digits[:, 3], 1),
            "day": np.where(has_birth, digits[:, 4] * 10 + digits[:, 5], 1),
        })
        dates = pd.to_datetime(parts, errors="coerce")
        dates = dates.to_numpy(dtype="datetime64[ns]")
        impossible = has_birth & np.isnat(dates)
        ok &= ~impossible
        has_birth &= ~impossible
        where = np.flatnonzero(shaped)
        birth[where[has_birth]] = dates[has_birth]
        gender[where[has_birth]] = np.where(digits[has_birth, 6] % 2 == 1, "male", "female")
        valid[where] = ok
    return pd.DataFrame(
        {"birth_date": pd.Series(birth, index=series.index),
         "gender": pd.Series(gender, index=series.index, dtype=object),
         "valid": pd.Series(valid, index=series.index)},
    )
