"""Step 1 — Import: files (dialog, drag-and-drop), sheet and header row, column → field, preview, unresolved values."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.errors import KcError
from kcdesk.core.fields import FIELDS
from kcdesk.core.normalise import reference
from kcdesk.core.tasks import Cancelled
from kcdesk.gui import formatting, lang, operations
from kcdesk.gui.field_names import field_name
from kcdesk.gui.session import Session
from kcdesk.gui.steps.base import Step
from kcdesk.gui.steps.unresolved import UnresolvedTable
from kcdesk.gui.widgets.table import FrameView, format_number

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

# .htm/.html/.xml: web systems and 1C save HTML tables and SpreadsheetML 2003 (read by content).
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".htm", ".html", ".xml")


PERSONAL = ("iin", "applicant_name", "applicant_phone")


def shown_preview(rows: pd.DataFrame) -> pd.DataFrame:
    """The normalised rows as the officer reads them: the import fields only, names in the UI language."""
    columns = [c for c in FIELDS if c in rows.columns and c not in PERSONAL]
    frame = rows[columns].copy()
    code = lang.current()
    namers = {"region": lambda v: formatting.region(v) if v else "",
              "gender": lambda v: reference.gender_name(v, code) if v else "",
              "social_status": lambda v: reference.social_status_name(v, code) if v else ""}
    for column, namer in namers.items():
        if column in frame.columns:
            frame[column] = frame[column].map(lambda v, n=namer: n(v) if isinstance(v, str) else "")
    for column in ("registered_at", "processed_at", "birth_date"):
        if column in frame.columns:
            parsed = pd.to_datetime(frame[column], errors="coerce", format="mixed")
            frame[column] = parsed.dt.strftime("%d.%m.%Y").where(parsed.notna(), frame[column].fillna(""))
    return frame


class ImportStep(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setAcceptDrops(True)
        self.plans: list[operations.FilePlan] = []
        self.previews: dict[Path, object] = {}
        self.lookalikes: dict[str, str] = {}  # header → field, of the highlighted unused columns

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_dialog)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_current)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)

        self.files = QListWidget()
        self.files.currentRowChanged.connect(self._file_chosen)
        self.sheet_label, self.header_label = QLabel(), QLabel()
        self.sheet = QComboBox()
        self.sheet.activated.connect(lambda _: self._choices_changed(sheet=True))
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 500)
        self.header_row.editingFinished.connect(lambda: self._choices_changed())
        choice = QHBoxLayout()
        for widget in (self.sheet_label, self.sheet, self.header_label, self.header_row):
            choice.addWidget(widget)
        choice.addStretch(1)
        self.columns = QTableWidget(0, 2)
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.columns.setColumnWidth(1, 300)
        self.columns.verticalHeader().setVisible(False)
        self.preview = FrameView()
        self.file_unresolved = UnresolvedTable(session, source=self._preview_unresolved)
        self.file_unresolved.fixed.connect(self._file_value_fixed)
        self.file_tabs = QTabWidget()
        self.file_tabs.addTab(self.columns, "")
        self.file_tabs.addTab(self.preview, "")
        self.file_tabs.addTab(self.file_unresolved, "")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(choice)
        detail_layout.addWidget(self.file_tabs, 1)
        files_page = QSplitter(Qt.Orientation.Horizontal)
        files_page.addWidget(self.files)
        files_page.addWidget(detail)
        files_page.setSizes([300, 840])

        self.unresolved = UnresolvedTable(session)
        self.unresolved.loaded.connect(self._count_unresolved)
        self.history = FrameView()
        self.tabs = QTabWidget()
        self.tabs.addTab(files_page, "")
        self.tabs.addTab(self.unresolved, "")
        self.tabs.addTab(self.history, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.session.runner.idle.connect(self._update_buttons)
        self.session.runner.failed.connect(self._import_ended)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Import")

    def done(self) -> bool:
        return bool(self.session.quarters())

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Add the contact centre's exports (Excel or CSV) with the button or by dragging "
                                  "them here. Check the sheet, the header row and the field of each column, then "
                                  "import. Your column choices are remembered for files of the same name."))
        self.add_button.setText(self.tr("Add files…"))
        self.remove_button.setText(self.tr("Remove from the list"))
        self.import_button.setText(self.tr("Import"))
        self.sheet_label.setText(self.tr("Sheet:"))
        self.header_label.setText(self.tr("Header row:"))
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        for index, text in enumerate((self.tr("Columns"), self.tr("Preview after normalisation"),
                                      self.tr("Values not recognised in this file"))):
            self.file_tabs.setTabText(index, text)
        for index, text in enumerate((self.tr("Files to import"), self.tr("Values not recognised"),
                                      self.tr("Imported files"))):
            self.tabs.setTabText(index, text)
        self._update_buttons()

    def load(self, session: Session) -> None:
        if session.project is None:
            return
        self.unresolved.load()  # both read by the background runner
        session.runner.read(operations.read_job("imports", session.project.path, lambda p: p.imports(),
                                                self._show_history))
        self._count_unresolved(self.unresolved.rows())
        row = self.files.currentRow()
        if 0 <= row < len(self.plans) and self.plans[row].file in self.previews:  # names in the new language
            self._show_preview(self.plans[row], self.previews[self.plans[row].file])

    # --- files -------------------------------------------------------------------------
    def add_dialog(self) -> None:
        from kcdesk.gui import dialogs

        self.add_files(dialogs.open_files(self, "exports", self.tr("Add exports"),
                                          self.tr("Exports (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml)")))

    def add_files(self, paths: list[Path]) -> None:
        known = {p.file for p in self.plans}
        for path in paths:
            if path.suffix.lower() in EXTENSIONS and path not in known:
                self.plans.append(operations.FilePlan(path))
                self.files.addItem(path.name)
        if self.files.currentRow() < 0 and self.plans:
            self.files.setCurrentRow(0)
        self._update_buttons()

    def remove_current(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.plans.pop(row)
            self.files.takeItem(row)
        self._update_buttons()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def _update_buttons(self) -> None:
        busy = self.session.runner.busy
        self.import_button.setEnabled(bool(self.plans) and not busy and self.session.project is not None)
        self.remove_button.setEnabled(self.files.currentRow() >= 0)

    # --- one file ------------------------------------------------------------------------
    def _file_chosen(self, row: int) -> None:
        self._update_buttons()
        if 0 <= row < len(self.plans):
            self._request_preview(self.plans[row])

    def _choices_changed(self, sheet: bool = False) -> None:
        row = self.files.currentRow()
        if row < 0:
            return
        plan = self.plans[row]
        plan.sheet = self.sheet.currentText() or None
        plan.header_row = None if sheet else self.header_row.value()
        plan.mapping = None
        self._request_preview(plan)

    def _overrides(self, plan: operations.FilePlan) -> dict[str, str] | None:
        if not plan.mapping:
            return None
        return {h: (f or "ignore") for h, f in plan.mapping.items() if not h.startswith("#")}

    def _request_preview(self, plan: operations.FilePlan) -> None:
        job = operations.preview_job(self.session.project.path, plan.file, plan.sheet, plan.header_row,
                                     self._overrides(plan), lambda preview: self._show_preview(plan, preview))
        self.session.start(job)

    def _show_preview(self, plan: operations.FilePlan, preview) -> None:
        plan.sheet, plan.header_row, plan.mapping = preview.sheet or None, preview.header_row, dict(preview.mapping)
        self.previews[plan.file] = preview
        self.sheet.clear()
        self.sheet.addItems(preview.sheets)
        self.sheet.setCurrentText(preview.sheet)
        self.header_row.setValue(int(preview.header_row))
        self.columns.setRowCount(len(preview.mapping))
        hints = {w.params.get("value"): w for w in getattr(preview, "warnings", [])
                 if w.code in ("column_looks_like", "column_by_values")}
        self.lookalikes = {}
        for row, (header, chosen) in enumerate(preview.mapping.items()):
            item = self.columns.item(row, 0)
            if item is None:
                from PySide6.QtWidgets import QTableWidgetItem

                item = QTableWidgetItem()
                self.columns.setItem(row, 0, item)
            item.setText(header)
            self._hint(item, hints.get(header), chosen)
            combo = QComboBox()
            combo.setToolTip(item.toolTip())
            combo.addItem(self.tr("(not used)"), None)
            for name in FIELDS:
                combo.addItem(field_name(name), name)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.activated.connect(lambda _, h=header, c=combo: self._field_chosen(plan, h, c.currentData()))
            self.columns.setCellWidget(row, 1, combo)
        frame = shown_preview(preview.preview.head(50))
        self.preview.set_frame(frame, [field_name(c) for c in frame.columns])
        self.file_unresolved.load()

    def _hint(self, item, hint, chosen: str | None) -> None:
        """An unused column whose values look like a field is highlighted, with the reason in its
        tooltip; a column chosen by its values says so."""
        item.setBackground(QBrush())
        item.setToolTip("")
        if hint is None:
            return
        name, share = field_name(str(hint.params.get("field"))), str(hint.params.get("count"))
        if hint.code == "column_looks_like" and not chosen:
            item.setBackground(QBrush(QColor(255, 224, 130)))
            item.setToolTip(self.tr("Not used, but %1 % of its values are values of the field “%2”. "
                                    "Choose that field if the column holds it.").replace("%1", share)
                            .replace("%2", name))
            self.lookalikes[item.text()] = str(hint.params.get("field"))
        elif hint.code == "column_by_values" and chosen == hint.params.get("field"):
            item.setToolTip(self.tr("Chosen by the column's values: %1 % of them are values of the "
                                    "field “%2”.").replace("%1", share).replace("%2", name))

    def _show_history(self, history: pd.DataFrame) -> None:
        columns = [c for c in ("file", "sheet", "imported_at", "rows_read", "rows_stored", "duplicates")
                   if c in history.columns]
        self.history.set_frame(history[columns], [self.tr("File"), self.tr("Sheet"), self.tr("Imported"),
                                                  self.tr("Rows read"), self.tr("Rows stored"),
                                                  self.tr("Duplicates")][:len(columns)])

    def _count_unresolved(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Values not recognised (%1)").replace("%1", str(count)))

    def _preview_unresolved(self) -> pd.DataFrame | None:
        row = self.files.currentRow()
        preview = self.previews.get(self.plans[row].file) if 0 <= row < len(self.plans) else None
        return None if preview is None else preview.unresolved

    def _file_value_fixed(self, _changed: int) -> None:
        """The meaning is remembered by the project; the preview is read again to show it applied."""
        row = self.files.currentRow()
        if 0 <= row < len(self.plans):
            self._request_preview(self.plans[row])
        self.unresolved.load()
        self.session.refresh()

    def _field_chosen(self, plan: operations.FilePlan, header: str, field: str | None) -> None:
        mapping = dict(plan.mapping or {})
        if field is not None:  # one column per field
            mapping = {h: (None if f == field else f) for h, f in mapping.items()}
        mapping[header] = field
        plan.mapping = mapping
        operations.save_preset(self.session.project, plan)
        self._request_preview(plan)

    # --- import --------------------------------------------------------------------------
    def start_import(self) -> bool:
        if not self.plans or self.session.project is None:
            return False
        for plan in self.plans:
            operations.save_preset(self.session.project, plan)
        job = operations.import_job(self.session.project.path, list(self.plans), self._imported)
        return self.session.start(job)

    def _imported(self, outcome: operations.ImportOutcome) -> None:
        """The message names what is now in the project; files not imported stay on the list."""
        if self.session.project is None:
            return
        remaining = [p for p in self.plans if p.file in outcome.not_imported]
        self.plans[:] = remaining
        self.files.clear()
        self.files.addItems([p.file.name for p in remaining])
        self.columns.setRowCount(0)
        text = import_message(outcome)  # () -> the sentence in the language shown
        kind = "info" if outcome.stopped is None else "warning" if isinstance(outcome.stopped, Cancelled) else "error"
        self.session.message.emit(text, kind)
        self.session.open(operations.open_project(self.session.project.path))

    def _import_ended(self, name: str, *_args) -> None:
        """After any import, finished or not, the imported files tab shows the project as it is."""
        if name == "import" and self.session.project is not None:
            self.load(self.session)


def import_message(outcome: operations.ImportOutcome):
    """() -> the sentence in the current language (the message bar follows a language switch)."""
    from kcdesk.gui import messages

    def text() -> str:
        stored = [f for f in outcome.files if not f.skipped_as_repeat]
        repeats = [f"{f.file} ({f.sheet})" if f.sheet else f.file for f in outcome.files if f.skipped_as_repeat]
        parts = []
        if outcome.stopped is not None:
            error = outcome.stopped
            parts.append(QCoreApplication.translate("ImportStep", "Import cancelled.") if isinstance(error, Cancelled)
                         else messages.translate(error) if isinstance(error, KcError) else messages.unexpected())
            kept = "; ".join(QCoreApplication.translate("ImportStep", "%1 (%2 requests)").replace("%1", f.file).replace("%2", format_number(f.rows_stored))
                             for f in stored)
            if kept:
                parts.append(QCoreApplication.translate("ImportStep", "Kept in the project: %1.").replace("%1", kept))
            parts.append(QCoreApplication.translate("ImportStep", "Not imported: %1 (still on the list; press Import to import them).")
                         .replace("%1", ", ".join(p.name for p in outcome.not_imported)))
        else:
            rows = sum(f.rows_stored for f in stored)
            duplicates = sum(f.duplicates for f in stored)
            parts.append(QCoreApplication.translate("ImportStep", "Imported %1 requests (%2 duplicates counted once).")
                         .replace("%1", format_number(rows)).replace("%2", format_number(duplicates)))
        if repeats:
            parts.append(QCoreApplication.translate("ImportStep", "Imported before, so not counted again: %1.").replace("%1", ", ".join(repeats)))
        return " ".join(parts)

    return text


if __name__ == "__main__":
    from kcdesk.gui.standalone import run_step

    raise SystemExit(run_step(ImportStep))
