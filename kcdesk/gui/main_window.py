"""The main window: start page or the step sidebar with stacked pages, menus, progress bar with Cancel."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk import __version__
from kcdesk.core.errors import KcError
from kcdesk.core.resources import resource
from kcdesk.core.store.lock import is_open_elsewhere
from kcdesk.gui import lang, messages, operations
from kcdesk.gui.formatting import quarter_text
from kcdesk.gui.session import Session
from kcdesk.gui.start_page import StartPage
from kcdesk.gui.steps import step_classes
from kcdesk.gui.steps.base import Step
from kcdesk.gui.widgets.message_bar import MessageBar

log = logging.getLogger("kcdesk.gui")
MAX_RECENT = 8


def data_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or Path.home() / ".kcdesk")


def recent_projects() -> list[str]:
    """The remembered projects, last opened first. QSettings gives a one-item list back as a plain string
    (INI files and the registry alike), which must not be read as a list of characters."""
    value = lang.settings().value("recent")
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(p) for p in value if p]


def log_dir() -> Path:
    """The support log's folder: the one the command line writes to as well."""
    from kcdesk.core.logs import log_folder

    return log_folder()


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session = session or Session(parent=self)
        self.runner = self.session.runner
        self.setMinimumSize(1000, 640)
        self.resize(1366, 768)

        self.start_page = StartPage()
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(230)
        self.sidebar.setWordWrap(True)  # Kazakh step titles are long
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setSpacing(3)
        self.pages = QStackedWidget()
        self.steps: list[Step] = [cls(self.session) for cls in step_classes()]
        for step in self.steps:
            self.pages.addWidget(step)
            self.sidebar.addItem("")
        self.sidebar.currentRowChanged.connect(self.go_to)

        self.quarter_label = QLabel()
        self.quarter_combo = QComboBox()
        self.quarter_combo.setMinimumWidth(180)
        self.quarter_combo.activated.connect(self._quarter_chosen)
        self.project_label = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.project_label, 1)
        header.addWidget(self.quarter_label)
        header.addWidget(self.quarter_combo)

        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next_button = QPushButton()
        self.next_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1))
        self.next_button.setDefault(True)
        navigation = QHBoxLayout()
        navigation.addStretch(1)
        navigation.addWidget(self.back_button)
        navigation.addWidget(self.next_button)

        work = QWidget()
        right = QVBoxLayout(work)
        right.setContentsMargins(6, 6, 6, 6)
        right.addLayout(header)
        right.addWidget(self.pages, 1)
        right.addLayout(navigation)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.sidebar)
        body.addWidget(work, 1)
        self.work_page = QWidget()
        self.work_page.setLayout(body)

        self.top = QStackedWidget()
        self.top.addWidget(self.start_page)
        self.top.addWidget(self.work_page)
        self.message_bar = MessageBar()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.message_bar)
        outer.addWidget(self.top, 1)
        self.setCentralWidget(central)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(300)
        self.stage_label = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self._job_name = ""
        self._job_files: list[str] = []
        for widget in (self.stage_label, self.progress, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()

        self._make_menus()
        self.start_page.new_requested.connect(self.new_project)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.recent_chosen.connect(lambda p: self.open_path(Path(p)))
        self.runner.started.connect(self._job_started)
        self.runner.progress.connect(self._job_progress)
        self.runner.failed_message.connect(self._job_failed)
        self.runner.idle.connect(self._job_idle)
        self.runner.idle.connect(self._update_marks)
        self.session.message.connect(self.message_bar.show_message)
        _relay_notices(self.session)
        self.session.region_chosen.connect(self._show_region_top10)
        self.session.project_changed.connect(self._project_changed)
        self.session.analysis_changed.connect(self._analysis_changed)
        self.retranslate()
        self._update_recent()

    # --- menus -------------------------------------------------------------------------
    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self.file_menu.addAction("", self.new_project)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = self.file_menu.addAction("", self.open_dialog)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.demo_action = self.file_menu.addAction("", self.open_demo)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.save_action = self.file_menu.addAction("", self.save_all)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.close_action = self.file_menu.addAction("", self.close_project)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        self.lang_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, name in (("kk", "Қазақша"), ("ru", "Русский")):  # each language in its own name
            action = self.lang_menu.addAction(name, lambda c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(lang.current() == code)
            group.addAction(action)
            self.lang_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.help_action = self.help_menu.addAction("", self.show_help)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.log_action = self.help_menu.addAction("", self.open_log_folder)
        self.about_action = self.help_menu.addAction("", self.show_about)

        self.go_menu = bar.addMenu("")  # Ctrl+1…6 jump to a step, as in a tabbed Office window
        self.step_actions: list[QAction] = []
        for row in range(len(self.steps)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.go_to(r))
            self.go_menu.addAction(action)
            self.step_actions.append(action)
        bar.insertMenu(self.help_menu.menuAction(), self.go_menu)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("kcdesk — requests to contact centres"))
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New project…"))
        self.open_action.setText(self.tr("&Open project…"))
        self.demo_action.setText(self.tr("Open the &demo project"))
        self.recent_menu.setTitle(self.tr("&Recent projects"))
        self.save_action.setText(self.tr("&Save"))
        self.close_action.setText(self.tr("&Close project"))
        self.quit_action.setText(self.tr("&Quit"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("How to use kcdesk"))
        self.go_menu.setTitle(self.tr("&Steps"))
        self.back_button.setText(self.tr("< Back"))
        self.next_button.setText(self.tr("Next >"))
        self.log_action.setText(self.tr("Open the &log folder"))
        self.about_action.setText(self.tr("&About kcdesk"))
        self.quarter_label.setText(self.tr("Quarter:"))
        self.cancel_button.setText(self.tr("Cancel"))
        for row, step in enumerate(self.steps):
            self.step_actions[row].setText(f"&{row + 1}. {step.title()}")
        self._update_marks()
        self._fill_quarters()
        self._update_project_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):  # not while half-built
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        lang.install(code)
        self.lang_actions[code].setChecked(True)

    # --- projects ----------------------------------------------------------------------
    def new_project(self) -> bool:
        """A new project never replaces an existing one: choosing its name offers to open it instead."""
        from kcdesk.gui import dialogs

        path = dialogs.save_file(self, "projects", self.tr("New project"), "project.kcdesk",
                                 self.tr("kcdesk projects (*.kcdesk)"), ".kcdesk", confirm=False)
        if path is None:
            return False
        if path.exists():
            answer = QMessageBox.question(
                self, self.tr("New project"),
                self.tr("%1 already exists and is kept as it is. Open it?").replace("%1", path.name),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open)
            return answer == QMessageBox.StandardButton.Open and self.open_path(path)
        return self.open_path(path, create=True)

    def open_dialog(self) -> bool:
        from kcdesk.gui import dialogs

        path = dialogs.open_file(self, "projects", self.tr("Open project"), self.tr("kcdesk projects (*.kcdesk)"))
        return path is not None and self.open_path(path)

    def open_demo(self) -> None:
        bundled = resource("demo", "demo.kcdesk")
        if bundled.is_file():
            self.open_path(operations.demo_copy(bundled, data_dir() / "demo"))
            return
        # A checkout without the bundled file: build it once into the data folder, in the background.
        target = data_dir() / "demo" / "demo.kcdesk"
        if target.exists():
            self.open_path(target)
            return
        from kcdesk.gui.runner import Job

        def work(progress):
            from kcdesk.core.demo import build_demo_project

            return build_demo_project(target, progress=progress)

        self.session.start(Job("demo", work, lambda path: self.open_path(Path(path))))

    def open_path(self, path: Path, create: bool = False) -> bool:
        try:
            project = operations.open_project(path, create=create)
        except KcError as error:
            self.message_bar.show_message(lambda e=error: messages.translate(e), "error")
            return False
        holder = is_open_elsewhere(path)
        if holder is not None:  # an advisory warning: SQLite's own locking keeps writes safe
            self.message_bar.show_message(lambda: self.tr(
                "This project is also open in another kcdesk (process %1 on %2, since %3). Changes made "
                "in both windows are all kept, but the other window will not show yours until it reloads.")
                .replace("%1", str(holder.pid)).replace("%2", holder.host).replace("%3", holder.since),
                "warning")
        self.session.open(project)
        self._remember(path)
        return True

    def close_project(self) -> None:
        self.save_all()
        self.session.close()
        self.session.project_changed.emit()

    def save_all(self) -> None:
        if self.session.project is None:
            return
        for step in self.steps:
            step.save(self.session)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def _remember(self, path: Path) -> None:
        recent = [p for p in recent_projects() if p != str(path.resolve())]
        lang.settings().setValue("recent", [str(path.resolve()), *recent][:MAX_RECENT])
        self._update_recent()

    def _update_recent(self) -> None:
        recent = [p for p in recent_projects() if Path(p).is_file()]
        self.start_page.set_recent(recent)
        self.recent_menu.clear()
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _project_changed(self) -> None:
        has = self.session.project is not None
        self.top.setCurrentWidget(self.work_page if has else self.start_page)
        self.save_action.setEnabled(has)
        self.close_action.setEnabled(has)
        self._fill_quarters()
        self._update_project_label()
        self._update_recent()
        for step in self.steps:
            step.seen = False
        if has:
            self.sidebar.setCurrentRow(0 if not self.session.quarters() else max(self.sidebar.currentRow(), 0))
            self.load_step(self.current_step())
            self.current_step().seen = True
        self._update_marks()

    def _update_project_label(self) -> None:
        project = self.session.project
        self.project_label.setText(self.tr("Project: %1").replace("%1", project.path.name) if project else "")

    def _fill_quarters(self) -> None:
        self.quarter_combo.clear()
        for quarter in self.session.quarters():
            self.quarter_combo.addItem(quarter_text(quarter), str(quarter))
        if self.session.quarter is not None:
            self.quarter_combo.setCurrentIndex(self.quarter_combo.findData(str(self.session.quarter)))
        self.quarter_combo.setEnabled(self.quarter_combo.count() > 0)

    def _quarter_chosen(self, index: int) -> None:
        from kcdesk.core.quarters import Quarter

        self.save_all()
        self.session.set_quarter(Quarter.parse(self.quarter_combo.itemData(index)))

    def _analysis_changed(self) -> None:
        if self.quarter_combo.count() != len(self.session.quarters()):
            self._fill_quarters()
        self.load_step(self.current_step())
        self._update_marks()

    # --- steps -------------------------------------------------------------------------
    def load_step(self, step: Step) -> None:
        """A step that fails to show its data says so in plain words; the traceback goes to the log."""
        try:
            step.load(self.session)
        except KcError as error:
            self.message_bar.show_message(lambda e=error: messages.translate(e), "error")
        except Exception:
            log.exception("step %s failed to load", type(step).__name__)
            self.message_bar.show_message(messages.unexpected, "error")

    def _update_marks(self) -> None:
        """A tick on each step that is done, like the pages of an installer; Back/Next follow the current step."""
        row = self.pages.currentIndex()
        for index, step in enumerate(self.steps):
            done = self.session.project is not None and self._step_done(step)
            self.sidebar.item(index).setText(f"{'✓ ' if done else ''}{index + 1}. {step.title()}")
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(0 <= row < len(self.steps) - 1)

    def _step_done(self, step: Step) -> bool:
        try:
            return step.done()
        except Exception:  # a mark is never worth an error message
            log.exception("step %s: done() failed", type(step).__name__)
            return False

    def current_step(self) -> Step:
        return self.steps[self.pages.currentIndex()]

    def _show_region_top10(self, code: str) -> None:
        """A click on the map's unit opens stage 2 on that region's top 10."""
        from kcdesk.gui.steps.stage2 import Stage2Step

        for row, step in enumerate(self.steps):
            if isinstance(step, Stage2Step):
                self.go_to(row)

    def go_to(self, row: int) -> None:
        if row < 0 or row >= len(self.steps) or row == self.pages.currentIndex() \
                and self.pages.currentWidget().isVisible():
            return
        self.current_step().save(self.session)
        self.pages.setCurrentIndex(row)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        if self.session.project is not None:
            self.load_step(self.steps[row])
            self.steps[row].seen = True
        self._update_marks()

    # --- jobs --------------------------------------------------------------------------
    def job_text(self, name: str) -> str:
        return {"import": self.tr("Importing…"), "analyse": self.tr("Analysing…"),
                "preview": self.tr("Reading the file…"), "report": self.tr("Writing the справка…"),
                "demo": self.tr("Preparing the demo project…")}.get(name, self.tr("Working…"))

    def _job_started(self, name: str) -> None:
        self._job_name = name
        self._job_files = [p.file.name for p in getattr(self.steps[0], "plans", [])] if name == "import" else []
        self.progress.setRange(0, 0)
        self.stage_label.setText(self.job_text(name))
        for widget in (self.stage_label, self.progress, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)

    def _job_progress(self, done: int, total: int, stage: str) -> None:
        if 0 < total and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:  # the count is reached but the job goes on (indexes, commit, the next part): never a full bar
            self.progress.setRange(0, 0)
        if self._job_name == "import" and stage:
            self.stage_label.setText(self.import_stage_text(stage))

    def import_stage_text(self, stage: str) -> str:
        """"2 of 4: social_2026_Q3.csv, reading" — the importer reports the file it is on, or "index"."""
        if stage == "index":
            return self.tr("Import: building the indexes…")
        name = Path(stage).name
        files = self._job_files
        if name in files:
            return (self.tr("%1 of %2: %3, reading and storing").replace("%1", str(files.index(name) + 1))
                    .replace("%2", str(len(files))).replace("%3", name))
        return self.tr("Importing %1…").replace("%1", name)

    def _job_failed(self, name: str, text, cancelled: bool) -> None:
        self.message_bar.show_message(text, "warning" if cancelled else "error")

    def _job_idle(self) -> None:
        for widget in (self.stage_label, self.progress, self.cancel_button):
            widget.hide()

    # --- help --------------------------------------------------------------------------
    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("Help"), self.tr(
            "1. Import: add the contact centre's exports, check the columns and fix values that were not "
            "recognised.\n2. Stage 1: totals, regions and topics against the previous quarter and a year ago; "
            "write the reasons for topics over +30 %.\n3. Stage 2: the top 10 questions.\n4. Stage 3: the social "
            "portrait.\n5. Content analysis: topic suggestions, question groups, the FAQ.\n6. Справка: edit the "
            "text, fill in the signatory and save the справка.\n\n"
            "Everything you type is saved in the project file as you go."))

    def open_log_folder(self) -> None:
        log_dir().mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About kcdesk"), self.tr(
            "kcdesk %1\n\nQuarterly analysis of citizens' requests to contact centres under the Methodology "
            "(order No. 114-НҚ, 2024). Works offline; your data never leaves this computer.\n\n"
            "Map: geokz, Alexander Rodionov, CC BY 4.0.").replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.running == "import" and not self.confirm_stop_import():
            event.ignore()
            return
        if self.session.project is not None:
            self.save_all()
        self.runner.shut_down()  # cancels, waits, and drops results still on their way to a closed project
        self.session.close()
        super().closeEvent(event)

    def confirm_stop_import(self) -> bool:
        """Closing during an import asks first; Yes cancels it (the file being read is not kept)."""
        answer = QMessageBox.question(
            self, self.tr("An import is running"),
            self.tr("An import is still running. Stop it and close kcdesk?\n\nThe file being imported now is not "
                    "kept; files already finished stay in the project and are listed on the Import step."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def _relay_notices(session: Session) -> None:
    """What the core tells the officer while opening a project (a stray journal moved aside) reaches the
    message bar; the session's signal carries it across from a worker thread."""
    import weakref

    from kcdesk.core.store.opening import on_notice

    ref = weakref.ref(session)

    def relay(notice: KcError) -> None:
        target = ref()
        if target is not None:
            try:
                target.message.emit(lambda: messages.translate(notice), "warning")
            except RuntimeError:  # the window is gone
                pass

    on_notice(relay)
