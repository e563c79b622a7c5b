"""The map's use case: the population setting is read the same way for both doors; errors are codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.importing import import_files
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.usecases.analysis import POPULATION_SETTING, analyse_quarter, map_input, population

Q3 = Quarter.parse("2026-Q3")


@pytest.fixture
def project(tmp_path: Path):
    source = tmp_path / "a.csv"
    source.write_text("№;Дата регистрации;Регион;Тема\n1;01.07.2026;ЮКО;Дороги\n2;02.07.2026;г. Астана;Вода\n",
                      encoding="utf-8")
    import_files(tmp_path / "p.kcdesk", [source])
    with Project.open(tmp_path / "p.kcdesk") as opened:
        yield opened


def test_population_keeps_only_usable_numbers(project: Project) -> None:
    assert population(project) == {}
    project.set_setting(POPULATION_SETTING, {"astana": "1400000", "almaty": 0, "turkistan": "many", "abai": 600000})
    assert population(project) == {"astana": 1_400_000, "abai": 600_000}


def test_map_input_for_a_topic_by_any_of_its_names(project: Project) -> None:
    with pytest.raises(KcError) as error:
        map_input(project, Q3, None, "rate", "ru")
    assert error.value.code == "map_no_population"
    data = map_input(project, Q3, "  дороги ", "count", "kk")
    row = project.catalogue.topics().set_index("name").loc["Дороги"]
    assert data.topic == (row["name_kk"] or "Дороги")  # shown in the map's language where it has a name
    counts = dict(zip(data.table["region"], data.table["count"], strict=True))
    assert counts["turkistan"] == 1 and counts["astana"] == 0 and len(counts) == 21
    with pytest.raises(KcError) as error:
        map_input(project, Quarter.parse("2025-Q1"), None, "count", "ru")
    assert error.value.code == "no_data_for_quarter"


def test_analyse_quarter_remembers_the_rule_and_is_typed(project: Project) -> None:
    analysis = analyse_quarter(project, Q3, rule="processed")
    assert project.quarter_rule() == "processed" and analysis.quarter_rule == "processed"
    assert analysis.quarter == Q3 and analysis.total.count == 2
