"""The справка step's "Before signing" tab: the checklist, its links and naming untranslated topics."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kcdesk.gui.steps.report import ReportStep
from kcdesk.gui.steps.stage1 import Stage1Step


def _report(window) -> tuple[int, ReportStep]:
    row, step = next((i, s) for i, s in enumerate(window.steps) if isinstance(s, ReportStep))
    window.go_to(row)
    _read(window)
    return row, step


def _read(window) -> None:
    """The checklist is read by the background runner: wait until it is shown."""
    deadline = time.monotonic() + 30
    while window.runner.busy and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not window.runner.busy


def test_checklist_lists_open_items_and_links_to_where_they_are_filled(window, qtbot) -> None:
    _, step = _report(window)
    codes = [i.code for i in step.ready.open_items]
    assert "reason_missing" in codes and "no_reconciliation" in codes
    labels = [w.text() for w in step.ready.findChildren(QLabel)]
    assert any("Qlik" in text for text in labels)
    assert step.tabs.tabText(2).startswith(step.tr("Before signing"))
    buttons = [b for b in step.ready.items_box.findChildren(QPushButton)]
    stage1_button = next(b for b, item in zip(buttons, step.ready.open_items, strict=True)
                         if item.where[0] == "stage1")
    stage1_button.click()
    assert isinstance(window.current_step(), Stage1Step)


def test_an_untranslated_topic_is_named_here_once(window, qtbot) -> None:
    project = window.session.project
    table = project.catalogue.topics()
    topic_id = int(table["id"].iloc[0])
    project.catalogue.rename_topic(topic_id, name="Вопросы по субсидиям на шерсть", name_kk="")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        window.session.refresh()
    _, step = _report(window)
    index = step.report_lang.findData("kk")
    step.report_lang.setCurrentIndex(index)
    step.report_lang.activated.emit(index)  # as when the officer picks it
    _read(window)
    untranslated = next(i for i in step.ready.open_items if i.code == "untranslated_topics")
    assert "Вопросы по субсидиям на шерсть" in untranslated.values
    assert step.ready.topics.rowCount() >= 1
    row = [step.ready.topics.item(r, 0).text() for r in range(step.ready.topics.rowCount())].index(
        "Вопросы по субсидиям на шерсть")
    edit = step.ready.topics.cellWidget(row, 2)
    assert isinstance(edit, QLineEdit)
    edit.setText("Жүнге субсидиялар беру мәселелері")
    assert step.ready.save_topic_names() == 1
    names = project.catalogue.topics().set_index("id")
    assert names.loc[topic_id, "name_kk"] == "Жүнге субсидиялар беру мәселелері"


def test_a_reason_typed_in_one_language_is_listed_for_the_other(window, qtbot) -> None:
    """Stage 1 keeps the reasons per language: one typed in Russian only is said to be still only in
    the other language on the Kazakh справка's checklist, and not on the Russian one."""
    stage1 = next(s for s in window.steps if isinstance(s, Stage1Step))
    window.go_to(window.steps.index(stage1))
    stage1.flagged.setCurrentRow(0)
    topic = stage1.flagged.currentItem().data(0x0100)  # Qt.UserRole: the catalogue name
    stage1.reasons["ru"].setPlainText("Рост связан со сбоем портала в июле.")
    stage1.save(window.session)
    _, step = _report(window)
    for lang, listed in (("kk", True), ("ru", False)):
        index = step.report_lang.findData(lang)
        step.report_lang.setCurrentIndex(index)
        step.report_lang.activated.emit(index)  # as when the officer picks it
        _read(window)
        other = next((i for i in step.ready.open_items if i.code == "text_other_language"), None)
        assert (other is not None and f"reason:{topic}" in other.values) is listed, lang
        missing = next((i for i in step.ready.open_items if i.code == "reason_missing"), None)
        assert missing is None or stage1_name(window, topic, lang) not in missing.values


def _choose_lang(window, step: ReportStep, code: str) -> None:
    """The officer picks the справка's language; its checklist is read again in the background."""
    index = step.report_lang.findData(code)
    step.report_lang.setCurrentIndex(index)
    step.report_lang.activated.emit(index)
    _read(window)


def stage1_name(window, topic: str, lang: str) -> str:
    return next(t for t in window.session.analysis.by_topic if t.topic == topic).name(lang)


def test_paragraphs_written_only_in_the_other_language_are_marked(window, qtbot) -> None:
    _, step = _report(window)
    _choose_lang(window, step, "ru")
    key = step.edits[0].key
    window.session.project.set_text(window.session.quarter, f"para:{key}@ru", "Мой абзац только по-русски.")
    _choose_lang(window, step, "kk")
    marked = step.other_language_paragraphs()
    assert [e.key for e in marked] == [key] and marked[0].toolTip()
    assert "Мой абзац" not in marked[0].toPlainText()  # the Kazakh draft is shown there
    _choose_lang(window, step, "ru")
    assert step.other_language_paragraphs() == []
    assert step.edits[0].toPlainText() == "Мой абзац только по-русски."
