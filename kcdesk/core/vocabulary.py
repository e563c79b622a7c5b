"""The one vocabulary: languages, quarter rules, age bands, genders, social statuses, the reference tables.

Every other module imports these names instead of spelling the codes again. A new bilingual vocabulary
is a CSV in resources/reference (code, name_kk, name_ru, spellings) plus a line in REFERENCE_FILES;
`reference_table(field)` then loads it like the others.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

from kcdesk.core.errors import KcError
from kcdesk.core.resources import resource

if TYPE_CHECKING:  # pandas loads on the first table read, not when a door imports the names
    import pandas as pd

# --- languages ---------------------------------------------------------------------------------
Lang = Literal["kk", "ru"]
LANGS: tuple[Lang, ...] = ("kk", "ru")


def as_lang(value: str) -> Lang:
    """A language code from a door ("kk" / "ru"); anything else is refused with bad_language."""
    if value == "kk":
        return "kk"
    if value == "ru":
        return "ru"
    raise KcError("bad_language", value=value)


# --- how requests are placed in quarters -------------------------------------------------------
QuarterRule = Literal["registered", "processed"]
QUARTER_RULES: tuple[QuarterRule, ...] = ("registered", "processed")

# --- which earlier quarter the +30 % rule (§11) compares with ----------------------------------
# §11: "в сравнении с аналогичным предыдущим периодом": the previous quarter by default; a project
# setting can switch to the same quarter a year earlier. Both changes are always shown.
ComparisonBasis = Literal["previous", "year_ago"]
COMPARISON_BASES: tuple[ComparisonBasis, ...] = ("previous", "year_ago")
BASIS_SETTING = "comparison_basis"


def as_basis(value: str) -> ComparisonBasis:
    """A comparison basis from a door ("previous", "year_ago" or "year-ago"); else bad_comparison_basis."""
    text = value.strip().replace("-", "_")
    if text == "previous":
        return "previous"
    if text == "year_ago":
        return "year_ago"
    raise KcError("bad_comparison_basis", value=value)

# --- portrait (§13) ----------------------------------------------------------------------------
UNKNOWN = "unknown"
ABROAD = "abroad"
# What an officer may say an unrecognised value means besides a reference code: "not stated" (and, for
# a region, "outside Kazakhstan"). Both stay without a code (the Methodology's tables list Kazakhstan's
# regions only) but are no longer "not recognised".
NOT_A_CODE: dict[str, tuple[str, ...]] = {
    "region": (UNKNOWN, ABROAD),
    **{name: (UNKNOWN,) for name in ("gender", "social_status", "channel", "marital_status", "education",
                                     "occupation")},
}
# The Methodology's bands, then the ones it leaves out, named (the analysis JSON's key order).
METHODOLOGY_AGE_BANDS: tuple[str, ...] = ("18-30", "31-40", "41-50", "51-60", "61-70", "71-80", "81-90")
AGE_BANDS_JSON: tuple[str, ...] = METHODOLOGY_AGE_BANDS + ("under_18", "over_90", UNKNOWN)
# The same bands youngest first, as tables, charts and the справка show them.
AGE_BANDS: tuple[str, ...] = ("under_18",) + METHODOLOGY_AGE_BANDS + ("over_90", UNKNOWN)
MAX_AGE = 120  # older is a data error: counted as unknown
AGE_BAND_EDGES: tuple[int, ...] = (-1, 17, 30, 40, 50, 60, 70, 80, 90, MAX_AGE)  # right-closed bins

GENDERS: tuple[str, ...] = ("female", "male")
SOCIAL_STATUSES: tuple[str, ...] = (
    "employee", "entrepreneur", "pensioner", "disability", "large_family", "student",
    "educated", "no_education", "unemployed",
)
# Portrait dimensions with reference tables but no fixed list in the JSON: shown where the data has them.
FREE_DIMENSIONS: tuple[str, ...] = ("marital_status", "education", "occupation")

# --- reference tables (resources/reference/*.csv) -----------------------------------------------
REFERENCE_FILES: dict[str, str] = {
    "region": "regions.csv", "gender": "gender.csv", "social_status": "social_status.csv",
    "channel": "channel.csv", "marital_status": "marital_status.csv", "education": "education.csv",
    "occupation": "occupation.csv",
}


@functools.lru_cache(maxsize=None)
def reference_table(field: str) -> pd.DataFrame:
    """The reference table of a field, every cell a string ("" where blank). Loaded once and shared:
    read it, copy it before changing it."""
    import pandas as pd

    if field not in REFERENCE_FILES:
        raise KcError("unknown_field", field=field, value=field)
    return pd.read_csv(resource("reference", REFERENCE_FILES[field]), dtype=str, keep_default_na=False).fillna("")


def reference_rows(field: str) -> dict[str, dict[str, str]]:
    """code -> the row of the reference table (name_kk, name_ru, …)."""
    return {str(row["code"]): {str(k): str(v) for k, v in row.items()}
            for row in reference_table(field).to_dict("records")}


def codes(field: str) -> tuple[str, ...]:
    """The codes of a reference field, in the CSV's order."""
    return tuple(str(c) for c in reference_table(field)["code"])
