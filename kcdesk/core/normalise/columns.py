"""What a column's values say about it: personal numbers (IINs, phones) and reference vocabularies.

Headers are often ambiguous ("Статус", "Номер"); the values are not. Everything here works on a
sample of the rows (the first rows after the header) and on distinct values only, so it costs the
same for a hundred rows and for a million.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import numpy as np
import pandas as pd

from kcdesk.core.fields import auto_map, fold_header
from kcdesk.core.normalise import reference
from kcdesk.core.normalise.iin import check_digit, decode_iin
from kcdesk.core.normalise.text import fold_value

# --- personal numbers ----------------------------------------------------------------------
# A Kazakhstan phone once spaces, dashes, dots, slashes and brackets are dropped: the 10-digit
# national number (7xx mobile, 7xxx city codes) after an optional 8, 7 or +7.
_PHONE_SEPARATORS = re.compile(r"[\s\-().\u00a0/]")
_PHONE = re.compile(r"(?:\+7|8|7)?(7[0-8]\d{8})")
_FORMATTED = re.compile(r"[+()\s\-]")
_IIN_SHAPE = re.compile(r"\d?\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[0-6]\d{5}")  # 11: Excel lost a 0
_CANDIDATE = re.compile(r"\s*\+?\d[\d\s\-().\u00a0/]{9,22}")
# Bare 10/11-digit numbers close together (a running counter "7000001", "7000002", ...) are ids,
# not the phones of many different callers.
_DENSE_MIN = 3
_DENSE_SPREAD = 100
PERSONAL_SHARE = 0.5


def _as_text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value == value and value.is_integer() else ""
    if isinstance(value, (int, np.integer)):
        return str(value)
    return value if isinstance(value, str) else ""


def personal_numbers(values: pd.Series) -> pd.Series:
    """Per row: "iin" (a valid IIN: date and check digit), "phone" (a Kazakhstan phone number)
    or None. Computed on the distinct values; bare numbers that run together like a counter are
    taken for ids, not phones."""
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(series.astype(object), use_na_sentinel=True)
    kinds = np.full(len(uniques) + 1, None, dtype=object)
    if len(uniques):
        if pd.api.types.infer_dtype(uniques, skipna=False) == "string":  # ids are text: no Python loop
            every = pd.Series(uniques, dtype=object)
        else:
            every = pd.Series([_as_text(v).strip() for v in uniques], dtype=object)
        # Only digits with separators can be either (a cheap C-speed test first: ids like
        # "KC-0001234" are the common case and never go further).
        shaped = every.str.fullmatch(_CANDIDATE).fillna(False).to_numpy(dtype=bool)
        if not shaped.any():
            return pd.Series(kinds[codes], index=series.index, dtype=object)
        text = every[shaped].reset_index(drop=True)
        found = np.full(len(text), None, dtype=object)
        squeezed = text.str.replace(_PHONE_SEPARATORS, "", regex=True)
        # A real date in the first six digits before the check digit is worked out.
        iin = squeezed.str.fullmatch(_IIN_SHAPE).fillna(False).to_numpy(dtype=bool)
        if iin.any():
            # The check digit first, in numpy (nine in ten dated ids fail it), then the date.
            twelve = squeezed[iin].str.zfill(12)
            digits = (np.frombuffer("".join(twelve).encode("ascii"), dtype=np.uint8) - 48).reshape(-1, 12)
            check = check_digit(digits[:, :11].astype(np.int64))
            passed = (check != 10) & (check == digits[:, 11])
            where = np.flatnonzero(iin)
            iin[where[~passed]] = False
            if passed.any():
                iin[where[passed]] = decode_iin(text[where[passed]])["valid"].to_numpy(dtype=bool)
        found[iin] = "iin"
        national = squeezed.str.fullmatch(_PHONE.pattern)
        national = national.fillna(False).to_numpy(dtype=bool) & ~iin
        if national.any():
            numbers = squeezed[national].str.extract(_PHONE.pattern, expand=False).astype("int64")
            formatted = text[national].str.contains(_FORMATTED).to_numpy(dtype=bool)
            bare = numbers[~formatted]
            dense = (len(bare) >= _DENSE_MIN
                     and int(bare.max() - bare.min()) < _DENSE_SPREAD * len(bare))
            phone = formatted | (not dense)
            where = np.flatnonzero(national)
            found[where[phone]] = "phone"
        kinds[:-1][np.flatnonzero(shaped)] = found
    return pd.Series(kinds[codes], index=series.index, dtype=object)


def personal_column(values: pd.Series) -> str | None:
    """ "iin" or "applicant_phone" when most of a column's distinct values are such numbers."""
    present = pd.Series(values, dtype=object).dropna()
    present = present[present.map(lambda v: bool(_as_text(v).strip()))]
    distinct = pd.Series(present.unique(), dtype=object)
    if distinct.empty:
        return None
    kinds = personal_numbers(distinct).value_counts()
    if kinds.sum() < PERSONAL_SHARE * len(distinct):
        return None
    return "iin" if kinds.get("iin", 0) >= kinds.get("phone", 0) else "applicant_phone"


# --- reference vocabularies ----------------------------------------------------------------
Lookup = Callable[[str], "str | None"]
_EXTRA_VOCABULARIES: dict[str, Callable[[], Lookup]] = {}


def register_vocabulary(field: str, lookup: Callable[[], Lookup]) -> None:
    """Add a vocabulary (a factory of folded value → code or None) to the value matcher."""
    _EXTRA_VOCABULARIES[field] = lookup


def vocabularies() -> dict[str, Lookup]:
    """Field → lookup of folded values: every reference table, then the registered ones."""
    found: dict[str, Lookup] = {f: reference.table(f).lookup for f in reference.FIELDS_WITH_TABLES}
    for field, factory in _EXTRA_VOCABULARIES.items():
        found.setdefault(field, factory())
    return found


MATCH_SHARE = 0.6  # of a column's filled sample rows, to propose the field
OVERRIDE_SHARE = 0.8  # to read a column under a one-word topic header as the vocabulary's field
OVERRIDABLE = frozenset({"topic", "subtopic"})
LOOKS_SHARE = 0.3  # to point an unused column out as looking like the field
MIN_VALUES = 3
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class ValueMatch:
    field: str
    share: float  # of the column's filled sample rows whose value the vocabulary knows


def vocabulary_match(values: pd.Series, lookups: dict[str, Lookup] | None = None) -> ValueMatch | None:
    """The vocabulary that knows most of a column's filled values (weighted by rows), or None.

    Only values with letters count: digits alone ("35", "1990") would match KATO codes."""
    lookups = vocabularies() if lookups is None else lookups
    series = pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if not len(uniques):
        return None
    weights = np.bincount(codes[codes >= 0], minlength=len(uniques))
    folded = [fold_value(v) if isinstance(v, str) else "" for v in uniques]
    filled = np.array([bool(f) and f not in reference.BLANK_WORDS and bool(_LETTER.search(f))
                       for f in folded])
    total = int(weights[filled].sum())
    if total < MIN_VALUES:
        return None
    best: ValueMatch | None = None
    for field, lookup in lookups.items():
        known = np.array([bool(ok) and lookup(f) is not None for f, ok in zip(folded, filled, strict=True)])
        share = float(weights[known].sum()) / total
        if share > 0 and (best is None or share > best.share):
            best = ValueMatch(field, share)
    return best


def column_matches(sample: pd.DataFrame | None, columns: list[int]) -> dict[int, ValueMatch]:
    """Column index → its best vocabulary match, for the given columns of a sample of rows."""
    if sample is None or sample.empty:
        return {}
    lookups = vocabularies()
    found = {}
    for index in columns:
        if index in sample.columns:
            match = vocabulary_match(sample[index], lookups)
            if match is not None:
                found[index] = match
    return found


# --- row counters ---------------------------------------------------------------------------
_COUNTER_HEADERS = frozenset({"номер", "no", "n", "id", "нөмірі", "номер п п", "н п", "no п п", "n п п"})


def _generic_number(header: object) -> bool:
    """A header that says only "number" (not "request number"): it may be a row counter."""
    return fold_header(header) in _COUNTER_HEADERS


def is_row_counter(values: pd.Series) -> bool:
    """Whether a column's filled values are 1, 2, 3, ... in row order (at least three of them)."""
    present = pd.Series(values, dtype=object).dropna()
    if len(present) < 3:
        return False
    numbers = pd.to_numeric(present.map(lambda v: _as_text(v).strip() if not isinstance(v, (int, float)) else v),
                            errors="coerce")
    if numbers.isna().any():
        return False
    expected = np.arange(1, len(numbers) + 1)
    return bool((numbers.to_numpy(dtype=float) == expected).all())


# --- the automatic mapping -----------------------------------------------------------------
@dataclass
class ColumnGuess:
    """What headers and values say: the proposed mapping (column index → field), the columns of
    personal numbers ("iin"/"applicant_phone"), and every column's best vocabulary match."""

    mapping: dict[int, str]
    personal: dict[int, str]
    matches: dict[int, ValueMatch]
    by_values: dict[int, str]  # the part of `mapping` that came from values, not headers
    refused_ids: list[int]  # columns a header named the request id that hold IINs or phones
    counters: list[int] = dataclass_field(default_factory=list)  # "Номер" columns that only count rows 1, 2, 3 ...


def guess_columns(headers: Sequence[object], sample: pd.DataFrame | None) -> ColumnGuess:
    """Headers first (each field taken by its first column); then a column the headers left unused
    whose values mostly match a vocabulary is proposed for that field (the best share first). A
    column of IINs or phones never becomes the request id: it is proposed as what it holds."""
    mapping = auto_map(headers)
    personal: dict[int, str] = {}
    if sample is not None and not sample.empty:
        for index in range(len(headers)):
            if index in sample.columns and mapping.get(index) in (None, "request_id"):
                kind = personal_column(sample[index])
                if kind:
                    personal[index] = kind
    counters = [i for i, f in mapping.items() if f == "request_id" and _generic_number(headers[i])
                and sample is not None and i in sample.columns and is_row_counter(sample[i])]
    for index in counters:
        del mapping[index]  # "№ п/п" restarts at 1 in every file: as ids, the next file's rows would be duplicates
    refused_ids = []
    for index, kind in personal.items():
        if mapping.get(index) == "request_id":
            refused_ids.append(index)
            del mapping[index]
            if kind not in mapping.values():
                mapping[index] = kind
    matches = column_matches(sample, [i for i in range(len(headers)) if i not in personal])
    by_values: dict[int, str] = {}
    # A one-word header naming a free-text field ("Категория" is a topic alias) over values that are
    # almost all of one vocabulary ("Пенсионер", "Многодетная семья"): the values say what it is.
    for index, match in matches.items():
        if (mapping.get(index) in OVERRIDABLE and match.share >= OVERRIDE_SHARE
                and len(fold_header(headers[index]).split()) == 1 and match.field not in mapping.values()):
            mapping[index] = match.field
            by_values[index] = match.field
    for index, match in sorted(matches.items(), key=lambda kv: -kv[1].share):
        if index in mapping or match.share < MATCH_SHARE or match.field in mapping.values():
            continue
        mapping[index] = match.field
        by_values[index] = match.field
    return ColumnGuess(mapping, personal, matches, by_values, refused_ids, counters)
