"""A big sheet read by calamine in parts (read/xlsx_blocks.py) gives what calamine gives for the
whole sheet, chunk boundaries and parts wherever they fall, and the expat reader takes over
where calamine refuses a part, without losing or repeating a row."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook
from test_xlsx_stream import _write_raw, streamed  # the same hand-written workbooks

from kcdesk.core.read import workbook as wbk
from kcdesk.core.read import xlsx_blocks
from kcdesk.core.read.xlsx_stream import StreamedSheet


@pytest.fixture(autouse=True)
def small_parts(monkeypatch):
    """Parts of a few rows each, so every test crosses many part and chunk boundaries."""
    monkeypatch.setattr(xlsx_blocks, "PART_BYTES", 3_000)
    monkeypatch.setattr(xlsx_blocks, "FIRST_PART_BYTES", 700)


def whole(frames):
    return pd.concat(list(frames)) if frames else pd.DataFrame()


def calamine_chunks(path, name, header_row, width, size):
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name)
    return list(wbk.iter_sheet_chunks(sheet, header_row, width, size))


def export_workbook(path, rows=400):
    """An export as Excel or openpyxl writes it: shared strings, dates, numbers, gaps, a title."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Данные"
    ws["B1"] = "Реестр обращений"
    ws.append([])
    ws.append([None, "№", "Дата регистрации", "Регион", "Тема", "Сумма", "Да/нет", "ИИН"])
    for n in range(rows):
        ws.append([None, f"KC-{n}", dt.datetime(2026, 7, 1, 9, n % 60) if n % 9 else None,
                   ["Астана", "Алматы облысы", "Жамбыл облысы", ""][n % 4],
                   "Жол & <жөндеу>" if n % 5 else "12",  # text that looks like a number too
                   n * 1.5 if n % 3 else None, bool(n % 2) if n % 7 else None,
                   f"{410904463222 + n}"])
        if n % 50 == 0:
            ws.append([])  # blank rows are left out
    ws.cell(row=10, column=3).number_format = "dd.mm.yyyy"
    ws.cell(row=10, column=3).value = 45000  # a date at midnight is a date
    wb.save(path)
    return path


@pytest.mark.parametrize("size", [1, 7, 64, 10_000])
def test_parts_give_what_calamine_gives_for_the_whole_sheet(tmp_path, size):
    path = export_workbook(tmp_path / "export.xlsx")
    sheet = streamed(path, "Данные")
    got = list(xlsx_blocks.sheet_chunks(sheet, 3, sheet.width, size))
    expected = whole(calamine_chunks(path, "Данные", 3, sheet.width, 10_000))
    assert all(len(chunk) <= size for chunk in got)
    assert whole(got).equals(expected)
    assert len(expected) == 400


def test_parts_give_what_the_expat_reader_gives(tmp_path):
    path = export_workbook(tmp_path / "export.xlsx")
    sheet = streamed(path, "Данные")
    got = whole(xlsx_blocks.sheet_chunks(sheet, 3, sheet.width, 50))
    assert got.equals(whole(sheet.chunks_after(0, 3, sheet.width, 50)))
    assert got.loc[10, 1] == dt.date(2023, 3, 15) and got.loc[11, 1] == dt.datetime(2026, 7, 1, 9, 6)
    assert got.loc[6, 3] == "Жол & <жөндеу>" and got.loc[4, 3] == "12"
    assert 5 not in got.index  # a blank row
    assert got.loc[8, 2] is None and got.loc[6, 4] == 1.5 and got.loc[6, 5] is True


@pytest.mark.parametrize("refused", [1, 2, 5])
def test_the_expat_reader_goes_on_where_calamine_refuses_a_part(tmp_path, monkeypatch, refused):
    path = export_workbook(tmp_path / "export.xlsx")
    sheet = streamed(path, "Данные")
    expected = whole(sheet.chunks_after(0, 3, sheet.width, 50))
    real = xlsx_blocks.CalamineWorkbook.from_filelike
    calls = []

    def refusing(buffer):
        calls.append(1)
        if len(calls) == refused:
            raise RuntimeError("a form calamine does not read")
        return real(buffer)

    monkeypatch.setattr(xlsx_blocks.CalamineWorkbook, "from_filelike", refusing)
    got = whole(xlsx_blocks.sheet_chunks(sheet, 3, sheet.width, 50))
    assert len(calls) == refused  # the rest of the sheet went through expat
    assert got.index.is_unique and got.equals(expected)


def test_shared_strings_rich_text_errors_and_prefixed_namespaces(tmp_path):
    strings = ('<si><t>Тема</t></si><si><r><t>Жол</t></r><r><rPr><b/></rPr><t>дар</t></r></si>'
               '<si><t>007</t></si><si><t></t></si><si><t>\ue000 1</t></si>')
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Дата</t></is></c></row>'
    for n in range(2, 120):
        rows += (f'<row r="{n}"><c r="A{n}" t="s"><v>{n % 5}</v></c><c r="B{n}" s="1"><v>{45000 + n}</v>'
                 f'</c><c r="C{n}" t="s"><v>99</v></c><c r="D{n}" t="inlineStr"><is><r><t>a</t></r>'
                 f'<r><t>&amp;b</t></r></is></c><c r="E{n}" t="b"><v>1</v></c></row>')
    path = _write_raw(tmp_path / "raw.xlsx", rows, strings, styles)
    sheet = streamed(path, "Лист1")
    got = whole(xlsx_blocks.sheet_chunks(sheet, 1, sheet.width, 30))
    # calamine refuses the whole file for a shared-string index out of range (column C); the
    # stream readers leave that cell empty.
    assert got.equals(whole(sheet.chunks_after(0, 1, sheet.width, 30)))
    assert list(got.loc[2]) == ["007", dt.date(2023, 3, 17), None, "a&b", True]
    assert got.loc[3, 0] is None and got.loc[4, 0] == "\ue000 1"  # "" is empty; a text is a text
    assert got.loc[6, 0] == "Жолдар"

    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(prefixed, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/s1.xml":
                text = data.decode()
                text = text.replace('<worksheet xmlns="', '<x:worksheet xmlns:x="')
                for tag in ("worksheet", "sheetData", "row", "c", "v", "is", "t", "r"):
                    text = text.replace(f"<{tag}>", f"<x:{tag}>").replace(f"<{tag} ", f"<x:{tag} ")
                    text = text.replace(f"</{tag}>", f"</x:{tag}>")
                data = text.encode()
            target.writestr(item, data)
    sheet = streamed(prefixed, "Лист1")
    assert whole(xlsx_blocks.sheet_chunks(sheet, 1, sheet.width, 30)).equals(got)


def test_a_sheet_with_the_1904_date_system(tmp_path):
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["№", "Дата"])
    for n in range(60):
        ws.append([n, dt.datetime(2026, 7, 1, 12, n)])
    path = tmp_path / "mac.xlsx"
    wb.save(path)
    sheet = streamed(path, ws.title, date1904=True)
    got = whole(xlsx_blocks.sheet_chunks(sheet, 1, sheet.width, 16))
    assert got.equals(whole(calamine_chunks(path, ws.title, 1, sheet.width, 16)))
    assert got.loc[2, 1] == dt.datetime(2026, 7, 1, 12, 0)


def test_an_empty_sheet_data_gives_no_rows(tmp_path):
    path = _write_raw(tmp_path / "empty.xlsx", "")
    sheet = streamed(path, "Лист1")
    assert list(xlsx_blocks.sheet_chunks(sheet, 1, 3, 10)) == []


def test_an_export_never_needs_the_expat_reader(tmp_path, monkeypatch):
    path = export_workbook(tmp_path / "export.xlsx")
    sheet = streamed(path, "Данные")

    def no_expat(*args):
        raise AssertionError("the expat reader was asked")

    monkeypatch.setattr(StreamedSheet, "chunks_after", no_expat)
    assert len(whole(xlsx_blocks.sheet_chunks(sheet, 3, sheet.width, 50))) == 400
