"""The content step's search page (FTS5 over every question, counts by quarter, region, topic) and its table helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.quarters import Quarter
from kcdesk.gui import content_ops, formatting
from kcdesk.gui.session import Session
from kcdesk.gui.widgets.table import FrameView, format_number

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd


def labelled(label: QLabel, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


def row(*widgets: QWidget, stretch_after: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    if stretch_after:
        layout.addStretch(1)
    return layout


class TextTable(FrameView):
    """A table whose text columns share the width the number columns leave, by weight (the questions
    are long: FrameView's single narrowed name column would cut them to a few words)."""

    def __init__(self, weights: dict[int, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weights = weights

    def set_frame(self, frame: pd.DataFrame, headers: list[str] | None = None, **kwargs) -> None:
        super().set_frame(frame, headers, **kwargs)
        self._share()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share()

    def _share(self) -> None:
        count = self.model_.columnCount()
        weights = {c: w for c, w in self.weights.items() if c < count}
        if not weights:
            return
        fixed = sum(self.columnWidth(c) for c in range(count) if c not in weights)
        room = max(self.viewport().width() - fixed - 2, 90 * len(weights))
        total = sum(weights.values())
        for column, weight in weights.items():
            self.setColumnWidth(column, int(room * weight / total))


class SearchPage(QWidget):
    """Words typed here are searched in the background; `topic_name` shows topics in the UI language."""

    def __init__(self, session: Session, topic_name: Callable[[str | None], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.topic_name = session, topic_name
        self.result = None
        self.edit = QLineEdit()
        self.edit.returnPressed.connect(self.search)
        self.button = QPushButton()
        self.button.clicked.connect(self.search)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.by_quarter, self.by_region, self.by_topic = FrameView(), FrameView(), FrameView()
        self.examples = TextTable({0: 5, 3: 2})
        counts = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.by_quarter, self.by_region, self.by_topic):
            counts.addWidget(view)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(counts)
        results.addWidget(self.examples)
        results.setSizes([180, 420])  # the counts are short lists; the examples need the room
        layout = QVBoxLayout(self)
        search_row = row(self.edit, self.button, stretch_after=False)
        search_row.setStretch(0, 1)
        layout.addLayout(search_row)
        layout.addWidget(self.total)
        layout.addWidget(results, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Words to find in every question of the project; \"…\" for a phrase"))
        self.button.setText(self.tr("Find"))
        if self.result is not None:
            self.show_result(self.result)

    def search(self) -> bool:
        text = self.edit.text().strip()
        if self.session.project is None or not text:
            return False
        return self.session.start(content_ops.search_job(self.session.project.path, text, self.show_result))

    def show_result(self, found) -> None:
        self.result = found
        self.total.setText(self.tr("Requests found for «%1»: %2 (the examples below are the best matches).")
                           .replace("%1", found.query).replace("%2", format_number(found.total)))
        quarters, regions, topics = found.by_quarter, found.by_region, found.by_topic
        self.by_quarter.set_frame(pd.DataFrame({
            "quarter": [formatting.quarter_text(Quarter.parse(q)) if q else "—" for q in quarters["quarter"]],
            "count": quarters["count"].astype(int)}), [self.tr("Quarter"), self.tr("Requests")])
        self.by_region.set_frame(pd.DataFrame({
            "region": [formatting.region(None if pd.isna(r) else r) for r in regions["region"]],
            "count": regions["count"].astype(int)}), [self.tr("Region"), self.tr("Requests")])
        self.by_topic.set_frame(pd.DataFrame({
            "topic": [self.tr("topic not stated") if pd.isna(t) else self.topic_name(t) for t in topics["topic"]],
            "count": topics["count"].astype(int)}), [self.tr("Topic"), self.tr("Requests")])
        examples = found.examples
        self.examples.set_frame(pd.DataFrame({
            "question": [content_ops.excerpt(e.get("question"), 300)
                         + (f"  (×{e['count']})" if (e.get("count") or 1) > 1 else "") for e in examples],
            "quarter": [formatting.quarter_text(Quarter.parse(e["quarter"])) if e.get("quarter") else "—"
                        for e in examples],
            "region": [formatting.region(e.get("region")) for e in examples],
            "topic": [self.topic_name(e.get("topic")) for e in examples]}),
            [self.tr("Question"), self.tr("Quarter"), self.tr("Region"), self.tr("Topic")])
