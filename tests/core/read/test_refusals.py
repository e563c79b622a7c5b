"""Files kcdesk must refuse with a code (and never crash on): wrong formats, damage, bombs."""

from __future__ import annotations

import re
import struct
import time
import zipfile

import openpyxl
import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.messages import ENGLISH, english
from kcdesk.core.read.tables import list_sheets, open_tables
from tests.core.read.odsfile import write_ods

HEADER = ["№ обращения", "Дата регистрации", "Өңір", "Тақырып", "Текст обращения"]
SHEET = "xl/worksheets/sheet1.xml"


def refusal(path, **kwargs) -> KcError:
    with pytest.raises(KcError) as caught:
        open_tables(path, **kwargs)
    error = caught.value
    assert error.code in ENGLISH
    # Every parameter its sentence needs was given (a missing one prints as "?").
    assert "?" not in english(error.code, **error.params), error.params
    assert error.params["file"] == path.name
    return error


def good_xlsx(path):
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.active.append([1, "15.08.2026", "Астана", "Дороги", "текст"])
    wb.save(path)
    return path


def rewrite(path, changes):
    """The workbook at `path` with some parts replaced (bytes, or a function of the old bytes)."""
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    for name, change in changes.items():
        parts[name] = change(parts.get(name, b"")) if callable(change) else change
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def test_missing_folder_and_empty(tmp_path):
    assert refusal(tmp_path / "nope.xlsx").code == "file_missing"
    folder = tmp_path / "export.xlsx"
    folder.mkdir()
    assert refusal(folder).code == "file_is_folder"
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert refusal(empty).code == "file_empty"
    blank = tmp_path / "blank.csv"
    blank.write_bytes(b"\r\n  \n\n")
    assert refusal(blank).code == "file_empty"
    with pytest.raises(KcError) as caught:
        list_sheets(tmp_path / "nope.xlsx")
    assert caught.value.code == "file_missing"


def test_truncated_xlsx(tmp_path):
    path = good_xlsx(tmp_path / "cut.xlsx")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert refusal(path).code == "corrupt_workbook"


def test_malformed_sheet_xml(tmp_path):
    path = rewrite(good_xlsx(tmp_path / "bad_xml.xlsx"),
                   {SHEET: lambda old: old.replace(b"</sheetData>", b"<row><c r=")})
    assert refusal(path).code in ("corrupt_workbook", "reader_crashed")


def test_docx_renamed_xlsx(tmp_path):
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    error = refusal(path)
    assert (error.code, error.params["reason"]) == ("not_a_workbook", "Word document")


def test_pdf_renamed_xls(tmp_path):
    path = tmp_path / "report.xls"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    error = refusal(path)
    assert (error.code, error.params["reason"]) == ("not_a_workbook", "PDF document")


def test_zip_without_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert refusal(path).code == "not_a_workbook"


def test_html_saved_as_xls_is_read_and_needs_a_header(tmp_path):
    """An HTML table saved as .xls is read like any export (issue 14 item 2): one that names no
    columns is refused for its header, a page without a table for its format, other XML too."""
    path = tmp_path / "portal.xls"
    path.write_text("<html><body><table><tr><td>№</td></tr></table></body></html>", encoding="utf-8")
    assert refusal(path).code == "no_header"
    path.write_text("<html><body><p>Сессия истекла</p></body></html>", encoding="utf-8")
    assert refusal(path).code == "unknown_format"
    path.write_text('<?xml version="1.0"?><rss><channel/></rss>', encoding="utf-8")
    assert refusal(path).code == "unknown_format"


def test_nul_garbage_csv(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(5000)) + b"\x00\x00\x01" * 300)
    assert refusal(path).code == "unknown_format"


def test_unknown_extension_with_binary_content(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x00\x01\x02\x03" * 1000)
    assert refusal(path).code == "unknown_format"


def test_unknown_extension_with_plain_prose(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("Просто текст без таблицы.\nВторая строка.\n", encoding="utf-8")
    assert refusal(path).code == "unknown_format"


def test_no_header(tmp_path):
    wb = openpyxl.Workbook()
    for i in range(40):
        wb.active.append([f"строка {i}", i, "что-то"])
    wb.save(tmp_path / "noheader.xlsx")
    error = refusal(tmp_path / "noheader.xlsx")
    assert error.code == "no_header"
    assert error.params["row"] == 30  # how many rows were searched
    assert error.params["sheet"] == "Sheet"


def test_empty_sheets(tmp_path):
    one = openpyxl.Workbook()
    one.save(tmp_path / "one_empty.xlsx")
    error = refusal(tmp_path / "one_empty.xlsx")
    assert (error.code, error.params["sheet"]) == ("sheet_empty", "Sheet")
    two = openpyxl.Workbook()
    two.create_sheet("Второй")
    two.save(tmp_path / "two_empty.xlsx")
    assert refusal(tmp_path / "two_empty.xlsx").code == "no_sheets"


def _ole2(streams: list[str]) -> bytes:
    """A compound-file-shaped blob: the magic, then directory entry names (UTF-16 LE)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entries = b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in ["Root Entry", *streams])
    return header + entries + bytes(range(256)) * 8


def test_password_protected_xlsx(tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(_ole2(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    assert refusal(path).code == "encrypted_workbook"


def test_word_97_document_renamed_xls(tmp_path):
    path = tmp_path / "letter.xls"
    path.write_bytes(_ole2(["WordDocument", "1Table"]))
    assert refusal(path).code == "not_a_workbook"


def test_ole2_without_workbook(tmp_path):
    path = tmp_path / "thing.xls"
    path.write_bytes(_ole2(["Something"]))
    assert refusal(path).code == "unknown_format"


def test_entity_bomb_refused(tmp_path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
            "</sheetData></worksheet>").encode()
    path = rewrite(good_xlsx(tmp_path / "bomb.xlsx"), {SHEET: bomb})
    error = refusal(path)
    assert error.code == "unsafe_workbook"


def test_dtd_after_long_comment_refused(tmp_path):
    padded = b'<?xml version="1.0"?>' + b"<!--" + b" " * 200_000 + b"-->" + b'<!DOCTYPE x SYSTEM "file:///etc/passwd">'
    path = rewrite(good_xlsx(tmp_path / "dtd.xlsx"),
                   {"xl/workbook.xml": lambda old: padded + old.split(b"?>", 1)[-1]})
    assert refusal(path).code == "unsafe_workbook"


def test_whitespace_bomb_refused_quickly(tmp_path):
    # A sheet XML of 120 MB of whitespace that packs to ~120 KB.
    path = good_xlsx(tmp_path / "ws_bomb.xlsx")
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist() if n != SHEET}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
        with dst.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = b" " * (1 << 20)
            for _ in range(120):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    assert path.stat().st_size < 2_000_000
    started = time.monotonic()
    error = refusal(path)
    assert error.code == "workbook_too_large"
    assert time.monotonic() - started < 5


def _declare_size(path, name, size):
    """Patch the uncompressed size a zip declares for `name` (local and central headers)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for match in re.finditer(re.escape(b"PK\x01\x02"), data):
        at = match.start()
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + name_len]) == encoded:
            struct.pack_into("<I", data, at + 24, size)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
    path.write_bytes(bytes(data))


def test_sheet_declared_at_gigabytes_refused(tmp_path):
    path = good_xlsx(tmp_path / "declared.xlsx")
    _declare_size(path, SHEET, 3_900_000_000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(SHEET).file_size == 3_900_000_000
    assert refusal(path).code == "workbook_too_large"


def test_far_away_cell_refused(tmp_path):
    def far(old):
        text = re.sub(rb'<dimension ref="[^"]*"/>', b"", old)
        return text.replace(b"</sheetData>",
                            b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>')

    path = rewrite(good_xlsx(tmp_path / "far.xlsx"), {SHEET: far})
    error = refusal(path)
    assert error.code == "workbook_too_large"
    assert error.params["sheet"] == "Sheet"  # the name in the workbook, not the XML part


def test_far_away_cell_in_an_early_row_refused(tmp_path):
    path = rewrite(good_xlsx(tmp_path / "far2.xlsx"), {SHEET: lambda old: old.replace(
        b'<c r="A2"', b'<c r="ZZ999999" t="n"><v>1</v></c><c r="A2"')})
    assert refusal(path).code == "workbook_too_large"


def test_absurd_dimension_refused(tmp_path):
    path = rewrite(good_xlsx(tmp_path / "dim.xlsx"), {SHEET: lambda old: re.sub(
        rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', old)})
    assert refusal(path).code == "workbook_too_large"
    path = rewrite(good_xlsx(tmp_path / "dim2.xlsx"), {SHEET: lambda old: re.sub(
        rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:ZZZZ99999999"/>', old)})
    assert refusal(path).code == "unsafe_workbook"


def test_absurd_shared_string_count_refused(tmp_path):
    sst = (b'<?xml version="1.0" encoding="UTF-8"?>'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           b'count="4000000000" uniqueCount="3000000000"><si><t>x</t></si></sst>')
    path = rewrite(good_xlsx(tmp_path / "sst.xlsx"), {"xl/sharedStrings.xml": sst})
    assert refusal(path).code == "unsafe_workbook"


def test_wide_but_honest_sheet_is_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER + [f"Доп {i}" for i in range(60)])
    ws.append([1, "15.08.2026", "Астана", "Дороги", "текст"] + list(range(60)))
    wb.save(tmp_path / "wide.xlsx")
    [table] = open_tables(tmp_path / "wide.xlsx")
    assert table.n_columns == 65
    assert next(iter(table.chunks())).loc[2, 64] == 59



def test_ods_repeat_bomb_refused(tmp_path):
    bomb = ('<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
            'table:number-columns-repeated="1000" office:value-type="string"><text:p>a</text:p>'
            "</table:table-cell></table:table-row>")
    path = write_ods(tmp_path / "repeat.ods", [HEADER, bomb])
    assert refusal(path).code == "workbook_too_large"


def test_ods_sheet_padding_is_fine(tmp_path):
    # LibreOffice pads a sheet with huge repeats of empty rows and cells.
    padding = ('<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
               'table:number-columns-repeated="1024"/></table:table-row>')
    path = write_ods(tmp_path / "padded.ods", [HEADER, [1, "15.08.2026", "Астана", "Дороги", "x"], padding])
    [table] = open_tables(path)
    assert sum(len(c) for c in table.chunks()) == 1


def test_sheet_declared_smaller_than_it_inflates_refused(tmp_path):
    # A bomb that lies about its size is caught while the sheet XML is inflated for the scan.
    path = good_xlsx(tmp_path / "liar.xlsx")
    _declare_size(path, SHEET, 100)
    assert refusal(path).code == "corrupt_workbook"


def test_utf16_xml_part_with_dtd_refused(tmp_path):
    part = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
    path = rewrite(good_xlsx(tmp_path / "utf16.xlsx"),
                   {"docProps/custom.xml": b"\xff\xfe" + part.encode("utf-16-le")})
    assert refusal(path).code == "unsafe_workbook"
