"""Messy exports written from a known truth table, so tests can compute every expected figure."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pandas as pd

from tests.helpers.iin import make_iin

# Spellings as real exports write them → the region code the project must resolve them to.
REGION_SPELLINGS = {
    "astana": ["г. Астана", "Астана қаласы", "Нур-Султан"],
    "almaty": ["г. Алматы", "Алматы қаласы", "Алматы"],
    "shymkent": ["г. Шымкент", "Шымкент қ."],
    "almaty_region": ["Алматинская область", "Алматы облысы"],
    "turkistan": ["Туркестанская область", "ЮКО", "Түркістан облысы"],
    "aktobe": ["Актюбинская обл.", "Ақтөбе облысы", "Aктюбинская область"],  # Latin A
    "karaganda": ["Карагандинская область", "Қарағанды облысы"],
    "east_kazakhstan": ["ВКО", "Восточно-Казахстанская область"],
    "abai": ["область Абай", "Абай облысы"],
    "ulytau": ["область Ұлытау", "Улытауская область"],
}
UNKNOWN_REGIONS = ["Москва", "не указан"]
TOPICS = {  # canonical name → spellings in the exports (case and spacing vary)
    "Коммунальные услуги": ["Коммунальные услуги", "коммунальные  услуги ", "КОММУНАЛЬНЫЕ УСЛУГИ"],
    "Социальная помощь": ["Социальная помощь", " социальная помощь"],
    "Дороги": ["Дороги"],
    "Здравоохранение": ["Здравоохранение"],
    "Образование": ["Образование", "образование"],
    "Жилищные вопросы": ["Жилищные вопросы"],
    "Земельные отношения": ["Земельные отношения"],
    "Занятость": ["Занятость"],
    "Транспорт": ["Транспорт"],
    "Экология": ["Экология"],
    "Пенсии": ["Пенсии"],
    "Газоснабжение": ["Газоснабжение"],
}
GENDER_SPELLINGS = {"female": ["Ж", "жен.", "Әйел"], "male": ["М", "муж.", "Ер"]}
SOCIAL = {"pensioner": "пенсионер", "employee": "наемный работник", "student": "студент",
          "unemployed": "безработный", "large_family": "многодетная семья"}


@dataclass
class Truth:
    """One row per request as the test means it: the expected resolved values."""

    rows: pd.DataFrame  # request_id, registered (datetime), region (code|None), topic (canonical|None), gender, age, social


def _quarter_day(rng: random.Random, year: int, q: int) -> datetime:
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    day = start + timedelta(days=rng.randrange((end - start).days))
    return datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))


def make_truth(seed: int = 7, per_quarter: dict[tuple[int, int], int] | None = None) -> Truth:
    rng = random.Random(seed)
    per_quarter = per_quarter or {(2025, 3): 120, (2026, 2): 150, (2026, 3): 220}
    records = []
    serial = 0
    topic_weights = {t: rng.randint(1, 6) for t in TOPICS}
    for (year, q), n in per_quarter.items():
        if (year, q) == (2026, 3):
            topic_weights["Газоснабжение"] = 12  # a jump
        for _ in range(n):
            serial += 1
            moment = _quarter_day(rng, year, q)
            region = rng.choice(list(REGION_SPELLINGS) + [None])
            topic = rng.choices(list(TOPICS) + [None], weights=list(topic_weights.values()) + [1])[0]
            gender = rng.choice(["female", "male", None])
            age = rng.choice([None, rng.randint(14, 95)])
            social = rng.choice(list(SOCIAL) + [None])
            records.append({"request_id": f"KC-{serial:06d}", "registered": moment, "region": region,
                            "topic": topic, "gender": gender, "age": age, "social": social})
        topic_weights["Газоснабжение"] = 2
    return Truth(pd.DataFrame(records))


def _birth_for_age(age: int, at: datetime, rng: random.Random) -> date:
    """A birth date giving exactly `age` completed years at `at`."""
    latest = date(at.year - age, at.month, min(at.day, 28))
    return latest - timedelta(days=rng.randrange(300))


@dataclass
class Written:
    paths: list[Path]           # import them in this order
    expected: pd.DataFrame      # one row per distinct request, as the project must count it
    duplicates: pd.DataFrame    # one row per repeated occurrence (request_id, registered)


def write_exports(truth: Truth, folder: Path, seed: int = 11) -> Written:
    """Split the truth over three messy files; some requests repeat within and across files."""
    rng = random.Random(seed)
    rows = truth.rows.sample(frac=1, random_state=seed).reset_index(drop=True)
    parts = [rows.iloc[0::3], rows.iloc[1::3], rows.iloc[2::3]]
    repeats = rows.sample(n=min(15, len(rows)), random_state=seed + 1)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [
        _write_xlsx_title_rows(pd.concat([parts[0], repeats]), folder / "call_centre.xlsx", rng),
        _write_csv_bom_kk(parts[1], folder / "e_otinish.csv", rng),
        _write_csv_cp1251(pd.concat([parts[2], repeats.head(5)]), folder / "other.csv", rng),
    ]
    # The e-Otinish file states age and gender only through the IIN, written where both are known;
    # a request also in the first file is stored from there (first seen wins).
    expected = rows.copy()
    only_iin = expected["request_id"].isin(parts[1]["request_id"]) & ~expected["request_id"].isin(repeats["request_id"])
    partial = only_iin & (expected["age"].isna() | expected["gender"].isna())
    expected.loc[partial, ["age", "gender"]] = None
    duplicates = pd.concat([repeats, repeats.head(5)])[["request_id", "registered"]]
    return Written(paths, expected, duplicates)


def _region_text(code: str | None, rng: random.Random) -> str:
    return rng.choice(UNKNOWN_REGIONS + [""]) if code is None else rng.choice(REGION_SPELLINGS[code])


def _topic_text(topic: str | None, rng: random.Random) -> str:
    return "" if topic is None else rng.choice(TOPICS[topic])


def _gender_text(gender: str | None, rng: random.Random) -> str:
    return "" if gender is None else rng.choice(GENDER_SPELLINGS[gender])


def _write_xlsx_title_rows(rows: pd.DataFrame, path: Path, rng: random.Random) -> Path:
    """Two title lines, Russian headers, date cells, birth dates as date cells, names and phones."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Обращения"
    sheet.append(["Выгрузка обращений контакт-центра 109"])
    sheet.append(["за период с 01.07.2025 по 30.09.2026"])
    sheet.append(["№ обращения", "Дата регистрации", "ФИО", "Телефон", "Регион", "Тематика",
                  "Пол", "Дата рождения", "Социальный статус", "Текст обращения"])
    for r in rows.itertuples(index=False):
        birth = None if r.age is None or pd.isna(r.age) else _birth_for_age(int(r.age), r.registered, rng)
        sheet.append([r.request_id, r.registered, "Иванов Иван", "+7 701 123 45 67",
                      _region_text(r.region, rng), _topic_text(r.topic, rng), _gender_text(r.gender, rng),
                      birth, SOCIAL.get(r.social, ""), "Прошу разъяснить порядок, мой ИИН 900101300123"])
    book.save(path)
    return path


def _write_csv_bom_kk(rows: pd.DataFrame, path: Path, rng: random.Random) -> Path:
    """UTF-8 with BOM, `;`, Kazakh headers, text dates, age only through a valid IIN."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Өтініш нөмірі", "Тіркелген күні", "Өңір", "Тақырып", "ЖСН", "Әлеуметтік мәртебе",
                         "Өтініш мәтіні"])
        for i, r in enumerate(rows.itertuples(index=False)):
            iin = ""
            if r.age is not None and not pd.isna(r.age) and r.gender is not None:
                iin = make_iin(_birth_for_age(int(r.age), r.registered, rng), r.gender == "female", i)
            writer.writerow([r.request_id, r.registered.strftime("%d.%m.%Y %H:%M"),
                             _region_text(r.region, rng), _topic_text(r.topic, rng), iin,
                             SOCIAL.get(r.social, ""), "Сәлеметсіз бе; жол жөндеу туралы, тел 87011234567"])
    return path


def _encodes(text: str) -> bool:
    try:
        text.encode("cp1251")
    except UnicodeEncodeError:
        return False
    return True


def _write_csv_cp1251(rows: pd.DataFrame, path: Path, rng: random.Random) -> Path:
    """cp1251, `,`, quoted fields with commas and newlines, Excel serial dates, stated ages."""
    with open(path, "w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=",", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["ID", "Дата поступления", "Область", "Тема обращения", "Пол", "Возраст",
                         "Соц. статус", "Содержание"])
        for r in rows.itertuples(index=False):
            serial = (r.registered - datetime(1899, 12, 30)).total_seconds() / 86400
            region = _region_text(r.region, rng)
            if not _encodes(region):  # cp1251 has no Kazakh letters: a Russian spelling
                region = next(s for s in REGION_SPELLINGS[r.region] if _encodes(s))
            age = "" if r.age is None or pd.isna(r.age) else str(int(r.age))
            writer.writerow([r.request_id, f"{serial:.6f}", region, _topic_text(r.topic, rng),
                             {"female": "жен.", "male": "муж."}.get(r.gender, ""), age,
                             SOCIAL.get(r.social, ""), "Вопрос по оплате, \"срочно\",\nвторая строка"])
    return path
