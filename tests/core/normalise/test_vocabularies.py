"""The bilingual vocabularies of channel, marital status, education and occupation."""

from __future__ import annotations

import pandas as pd
import pytest

from kcdesk.core import vocabulary
from kcdesk.core.normalise import reference

NEW_FIELDS = ("channel", "marital_status", "education", "occupation")


@pytest.mark.parametrize("field", NEW_FIELDS)
def test_every_code_has_both_names_and_they_differ_from_the_other_language(field):
    for code in vocabulary.codes(field):
        kk, ru = reference.name(field, code, "kk"), reference.name(field, code, "ru")
        assert kk and ru, (field, code)
        # Proper names (WhatsApp, Telegram) are the same in both languages; nothing else is.
        if code not in ("whatsapp", "telegram"):
            assert kk != ru, (field, code)
        assert reference.table(field).lookup(reference.fold_value(kk)) == code
        assert reference.table(field).lookup(reference.fold_value(ru)) == code


@pytest.mark.parametrize(("field", "raw", "code"), [
    ("channel", "Звонок 1414", "call_1414"),
    ("channel", "Звонок 109", "call_109"),
    ("channel", "Телефон", "phone"),
    ("channel", "Личный прием", "personal_visit"),
    ("channel", "Личный приём", "personal_visit"),
    ("channel", "Портал e-Otinish", "eotinish"),
    ("channel", "telegram-бот", "telegram"),
    ("channel", "Instagram", "social_media"),
    ("channel", "Жеке қабылдау", "personal_visit"),
    ("marital_status", "Замужем", "married"),
    ("marital_status", "Женат", "married"),
    ("marital_status", "Тұрмыста", "married"),
    ("marital_status", "Холост / не замужем", "single"),
    ("marital_status", "Вдова", "widowed"),
    ("education", "Высшее", "higher"),
    ("education", "Среднее специальное", "vocational"),
    ("education", "Неполное среднее", "incomplete_secondary"),
    ("education", "жоғары", "higher"),
    ("occupation", "Работает", "employed"),
    ("occupation", "Работает по найму", "employed"),
    ("occupation", "Не работает", "not_working"),
    ("occupation", "Пенсионер", "pensioner"),
    ("occupation", "Учащийся", "student"),
])
def test_export_spellings_map_to_codes(field, raw, code):
    assert list(reference.resolve(field, pd.Series([raw]))) == [code]


def test_unknown_spellings_are_not_guessed_and_placeholders_are_blank():
    values = pd.Series(["Голубиная почта", "не указано", None])
    assert list(reference.resolve("channel", values)) == [None, None, None]
    assert list(reference.is_blank(values)) == [False, True, True]


def test_in_sentence_lowercases_common_nouns_only():
    assert reference.in_sentence("Пенсионеры") == "пенсионеры"
    assert reference.in_sentence("Система «E-Otinish»") == "система «E-Otinish»"
    assert reference.in_sentence("WhatsApp") == "WhatsApp"
    assert reference.in_sentence("SMS-сообщение") == "SMS-сообщение"
    assert reference.in_sentence("ИАС «Электронные обращения»") == "ИАС «Электронные обращения»"
