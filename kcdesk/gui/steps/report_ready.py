"""The справка step's "Before signing" tab: what a head would send back, each item linked to where it
is filled in, and the topics still without a name in the справка's language, named here once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.usecases.report import readiness
from kcdesk.gui import operations
from kcdesk.gui.session import Session


def item_text(code: str, values: list[str], count: int) -> str:
    """One checklist line in the UI language."""
    listed = "; ".join(values)
    texts: dict[str, Callable[[], str]] = {
        "reason_missing": lambda: QCoreApplication.translate("readiness", "No reasons typed for: %1"),
        "no_contact_centre": lambda: QCoreApplication.translate(
            "readiness", "Column 1 of the Appendix lacks the contact centre's name or phone"),
        "no_signatory": lambda: QCoreApplication.translate("readiness", "No signatory (name and position)"),
        "no_executor": lambda: QCoreApplication.translate(
            "readiness", "No executor (name and phone for the 'Исп./Орынд.' line)"),
        "untranslated_topics": lambda: QCoreApplication.translate(
            "readiness", "Topics without a name in this language: %1"),
        "unresolved_values": lambda: QCoreApplication.translate(
            "readiness", "%2 values not recognised (counted as not stated): %1"),
        "no_reconciliation": lambda: QCoreApplication.translate(
            "readiness", "No Qlik or other-channel totals entered: the reconciliation (§11) is not done"),
        "text_other_language": lambda: QCoreApplication.translate(
            "readiness", "Your texts still in the other language: %1"),
        "signatory_is_executor": lambda: QCoreApplication.translate(
            "readiness", "The executor is the signatory; a work plan needs another executor"),
    }
    make = texts.get(code)
    text = make() if make else code
    return text.replace("%1", listed).replace("%2", str(count))


class ReadinessPanel(QWidget):
    """Checklist + untranslated topics. `go` asks the window to show where an item is filled in."""

    go = Signal(str)  # "stage1", "import", "settings", "report"
    shown = Signal()  # the checklist read in the background is on screen

    def __init__(self, session: Session, lang: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.items_box = QGroupBox()
        self.items = QGridLayout(self.items_box)
        self.topics_box = QGroupBox()
        self.topics = QTableWidget(0, 3)
        self.topics.verticalHeader().setVisible(False)
        self.topics.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.save_names = QPushButton()
        self.save_names.clicked.connect(self.save_topic_names)
        topics_layout = QVBoxLayout(self.topics_box)
        topics_layout.addWidget(self.topics, 1)
        topics_layout.addWidget(self.save_names)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items_box)
        layout.addWidget(self.topics_box, 1)
        self.open_items: list[Any] = []
        self.topic_ids: list[int] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("What a head of department would send back. Saving is still allowed; each "
                                   "button opens the place where the item is filled in."))
        self.items_box.setTitle(self.tr("Before signing"))
        self.topics_box.setTitle(self.tr("Topics without a name in the language of the справка"))
        self.topics.setHorizontalHeaderLabels([self.tr("Topic as in the export"), self.tr("Requests"),
                                               self.tr("Name in the справка's language")])
        self.save_names.setText(self.tr("Save the names"))

    def load(self) -> None:
        project, quarter, analysis = self.session.project, self.session.quarter, self.session.analysis
        while self.items.count():
            widget = self.items.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if project is None or quarter is None or analysis is None:
            self.open_items = []
            return
        language = self.lang()

        def read(opened: Any) -> tuple[list[Any], Any]:  # on the worker, with its own connection
            return readiness(opened, quarter, language, analysis), opened.catalogue.topics()

        self.session.runner.read(operations.read_job("readiness", project.path, read, self._show))

    def _show(self, found: tuple[list[Any], Any]) -> None:
        """The checklist (and the topics still to name) as read in the background."""
        while self.items.count():
            widget = self.items.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.open_items, topics = found
        where = {"stage1": self.tr("Stage 1…"), "import": self.tr("Import…"), "settings": self.tr("Details…"),
                 "report": self.tr("Below…")}
        for row, item in enumerate(self.open_items):
            label = QLabel("• " + item_text(item.code, item.values, item.count))
            label.setWordWrap(True)
            button = QPushButton(where[item.where[0]])
            button.clicked.connect(lambda _=False, place=item.where[0]: self.go.emit(place))
            self.items.addWidget(label, row, 0)
            self.items.addWidget(button, row, 1)
        if not self.open_items:
            self.items.addWidget(QLabel(self.tr("Nothing left: the справка can be signed as it is.")), 0, 0)
        self._fill_topics(topics)
        self.shown.emit()

    def _fill_topics(self, table: Any) -> None:
        untranslated = next((i.values for i in self.open_items if i.code == "untranslated_topics"), [])
        rows = [] if table is None else [r for r in table.itertuples(index=False) if r.name in untranslated]
        self.topic_ids = [int(r.id) for r in rows]
        self.topics.setRowCount(len(rows))
        for k, row in enumerate(rows):
            self.topics.setItem(k, 0, QTableWidgetItem(str(row.name)))
            self.topics.setItem(k, 1, QTableWidgetItem(str(row.requests)))
            self.topics.setCellWidget(k, 2, QLineEdit())
        self.topics_box.setVisible(bool(rows))

    def save_topic_names(self) -> int:
        project = self.session.project
        if project is None:
            return 0
        saved = 0
        for k, topic_id in enumerate(self.topic_ids):
            edit = self.topics.cellWidget(k, 2)
            name = edit.text().strip() if isinstance(edit, QLineEdit) else ""
            if name:
                project.catalogue.rename_topic(topic_id, **{f"name_{self.lang()}": name})
                saved += 1
        if saved:
            self.session.refresh()
        return saved
