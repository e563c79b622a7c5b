"""The project's unresolved values, each fixed once by choosing what it means (remembered by the project)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core import vocabulary
from kcdesk.core.normalise import reference
from kcdesk.gui import lang, operations
from kcdesk.gui.field_names import field_name
from kcdesk.gui.session import Session
from kcdesk.gui.widgets.table import format_number

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd


def choices(field: str) -> list[tuple[str, str]]:
    """(code, name in the UI language) for a field's reference values, sorted by name."""
    code = lang.current()
    if field == "region":
        pairs = [(c, reference.region_name(c, code)) for c in vocabulary.codes("region")]
    else:
        pairs = [(c, reference.name(field, c, code)) for c in vocabulary.codes(field)]
    # Then what a value may mean besides a code: the counter clears, the requests stay "not stated".
    extra = []
    if vocabulary.UNKNOWN in vocabulary.NOT_A_CODE.get(field, ()):
        extra.append((vocabulary.UNKNOWN, QCoreApplication.translate("UnresolvedTable", "— not stated (unknown)")))
    if vocabulary.ABROAD in vocabulary.NOT_A_CODE.get(field, ()):
        extra.append((vocabulary.ABROAD, QCoreApplication.translate("UnresolvedTable", "— outside Kazakhstan")))
    return sorted(pairs, key=lambda p: p[1].casefold()) + extra


class UnresolvedTable(QWidget):
    """The project's unresolved values, or (with `source`) those of one file's preview before its import."""

    fixed = Signal(int)  # rows changed in the project
    loaded = Signal(int)  # the values are shown (how many)

    def __init__(self, session: Session, parent: QWidget | None = None,
                 source: Callable[[], pd.DataFrame | None] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source = source
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.values: list[tuple[str, str]] = []

    def rows(self) -> int:
        return len(self.values)

    def load(self) -> None:
        self.note.setText(self.tr("These values could not be recognised, so their requests count as \"not stated\". "
                                  "Choose what a value means and press Apply: the project remembers it for every "
                                  "import."))
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value in the file"), self.tr("Requests"),
                                              self.tr("What it means"), ""])
        if self.source is not None:  # the file's own preview, already in memory
            self._fill(self.source())
        elif self.session.project is None:
            self._fill(None)
        else:  # the project's values: read by the background runner, shown when they arrive
            self.session.runner.read(operations.read_job("unresolved", self.session.project.path,
                                                         lambda project: project.catalogue.unresolved(), self._fill))

    def _fill(self, frame: pd.DataFrame | None) -> None:
        self.values = [] if frame is None else [(str(f), str(v)) for f, v in zip(frame["field"], frame["value"])]
        self.table.setRowCount(len(self.values))
        for row, (field, value, count) in enumerate(zip(*(frame[c] for c in ("field", "value", "count")))
                                                    if frame is not None else []):
            self.table.setItem(row, 0, QTableWidgetItem(field_name(str(field))))
            self.table.setItem(row, 1, QTableWidgetItem(str(value)))
            self.table.setItem(row, 2, QTableWidgetItem(format_number(int(count))))
            combo = QComboBox()
            combo.addItem(self.tr("(choose)"), None)
            for code, name in choices(str(field)):
                combo.addItem(name, code)
            self.table.setCellWidget(row, 3, combo)
            button = QPushButton(self.tr("Apply"))
            button.clicked.connect(lambda _=False, r=row: self.apply(r))
            self.table.setCellWidget(row, 4, button)
        self.table.resizeColumnsToContents()
        self.loaded.emit(self.rows())

    def choose(self, row: int, code: str) -> None:
        combo: QComboBox = self.table.cellWidget(row, 3)
        combo.setCurrentIndex(combo.findData(code))

    def apply(self, row: int) -> int:
        combo: QComboBox = self.table.cellWidget(row, 3)
        code = combo.currentData()
        if code is None or self.session.project is None:
            return 0
        field, value = self.values[row]
        changed = operations.fix_value(self.session.project, field, value, code)
        shown = combo.currentText()  # the choice by its name in the language shown when the message is read
        self.session.message.emit(lambda: self.tr("%1 requests now count for %2.").replace("%1", format_number(changed))
                                  .replace("%2", dict(choices(field)).get(code, shown)), "info")
        self.fixed.emit(changed)
        if self.source is None:
            self.load()
            self.session.refresh()
        return changed
