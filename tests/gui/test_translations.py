"""Both .ts files are complete and current, and the compiled .qm files load."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import check_translations  # noqa: E402


def test_ts_files_are_complete_and_current() -> None:
    problems = check_translations.check()
    assert problems == [], "\n".join(problems[:20])


def test_problems_are_found_in_an_unfinished_file(tmp_path: Path) -> None:
    ts = tmp_path / "kcdesk_xx.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru_RU"><context>'
        "<name>MainWindow</name>"
        '<message><source>Quarter:</source><translation type="unfinished"></translation></message>'
        "<message><source>Project: %1</source><translation>Проект</translation></message>"
        "</context></TS>", encoding="utf-8")
    problems = check_translations.problems_in(ts)
    assert any("unfinished" in p for p in problems)
    assert any("%1" in p for p in problems)


def test_compiled_translations_load(qapp) -> None:
    for code in ("kk", "ru"):
        translator = QTranslator()
        assert translator.load(f"kcdesk_{code}", str(ROOT / "i18n"))
        assert translator.translate("MainWindow", "Quarter:") not in ("", "Quarter:")
