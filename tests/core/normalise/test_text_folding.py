"""fold_value / clean_text / fold_topic and the distinct-value mapper."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.normalise.text import (
    clean_text,
    clean_values,
    fold_topic,
    fold_value,
    fold_values,
    map_distinct,
)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Aктюбинская обл.", "актюбинская обл"),  # Latin A inside a Cyrillic word
        ("AKTOBE", "aktobe"),  # pure Latin stays Latin
        ("Almaty", "almaty"),
        ("г.\u00a0Алматы\u200b", "г алматы"),  # NBSP and zero-width space
        ("  Северо-Казахстанская   обл. ", "северо казахстанская обл"),
        ("ЁЛКА", "елка"),
        ("Жетiсу", "жетісу"),  # Latin i → Kazakh і
        ("СКO", "ско"),  # Latin O at the end of a Cyrillic word
        ("Ақтөбе\tоблысы", "ақтөбе облысы"),
        ("Алм\u00adаты", "алматы"),  # soft hyphen
        (None, ""),
        (float("nan"), ""),
        (75.0, "75"),
        ("—", ""),
    ],
)
def test_fold_value(raw, folded):
    assert fold_value(raw) == folded


def test_fold_value_is_idempotent():
    for raw in ("Aктюбинская обл.", "Almaty city", "Ұлытау облысы", "г.Нур-Султан"):
        assert fold_value(fold_value(raw)) == fold_value(raw)


def test_mixed_text_keeps_latin_words():
    assert fold_value("Almaty Алматы") == "almaty алматы"


def test_clean_text_keeps_case_and_punctuation():
    assert clean_text("  Жилищные\u00a0вопросы ,  ЖКХ\u200b\n") == "Жилищные вопросы , ЖКХ"
    assert clean_text(None) == ""
    assert clean_text("e-Otinish") == "e-Otinish"


def test_fold_topic_ignores_case_and_spaces():
    assert fold_topic("  Жилищные   Вопросы ") == fold_topic("жилищные вопросы")
    assert fold_topic("Жилищные вопросы") != fold_topic("Жилищный вопрос")
    # punctuation is part of a topic name
    assert fold_topic("ЖКХ, тарифы") != fold_topic("ЖКХ тарифы")


def test_map_distinct_calls_once_per_value_and_keeps_index():
    calls: list[object] = []

    def func(value):
        calls.append(value)
        return str(value).upper()

    series = pd.Series(["a", "b", None, "a", np.nan, "b"], index=[10, 11, 12, 13, 14, 15])
    out = map_distinct(series, func)
    assert sorted(calls) == ["a", "b"]
    assert out.tolist() == ["A", "B", None, "A", None, "B"]
    assert list(out.index) == [10, 11, 12, 13, 14, 15]
    assert map_distinct(series, func, missing="?").tolist()[2] == "?"


def test_column_helpers():
    assert fold_values(pd.Series([" A ", None])).tolist() == ["a", ""]
    assert clean_values(pd.Series([" A ", None])).tolist() == ["A", ""]
