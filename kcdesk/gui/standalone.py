"""Open one step alone on a copy of the demo project (`python -m kcdesk.gui.steps.stage1`), for development."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def run_step(step_class: type, project: Path | None = None) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from kcdesk.core.resources import resource
    from kcdesk.gui import lang, operations
    from kcdesk.gui.app import make_app
    from kcdesk.gui.session import Session

    app = make_app(sys.argv[:1])
    lang.install(lang.default_language(), remember=False)
    scratch = tempfile.TemporaryDirectory(prefix="kcdesk-step-")
    if project is None:
        bundled = resource("demo", "demo.kcdesk")
        if bundled.is_file():
            project = operations.demo_copy(bundled, Path(scratch.name))
        else:
            from kcdesk.core.demo import build_demo_project

            project = build_demo_project(Path(scratch.name) / "demo.kcdesk", quarters=3)
    session = Session()
    step = step_class(session)
    step.setWindowTitle(step.title())
    session.analysis_changed.connect(lambda: step.load(session))
    loop = QEventLoop()
    session.analysis_changed.connect(loop.quit)
    session.open(operations.open_project(project))
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    step.resize(1200, 700)
    step.show()
    code = app.exec()
    step.save(session)
    session.close()
    scratch.cleanup()
    return code
