"""The support log: where it lives, what it says (version, files, counts, error codes), what it never says."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from kcdesk import __version__
from kcdesk.cli import cmd_import
from kcdesk.cli.main import main
from kcdesk.core import logs
from tests.hostile.make_corpus import HEADER, write_csv

IIN = "900101300123"  # not necessarily valid: it only has to be findable
PHONE = "+7 701 555 12 34"
NAME = "Жумабаева Айгерим"


@pytest.fixture()
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("KCDESK_LOG_DIR", str(folder))
    logs.shutdown_logging()
    yield folder
    logs.shutdown_logging()


def _export(path: Path, n: int) -> Path:
    header = [*HEADER, "ФИО", "ИИН", "Телефон"]
    rows = [[f"L-{i}", "05.08.2026", "г. Астана", "Дороги", f"Звоните {PHONE}, ИИН {IIN}", "М", 40, NAME, IIN, PHONE]
            for i in range(n)]
    return write_csv(path, [header, *rows])


def test_folder_per_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KCDESK_LOG_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert logs.log_folder() == tmp_path / "Local" / "kcdesk" / "logs"
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert logs.log_folder() == tmp_path / "state" / "kcdesk" / "logs"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert logs.log_folder() == tmp_path / "home" / ".local" / "state" / "kcdesk" / "logs"
    monkeypatch.setenv("KCDESK_LOG_DIR", str(tmp_path / "override"))
    assert logs.log_folder() == tmp_path / "override"


def test_log_has_what_support_needs_and_no_personal_data(log_dir: Path, tmp_path: Path) -> None:
    project = tmp_path / "p.kcdesk"
    good = _export(tmp_path / "обращения_июль.csv", 12)
    empty = tmp_path / "пустой.xlsx"
    empty.write_bytes(b"")
    assert main(["import", str(project), str(good)]) == 0
    assert main(["import", str(project), str(empty)]) == 2
    text = (log_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert f"kcdesk {__version__}" in text
    assert "обращения_июль.csv" in text and "12 rows read, 12 stored" in text
    assert "command import: exit 0" in text
    assert "file_empty" in text and "пустой.xlsx" in text
    for secret in (IIN, "701 555", "7015551234", NAME, "Жумабаева"):
        assert secret not in text, secret


@pytest.mark.allow_log_warnings
def test_unexpected_error_is_one_line_and_logs_frames_not_values(log_dir: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError(f"could not convert {IIN} for {NAME}")

    monkeypatch.setattr(cmd_import, "import_files", broken)
    assert main(["import", str(tmp_path / "p.kcdesk"), str(_export(tmp_path / "x.csv", 1))]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "ValueError" in err and "Traceback" not in err
    assert IIN not in err and NAME not in err
    text = (log_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "internal error ValueError" in text and "cmd_import.py" in text  # where, for support
    assert IIN not in text and NAME not in text


def test_rotates_and_is_set_up_once(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path == log_dir / logs.LOG_NAME
    assert logs.setup_logging() == path  # a second call adds no second handler
    handlers = [h for h in logging.getLogger("kcdesk").handlers if isinstance(h, logging.FileHandler)]
    assert len(handlers) == 1
    for i in range(200):
        logging.getLogger("kcdesk.test").info("line %d of a long session", i)
    assert (log_dir / f"{logs.LOG_NAME}.1").exists()
    assert len(list(log_dir.iterdir())) <= logs.BACKUPS + 1


def test_unwritable_folder_does_not_stop_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KCDESK_LOG_DIR", str(blocker / "logs"))  # a folder under a file cannot exist
    logs.shutdown_logging()
    try:
        assert logs.setup_logging() is None
    finally:
        logs.shutdown_logging()
