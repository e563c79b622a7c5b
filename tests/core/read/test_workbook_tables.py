"""xlsx/ods workbooks: title rows, merged two-row headers, cover sheets, serial dates, 1904 workbooks."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from kcdesk.core.errors import KcError
from kcdesk.core.normalise.dates import parse_datetimes
from kcdesk.core.read import xlsx_stream
from kcdesk.core.read.tables import list_sheets, open_tables
from tests.core.read.odsfile import write_ods

HEADER = ["№ обращения", "Дата регистрации", "Өңір", "Тақырып", "Текст обращения"]


@pytest.fixture(autouse=True, params=["calamine", "streamed"])
def xlsx_reader(request, monkeypatch):
    """Every test here twice: the xlsx sheets loaded whole by calamine, then streamed from their XML
    (read/xlsx_stream.py, which big sheets take): both must give the same tables and rows."""
    if request.param == "streamed":
        monkeypatch.setattr(xlsx_stream, "STREAM_CELLS", 0)
    return request.param


def all_rows(table):
    return pd.concat(list(table.chunks()))


def save(wb, path):
    wb.save(path)
    return path


def test_title_rows_above_header_and_row_numbers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Обращения"
    ws["B2"] = "Сведения об обращениях граждан за III квартал 2026 года"
    for col, text in enumerate(HEADER, start=2):
        ws.cell(row=5, column=col, value=text)
    ws.append([None, 101, dt.datetime(2026, 8, 15, 14, 3), "Алматы", "Дороги", "Яма"])
    ws.append([])
    ws.append([None, 102, "16.08.2026 09:10", "Астана", "Связь", None])
    [table] = open_tables(save(wb, tmp_path / "titles.xlsx"))
    assert (table.file, table.sheet, table.header_row) == ("titles.xlsx", "Обращения", 5)
    assert table.headers == HEADER
    assert table.n_columns == 5
    data = all_rows(table)
    assert list(data.index) == [6, 8]
    assert data.loc[6, 1] == dt.datetime(2026, 8, 15, 14, 3)
    assert data.loc[6, 0] == 101
    assert data.loc[8, 1] == "16.08.2026 09:10"
    assert data.loc[8, 4] is None
    assert table.estimated_rows() == 3
    assert table.date1904 is False


def test_merged_two_row_header(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№ обращения", "Дата регистрации", "В разрезе тем", None, "Регион"])
    ws.append([None, None, "Тематика", "Количество", None])
    for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        ws.merge_cells(cells)
    ws.append([1, dt.datetime(2026, 8, 15), "Дороги", 3, "Астана"])
    [table] = open_tables(save(wb, tmp_path / "merged.xlsx"))
    assert table.header_row == 2
    assert table.headers == ["№ обращения", "Дата регистрации", "Тематика",
                             "В разрезе тем / Количество", "Регион"]
    data = all_rows(table)
    assert list(data.index) == [3]
    # calamine gives a date without a time of day as a datetime.date
    assert data.loc[3].tolist()[:4] == [1, dt.date(2026, 8, 15), "Дороги", 3]


def test_group_row_above_the_header_is_joined(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Сведения о заявителе", None, "Обращение", None])
    ws.merge_cells("A1:B1")
    ws.merge_cells("C1:D1")
    ws.append(["Пол", "Возраст", "Дата регистрации", "Содержимое"])
    ws.append(["М", 35, "15.08.2026", "текст"])
    [table] = open_tables(save(wb, tmp_path / "groups.xlsx"))
    assert table.header_row == 2
    assert table.headers == ["Пол", "Возраст", "Дата регистрации", "Обращение / Содержимое"]


def test_data_row_with_header_words_is_not_a_sub_header(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Дата", "Канал", "Тема", None])
    ws.append([None, None, "Телефон", "Вопрос", "лишнее"])  # looks like header words, is data
    [table] = open_tables(save(wb, tmp_path / "words.xlsx"))
    assert table.header_row == 1
    assert all_rows(table).loc[2, 2] == "Телефон"


def test_cover_sheet_then_data_sheet(tmp_path):
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Титул"
    cover["A1"] = "Министерство ..."
    cover["A3"] = "Отчёт за 3 квартал"
    data = wb.create_sheet("Данные")
    data.append(HEADER)
    data.append([1, "15.08.2026", "Астана", "Дороги", "текст"])
    wb.create_sheet("Пустой")
    path = save(wb, tmp_path / "cover.xlsx")
    [table] = open_tables(path)
    assert table.sheet == "Данные"
    assert list_sheets(path) == ["Титул", "Данные", "Пустой"]
    with pytest.raises(KcError) as error:
        open_tables(path, sheet="Титул")
    assert error.value.code == "no_header"
    assert error.value.params["sheet"] == "Титул"
    with pytest.raises(KcError) as error:
        open_tables(path, sheet="Пустой")
    assert error.value.code == "sheet_empty"
    with pytest.raises(KcError) as error:
        open_tables(path, sheet="Нет такого")
    assert error.value.code == "sheet_missing"


def test_two_data_sheets_and_hidden_helper_sheet(tmp_path):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Июль"
    first.append(HEADER)
    first.append([1, "15.07.2026", "Астана", "Дороги", "a"])
    second = wb.create_sheet("Август")
    second.append(HEADER)
    second.append([2, "15.08.2026", "Алматы", "Связь", "b"])
    helper = wb.create_sheet("Справочник")
    helper.append(["Регион", "Тема"])
    helper.append(["Астана", "Дороги"])
    helper.sheet_state = "hidden"
    tables = open_tables(save(wb, tmp_path / "two.xlsx"))
    assert [t.sheet for t in tables] == ["Июль", "Август"]
    assert all_rows(tables[1]).loc[2, 0] == 2


def test_header_without_data_rows(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    with pytest.raises(KcError) as error:
        open_tables(save(wb, tmp_path / "header_only.xlsx"))
    assert error.value.code == "no_data_rows"
    assert error.value.params["row"] == 1


def test_header_row_override(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ничего", "знакомого"])
    ws.append(["Колонка 1", "Колонка 2"])
    ws.append(["a", "b"])
    path = save(wb, tmp_path / "override.xlsx")
    with pytest.raises(KcError) as error:
        open_tables(path)
    assert error.value.code == "no_header"
    assert error.value.params["row"] == 3
    [table] = open_tables(path, header_row=2)
    assert table.headers == ["Колонка 1", "Колонка 2"]
    assert all_rows(table).loc[3].tolist() == ["a", "b"]


def test_serial_numbers_in_a_general_format_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№ обращения", "Дата регистрации", "Регион"])
    ws.append([1, 46249.5833333333, "Астана"])  # plain numbers, no date format
    ws.append([2, 46250, "Алматы"])
    [table] = open_tables(save(wb, tmp_path / "serials.xlsx"))
    column = all_rows(table)[1]
    assert column.tolist() == [46249.5833333333, 46250]
    parsed, bad = parse_datetimes(column, date1904=table.date1904)
    assert parsed.tolist() == [pd.Timestamp("2026-08-15 14:00"), pd.Timestamp("2026-08-16")]
    assert not bad.any()


def test_1904_workbook_dates(tmp_path):
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["№ обращения", "Дата регистрации", "Дата закрытия"])
    ws.append([1, dt.datetime(2026, 8, 15, 14, 3), 44787.5])  # a date cell, and a bare number
    [table] = open_tables(save(wb, tmp_path / "mac.xlsx"))
    assert table.date1904 is True
    data = all_rows(table)
    assert data.loc[2, 1] == dt.datetime(2026, 8, 15, 14, 3)
    parsed, _ = parse_datetimes(data[2], date1904=table.date1904)
    assert parsed.iloc[0] == pd.Timestamp("2026-08-15 12:00")


def test_formula_cells_give_cached_values(tmp_path):
    path = tmp_path / "formula.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№ обращения", "Регион"])
    ws.append([1, "Астана"])
    wb.save(path)
    # openpyxl writes no cached values, so put one in the sheet XML as Excel would.
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace('<c r="A2" t="n"><v>1</v></c>', '<c r="A2"><f>0+1</f><v>7</v></c>')
    assert "<f>0+1</f>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    [table] = open_tables(path)
    assert all_rows(table).loc[2, 0] == 7


def test_chunk_sizes_and_second_pass(tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Лист1")
    ws.append(HEADER)
    for i in range(2300):
        ws.append([i, "15.08.2026", "Астана", "Дороги", None if i % 7 else "текст"])
    [table] = open_tables(save(wb, tmp_path / "chunks.xlsx"))
    chunks = list(table.chunks(1000))
    assert [len(c) for c in chunks] == [1000, 1000, 300]
    assert chunks[2].index[0] == 2002
    assert all(list(c.columns) == [0, 1, 2, 3, 4] for c in chunks)
    assert sum(len(c) for c in table.chunks(5000)) == 2300  # read again: reloads the sheet


def test_ods(tmp_path):
    path = write_ods(tmp_path / "export.ods",
                     [["Отчёт"], HEADER, [5, "15.08.2026", "Астана", "Дороги", "текст"]])
    [table] = open_tables(path)
    assert table.sheet == "Лист1" and table.header_row == 2
    assert table.headers == HEADER
    assert all_rows(table).loc[3, 2] == "Астана"


def test_xlsx_by_content_under_another_name(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.active.append([1, "15.08.2026", "Астана", "Дороги", "текст"])
    path = save(wb, tmp_path / "export.dat")
    [table] = open_tables(path)
    assert table.headers == HEADER


def test_chunks_keep_raw_objects(tmp_path):
    # pandas would turn a column of datetimes into datetime64; the contract is raw cell objects.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№ обращения", "Дата регистрации"])
    for minute in range(5):
        ws.append([minute, dt.datetime(2026, 8, 15, 10, minute)])
    [table] = open_tables(save(wb, tmp_path / "raw.xlsx"))
    chunk = next(iter(table.chunks()))
    assert all(str(dtype) == "object" for dtype in chunk.dtypes)
    assert type(chunk.loc[2, 1]) is dt.datetime


def test_header_row_override_below_the_searched_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(44):
        ws.append([f"примечание {i}"])
    ws.append(["Колонка 1", "Колонка 2"])
    ws.append(["a", "b"])
    [table] = open_tables(save(wb, tmp_path / "deep.xlsx"), sheet="", header_row=45)
    assert table.headers == ["Колонка 1", "Колонка 2"]
    assert all_rows(table).loc[46].tolist() == ["a", "b"]
