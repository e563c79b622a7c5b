"""Vectorised date parsing of a whole column: date cells, day-first texts, ISO texts, Excel serials."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_SERIAL = 2_958_465  # 9999-12-31 in the 1900 date system
EPOCH_1900 = np.datetime64("1899-12-30", "ns")  # serial 61 = 1900-03-01 from here (Lotus bug)
EPOCH_1904 = np.datetime64("1904-01-01", "ns")

# Spaces Excel users paste around dates: NBSP, narrow NBSP, zero-width ones, BOM.
_SPACES = r"[\s\u00a0\u202f\u2007\u200b\u200c\u200d\u2060\ufeff]+"
_TIME = (r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
         r"(?:Z|[+-]\d{2}:?\d{2})?)?$")
# Day-first always for dotted/slashed forms (Kazakhstan); year-first for ISO-like forms.
_FORMS = (
    r"^(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})" + _TIME,
    r"^(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{2})" + _TIME,
    r"^(?P<year>\d{4})[./-](?P<month>\d{1,2})[./-](?P<day>\d{1,2})" + _TIME,
    r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$",  # 20260815
)
_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d",
                 "%Y.%m.%d", "%Y/%m/%d")
_TIME_FORMATS = ("", " %H:%M", " %H:%M:%S", "T%H:%M:%S", "T%H:%M", " %H:%M:%S.%f", "T%H:%M:%S.%f")
_FAST = tuple(d + t for d in _DATE_FORMATS for t in _TIME_FORMATS)
_PROBE = 50
_SERIAL_TEXT = r"^\d{5,7}(?:[.,]\d+)?$"  # "46249", "46249.58" (1927 on) - not "15.08" or a year
_SHORT_YEAR = r"^[\s\u00a0\u200b\ufeff]*\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)"  # "03.04.56"
_COMPONENTS = ("year", "month", "day", "hour", "minute", "second")


def _from_parts(parts: pd.DataFrame) -> pd.Series:
    numbers = parts.reindex(columns=list(_COMPONENTS)).apply(pd.to_numeric, errors="coerce")
    year = numbers["year"]
    short = year < 100
    numbers.loc[short, "year"] = np.where(year[short] < 69, 2000 + year[short], 1900 + year[short])
    numbers[["hour", "minute", "second"]] = numbers[["hour", "minute", "second"]].fillna(0)
    bad_clock = (numbers["hour"] > 23) | (numbers["minute"] > 59) | (numbers["second"] > 59)
    result = pd.to_datetime(numbers, errors="coerce")
    return result.mask(bad_clock)


def _from_serials(serials: pd.Series, date1904: bool) -> pd.Series:
    """Excel serial day numbers (fractions are the time of day) → timestamps; out of range → NaT."""
    days = pd.to_numeric(serials, errors="coerce").astype("float64")
    valid = days.between(0 if date1904 else 1, MAX_SERIAL - (1462 if date1904 else 0))
    if not date1904:
        valid &= days.floordiv(1) != 60  # 29 February 1900 never was
    if date1904:
        base = pd.Series(EPOCH_1904, index=days.index)
    else:
        # Excel counts a 29 February 1900 that never was: serials below 61 start a day later.
        base = pd.Series(np.where(days < 60, EPOCH_1900 + np.timedelta64(1, "D"), EPOCH_1900),
                         index=days.index)
    seconds = (days.where(valid, 0) * 86_400).round()
    result = base + pd.to_timedelta(seconds, unit="s")
    return result.where(valid)


def _best_format(cleaned: pd.Series) -> str | None:
    """The exact format that reads most of the first remaining values, if any reads one."""
    sample = cleaned.head(_PROBE)
    best, hits = None, 0
    for fmt in _FAST:
        count = int(pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum())
        if count > hits:
            best, hits = fmt, count
            if hits == len(sample):
                break
    return best


def _from_text(text: pd.Series, date1904: bool) -> tuple[pd.Series, pd.Series]:
    """(timestamps, blank mask) of text cells."""
    cleaned = text.str.strip()  # str.strip() already drops NBSP; zero-width ones come later
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    blank = cleaned.eq("")
    todo = ~blank
    # Exact formats parse in C; what they leave (odd forms) goes through the slower regex forms.
    for _attempt in range(8):
        if not todo.any():
            return result, blank
        fmt = _best_format(cleaned[todo])
        if fmt is None:
            break
        parsed = pd.to_datetime(cleaned[todo], format=fmt, errors="coerce")
        done = parsed.notna()
        result.loc[done[done].index] = parsed[done].to_numpy()
        todo.loc[done[done].index] = False
    rest = cleaned[todo].str.replace(_SPACES, " ", regex=True).str.strip()
    empty = rest.eq("")
    blank.loc[empty[empty].index] = True
    rest = rest[~empty]
    for form in _FORMS:
        if rest.empty:
            break
        parts = rest.str.extract(form)
        matched = parts["year"].notna()
        if matched.any():
            result.loc[matched[matched].index] = _from_parts(parts[matched]).to_numpy()
            rest = rest[~matched]
    serial = rest.str.match(_SERIAL_TEXT).fillna(False).astype(bool)
    if serial.any():
        result.loc[serial[serial].index] = _from_serials(
            rest[serial].str.replace(",", "."), date1904).to_numpy()
    return result, blank


def parse_datetimes(values: pd.Series, date1904: bool = False) -> tuple[pd.Series, pd.Series]:
    """(datetime64[ns] with NaT where unreadable or empty, mask of cells that had an unreadable value).

    Reads date cells, day-first texts with or without a time, ISO texts and Excel serial numbers
    (1900 or, for a workbook saved with the 1904 date system, 1904 based)."""
    values = pd.Series(values)
    empty = values.isna()
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        # Already date-times (the reader sends a column of them as one array): no parsing.
        # pd.to_datetime would still walk every value to decide on a cache (1.2 s a million).
        result = values
        if getattr(result.dt, "tz", None) is not None:
            result = result.dt.tz_localize(None)
        # Years kcdesk never keeps (below) are dropped first, so no value overflows nanoseconds.
        kept = (result >= pd.Timestamp(MIN_YEAR, 1, 1)) & (result < pd.Timestamp(MAX_YEAR + 1, 1, 1))
        result = result.where(kept).astype("datetime64[ns]")
    elif pd.api.types.is_bool_dtype(values.dtype):
        result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    elif pd.api.types.is_numeric_dtype(values.dtype):
        result = _from_serials(values, date1904)
    else:
        result, empty = _parse_objects(values.astype(object), date1904)
    year = result.dt.year
    result = result.where((year >= MIN_YEAR) & (year <= MAX_YEAR))
    bad = result.isna() & ~empty
    return result.astype("datetime64[ns]"), bad.astype(bool)


def _parse_objects(values: pd.Series, date1904: bool) -> tuple[pd.Series, pd.Series]:
    """(timestamps, blank mask) of a column of mixed cell values."""
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    blank = values.isna()
    kinds = values.map(type)
    is_text = kinds.isin([str])
    # bool is an int subclass but never a date; datetime is a date subclass, checked first.
    is_number = kinds.isin([int, float, np.int64, np.float64, np.int32, np.float32])
    is_moment = kinds.isin([dt.datetime, pd.Timestamp, dt.date, np.datetime64])
    if is_text.any():
        parsed, text_blank = _from_text(values[is_text].astype(str), date1904)
        result.loc[is_text] = parsed.to_numpy()
        blank.loc[is_text] = text_blank.to_numpy()
    if is_number.any():
        result.loc[is_number] = _from_serials(values[is_number], date1904).to_numpy()
    if is_moment.any():
        result.loc[is_moment] = _moments(values[is_moment]).to_numpy()
    return result, blank


def _moments(values: pd.Series) -> pd.Series:
    """Date/datetime cells as naive timestamps (an aware one keeps its wall-clock time)."""
    try:
        moments = pd.to_datetime(values, errors="coerce")
    except (ValueError, TypeError):
        moments = None
    if moments is None or getattr(moments.dt, "tz", None) is not None:
        # Aware cells (rare): each keeps its wall-clock time, also when mixed with naive ones.
        moments = pd.to_datetime(values.map(_naive), errors="coerce")
    return moments.astype("datetime64[ns]")


def _naive(value: object) -> object:
    tzinfo = getattr(value, "tzinfo", None)
    return value.replace(tzinfo=None) if tzinfo is not None else value  # type: ignore[attr-defined]


def parse_birth_dates(values: pd.Series, date1904: bool = False) -> tuple[pd.Series, pd.Series]:
    """Like parse_datetimes, but a birth date cannot be in the future: a two-digit year read as
    20xx that has not come yet is 19xx ("03.04.56" → 1956); other future dates are unreadable."""
    values = pd.Series(values)
    result, bad = parse_datetimes(values, date1904=date1904)
    future = result > pd.Timestamp.now()
    if future.any():
        short = values[future].astype(str).str.match(_SHORT_YEAR).reindex(values.index, fill_value=False)
        shifted = result[future & short] - pd.DateOffset(years=100)
        result = result.mask(future & ~short)
        result.loc[shifted.index] = shifted
        bad = bad | (future & ~short)
    return result.astype("datetime64[ns]"), bad.astype(bool)
