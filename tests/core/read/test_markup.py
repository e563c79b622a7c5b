"""HTML tables and SpreadsheetML 2003 saved as .xls: found by content and read like any sheet."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.read import markup
from kcdesk.core.read.tables import list_sheets, open_tables

HEAD = "<tr><th>№ обращения</th><th>Дата регистрации</th><th>Регион</th></tr>"


def _rows(path: Path, sheet: str | None = None) -> tuple[list[str], list[list[object]]]:
    table = open_tables(path, sheet=sheet)[0]
    frames = list(table.chunks(2))
    return table.headers, [list(r) for f in frames for r in f.itertuples(index=False)]


def test_unclosed_cells_uppercase_tags_entities_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_text("<HTML><BODY><TABLE><TR><TH>№ обращения<TH>Дата регистрации<TH>Регион"
                    "<TR><TD>A-1<TD>15.08.2026<TD>г.&nbsp;Астана &amp; пригород<BR>второй&#160;ряд"
                    "<TR><TD>A-2<TD>16.08.2026<TD>Алматы</TABLE>", encoding="utf-8")
    headers, rows = _rows(path)
    assert headers == ["№ обращения", "Дата регистрации", "Регион"]
    assert rows == [["A-1", "15.08.2026", "г. Астана & пригород\nвторой ряд"], ["A-2", "16.08.2026", "Алматы"]]


def test_rowspan_and_colspan_keep_columns_in_place(tmp_path: Path) -> None:
    """A data cell merged down (1C groups rows by region or date this way) holds for each row it
    covers; a cell merged across stays in its first column."""
    path = tmp_path / "spans.xls"
    path.write_text("<table>" + HEAD + "<tr><td>A-1</td><td rowspan=2>15.08.2026</td><td>Астана</td></tr>"
                    "<tr><td>A-2</td><td>Алматы</td></tr><tr><td colspan=2>A-3</td><td>Шымкент</td></tr></table>",
                    encoding="utf-8")
    _, rows = _rows(path)
    assert rows == [["A-1", "15.08.2026", "Астана"], ["A-2", "15.08.2026", "Алматы"], ["A-3", None, "Шымкент"]]


def test_a_data_table_inside_a_layout_table_is_found(tmp_path: Path) -> None:
    path = tmp_path / "portal.xls"
    path.write_text("<table><tr><td>Портал</td><td>Выход</td></tr><tr><td colspan=2><table>" + HEAD
                    + "<tr><td>A-1</td><td>15.08.2026</td><td>Астана</td></tr></table></td></tr>"
                    "<tr><td>Итого</td></tr></table>", encoding="utf-8")
    table = open_tables(path)[0]
    assert table.sheet == "table 2" and table.headers[0] == "№ обращения"
    assert list_sheets(path) == ["table 1", "table 2"]


def test_scripts_comments_and_blocks_cut_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markup, "BLOCK", 7)  # every tag and comment is cut between blocks somewhere
    path = tmp_path / "cut.xls"
    path.write_text("<html><head><script>var s = '<tr><td>x</td></tr>';</script></head><body>"
                    "<!-- a comment with > and <tr> inside --><table>" + HEAD
                    + "<![if supportMisalignedColumns]><tr height=0 style='display:none'><td></td></tr><![endif]>"
                    + "<tr><td>A-1</td><td>15.08.2026</td><td>Астана</td></tr></table></body></html>",
                    encoding="utf-8")
    headers, rows = _rows(path)
    assert rows == [["A-1", "15.08.2026", "Астана"]]


@pytest.mark.parametrize(("encoding", "declared"), [
    ("cp1251", "windows-1251"), ("utf-8", "windows-1251"), ("koi8-r", "koi8-r"), ("utf-16", "utf-16"),
    ("cp1251", None),
])
def test_encodings(tmp_path: Path, encoding: str, declared: str | None) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if declared else ""
    path = tmp_path / "enc.xls"
    path.write_bytes(f"<html><head>{meta}</head><body><table>{HEAD}<tr><td>Қ-1</td><td>15.08.2026</td>"
                     f"<td>Караганда</td></tr></table></body></html>".replace("Қ", "К" if encoding == "koi8-r" else "Қ")
                     .encode(encoding, errors="replace"))
    headers, rows = _rows(path)
    assert headers[2] == "Регион" and rows[0][2] == "Караганда"


SML = ('<?xml version="1.0" encoding="{enc}"?>\n<?mso-application progid="Excel.Sheet"?>\n'
       '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
       'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
       '<Worksheet ss:Name="Титул"><Table><Row><Cell><Data ss:Type="String">Отчёт</Data></Cell></Row></Table></Worksheet>'
       '<Worksheet ss:Name="Данные"><Table>'
       '<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">Обращение</Data></Cell>'
       '<Cell><Data ss:Type="String">Заявитель</Data></Cell></Row>'
       '<Row><Cell><Data ss:Type="String">Номер</Data></Cell><Cell><Data ss:Type="String">Дата регистрации</Data></Cell>'
       '<Cell><Data ss:Type="String">Пол</Data></Cell><Cell><Data ss:Type="String">Возраст</Data></Cell></Row>'
       '<Row ss:Index="4"><Cell><Data ss:Type="String">A-1</Data></Cell>'
       '<Cell><Data ss:Type="DateTime">2026-08-15T09:30:00.000</Data></Cell>'
       '<Cell ss:Index="4"><Data ss:Type="Number">35</Data></Cell></Row>'
       '</Table></Worksheet></Workbook>')


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1251", "utf-16"])
def test_spreadsheetml_2003(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "onec.xls"
    path.write_bytes(SML.format(enc=encoding).encode(encoding))
    tables = open_tables(path)
    assert [t.sheet for t in tables] == ["Данные"] and list_sheets(path) == ["Титул", "Данные"]
    table = tables[0]
    assert table.header_row == 2 and table.headers == ["Номер", "Дата регистрации", "Пол", "Возраст"]
    rows = [list(r) for f in table.chunks(10) for r in f.itertuples()]
    assert rows == [[4, "A-1", datetime.datetime(2026, 8, 15, 9, 30), None, 35]]


def test_other_xml_and_a_page_without_table_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.xls"
    path.write_text('<?xml version="1.0"?><rss/>', encoding="utf-8")
    with pytest.raises(KcError) as found:
        open_tables(path)
    assert found.value.code == "unknown_format"


def test_spreadsheetml_cell_merged_down_holds_for_the_rows_it_covers(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<Row>" + "".join(cells) + "</Row>"

    def cell(value: str, extra: str = "") -> str:
        return f'<Cell{extra}><Data ss:Type="String">{value}</Data></Cell>'
    path = tmp_path / "grouped.xls"
    path.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>'
                    + row(cell("Регион"), cell("№ обращения"), cell("Дата регистрации"))
                    + row(cell("Астана", ' ss:MergeDown="1"'), cell("A-1"), cell("15.08.2026"))
                    + row(cell("A-2", ' ss:Index="2"'), cell("16.08.2026"))
                    + row(cell("Алматы"), cell("A-3"), cell("17.08.2026"))
                    + "</Table></Worksheet></Workbook>", encoding="utf-8")
    _, rows = _rows(path)
    assert [r[0] for r in rows] == ["Астана", "Астана", "Алматы"]


def test_spreadsheetml_prefixed_names_notes_and_formatted_text(tmp_path: Path) -> None:
    """ss:-prefixed elements, a cell note (its own <Data>) and rich text inside <Data> (1C, Excel)."""
    path = tmp_path / "rich.xls"
    path.write_text(
        '<?xml version="1.0"?><ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<ss:Worksheet ss:Name="S"><ss:Table><ss:Row>'
        '<ss:Cell><ss:Data ss:Type="String">№ обращения</ss:Data></ss:Cell>'
        '<ss:Cell><ss:Data ss:Type="String">Дата регистрации</ss:Data>'
        '<ss:Comment><ss:Data>заметка оператора</ss:Data></ss:Comment></ss:Cell>'
        '<ss:Cell><ss:Data ss:Type="String">Регион</ss:Data></ss:Cell></ss:Row><ss:Row>'
        '<ss:Cell><ss:Data ss:Type="String">A-1</ss:Data></ss:Cell>'
        '<ss:Cell><ss:Data ss:Type="String">15.08.2026</ss:Data></ss:Cell>'
        '<ss:Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>г. </B>Астана'
        "</ss:Data></ss:Cell></ss:Row></ss:Table></ss:Worksheet></ss:Workbook>", encoding="utf-8")
    headers, rows = _rows(path)
    assert headers == ["№ обращения", "Дата регистрации", "Регион"]
    assert rows == [["A-1", "15.08.2026", "г. Астана"]]


def test_web_archive_saved_as_xls(tmp_path: Path) -> None:
    """Excel's 'Single File Web Page' (MIME, quoted-printable cp1251 HTML) under the name .xls."""
    import quopri

    page = ('<html><head><meta charset="windows-1251"></head><body><table>' + HEAD
            + "<tr><td>A-1</td><td>15.08.2026</td><td>Қарағанды облысы</td></tr></table></body></html>")
    body = quopri.encodestring(page.encode("cp1251", errors="replace")).decode("ascii")
    path = tmp_path / "archive.xls"
    path.write_text("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n"
                    'Content-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
                    "------=_NextPart_01\r\nContent-Location: file:///C:/x/sheet001.htm\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n"
                    'Content-Type: text/html; charset="windows-1251"\r\n\r\n'
                    + body.replace("\n", "\r\n") + "\r\n------=_NextPart_01--\r\n", encoding="ascii")
    headers, rows = _rows(path)
    assert headers == ["№ обращения", "Дата регистрации", "Регион"]
    assert rows == [["A-1", "15.08.2026", "Қарағанды облысы".encode("cp1251", "replace").decode("cp1251")]]


def test_opening_counts_the_rows_past_the_head_and_finds_later_tables(tmp_path: Path) -> None:
    """Opening parses only each table's first rows (the rest is counted); reading gets them all."""
    body = "".join(f"<tr><td>A-{i}</td><td>15.08.2026</td><td>Астана</td></tr>\n" for i in range(1500))
    path = tmp_path / "long.xls"
    path.write_text(f"<table>{HEAD}{body}</table><p>Итого</p><table>{HEAD}"
                    "<tr><td>B-1</td><td>16.08.2026</td><td>Алматы</td></tr></table>", encoding="utf-8")
    first, second = open_tables(path)
    assert first.estimated_rows() == 1500 and second.sheet == "table 2"
    assert sum(len(f) for f in first.chunks(400)) == 1500
    assert [list(r) for f in second.chunks(10) for r in f.itertuples(index=False)] == [["B-1", "16.08.2026", "Алматы"]]
