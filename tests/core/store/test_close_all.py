"""Every project connection is accounted for, so a window or a command can end with none open:
Windows cannot delete or replace a file a process holds open (issue 16)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kcdesk.core.store.project import Project, close_all, open_projects


def held_open(path: Path) -> bool:
    """Linux: whether this process has a descriptor on the file (Windows would refuse to delete it)."""
    if not sys.platform.startswith("linux"):
        return False
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                return True
        except OSError:
            continue
    return False


def test_open_and_close_are_tracked(tmp_path: Path) -> None:
    path = tmp_path / "p.kcdesk"
    with Project.open(path, create=True):
        assert path in open_projects()
        assert held_open(path)
    assert path not in open_projects()
    assert not held_open(path)
    path.unlink()
    assert not path.exists()


def test_close_all_closes_what_was_left_open(tmp_path: Path) -> None:
    path = tmp_path / "left open.kcdesk"
    project = Project.open(path, create=True)
    assert close_all() == [path]
    assert open_projects() == []
    assert not held_open(path)
    project.close()  # closing again is harmless
    path.unlink()


@pytest.mark.allow_log_warnings  # the command's end logs the leak it closed
def test_a_command_ends_with_no_project_open(tmp_path: Path, monkeypatch) -> None:
    from kcdesk.cli import main as cli
    from kcdesk.core.demo import build_demo_project

    monkeypatch.setenv("KCDESK_LOG_DIR", str(tmp_path / "logs"))
    path = build_demo_project(tmp_path / "demo.kcdesk", quarters=1)
    leaked: list[Project] = []
    real_run = cli._run_command

    def leaking(argv: list[str]) -> int:  # a command that forgets to close its project
        leaked.append(Project.open(path))
        return real_run(argv)

    monkeypatch.setattr(cli, "_run_command", leaking)
    assert cli.main(["analyze", str(path), "--quarter", "2026-Q3"]) in (0, 2)
    assert leaked and open_projects() == []
    assert not held_open(path)
    path.unlink()
