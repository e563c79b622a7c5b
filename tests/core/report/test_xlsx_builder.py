"""The Appendix table as .xlsx: the same numbers as the .docx, numbers as numbers, formula-like text as text."""

from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook
from sample_analysis import make_analysis, typed

from kcdesk.core.report.docx_builder import ReportInput, build_report
from kcdesk.core.report.xlsx_builder import build_xlsx


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_xlsx_numbers_equal_docx_numbers(tmp_path, lang):
    analysis = make_analysis(seed=11)
    settings = {"contact_centre_name_ru": "=cmd|' /C calc'!A0", "contact_centre_phone": "+7 700 000"}
    docx = Document(str(build_report(ReportInput(typed(analysis), settings), tmp_path / "s.docx", lang)))
    ws = load_workbook(build_xlsx(typed(analysis), settings, tmp_path / "s.xlsx", lang)).active
    table = docx.tables[0]
    doc_rows = [[c.text for c in row.cells] for row in table.rows[3:]]
    assert ws.cell(5, 2).value == analysis["total"]["count"] == int(doc_rows[0][1].replace("\u00a0", ""))
    assert isinstance(ws.cell(5, 2).value, int)
    for k, row in enumerate(doc_rows):
        r = 5 + k
        for col in (3, 5):  # topic / region name, then its count
            name = ws.cell(r, col).value
            count = ws.cell(r, col + 1).value
            if row[col - 1].strip():
                assert name == row[col - 1]
                assert isinstance(count, int) and count == int(row[col].replace("\u00a0", ""))
            else:
                assert name is None and count is None
    assert ws.cell(5 + len(doc_rows), 3).value is None and ws.cell(5 + len(doc_rows), 5).value is None
    assert [ws.cell(4, c).value for c in range(1, 7)] == [1, 2, 3, 4, 5, 6]


def test_formula_like_text_stays_text(tmp_path):
    analysis = make_analysis(seed=3)
    analysis["by_topic"][0]["names"] = {"ru": "=SUM(A1:A9)", "kk": "@risky"}
    analysis["by_topic"][1]["names"] = {"ru": "-1 тема", "kk": "+тема"}
    settings = {"contact_centre_name_ru": "=HYPERLINK(\"http://x\")"}
    path = build_xlsx(typed(analysis), settings, tmp_path / "s.xlsx", "ru")
    ws = load_workbook(path).active
    values = {ws.cell(r, 3).value: ws.cell(r, 3) for r in range(5, 8)}
    assert "=SUM(A1:A9)" in values and values["=SUM(A1:A9)"].data_type == "s"
    assert values["=SUM(A1:A9)"].quotePrefix
    assert values["-1 тема"].data_type == "s"
    assert ws.cell(5, 1).data_type == "s" and ws.cell(5, 1).value.startswith("=HYPERLINK")
    raw = load_workbook(path, data_only=False).active
    assert raw.cell(5, 3).value == "=SUM(A1:A9)" and raw.cell(5, 3).data_type != "f"
