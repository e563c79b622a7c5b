"""Unresolved values mapped once (and remembered), topics merged and renamed, topic fixes undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.core.analyse.analysis import analyse
from kcdesk.core.importing import import_files
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project

Q3 = Quarter.parse("2026-Q3")
HEADER = "№;Дата регистрации;Регион;Тема;Текст\n"


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    rows = [
        "1;01.07.2026;ЮКО;Дороги;яма во дворе",
        "2;02.07.2026;Южный Казахстан;дороги ;яма",
        "3;03.07.2026;Южный Казахстан;Коммунальные услуги;нет воды",
        "4;04.07.2026;Марс;ЖКХ;нет света",
        "5;05.07.2026;г. Астана;;без темы",
    ]
    path = tmp_path / "p.kcdesk"
    import_files(path, [_csv(tmp_path / "a.csv", rows)])
    return path


def test_unresolved_values_listed_with_place(project_path: Path):
    with Project.open(project_path) as project:
        unresolved = project.catalogue.unresolved()
    rows = {(r.field, r.value): r for r in unresolved.itertuples(index=False)}
    assert set(rows) == {("region", "Южный Казахстан"), ("region", "Марс")}
    south = rows[("region", "Южный Казахстан")]
    assert (south.count, south.file, south.row) == (2, "a.csv", 3)


def test_mapping_fixes_stored_rows_and_later_imports(project_path: Path, tmp_path: Path):
    with Project.open(project_path) as project:
        assert project.catalogue.add_value_mapping("region", "южный  казахстан", "turkistan") == 2
        result = analyse(project, Q3)
    regions = {r["region"]: r["count"] for r in result["by_region"]}
    assert regions["turkistan"] == 3
    assert regions["unknown"] == 1
    later = _csv(tmp_path / "b.csv", ["6;06.07.2026;ЮЖНЫЙ КАЗАХСТАН;Дороги;ещё яма"])
    import_files(project_path, [later])
    with Project.open(project_path) as project:
        assert {r["region"]: r["count"] for r in analyse(project, Q3)["by_region"]}["turkistan"] == 4
        assert project.catalogue.value_mappings("region")["code"].tolist() == ["turkistan"]


def test_topics_fold_case_and_spaces_then_merge(project_path: Path):
    with Project.open(project_path) as project:
        topics = project.catalogue.topics().set_index("name")
        assert topics.loc["Дороги", "requests"] == 2
        housing = int(topics.loc["ЖКХ", "id"])
        utilities = int(topics.loc["Коммунальные услуги", "id"])
        project.catalogue.merge_topics([housing], utilities)
        project.catalogue.rename_topic(utilities, name_kk="Коммуналдық қызметтер")
        result = analyse(project, Q3)
    by_topic = {t["topic"]: t for t in result["by_topic"]}
    assert by_topic["Коммунальные услуги"]["count"] == 2
    assert by_topic["Коммунальные услуги"]["names"]["kk"] == "Коммуналдық қызметтер"
    assert "ЖКХ" not in by_topic
    assert result["data_quality"]["unmapped_topic"] == 1


def test_assigned_topics_count_and_undo(project_path: Path):
    with Project.open(project_path) as project:
        row_id = int(project.catalogue.question_frame([Q3]).query("topic.isna()")["row_id"].iloc[0])
        project.catalogue.assign_topics([row_id], "Дороги", "content:2026-Q3:test")
        assert {t["topic"]: t["count"] for t in analyse(project, Q3)["by_topic"]}["Дороги"] == 3
        assert project.catalogue.unassign_topics("content:2026-Q3:test") == 1
        assert {t["topic"]: t["count"] for t in analyse(project, Q3)["by_topic"]}["Дороги"] == 2
