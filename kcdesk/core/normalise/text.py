"""Folding and cleaning of cell texts: keys for comparing values, and tidy display values."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
else:
    from kcdesk.core.lazy import numpy as np
    from kcdesk.core.lazy import pandas as pd


# Invisible characters that exports and copy-paste leave inside words: removed outright.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e"), None)
# Unusual spaces (NBSP, narrow NBSP, figure space, tabs, line breaks ...) become plain spaces.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2028\u2029]+")
_PUNCT = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Latin letters that look like Cyrillic ones (mixed keyboards, OCR): mapped only inside words
# that already contain Cyrillic, so a Latin "Almaty" stays Latin. Latin i → Kazakh і.
_LOOKALIKE = str.maketrans(
    "aceikmopxyABCEHIKMOPTXY",
    "асеікморхуАВСЕНІКМОРТХУ",
)


def _as_text(value: object) -> str:
    """Any cell value as text; blanks (None, NaN, NaT) as ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        # Excel stores 75 as 75.0; "75.0" would not match "75".
        return str(int(value)) if value.is_integer() else str(value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _fix_lookalikes(text: str) -> str:
    if not _CYRILLIC.search(text):
        return text

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        return word.translate(_LOOKALIKE) if _CYRILLIC.search(word) else word

    return _WORD.sub(fix, text)


MEMO_SIZE = 1 << 16  # distinct cell values remembered per function (categories repeat from chunk to chunk)


def memoised(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A pure function of one cell value, remembered for the values met most recently (an import
    meets the same categories and question texts in every chunk); unhashable values are computed."""
    remembered = lru_cache(maxsize=MEMO_SIZE, typed=True)(func)

    def call(value: Any) -> Any:
        try:
            return remembered(value)
        except TypeError:
            return func(value)

    call.__doc__ = func.__doc__
    call.__name__ = func.__name__
    return call


@memoised
def clean_text(text: object) -> str:
    """Invisible characters removed, spaces trimmed and folded; case and punctuation kept."""
    value = _as_text(text).translate(_INVISIBLE)
    return _SPACES.sub(" ", value).strip()


@memoised
def fold_value(text: object) -> str:
    """The comparison key of a category value: case, ё, punctuation, spacing, look-alikes folded."""
    value = unicodedata.normalize("NFKC", _as_text(text).translate(_INVISIBLE))
    value = _fix_lookalikes(value).casefold().replace("ё", "е")
    return " ".join(_PUNCT.sub(" ", value).split())


def fold_topic(text: object) -> str:
    """The key for comparing topic names: case, surrounding and repeated spaces ignored."""
    return clean_text(text).casefold()


def map_distinct(
    values: Any, func: Callable[[Any], Any], missing: Any = None, dtype: Any = object
) -> pd.Series:
    """func applied once per distinct value and spread back over the rows.

    Missing cells (None/NaN/NaT) get `missing` without calling func.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(u) for u in uniques]
    mapped[-1] = missing  # code -1 (missing) picks the last slot
    return pd.Series(mapped[codes], index=series.index).astype(dtype)


def fold_values(values: Any) -> pd.Series:
    """fold_value over a column ("" for missing cells)."""
    return map_distinct(values, fold_value, missing="")


def clean_values(values: Any) -> pd.Series:
    """clean_text over a column ("" for missing cells)."""
    return map_distinct(values, clean_text, missing="")
