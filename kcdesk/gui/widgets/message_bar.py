"""A one-line bar at the top of the window: information, warning or error text with a close button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

STYLES = {
    "info": "background:#e7f1fb; color:#0b3d66;",
    "warning": "background:#fff4cc; color:#5c4400;",
    "error": "background:#fde2e1; color:#7a1712;",
}


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setAutoFillBackground(True)
        self.hide()

    def show_message(self, text: str | Callable[[], str], kind: str = "info") -> None:
        """text: a sentence, or a function that makes it in the current language (then it follows a switch)."""
        self.kind = kind
        self._text = text
        self.setStyleSheet(STYLES.get(kind, STYLES["info"]))
        self.label.setText(text() if callable(text) else text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and callable(getattr(self, "_text", None)):
            self.label.setText(self._text())
        super().changeEvent(event)
