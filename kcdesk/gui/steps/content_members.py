"""A question group's requests of the quarter in a window (id, date, region, text masked), to check what
the group holds, and exported to .xlsx from there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.quarters import Quarter
from kcdesk.gui import content_ops, dialogs, formatting
from kcdesk.gui.session import Session
from kcdesk.gui.steps.content_search import TextTable
from kcdesk.gui.widgets.table import format_number

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd


class GroupRequestsDialog(QDialog):
    """The requests of one group: a table, their count, and "Export to .xlsx" (in the background)."""

    def __init__(self, session: Session, quarter: Quarter, group: str, label: str, rows: pd.DataFrame,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.quarter, self.group, self.label, self.rows = session, quarter, group, label, rows
        self.setWindowTitle(self.tr("Requests of group %1").replace("%1", f"{group} «{label}»" if label else group))
        self.count = QLabel(self.tr("%1 requests of the quarter %2 in this group. Personal data in the texts is masked.")
                            .replace("%1", format_number(len(rows))).replace("%2", str(quarter)))
        self.count.setWordWrap(True)
        self.table = TextTable({3: 1})
        self.table.set_frame(pd.DataFrame({
            "id": rows["id"].astype(object), "date": rows["date"].astype(object),
            "region": [formatting.region(c) if c else "—" for c in rows["region"]],
            "question": [content_ops.excerpt(q, 400) for q in rows["question"]],
        }), self.headers())
        self.export_button = QPushButton(self.tr("Export to .xlsx…"))
        self.export_button.clicked.connect(lambda: self.export())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1000, 600)

    def headers(self) -> list[str]:
        return [self.tr("Request"), self.tr("Date"), self.tr("Region"), self.tr("Text")]

    def export(self, path: Path | None = None, done: Callable[[Any], None] | None = None) -> bool:
        """Ask where (unless given) and write the rows shown (full texts, masked) to .xlsx in the background."""
        if self.session.project is None:
            return False
        if path is None:
            name = f"{self.group}.xlsx" if not self.label else f"{self.group} {self.label[:40]}.xlsx"
            path = dialogs.save_file(self, "exports", self.tr("Save the requests of the group"), name,
                                     "Excel (*.xlsx)", ".xlsx")
            if path is None:
                return False
        rows = self.rows.assign(region=[formatting.region(c) if c else "" for c in self.rows["region"]])
        return self.session.start(content_ops.export_requests_job(self.session.project.path, rows, path,
                                                                  self.headers(), done))
