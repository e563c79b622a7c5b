"""Write the demo's requests as the exports real contact centres produce, one set per quarter."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

from kcdesk.core.demo.topics import BY_KEY, RU_VARIANTS
from kcdesk.core.quarters import Quarter
from kcdesk.core.resources import resource

SOURCES = {"calls": "Контакт-центр 1414", "eotinish": "e-Otinish", "messengers": "Мессенджеры"}

STATUS_RU = {"employee": "Наемный работник", "entrepreneur": "ИП", "pensioner": "Пенсионер",
             "disability": "Лицо с инвалидностью", "large_family": "Многодетная семья",
             "student": "Студент", "educated": "Имеет образование", "no_education": "Без образования",
             "unemployed": "Безработный", "": ""}
STATUS_KK = {"employee": "Жалдамалы жұмыскер", "entrepreneur": "ЖК", "pensioner": "Зейнеткер",
             "disability": "Мүгедектігі бар адам", "large_family": "Көп балалы отбасы",
             "student": "Білім алушы", "educated": "Білімі бар", "no_education": "Білімсіз",
             "unemployed": "Жұмыссыз", "": ""}
MARITAL_RU = {"married": ("Женат", "Замужем"), "single": ("Холост", "Не замужем"),
              "divorced": ("Разведён", "Разведена"), "widowed": ("Вдовец", "Вдова"), "": ("", "")}
EDUCATION_RU = {"higher": "Высшее", "vocational": "Среднее специальное", "secondary": "Среднее",
                "incomplete": "Неполное среднее", "": ""}
OCCUPATION_RU = {"employee": "Работает по найму", "entrepreneur": "Предприниматель",
                 "pensioner": "Пенсионер", "student": "Учащийся", "unemployed": "Не работает"}
CENTRES = {"Звонок 109": ("Call-центр 109 акимата", "109")}
MAIN_CENTRE = ("Единый контакт-центр 1414", "1414")
EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def _pick(rng: np.random.Generator, n: int, options: list[np.ndarray], p: list[float]) -> np.ndarray:
    """Row-wise choice between whole alternative columns."""
    which = rng.choice(len(options), n, p=p)
    return np.select([which == i for i in range(len(options))], options, default=options[0])


def _encodes(text: str) -> bool:
    try:
        text.encode("cp1251")
    except UnicodeEncodeError:
        return False
    return True


def region_texts(frame: pd.DataFrame, lang: str, rng: np.random.Generator, cp1251: bool = False) -> np.ndarray:
    """Region as a source writes it: official names, short forms, old names, case and space dirt."""
    table = pd.read_csv(resource("reference", "regions.csv"), dtype=str).set_index("code")
    codes = frame["region"].to_numpy()
    official = table.loc[codes, f"name_{lang}"].to_numpy().astype(object)
    first_alias = table.loc[codes, "aliases"].str.split(";").str[0].to_numpy().astype(object)
    n = len(frame)
    if lang == "kk":
        text = _pick(rng, n, [official, first_alias], [0.85, 0.15])
    else:
        messy = np.char.upper(first_alias.astype(str)).astype(object)
        spaced = (" " + np.char.lower(official.astype(str)) + "  ").astype(object)
        text = _pick(rng, n, [official, first_alias, messy, spaced], [0.6, 0.25, 0.08, 0.07])
        # Former names survive in old call-centre scripts.
        old = (codes == "turkistan") & (rng.random(n) < 0.2)
        text[old] = rng.choice(np.array(["ЮКО", "Южно-Казахстанская область"], dtype=object), old.sum())
        old = (codes == "astana") & (rng.random(n) < 0.1)
        text[old] = "Нур-Султан"
    if cp1251:  # Ұлытау has no cp1251 spelling of its official name: such exports use another one
        fallback = {code: next(a for a in [table.loc[code, "name_ru"], *table.loc[code, "aliases"].split(";")]
                               if _encodes(a)) for code in table.index}
        bad = pd.Series(text).map({t: not _encodes(t) for t in pd.unique(text)}).to_numpy(dtype=bool)
        text[bad] = [fallback[c] for c in codes[bad]]
    unknown = frame["region_unknown"].to_numpy().astype(bool)
    text[unknown] = frame["region_unknown"].to_numpy()[unknown]
    text[rng.random(n) < 0.004] = ""
    return text


def topic_texts(frame: pd.DataFrame, lang: str, rng: np.random.Generator) -> np.ndarray:
    keys = frame["topic"].to_numpy()
    ru = np.array([BY_KEY[k].ru for k in keys], dtype=object)
    if lang == "kk":
        kk = np.array([BY_KEY[k].kk for k in keys], dtype=object)
        text = _pick(rng, len(keys), [kk, ru], [0.8, 0.2])
    else:
        text = ru.copy()
        for key, variants in RU_VARIANTS.items():
            swap = (keys == key) & (rng.random(len(keys)) < 0.25)
            text[swap] = rng.choice(np.array(variants, dtype=object), swap.sum())
    text[frame["topic_blank"].to_numpy()] = ""
    return text


def _gendered(frame: pd.DataFrame, table: dict[str, tuple[str, str]], column: str) -> np.ndarray:
    pairs = frame[column].map(table)
    return np.where(frame["female"], pairs.str[1], pairs.str[0]).astype(object)


def _blank_some(values: np.ndarray, share: float, rng: np.random.Generator) -> np.ndarray:
    out = np.asarray(values, dtype=object).copy()
    out[rng.random(len(out)) < share] = None
    return out


def calls_frame(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The call-centre system's export: Russian headers, date cells, the fullest social portrait."""
    n = len(frame)
    gender = _pick(rng, n, [np.where(frame["female"], "Женский", "Мужской"),
                            np.where(frame["female"], "ж", "м"), np.full(n, "")], [0.72, 0.18, 0.1])
    occupation = frame["social_status"].map(OCCUPATION_RU).fillna("Работает").to_numpy().astype(object)
    centre = frame["channel"].map(lambda c: CENTRES.get(c, MAIN_CENTRE))
    return pd.DataFrame({
        "№ обращения": frame["request_id"].to_numpy(),
        "Дата регистрации": frame["registered"].astype(object).to_numpy(),
        "Дата закрытия": frame["processed"].astype(object).to_numpy(),
        "Канал поступления": frame["channel"].to_numpy(),
        "Регион": region_texts(frame, "ru", rng),
        "Тематика": topic_texts(frame, "ru", rng),
        "Текст обращения": frame["question_ru"].to_numpy(),
        "ФИО заявителя": frame["name"].to_numpy(),
        "Телефон заявителя": frame["phone"].to_numpy(),
        "Пол": gender,
        "Дата рождения": _blank_some(frame["birth_date"].astype(object).to_numpy(), 0.08, rng),
        "Социальный статус": frame["social_status"].map(STATUS_RU).to_numpy(),
        "Семейное положение": _gendered(frame, MARITAL_RU, "marital"),
        "Образование": frame["education"].map(EDUCATION_RU).to_numpy(),
        "Род занятий": _blank_some(occupation, 0.1, rng),
        "Контакт-центр": centre.str[0].to_numpy(),
        "Телефон контакт-центра": centre.str[1].to_numpy(),
    })


def eotinish_frame(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The e-Otinish export: Kazakh headers, text dates, stated age instead of a birth date."""
    n = len(frame)
    kazakh = (frame["question_kk"] != "").to_numpy() & (rng.random(n) < 0.6)
    question = np.where(kazakh, frame["question_kk"], frame["question_ru"])
    gender = np.where(frame["female"], "Әйел", "Ер").astype(object)
    return pd.DataFrame({
        "Өтініш нөмірі": frame["request_id"].to_numpy(),
        "Тіркелген күні": frame["registered"].dt.strftime("%d.%m.%Y %H:%M").to_numpy(),
        "Өңделген күні": frame["processed"].dt.strftime("%d.%m.%Y %H:%M").to_numpy(),
        "Түсу арнасы": frame["channel"].to_numpy(),
        "Өңір": region_texts(frame, "kk", rng),
        "Тақырып": topic_texts(frame, "kk", rng),
        "Өтініш мәтіні": question,
        "Аты-жөні": frame["name"].to_numpy(),
        "Телефон нөмірі": frame["phone"].to_numpy(),
        "Жынысы": _blank_some(gender, 0.08, rng),
        "Жасы": _blank_some(frame["age"].astype(object).to_numpy(), 0.1, rng),
        "Әлеуметтік мәртебе": frame["social_status"].map(STATUS_KK).to_numpy(),
    })


def messengers_frame(frame: pd.DataFrame, rng: np.random.Generator, serial: bool) -> pd.DataFrame:
    """WhatsApp/Telegram bot export: Russian only, IIN instead of age and gender."""
    if serial:  # bare Excel serial numbers in a general-format column
        registered = ((frame["registered"] - EXCEL_EPOCH) / pd.Timedelta(days=1)).round(6).to_numpy()
        processed = ((frame["processed"] - EXCEL_EPOCH) / pd.Timedelta(days=1)).round(6).to_numpy()
    else:
        registered = frame["registered"].dt.strftime("%Y-%m-%d %H:%M:%S").to_numpy()
        processed = frame["processed"].dt.strftime("%Y-%m-%d %H:%M:%S").to_numpy()
    return pd.DataFrame({
        "ID обращения": frame["request_id"].to_numpy(),
        "Дата поступления": registered,
        "Дата ответа": processed,
        "Канал": frame["channel"].to_numpy(),
        "Область": region_texts(frame, "ru", rng, cp1251=True),
        "Тема": topic_texts(frame, "ru", rng),
        "Вопрос": frame["question_ru"].to_numpy(),
        "ИИН": _blank_some(frame["iin"].to_numpy(), 0.15, rng),
        "Телефон": frame["phone"].to_numpy(),
    })


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, str) and not value:
        return None
    return value


def write_xlsx(table: pd.DataFrame, path: Path, titles: tuple[str, ...] = ()) -> Path:
    """An .xlsx with optional title lines above the header; datetimes become formatted date cells."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Обращения")
    for title in titles:
        sheet.append([title])
    sheet.append(list(table.columns))
    formats = {}
    for column in table.columns:
        sample = next((v for v in table[column] if isinstance(v, datetime)), None)
        if sample is not None:
            formats[column] = "DD.MM.YYYY" if column == "Дата рождения" else "DD.MM.YYYY HH:MM"
    from openpyxl.cell import WriteOnlyCell

    for row in table.itertuples(index=False):
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            value = _cell(value)
            if column in formats and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = formats[column]
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    book.save(path)
    return path


def write_csv(table: pd.DataFrame, path: Path, encoding: str, delimiter: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(table.columns)
        writer.writerows(table.astype(object).where(table.notna(), "").itertuples(index=False))
    return path


def write_quarter(frame: pd.DataFrame, quarter: Quarter, folder: Path, position: int,
                  rng: np.random.Generator) -> list[tuple[Path, str]]:
    """The quarter's export files with their source names, in the order they are imported."""
    mine = frame[frame["quarter"] == str(quarter)]
    calls = mine[mine["source"] == "calls"]
    eotinish = pd.concat([mine[mine["source"] == "eotinish"], calls[calls["also_in_eotinish"]]])
    messengers = mine[mine["source"] == "messengers"]
    period = f"за период с {quarter.first_day:%d.%m.%Y} по {quarter.last_day:%d.%m.%Y}"
    files = [
        (write_xlsx(calls_frame(calls, rng), folder / f"{quarter}_1414_calls.xlsx",
                    ("Реестр обращений Единого контакт-центра 1414", period)), SOURCES["calls"]),
        (write_csv(eotinish_frame(eotinish, rng), folder / f"{quarter}_e-otinish.csv", "utf-8-sig", ";"),
         SOURCES["eotinish"]),
    ]
    if position % 2:  # the messenger bot's export changed format over the years
        path = write_xlsx(messengers_frame(messengers, rng, serial=True), folder / f"{quarter}_messengers.xlsx")
    else:
        path = write_csv(messengers_frame(messengers, rng, serial=False),
                         folder / f"{quarter}_messengers.csv", "cp1251", ",")
    files.append((path, SOURCES["messengers"]))
    return files
