"""Step 4 — Stage 3: the social portrait (age bands with the gaps, gender, social status, other dimensions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from kcdesk.core.report import labels
from kcdesk.gui import lang
from kcdesk.gui.session import Session
from kcdesk.gui.steps.base import Step
from kcdesk.gui.widgets.chart import ChartView
from kcdesk.gui.widgets.table import FrameView, format_number

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd


def label(kind: str, key: str) -> str:
    """The category as the chart beside the table names it (labels.portrait_label)."""
    return labels.portrait_label(kind, key, lang.current())


class Stage3Step(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.kind_label = QLabel()
        self.kind = QComboBox()
        self.kind.setMinimumWidth(260)
        self.kind.activated.connect(lambda _: self._show())
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind)
        top.addStretch(1)
        self.table = FrameView()
        self.chart = ChartView()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([420, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Stage 3 — the social portrait")

    def names(self) -> dict[str, str]:
        return {"age": self.tr("Age"), "gender": self.tr("Gender"), "social_status": self.tr("Social status"),
                "marital_status": self.tr("Marital status"), "education": self.tr("Education"),
                "occupation": self.tr("Occupation")}

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("Dimension:"))
        self.note.setText(self.tr("Every band is listed, also those with no requests; \"not stated\" counts the "
                                  "requests without that detail. Each dimension adds up to the quarter's total."))

    def load(self, session: Session) -> None:
        if session.analysis is None:
            self.note.setText(self.tr("No data yet: import the exports on the Import step."))
            self.table.set_frame(pd.DataFrame())
            self.chart.set_chart(None)
            return
        self.retranslate()  # the note may still say there is no data
        portrait = session.analysis.portrait.dimensions()
        chosen = self.kind.currentData()
        self.kind.clear()
        for key, name in self.names().items():
            if portrait.get(key):
                self.kind.addItem(name, key)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0) if chosen else 0)
        self._show()

    def _show(self) -> None:
        kind = self.kind.currentData()
        analysis = self.session.analysis
        counts: dict[str, int] = (analysis.portrait.dimensions().get(kind) or {}) if analysis and kind else {}
        if not kind:
            return
        pairs = labels.portrait_pairs(kind, counts)  # the chart's order
        total = sum(int(v) for _, v in pairs) or 1
        frame = pd.DataFrame({"value": [label(kind, k) for k, _ in pairs], "count": [int(v) for _, v in pairs],
                              "share": [100.0 * int(v) / total for _, v in pairs]})
        self.table.set_frame(frame, [self.names()[kind], self.tr("Requests"), self.tr("Share, %")],
                             formatters={"share": lambda v: format_number(v, 1)})
        from kcdesk.gui.charts_adapter import portrait_chart

        self.chart.set_chart(portrait_chart(kind, counts), self.kind.currentText())


if __name__ == "__main__":
    from kcdesk.gui.standalone import run_step

    raise SystemExit(run_step(Stage3Step))
