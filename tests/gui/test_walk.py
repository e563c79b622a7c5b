"""The whole job as an officer does it, in both languages: new project → raw exports → the three stages →
content analysis → the saved справка. Every click, typed field and file dialog counts as one user action;
the count is printed and kept at 20 or fewer (issue 14).

KCDESK_WALK_SHOTS=folder also saves a picture of the window at each step (to look at, never committed).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from kcdesk.gui import lang

MAX_ACTIONS = 20


def _raw_exports(folder: Path) -> list[Path]:
    """The demo's raw exports of its last two quarters: .xlsx with title rows, UTF-8 and cp1251 CSV."""
    from kcdesk.core.demo import DEMO_SEED, QUARTERS
    from kcdesk.core.demo.exports import write_quarter
    from kcdesk.core.demo.generate import generate_requests

    requests = generate_requests(DEMO_SEED)
    rng = np.random.default_rng(DEMO_SEED + 1)
    files: list[Path] = []
    for quarter in QUARTERS[-2:]:
        target = folder / str(quarter)
        target.mkdir(parents=True)
        files += [path for path, _ in write_quarter(requests, quarter, target, QUARTERS.index(quarter), rng)]
    return files


class Officer:
    """Drives the window the way a person does, counting each action."""

    def __init__(self, qtbot, window, shots: Path | None, code: str) -> None:
        self.qtbot, self.window, self.shots, self.code = qtbot, window, shots, code
        self.actions = 0
        self.pictures = 0

    def click(self, button: QWidget) -> None:
        assert button.isEnabled() and button.isVisible(), button.text() if hasattr(button, "text") else button
        self.actions += 1
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type(self, edit, text: str) -> None:
        """Key presses carrying the letters (QTest.keyClicks handles Latin-1 only)."""
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        self.actions += 1
        edit.setFocus()
        for letter in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                       letter))
        assert edit.text() == text

    def dialog(self) -> None:
        """Choosing the file(s) in a file dialog and confirming it."""
        self.actions += 1

    def idle(self, timeout: int = 120000) -> None:
        self.qtbot.waitUntil(lambda: not self.window.runner.busy, timeout=timeout)

    def picture(self, name: str) -> None:
        if self.shots is not None:
            self.pictures += 1
            self.qtbot.wait(50)
            self.window.grab().save(str(self.shots / f"walk_{self.code}_{self.pictures:02d}_{name}.png"))


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_the_whole_job_in_twenty_actions(qtbot, tmp_path: Path, monkeypatch, capsys, code: str) -> None:
    from kcdesk.gui.main_window import MainWindow

    lang.install(code, remember=False)
    exports = _raw_exports(tmp_path / "exports")
    project = tmp_path / "work" / f"kvartal_{code}.kcdesk"
    project.parent.mkdir()
    spravka = tmp_path / "out" / f"spravka_{code}.docx"
    spravka.parent.mkdir()
    shots_env = os.environ.get("KCDESK_WALK_SHOTS")
    shots = Path(shots_env) if shots_env else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    officer = Officer(qtbot, window, shots, code)

    def save_name(parent, title, start, filters, *rest):
        officer.dialog()
        return (str(project), filters) if start.endswith(".kcdesk") else (str(spravka), filters)

    def open_names(parent, title, folder, filters):
        officer.dialog()
        return [str(p) for p in exports], filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)

    # 1. A new project, from the start page.
    officer.picture("start")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=30000):
        officer.click(window.start_page.new_button)
    assert project.is_file()

    # 2. The raw exports, all at once; the first one's columns are shown; import.
    step = window.steps[0]
    officer.click(step.add_button)
    officer.idle()
    assert step.files.count() == len(exports)
    officer.picture("import")
    with qtbot.waitSignal(window.session.analysis_changed, timeout=180000):
        officer.click(step.import_button)
    officer.idle()
    assert window.session.analysis is not None
    analysis = window.session.analysis
    assert analysis.total.count > 1000
    assert "ошибка" not in window.message_bar.label.text().lower()

    # 3. The three stages: Next, Next, Next.
    for row in (1, 2, 3):
        officer.click(window.next_button)
        assert window.pages.currentIndex() == row
        officer.picture(f"stage{row}")
    assert window.steps[1].topics.model_.rowCount() > 0

    # 4. Content analysis.
    officer.click(window.next_button)
    content = window.steps[4]
    with qtbot.waitSignal(window.runner.succeeded, timeout=180000):
        officer.click(content.run_button)
    officer.idle()
    assert content.state is not None and content.state.result is not None
    officer.picture("content")

    # 5. The справка: the signatory on the Details tab, then Save .docx.
    officer.click(window.next_button)
    report = window.steps[5]
    assert window.pages.currentWidget() is report
    officer.actions += 1  # the "Details" tab
    report.tabs.setCurrentWidget(report.details)
    details = report.details
    officer.type(details.fields["signatory"], "А. Б. Сейітқали")
    officer.type(details.fields[f"signatory_position_{code}"], "Руководитель" if code == "ru" else "Басшы")
    officer.type(details.fields[f"body_name_{code}"], "Акимат области" if code == "ru" else "Облыс әкімдігі")
    officer.picture("details")
    with qtbot.waitSignal(window.runner.succeeded, timeout=120000):
        officer.click(report.docx_button)
    officer.idle()
    assert spravka.is_file() and spravka.stat().st_size > 10000
    assert report.validate() == []
    assert all(window.sidebar.item(row).text().startswith("✓") for row in range(len(window.steps)))
    officer.picture("saved")

    with capsys.disabled():
        print(f"\nwalk ({code}): new project to saved справка in {officer.actions} user actions")
    assert officer.actions <= MAX_ACTIONS
    window.close()
