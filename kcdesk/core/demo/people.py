"""Synthetic applicants, vectorised: birth dates, gender, valid IINs, names, phones, social portrait."""

from __future__ import annotations

import numpy as np
import pandas as pd

_W1 = np.arange(1, 12)
_W2 = np.array([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])

# Age bands (years) and their shares among applicants; a few minors and over-90s on purpose.
_AGE_BANDS = ((14, 18, 0.012), (18, 31, 0.25), (31, 41, 0.25), (41, 51, 0.18), (51, 61, 0.14),
              (61, 71, 0.10), (71, 81, 0.05), (81, 91, 0.013), (91, 97, 0.005))

MALE_FIRST = ("Нурлан", "Ерлан", "Асхат", "Дамир", "Бауыржан", "Серик", "Алексей", "Тимур",
              "Азамат", "Марат", "Дмитрий", "Жандос", "Ержан", "Руслан", "Данияр")
FEMALE_FIRST = ("Айгуль", "Гульнара", "Динара", "Жанар", "Сауле", "Елена", "Асель", "Мадина",
                "Айжан", "Ольга", "Камила", "Лаура", "Назгуль", "Алия", "Татьяна")
SURNAMES = ("Ахметов", "Сейткали", "Жумабеков", "Касымов", "Иванов", "Нурпеисов", "Омаров",
            "Тулегенов", "Абдрахманов", "Садыков", "Бекмуханов", "Ким", "Исмаилов", "Муканов",
            "Смагулов", "Есенов", "Кенжебаев", "Петров", "Утепов", "Байжанов")


def iin_check_digit(first11: np.ndarray) -> np.ndarray:
    """The IIN check digit for rows of 11 digits; 10 where no valid digit exists."""
    check = (first11 * _W1).sum(axis=1) % 11
    second = (first11 * _W2).sum(axis=1) % 11
    return np.where(check == 10, second, check)


def make_iins(birth: pd.Series, female: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Valid synthetic IINs: YYMMDD, century/gender digit, 4 serial digits, check digit."""
    n = len(birth)
    years = birth.dt.year.to_numpy()
    digits = np.zeros((n, 11), dtype=np.int64)
    for i, part in enumerate((years % 100, birth.dt.month.to_numpy(), birth.dt.day.to_numpy())):
        digits[:, 2 * i] = part // 10
        digits[:, 2 * i + 1] = part % 10
    century = np.where(years >= 2000, 5, np.where(years >= 1900, 3, 1))
    digits[:, 6] = century + female.astype(np.int64)
    serial = rng.integers(0, 10_000, n)
    check = np.full(n, 10)
    todo = np.ones(n, dtype=bool)
    while todo.any():  # about 1 in 121 serials has no check digit: take the next serial
        for i in range(4):
            digits[todo, 7 + i] = serial[todo] // 10 ** (3 - i) % 10
        check[todo] = iin_check_digit(digits[todo])
        todo = check == 10
        serial[todo] = (serial[todo] + 1) % 10_000
    text = digits.astype(str)
    joined = text[:, 0]
    for i in range(1, 11):
        joined = np.char.add(joined, text[:, i])
    return np.char.add(joined, check.astype(str))


def make_people(registered: pd.Series, rng: np.random.Generator) -> pd.DataFrame:
    """One applicant per request: birth date, age at registration, gender, IIN, name, phone, status."""
    n = len(registered)
    bands = np.array([(lo, hi) for lo, hi, _ in _AGE_BANDS], dtype=float)
    shares = np.array([s for *_, s in _AGE_BANDS])
    band = rng.choice(len(_AGE_BANDS), n, p=shares / shares.sum())
    years = rng.uniform(bands[band, 0], bands[band, 1])
    birth = (registered.dt.normalize() - pd.to_timedelta(np.round(years * 365.2425), unit="D"))
    birth = birth.dt.normalize()
    female = rng.random(n) < 0.57
    reg = registered.dt
    age = reg.year - birth.dt.year - ((reg.month * 100 + reg.day) < (birth.dt.month * 100 + birth.dt.day))
    first = np.where(female, rng.choice(FEMALE_FIRST, n), rng.choice(MALE_FIRST, n))
    surname = rng.choice(SURNAMES, n)
    # Russian-style surnames take "-а" for women; Kazakh ones without the suffix do not change.
    russian_style = pd.Series(surname).str.endswith(("ов", "ев", "ин")).to_numpy()
    surname = np.where(female & russian_style, np.char.add(surname.astype(str), "а"), surname)
    prefix = rng.choice(np.array(["700", "701", "702", "705", "707", "747", "771", "775", "777", "778"]), n)
    number = rng.integers(0, 10_000_000, n)
    local = np.char.add(prefix, np.char.zfill(number.astype(str), 7))
    frame = pd.DataFrame({
        "birth_date": birth,
        "age": age.to_numpy(),
        "female": female,
        "iin": make_iins(birth, female, rng),
        "name": np.char.add(np.char.add(surname.astype(str), " "), first.astype(str)),
        "phone_digits": local,
    })
    frame["social_status"] = _social_status(frame["age"].to_numpy(), rng)
    frame["marital"] = rng.choice(np.array(["married", "single", "divorced", "widowed", ""]), n,
                                  p=[0.52, 0.25, 0.1, 0.05, 0.08])
    frame["education"] = rng.choice(np.array(["higher", "vocational", "secondary", "incomplete", ""]), n,
                                    p=[0.38, 0.3, 0.2, 0.04, 0.08])
    return frame


def _social_status(age: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The §13 category, leaning on age (pensioners old, students young); ~18 % not stated."""
    n = len(age)
    working = rng.choice(
        np.array(["employee", "entrepreneur", "disability", "large_family", "educated", "no_education",
                  "unemployed", ""]), n, p=[0.38, 0.1, 0.05, 0.1, 0.07, 0.02, 0.1, 0.18])
    status = np.where(age >= 63, np.where(rng.random(n) < 0.75, "pensioner", working), working)
    return np.where((age < 23) & (rng.random(n) < 0.55), "student", status)


def format_phone(digits: pd.Series, style: np.ndarray) -> pd.Series:
    """Phones as exports write them: +7 (701) 234-56-78, 87012345678 or 8 701 234 5678."""
    d = digits.astype(str)
    styled = "+7 (" + d.str[:3] + ") " + d.str[3:6] + "-" + d.str[6:8] + "-" + d.str[8:]
    plain = "8" + d
    spaced = "8 " + d.str[:3] + " " + d.str[3:6] + " " + d.str[6:]
    return pd.Series(np.select([style == 0, style == 1], [styled, plain], spaced), index=digits.index)
