"""Category columns: gender and social status to their codes, free categories to tidy text."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kcdesk.core.normalise.reference import BLANK_WORDS, resolve
from kcdesk.core.normalise.text import clean_text, fold_value, map_distinct, memoised


def normalise_gender(values: Any, user_map: dict[str, str] | None = None) -> pd.Series:
    """"female"/"male" from a gender column (Ж, М, Әйел, Ер, F, M, жен. ...); None otherwise.

    The spellings live in gender.csv plus the extra real-world ones in reference._EXTRA.
    """
    return resolve("gender", values, user_map)


def normalise_social_status(values: Any, user_map: dict[str, str] | None = None) -> pd.Series:
    """One of the nine §13 codes (SOCIAL_STATUSES) per cell; None when blank or unknown."""
    return resolve("social_status", values, user_map)


@memoised
def _category_one(value: object) -> str | None:
    text = clean_text(value)
    if not text or fold_value(text) in BLANK_WORDS:
        return None
    return text


def clean_category(values: Any) -> pd.Series:
    """Free categories (channel, marital status, education, occupation, subtopic) as tidy text.

    Spaces trimmed and folded, invisible characters dropped, case kept; blank or "not stated"
    placeholders ("-", "не указано", "нет данных") → None.
    """
    return map_distinct(values, _category_one)
