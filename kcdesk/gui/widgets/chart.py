"""A frame around a chart widget (pyqtgraph) with Copy and Save PNG buttons; the chart is swapped on each load."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ChartView(QWidget):
    """Holds one chart; `set_chart(widget)` replaces it (charts are built from kcdesk.charts)."""

    def __init__(self, parent: QWidget | None = None, min_height: int = 260) -> None:
        super().__init__(parent)
        self.chart: QWidget | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.copy_button = QPushButton()
        self.save_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_dialog)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.save_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.body, 1)
        self.setMinimumHeight(min_height)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.save_button.setText(self.tr("Save PNG…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_chart(self, widget: QWidget | None, title: str = "") -> None:
        if self.chart is not None:
            self.body.removeWidget(self.chart)
            self.chart.deleteLater()
        self.chart = widget
        self.title.setText(title)
        if widget is not None:
            self.body.addWidget(widget, 1)
        self.copy_button.setEnabled(widget is not None)
        self.save_button.setEnabled(widget is not None)

    def copy(self) -> None:
        if self.chart is not None:
            QGuiApplication.clipboard().setPixmap(self.chart.grab())

    def save_png(self, path: Path) -> bool:
        return self.chart is not None and self.chart.grab().save(str(path), "PNG")

    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), "chart.png", self.tr("PNG images (*.png)"))
        if name:
            self.save_png(Path(name))
