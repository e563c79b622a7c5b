"""`kcdesk import` maps a column by its values and names an unused look-alike (issue 14 item 1)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from kcdesk.cli.main import main

STATUSES = ["Пенсионер", "Многодетная семья", "Студент", "Безработный", "Лицо с инвалидностью"]


def _export(path: Path, status_values: list[str]) -> Path:
    with open(path, "w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["№ обращения", "Дата регистрации", "Регион", "Статус"])
        for i, value in enumerate(status_values):
            writer.writerow([f"ST-{path.stem}-{i}", f"{1 + i % 28:02d}.08.2026", "г. Астана", value])
    return path


def test_a_bare_status_column_of_social_statuses_is_imported_as_social_status(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = _export(tmp_path / "cc.csv", [STATUSES[i % 5] for i in range(1824)])
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), str(path)]) == 0
    out = capsys.readouterr().out
    assert "Статус → social_status" in out and "is read as social_status" in out
    con = sqlite3.connect(project)
    try:
        unknown = con.execute("SELECT COUNT(*) FROM requests WHERE social_status IS NULL").fetchone()[0]
        pensioners = con.execute("SELECT COUNT(*) FROM requests WHERE social_status = 'pensioner'").fetchone()[0]
    finally:
        con.close()
    assert unknown == 0 and pensioners == 365


def test_an_unused_column_that_looks_like_a_field_is_named(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Under half its values are statuses: not mapped, but named in the output."""
    values = [STATUSES[i % 5] if i % 5 < 2 else f"примечание {i}" for i in range(50)]
    path = _export(tmp_path / "notes.csv", values)
    assert main(["import", str(tmp_path / "p.kcdesk"), str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "not used: Статус (looks like social_status)" in out
    assert "the unused column 'Статус' looks like social_status (40 %" in out
