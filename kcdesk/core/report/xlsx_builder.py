"""The Appendix table as .xlsx: the same rows as the .docx, numbers as numbers, text never a formula."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kcdesk.core.formulas import looks_like_formula
from kcdesk.core.model import Analysis
from kcdesk.core.report import labels
from kcdesk.core.report.appendix import AppendixTable, appendix_table
from kcdesk.core.report.atomic import write_atomic

WIDTHS = (34, 18, 48, 18, 36, 18)


def _text(cell: Any, value: str) -> None:
    """Store a string as a string: openpyxl would turn '=…' into a formula; Excel re-parses '+', '-', '@'."""
    cell.value = value
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True


FONT = "Times New Roman"


def write_table(ws: Any, data: AppendixTable) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)
    _text(ws.cell(1, 1), data.title)
    _text(ws.cell(1, 6), data.form_label)  # "Форма" / "Нысан", as the Appendix of the Methodology
    ws.cell(1, 6).alignment = Alignment(horizontal="right", vertical="top")
    ws.cell(1, 1).font = Font(bold=True, size=12)
    ws.cell(1, 1).alignment = wrap
    ws.row_dimensions[1].height = 36
    # Header: rows 2-3 as in the form, row 4 the column numbers.
    _text(ws.cell(2, 1), data.headers[0])
    _text(ws.cell(2, 2), data.headers[1])
    _text(ws.cell(2, 3), data.group_topics)
    _text(ws.cell(2, 5), data.group_regions)
    for i in range(2, 6):
        _text(ws.cell(3, i + 1), data.headers[i])
    for i in range(6):
        ws.cell(4, i + 1).value = i + 1
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:D2")
    ws.merge_cells("E2:F2")
    for row in range(2, 5):
        for col in range(1, 7):
            ws.cell(row, col).alignment = wrap
            ws.cell(row, col).border = border
            ws.cell(row, col).font = Font(bold=row < 4, size=10)
    ws.row_dimensions[3].height = 90
    first = 5
    _text(ws.cell(first, 1), data.centre)
    ws.cell(first, 2).value = int(data.total)
    for k, (name, count) in enumerate(data.topics):
        _text(ws.cell(first + k, 3), name)
        ws.cell(first + k, 4).value = int(count)
    for k, (name, count) in enumerate(data.regions):
        _text(ws.cell(first + k, 5), name)
        ws.cell(first + k, 6).value = int(count)
    last = first + data.rows - 1
    if last > first:
        ws.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
        ws.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
    top = Alignment(wrap_text=True, vertical="top")
    for row in range(first, last + 1):
        for col in range(1, 7):
            ws.cell(row, col).border = border
            ws.cell(row, col).alignment = top
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions["ABCDEF"[i]].width = width
    ws.print_title_rows = "2:4"  # the header repeats on every printed page
    ws.freeze_panes = "A5"
    _text(ws.cell(last + 2, 1), data.signature_line)
    _text(ws.cell(last + 3, 1), data.signature_caption)
    ws.cell(last + 3, 1).font = Font(size=9)
    # One font in every cell, as in the .docx.
    for row in ws.iter_rows(min_row=1, max_row=last + 3, max_col=6):
        for cell in row:
            cell.font = Font(name=FONT, bold=cell.font.bold, size=cell.font.size or 11)


def build_xlsx(analysis: Analysis, settings: dict[str, Any] | None, out: Path, lang: str) -> Path:
    """Write the statistical part (the Appendix table) as a one-sheet workbook, atomically."""
    from openpyxl import Workbook

    labels.check_lang(lang)
    data = appendix_table(analysis, settings, lang)
    wb = Workbook()
    ws = wb.active
    ws.title = "Нысан" if lang == "kk" else "Форма"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    write_table(ws, data)
    return write_atomic(Path(out), lambda temp: wb.save(str(temp)))
