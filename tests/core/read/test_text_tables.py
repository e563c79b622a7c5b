"""CSV/TXT exports: encodings, delimiters, quoted newlines, old-Mac line ends, lost Kazakh letters."""

from __future__ import annotations

import pandas as pd
import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.read.tables import list_sheets, open_tables
from kcdesk.core.read.text import detect_delimiter

HEADER = ["№ обращения", "Дата регистрации", "Өңір", "Тақырып", "Текст обращения"]
RU_HEADER = ["№ обращения", "Дата регистрации", "Регион", "Тема", "Текст обращения"]
ROWS = [
    ["101", "15.08.2026 14:03", "Алматы", "Коммунальные услуги", "Нет воды, третий день"],
    ["102", "16.08.2026 09:10", "Астана", "Дороги", "Яма на дороге"],
    ["103", "17.08.2026 11:00", "Шымкент", "Жилищные вопросы", "Очередь на жильё"],
]


def write_text(path, rows, delimiter, encoding, newline="\n", quote_all=False):
    def cell(value):
        if quote_all or any(ch in value for ch in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = newline.join(delimiter.join(cell(v) for v in row) for row in rows) + newline
    path.write_bytes(text.encode(encoding))
    return path


def all_rows(table):
    chunks = list(table.chunks())
    return pd.concat(chunks) if chunks else pd.DataFrame()


@pytest.mark.parametrize(("delimiter", "encoding", "suffix"), [
    (",", "utf-8", ".csv"),
    (";", "utf-8-sig", ".csv"),
    (",", "cp1251", ".csv"),
    ("\t", "utf-16", ".txt"),  # Excel "Unicode text": UTF-16 LE with BOM, tab-delimited
    ("|", "utf-8", ".csv"),
    (";", "utf-8", ".dat"),  # unknown extension, but a delimited table
])
def test_encodings_and_delimiters(tmp_path, delimiter, encoding, suffix):
    header = RU_HEADER if encoding == "cp1251" else HEADER  # cp1251 has no Kazakh letters
    path = write_text(tmp_path / f"export{suffix}", [header, *ROWS], delimiter, encoding)
    [table] = open_tables(path)
    assert (table.file, table.sheet, table.header_row) == (path.name, "", 1)
    assert table.headers == header
    assert table.n_columns == 5
    data = all_rows(table)
    assert list(data.index) == [2, 3, 4]
    assert list(data.columns) == [0, 1, 2, 3, 4]
    assert data.loc[2].tolist() == ROWS[0]
    assert data.loc[4, 2] == "Шымкент"
    assert table.warnings == []
    assert list_sheets(path) == []


def test_utf16_excel_unicode_text_has_bom_and_crlf(tmp_path):
    path = write_text(tmp_path / "unicode.txt", [HEADER, *ROWS], "\t", "utf-16-le", newline="\r\n")
    path.write_bytes(b"\xff\xfe" + path.read_bytes())
    [table] = open_tables(path)
    assert table.headers[2] == "Өңір"
    assert all_rows(table).loc[3, 3] == "Дороги"


def test_quoted_fields_with_newlines_cp1251(tmp_path):
    rows = [RU_HEADER,
            ["1", "15.08.2026", "Алматы", "Дороги", "Первая строка\nвторая строка, с запятой"],
            ["2", "16.08.2026", "Астана", "Связь", 'Сказал "срочно"'],
            ["3", "17.08.2026", "Астана", "Связь", "просто"]]
    path = write_text(tmp_path / "q.csv", rows, ",", "cp1251", quote_all=True)
    [table] = open_tables(path)
    data = all_rows(table)
    assert data.loc[2, 4] == "Первая строка\nвторая строка, с запятой"
    assert data.loc[3, 4] == 'Сказал "срочно"'
    assert list(data.index) == [2, 3, 4]  # record numbers, not physical lines


def test_old_mac_line_ends(tmp_path):
    path = write_text(tmp_path / "mac.csv", [HEADER, *ROWS], ";", "utf-8", newline="\r")
    [table] = open_tables(path)
    data = all_rows(table)
    assert len(data) == 3
    assert data.loc[4, 0] == "103"


def test_title_lines_and_blank_rows(tmp_path):
    rows = [["Выгрузка обращений за III квартал 2026 года"], ["Сформировано: 01.10.2026"], [""],
            HEADER, ROWS[0], [""], ["", "", "", "", ""], ROWS[1]]
    path = write_text(tmp_path / "titles.csv", rows, ";", "utf-8")
    [table] = open_tables(path)
    assert table.header_row == 4
    data = all_rows(table)
    assert list(data.index) == [5, 8]
    assert data.loc[8, 0] == "102"


def test_empty_cells_are_none(tmp_path):
    path = write_text(tmp_path / "gaps.csv", [HEADER, ["1", "", "Астана", "", "x"]], ";", "utf-8")
    [table] = open_tables(path)
    row = all_rows(table).loc[2]
    assert row[1] is None and row[3] is None and row[2] == "Астана"


def test_chunks_are_sized_and_repeatable(tmp_path):
    rows = [HEADER] + [[str(i), "15.08.2026", "Астана", "Дороги", f"текст {i}"] for i in range(2500)]
    path = write_text(tmp_path / "many.csv", rows, ",", "utf-8")
    [table] = open_tables(path)
    chunks = list(table.chunks(1000))
    assert len(chunks) == 3 and all(len(c) <= 1000 for c in chunks)
    assert chunks[0].index[0] == 2 and chunks[1].index[0] == chunks[0].index[-1] + 1
    assert chunks[-1].index[-1] == 2501
    assert sum(len(c) for c in table.chunks(700)) == 2500  # a second pass reads it all again
    estimate = table.estimated_rows()
    assert estimate is not None and 2000 <= estimate <= 3000


def test_many_trailing_blank_lines_are_cheap(tmp_path):
    path = tmp_path / "trailing.csv"
    text = "\n".join(";".join(r) for r in [HEADER, *ROWS]) + "\n" + ";;;;\n" * 200_000
    path.write_text(text, encoding="utf-8")
    [table] = open_tables(path)
    assert len(all_rows(table)) == 3


def test_lost_kazakh_letters_warning(tmp_path):
    # cp1251 has no қ ә ө ұ ү ғ ң һ: an export through it writes '?' in their place.
    rows = [RU_HEADER,
            ["1", "15.08.2026", "Алматы ?аласы", "Дороги", "Жол ж?ндеу керек"],
            ["2", "16.08.2026", "Астана", "Дороги", "Где ремонт?"],
            ["3", "17.08.2026", "?ызылорда", "Жилищные вопросы", "???"]]
    path = write_text(tmp_path / "lost.csv", rows, ";", "cp1251")
    [table] = open_tables(path)
    [warning] = table.warnings
    assert warning.code == "lost_kazakh_letters"
    assert warning.params["file"] == "lost.csv"
    assert warning.params["count"] == 2
    assert warning.params["row"] == 2


def test_question_marks_after_words_do_not_warn(tmp_path):
    rows = [RU_HEADER, ["1", "15.08.2026", "Астана", "Дороги", "Когда отремонтируют? Ответьте?"]]
    path = write_text(tmp_path / "fine.csv", rows, ";", "cp1251")
    [table] = open_tables(path)
    assert table.warnings == []


def test_header_row_override(tmp_path):
    rows = [["Колонка А", "Колонка Б"], ["x", "y"], ["1", "2"]]
    path = write_text(tmp_path / "plain.csv", rows, ";", "utf-8")
    with pytest.raises(KcError) as error:
        open_tables(path)
    assert error.value.code == "no_header"
    [table] = open_tables(path, header_row=2)
    assert table.headers == ["x", "y"] and table.header_row == 2
    assert all_rows(table).loc[3].tolist() == ["1", "2"]


def test_header_without_rows(tmp_path):
    path = write_text(tmp_path / "only_header.csv", [HEADER, ["", "", "", "", ""]], ";", "utf-8")
    with pytest.raises(KcError) as error:
        open_tables(path)
    assert error.value.code == "no_data_rows"
    assert error.value.params == {"file": "only_header.csv", "sheet": "", "row": 1}


def test_text_file_has_no_sheets(tmp_path):
    path = write_text(tmp_path / "e.csv", [HEADER, *ROWS], ";", "utf-8")
    with pytest.raises(KcError) as error:
        open_tables(path, sheet="Лист1")
    assert error.value.code == "sheet_missing"


@pytest.mark.parametrize(("lines", "expected"), [
    (["a;b;c", "1;2,5;3", "4;5;6"], ";"),
    (["a,b,c", "1,2,3", '"x;y",5,6'], ","),
    (["a\tb", "1\t2, 3"], "\t"),
    (["a|b|c", "1|2|3"], "|"),
    (["Заголовок отчёта", "a;b;c", "1;2;3", "4;5;6"], ";"),
])
def test_detect_delimiter(lines, expected):
    assert detect_delimiter("\n".join(lines))[0] == expected


def test_kz1048_kazakh_code_page(tmp_path):
    rows = [HEADER, ["1", "15.08.2026", "Қарағанды облысы", "Әлеуметтік көмек", "Үйге су келмейді"],
            ["2", "16.08.2026", "Өскемен", "Жұмыспен қамту", "Ғимарат жөнделсін"]]
    path = write_text(tmp_path / "kz.csv", rows, ";", "kz1048")
    [table] = open_tables(path)
    assert table.headers == HEADER
    data = all_rows(table)
    assert data.loc[2, 2] == "Қарағанды облысы"
    assert data.loc[3, 4] == "Ғимарат жөнделсін"
    assert table.warnings == []


def test_russian_cp1251_is_not_taken_for_kz1048(tmp_path):
    rows = [RU_HEADER, ["1", "15.08.2026", "Караганда", "Связь", "Нет интернета, «срочно»"]]
    path = write_text(tmp_path / "ru.csv", rows, ";", "cp1251")
    [table] = open_tables(path)
    assert all_rows(table).loc[2, 4] == "Нет интернета, «срочно»"


def test_one_bad_byte_deep_in_a_utf8_file_does_not_make_it_cp1251(tmp_path):
    rows = [HEADER] + [[str(i), "15.08.2026", "Өскемен", "Дороги", "текст обращения"] for i in range(20000)]
    path = write_text(tmp_path / "stray.csv", rows, ";", "utf-8")
    path.write_bytes(path.read_bytes() + "20001;16.08.2026;Астана;Дороги;bad ".encode() + b"\xff\n")
    [table] = open_tables(path)
    data = all_rows(table)
    assert data.loc[2, 2] == "Өскемен"
    assert data.loc[20002, 4] == "bad \ufffd"


def test_ascii_head_then_cp1251(tmp_path):
    rows = [["id", "date", "region"]] + [[str(i), "15.08.2026", "Astana"] for i in range(60000)]
    path = write_text(tmp_path / "late.csv", rows + [["60001", "16.08.2026", "Караганда"]], ",", "cp1251")
    [table] = open_tables(path)
    assert all_rows(table).loc[60002, 2] == "Караганда"
