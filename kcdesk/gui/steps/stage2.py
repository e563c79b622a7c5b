"""Step 3 — Stage 2: the top 10 country-wide and for a chosen region (or all regions side by side), ties visible."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from kcdesk.core.model import Analysis, RankRow
from kcdesk.gui import formatting
from kcdesk.gui.session import Session
from kcdesk.gui.steps.base import Step
from kcdesk.gui.widgets.chart import ChartView
from kcdesk.gui.widgets.table import CAUTION, FrameView, format_number

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

ALL, SIDE_BY_SIDE = "", "*"


class Stage2Step(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.scope_label = QLabel()
        self.scope = QComboBox()
        self.scope.setMinimumWidth(320)
        self.scope.activated.connect(lambda _: self.load(self.session))
        session.region_chosen.connect(self.choose_region)
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        top.addStretch(1)
        self.table = FrameView()
        self.chart = ChartView()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([520, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Stage 2 — the top 10")

    def retranslate(self) -> None:
        self.scope_label.setText(self.tr("Show:"))
        self.note.setText(self.tr("Topics with equal counts share a rank (yellow rows), so a list can hold more "
                                  "than ten lines. Red bars: topics over +30 % or new."))

    def choose_region(self, code: str) -> None:
        """A region picked on the stage-1 map (a region without requests has no top 10 to show)."""
        index = self.scope.findData(code)
        if index < 0 and self.session.analysis is not None:
            self._fill_scope(self.session.analysis)
            index = self.scope.findData(code)
        if index >= 0:
            self.scope.setCurrentIndex(index)
            self.load(self.session)

    def _fill_scope(self, a: Analysis) -> None:
        chosen = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(self.tr("Country-wide"), ALL)
        self.scope.addItem(self.tr("All regions side by side"), SIDE_BY_SIDE)
        for code in a.top10.by_region:
            self.scope.addItem(formatting.region(code), code)
        index = self.scope.findData(chosen) if chosen is not None else 0
        self.scope.setCurrentIndex(max(index, 0))

    def load(self, session: Session) -> None:
        a = session.analysis
        if a is None:
            self.note.setText(self.tr("No data yet: import the exports on the Import step."))
            self.table.set_frame(pd.DataFrame())
            self.chart.set_chart(None)
            return
        self.retranslate()  # the note may still say there is no data
        if self.sender() is not self.scope:
            self._fill_scope(a)
        names = {t.topic: formatting.topic(t) for t in a.by_topic}
        top10 = a.top10
        scope = self.scope.currentData()
        side = scope == SIDE_BY_SIDE
        self.chart.setVisible(not side)  # all regions side by side take the whole width
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(side)
        if side:
            self._side_by_side(top10.by_region, names)
            return
        items = top10.all if scope in (ALL, None) else top10.by_region.get(scope, ())
        total = sum(i.count for i in items) or 1
        tied = {rank for rank, n in Counter(i.rank for i in items).items() if n > 1}
        frame = pd.DataFrame({
            "rank": [i.rank for i in items],
            "topic": [names.get(i.topic, i.topic) for i in items],
            "count": [i.count for i in items],
            "share": [100.0 * i.count / total for i in items],
        })
        self.table.set_frame(frame, [self.tr("Rank"), self.tr("Topic"), self.tr("Requests"), self.tr("Share of the top, %")],
                             formatters={"share": lambda v: format_number(v, 1), "rank": lambda v: str(v)},
                             row_colour=lambda row: CAUTION if items[row].rank in tied else None)
        flagged = {t.topic for t in a.attention}
        from kcdesk.gui.charts_adapter import top10_bars

        self.chart.set_chart(top10_bars(items, names, flagged), self.scope.currentText())

    def _side_by_side(self, by_region: dict[str, tuple[RankRow, ...]], names: dict[str, str]) -> None:
        depth = max((len(v) for v in by_region.values()), default=0)
        columns = {"rank": list(range(1, depth + 1))}
        for code, items in by_region.items():
            cells = [f"{i.rank}. {names.get(i.topic, i.topic)} ({format_number(i.count)})" for i in items]
            columns[code] = cells + [""] * (depth - len(cells))
        frame = pd.DataFrame(columns)
        self.table.set_frame(frame, [self.tr("Line")] + [formatting.region(c) for c in by_region],
                             formatters={"rank": lambda v: str(v)})
        self.table.resizeRowsToContents()  # long topic names wrap onto more lines instead of being cut
        self.chart.set_chart(None, "")


if __name__ == "__main__":
    from kcdesk.gui.standalone import run_step

    raise SystemExit(run_step(Stage2Step))
