"""The Import step: a file's preview and column choices, the preset, and the import in the background."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kcdesk.core.store.project import Project
from tests.helpers import db


def _export(path: Path, n: int = 40) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["№ обращения", "Дата регистрации", "Регион", "Тема обращения", "Примечание"])
        for i in range(n):
            writer.writerow([f"IMP-{i}", f"2026-09-{1 + i % 28:02d}", "ВКО" if i % 2 else "Юж-Каз обл", "Экология",
                             "Тема: Экология"])
    return path


def _choose_field(step, header: str, field: str | None) -> None:
    """The officer picks the field of a column in the columns table (its combo, as a click does)."""
    row = next(r for r in range(step.columns.rowCount()) if step.columns.item(r, 0).text() == header)
    combo = step.columns.cellWidget(row, 1)
    combo.setCurrentIndex(combo.findData(field))
    combo.activated.emit(combo.currentIndex())


def test_preview_choose_a_field_and_import(window, qtbot, tmp_path: Path) -> None:
    step = window.steps[0]
    window.go_to(0)
    path = _export(tmp_path / "akimat_export.csv")
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        step.add_files([path, tmp_path / "notes.docx"])  # only exports are taken
    assert step.files.count() == 1
    plan = step.plans[0]
    assert plan.mapping is not None
    assert plan.mapping["Регион"] == "region"
    assert step.columns.rowCount() == 5
    assert step.preview.model_.rowCount() > 0
    table = step.file_unresolved
    row = [v for _, v in table.values].index("Юж-Каз обл")

    # Fixed before the import: remembered by the project, and the preview is read again.
    table.choose(row, "turkistan")
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        table.apply(row)
    assert "Юж-Каз обл" not in [v for _, v in table.values]
    assert "turkistan" in set(step.previews[path].preview["region"])

    # The officer says the note column is not used: saved as the preset for files of this name.
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        _choose_field(step, "Примечание", None)
    assert window.session.project.get_preset("akimat_export.csv")["Примечание"] == "ignore"

    with Project.open(window.session.project.path) as project:
        before = int(db.value(project, "SELECT COUNT(*) FROM requests"))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)  # the counts after the fix are redone
    with qtbot.waitSignal(window.session.analysis_changed, timeout=60000):
        assert step.start_import()
    with Project.open(window.session.project.path) as project:
        assert int(db.value(project, "SELECT COUNT(*) FROM requests")) == before + 40
    assert step.files.count() == 0
    assert "40" in window.message_bar.label.text()
    with Project.open(window.session.project.path) as project:
        regions = db.rows(project, "SELECT region, COUNT(*) AS n FROM requests WHERE request_id LIKE 'IMP-%' "
                                   "GROUP BY region")
    assert dict(regions) == {"turkistan": 20, "east_kazakhstan": 20}


def test_files_dropped_on_the_step_are_added(window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    step = window.steps[0]
    window.go_to(0)
    path = _export(tmp_path / "dropped.csv", 5)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        step.dropEvent(event)
    assert [p.file for p in step.plans] == [path]


def test_a_column_is_mapped_by_its_values_and_an_unused_look_alike_is_highlighted(window, qtbot,
                                                                                 tmp_path: Path) -> None:
    """A bare 'Статус' of social statuses (cp1251) is proposed as the social status; set to not
    used, it is highlighted with the reason (issue 14 item 1)."""
    step = window.steps[0]
    window.go_to(0)
    path = tmp_path / "cc_export.csv"
    statuses = ["Пенсионер", "Многодетная семья", "Студент", "Безработный"]
    with open(path, "w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Дата регистрации", "Регион", "Статус"])
        for i in range(40):
            writer.writerow([f"2026-09-{1 + i % 28:02d}", "г. Астана", statuses[i % 4]])
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        step.add_files([path])
    plan = step.plans[0]
    assert plan.mapping["Статус"] == "social_status"
    assert "pensioner" in set(step.previews[path].preview["social_status"])
    assert step.columns.item(2, 0).toolTip()  # says it was chosen by its values
    assert step.lookalikes == {}
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        _choose_field(step, "Статус", None)
    assert plan.mapping["Статус"] is None
    assert step.lookalikes == {"Статус": "social_status"}
    item = step.columns.item(2, 0)
    assert item.background().style() != Qt.BrushStyle.NoBrush and item.toolTip()


def test_an_html_export_is_added_and_previewed(window, qtbot, tmp_path: Path) -> None:
    """A web system's HTML table (here named .html, often .xls) is previewed like any export (issue 14 item 2)."""
    step = window.steps[0]
    window.go_to(0)
    path = tmp_path / "portal_export.html"
    rows = "".join(f"<tr><td>W-{i}</td><td>0{1 + i % 9}.09.2026</td><td>г. Астана</td></tr>" for i in range(12))
    path.write_bytes(('<html><head><meta charset="windows-1251"></head><body><table>'
                      "<tr><td colspan=3>Выгрузка обращений</td></tr>"
                      "<tr><th>№ обращения</th><th>Дата регистрации</th><th>Регион</th></tr>"
                      f"{rows}</table></body></html>").encode("cp1251"))
    with qtbot.waitSignal(window.runner.succeeded, timeout=30000):
        step.add_files([path])
    assert step.plans[0].mapping == {"№ обращения": "request_id", "Дата регистрации": "registered_at",
                                     "Регион": "region"}
    assert set(step.previews[path].preview["region"]) == {"astana"}


@pytest.mark.allow_log_warnings  # the reader may die under its memory cap: the support log records it
def test_a_workbook_that_made_the_reader_abort_leaves_the_window_up(window, qtbot, tmp_path: Path) -> None:
    """47 kB: one 40 MB shared string in 300 cells made the reader take 12 GB and abort the whole
    app. Now the preview and the import both end in a message naming the file."""
    from tests.hostile.make_corpus import CASES

    path = next(c for c in CASES if c.name == "shared_string_40mb_x300").build(tmp_path)
    step = window.steps[0]
    window.go_to(0)
    before = Path(window.session.project.path).read_bytes()
    with qtbot.waitSignal(window.runner.failed, timeout=60000):
        step.add_files([path])
    assert path.name in window.message_bar.label.text()
    with qtbot.waitSignal(window.runner.failed, timeout=60000):
        assert step.start_import()
    assert window.isVisible()
    assert window.message_bar.kind == "error" and path.name in window.message_bar.label.text()
    assert Path(window.session.project.path).read_bytes() == before


@pytest.mark.allow_log_warnings  # the support log records the reader's end
def test_a_reader_that_dies_mid_import_leaves_the_window_up(window, qtbot, tmp_path: Path) -> None:
    """The reader process killed by a native abort during the import: the window says which file,
    and the project is as it was."""
    import multiprocessing
    import os
    import signal
    import sys

    if sys.platform == "win32":
        return
    step = window.steps[0]
    window.go_to(0)
    path = _export(tmp_path / "long_export.csv", 120_000)
    with qtbot.waitSignal(window.runner.succeeded, timeout=60000):
        step.add_files([path])
    before = db.value(window.session.project.path, "SELECT COUNT(*) FROM requests")

    def abort_reader(*_args: object) -> None:
        for child in multiprocessing.active_children():
            try:
                os.kill(child.pid, signal.SIGABRT)
            except ProcessLookupError:  # already ended (the previous report's kill)
                pass

    window.runner.progress.connect(abort_reader)
    try:
        with qtbot.waitSignal(window.runner.failed, timeout=120000):
            assert step.start_import()
    finally:
        window.runner.progress.disconnect(abort_reader)
    assert window.isVisible()
    assert "long_export.csv" in window.message_bar.label.text()
    assert db.value(window.session.project.path, "SELECT COUNT(*) FROM requests") == before
