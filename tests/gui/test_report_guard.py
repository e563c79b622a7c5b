"""Issue 13 items 1 and 2 through the GUI's справка step: a template picked in the step is checked by the
core's sandbox, and a save dialog pointed at the project (or a link) is refused by the core's output guard."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from docx import Document
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from kcdesk.core.report.docx_builder import default_template

REPORT = 5


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hostile_template(folder: Path) -> Path:
    path = Path(shutil.copy(default_template("ru"), folder / "letterhead.docx"))
    doc = Document(str(path))
    doc.add_paragraph("{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}" % (folder / "pwned"))
    doc.save(str(path))
    return path


def test_a_hostile_template_picked_in_the_step_is_refused(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    window.go_to(REPORT)
    report = window.steps[REPORT]
    template = _hostile_template(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    report.template_button.click()
    assert report.template is None  # not kept: the shipped template stays in use
    shown = window.message_bar.label.text()
    assert "letterhead.docx" in shown and "cycler" in shown, shown
    # Even if it were kept (an old session, a race), the job's render refuses it and writes nothing.
    report.template = template
    out = tmp_path / "spravka.docx"
    with qtbot.waitSignal(window.runner.failed, timeout=60000) as failed:
        assert report.save_report(docx=out)
    assert "letterhead.docx" in failed.args[1]
    assert not out.exists() and not (tmp_path / "pwned").exists()


def test_a_good_template_picked_in_the_step_is_used(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    window.go_to(REPORT)
    report = window.steps[REPORT]
    template = Path(shutil.copy(default_template("ru"), tmp_path / "mine.docx"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    report.template_button.click()
    assert report.template == template and "mine.docx" in report.template_button.text()
    with qtbot.waitSignal(window.runner.succeeded, timeout=60000):
        assert report.save_report(docx=tmp_path / "s.docx")
    assert (tmp_path / "s.docx").is_file()


def test_a_save_dialog_pointed_at_the_project_is_refused(window, tmp_path: Path, monkeypatch) -> None:
    window.go_to(REPORT)
    report = window.steps[REPORT]
    project = window.session.project.path
    before = _digest(project)
    link = tmp_path / "spravka.docx"
    os.link(project, link)  # the project under a справка's name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(link), ""))
    started = []
    monkeypatch.setattr(report.session, "start", lambda job: started.append(job) or True)
    report.docx_button.click()
    assert not started
    assert "spravka.docx" in window.message_bar.label.text()
    assert _digest(project) == before


def test_a_save_dialog_pointed_at_a_symlink_is_refused(window, tmp_path: Path, monkeypatch) -> None:
    window.go_to(REPORT)
    report = window.steps[REPORT]
    precious = tmp_path / "precious.xlsx"
    precious.write_bytes(b"keep")
    (tmp_path / "appendix.xlsx").symlink_to(precious)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "appendix.xlsx"), ""))
    started = []
    monkeypatch.setattr(report.session, "start", lambda job: started.append(job) or True)
    report.xlsx_button.click()
    assert not started and precious.read_bytes() == b"keep"
    assert "appendix.xlsx" in window.message_bar.label.text()


def test_a_chart_saved_over_the_project_or_a_link_is_refused(window, tmp_path: Path) -> None:
    """The chart views' "Save…" goes through the core's atomic write, which never replaces a database."""
    from kcdesk.charts.bars import hbar_chart
    from kcdesk.gui.widgets.chart import ChartView

    view = ChartView()
    chart = hbar_chart(["a", "b"], [3, 5])
    chart.rows = 2
    view.set_chart(chart, "title")
    project = window.session.project.path
    before = _digest(project)
    os.link(project, tmp_path / "chart.png")
    assert not view.save_png(tmp_path / "chart.png")
    assert "chart.png" in view.last_error and _digest(project) == before
    (tmp_path / "link.png").symlink_to(tmp_path / "elsewhere.png")
    assert not view.save_png(tmp_path / "link.png") and not (tmp_path / "elsewhere.png").exists()
    assert view.save_png(tmp_path / "fine.png")


def test_an_iin_typed_as_the_contact_centre_phone_is_said_not_stored(window) -> None:
    """Issue 13 item 9 in the app: the details tab's phone field refuses an IIN with a message."""
    window.go_to(REPORT)
    details = window.steps[REPORT].details
    details.fields["contact_centre_phone"].clear()
    QTest.keyClicks(details.fields["contact_centre_phone"], "880101300123")  # typed, as by the officer
    details.save()
    assert window.session.project.get_setting("contact_centre_phone") != "880101300123"
    assert "contact_centre_phone" in window.message_bar.label.text()
