"""Issue 13 item 9: personal data that slipped through the first round — phones and IINs written with dots
or slashes, an IIN as the contact centre's phone, names and phones in file and sheet names and headers,
names in category columns — is masked or refused before it is stored, logged or printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kcdesk.cli.main import main
from kcdesk.core.normalise.masking import mask_all, mask_text
from tests.hostile.make_corpus import write_csv

Q = "2026-Q3"
PERSONAL = ("87011234567", "701 123", "880101300123", "Иванов Иван Иванович", "Петрова А. Б.", "Серікұлы")


@pytest.mark.parametrize(("text", "masked"), [
    ("звонил 8.701.123.45.67 вечером", "звонил [ТЕЛ] вечером"),
    ("номер 8/701/1234567", "номер [ТЕЛ]"),
    ("ИИН 880101.300123 указан", "ИИН [ИИН] указан"),
    ("ИИН 880101/300123", "ИИН [ИИН]"),
    ("+7.701.123.45.67", "[ТЕЛ]"),
])
def test_phones_and_iins_with_dots_or_slashes_are_masked(text: str, masked: str,
                                                         record_property: Callable[[str, object], None]) -> None:
    assert mask_text(text) == masked
    record_property("answer", masked)


@pytest.mark.parametrize("text", ["приём 12.03.2024 в 10.30", "сумма 1.500.000 тенге", "дом 7/1, кв. 12",
                                  "приказ № 114-НҚ от 01.07.2024", "2024/2025 учебный год"])
def test_dates_sums_and_addresses_stay(text: str) -> None:
    assert mask_text(text) == text


@pytest.mark.parametrize(("text", "masked"), [
    ("Иванов Иван Иванович", "[ФИО]"),
    ("жалоба Петрова А. Б.", "жалоба [ФИО]"),
    ("И. И. Иванов", "[ФИО]"),
    ("Асқар Серікұлы Нұрланов", "[ФИО]"),
    ("Жилищные вопросы", "Жилищные вопросы"),
    ("г. Астана", "г. Астана"),
])
def test_names_in_categories_and_file_names(text: str, masked: str) -> None:
    assert mask_all(text) == masked


def test_contact_centre_phone_refuses_an_iin(project: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["texts", str(project), "--setting", "contact_centre_phone=880101300123"]) == 2
    assert "contact_centre_phone" in capsys.readouterr().err
    assert main(["texts", str(project), "--setting", "contact_centre_phone=8 (7172) 55-66-77"]) == 0


def test_names_and_phones_never_reach_the_project_the_log_or_the_spravka(project: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture) -> None:
    header = ["Номер обращения", "Дата регистрации", "Регион", "Тема", "Подтема", "Род занятий",
              "Семейное положение", "Текст обращения", "ИИН 880101300123"]
    rows = [[f"PII-{i}", "12.08.2026", "г. Астана", "Дороги", "Иванов Иван Иванович", "Петрова А. Б.",
             "Асқар Серікұлы Нұрланов", "Ямы у школы", "x"] for i in range(1, 6)]
    export = write_csv(tmp_path / "Иванов Иван Иванович 87011234567.csv", [header, *rows])
    assert main(["import", str(project), str(export)]) == 0, capsys.readouterr().err
    out = tmp_path / "s.docx"
    assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--no-charts", "--out", str(out),
                 "--xlsx", str(tmp_path / "s.xlsx")]) == 0
    assert main(["analyze", str(project), "--quarter", Q, "--json", str(tmp_path / "a.json")]) == 0
    capsys.readouterr()
    from docx import Document

    doc = Document(str(out))
    spravka = "\n".join(p.text for p in doc.paragraphs) + "".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    places = {
        "project": project.read_bytes().decode("utf-8", "replace"),
        "log": "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "logs").glob("*.log*")),
        "analysis json": (tmp_path / "a.json").read_text(encoding="utf-8"),
        "справка": spravka,
    }
    for where, text in places.items():
        for value in PERSONAL:
            assert value not in text, f"{value!r} in the {where}"
