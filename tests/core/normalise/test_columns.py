"""Headers matched as whole words (most specific wins); columns judged by their values."""

from __future__ import annotations

import pandas as pd
import pytest

from kcdesk.core.fields import match_header
from kcdesk.core.normalise.columns import (
    guess_columns,
    personal_column,
    personal_numbers,
    vocabulary_match,
)


@pytest.mark.parametrize(("header", "field"), [
    ("Номер телефона заявителя", "applicant_phone"),
    ("Номер ИИН", "iin"),
    ("ИИН заявителя (12 цифр)", "iin"),
    ("Дата рождения заявителя", "birth_date"),
    ("Телефон контакт-центра", "contact_phone"),
    ("Номер", "request_id"),
    ("Номер обращения", "request_id"),
    ("Регистрационный номер обращения", "request_id"),
    ("Дата регистрации обращения (МСК)", "registered_at"),
    ("Дата (МСК)", "registered_at"),
    ("Канал поступления обращения", "channel"),
    ("Заявитель: телефон", "applicant_phone"),
    ("Пользователь", None),       # "пол" is a word, not the start of one
    ("ID клиента", None),         # a two-letter generic word names nothing on its own
    ("Контактный номер", None),   # a generic word counts only at the start
    ("Статус", None),             # ambiguous: left to the values
])
def test_headers_match_whole_words_and_the_most_specific_wins(header: str, field: str | None) -> None:
    assert match_header(header) == field


def test_iins_and_phones_are_told_from_ids() -> None:
    values = pd.Series(["880101300123", "880101300128", "+7 (701) 555-12-34", "87015551234",
                        "202403150001", "ЗАП-17", None, 7015551234.0])
    assert personal_numbers(values).tolist() == ["iin", None, "phone", "phone", None, None, None, "phone"]


def test_a_running_counter_is_not_phones() -> None:
    counter = pd.Series([str(7_010_000_000 + i) for i in range(50)])
    assert personal_numbers(counter).isna().all()
    assert personal_column(counter) is None


def test_a_column_of_phones_or_iins_is_personal() -> None:
    phones = pd.Series([f"8 70{i % 8} {100 + 37 * i:03d} {i % 90 + 10:02d} {(7 * i) % 90 + 10:02d}"
                        for i in range(40)])
    assert personal_column(phones) == "applicant_phone"
    assert personal_column(pd.Series(["880101300123"] * 5 + ["x"])) == "iin"


def test_values_propose_a_field_for_an_ambiguous_header() -> None:
    sample = pd.DataFrame({0: ["01.08.2026"] * 8, 1: ["Пенсионер", "Многодетная семья", "Студент",
                                                      "пенсионерка", "Безработный", None, "Пенсионер", "x"]})
    guess = guess_columns(["Дата регистрации", "Статус"], sample)
    assert guess.mapping == {0: "registered_at", 1: "social_status"}
    assert guess.by_values == {1: "social_status"}


def test_digits_alone_never_match_a_vocabulary() -> None:
    """Ages 11..79 are KATO region prefixes: digits do not count as vocabulary values."""
    assert vocabulary_match(pd.Series(["35", "47", "11", "75"] * 5)) is None


def test_a_field_named_by_a_header_is_not_taken_again_by_values() -> None:
    sample = pd.DataFrame({0: ["01.08.2026"] * 4, 1: ["Астана"] * 4, 2: ["Алматы"] * 4})
    guess = guess_columns(["Дата", "Регион", "Город"], sample)
    assert guess.mapping == {0: "registered_at", 1: "region"}
    assert guess.matches[2].field == "region"


def test_a_number_header_over_iins_is_the_iin() -> None:
    sample = pd.DataFrame({0: ["880101300123"] * 3, 1: ["01.08.2026"] * 3})
    guess = guess_columns(["Номер", "Дата"], sample)
    assert guess.mapping == {0: "iin", 1: "registered_at"} and guess.refused_ids == [0]


def test_a_number_column_that_counts_rows_is_not_the_request_id() -> None:
    """'Номер п/п' restarts at 1 in every export: as request ids, the next file's rows would be
    dropped as duplicates."""
    sample = pd.DataFrame({0: [1, 2, 3, 4, None], 1: ["01.08.2026"] * 5})
    guess = guess_columns(["Номер п/п", "Дата"], sample)
    assert guess.mapping == {1: "registered_at"} and guess.counters == [0]
    # An explicit request number is trusted, and ids that do not count from 1 are ids.
    assert guess_columns(["Номер обращения", "Дата"], sample).mapping[0] == "request_id"
    later = pd.DataFrame({0: ["1001", "1002", "1003"], 1: ["01.08.2026"] * 3})
    assert guess_columns(["Номер", "Дата"], later).mapping[0] == "request_id"


@pytest.mark.parametrize(("values", "field"), [
    (["Телефон", "Портал eOtinish", "Телефон", "WhatsApp"], "channel"),
    (["Женат", "Замужем", "Холост", "Разведена"], "marital_status"),
    (["Высшее", "Среднее специальное", "Среднее", "Высшее"], "education"),
    (["Госслужащий", "Учитель", "Врач", "Госслужащий"], "occupation"),
    (["Ж", "М", "жен.", "муж."], "gender"),
    (["Карагандинская обл.", "г. Астана", "Тараз"], "region"),
])
def test_every_reference_vocabulary_proposes_its_field(values: list[str], field: str) -> None:
    """The vocabularies of channel, marital status, education and occupation (issue 18) plug into
    the value matcher like the others."""
    sample = pd.DataFrame({0: ["01.08.2026"] * len(values), 1: values})
    assert guess_columns(["Дата", "Сведения"], sample).mapping == {0: "registered_at", 1: field}


def test_a_sentence_is_no_header() -> None:
    """Whole words match anywhere in a header, so a data row's question text must not look like one."""
    text = "Прошу сообщить, куда обратиться: мой телефон не работает, а регион проживания сменился год назад"
    assert match_header(text) is None


def test_values_win_over_a_one_word_topic_header() -> None:
    """'Категория' is a topic alias, but a column of social statuses is the applicant's category;
    a real topic column under the same header stays the topic."""
    statuses = pd.DataFrame({0: ["01.08.2026"] * 5, 1: ["Пенсионер", "Многодетная семья", "Студент",
                                                         "Пенсионер", "Безработный"]})
    guess = guess_columns(["Дата", "Категория"], statuses)
    assert guess.mapping == {0: "registered_at", 1: "social_status"} and guess.by_values == {1: "social_status"}
    topics = pd.DataFrame({0: ["01.08.2026"] * 4, 1: ["Дороги", "ЖКХ", "Инвалидность", "Пособия"]})
    assert guess_columns(["Дата", "Категория"], topics).mapping[1] == "topic"
    # A two-word header is trusted.
    assert guess_columns(["Дата", "Тема обращения"], statuses).mapping[1] == "topic"
