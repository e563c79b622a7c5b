"""The dead-code check finds an unused function in the package and keeps what tests or the package use."""

from __future__ import annotations

from pathlib import Path

from build_scripts.dead_code import dead_code


def test_an_unused_function_is_found(tmp_path: Path) -> None:
    (tmp_path / "kcdesk").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "kcdesk" / "a.py").write_text(
        "def used():\n    return 1\n\n\ndef tested():\n    return 2\n\n\ndef forgotten():\n    return 3\n\n\n"
        "def paint():\n    return 4\n\n\nx = used()\n", encoding="utf-8")
    (tmp_path / "tests" / "test_a.py").write_text("from kcdesk.a import tested\n\ntested()\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in dead_code(tmp_path)] == ["unused function 'forgotten'"]

