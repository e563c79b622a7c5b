"""The runner: progress by signals, cancel leaves the project unchanged, errors come back translated."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.store.project import Project
from kcdesk.gui import operations
from kcdesk.gui.runner import Job, Runner
from tests.helpers import db


def _rows(path: Path) -> int:
    with Project.open(path) as project:
        return int(db.value(project, "SELECT COUNT(*) FROM requests"))


def _write_csv(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Номер обращения", "Дата регистрации", "Регион", "Тема обращения", "Пол"])
        for i in range(n):
            writer.writerow([f"GUI-{i}", f"2026-08-{1 + i % 28:02d}", "г. Астана" if i % 3 else "ЮКО-2",
                             "Коммунальные услуги", "ж"])
    return path


def test_progress_is_forwarded_and_result_delivered(qtbot) -> None:
    runner = Runner()
    seen: list[tuple[int, int]] = []
    runner.progress.connect(lambda done, total, stage: seen.append((done, total)))

    def work(progress):
        for i in range(3):
            progress.report(i + 1, 3, "x")
        return 42

    results = []
    with qtbot.waitSignal(runner.succeeded, timeout=10000) as blocker:
        runner.start(Job("count", work, results.append))
    assert blocker.args == ["count", 42]
    assert results == [42]
    assert seen[-1] == (3, 3)
    assert not runner.busy


def test_only_one_job_at_a_time(qtbot) -> None:
    runner = Runner()
    gate = {"open": False}

    def slow(progress):
        while not progress.cancelled():
            pass
        from kcdesk.core.tasks import Cancelled

        raise Cancelled()

    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        assert runner.start(Job("slow", slow))
        assert not runner.start(Job("second", lambda p: gate.update(open=True)))
        runner.cancel()
    assert blocker.args[2] is True  # cancelled
    assert gate["open"] is False


def test_cancelled_import_leaves_the_project_unchanged(qtbot, demo_project: Path, tmp_path: Path) -> None:
    before = _rows(demo_project)
    runner = Runner()
    plan = operations.FilePlan(_write_csv(tmp_path / "new.csv", 50))
    job = operations.import_job(demo_project, [plan])
    inner = job.fn

    def cancel_first(progress):
        progress.cancel()  # as if the officer pressed Cancel at once
        return inner(progress)

    with qtbot.waitSignal(runner.failed, timeout=30000) as blocker:
        runner.start(Job(job.name, cancel_first, job.done))
    name, text, cancelled = blocker.args
    assert cancelled and text
    assert _rows(demo_project) == before


def test_import_stores_rows(qtbot, demo_project: Path, tmp_path: Path) -> None:
    before = _rows(demo_project)
    runner = Runner()
    plan = operations.FilePlan(_write_csv(tmp_path / "new.csv", 30))
    with qtbot.waitSignal(runner.succeeded, timeout=30000):
        runner.start(operations.import_job(demo_project, [plan]))
    assert _rows(demo_project) == before + 30


def test_kc_error_comes_back_translated(qtbot, tmp_path: Path) -> None:
    from kcdesk.core.quarters import Quarter

    runner = Runner()
    missing = tmp_path / "nothing.kcdesk"
    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        runner.start(operations.analyse_job(missing, Quarter.parse("2026-Q3")))
    name, text, cancelled = blocker.args
    assert not cancelled
    assert "nothing.kcdesk" in text
    assert text != str(KcError("project_missing", file="nothing.kcdesk"))  # Russian, not the CLI's English


@pytest.mark.allow_log_warnings
def test_unexpected_error_gives_a_plain_sentence(qtbot) -> None:
    runner = Runner()

    def broken(progress):
        raise ZeroDivisionError("bug")

    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        runner.start(Job("broken", broken))
    assert "ZeroDivisionError" not in blocker.args[1]
    assert "Traceback" not in blocker.args[1]


def test_reads_wait_for_the_job_in_hand_and_never_refuse_an_action(qtbot) -> None:
    """Screens read the store through the runner: a read waits for the running job (a newer read of the
    same name replaces a waiting one), an action asked for during a read runs right after it, and
    `idle` comes once everything is done."""
    import threading

    runner = Runner()
    gate = threading.Event()
    order: list[str] = []

    def slow(progress):
        gate.wait(10)
        return "job"

    assert runner.start(Job("job", slow, lambda r: order.append(r)))
    runner.read(Job("list", lambda p: "list-old", lambda r: order.append(r)))
    runner.read(Job("list", lambda p: "list", lambda r: order.append(r)))  # replaces the waiting one
    assert not runner.start(Job("other", lambda p: "other"))  # a second action is still refused
    with qtbot.waitSignal(runner.idle, timeout=10000):
        gate.set()
    assert order == ["job", "list"]
    gate.clear()
    runner.read(Job("read", slow, lambda r: order.append("read")))
    assert runner.start(Job("action", lambda p: "action", lambda r: order.append(r)))  # waits, not refused
    with qtbot.waitSignal(runner.idle, timeout=10000):
        gate.set()
    assert order[-2:] == ["read", "action"] and not runner.busy
