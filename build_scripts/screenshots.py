"""Write a PNG of every step of the desktop app in Kazakh and Russian at 1366×768 to docs/screenshots/.

    .venv/bin/python build_scripts/screenshots.py [--project demo.kcdesk] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
NAMES = ("1_import", "2_stage1", "3_stage2", "4_stage3", "5_content", "6_report")
# Second tabs worth a picture: (step row, tab index, file name).
EXTRA = ((0, 1, "1b_unresolved"), (1, 4, "2b_stage1_map"), (1, 2, "2c_stage1_channels"),
         (4, 1, "5b_content_groups"), (5, 1, "6b_report_details"))


def wait_for(app, predicate, timeout_ms: int = 30000) -> bool:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while not predicate():
        if deadline.hasExpired():
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def sample_export(folder: Path) -> Path:
    """A small export in a contact centre's shape, to show the Import step with a file."""
    import csv

    path = folder / "1414_2026-Q3.csv"
    regions = ["г. Астана", "ЮКО", "Алматы қаласы", "Карагандинская обл.", "Ташкент"]
    topics = ["Коммунальные услуги", "ЭЦП и egov", "Ремонт дорог", "Пособия", "Отопление"]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["№ обращения", "Дата регистрации", "Канал", "Регион", "Тема обращения", "Пол", "Возраст",
                         "Текст обращения"])
        for i in range(30):
            writer.writerow([f"1414-{i:05d}", f"{1 + i % 28:02d}.08.2026", "Звонок 1414", regions[i % 5],
                             topics[i % 5], "ж" if i % 2 else "м", 20 + i, "Прошу разъяснить порядок получения"])
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="a project to show (default: the demo, copied)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--langs", default="kk,ru")
    args = parser.parse_args(argv)

    from kcdesk.core.resources import resource
    from kcdesk.gui import lang
    from kcdesk.gui.app import make_app
    from kcdesk.gui.main_window import MainWindow

    app = make_app(["kcdesk"])
    scratch = Path(tempfile.mkdtemp(prefix="kcdesk-shots-"))
    from PySide6.QtCore import QSettings

    ini = str(scratch / "settings.ini")  # the shots must not touch the user's recent projects
    lang.settings = lambda: QSettings(ini, QSettings.Format.IniFormat)
    try:
        source = args.project or resource("demo", "demo.kcdesk")
        project = scratch / "demo.kcdesk"
        if source.is_file():
            shutil.copy2(source, project)
        else:
            from kcdesk.core.demo import build_demo_project

            build_demo_project(project)
        args.out.mkdir(parents=True, exist_ok=True)
        lang.install("ru", remember=False)
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        start = window.grab()
        for code in args.langs.split(","):
            lang.install(code, remember=False)
            window.session.ui_lang = code
            for _ in range(3):
                app.processEvents()
            if window.session.project is None:
                start = window.grab()
            start.save(str(args.out / f"0_start_{code}.png"))
        window.open_path(project)
        wait_for(app, lambda: window.session.analysis is not None and not window.runner.busy)
        content = next((row for row, step in enumerate(window.steps) if type(step).__name__ == "ContentStep"), None)
        if content is not None:  # the content step pictured with its analysis run, not empty
            window.go_to(content)
            window.steps[content].run_analysis()
            wait_for(app, lambda: not window.runner.busy, 180000)
        for code in args.langs.split(","):
            lang.install(code, remember=False)
            window.session.ui_lang = code
            for row, name in enumerate(NAMES):
                window.go_to(row)
                wait_for(app, lambda: not window.runner.busy)
                for _ in range(3):  # retranslation, then the layouts it invalidated
                    app.processEvents()
                path = args.out / f"{name}_{code}.png"
                window.grab().save(str(path))
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            if code == args.langs.split(",")[0]:
                importer = window.steps[0]
                window.go_to(0)
                importer.add_files([sample_export(scratch)])
                wait_for(app, lambda: bool(importer.plans) and importer.plans[0].mapping is not None  # noqa: B023
                         and not window.runner.busy)
            window.go_to(0)
            for _ in range(3):
                app.processEvents()
            window.grab().save(str(args.out / f"1c_import_file_{code}.png"))
            window.steps[0].file_tabs.setCurrentIndex(1)
            for _ in range(3):
                app.processEvents()
            window.grab().save(str(args.out / f"1d_import_preview_{code}.png"))
            window.steps[0].file_tabs.setCurrentIndex(0)
            for row, tab, name in EXTRA:
                window.go_to(row)
                tabs = window.steps[row].tabs
                tabs.setCurrentIndex(tab)
                for _ in range(3):
                    app.processEvents()
                window.grab().save(str(args.out / f"{name}_{code}.png"))
                tabs.setCurrentIndex(0)
            window.go_to(1)  # the topic catalogue, opened from stage 1 on its largest topic
            dialog = window.steps[1].open_catalogue(str(window.session.analysis.by_topic[0].topic),
                                                    modal=False)
            dialog.show()
            for _ in range(3):
                app.processEvents()
            dialog.grab().save(str(args.out / f"2d_topic_catalogue_{code}.png"))
            dialog.close()
        window.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
