"""A small two-language request set built in the test: topics, repeats, a question new in the last quarter."""

from __future__ import annotations

import numpy as np
import pandas as pd

STREETS = ["Абая", "Сейфуллина", "Кенесары", "Достык", "Тауелсиздик", "Республики", "Мира", "Ленина"]
TEMPLATES = {
    "Дороги": [
        "Здравствуйте! На улице {s} дом {n} огромные ямы на дороге, прошу отремонтировать асфальт",
        "Прошу провести ремонт дорожного покрытия на улице {s}, ямы после зимы",
        "Сәлеметсіз бе! {s} көшесіндегі жолда шұңқырлар көп, жөндеуді өтінемін",
    ],
    "Отопление": [
        "В квартире холодно, батареи отопления еле теплые, дом {n} улица {s}",
        "Нет отопления в доме {n} по улице {s} уже неделю, прошу принять меры",
        "Пәтерде жылу жоқ, {s} көшесі {n} үй, батареялар суық",
    ],
    "Пособия": [
        "Подскажите, как оформить пособие по уходу за ребенком, документы подала {n} числа",
        "Не пришло пособие на ребенка за прошлый месяц, прошу проверить",
        "Балаға арналған жәрдемақы келмеді, тексеруді сұраймын",
    ],
    "Мусор": [
        "Мусор не вывозят с контейнерной площадки во дворе дома {n} на улице {s}",
        "Переполнены мусорные контейнеры на улице {s}, вывоз мусора не производится",
        "{s} көшесінде қоқыс шығарылмайды, контейнерлер толып кетті",
    ],
}
# Asked only in the last quarter: a candidate new question.
NEW_QUESTION = ("Когда начнется выдача электронных проездных карт для пенсионеров, "
                "в автобусе {s} не принимают старую проездную карту")


def _texts(rng: np.random.Generator, topic: str, n: int) -> list[str]:
    templates = TEMPLATES[topic]
    picks = rng.integers(0, len(templates), n)
    return [templates[p].format(s=rng.choice(STREETS), n=int(rng.integers(1, 60))) for p in picks]


def make_frame(per_topic: int = 60, seed: int = 0, blank_share: float = 0.3, new_count: int = 40) -> pd.DataFrame:
    """Two quarters (2026-Q2, 2026-Q3); in Q3 a share of the topics is blank or "Прочее"."""
    rng = np.random.default_rng(seed)
    rows = []
    for quarter in ("2026-Q2", "2026-Q3"):
        for topic in TEMPLATES:
            # Heating rises in Q3, rubbish falls: the phrases should show it.
            n = per_topic * (2 if quarter == "2026-Q3" and topic == "Отопление" else 1)
            n = n // 3 if quarter == "2026-Q3" and topic == "Мусор" else n
            for text in _texts(rng, topic, n):
                rows.append({"quarter": quarter, "topic": topic, "truth": topic, "question": text})
        if quarter == "2026-Q3":
            for _ in range(new_count):
                rows.append({"quarter": quarter, "topic": None, "truth": "Транспорт",
                             "question": NEW_QUESTION.format(s=int(rng.integers(1, 90)))})
    frame = pd.DataFrame(rows)
    in_q3 = frame["quarter"] == "2026-Q3"
    hide = in_q3 & (rng.random(len(frame)) < blank_share)
    frame.loc[hide, "topic"] = np.where(rng.random(hide.sum()) < 0.5, None, "Прочее")
    frame["row_id"] = np.arange(1, len(frame) + 1)
    frame["request_id"] = [f"R-{i}" if i % 5 else None for i in frame["row_id"]]
    frame["region"] = "75"
    frame["channel"] = "phone"
    return frame
