"""The stages' rules on small projects whose every figure the test sets by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.core.analyse.analysis import analyse, region_counts
from kcdesk.core.errors import KcError
from kcdesk.core.importing import import_files
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project

Q3 = Quarter.parse("2026-Q3")


def _project(tmp_path: Path, rows: list[tuple[str, str, str]], name: str = "p") -> Project:
    """rows: (registration date text, region text, topic)."""
    text = "Дата регистрации;Регион;Тема\n" + "".join(f"{d};{r};{t}\n" for d, r, t in rows)
    source = tmp_path / f"{name}.csv"
    source.write_text(text, encoding="utf-8")
    path = tmp_path / f"{name}.kcdesk"
    import_files(path, [source])
    return Project.open(path)


def test_quarter_edges(tmp_path: Path):
    rows = [("30.06.2026 23:59", "г. Астана", "A"), ("01.07.2026 00:00", "г. Астана", "A"),
            ("30.09.2026 23:59", "г. Астана", "A"), ("01.10.2026 00:00", "г. Астана", "A")]
    with _project(tmp_path, rows) as project:
        assert [str(q) for q in project.quarters()] == ["2026-Q2", "2026-Q3", "2026-Q4"]
        assert analyse(project, Q3)["total"]["count"] == 2


def test_comparison_null_where_no_data_zero_where_none(tmp_path: Path):
    rows = [("10.04.2026", "г. Астана", "A"), ("10.07.2026", "г. Алматы", "A"),
            ("11.07.2026", "г. Алматы", "B")]
    with _project(tmp_path, rows) as project:
        result = analyse(project, Q3)
    assert result["total"] == {"count": 2, "previous": 1, "year_ago": None, "change_pct": 100.0,
                               "change_year_pct": None}
    regions = {r["region"]: r for r in result["by_region"]}
    assert regions["almaty"]["previous"] == 0 and regions["almaty"]["change_pct"] is None
    assert regions["astana"]["count"] == 0 and regions["astana"]["previous"] == 1  # a fall is listed
    assert regions["almaty"]["year_ago"] is None
    topics = {t["topic"]: t for t in result["by_topic"]}
    assert topics["B"]["new"] is True and topics["B"]["change_pct"] is None
    assert topics["B"]["flag_over_30"] is False


def test_new_needs_data_in_the_previous_quarter(tmp_path: Path):
    with _project(tmp_path, [("10.07.2026", "г. Алматы", "B")]) as project:
        topic = analyse(project, Q3)["by_topic"][0]
    assert topic["previous"] is None
    assert topic["new"] is False


def test_flag_is_strictly_over_30_and_small_counts_cautioned(tmp_path: Path):
    rows = ([("10.04.2026", "г. Астана", "Ровно30")] * 10 + [("10.07.2026", "г. Астана", "Ровно30")] * 13
            + [("10.04.2026", "г. Астана", "Мало")] * 3 + [("10.07.2026", "г. Астана", "Мало")] * 4
            + [("10.04.2026", "г. Астана", "Много")] * 100 + [("10.07.2026", "г. Астана", "Много")] * 160)
    with _project(tmp_path, rows) as project:
        topics = {t["topic"]: t for t in analyse(project, Q3)["by_topic"]}
    assert topics["Ровно30"]["change_pct"] == 30.0 and topics["Ровно30"]["flag_over_30"] is False
    assert topics["Мало"]["change_pct"] == 33.33 and topics["Мало"]["flag_over_30"] is True
    assert topics["Мало"]["caution"] is True
    assert topics["Много"]["flag_over_30"] is True and topics["Много"]["caution"] is False


def test_drivers_name_the_regions_that_rose(tmp_path: Path):
    rows = ([("10.04.2026", "г. Астана", "Газ")] * 2 + [("10.07.2026", "г. Астана", "Газ")] * 2
            + [("10.07.2026", "г. Шымкент", "Газ")] * 5 + [("10.07.2026", "г. Алматы", "Газ")] * 1)
    with _project(tmp_path, rows) as project:
        drivers = analyse(project, Q3)["drivers"]["Газ"]["regions"]
    assert [(d["region"], d["delta"]) for d in drivers] == [("shymkent", 5), ("almaty", 1)]


def test_top10_keeps_every_tie_at_the_cut_off(tmp_path: Path):
    rows = []
    for i in range(9):
        rows += [("10.07.2026", "г. Астана", f"Тема {i:02d}")] * (20 - i)
    for name in ("Хвост А", "Хвост Б", "Хвост В"):
        rows += [("10.07.2026", "г. Алматы", name)] * 3
    with _project(tmp_path, rows) as project:
        top = analyse(project, Q3)["top10"]
    assert len(top["all"]) == 12
    assert [r["rank"] for r in top["all"][-3:]] == [10, 10, 10]
    assert [r["topic"] for r in top["all"][-3:]] == ["Хвост А", "Хвост Б", "Хвост В"]
    assert [r["rank"] for r in top["by_region"]["almaty"]] == [1, 1, 1]


def test_portrait_sums_to_total_without_demographic_columns(tmp_path: Path):
    with _project(tmp_path, [("10.07.2026", "Марс", "A")] * 3) as project:
        result = analyse(project, Q3)
    for dimension in ("age", "gender", "social_status"):
        assert result["portrait"][dimension]["unknown"] == 3
        assert sum(result["portrait"][dimension].values()) == 3
    assert result["by_region"] == [{"region": "unknown", "count": 3, "previous": None,
                                    "year_ago": None, "change_pct": None}]


def test_region_counts_cover_all_twenty_units(tmp_path: Path):
    rows = [("10.07.2026", "г. Астана", "A"), ("10.04.2026", "г. Астана", "B"), ("10.07.2026", "Марс", "A")]
    with _project(tmp_path, rows) as project:
        table = region_counts(project, Q3).set_index("region")
        only_a = region_counts(project, Q3, topic="A").set_index("region")
    assert len(table) == 21 and table.loc["astana", "count"] == 1 and table.loc["unknown", "count"] == 1
    assert table.loc["astana", "previous"] == 1 and table.loc["ulytau", "count"] == 0
    assert only_a.loc["astana", "previous"] == 0


def test_quarter_without_data_is_a_clear_error(tmp_path: Path):
    with _project(tmp_path, [("10.07.2026", "г. Астана", "A")]) as project:
        with pytest.raises(KcError) as error:
            analyse(project, Quarter.parse("2025-Q1"))
    assert error.value.code == "no_data_for_quarter"


def test_processing_date_rule(tmp_path: Path):
    text = ("Дата регистрации;Дата закрытия;Регион;Тема\n"
            "28.09.2026;02.10.2026;г. Астана;A\n10.08.2026;12.08.2026;г. Астана;A\n01.10.2026;;г. Астана;A\n")
    source = tmp_path / "closing.csv"
    source.write_text(text, encoding="utf-8")
    path = tmp_path / "c.kcdesk"
    import_files(path, [source])
    with Project.open(path) as project:
        # §9 by default: the closing date where a row has one, else the registration date.
        result = analyse(project, Q3)
        assert result["quarter_rule"] == "processed"
        assert result["total"]["count"] == 1
        assert analyse(project, Q3.next())["total"]["count"] == 2
        project.set_quarter_rule("registered")
        assert analyse(project, Q3)["quarter_rule"] == "registered"
        assert analyse(project, Q3)["total"]["count"] == 2
        project.set_quarter_rule("processed")
        assert analyse(project, Q3)["total"]["count"] == 1


def _basis_rows() -> list[tuple[str, str, str]]:
    """Topic "Дороги": 5 a year ago (2025-Q3), 10 in the previous quarter, 12 now: +20 % against the
    previous quarter, +140 % against a year ago; "Свет": none a year ago, 4 before, 4 now."""
    rows = [("10.08.2025", "г. Алматы", "Дороги")] * 5 + [("10.08.2025", "г. Астана", "Прочее")] * 3
    rows += [("10.05.2026", "г. Алматы", "Дороги")] * 10 + [("10.05.2026", "г. Астана", "Свет")] * 4
    rows += [("10.08.2026", "г. Алматы", "Дороги")] * 6 + [("10.08.2026", "г. Астана", "Дороги")] * 6
    rows += [("10.08.2026", "г. Астана", "Свет")] * 4
    return rows


def test_basis_previous_quarter_is_the_default_and_both_changes_are_kept(tmp_path: Path):
    with _project(tmp_path, _basis_rows()) as project:
        assert project.comparison_basis() == "previous"
        result = analyse(project, Q3)
    assert result["comparison"]["basis"] == "previous"
    topics = {t["topic"]: t for t in result["by_topic"]}
    roads = topics["Дороги"]
    assert (roads["change_pct"], roads["change_year_pct"], roads["basis"]) == (20.0, 140.0, "previous")
    assert roads["flag_over_30"] is False and topics["Свет"]["new"] is False
    assert result["drivers"] == {}


def test_basis_year_ago_flags_by_the_same_quarter_a_year_earlier(tmp_path: Path):
    from kcdesk.core.model import Analysis

    with _project(tmp_path, _basis_rows()) as project:
        project.set_comparison_basis("year-ago")  # the CLI's spelling is accepted
        assert project.comparison_basis() == "year_ago"
        result = analyse(project, Q3)
        with pytest.raises(KcError) as error:
            project.set_comparison_basis("last-year")
        assert error.value.code == "bad_comparison_basis"
    assert result["comparison"]["basis"] == "year_ago"
    topics = {t["topic"]: t for t in result["by_topic"]}
    roads, light = topics["Дороги"], topics["Свет"]
    assert roads["flag_over_30"] is True and roads["change_pct"] == 20.0 and roads["basis"] == "year_ago"
    assert light["new"] is True  # none a year ago
    # Drivers are the rise against a year ago: Астана 0 → 6, Алматы 5 → 6.
    regions = result["drivers"]["Дороги"]["regions"]
    assert [(r["region"], r["previous"], r["delta"]) for r in regions] == [("astana", 0, 6), ("almaty", 5, 1)]
    typed = Analysis.from_json(result)
    assert [t.topic for t in typed.attention] == ["Дороги", "Свет"]
    assert typed.comparison.basis == "year_ago"
