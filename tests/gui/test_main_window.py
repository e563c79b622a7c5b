"""The officer's path through the app on the demo project, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from kcdesk.core.store.project import Project
from kcdesk.gui import lang

REPORT = 5  # Import, Stage 1, Stage 2, Stage 3, Content analysis, Справка


def _unknown_regions(analysis) -> int:
    return sum(r.count for r in analysis.by_region if not r.known)


def test_walk_every_step(window) -> None:
    assert window.session.analysis is not None
    for row, step in enumerate(window.steps):
        window.go_to(row)
        assert window.pages.currentWidget() is step
        assert step.title()
        assert step.validate() == []
    stage1 = window.steps[1]
    assert stage1.topics.model_.rowCount() > 0
    assert stage1.regions.model_.rowCount() > 0
    assert window.steps[2].table.model_.rowCount() >= 10
    assert window.steps[3].table.model_.rowCount() > 0
    assert window.steps[REPORT].edits


def test_fix_an_unresolved_value_changes_the_counts(window, qtbot) -> None:
    window.go_to(0)
    table = window.steps[0].unresolved
    assert table.rows() > 0
    row = next(i for i, (field, _) in enumerate(table.values) if field == "region")
    value = table.values[row][1]
    before = _unknown_regions(window.session.analysis)
    table.choose(row, "turkistan")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        changed = table.apply(row)
    assert changed > 0
    assert value not in [v for _, v in table.values]
    # The quarter's counts move from "not stated" to the chosen region (the value may be absent this quarter).
    assert _unknown_regions(window.session.analysis) <= before
    with Project.open(window.session.project.path) as project:
        assert project.catalogue.value_mappings("region")["code"].tolist() == ["turkistan"]


def test_language_switch_retranslates_visible_labels(window, qtbot) -> None:
    window.go_to(1)
    russian = window.sidebar.item(1).text()
    russian_tab = window.steps[1].tabs.tabText(0)
    window.set_language("kk")
    assert lang.current() == "kk"
    # Qt posts QEvent.LanguageChange to every widget; they retranslate when it is delivered.
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() != russian, timeout=5000)
    assert window.sidebar.item(1).text().endswith("2. 1-кезең — ағымдағы жағдай")  # "✓ " once looked at
    assert window.steps[1].tabs.tabText(0) == "Тақырыптар" != russian_tab
    assert lang.settings().value("language") == "kk"
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == russian, timeout=5000)


def test_numbers_follow_the_language(qapp) -> None:
    from kcdesk.gui.widgets.table import format_number

    lang.install("ru", remember=False)
    assert format_number(1234567).replace("\u00a0", " ") == "1 234 567"
    lang.install("kk", remember=False)
    assert format_number(1234567).replace("\u00a0", " ") == "1 234 567"


def test_reason_and_paragraph_are_saved_and_survive_reopening(window, qtbot, demo_project: Path) -> None:
    window.go_to(1)
    stage1 = window.steps[1]
    assert stage1.flagged.count() > 0
    stage1.flagged.setCurrentRow(0)
    topic = stage1.flagged.currentItem().data(Qt.ItemDataRole.UserRole)  # the topic whose reasons are shown
    stage1.reasons["ru"].setPlainText("Сбой портала в июле")  # kept per language
    assert stage1.reason_tabs.tabText(0).endswith(stage1.tr("not written yet"))  # the Kazakh one is missing
    window.go_to(REPORT)  # leaving the step writes what is still waiting for the debounce
    report = window.steps[REPORT]
    edit = report.edits[0]
    edit.setPlainText("Мой абзац.")
    quarter = window.session.quarter
    # Saved by itself a moment after typing stops (no button to press).
    qtbot.waitUntil(lambda: window.session.project.get_text(quarter, f"para:{edit.key}@{report.lang()}")
                    == "Мой абзац.", timeout=5000)
    window.close_project()
    with Project.open(demo_project) as project:
        assert project.get_text(quarter, f"reason:{topic}@ru") == "Сбой портала в июле"
        assert project.get_text(quarter, f"reason:{topic}@kk") is None
        assert project.get_text(quarter, f"para:{edit.key}@{report.lang()}") == "Мой абзац."
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        window.open_path(demo_project)
    window.go_to(REPORT)
    assert any(e.toPlainText() == "Мой абзац." for e in window.steps[REPORT].edits)


def test_save_the_spravka(window, qtbot, tmp_path: Path) -> None:
    window.go_to(REPORT)
    report = window.steps[REPORT]
    out = tmp_path / "spravka.docx"
    with qtbot.waitSignal(window.runner.succeeded, timeout=60000):
        assert report.save_report(docx=out, xlsx=tmp_path / "appendix.xlsx", workplans=tmp_path / "plans")
    assert out.is_file() and out.stat().st_size > 0
    assert (tmp_path / "appendix.xlsx").is_file()
    flagged = window.session.analysis.flagged  # one plan each (§11)
    assert len(list((tmp_path / "plans").glob("*.docx"))) == len(flagged) > 0
    assert report.written


def test_report_state_and_deadlines(window) -> None:
    window.go_to(REPORT)
    details = window.steps[REPORT].details
    details.state.setCurrentIndex(details.state.findData("submitted"))
    details.set_state()
    assert window.session.project.report_state(window.session.quarter)["state"] == "submitted"
    assert details.deadlines.text().count("\n") == 2  # three deadlines


def test_open_a_missing_project_shows_a_translated_message(window, tmp_path: Path) -> None:
    assert not window.open_path(tmp_path / "none.kcdesk")
    assert not window.message_bar.isHidden()
    assert "none.kcdesk" in window.message_bar.label.text()
    assert QCoreApplication.translate("messages", "{file}: no such project") in window.message_bar.label.text() \
        or "none.kcdesk" in window.message_bar.label.text()


def test_dates_use_month_names_of_the_language(qapp) -> None:
    from datetime import date

    from kcdesk.core.quarters import Quarter
    from kcdesk.gui.formatting import date_text, quarter_text

    lang.install("ru", remember=False)
    assert date_text(date(2026, 10, 5)) == "5 октября 2026 г."
    assert quarter_text(Quarter.parse("2026-Q3")) == "III квартал 2026 г."
    lang.install("kk", remember=False)
    assert date_text(date(2026, 10, 5)) == "2026 ж. 5 қазан"
    assert quarter_text(Quarter.parse("2026-Q3")) == "2026 жылғы III тоқсан"


def test_report_warns_without_a_signatory(window) -> None:
    window.go_to(REPORT)
    report = window.steps[REPORT]
    assert report.validate() == []
    window.session.project.set_setting("signatory", None)
    assert report.validate()


def test_choosing_another_quarter_reanalyses(window, qtbot) -> None:
    combo = window.quarter_combo
    assert combo.count() >= 2
    latest = window.session.quarter
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        combo.setCurrentIndex(0)
        combo.activated.emit(0)  # as when the officer picks it
    assert window.session.quarter != latest
    assert window.session.analysis.quarter == window.session.quarter


def test_reference_total_is_compared_with_the_import(window, qtbot) -> None:
    window.go_to(1)
    stage1 = window.steps[1]
    total = window.session.analysis.total.count
    stage1.reference["qlik"].setValue(total + 5)
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        stage1.reference["qlik"].editingFinished.emit()  # as when the officer leaves the field
    rows = window.session.analysis.reconciliation
    assert rows and rows[0].reference == total + 5
    assert "-5" in stage1.reconciliation.text()


def test_the_comparison_basis_is_chosen_on_stage1(window, qtbot, demo_project: Path) -> None:
    """The +30 % rule's basis (§11): previous quarter by default, switched to a year ago on stage 1 —
    remembered in the project (the same setting as `--basis`), the analysis redone, both changes shown."""
    window.go_to(1)
    stage1 = window.steps[1]
    assert stage1.basis.currentData() == "previous"
    assert window.session.analysis.comparison.basis == "previous"
    headers = [" ".join(str(stage1.topics.model_.headerData(i, Qt.Orientation.Horizontal)).split())
               for i in range(stage1.topics.model_.columnCount())]
    assert stage1.tr("Change on a year ago, %") in headers  # both changes in the table
    legend = stage1.legend.text()
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        stage1.basis.setCurrentIndex(1)
        stage1.basis.activated.emit(1)
    assert window.session.analysis.comparison.basis == "year_ago"
    assert all(t.basis == "year_ago" for t in window.session.analysis.by_topic)
    assert stage1.basis.currentData() == "year_ago" and stage1.legend.text() != legend  # the legend says so
    assert window.session.project.comparison_basis() == "year_ago"


def test_a_new_empty_project_can_be_walked(qtbot, tmp_path: Path) -> None:
    from kcdesk.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.session.analysis_changed, timeout=10000):
        assert win.open_path(tmp_path / "new.kcdesk", create=True)
    assert (tmp_path / "new.kcdesk").is_file()
    assert win.session.analysis is None and win.quarter_combo.count() == 0
    for row in range(len(win.steps)):
        win.go_to(row)
    assert win.message_bar.isHidden()
    assert win.steps[1].heading.text() == "Данных пока нет: импортируйте выгрузки на шаге «Импорт»."


def test_stage3_table_and_chart_name_the_categories_alike(window, qtbot, monkeypatch) -> None:
    """Issue 14 (7): each dimension's table and its chart give a category the same name (the long status
    'entrepreneur' shortened in both), in the same order, in either language."""
    import kcdesk.charts.portrait as portrait_charts

    drawn: list[list[str]] = []
    real = portrait_charts.hbar_chart
    monkeypatch.setattr(portrait_charts, "hbar_chart", lambda names, *a, **k: drawn.append(list(names)) or real(names, *a, **k))
    window.go_to(3)
    step = window.steps[3]
    for language in ("ru", "kk"):
        window.set_language(language)
        step.load(window.session)
        kinds = [step.kind.itemData(i) for i in range(step.kind.count())]
        assert {"age", "gender", "social_status"} <= set(kinds)
        for index in range(step.kind.count()):
            step.kind.setCurrentIndex(index)
            step.kind.activated.emit(index)
            model = step.table.model_
            shown = [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]
            assert shown == drawn[-1], kinds[index]
    status = dict(zip(kinds, range(len(kinds))))["social_status"]
    step.kind.setCurrentIndex(status)
    step.kind.activated.emit(status)
    assert "Жеке кәсіпкерлер және жеке практикамен айналысатындар" in drawn[-1]
