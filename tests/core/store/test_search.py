"""Search that finds: stems, ё→е, Kazakh letters typed plainly, Latin look-alikes, one-letter typos,
identical hits collapsed with a count, counts by quarter and region."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kcdesk.cli.main import main
from kcdesk.core.store.project import Project
from kcdesk.core.store.search import fold, latin_readings, search

TEXTS = [
    ("Нет отопления в квартире", "2026-05-10", "ВКО"),
    ("Отопление не работает третий день", "2026-08-11", "ВКО"),
    ("Батареи отоплению не поддаются", "2026-08-12", "г. Астана"),
    ("Ещё нет света во дворе", "2026-08-13", "ВКО"),
    ("Аулада қоқыс шығарылмайды", "2026-08-14", "ВКО"),
    ("Қоқысты кім шығарады?", "2026-08-15", "г. Астана"),
    ("яма", "2026-08-16", "ВКО"),
    ("Яма", "2026-08-17", "ВКО"),
    ("Яма!", "2026-08-18", "ВКО"),
    ("Ямы на дороге у школы", "2026-08-19", "ВКО"),
    ("Нет горячeй воды", "2026-08-20", "ВКО"),  # a Latin "e" inside
    ("Жұмысқа орналасу туралы сұрау салу", "2026-08-21", "ВКО"),
    ("Жұмыссыздық бойынша жәрдемақы", "2026-08-22", "ВКО"),
    ("Шағым: көшеде жарық жоқ", "2026-08-23", "ВКО"),
]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    export = pd.DataFrame({"№ обращения": [f"S-{i}" for i in range(len(TEXTS))],
                           "Дата регистрации": [t[1] for t in TEXTS], "Регион": [t[2] for t in TEXTS],
                           "Тема": "ЖКХ", "Текст обращения": [t[0] for t in TEXTS]})
    csv = tmp_path / "export.csv"
    export.to_csv(csv, index=False)
    target = tmp_path / "s.kcdesk"
    assert main(["import", str(target), str(csv)]) == 0
    return target


def test_latin_readings():
    assert "кокыс" in latin_readings("kokys")
    assert latin_readings("zhumys")[0] == "жумыс"
    assert latin_readings("shygaru")[0] == "шыгару"
    assert latin_readings("Qoqys")[0] == "кокыс"
    assert latin_readings("кокыс") == []  # Cyrillic words are searched as typed


def test_fold():
    assert fold("Қоқыс Ёлка") == "кокыс елка"
    assert fold("горячeй") == "горячеи"  # Latin e, й folded


@pytest.mark.parametrize(("query", "found"), [
    ("отопление", 3),  # stemmed: отопления, отоплению, отопление
    ("отоплением", 3),
    ("ещe", 1),  # Latin look-alike in the query
    ("еще", 1),  # ё written as е
    ("кокыс", 2),  # Kazakh typed without Kazakh letters
    ("қоқыс", 2),
    ("қоқысты", 2),  # a Kazakh form: stemmed by the Kazakh stripper
    ("кокысты", 2),  # … typed without Kazakh letters
    ("kokys", 2),  # Kazakh typed in Latin letters
    ("qoqys", 2),  # the 2021 alphabet's q
    ("zhumys", 2),  # zh → ж, and "жұмыс" found in жұмысқа, жұмыссыздық
    ("jumys", 2),
    ("zhumysqa", 2),  # a Latin-typed suffix stripped
    ("жумыс", 2),
    ("shagym", 1),  # sh → ш, gh/g → ғ
    ("kokys shygarylmaidy", 1),  # every word of a Latin query
    ("otoplenie", 3),  # Russian typed in Latin letters
    ("отопоение", 3),  # one letter wrong: the trigram fallback
    ("kokus", 2),  # a Latin word one letter wrong: the trigram fallback on its reading
    ("zhol", 0),  # a reading found in no text finds nothing
    ("горячей воды", 1),
    ('"нет света"', 1),
])
def test_search_finds(project, query, found):
    with Project.open(project) as opened:
        assert search(opened, query).total == found


def test_identical_hits_collapse_with_a_count_and_counts_by_quarter_and_region(project):
    with Project.open(project) as opened:
        result = search(opened, "яма")
    assert result.total == 4
    lines = {e["question"]: e["count"] for e in result.examples}
    assert len(result.examples) == 2  # "яма", "Яма", "Яма!" are one line
    assert sorted(lines.values()) == [1, 3]
    assert dict(zip(result.by_quarter["quarter"], result.by_quarter["count"], strict=True)) == {"2026-Q3": 4}
    assert result.by_region["count"].sum() == 4
