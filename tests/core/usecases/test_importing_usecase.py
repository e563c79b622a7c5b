"""Import with the officer's choices passed in: the mapping on the plan wins over a preset saved under
the file's name, and files with different choices go in separate calls."""

from __future__ import annotations

from pathlib import Path

from kcdesk.core.analyse.analysis import analyse
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.usecases.importing import FilePlan, import_files

Q3 = Quarter.parse("2026-Q3")


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("№;Дата регистрации;Регион;Тема\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_plans_mapping_is_used_not_the_preset(tmp_path: Path) -> None:
    a = _csv(tmp_path / "a.csv", ["1;01.07.2026;ЮКО;Дороги", "2;02.07.2026;ЮКО;Дороги"])
    b = _csv(tmp_path / "b.csv", ["3;03.07.2026;ЮКО;Вода"])
    path = tmp_path / "p.kcdesk"
    with Project.open(path, create=True) as project:
        project.save_preset("a.csv", {"Тема": "ignore"})  # an old choice under the same name
    results = import_files(path, [FilePlan(a, mapping={"Тема": "topic", "#5": None}),
                                  FilePlan(b, mapping={"Тема": None})])
    assert [r.rows_stored for r in results] == [2, 1]  # two calls: the choices differ
    with Project.open(path) as project:
        topics = {t["topic"]: t["count"] for t in analyse(project, Q3)["by_topic"]}
        assert topics == {"Дороги": 2}  # b's topic column was "not used"
        assert project.get_preset("a.csv") == {"Тема": "topic"}  # the choice is remembered
