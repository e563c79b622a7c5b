"""`kcdesk demo PROJECT`: writes a project, refuses to overwrite without --force, checks --quarters."""

from __future__ import annotations

from kcdesk.cli.main import main
from kcdesk.core.store.project import Project
from tests.helpers import db


def test_demo_command_writes_the_latest_quarters(tmp_path, capsys):
    path = tmp_path / "demo.kcdesk"
    assert main(["demo", str(path), "--quarters", "2"]) == 0
    out = capsys.readouterr().out
    assert "2026-Q2" in out and "2026-Q3" in out
    with Project.open(path) as project:
        assert [str(q) for q in project.quarters()] == ["2026-Q2", "2026-Q3"]
        stored = db.value(project, "SELECT COUNT(*) FROM requests")
    assert f"{stored} requests" in out

    # An existing file is kept unless --force is given.
    before = path.read_bytes()
    assert main(["demo", str(path), "--quarters", "1"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["demo", str(path), "--quarters", "1", "--force", "--seed", "5"]) == 0
    with Project.open(path) as project:
        assert [str(q) for q in project.quarters()] == ["2026-Q3"]


def test_demo_command_rejects_a_bad_quarter_count(tmp_path, capsys):
    path = tmp_path / "demo.kcdesk"
    assert main(["demo", str(path), "--quarters", "9"]) == 2
    assert "--quarters 9" in capsys.readouterr().err
    assert not path.exists()
