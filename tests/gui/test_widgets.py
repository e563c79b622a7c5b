"""Tables copy as TSV for Excel and sort by value; charts save as PNG."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kcdesk.gui import lang
from kcdesk.gui.widgets.table import FrameView, two_lines


def test_table_sorts_numbers_as_numbers_and_copies_tsv(qtbot) -> None:
    lang.install("ru", remember=False)
    view = FrameView()
    qtbot.addWidget(view)
    frame = pd.DataFrame({"topic": ["Б", "А", "В"], "count": np.array([9, 1200, 30], dtype="int64")})
    view.set_frame(frame, ["Тема", "Обращения"])
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(3)] == ["А", "В", "Б"]
    tsv = view.to_tsv(selected_only=False)
    lines = tsv.splitlines()
    assert lines[0] == "Тема\tОбращения"
    assert lines[1].replace("\u00a0", " ") == "А\t1 200"
    view.selectRow(2)
    view.copy()
    assert QGuiApplication.clipboard().text().splitlines()[1] == "Б\t9"


def test_long_headers_wrap_once() -> None:
    assert two_lines("Предыдущий квартал") == "Предыдущий\nквартал"
    assert two_lines("Тема") == "Тема"


def test_chart_saves_png(qtbot, tmp_path: Path) -> None:
    from kcdesk.charts.bars import hbar_chart
    from kcdesk.gui.widgets.chart import ChartView

    view = ChartView()
    qtbot.addWidget(view)
    assert not view.save_png(tmp_path / "none.png")
    chart = hbar_chart(["a", "b"], [3, 5])
    chart.rows = 2
    view.set_chart(chart, "title")
    assert view.save_png(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000
    view.copy()
    assert not QGuiApplication.clipboard().pixmap().isNull()
