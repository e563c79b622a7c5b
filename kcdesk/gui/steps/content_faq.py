"""The content step's FAQ page: each proposed question accepted, edited or dropped by the officer (the
справка quotes only the accepted ones), and the export of a question group's requests to .xlsx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kcdesk.core.quarters import Quarter
from kcdesk.gui import content_ops, dialogs
from kcdesk.gui.session import Session
from kcdesk.gui.steps.content_search import TextTable, row

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

ACCEPTED, DROPPED = "accepted", "dropped"


class FaqPage(QWidget):
    """The list to publish: question, requests, topic, whether drafted, the officer's decision."""

    def __init__(self, session: Session, topic_name: Callable[[str | None], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.topic_name = topic_name
        self.quarter: Quarter | None = None
        self.items: list[dict[str, Any]] = []
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.table = TextTable({0: 5, 2: 2})
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.edit = QLineEdit()
        self.accept_button, self.drop_button, self.clear_button = QPushButton(), QPushButton(), QPushButton()
        self.accept_button.clicked.connect(lambda: self.decide(ACCEPTED))
        self.drop_button.clicked.connect(lambda: self.decide(DROPPED))
        self.clear_button.clicked.connect(lambda: self.decide(None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        buttons = row(self.edit, self.accept_button, self.drop_button, self.clear_button, stretch_after=False)
        buttons.setStretch(0, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._chosen()

    def retranslate(self) -> None:
        self.label.setText(self.tr(
            "Questions to publish (§5.3, §18): a real question of each group, or one drafted from its name "
            "where the group holds none. Accept, edit or drop each: the справка quotes only the accepted ones."))
        self.edit.setPlaceholderText(self.tr("The question as it will be published"))
        self.accept_button.setText(self.tr("Accept"))
        self.drop_button.setText(self.tr("Drop"))
        self.clear_button.setText(self.tr("Clear the decision"))

    def show_result(self, quarter: Quarter, result: dict[str, Any] | None) -> None:
        self.quarter = quarter
        project = self.session.project
        self.items = content_ops.faq_list(project, quarter, result) if project is not None and result else []
        status = {ACCEPTED: self.tr("accepted"), DROPPED: self.tr("dropped")}
        frame = pd.DataFrame({
            "question": [content_ops.excerpt(f.get("question"), 400) for f in self.items],
            "count": [f.get("count") for f in self.items],
            "topic": [self.topic_name(f.get("topic")) for f in self.items],
            "drafted": [self.tr("drafted") if f.get("drafted") else self.tr("quoted") for f in self.items],
            "status": [status.get(str(f.get("status")), self.tr("to decide")) for f in self.items],
        })
        self.table.set_frame(frame, [self.tr("Question"), self.tr("Requests"), self.tr("Topic"),
                                     self.tr("Source"), self.tr("Your decision")])
        self._chosen()

    def chosen(self) -> dict[str, Any] | None:
        rows = self.table.selected_source_rows()
        return self.items[rows[0]] if rows and rows[0] < len(self.items) else None

    def _chosen(self) -> None:
        item = self.chosen()
        for button in (self.accept_button, self.drop_button, self.clear_button):
            button.setEnabled(item is not None)
        self.edit.setEnabled(item is not None)
        self.edit.setText(str(item.get("question") or "") if item else "")

    def decide(self, status: str | None) -> bool:
        """Accept (with the wording in the box when the officer changed it), drop, or take back."""
        item = self.chosen()
        project = self.session.project
        if item is None or project is None or self.quarter is None:
            return False
        wording = self.edit.text().strip()
        edited = wording if status == ACCEPTED and wording and wording != item.get("proposed") else None
        content_ops.decide_faq(project, self.quarter, str(item["group"]), status, edited)
        index = self.items.index(item)
        self.show_result(self.quarter, project.content(self.quarter))
        self.table.selectRow(self.table.proxy.mapFromSource(self.table.model_.index(index, 0)).row())
        return True


def export_group(parent: QWidget, session: Session, quarter: Quarter, group: str, label: str,
                 path: Path | None = None, done: Callable[[Any], None] | None = None) -> bool:
    """Ask where (unless given) and write the group's requests to .xlsx in the background."""
    if session.project is None:
        return False
    if path is None:
        title = QCoreApplication.translate("FaqPage", "Save the requests of the group")
        name = f"{group}.xlsx" if not label else f"{group} {label[:40]}.xlsx"
        path = dialogs.save_file(parent, "exports", title, name, "Excel (*.xlsx)", ".xlsx")
        if path is None:
            return False
    return session.start(content_ops.members_job(session.project.path, quarter, group, path, done))
