"""Issue 14: what makes an officer trust the app (cancel, closing, recent projects, dialogs, progress, steps)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from kcdesk.core.store.project import Project
from kcdesk.gui import lang, operations
from kcdesk.gui.runner import FlagProgress
from tests.helpers import db

REPORT = 5


def _export(path: Path, n: int, prefix: str, title_row: bool = False) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if title_row:  # a title above the header, as many exports have: another header row, another import call
            writer.writerow(["Выгрузка запросов за квартал", "", "", ""])
        writer.writerow(["№ обращения", "Дата регистрации", "Регион", "Тема обращения"])
        for i in range(n):
            writer.writerow([f"{prefix}-{i}", f"2026-09-{1 + i % 28:02d}", "ВКО", "Экология"])
    return path


def _count(path: Path, prefix: str) -> int:
    with Project.open(path) as project:
        return int(db.value(project, "SELECT COUNT(*) FROM requests WHERE request_id LIKE ?", (f"{prefix}-%",)))


# --- 3. cancel tells the truth ------------------------------------------------------------------
def test_a_cancel_after_the_first_file_names_what_was_kept(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    step = window.steps[0]
    window.go_to(0)
    first = _export(tmp_path / "first.csv", 30, "FIRST")
    second = _export(tmp_path / "second.csv", 20, "SECOND", title_row=True)
    step.plans = [operations.FilePlan(first, header_row=1), operations.FilePlan(second, header_row=2)]
    step.files.addItems(["first.csv", "second.csv"])
    original = FlagProgress.report

    def report(self, done, total, stage=""):  # the officer presses Cancel while first.csv is being stored
        original(self, done, total, stage)
        if Path(stage).name == "first.csv":
            self.cancel()

    monkeypatch.setattr(FlagProgress, "report", report)
    with qtbot.waitSignal(window.session.analysis_changed, timeout=60000):
        assert step.start_import()
    path = window.session.project.path
    assert _count(path, "FIRST") == 30 and _count(path, "SECOND") == 0
    text = window.message_bar.label.text()
    assert "first.csv" in text and "30" in text and "second.csv" in text
    assert "ничего не изменено" not in text
    assert window.message_bar.kind == "warning"
    assert [p.file for p in step.plans] == [second]  # still on the list, to import again
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)  # the files tab is read in the background
    shown = [step.history.model_.raw(r, 0) for r in range(step.history.model_.rowCount())]
    assert "first.csv" in shown and "second.csv" not in shown


def test_a_repeat_import_says_it_was_skipped(window, qtbot, tmp_path: Path) -> None:
    step = window.steps[0]
    window.go_to(0)
    path = _export(tmp_path / "again.csv", 10, "AGAIN")
    for _ in range(2):
        step.plans = [operations.FilePlan(path)]
        with qtbot.waitSignal(window.session.analysis_changed, timeout=60000):
            assert step.start_import()
    assert "again.csv" in window.message_bar.label.text()
    assert _count(window.session.project.path, "AGAIN") == 10


# --- 4. closing the window during an import ------------------------------------------------------
@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_closing_during_an_import_asks_then_cancels_cleanly(window, qtbot, tmp_path: Path, monkeypatch,
                                                            caplog, answer) -> None:
    step = window.steps[0]
    path = _export(tmp_path / "big.csv", 60000, "BIG")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or answer)
    step.plans = [operations.FilePlan(path)]
    project = window.session.project.path
    assert step.start_import()
    closed = window.close()
    assert asked, "closing during an import must ask first"
    if answer == QMessageBox.StandardButton.No:
        assert not closed and window.isVisible()
        with qtbot.waitSignal(window.session.analysis_changed, timeout=120000):
            pass  # the import goes on and finishes
        assert _count(project, "BIG") == 60000
        return
    assert closed and not window.isVisible()
    qtbot.wait(200)  # results still queued for the closed window are dropped, not applied
    assert _count(project, "BIG") == 0
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


# --- 5. the project is remembered ----------------------------------------------------------------
def test_a_single_recent_project_survives_a_restart(qtbot, demo_project: Path, tmp_path: Path, monkeypatch) -> None:
    from kcdesk.gui.main_window import MainWindow

    ini = str(tmp_path / "real-settings.ini")
    monkeypatch.setattr(lang, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    first = MainWindow()
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.session.analysis_changed, timeout=30000):
        assert first.open_path(demo_project)
    first.close()
    del first
    assert Path(ini).is_file()
    again = MainWindow()  # the restart: a new window reading the same file
    qtbot.addWidget(again)
    again.show()
    assert again.top.currentWidget() is again.start_page
    assert again.start_page.recent.count() == 1
    assert again.start_page.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(demo_project.resolve())
    assert again.start_page.recent.currentRow() == 0
    assert again.recent_menu.isEnabled() and len(again.recent_menu.actions()) == 1


def test_the_last_project_comes_first(qtbot, demo_project: Path, tmp_path: Path) -> None:
    from kcdesk.gui.main_window import MainWindow

    other = tmp_path / "other.kcdesk"
    other.write_bytes(demo_project.read_bytes())
    win = MainWindow()
    qtbot.addWidget(win)
    for path in (demo_project, other):
        with qtbot.waitSignal(win.session.analysis_changed, timeout=30000):
            assert win.open_path(path)
    win.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.start_page.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(other.resolve())
    assert again.start_page.recent.count() == 2


# --- 8. Qt's own dialogs in Russian ---------------------------------------------------------------
@pytest.mark.parametrize("code", ["ru", "kk"])
def test_qt_file_dialog_labels_are_translated(qapp, code: str) -> None:
    lang.install(code, remember=False)
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) >= 3
    for english in ("Look in", "Files of", "File name", "type:"):
        assert not [text for text in labels if english in text.replace("&", "")], labels
    dialog.deleteLater()


# --- 9. file dialogs ------------------------------------------------------------------------------
def test_dialogs_remember_the_folder_per_kind_and_list_ods(window, tmp_path: Path, monkeypatch) -> None:
    exports, reports = tmp_path / "exports", tmp_path / "reports"
    exports.mkdir()
    reports.mkdir()
    seen: list[tuple[str, str]] = []

    def open_names(parent, title, folder, filters):
        seen.append((folder, filters))
        return [str(exports / "a.ods")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    step = window.steps[0]
    monkeypatch.setattr(step, "add_files", lambda paths: None)
    step.add_dialog()
    step.add_dialog()
    assert "*.ods" in seen[0][1]
    assert Path(seen[1][0]) == exports  # the second time it starts where the first export was
    saved: list[str] = []

    def save_name(parent, title, start, filters, *rest):
        saved.append(start)
        return str(reports / "spravka"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    report = window.steps[REPORT]
    monkeypatch.setattr(report, "save_report", lambda **kw: True)
    report.docx_button.click()
    assert Path(saved[0]).parent != exports  # справки have their own folder
    report.docx_button.click()
    assert Path(saved[1]).parent == reports


def test_a_save_never_replaces_a_file_silently(window, tmp_path: Path, monkeypatch) -> None:
    existing = tmp_path / "spravka.docx"
    existing.write_bytes(b"the officer's own file")
    # The dialog confirmed the name as typed ("spravka"); the app adds ".docx", which exists.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "spravka"), ""))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    report = window.steps[REPORT]
    written: list[dict] = []
    monkeypatch.setattr(report, "save_report", lambda **kw: written.append(kw) or True)
    report.docx_button.click()
    assert asked and "spravka.docx" in asked[0]
    assert not written and existing.read_bytes() == b"the officer's own file"


def test_new_project_over_an_existing_one_does_not_replace_it(window, tmp_path: Path, monkeypatch,
                                                              demo_project: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(demo_project), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    size = demo_project.stat().st_size
    assert not window.new_project()
    assert demo_project.stat().st_size == size


def test_save_pdf_writes_no_docx_beside_it(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from kcdesk.core.report import pdf

    monkeypatch.setattr(pdf, "to_pdf", lambda docx, out: Path(out).write_bytes(b"%PDF-1.4") and Path(out))
    window.go_to(REPORT)
    report = window.steps[REPORT]
    out = tmp_path / "spravka.pdf"
    with qtbot.waitSignal(window.runner.succeeded, timeout=60000):
        assert report.save_report(pdf=out)
    assert out.is_file()
    assert sorted(p.name for p in tmp_path.glob("spravka*")) == ["spravka.pdf"]
    assert report.written == [out]


# --- 10. progress per file, never 100 % while work remains ---------------------------------------
def test_progress_names_the_file_and_never_shows_full_while_running(window) -> None:
    step = window.steps[0]
    step.plans = [operations.FilePlan(Path(f"/x/{n}")) for n in ("a.csv", "social_2026_Q3.csv", "c.csv", "d.csv")]
    window.runner.started.emit("import")  # what the runner says while an import runs
    window.runner.progress.emit(10, 40, "/x/social_2026_Q3.csv")
    label = window.stage_label.text()
    assert label.startswith("2 из 4: social_2026_Q3.csv"), label
    assert window.progress.value() == 10
    window.runner.progress.emit(40, 40, "d.csv")
    assert window.progress.maximum() == 0  # busy, not a full bar, while the job goes on
    window.runner.progress.emit(40, 40, "index")
    assert window.progress.maximum() == 0 and "индекс" in window.stage_label.text()
    window.runner.idle.emit()
    step.plans = []


# --- 11. Next/Back, ticks, Ctrl+1…6 ---------------------------------------------------------------
def test_next_back_ticks_and_shortcuts(window, qtbot) -> None:
    window.go_to(0)
    assert not window.back_button.isEnabled() and window.next_button.isEnabled()
    assert window.sidebar.item(0).text().startswith("✓")  # the demo has its imports
    assert not window.sidebar.item(2).text().startswith("✓")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 2
    assert window.sidebar.item(1).text().startswith("✓")  # stage 1 was looked at
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    for row in range(6):
        action = window.step_actions[row]
        assert action.shortcut().toString() == f"Ctrl+{row + 1}"
        action.trigger()
        assert window.pages.currentIndex() == row
    assert not window.next_button.isEnabled()


def test_side_by_side_fills_its_width_without_cut_cells(window, qtbot) -> None:
    from kcdesk.gui.steps.stage2 import SIDE_BY_SIDE

    window.go_to(2)
    stage2 = window.steps[2]
    stage2.scope.setCurrentIndex(stage2.scope.findData(SIDE_BY_SIDE))
    stage2.load(window.session)
    qtbot.wait(50)
    view = stage2.table
    assert not stage2.chart.isVisible()  # no chart beside it: the table has the whole width
    assert view.width() > window.pages.width() * 0.9
    assert view.model().columnCount() > 5
    for row in range(view.model().rowCount()):  # wrapped onto more lines, never cut
        assert view.rowHeight(row) >= view.sizeHintForRow(row) - 1, row
    stage2.scope.setCurrentIndex(0)
    stage2.load(window.session)
    assert not stage2.chart.isHidden()


# --- 13. approval states need their fields --------------------------------------------------------
def test_approved_without_a_signatory_is_refused_with_the_reason(window) -> None:
    window.go_to(REPORT)
    details = window.steps[REPORT].details
    project, quarter = window.session.project, window.session.quarter
    project.set_setting("signatory", None)
    details.load()
    details.state.setCurrentIndex(details.state.findData("approved"))
    assert not details.set_state()
    assert project.report_state(quarter)["state"] != "approved"
    assert not window.message_bar.isHidden()
    assert "Подписант" in window.message_bar.label.text()
    details.fields["signatory"].clear()
    QTest.keyClicks(details.fields["signatory"], "A. B. Ivanov")  # typed (textEdited), as by the officer
    details.state.setCurrentIndex(details.state.findData("approved"))
    assert details.set_state()
    assert project.report_state(quarter)["state"] == "approved"


# --- 7. the message bar switches language with the rest --------------------------------------------
def test_the_message_bar_follows_the_language(window, qtbot, tmp_path: Path) -> None:
    assert not window.open_path(tmp_path / "none.kcdesk")
    russian = window.message_bar.label.text()
    window.set_language("kk")
    qtbot.waitUntil(lambda: window.message_bar.label.text() != russian, timeout=5000)
    assert "none.kcdesk" in window.message_bar.label.text()
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.message_bar.label.text() == russian, timeout=5000)



def _refused_state(window, qtbot) -> None:
    window.go_to(REPORT)
    details = window.steps[REPORT].details
    window.session.project.set_setting("signatory", None)
    details.load()
    details.state.setCurrentIndex(details.state.findData("approved"))
    assert not details.set_state()


def _value_fixed(window, qtbot) -> None:
    window.go_to(0)
    table = window.steps[0].unresolved
    row = next(i for i, (field, _) in enumerate(table.values) if field == "region")
    table.choose(row, "astana")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        assert table.apply(row) > 0


def _saved(window, qtbot) -> None:
    report = window.steps[REPORT]
    window.go_to(REPORT)
    with qtbot.waitSignal(window.runner.succeeded, timeout=60000):
        assert report.save_report(xlsx=window.session.project.path.with_name("appendix.xlsx"))


@pytest.mark.parametrize("make", [_refused_state, _value_fixed, _saved])
def test_the_steps_messages_follow_the_language(window, qtbot, make) -> None:
    """The sentences steps put on the message bar are worded again when the language is switched."""
    make(window, qtbot)
    assert not window.message_bar.isHidden()
    russian = window.message_bar.label.text()
    window.set_language("kk")
    qtbot.waitUntil(lambda: window.message_bar.label.text() != russian, timeout=5000)
    kazakh = window.message_bar.label.text()
    assert any(letter in kazakh for letter in "әіңғүұқөһ"), kazakh
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.message_bar.label.text() == russian, timeout=5000)

# --- 12. the content step disables what cannot run -----------------------------------------------
def test_accept_all_above_is_disabled_when_nothing_is_above(window, qtbot) -> None:
    window.go_to(4)
    content = window.steps[4]
    assert content.state is not None and content.state.result is not None
    content.confidence.setValue(0.0)
    if content.above_threshold():
        assert content.accept_above.isEnabled()
    content.confidence.setValue(1.0)
    top = max((float(s["confidence"]) for s in content.state.result.get("suggestions") or []), default=0.0)
    if top < 1.0:
        assert content.above_threshold() == 0
        assert not content.accept_above.isEnabled()


def test_no_question_column_is_said_and_nothing_can_run(qtbot, tmp_path: Path) -> None:
    from kcdesk.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.session.analysis_changed, timeout=10000):
        assert win.open_path(tmp_path / "new.kcdesk", create=True)
    step = win.steps[0]
    step.plans = [operations.FilePlan(_export(tmp_path / "no_text.csv", 12, "NT"))]
    with qtbot.waitSignal(win.session.analysis_changed, timeout=60000):
        assert step.start_import()
    win.go_to(4)
    content = win.steps[4]
    assert "Вопрос" in content.heading.text() or "вопрос" in content.heading.text()
    assert not content.run_button.isEnabled()
    assert not content.accept_above.isEnabled()


# --- 7. one word for one thing ----------------------------------------------------------------------
def test_the_methodology_word_for_a_request_everywhere() -> None:
    import re

    from kcdesk.charts.map_bins import LABELS

    root = Path(__file__).resolve().parents[2]
    ru = (root / "i18n" / "kcdesk_ru.ts").read_text(encoding="utf-8")
    kk = (root / "i18n" / "kcdesk_kk.ts").read_text(encoding="utf-8")
    ru_texts = re.findall(r"<translation>([^<]*)</translation>", ru)
    kk_texts = re.findall(r"<translation>([^<]*)</translation>", kk)
    assert not [t for t in ru_texts if re.search(r"[Оо]бращени", t)]
    # "өтініш беруші" is the applicant; a request is "сұрау салу".
    assert not [t for t in kk_texts if re.search(r"[Өө]тініш(?! беруші)", t)]
    assert not [v for v in LABELS["kk"].values() if re.search(r"[Өө]тініш(?! беруші)", v)]
    assert not [v for v in LABELS["ru"].values() if re.search(r"[Оо]бращени", v)]


def test_help_and_the_spravka_step_have_different_names(window) -> None:
    for code in ("ru", "kk"):
        window.set_language(code)
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()
        help_title = window.help_menu.title().replace("&", "")
        step_title = window.steps[REPORT].title()
        assert help_title != step_title and window.help_action.text().replace("&", "") != step_title
    window.set_language("ru")


def test_state_dates_use_the_tables_format(window) -> None:
    window.go_to(REPORT)
    assert window.steps[REPORT].details.state_date.displayFormat() == "dd.MM.yyyy"


# --- 6. the topic catalogue in the app ----------------------------------------------------------------
def test_topic_catalogue_renames_translates_merges_and_undoes(window, qtbot) -> None:
    window.go_to(1)
    stage1 = window.steps[1]
    assert stage1.catalogue_button.isVisible()
    dialog = stage1.open_catalogue(modal=False)
    qtbot.addWidget(dialog)
    catalogue = window.session.project.catalogue
    before = catalogue.topics().set_index("id")
    first, second = (int(i) for i in before.index[:2])
    assert dialog.choose(str(before.loc[first, "name"]))
    assert dialog.chosen_ids() == [first]
    dialog.name_kk.setText("Сынақ тақырыбы")
    dialog.name_ru.setText("Тестовая тема")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        assert dialog.rename()
    after = catalogue.topics().set_index("id")
    assert after.loc[first, "name_kk"] == "Сынақ тақырыбы" and after.loc[first, "name_ru"] == "Тестовая тема"
    # Merge the second topic into the first, then undo it, then undo the rename.
    dialog.table.selectAll()
    dialog.table.clearSelection()
    assert dialog.choose(str(before.loc[second, "name"]))
    dialog.target.setCurrentIndex(dialog.target.findData(first))
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        assert dialog.merge()
    merged = catalogue.topics().set_index("id")
    assert second not in merged.index
    assert merged.loc[first, "requests"] == before.loc[first, "requests"] + before.loc[second, "requests"]
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        assert dialog.undo()
    undone = catalogue.topics().set_index("id")
    assert undone.loc[second, "requests"] == before.loc[second, "requests"]
    assert undone.loc[first, "requests"] == before.loc[first, "requests"]
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        assert dialog.undo()
    assert pd_isna(catalogue.topics().set_index("id").loc[first, "name_kk"]) or \
        catalogue.topics().set_index("id").loc[first, "name_kk"] == before.loc[first, "name_kk"]
    assert not dialog.undo_button.isEnabled()


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_an_unresolved_value_can_be_marked_not_stated_or_abroad(window, qtbot, tmp_path: Path) -> None:
    window.go_to(0)
    table = window.steps[0].unresolved
    regions = [i for i, (field, _) in enumerate(table.values) if field == "region"]
    assert regions
    count = table.rows()
    value = table.values[regions[0]][1]
    table.choose(regions[0], "abroad")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        assert table.apply(regions[0]) > 0
    assert table.rows() == count - 1 and value not in [v for _, v in table.values]
    # A later export with the same spelling is not "not recognised" again.
    path = tmp_path / "again.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["№ обращения", "Дата регистрации", "Регион", "Тема обращения"])
        writer.writerow(["ABROAD-1", "2026-09-02", value, "Экология"])
    step = window.steps[0]
    step.plans = [operations.FilePlan(path)]
    with qtbot.waitSignal(window.session.analysis_changed, timeout=60000):
        assert step.start_import()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    assert value not in [v for _, v in window.steps[0].unresolved.values]
