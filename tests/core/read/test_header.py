"""Header search on plain rows (as CSV gives them): best row, title lines, two-row headers."""

from __future__ import annotations

from kcdesk.core.read.header import find_header, header_span, join_headers

N = None


def headers_of(rows, width=None):
    found = find_header(rows)
    assert found is not None
    group, last = header_span(rows, found)
    upper = rows[group] if group is not None else None
    return last, join_headers(upper, rows[last], width or len(rows[last]))


def test_title_lines_are_skipped():
    rows = [["Отчёт по обращениям", N, N], [N, N, N], ["Дата регистрации", "Тақырып", "Өңір"],
            ["15.08.2026", "Жол", "Астана"]]
    assert headers_of(rows) == (2, ["Дата регистрации", "Тақырып", "Өңір"])


def test_fewer_than_two_names_is_no_header():
    assert find_header([["Тема", "что-то"], ["x", "y"]]) is None
    assert find_header([["Дата", "Дата"], ["x", "y"]]) is None  # one field named twice


def test_the_row_naming_most_fields_wins():
    rows = [["Тема", "Дата", N, N], ["№ обращения", "Дата регистрации", "Регион", "Тема"]]
    assert find_header(rows) == 1


def test_two_row_header_without_merge_information():
    rows = [["№ обращения", "Дата регистрации", "В разрезе тем", N, N, "Регион"],
            [N, N, "Тематика", "Количество", "Доля", N],
            [1, "15.08.2026", "Дороги", 3, 0.5, "Астана"]]
    last, headers = headers_of(rows)
    assert last == 1
    assert headers == ["№ обращения", "Дата регистрации", "Тематика", "В разрезе тем / Количество",
                       "В разрезе тем / Доля", "Регион"]


def test_group_titles_above_the_header_without_merges():
    rows = [["Сведения о заявителе", N, "Обращение", N],
            ["Пол", "Возраст", "Дата регистрации", "Содержимое"],
            ["М", 35, "15.08.2026", "текст"]]
    assert headers_of(rows) == (1, ["Пол", "Возраст", "Дата регистрации", "Обращение / Содержимое"])


def test_single_title_line_is_not_a_group_row():
    rows = [["Выгрузка за квартал", N, N], ["№", "Дата", "Непонятная колонка"], [1, "x", "y"]]
    assert headers_of(rows) == (1, ["№", "Дата", "Непонятная колонка"])


def test_data_row_is_not_taken_for_sub_headers():
    rows = [["№", "Дата", "Канал", "Вопрос", N], [N, N, "Телефон", "Текст", "x"]]
    assert headers_of(rows)[0] == 0


def test_numbers_and_blanks_in_headers():
    assert join_headers(None, ["№", 2026.0, N, " Дата\nрегистрации "], 5) == \
        ["№", "2026", "", "Дата регистрации", ""]
