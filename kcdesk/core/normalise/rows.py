"""A chunk of mapped export rows → the columns the project stores (vectorised, on distinct values)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kcdesk.core.normalise.ages import clean_stated_age, combine_age
from kcdesk.core.normalise.applicant import applicant_keys
from kcdesk.core.normalise.columns import personal_numbers
from kcdesk.core.normalise.dates import parse_birth_dates, parse_datetimes
from kcdesk.core.normalise.iin import decode_iin
from kcdesk.core.normalise.masking import mask_names_series, mask_personal
from kcdesk.core.normalise.reference import is_blank, resolve
from kcdesk.core.normalise.values import clean_category
from kcdesk.core.vocabulary import NOT_A_CODE

# Columns of requests filled from a chunk, in insert order.
STORED = (
    "source_row", "request_id", "registered_at", "processed_at", "reg_quarter", "proc_quarter",
    "channel", "channel_raw", "region", "region_raw", "topic", "subtopic", "question", "gender",
    "gender_raw", "age", "social_status", "social_status_raw", "marital_status", "marital_status_raw",
    "education", "education_raw", "occupation", "occupation_raw", "contact_centre", "contact_phone",
    "applicant",
)
# Fields stored as reference codes (resources/reference); a value no table knows keeps its text
# in <field>_raw until the officer says once what it means.
RESOLVED = ("region", "gender", "social_status", "channel", "marital_status", "education", "occupation")
FREE_CATEGORIES = ("subtopic", "contact_centre", "contact_phone")


@dataclass
class ChunkResult:
    rows: pd.DataFrame                    # STORED columns, one row per input row
    problems: pd.DataFrame                # sheet_row, field, reason, value
    unresolved: dict[str, pd.Series] = field(default_factory=dict)  # field → raw value counts
    masked_ids: int = 0                   # request ids dropped because they were an IIN or a phone


def request_ids(values: pd.Series) -> pd.Series:
    """Export ids as text; Excel's 12345.0 is 12345. Blank → None. Vectorised over the column."""
    values = values.astype(object)
    out = pd.Series(None, index=values.index, dtype=object)
    kinds = values.map(type)
    floats = kinds.isin([float]) & values.notna()
    whole = floats & (pd.to_numeric(values.where(floats), errors="coerce") % 1 == 0)
    if whole.any():
        out[whole] = values[whole].astype("float64").astype("int64").astype(str)
    other = values.notna() & ~whole
    if other.any():
        text = values[other].astype(str).str.strip()
        out[other] = text.where(text != "", None)
    return out


def _quarter_index(moments: pd.Series) -> pd.Series:
    index = moments.dt.year * 4 + (moments.dt.month - 1) // 3
    return index.astype("Int64")


def _iso(moments: pd.Series) -> pd.Series:
    """ISO text "YYYY-MM-DD HH:MM:SS" (numpy formats in C; strftime is ten times slower)."""
    text = np.datetime_as_string(moments.to_numpy(dtype="datetime64[s]"), unit="s")
    return pd.Series(np.char.replace(text, "T", " "), index=moments.index, dtype=object).where(
        moments.notna(), None)


def _questions(values: pd.Series) -> pd.Series:
    """Question texts tidied and personal data masked, once per distinct text (many repeat)."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    masked = mask_personal(clean_category(pd.Series(uniques, dtype=object))).to_numpy(dtype=object)
    spread = np.append(masked, np.array([None], dtype=object))[codes]
    return pd.Series(spread, index=values.index, dtype=object)


def _resolved(name: str, values: pd.Series, user_maps: dict[str, dict[str, str]]) -> tuple[pd.Series, pd.Series]:
    """A field's codes, and the text of the values no vocabulary (nor the officer) resolves (None elsewhere)."""
    codes = resolve(name, values, user_maps.get(name))
    said = codes.isin(NOT_A_CODE.get(name, ()))  # the officer said "not stated" / "outside Kazakhstan"
    codes = codes.where(~said, None)
    missing = codes.isna() & ~is_blank(values) & ~said  # "не указано" is blank, not unresolved
    return codes, clean_category(values).where(missing, None)


def unresolved_counts(raw: pd.DataFrame, user_maps: dict[str, dict[str, str]]) -> dict[str, pd.Series]:
    """For the fields with vocabularies among raw's columns: the values not recognised, with how many
    rows hold each (personal data masked, as the import keeps them)."""
    out: dict[str, pd.Series] = {}
    for name in RESOLVED:
        if name in raw:
            raw_text = _resolved(name, raw[name], user_maps)[1].dropna()
            if len(raw_text):
                out[name] = _masked_counts(raw_text.value_counts())
    return out


def _masked_counts(counts: pd.Series) -> pd.Series:
    masked = mask_names_series(mask_personal(pd.Series(counts.index, dtype=object))).to_numpy()
    if (masked == counts.index.to_numpy()).all():
        return counts
    return (pd.Series(counts.to_numpy(), index=pd.Index(masked, name=counts.index.name), name=counts.name)
            .groupby(level=0).sum())


# Free-text columns besides the question where an operator may type a phone or an IIN. Not the
# request id (12-digit ids are common) nor the contact centre's own public phone.
_MASKED_TOO = ("topic", "subtopic", "contact_centre")


def _mask_distinct(values: pd.Series) -> pd.Series:
    """mask_personal on the distinct values only (categories repeat a lot)."""
    distinct = pd.Series(values.dropna().unique(), dtype=object)
    if distinct.empty:
        return values
    masked = mask_names_series(mask_personal(distinct))  # no names either
    changed = masked.to_numpy() != distinct.to_numpy()
    if not changed.any():
        return values
    return values.replace(dict(zip(distinct[changed], masked[changed])))


def _dates(raw: pd.DataFrame, name: str, date1904: bool,
           birth: bool = False) -> tuple[pd.Series, pd.Series]:
    """Parsed dates of a column, or all-empty where the export has no such column."""
    if name not in raw:
        return (pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]"),
                pd.Series(False, index=raw.index))
    # A birth date is never in the future: "03.04.56" is 1956.
    parse = parse_birth_dates if birth else parse_datetimes
    return parse(raw[name], date1904=date1904)


def normalise_chunk(raw: pd.DataFrame, user_maps: dict[str, dict[str, str]],
                    date1904: bool = False) -> ChunkResult:
    """`raw` has one column per mapped field (FIELDS names) and the sheet row numbers as index."""
    n = len(raw)
    def column(name: str) -> pd.Series:
        return raw[name] if name in raw else pd.Series([None] * n, index=raw.index, dtype=object)

    out = pd.DataFrame(index=raw.index)
    out["source_row"] = raw.index.astype("int64")
    out["request_id"] = request_ids(column("request_id"))
    # An "id" that is a valid IIN or a phone number is personal data, not an id: it is not stored
    # (the row is kept, without an id, so it is never taken for a duplicate of another caller's).
    personal_id = personal_numbers(out["request_id"]).notna() if "request_id" in raw else None
    if personal_id is not None and personal_id.any():
        out.loc[personal_id, "request_id"] = None

    registered, bad_registered = _dates(raw, "registered_at", date1904)
    processed, bad_processed = _dates(raw, "processed_at", date1904)
    # An export with only a closing date: that date also stands for the registration.
    registered = registered.fillna(processed) if "registered_at" not in raw else registered
    out["registered_at"] = _iso(registered)
    out["processed_at"] = _iso(processed)
    out["reg_quarter"] = _quarter_index(registered)
    out["proc_quarter"] = _quarter_index(processed)

    for name in FREE_CATEGORIES:
        out[name] = clean_category(column(name))
    out["topic"] = clean_category(column("topic"))
    out["question"] = _questions(column("question"))

    unresolved: dict[str, pd.Series] = {}
    for name in RESOLVED:
        codes, raw_text = _resolved(name, column(name), user_maps)
        out[name], out[f"{name}_raw"] = codes, raw_text
        if raw_text.notna().any():
            unresolved[name] = raw_text.dropna().value_counts()

    # Age at registration: birth date, else stated age, else IIN; gender from the IIN if none stated.
    birth, _bad_birth = _dates(raw, "birth_date", date1904, birth=True)
    stated = clean_stated_age(column("age"))
    iin = decode_iin(column("iin")) if "iin" in raw else None
    iin_birth = iin["birth_date"] if iin is not None else pd.Series(pd.NaT, index=raw.index)
    out["age"] = combine_age(birth, stated, iin_birth, registered)
    if iin is not None:
        from_iin = out["gender"].isna() & out["gender_raw"].isna() & iin["gender"].notna()
        out.loc[from_iin, "gender"] = iin.loc[from_iin, "gender"]

    # The applicant as an opaque key (HMAC of the IIN, else the phone, under the user's own secret):
    # repeated requests by one person can be counted; the IIN and the phone are not stored.
    has_applicant = "iin" in raw or "applicant_phone" in raw
    out["applicant"] = (applicant_keys(raw["iin"] if "iin" in raw else None,
                                       raw["applicant_phone"] if "applicant_phone" in raw else None,
                                       decoded=iin)
                        if has_applicant else pd.Series(None, index=raw.index, dtype=object))

    problems = []
    no_date = registered.isna()
    for mask, reason, source in (
        (bad_registered, "bad_date", column("registered_at")),
        (no_date & ~bad_registered, "no_date", None),
        (bad_processed & ~no_date, "bad_processed_date", column("processed_at")),
    ):
        if mask.any():
            value = source[mask].astype(str).str.slice(0, 40) if source is not None else None
            problems.append(pd.DataFrame({
                "sheet_row": raw.index[mask].astype("int64"),
                "field": "processed_at" if reason == "bad_processed_date" else "registered_at",
                "reason": reason,
                "value": value.to_numpy() if value is not None else None,
            }))
    problem_frame = (pd.concat(problems, ignore_index=True) if problems
                     else pd.DataFrame(columns=["sheet_row", "field", "reason", "value"]))
    # IINs and phones are masked also where nobody expects them: in categories, in values that
    # could not be resolved (a phone typed into the region column) and in unreadable dates -
    # all are stored, printed and shown, so they get the same masks as question texts.
    rows = out[list(STORED)].copy()
    for name in [c for c in rows.columns if c.endswith("_raw") or c in _MASKED_TOO]:
        rows[name] = _mask_distinct(rows[name])
    if not problem_frame.empty and problem_frame["value"].notna().any():
        problem_frame["value"] = mask_personal(problem_frame["value"])
    unresolved = {name: _masked_counts(counts) for name, counts in unresolved.items()}
    masked = int(personal_id.sum()) if personal_id is not None else 0
    return ChunkResult(rows=rows, problems=problem_frame, unresolved=unresolved, masked_ids=masked)
