"""Question texts folded for comparison: NFKC, case, ё→е, HTML out, numbers masked, spaces folded."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

_TAG = re.compile(r"<[^>]{0,200}>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# Masks left by the importer ([ИИН], [ТЕЛ], [EMAIL]) are one token, whatever their case.
_MASK = re.compile(r"\[(?:иин|тел|email)\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
NUMBER_TOKEN = "0"
_CHUNK = 50_000  # each string step copies the chunk: smaller chunks, lower peaks


def _unescape(text: str) -> str:
    return html.unescape(text)


def _fold(folded: pd.Series, numbers: bool = False) -> pd.Series:
    folded = folded.str.normalize("NFKC")
    has_entity = folded.str.contains("&", regex=False)
    if has_entity.any():
        folded[has_entity] = folded[has_entity].map(_unescape)
    folded = folded.str.replace(_TAG, " ", regex=True)
    folded = folded.str.replace("\u00a0", " ", regex=False)
    folded = folded.str.casefold().str.replace("ё", "е", regex=False)
    folded = folded.str.replace(_MASK, " ", regex=True)
    if not numbers:
        folded = folded.str.replace(_NUMBER, NUMBER_TOKEN, regex=True)
    return folded.str.replace(_SPACE, " ", regex=True).str.strip()


def normalise_texts(texts: pd.Series, keep_numbers: bool = False) -> pd.Series:
    """Fold each text for comparison; blank or missing texts become "". keep_numbers: house, flat and
    route numbers stay (the wording of a request about one place)."""
    series = pd.Series(texts, copy=False)
    out = series.astype(object).where(series.notna(), "").astype(str)
    # Work on distinct raw texts: about a third of real messages are exact repeats.
    codes, uniques = pd.factorize(out)
    # Chunks bound the intermediate copies each string operation makes (a 1M-text quarter).
    folded = pd.concat([_fold(pd.Series(uniques[i:i + _CHUNK], dtype=object), keep_numbers)
                        for i in range(0, len(uniques), _CHUNK)] or [pd.Series([], dtype=object)],
                       ignore_index=True)
    values = folded.to_numpy(dtype=object)
    result = values[codes] if len(codes) else np.array([], dtype=object)
    return pd.Series(result, index=series.index, dtype=object)


def display_text(text: str) -> str:
    """A stored question made presentable: HTML out, spaces folded, any leftover IIN/phone/e-mail
    masked, and flat numbers, GPS coordinates, full names, birth dates and foreign phones masked."""
    from kcdesk.core.analyse.content.privacy import mask_shown
    from kcdesk.core.normalise.masking import mask_text

    clean = _TAG.sub(" ", html.unescape(str(text))).replace("\u00a0", " ")
    return mask_shown(mask_text(_SPACE.sub(" ", clean).strip()))
