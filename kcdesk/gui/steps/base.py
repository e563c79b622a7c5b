"""What every step is: a widget with a translatable title, load/save/validate, and retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from kcdesk.gui.session import Session


class Step(QWidget):
    """Subclasses set up widgets in __init__, fill them in `load` and write the officer's input in `save`."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.seen = False  # shown at least once since the project was opened (the window sets it)

    def title(self) -> str:  # overridden with self.tr("…")
        raise NotImplementedError

    def load(self, session: Session) -> None:
        """Show what the session holds (called when the step is shown and when the analysis changes)."""

    def save(self, session: Session) -> None:
        """Write what the officer typed that is not yet saved (most fields save as they are typed)."""

    def done(self) -> bool:
        """The sidebar's tick: by default a step is done once the officer has looked at its analysis."""
        return self.seen and self.session.analysis is not None

    def validate(self) -> list[str]:
        """Translated problems that should stop the officer moving on; empty when fine."""
        return []

    def retranslate(self) -> None:
        """Set every visible string again (called on QEvent.LanguageChange)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.session.project is not None and self.isVisible():  # hidden steps reload when shown
                self.load(self.session)
        super().changeEvent(event)
