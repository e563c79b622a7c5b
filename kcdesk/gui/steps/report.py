"""Step 5 — the справка: the drafted text editable per paragraph (saved as typed), details, and saving the files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.errors import KcError
from kcdesk.core.usecases.report import report_text
from kcdesk.gui import lang, messages, operations
from kcdesk.gui.session import Session
from kcdesk.gui.steps.base import Step
from kcdesk.gui.steps.report_details import ReportDetails
from kcdesk.gui.steps.report_ready import ReadinessPanel

SAVE_DELAY_MS = 600


class ParagraphEdit(QPlainTextEdit):
    """A paragraph that grows with its text, so the page scrolls instead of each box."""

    def __init__(self, key: str, text: str, drafted: str) -> None:
        super().__init__(text)
        self.key, self.drafted = key, drafted
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        width = max(200, self.viewport().width() - 8)
        box = self.fontMetrics().boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap,
                                              self.toPlainText() or " ")
        self.setFixedHeight(max(2 * self.fontMetrics().lineSpacing(), box.height()) + 16)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class ReportStep(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.lang_label = QLabel()
        self.report_lang = QComboBox()
        self.report_lang.addItem("Қазақша", "kk")
        self.report_lang.addItem("Русский", "ru")
        self.report_lang.activated.connect(self._lang_chosen)
        self.docx_button, self.xlsx_button = QPushButton(), QPushButton()
        self.pdf_button, self.plans_button = QPushButton(), QPushButton()
        self.docx_button.clicked.connect(lambda: self._save_dialog("docx"))
        self.xlsx_button.clicked.connect(lambda: self._save_dialog("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._save_dialog("pdf"))
        self.plans_button.clicked.connect(lambda: self._save_dialog("workplans"))
        self.template: Path | None = None  # None: the shipped template of the language
        self.template_button = QPushButton()
        self.template_button.clicked.connect(self._template_dialog)
        top = QHBoxLayout()
        top.addWidget(self.lang_label)
        top.addWidget(self.report_lang)
        top.addStretch(1)
        top.addWidget(self.template_button)
        for button in (self.docx_button, self.xlsx_button, self.pdf_button, self.plans_button):
            top.addWidget(button)
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(QWidget())
        self.details = ReportDetails(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scroll, "")
        self.tabs.addTab(self.details, "")
        self.ready = ReadinessPanel(session, self.lang)
        self.ready.go.connect(self._go)
        self.ready.shown.connect(self._checklist_shown)
        self.tabs.addTab(self.ready, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.edits: list[ParagraphEdit] = []
        self._dirty: set[ParagraphEdit] = set()
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_texts)
        self.written: list[Path] = []
        self.retranslate()

    def title(self) -> str:
        return self.tr("The справка")

    def done(self) -> bool:
        """Written in this session, or already further on than a draft."""
        project, quarter = self.session.project, self.session.quarter
        if project is None or quarter is None:
            return False
        return bool(self.written) or project.report_state(quarter)["state"] != "draft"

    def retranslate(self) -> None:
        self.lang_label.setText(self.tr("Language of the справка:"))
        self.docx_button.setText(self.tr("Save .docx…"))
        self.xlsx_button.setText(self.tr("Save .xlsx…"))
        self.pdf_button.setText(self.tr("Save PDF…"))
        self.plans_button.setText(self.tr("Save work plans…"))
        self.template_button.setText(self.tr("Template: %1").replace(
            "%1", self.template.name if self.template else self.tr("standard")))
        self.note.setText(self.tr("The text is drafted from the analysis. Edit any paragraph: your text is saved in "
                                  "the project as you type and replaces the draft; clear a paragraph to get the "
                                  "draft back."))
        self.tabs.setTabText(0, self.tr("Text"))
        self.tabs.setTabText(1, self.tr("Details, state and deadlines"))
        count = len(self.ready.open_items)
        self.tabs.setTabText(2, self.tr("Before signing (%1)").replace("%1", str(count)) if count
                             else self.tr("Before signing"))
        self.details.retranslate()
        self.ready.retranslate()

    def _go(self, place: str) -> None:
        """A checklist item's button: the details tab, the text, or another step of the window."""
        if place in ("settings", "report"):
            self.tabs.setCurrentIndex(1 if place == "settings" else 0)
            return
        window = self.window()
        wanted = {"stage1": "Stage1Step", "import": "ImportStep"}[place]
        for row, step in enumerate(getattr(window, "steps", [])):
            if type(step).__name__ == wanted:
                window.go_to(row)  # type: ignore[attr-defined]

    def lang(self) -> str:
        return self.report_lang.currentData()

    def load(self, session: Session) -> None:
        if session.project is None:
            return
        # Settings and texts (get_setting/get_text) are read here on the UI thread on purpose: one row of a
        # small key/value table by its primary key, bounded and sub-millisecond, needed before drawing.
        if self.report_lang.property("initialised") is None:  # first load: the справка in the UI language
            self.report_lang.setCurrentIndex(self.report_lang.findData(session.project.get_setting(
                "report_lang", lang.current())))
            self.report_lang.setProperty("initialised", True)
        self.details.load()
        if session.analysis is None or session.quarter is None:
            return
        self._save_texts()
        self._fill_text(session)
        self.ready.load()
        self._mark_other_language()
        self.retranslate()

    def _checklist_shown(self) -> None:
        """The checklist arrived from the background read: its count and the paragraphs it names."""
        self._mark_other_language()
        self.retranslate()

    def other_language_paragraphs(self) -> list[ParagraphEdit]:
        """The paragraphs whose text the officer has written only in the other language so far (the
        checklist's item): the draft in this language is shown in them, marked."""
        other = next((i.values for i in self.ready.open_items if i.code == "text_other_language"), [])
        keys = {v[len("para:"):] for v in other if v.startswith("para:")}
        blocks = {v for v in other if v in ("conclusions", "proposals", "publish")}
        return [e for e in self.edits if e.key in keys or e.key.split(":", 1)[0] in blocks]

    def _mark_other_language(self) -> None:
        for edit in self.other_language_paragraphs():
            edit.setStyleSheet("QPlainTextEdit { background: #fff3cd; }")
            edit.setToolTip(self.tr("You wrote this paragraph in the other language only: the draft in the "
                                    "language of the справка is shown; write yours here."))

    def _fill_text(self, session: Session) -> None:
        page = QWidget()  # a new page each time: setWidget deletes the old one and its editors
        self.text_layout = QVBoxLayout(page)
        self.edits.clear()
        sections, drafted = report_text(session.project, session.quarter, session.analysis,
                                        self.lang())
        for section in sections:
            heading = QLabel(section.title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setWordWrap(True)
            self.text_layout.addWidget(heading)
            for paragraph in section.paragraphs:
                edit = ParagraphEdit(paragraph.key, paragraph.text, drafted.get(paragraph.key, ""))
                edit.textChanged.connect(lambda e=edit: self._typed(e))
                self.edits.append(edit)
                self.text_layout.addWidget(edit)
        self.text_layout.addStretch(1)
        position = self.scroll.verticalScrollBar().value()
        self.scroll.setWidget(page)
        self.scroll.verticalScrollBar().setValue(position)

    def _lang_chosen(self, _index: int) -> None:
        self._save_texts()
        operations.set_setting(self.session.project, "report_lang", self.lang())
        self.load(self.session)

    def _typed(self, edit: ParagraphEdit) -> None:
        self._dirty.add(edit)
        self._timer.start()

    def _save_texts(self) -> None:
        """Per-language keys, as the справка reads them: the officer's text wins over the draft."""
        self._timer.stop()
        if self.session.project is None or self.session.quarter is None:
            self._dirty.clear()
            return
        for edit in list(self._dirty):
            text = edit.toPlainText().strip()
            value = None if not text or text == edit.drafted.strip() else text
            try:
                operations.set_text(self.session.project, self.session.quarter, f"para:{edit.key}@{self.lang()}",
                                    value)
            except KcError as error:  # e.g. a paragraph of more than 20,000 characters: said, not stored
                self.session.message.emit(lambda e=error: messages.translate(e), "error")
        self._dirty.clear()

    def save(self, session: Session) -> None:
        self._save_texts()
        self.details.save()

    def validate(self) -> list[str]:
        """The справка can be written without them, but it would go out unsigned."""
        project = self.session.project
        if project is None:
            return []
        missing = [key for key in ("signatory", f"signatory_position_{self.lang()}", f"body_name_{self.lang()}")
                   if not str(project.get_setting(key, "") or "").strip()]
        return [self._unsigned()] if missing else []

    def _unsigned(self) -> str:
        return self.tr("Fill in the signatory and the body on the \"Details\" tab before sending the справка.")

    # --- files ---------------------------------------------------------------------------
    def _template_dialog(self) -> None:
        """The officer's own letterhead: checked at once by the core's sandbox rules; a refused one is
        not kept (the shipped template stays in use)."""
        from kcdesk.gui import dialogs

        name = dialogs.open_file(self, "templates", self.tr("Template of the справка"),
                                 self.tr("Word documents (*.docx)"))
        if name is None:
            return
        try:
            self.template = operations.check_template(name)
        except KcError as error:
            self.template = None
            self.session.message.emit(lambda e=error: messages.translate(e), "error")
        self.retranslate()

    def _allowed(self, path: Path, folder: bool = False) -> bool:
        """The core's output guard, right after the dialog: never the project, an export, a link, a device."""
        try:
            operations.check_output(self.session.project, path, folder)
        except KcError as error:
            self.session.message.emit(lambda e=error: messages.translate(e), "error")
            return False
        return True

    def _save_dialog(self, kind: str) -> bool:
        """Starts in the folder the last справка went to; a file is never replaced without the usual question."""
        from kcdesk.gui import dialogs

        if kind == "workplans":
            folder = dialogs.choose_folder(self, "reports", self.tr("Folder for the work plans"))
            prefix = "жоспар" if self.lang() == "kk" else "план"
            if folder is None or not self._allowed(folder, folder=True) \
                    or not dialogs.confirm_replace_all(self, sorted(folder.glob(f"{prefix}_*.docx"))):
                return False
            return self.save_report(workplans=folder)
        filters = {"docx": self.tr("Word documents (*.docx)"), "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                   "pdf": self.tr("PDF files (*.pdf)")}
        path = dialogs.save_file(self, "reports", self.tr("Save the справка"),
                                 f"spravka_{self.session.quarter}_{self.lang()}.{kind}", filters[kind], f".{kind}")
        return path is not None and self._allowed(path) and self.save_report(**{kind: path})

    def save_report(self, docx: Path | None = None, xlsx: Path | None = None, pdf: Path | None = None,
                    workplans: Path | None = None) -> bool:
        """Charts are drawn here (UI thread), the files are written in the background."""
        session = self.session
        if session.analysis is None or session.project is None:
            return False
        self.save(session)
        if self.validate():
            session.message.emit(self._unsigned, "warning")
        request = operations.ReportRequest(session.quarter, self.lang(), docx, xlsx, pdf, workplans, self.template)
        folder, charts = operations.render_charts(session.analysis, self.lang()) if (docx or pdf) else (None, {})
        job = operations.report_job(session.project.path, request, session.analysis, charts, folder, self._written)
        return session.start(job)

    def _written(self, paths: list[Path]) -> None:
        self.written = list(paths)
        names = ", ".join(p.name for p in paths)
        self.session.message.emit(lambda: self.tr("Saved: %1").replace("%1", names), "info")


if __name__ == "__main__":
    from kcdesk.gui.standalone import run_step

    raise SystemExit(run_step(ReportStep))
