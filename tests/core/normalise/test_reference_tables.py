"""Reference tables: every CSV spelling resolves to its code, real-world variants too, nothing guessed."""

from __future__ import annotations

import csv
import time

import pandas as pd
import pytest

from kcdesk.core.normalise.reference import (
    ValueTable,
    gender_name,
    is_blank,
    region_name,
    regions,
    resolve,
    social_status_name,
)
from kcdesk.core.resources import resource
from kcdesk.core.vocabulary import codes

FILES = {"region": "regions.csv", "gender": "gender.csv", "social_status": "social_status.csv"}


def _rows(field: str) -> list[dict[str, str]]:
    with open(resource("reference", FILES[field]), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _spellings() -> list[tuple[str, str, str]]:
    out = []
    for field in FILES:
        for row in _rows(field):
            names = [row["code"], row["name_kk"], row["name_ru"], row.get("name_en") or ""]
            names += row["aliases"].split(";")
            out += [(field, name, row["code"]) for name in names if name.strip()]
    return out


@pytest.mark.parametrize(("field", "spelling", "code"), _spellings())
def test_every_csv_spelling_resolves_to_its_code(field, spelling, code):
    assert resolve(field, pd.Series([spelling])).tolist() == [code]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Актюбинская обл", "aktobe"),
        ("Aктюбинская обл", "aktobe"),  # Latin A
        ("Ақтөбе облысы", "aktobe"),
        ("Актобе облысы", "aktobe"),
        ("Aktobe region", "aktobe"),
        ("Актюбинская", "aktobe"),
        ("г Алматы", "almaty"),
        ("г.Алматы", "almaty"),
        ("город Алматы", "almaty"),
        ("Алматы", "almaty"),
        ("Алматы қ", "almaty"),
        ("Алматы к.", "almaty"),
        ("Almaty", "almaty"),
        ("Алматинская область", "almaty_region"),
        ("Алматинская обл", "almaty_region"),
        ("Алматы облысы", "almaty_region"),
        ("Алматы обл", "almaty_region"),
        ("Almaty oblast", "almaty_region"),
        ("Акмолинская область", "akmola"),
        ("Северо-Казахстанская обл.", "north_kazakhstan"),
        ("Северо Казахстанская область", "north_kazakhstan"),
        ("ЮКО", "turkistan"),
        ("юко", "turkistan"),
        ("Нур-Султан", "astana"),
        ("г. Нур-Султан", "astana"),
        ("Нур-Султан г.", "astana"),
        ("Астана", "astana"),
        ("Шымкент қаласы", "shymkent"),
        ("Шыгыс Казакстан облысы", "east_kazakhstan"),  # Kazakh letters typed as Russian
        ("ВКО", "east_kazakhstan"),
        ("обл. Абай", "abai"),
        ("Абайская обл.", "abai"),
        ("Жетiсу облысы", "zhetisu"),  # Latin i
        ("Улытауская обл", "ulytau"),
        ("Ұлытау", "ulytau"),
        ("Мангистауская\u00a0область", "mangystau"),  # NBSP
        ("Кызылординская\u200b область", "kyzylorda"),  # zero-width space
        ("  ПАВЛОДАРСКАЯ   ОБЛ. ", "pavlodar"),
        ("751110000", "almaty"),  # KATO code
        (751110000.0, "almaty"),
        ("111010000", "akmola"),
        ("631010000", "east_kazakhstan"),
        ("75", "almaty"),
        (59, "north_kazakhstan"),
    ],
)
def test_region_variants(raw, code):
    assert resolve("region", pd.Series([raw], dtype=object)).tolist() == [code]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Алматинская обл., Талгарский р-н", "almaty_region"),
        ("г. Алматы, Бостандыкский район", "almaty"),
        ("Туркестанская область (ЮКО)", "turkistan"),
        ("РК - г. Астана", "astana"),
        ("Алматы / Алматинская обл", None),  # parts disagree: not guessed
        ("Казахстан, Москва", None),
        ("Москва, ул. Абая 5", None),
    ],
)
def test_region_from_parts(raw, code):
    assert resolve("region", pd.Series([raw])).tolist() == [code]


@pytest.mark.parametrize(
    ("raw", "code"),
    [("г. Кокшетау", "akmola"), ("Өскемен қаласы", "east_kazakhstan"), ("Семей", "abai"),
     ("Актау г.", "mangystau"), ("г.Тараз", "zhambyl"), ("Талдыкорган", "zhetisu"),
     ("Уральск", "west_kazakhstan"), ("Петропавловск", "north_kazakhstan")],
)
def test_oblast_centres(raw, code):
    assert resolve("region", pd.Series([raw])).tolist() == [code]


@pytest.mark.parametrize(
    "raw", ["Москва", "Бишкек", "Алм", "Казахстан", "Республика Казахстан", "Ташкент", "обл", "г.",
            "99", "7", "1234567890", "1990", "751110", "2024"],
)
def test_unknown_regions_are_never_guessed(raw):
    assert resolve("region", pd.Series([raw])).tolist() == [None]


@pytest.mark.parametrize("raw", [None, "", "  ", "-", "не указано", "Нет данных", float("nan")])
def test_blank_values(raw):
    series = pd.Series([raw], dtype=object)
    assert resolve("region", series).tolist() == [None]
    assert is_blank(series).tolist() == [True]


def test_is_blank_is_false_for_values():
    assert is_blank(pd.Series(["Москва", "Алматы", "0"])).tolist() == [False, False, False]


def test_user_map_overrides_reference():
    values = pd.Series(["Алматы", "Талдыкорган", "Москва", "Алматы"])
    user = {"алматы": "almaty_region", "талдыкорган": "zhetisu"}
    assert resolve("region", values, user).tolist() == ["almaty_region", "zhetisu", None, "almaty_region"]
    # keys may be given unfolded as well
    assert resolve("region", values, {"Талдыкорган": "zhetisu"}).tolist()[1] == "zhetisu"


def test_resolve_keeps_index_and_dtype():
    values = pd.Series(["ВКО", None, "ЗКО"], index=[5, 6, 7])
    out = resolve("region", values)
    assert out.dtype == object
    assert list(out.index) == [5, 6, 7]
    assert out.tolist() == ["east_kazakhstan", None, "west_kazakhstan"]


def test_resolve_accepts_empty_and_lists():
    assert resolve("gender", pd.Series([], dtype=object)).tolist() == []
    assert resolve("gender", ["Ж", "М"]).tolist() == ["female", "male"]


def test_unknown_field():
    with pytest.raises(ValueError):
        ValueTable("colour")


def test_region_names_and_table():
    table = regions()
    assert list(table.columns) == ["code", "name_kk", "name_ru", "name_en", "kato_prefix"]
    assert len(table) == len(_rows("region")) == 20
    assert codes("region") == tuple(r["code"] for r in _rows("region"))
    assert region_name("almaty", "kk") == "Алматы қаласы"
    assert region_name("almaty_region", "ru") == "Алматинская область"
    assert region_name("astana", "en") == "Astana"
    assert region_name("nowhere", "ru") == ""
    assert gender_name("female", "kk") == "Әйел"
    assert social_status_name("pensioner", "ru") == "Пенсионеры"


def test_resolve_million_rows_is_fast():
    spellings = [s for field, s, _ in _spellings() if field == "region"][:45] + ["Москва", None, "", "-", "ЮКО"]
    big = pd.Series(spellings * 20_000, dtype=object)
    assert len(big) == 1_000_000
    start = time.perf_counter()
    out = resolve("region", big)
    elapsed = time.perf_counter() - start
    assert out.notna().sum() == 46 * 20_000
    assert elapsed < 5, f"resolve took {elapsed:.2f}s"
