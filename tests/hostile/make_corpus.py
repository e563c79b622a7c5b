"""Hostile inputs, generated at test time: refused (exit 2), survived (bounded time and memory), read right.

Run as a script to write the corpus into a folder: `python -m tests.hostile.make_corpus OUT_DIR`.
"""

from __future__ import annotations

import csv
import gzip
import io
import random
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile import bombs
from tests.hostile.xlsx_raw import col_letters, sheet_xml, write_xlsx

HEADER = ["Номер обращения", "Дата регистрации", "Регион", "Тема", "Текст обращения", "Пол", "Возраст"]


def rows(prefix: str, n: int = 5, **over: object) -> list[list[object]]:
    """n ordinary requests of 2026-Q3 whose ids start with `prefix` (unique per case)."""
    base = {"region": "г. Астана", "topic": "Дороги", "question": "Ямы на дороге у школы", "gender": "М", "age": 35}
    base.update(over)
    return [[f"{prefix}-{i}", f"{10 + i % 15:02d}.08.2026", base["region"], base["topic"], base["question"],
             base["gender"], base["age"]] for i in range(1, n + 1)]


def write_csv(path: Path, table: list[list[object]], delimiter: str = ";", encoding: str = "utf-8-sig",
              newline: str = "\r\n") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(table)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def plain_xlsx(path: Path, table: list[list[object]], name: str = "Обращения") -> Path:
    return write_xlsx(path, [(name, sheet_xml(table))])


@dataclass
class Case:
    """One hostile input. kind: refused | survived | read_right. `codes`: acceptable error codes
    (refused: one of them must be raised; survived: exit 0, or exit 2 with one of them).
    `stored`: rows a read-right (or survived with exit 0) import must add; `check(con, prefix)`
    asserts the figures in the project."""

    name: str
    kind: str
    build: Callable[[Path], Path]
    codes: tuple[str, ...] = ()
    stored: int | None = None
    check: Callable[[sqlite3.Connection, str], None] | None = None
    filename: str = ""
    notes: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        return self.name.upper()


CASES: list[Case] = []


def case(name: str, kind: str, filename: str, codes: tuple[str, ...] = (), stored: int | None = None,
         check: Callable[[sqlite3.Connection, str], None] | None = None, notes: str = "") -> Callable:
    def register(build: Callable[[Path, str], Path]) -> Callable[[Path, str], Path]:
        CASES.append(Case(name, kind, lambda folder: build(folder / filename, name.upper()), codes, stored,
                          check, filename, notes))
        return build
    return register


REFUSED_READ = ("corrupt_workbook", "reader_crashed", "unknown_format", "bad_encoding", "not_a_workbook",
                "unsafe_workbook")

# --- refused -------------------------------------------------------------------------------
@case("empty_csv", "refused", "empty.csv", ("file_empty",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"")
    return path


@case("empty_xlsx", "refused", "empty.xlsx", ("file_empty",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"")
    return path


@case("truncated_xlsx", "refused", "truncated.xlsx", ("corrupt_workbook",))
def _(path: Path, p: str) -> Path:
    plain_xlsx(path, [HEADER, *rows(p, 50)])
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


@case("truncated_tail_xlsx", "refused", "truncated_tail.xlsx", ("corrupt_workbook",))
def _(path: Path, p: str) -> Path:
    plain_xlsx(path, [HEADER, *rows(p, 50)])
    path.write_bytes(path.read_bytes()[:-30])
    return path


@case("damaged_sheet_crc", "refused", "damaged.xlsx", REFUSED_READ)
def _(path: Path, p: str) -> Path:
    return bombs.flip_sheet_bytes(plain_xlsx(path, [HEADER, *rows(p, 200)]))


@case("broken_sheet_xml", "refused", "broken_xml.xlsx", REFUSED_READ + ("no_header", "sheet_empty"))
def _(path: Path, p: str) -> Path:
    return write_xlsx(path, [("S", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Дата')])


@case("password_ole2", "refused", "password.xlsx", ("encrypted_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(bombs.ole2_with(["EncryptionInfo", "EncryptedPackage"]))
    return path


@case("password_zip", "refused", "password_zip.xlsx", ("encrypted_workbook",))
def _(path: Path, p: str) -> Path:
    return bombs.set_encrypted_flag(plain_xlsx(path, [HEADER, *rows(p)]))


@case("docx_as_xlsx", "refused", "report.xlsx", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Справка по обращениям")
    document.save(str(path))
    return path


@case("docx_as_csv", "refused", "report.csv", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    import docx

    docx.Document().save(str(path))
    return path


@case("word97_as_xls", "refused", "letter.xls", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(bombs.ole2_with(["WordDocument", "1Table"]))
    return path


@case("pdf_as_xlsx", "refused", "scan.xlsx", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


@case("pdf_as_csv", "refused", "scan.csv", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    return path


@case("zip_without_workbook", "refused", "archive.xlsx", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
        archive.writestr("data/export.csv", "Дата;Тема\n01.08.2026;Дороги\n")
    return path


@case("odt_as_ods", "refused", "text.ods", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


@case("pptx_as_xlsx", "refused", "slides.xlsx", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return path


@case("nul_garbage_csv", "refused", "garbage.csv", REFUSED_READ + ("no_header",))
def _(path: Path, p: str) -> Path:
    generator = random.Random(8)
    path.write_bytes(bytes(generator.choice((0, 0, generator.randrange(256))) for _ in range(65536)))
    return path


@case("nul_garbage_xlsx", "refused", "garbage.xlsx", REFUSED_READ + ("no_header",))
def _(path: Path, p: str) -> Path:
    generator = random.Random(9)
    path.write_bytes(bytes(generator.randrange(256) for _ in range(65536)))
    return path


@case("all_nul_bytes", "refused", "zeros.txt", REFUSED_READ + ("no_header",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"\x00" * 100_000)
    return path


@case("no_header_csv", "refused", "numbers.csv", ("no_header",))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [[i, i * 2, i * 3.5, i % 7] for i in range(200)])


@case("no_header_xlsx", "refused", "numbers.xlsx", ("no_header",))
def _(path: Path, p: str) -> Path:
    return plain_xlsx(path, [[i, i * 2, i * 3.5, i % 7] for i in range(200)])


@case("header_only_csv", "refused", "header_only.csv", ("no_data_rows",))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER])


@case("header_only_xlsx", "refused", "header_only.xlsx", ("no_data_rows",))
def _(path: Path, p: str) -> Path:
    return plain_xlsx(path, [HEADER, [None] * len(HEADER)])


@case("empty_sheet_xlsx", "refused", "empty_sheet.xlsx", ("sheet_empty", "no_sheets"))
def _(path: Path, p: str) -> Path:
    return write_xlsx(path, [("Пусто", sheet_xml([]))])


@case("no_date_column", "refused", "no_dates.csv", ("no_date_column",))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [["Номер обращения", "Регион", "Тема"], [f"{p}-1", "г. Астана", "Дороги"]])


@case("missing_path", "refused", "does_not_exist.xlsx", ("file_missing",))
def _(path: Path, p: str) -> Path:
    return path


@case("folder", "refused", "folder.csv", ("file_is_folder",))
def _(path: Path, p: str) -> Path:
    path.mkdir(exist_ok=True)
    return path


@case("device_endless_stream", "refused", "endless.csv", ("file_empty", "unknown_format"),
      notes="a link to /dev/zero: refused without reading")
def _(path: Path, p: str) -> Path:
    path.unlink(missing_ok=True)
    try:
        path.symlink_to("/dev/zero")
    except (OSError, NotImplementedError):  # no /dev/zero or no symlinks (Windows): an empty file
        path.write_bytes(b"")
    return path


@case("unknown_extension", "refused", "notes.pages", ("unknown_format",))
def _(path: Path, p: str) -> Path:
    path.write_text("Заметки к совещанию без таблицы.\nВторая строка текста.\n" * 20, encoding="utf-8")
    return path


@case("html_as_xls", "refused", "page.xls", ("unknown_format",))
def _(path: Path, p: str) -> Path:
    path.write_text("<html><body><table><tr><td>Дата</td></tr></table></body></html>", encoding="utf-8")
    return path


@case("png_as_xlsx", "refused", "chart.xlsx", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return path


@case("sqlite_as_csv", "refused", "db.csv", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    return path


@case("gzip_as_csv", "refused", "packed.csv", ("not_a_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(gzip.compress(";".join(HEADER).encode()))
    return path


@case("damaged_zip_header", "refused", "pk.xlsx", ("corrupt_workbook",))
def _(path: Path, p: str) -> Path:
    path.write_bytes(b"PK\x07\x08" + bytes(500))
    return path


# --- survived ------------------------------------------------------------------------------
TOO_BIG = ("workbook_too_large", "unsafe_workbook", "corrupt_workbook", "reader_crashed")


@case("zip_bomb_2gb", "survived", "bomb.xlsx", TOO_BIG, notes="2 GB sheet in 0.5 MB")
def _(path: Path, p: str) -> Path:
    return bombs.write_bomb_xlsx(path, 2048)


@case("zip_bomb_lying_sizes", "survived", "bomb_lying.xlsx", TOO_BIG, notes="1 GB sheet declared as 1 kB")
def _(path: Path, p: str) -> Path:
    return bombs.write_bomb_xlsx(path, 1024, lie_about_size=True)


@case("whitespace_bomb_40mb", "survived", "whitespace.xlsx", TOO_BIG, stored=0)
def _(path: Path, p: str) -> Path:
    return bombs.write_bomb_xlsx(path, 40)


# Streamed from its XML (read/xlsx_stream.py), not given to calamine: bounded memory, and the
# message says what the sheet lacks - a header (it names only one field).
@case("blank_text_cells_1m_rows", "survived", "blank_cells.xlsx", (*TOO_BIG, "no_header"),
      notes="a million rows of 16 ' ' text cells: calamine would take 1.3 GB, the stream a chunk")
def _(path: Path, p: str) -> Path:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = (f'<sst xmlns="{ns}" count="3" uniqueCount="3"><si><t xml:space="preserve"> </t></si>'
               '<si><t>Дата регистрации</t></si><si><t xml:space="preserve">  </t></si></sst>')
    head = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'
            '<row><c t="s"><v>1</v></c></row>').encode()
    # No r= attributes (rows follow one another); " " or "  " at random, so it packs like real data (< 200:1).
    generator = random.Random(16)
    cells = [b'<c t="s"><v>0</v></c>', b'<c t="s"><v>2</v></c>']
    unit = b"".join(b"<row>" + b"".join(generator.choice(cells) for _ in range(16)) + b"</row>"
                    for _ in range(12_000))
    return bombs.write_bomb_xlsx(path, 360, unit=unit, head=head, tail=b"</sheetData></worksheet>",
                                 shared_strings=strings)


_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
           + "]>")


@case("entity_bomb_strings", "survived", "laughs.xlsx", ("unsafe_workbook",))
def _(path: Path, p: str) -> Path:
    strings = _LAUGHS + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    xml = sheet_xml([HEADER, *rows(p, 2)]).replace('<c r="A3" t="inlineStr">', '<c r="A3" t="s"><v>0</v></c><c r="Z3" t="inlineStr">', 1)
    return write_xlsx(path, [("S", xml)], shared_strings=strings)


@case("entity_bomb_sheet", "survived", "laughs_sheet.xlsx", ("unsafe_workbook",))
def _(path: Path, p: str) -> Path:
    xml = sheet_xml([HEADER, *rows(p, 2)]).replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', _LAUGHS)
    return write_xlsx(path, [("S", xml.replace("Ямы на дороге у школы", "&lol9;"))])


@case("external_entity", "survived", "xxe.xlsx", ("unsafe_workbook",))
def _(path: Path, p: str) -> Path:
    xml = sheet_xml([HEADER, *rows(p, 2)]).replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    return write_xlsx(path, [("S", xml.replace("Ямы на дороге у школы", "&xxe;"))])


@case("shared_strings_billions", "survived", "sst.xlsx", ("unsafe_workbook",))
def _(path: Path, p: str) -> Path:
    strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" '
               'uniqueCount="4000000000"><si><t>Дата</t></si></sst>')
    return write_xlsx(path, [("S", sheet_xml([HEADER, *rows(p, 2)]))], shared_strings=strings)


@case("far_away_cell", "survived", "far_cell.xlsx", TOO_BIG, stored=3, notes="one cell at XFD1048576, no dimension")
def _(path: Path, p: str) -> Path:
    xml = sheet_xml([HEADER, *rows(p, 3)]).replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    return write_xlsx(path, [("S", xml)])


@case("dimension_beyond_excel", "survived", "dimension.xlsx", TOO_BIG, stored=3)
def _(path: Path, p: str) -> Path:
    return write_xlsx(path, [("S", sheet_xml([HEADER, *rows(p, 3)], dimension="A1:XFE2000000"))])


@case("dimension_whole_sheet", "survived", "dimension_all.xlsx", TOO_BIG, stored=3)
def _(path: Path, p: str) -> Path:
    return write_xlsx(path, [("S", sheet_xml([HEADER, *rows(p, 3)], dimension="A1:XFD1048576"))])


@case("columns_16384", "survived", "wide.xlsx", TOO_BIG, stored=5)
def _(path: Path, p: str) -> Path:
    width = 16384
    header = HEADER + [f"Поле {col_letters(i)}" for i in range(len(HEADER), width)]
    data = [r + [i if i % 97 == 0 else None for i in range(len(HEADER), width)] for r in rows(p, 5)]
    return plain_xlsx(path, [header, *data])


@case("csv_16384_columns", "survived", "wide.csv", (), stored=300)
def _(path: Path, p: str) -> Path:
    width = 16384
    header = ";".join(HEADER + [f"Поле {i}" for i in range(len(HEADER), width)])
    filler = ";" * (width - len(HEADER))
    lines = [header] + [";".join(map(str, r)) + filler for r in rows(p, 300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@case("cell_1mb_csv", "survived", "big_cell.csv", ("bad_encoding",), stored=3)
def _(path: Path, p: str) -> Path:
    table = rows(p, 3)
    table[1][4] = "Жалоба " + "очень длинный текст " * 52_500
    return write_csv(path, [HEADER, *table])


@case("cell_1mb_xlsx", "survived", "big_cell.xlsx", TOO_BIG, stored=3)
def _(path: Path, p: str) -> Path:
    table = rows(p, 3)
    table[2][4] = "Жалоба " + "очень длинный текст " * 52_500
    return plain_xlsx(path, [HEADER, *table])


@case("million_empty_lines", "survived", "trailing.csv", (), stored=5)
def _(path: Path, p: str) -> Path:
    write_csv(path, [HEADER, *rows(p, 5)])
    with open(path, "ab") as out:
        out.write(b";;;;;;\r\n" * 500_000 + b"\r\n" * 500_000)
    return path


@case("ragged_rows", "survived", "ragged.csv", (), stored=6)
def _(path: Path, p: str) -> Path:
    table = rows(p, 6)
    table[0] = table[0][:3]
    table[2] = table[2] + ["лишнее", "ещё", "и ещё"]
    table[4] = table[4][:1] + ["", "", ""] + table[4][1:2]
    return write_csv(path, [HEADER, *table])


@case("duplicate_headers", "survived", "dup_headers.csv", (), stored=4)
def _(path: Path, p: str) -> Path:
    header = HEADER + ["Тема", "Регион", "Дата регистрации"]
    return write_csv(path, [header, *[r + ["Другая", "Москва", "01.01.1990"] for r in rows(p, 4)]])


def _check_dates(con: sqlite3.Connection, prefix: str) -> None:
    years = {r[0] for r in con.execute(
        "SELECT substr(registered_at, 1, 4) FROM requests WHERE request_id LIKE ? AND registered_at IS NOT NULL",
        (prefix + "-%",))}
    assert "1899" not in years, years


@case("dates_1899_2099", "survived", "dates.csv", (), check=_check_dates)
def _(path: Path, p: str) -> Path:
    table = rows(p, 6)
    table[0][1], table[1][1], table[2][1] = "31.12.1899", "01.01.2099", "1899-12-30"
    table[3][1] = "29.02.2026"  # not a date
    return write_csv(path, [HEADER, *table])


def _check_ages(con: sqlite3.Connection, prefix: str) -> None:
    bad = con.execute("SELECT COUNT(*) FROM requests WHERE request_id LIKE ? AND (age < 0 OR age > 120)",
                      (prefix + "-%",)).fetchone()[0]
    assert bad == 0
    ages = {r[0] for r in con.execute("SELECT age FROM requests WHERE request_id LIKE ?", (prefix + "-%",))}
    assert 35 in ages and -5 not in ages and 300 not in ages, ages


@case("ages_out_of_range", "survived", "ages.csv", (), stored=5, check=_check_ages)
def _(path: Path, p: str) -> Path:
    table = rows(p, 5)
    table[0][6], table[1][6], table[2][6], table[3][6] = -5, 300, "сто", 1e12
    return write_csv(path, [HEADER, *table])


@case("iin_wrong_check_digit", "survived", "iin.csv", (), stored=4)
def _(path: Path, p: str) -> Path:
    header = [*HEADER, "ИИН"]
    table = [r + [iin] for r, iin in zip(rows(p, 4), ("900101300129", "000000000000", "99999999999a", "123"))]
    return write_csv(path, [header, *table])


@case("unclosed_quote", "survived", "unclosed.csv", ("corrupt_table", "no_data_rows"), stored=4)
def _(path: Path, p: str) -> Path:
    write_csv(path, [HEADER, *rows(p, 4)])
    with open(path, "ab") as out:
        out.write(f'{p}-9;12.08.2026;г. Астана;Дороги;"начало без конца\r\n'.encode())
        out.write("продолжение текста;М;30\r\n".encode() * 50)
    return path


@case("bare_quote_inside", "survived", "bare_quote.csv", ("corrupt_table",), stored=5)
def _(path: Path, p: str) -> Path:
    text = "\r\n".join(";".join(map(str, r)) for r in [HEADER, *rows(p, 5, question='Дом 5"А, кв. "12')])
    path.write_bytes(text.encode("utf-8"))
    return path


@case("xls_garbage_biff", "survived", "old.xls", REFUSED_READ + ("no_header", "sheet_empty", "no_sheets"))
def _(path: Path, p: str) -> Path:
    path.write_bytes(bombs.ole2_with(["Workbook", "SummaryInformation"], size=65536))
    return path


@case("xlsb_garbage", "survived", "binary.xlsb", REFUSED_READ + ("no_header", "sheet_empty", "no_sheets"))
def _(path: Path, p: str) -> Path:
    generator = random.Random(11)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", bytes(generator.randrange(256) for _ in range(4096)))
        archive.writestr("xl/worksheets/sheet1.bin", bytes(generator.randrange(256) for _ in range(4096)))
    return path


_ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
             'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
             '<table:table table:name="S">')


def _ods(path: Path, rows_xml: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
        archive.writestr("content.xml", _ODS_HEAD + rows_xml + "</table:table></office:spreadsheet></office:body>"
                                                              "</office:document-content>")
    return path


@case("ods_repeat_bomb", "survived", "repeat.ods", TOO_BIG)
def _(path: Path, p: str) -> Path:
    cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    return _ods(path, '<table:table-row>' + cell.replace("<table:table-cell ", '<table:table-cell '
                'table:number-columns-repeated="16384" ', 1) + "</table:table-row>"
                '<table:table-row table:number-rows-repeated="1048575">' + cell + "</table:table-row>")


@case("shared_string_40mb_x300", "survived", "one_string.xlsx", TOO_BIG,
      notes="47 kB: one 40 MB shared string in 300 cells; calamine took 12 GB and aborted (issue 13.5)")
def _(path: Path, p: str) -> Path:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = (f'<sst xmlns="{ns}" count="302" uniqueCount="3"><si><t>' + "Ж" * 20_000_000
               + "</t></si><si><t>Дата регистрации</t></si><si><t>Текст обращения</t></si></sst>")
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>46000</v></c><c r="B{r}" t="s"><v>0</v></c></row>'
                   for r in range(2, 302))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'
           '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row>'
           f"{body}</sheetData></worksheet>")
    return write_xlsx(path, [("S", xml)], shared_strings=strings)


SMALL_SHEETS = 3000


@case("sheets_3000_small", "survived", "many_sheets.xlsx", (), stored=SMALL_SHEETS // 10,
      notes="3000 small sheets, one in ten with a header; took 0.12 s a sheet (issue 13.13)")
def _(path: Path, p: str) -> Path:
    sheets = []
    for i in range(SMALL_SHEETS):
        if i % 10 == 0:
            table = [HEADER, [f"{p}-{i}", "10.08.2026", "г. Астана", "Дороги", "Яма", "М", 35]]
        else:
            table = [["Справочный лист", i], ["итого", i * 2]]
        sheets.append((f"Лист {i + 1}", sheet_xml(table)))
    return write_xlsx(path, sheets)


@case("ods_broken_content", "survived", "broken.ods", REFUSED_READ + ("no_header", "sheet_empty", "no_sheets"))
def _(path: Path, p: str) -> Path:
    return _ods(path, '<table:table-row><table:table-cell office:value-type="string"><text:p>Дата')


# --- read right ---------------------------------------------------------------------------
def _expect(**columns: object) -> Callable[[sqlite3.Connection, str], None]:
    """Every stored row of the case has these column values."""
    def check(con: sqlite3.Connection, prefix: str) -> None:
        for column, value in columns.items():
            found = {r[0] for r in con.execute(f"SELECT {column} FROM requests WHERE request_id LIKE ?",
                                               (prefix + "-%",))}
            assert found == {value}, (column, found)
    return check


def _topic_is(name: str) -> Callable[[sqlite3.Connection, str], None]:
    def check(con: sqlite3.Connection, prefix: str) -> None:
        found = {r[0] for r in con.execute(
            "SELECT t.name FROM requests r JOIN topics t ON t.id = r.topic_id WHERE r.request_id LIKE ?",
            (prefix + "-%",))}
        assert found == {name}, found
    return check


def _all(*checks: Callable[[sqlite3.Connection, str], None]) -> Callable[[sqlite3.Connection, str], None]:
    def check(con: sqlite3.Connection, prefix: str) -> None:
        for one in checks:
            one(con, prefix)
    return check


@case("excel_unicode_text", "read_right", "unicode_export.txt", stored=7,
      check=_expect(region="almaty", registered_at="2026-08-11 00:00:00"))
def _(path: Path, p: str) -> Path:
    table = [[r[0], "11.08.2026", "г. Алматы", *r[3:]] for r in rows(p, 7)]
    return write_csv(path, [HEADER, *table], delimiter="\t", encoding="utf-16", newline="\r\n")


@case("old_mac_cr", "read_right", "mac.csv", stored=6, check=_expect(region="astana"))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 6)], newline="\r", encoding="cp1251")


def _check_multiline(con: sqlite3.Connection, prefix: str) -> None:
    texts = [r[0] for r in con.execute("SELECT question FROM requests WHERE request_id LIKE ?", (prefix + "-%",))]
    assert texts and all("первая строка" in t and "вторая; строка" in t for t in texts), texts


@case("quoted_newlines", "read_right", "multiline.csv", stored=5, check=_check_multiline)
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 5, question='первая строка\nвторая; строка "в кавычках"')])


@case("formulas_cached_values", "read_right", "formulas.xlsx", stored=4,
      check=_all(_expect(region="shymkent", age=42), _topic_is("Образование")))
def _(path: Path, p: str) -> Path:
    table = [[r[0], r[1], ("=", 'CONCATENATE("г. ","Шымкент")', "г. Шымкент"), ("=", 'UPPER("Образование")', "Образование"),
              r[4], r[5], ("=", "40+2", 42)] for r in rows(p, 4)]
    return plain_xlsx(path, [HEADER, *table])


@case("two_row_header_merged", "read_right", "two_rows.xlsx", stored=5, check=_expect(gender="male", age=35))
def _(path: Path, p: str) -> Path:
    upper = ["Обращение", None, None, None, None, "Заявитель", None]
    lower = ["Номер", "Дата регистрации", "Регион", "Тема", "Текст обращения", "Пол", "Возраст"]
    xml = sheet_xml([["Отчёт контакт-центра за 3 квартал"], [None], upper, lower, *rows(p, 5)],
                    merges=["A1:G1", "A3:E3", "F3:G3"])
    return write_xlsx(path, [("Отчёт", xml)])


@case("data_on_second_sheet", "read_right", "cover.xlsx", stored=5, check=_expect(region="astana"))
def _(path: Path, p: str) -> Path:
    cover = sheet_xml([["Министерство"], ["Отчёт об обращениях"], ["Исполнитель: отдел анализа"]])
    return write_xlsx(path, [("Титул", cover), ("Данные", sheet_xml([HEADER, *rows(p, 5)]))])


@case("date1904_workbook", "read_right", "mac1904.xlsx", stored=3,
      check=_expect(registered_at="2026-08-15 00:00:00"))
def _(path: Path, p: str) -> Path:
    serial_1904 = 46249 - 1462  # 2026-08-15 in the 1900 system minus the 1904 offset
    table = [[r[0], serial_1904, *r[2:]] for r in rows(p, 3)]
    return write_xlsx(path, [("S", sheet_xml([HEADER, *table]))], date1904=True)


@case("nbsp_zero_width", "read_right", "spaces.csv", stored=5,
      check=_all(_expect(region="astana", gender="male"), _topic_is("Дороги")))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 5, region="г.\u00a0Астана", topic="\u200bДороги\u00a0", gender="М\u200b")])


@case("latin_lookalikes", "read_right", "latin.csv", stored=5, check=_expect(region="aktobe"))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 5, region="Aктюбинская обл.")])  # Latin A


SQL_TEXT = "Robert'); DROP TABLE requests;--"


@case("sql_like_values", "read_right", "sql.csv", stored=4,
      check=_all(_expect(question=SQL_TEXT + " \" OR 1=1"), _topic_is(SQL_TEXT)))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 4, topic=SQL_TEXT, question=SQL_TEXT + ' " OR 1=1')])


FORMULA_TOPIC = '=HYPERLINK("http://example.invalid/x","Нажмите")'
FORMULA_QUESTION = "+cmd|' /C calc'!A0"


@case("formula_like_values", "read_right", "formula_text.csv", stored=4,
      check=_all(_expect(question=FORMULA_QUESTION), _topic_is(FORMULA_TOPIC)))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 4, topic=FORMULA_TOPIC, question=FORMULA_QUESTION)])


@case("cp1251_semicolons", "read_right", "cp1251.csv", stored=5, check=_expect(region="karaganda"))
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 5, region="Карагандинская область")], encoding="cp1251")


@case("unicode_file_name", "read_right", "Обращения 3 кв. (итог) ✓ #1.csv", stored=3)
def _(path: Path, p: str) -> Path:
    return write_csv(path, [HEADER, *rows(p, 3)])


@case("ods_export", "read_right", "libreoffice.ods", stored=4, check=_expect(region="astana", age=35))
def _(path: Path, p: str) -> Path:
    from xml.sax.saxutils import escape

    def row(values: list[object]) -> str:
        cells = "".join(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p>'
                        "</table:table-cell>" if isinstance(v, int) else
                        f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p>'
                        "</table:table-cell>" for v in values)
        return f"<table:table-row>{cells}</table:table-row>"
    return _ods(path, "".join(row(r) for r in [HEADER, *rows(p, 4)]))


@case("xlsm_with_macros", "read_right", "macros.xlsm", stored=3, check=_expect(region="astana"))
def _(path: Path, p: str) -> Path:
    # The macro part is carried along and never run (kcdesk has nothing that could run it).
    return write_xlsx(path, [("S", sheet_xml([HEADER, *rows(p, 3)]))],
                      extra={"xl/vbaProject.bin": bombs.ole2_with(["VBA", "dir"], size=2048)})



# --- headers and values that name the wrong field (issue 13 item 3, issue 14 item 1) ----------
REPEAT_PHONE = "8 701 555 12 34"
REPEAT_IIN = "880101300123"  # a valid IIN (date and check digit)


def _nothing_personal_stored(con: sqlite3.Connection, prefix: str) -> None:
    for needle in ("5551234", "555 12 34", REPEAT_IIN):
        for table, column in (("requests", "request_id"), ("requests", "question"), ("imports", "mapping")):
            found = con.execute(f"SELECT COUNT(*) FROM {table} WHERE REPLACE({column}, ' ', '') LIKE ?",
                                ("%" + needle.replace(" ", "") + "%",)).fetchone()[0]
            assert found == 0, (needle, table, column)


@case("phone_and_iin_headers_start_with_number", "read_right", "repeat_caller.csv", stored=5,
      check=_all(_expect(region="astana", gender="male"), _nothing_personal_stored),
      notes="'Номер телефона заявителя' and 'Номер ИИН' before 'Номер обращения'; one caller, five requests")
def _(path: Path, p: str) -> Path:
    header = ["Номер телефона заявителя", "Номер ИИН", *HEADER]
    table = [[REPEAT_PHONE, REPEAT_IIN, *r] for r in rows(p, 5)]
    return write_csv(path, [header, *table], encoding="cp1251")


@case("ambiguous_status_header", "read_right", "status.csv", stored=6,
      check=_expect(social_status="pensioner"), notes="a bare 'Статус' holding social statuses, cp1251")
def _(path: Path, p: str) -> Path:
    header = [*HEADER, "Статус"]
    table = [[*r, status] for r, status in zip(rows(p, 6), ["Пенсионер", "пенсионерка", "Пенсионеры"] * 2,
                                                 strict=True)]
    return write_csv(path, [header, *table], encoding="cp1251")



# --- markup saved as ".xls": HTML tables and SpreadsheetML 2003 (issue 14 item 2) -------------
def _html_table(table: list[list[object]], title: str = "Отчёт по обращениям за 3 квартал 2026") -> str:
    def td(value: object) -> str:
        from html import escape
        return f"<td>{escape(str(value))}</td>"
    body = "".join("<tr>" + "".join(td(v) for v in r) + "</tr>\n" for r in table)
    return (f'<tr><td colspan="{len(HEADER)}"><b>{title}</b></td></tr>\n'
            '<tr><th rowspan="2">Номер обращения</th><th rowspan="2">Дата регистрации</th>'
            '<th rowspan="2">Регион</th><th colspan="2">Обращение</th><th colspan="2">Заявитель</th></tr>\n'
            "<tr><th>Тема</th><th>Текст обращения</th><th>Пол</th><th>Возраст</th></tr>\n" + body)


def _html_page(table: list[list[object]], charset: str) -> str:
    return (f'<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" '
            f'content="text/html; charset={charset}"><style>td {{mso-number-format:"\\@";}}</style></head>'
            f"<body><table border=1>{_html_table(table)}</table>"
            "<table><tr><td>Исполнитель: отдел анализа</td></tr></table></body></html>")


@case("html_table_as_xls_cp1251", "read_right", "web_export.xls", stored=5,
      check=_all(_expect(region="karaganda", gender="male", age=35), _topic_is("Дороги")),
      notes="1C/web HTML, meta charset windows-1251, title row, two-row header with rowspan/colspan")
def _(path: Path, p: str) -> Path:
    table = rows(p, 5, region="Карагандинская обл.", question="Ямы &amp; лужи<br>у школы")
    path.write_bytes(_html_page(table, "windows-1251").encode("cp1251"))
    return path


@case("html_table_as_xls_utf16", "read_right", "excel_html.xls", stored=4, check=_expect(region="almaty"),
      notes="HTML saved by Excel in UTF-16 with a BOM")
def _(path: Path, p: str) -> Path:
    path.write_bytes(_html_page(rows(p, 4, region="г. Алматы"), "utf-16").encode("utf-16"))
    return path


def _sml_cell(value: object, extra: str = "") -> str:
    from xml.sax.saxutils import escape
    kind = "Number" if isinstance(value, int) else "String"
    return f'<Cell{extra}><Data ss:Type="{kind}">{escape(str(value))}</Data></Cell>'


@case("spreadsheetml_2003_as_xls", "read_right", "onec_2003.xls", stored=5,
      check=_expect(region="astana", age=35, gender="male", registered_at="2026-08-14 09:30:00"),
      notes="XML Spreadsheet 2003 in windows-1251: merged title (ss:MergeAcross), ss:Index gaps, typed cells")
def _(path: Path, p: str) -> Path:
    header = "".join(_sml_cell(h) for h in HEADER)
    body = "".join(
        "<Row>" + _sml_cell(r[0]) + '<Cell><Data ss:Type="DateTime">2026-08-14T09:30:00.000</Data></Cell>'
        + _sml_cell(r[2]) + _sml_cell(r[3]) + _sml_cell(r[5], ' ss:Index="6"') + _sml_cell(r[6]) + "</Row>\n"
        for r in rows(p, 5))
    xml = ('<?xml version="1.0" encoding="windows-1251"?>\n<?mso-application progid="Excel.Sheet"?>\n'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
           '<Worksheet ss:Name="Обращения"><Table>\n'
           f'<Row><Cell ss:MergeAcross="{len(HEADER) - 1}"><Data ss:Type="String">Отчёт за 3 квартал</Data></Cell></Row>\n'
           f'<Row ss:Index="3">{header}</Row>\n{body}</Table></Worksheet></Workbook>\n')
    path.write_bytes(xml.encode("cp1251"))
    return path


@case("spreadsheetml_entity_bomb", "refused", "laughs.xls", ("unsafe_workbook",),
      notes="billion laughs in an XML Spreadsheet 2003")
def _(path: Path, p: str) -> Path:
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">'
                                              for i in range(1, 10))
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE Workbook [' + entities + ']>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>'
                    '<Row><Cell><Data ss:Type="String">&a9;</Data></Cell></Row></Table></Worksheet></Workbook>',
                    encoding="utf-8")
    return path


@case("spreadsheetml_external_entity", "refused", "xxe.xls", ("unsafe_workbook",),
      notes="an external entity naming a local file")
def _(path: Path, p: str) -> Path:
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE Workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
                    "<Row><Cell><Data>&x;</Data></Cell></Row></Table></Worksheet></Workbook>", encoding="utf-8")
    return path


@case("html_page_without_table", "refused", "page.xls", ("unknown_format",))
def _(path: Path, p: str) -> Path:
    path.write_text("<html><body><p>Сессия истекла, войдите снова</p></body></html>", encoding="utf-8")
    return path


@case("html_colspan_flood", "survived", "spans.xls", ("workbook_too_large",),
      notes="40 000 rows of colspan=1000 cells")
def _(path: Path, p: str) -> Path:
    header = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    path.write_text("<table>" + header + '<tr><td>x</td><td colspan="1000">y</td></tr>' * 40_000 + "</table>",
                    encoding="utf-8")
    return path



@case("web_archive_as_xls", "read_right", "archive.xls", stored=4, check=_expect(region="karaganda"),
      notes="Excel's 'Single File Web Page' (MIME, quoted-printable windows-1251 HTML) under .xls")
def _(path: Path, p: str) -> Path:
    import quopri
    page = _html_page(rows(p, 4, region="Карагандинская обл."), "windows-1251").encode("cp1251")
    body = quopri.encodestring(page).decode("ascii").replace("\n", "\r\n")
    path.write_text("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n"
                    'Content-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
                    "------=_NextPart_01\r\nContent-Location: file:///C:/x/sheet001.htm\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n"
                    'Content-Type: text/html; charset="windows-1251"\r\n\r\n' + body
                    + "\r\n------=_NextPart_01--\r\n", encoding="ascii")
    return path


@case("category_header_of_social_statuses", "read_right", "category.csv", stored=5,
      check=_expect(social_status="large_family"),
      notes="'Категория' (a topic alias) holding social statuses: the values decide")
def _(path: Path, p: str) -> Path:
    header = [*HEADER[:3], "Категория", *HEADER[4:]]
    return write_csv(path, [header, *rows(p, 5, topic="Многодетная семья")], encoding="cp1251")


def build_all(folder: Path) -> dict[str, Path]:
    """Write every case into `folder`; name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    return {c.name: c.build(folder) for c in CASES}


def base_rows() -> list[list[object]]:
    """The project's data before any hostile import."""
    return [HEADER, *rows("BASE", 30, topic="Коммунальные услуги")]


if __name__ == "__main__":
    built = build_all(Path(sys.argv[1]))
    for name, path in built.items():
        print(name, path)
