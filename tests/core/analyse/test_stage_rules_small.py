"""The three stages' rules on a small project built from typed rows (no export, no import pipeline):
tests/helpers/small_project.py and kcdesk.core.store.imports.insert_requests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kcdesk.core.quarters import Quarter
from kcdesk.core.store.imports import RequestRow
from kcdesk.core.usecases.analysis import analyse_quarter
from tests.helpers.small_project import rows, small_project

Q3 = Quarter.parse("2026-Q3")
APRIL, JULY, AUGUST = date(2026, 4, 10), date(2026, 7, 10), date(2026, 8, 20)


def test_the_rows_are_stored_as_given(tmp_path: Path) -> None:
    given = rows(JULY, 2, topic="Газ", region="astana") + [RequestRow(APRIL, topic="Газ", region="almaty")]
    with small_project(tmp_path, given) as project:
        assert project.quarters() == [Q3.previous(), Q3]
        result = analyse_quarter(project, Q3)
    assert result.total.count == 2 and result.total.previous == 1
    assert {r.region: r.count for r in result.by_region if r.count} == {"astana": 2}


def test_stage1_over_30_is_strict_and_new_needs_a_basis_quarter(tmp_path: Path) -> None:
    given = (rows(APRIL, 10, topic="Ровно30", region="astana") + rows(JULY, 13, topic="Ровно30", region="astana")
             + rows(APRIL, 10, topic="Больше", region="astana") + rows(JULY, 14, topic="Больше", region="almaty")
             + rows(JULY, 3, topic="Новая", region="astana"))
    with small_project(tmp_path, given) as project:
        result = analyse_quarter(project, Q3)
    topics = {t.topic: t for t in result.by_topic}
    assert topics["Ровно30"].change_pct == 30.0 and not topics["Ровно30"].flag_over_30
    assert topics["Больше"].flag_over_30 and topics["Больше"].needs_attention
    assert topics["Новая"].new and topics["Новая"].needs_attention and not topics["Новая"].flag_over_30
    assert [t.topic for t in result.flagged] == ["Больше"]
    assert {t.topic for t in result.attention} == {"Больше", "Новая"}
    assert [d["region"] for d in result.drivers["Больше"]["regions"]] == ["almaty"]  # only regions that rose
    with small_project(tmp_path, rows(JULY, 3, topic="Новая"), name="alone") as project:
        alone = analyse_quarter(project, Q3).by_topic[0]
    assert alone.previous is None and not alone.new  # no data in the previous quarter: not "new"


def test_stage2_top10_keeps_every_tie_at_the_cut_off(tmp_path: Path) -> None:
    given = [row for i in range(9) for row in rows(JULY, 20 - i, topic=f"Тема {i:02d}", region="astana")]
    given += [row for name in ("Хвост А", "Хвост Б", "Хвост В") for row in rows(AUGUST, 3, topic=name, region="almaty")]
    with small_project(tmp_path, given) as project:
        top = analyse_quarter(project, Q3).top10
    assert len(top.all) == 12 and [r.rank for r in top.all[-3:]] == [10, 10, 10]
    assert [r.rank for r in top.by_region["almaty"]] == [1, 1, 1]


def test_stage3_portrait_bands_and_sums(tmp_path: Path) -> None:
    given = (rows(JULY, 2, topic="A", gender="female", age=25, social_status="pensioner")
             + rows(JULY, 1, topic="A", gender="male", age=95)
             + rows(JULY, 1, topic="A"))
    with small_project(tmp_path, given) as project:
        portrait = analyse_quarter(project, Q3).portrait
    assert portrait.gender == {"female": 2, "male": 1, "unknown": 1}
    assert portrait.age["18-30"] == 2 and portrait.age["over_90"] == 1 and portrait.age["unknown"] == 1
    assert portrait.social_status["pensioner"] == 2 and portrait.social_status["unknown"] == 2
    for counts in portrait.dimensions().values():
        assert sum(counts.values()) == 4  # every dimension adds up to the quarter's total


def test_a_repeated_request_id_is_a_duplicate(tmp_path: Path) -> None:
    given = [RequestRow(JULY, topic="A", request_id="R-1"), RequestRow(JULY, topic="A", request_id="R-1")]
    with small_project(tmp_path, given) as project:
        result = analyse_quarter(project, Q3)
    assert result.total.count == 1 and result.data_quality.duplicates == 1
