"""The Appendix table in a python-docx document: merged header, numbered columns, header rows repeated."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kcdesk.core.report.appendix import AppendixTable
from kcdesk.core.report.numerals import group

# Widths in mm for the six columns; they add up to the 170 mm text width of the A4 template. The
# count columns are wide enough for the longest Kazakh header word ("берушілерінен") at 8 pt.
WIDTHS_MM = (26, 23, 40, 23, 35, 23)
FONT = "Times New Roman"
HEADER_ROWS = 3


def set_borders(table: Any) -> None:
    """Single borders set directly, so a user's template needs no 'Table Grid' style."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def set_row_flags(row: Any, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)
    if header:  # repeated at the top of every page the table runs onto
        el = OxmlElement("w:tblHeader")
        tr_pr.append(el)


def write_cell(cell: Any, text: str, align: Any = WD_ALIGN_PARAGRAPH.LEFT, bold: bool = False, size: float = 10.5) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.text = ""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Mm(0)
    fmt.left_indent = Mm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def build_table(doc: Any, data: AppendixTable) -> Any:
    """A new table (at the end of doc's body; the caller moves it) holding the Appendix form."""
    rows = HEADER_ROWS + data.rows
    table = doc.add_table(rows=rows, cols=6)
    set_borders(table)
    table.autofit = False
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Mm(WIDTHS_MM[i])
    for i, width in enumerate(WIDTHS_MM):
        table.columns[i].width = Mm(width)
    center = WD_ALIGN_PARAGRAPH.CENTER
    head = [table.rows[0].cells, table.rows[1].cells]
    # Row 1: columns 1-2 span two rows; "by topic" spans 3-4, "by region" spans 5-6.
    write_cell(head[0][0], data.headers[0], center, size=8)
    write_cell(head[0][1], data.headers[1], center, size=8)
    write_cell(head[0][2], data.group_topics, center, size=8)
    write_cell(head[0][4], data.group_regions, center, size=8)
    for i in (2, 3, 4, 5):
        write_cell(head[1][i], data.headers[i], center, size=8)
    head[0][2].merge(head[0][3])
    head[0][4].merge(head[0][5])
    head[0][0].merge(head[1][0])
    head[0][1].merge(head[1][1])
    for i, cell in enumerate(table.rows[2].cells):
        write_cell(cell, str(i + 1), center, size=8)
    for r in range(HEADER_ROWS):
        set_row_flags(table.rows[r], header=True)
        for cell in table.rows[r].cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    body = table.rows[HEADER_ROWS:]
    for k, row in enumerate(body):
        set_row_flags(row, header=False)
        cells = row.cells
        if k < len(data.topics):
            name, count = data.topics[k]
            write_cell(cells[2], name)
            write_cell(cells[3], group(count), center)
        if k < len(data.regions):
            name, count = data.regions[k]
            write_cell(cells[4], name)
            write_cell(cells[5], group(count), center)
    write_cell(body[0].cells[0], data.centre)
    write_cell(body[0].cells[1], group(data.total), center)
    if len(body) > 1:
        body[0].cells[0].merge(body[-1].cells[0])
        body[0].cells[1].merge(body[-1].cells[1])
    body[0].cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    body[0].cells[1].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def replace_paragraph_with_table(paragraph: Any, table: Any) -> None:
    """Put the table where the placeholder paragraph was and drop the paragraph."""
    paragraph._p.addnext(table._tbl)
    paragraph._p.getparent().remove(paragraph._p)


def build_two_column_table(doc: Any, headers: tuple[str, str], rows: list[tuple[str, str]],
                           widths: tuple[int, int] = (45, 125)) -> Any:
    """A compact bordered table (10 pt), header repeated on each page; rows never split."""
    table = doc.add_table(rows=1 + len(rows), cols=2)
    set_borders(table)
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Mm(width)
    for r, row in enumerate(table.rows):
        for i, cell in enumerate(row.cells):
            cell.width = Mm(widths[i])
        set_row_flags(row, header=r == 0)
    for i, text in enumerate(headers):
        write_cell(table.rows[0].cells[i], text, WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=10)
    for k, (left, right) in enumerate(rows, 1):
        write_cell(table.rows[k].cells[0], left, size=10)
        write_cell(table.rows[k].cells[1], right, size=10)
    return table
