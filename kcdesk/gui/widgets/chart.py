"""A chart drawn once at report size (pyqtgraph → pixmap) and shown scaled to fit, with Copy and Save PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

RENDER_WIDTH = 1200


def render(widget: QWidget, width: int = RENDER_WIDTH, height: int | None = None) -> QPixmap:
    """The chart widget's picture at a fixed size, so labels keep the proportions of the справка's charts."""
    from kcdesk.charts.bars import preferred_height

    rows = getattr(widget, "rows", None)
    height = height or (preferred_height(rows) if rows else 600)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()
    pixmap = widget.grab()
    widget.hide()
    widget.deleteLater()
    return pixmap


class ChartView(QWidget):
    """`set_chart(widget, title, height)` draws the chart and shows it; Copy/Save use the full-size picture."""

    def __init__(self, parent: QWidget | None = None, min_height: int = 200) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.last_error = ""
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
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.picture.setMinimumSize(200, 120)
        self.picture.setStyleSheet("background: white")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.picture, 1)
        self.setMinimumHeight(min_height)
        self.retranslate()
        self.set_chart(None)

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.save_button.setText(self.tr("Save PNG…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_chart(self, widget: QWidget | None, title: str = "", height: int | None = None) -> None:
        self.pixmap = render(widget, height=height) if widget is not None else None
        self.title.setText(title)
        self.copy_button.setEnabled(self.pixmap is not None)
        self.save_button.setEnabled(self.pixmap is not None)
        self._fit()

    def _fit(self) -> None:
        if self.pixmap is None:
            self.picture.clear()
            return
        size = self.picture.size()
        self.picture.setPixmap(self.pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def copy(self) -> None:
        if self.pixmap is not None:
            QGuiApplication.clipboard().setPixmap(self.pixmap)

    def save_png(self, path: Path) -> bool:
        """Through the core's atomic write: never over a project (any database), a link, a device or a
        pipe, never into a missing folder; a refusal is said in a message box."""
        from kcdesk.core.errors import KcError
        from kcdesk.core.files import atomic_path
        from kcdesk.gui import messages

        if self.pixmap is None:
            return False
        try:
            with atomic_path(Path(path)) as temp:
                if not self.pixmap.save(str(temp), "PNG"):
                    raise KcError("write_failed", file=Path(path).name, reason="PNG")
        except KcError as error:
            self.last_error = messages.translate(error)
            if self.isVisible():
                QMessageBox.warning(self, self.tr("Save chart"), self.last_error)
            return False
        return True

    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), "chart.png", self.tr("PNG images (*.png)"))
        if name:
            self.save_png(Path(name if name.lower().endswith(".png") else name + ".png"))
