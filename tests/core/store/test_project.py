"""Opening projects: create, refuse what is not ours (bytes unchanged), settings, texts, states."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import project as project_module
from kcdesk.core.store import schema
from kcdesk.core.store.project import Project
from tests.helpers import db

Q3 = Quarter.parse("2026-Q3")


def test_create_and_reopen(tmp_path: Path):
    path = tmp_path / "p.kcdesk"
    with Project.open(path, create=True) as project:
        assert project.quarters() == []
        project.set_setting("signatory", "А. Әбілқасымова")
    with Project.open(path) as project:
        assert project.get_setting("signatory") == "А. Әбілқасымова"
    assert not list(tmp_path.glob(".kcdesk-new-*")), "no temporary file left behind"


def test_missing_project_is_not_created_without_asking(tmp_path: Path):
    with pytest.raises(KcError) as error:
        Project.open(tmp_path / "none.kcdesk")
    assert error.value.code == "project_missing"
    assert not (tmp_path / "none.kcdesk").exists()


@pytest.mark.parametrize("content", [b"", b"just some text\n", b"PK\x03\x04 not sqlite"])
def test_foreign_files_are_refused_and_untouched(tmp_path: Path, content: bytes):
    path = tmp_path / "x.kcdesk"
    path.write_bytes(content)
    with pytest.raises(KcError) as error:
        Project.open(path, create=True)
    assert error.value.code == "not_a_project"
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path):
    path = tmp_path / "other.kcdesk"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(KcError) as error:
        Project.open(path)
    assert error.value.code == "not_a_project"
    assert path.read_bytes() == before


def test_project_from_a_newer_kcdesk_is_refused(tmp_path: Path):
    path = tmp_path / "new.kcdesk"
    Project.open(path, create=True).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    con.close()
    before = path.read_bytes()
    with pytest.raises(KcError) as error:
        Project.open(path)
    assert error.value.code == "project_too_new"
    assert path.read_bytes() == before


def _version_1_project(path: Path) -> None:
    """A project file as kcdesk with schema version 1 wrote it."""
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript("BEGIN;" + schema.SCHEMA_V1 + f"PRAGMA application_id = {schema.APPLICATION_ID};"
                      "PRAGMA user_version = 1; INSERT INTO settings VALUES ('signatory', '\"А. Б.\"'); COMMIT;")
    con.close()


def test_version_1_project_is_backed_up_then_migrated(tmp_path: Path):
    path = tmp_path / "old.kcdesk"
    _version_1_project(path)
    before = path.read_bytes()
    with Project.open(path) as project:
        assert db.value(project, "PRAGMA user_version") == schema.SCHEMA_VERSION == 4
        project.save_content(Q3, {"schema": "kcdesk.content/1"})  # the table version 2 added
        assert "applicant" in {r[1] for r in project._connection.execute("PRAGMA table_info(requests)")}  # version 4
        assert project.get_setting("signatory") == "А. Б."          # the data came along
    backup = tmp_path / "old.v1.bak.kcdesk"
    assert backup.read_bytes() == before


def test_new_project_has_the_same_tables_as_a_migrated_one(tmp_path: Path):
    _version_1_project(tmp_path / "old.kcdesk")
    Project.open(tmp_path / "old.kcdesk").close()
    Project.open(tmp_path / "new.kcdesk", create=True).close()

    def tables(path: Path) -> set[str]:
        con = sqlite3.connect(path)
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")}
        con.close()
        return names

    assert tables(tmp_path / "old.kcdesk") == tables(tmp_path / "new.kcdesk")


def test_texts_per_quarter(tmp_path: Path):
    with Project.open(tmp_path / "p.kcdesk", create=True) as project:
        project.set_text(Q3, "reason:Дороги", "Ремонт дорог летом")
        project.set_text(Q3.previous(), "reason:Дороги", "другой квартал")
        assert project.texts(Q3) == {"reason:Дороги": "Ремонт дорог летом"}
        project.set_text(Q3, "reason:Дороги", None)
        assert project.get_text(Q3, "reason:Дороги") is None
        assert project.get_text(Q3.previous(), "reason:Дороги") == "другой квартал"


def test_report_state_moves_forward_and_back(tmp_path: Path):
    with Project.open(tmp_path / "p.kcdesk", create=True) as project:
        assert project.report_state(Q3)["state"] == "draft"
        project.set_report_state(Q3, "submitted", date(2026, 10, 3))
        project.set_report_state(Q3, "approved", date(2026, 10, 10))
        assert project.report_state(Q3) == {
            "state": "approved", "dates": {"submitted": "2026-10-03", "approved": "2026-10-10"}}
        project.set_report_state(Q3, "submitted", date(2026, 10, 12))  # sent back
        assert project.report_state(Q3)["state"] == "submitted"
        with pytest.raises(KcError):
            project.set_report_state(Q3, "published?", date(2026, 10, 12))


def test_failed_transaction_leaves_nothing(tmp_path: Path):
    with Project.open(tmp_path / "p.kcdesk", create=True) as project:
        with pytest.raises(RuntimeError):
            with project.transaction() as con:
                con.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
                raise RuntimeError("boom")
        assert project.settings() == {}


def test_second_writer_gets_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "p.kcdesk"
    first = Project.open(path, create=True)
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_MS", 50)
    second = Project.open(path)
    with first.transaction():
        with pytest.raises(KcError) as error:
            second.set_setting("x", 1)
    assert error.value.code == "project_locked"
    second.set_setting("x", 1)  # once the first is done, the write goes through
    assert first.get_setting("x") == 1
    first.close()
    second.close()


def test_content_results_kept_as_plain_json(tmp_path: Path):
    with Project.open(tmp_path / "p.kcdesk", create=True) as project:
        assert project.content(Q3) is None
        project.save_content(Q3, {"schema": "kcdesk.content/1", "faq": [{"question": "Қашан?", "count": 3}]})
        assert project.content(Q3)["faq"][0]["question"] == "Қашан?"
        assert project.content(Q3.previous()) is None


def test_version_2_free_texts_become_codes_and_the_old_quarter_rule_stays(tmp_path: Path):
    """Migration 3: channel/marital status/education/occupation texts are resolved to codes; a project
    with requests keeps "registered" (it was imported so), a new one gets §9's "processed"."""
    path = tmp_path / "old.kcdesk"
    _version_1_project(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(
        "BEGIN; INSERT INTO imports(id, file, sheet, source, sha256, imported_at, mapping) "
        "VALUES (1, 'a.xlsx', 'S', 'a', 'x', '2026-01-01', '{}');"
        "INSERT INTO requests(import_id, source_row, channel, marital_status, education, occupation) VALUES "
        "(1, 2, 'Звонок 1414', 'Замужем', 'Высшее', 'Работает'),"
        "(1, 3, 'Голубиная почта', 'Женат', NULL, NULL); COMMIT;")
    con.close()
    with Project.open(path) as project:
        rows = db.rows(project, "SELECT channel, channel_raw, marital_status, education, occupation "
                                "FROM requests ORDER BY source_row")
        assert rows[0] == ("call_1414", None, "married", "higher", "employed")
        assert rows[1][:3] == (None, "Голубиная почта", "married")
        assert project.quarter_rule() == "registered"
        assert set(project.catalogue.unresolved()["value"]) == {"Голубиная почта"}
    with Project.open(tmp_path / "new.kcdesk", create=True) as project:
        assert project.quarter_rule() == "processed"
