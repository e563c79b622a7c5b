"""Wall time and peak memory of the content analysis of one quarter with four earlier labelled quarters.

    python benchmarks/content_speed.py               # 60k requests in the quarter, target < 30 s
    python benchmarks/content_speed.py --rows 1000000  # target ≤ 5 min and ≤ 2 GB peak

Texts are templated kk/ru requests (25 topics, streets, numbers, greetings, extra clauses) so that
about a third are exact repeats, as in real exports. Earlier quarters are passed aggregated by
(question, topic) over a fixed sample of their rows with the counts scaled, as run_content reads
them from the project. Peak memory is the process's
peak resident size during the analysis (Linux VmHWM, reset after the input is generated; the
input frame itself counts, as it would in run_content).
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.core.analyse.content import analyse_content  # noqa: E402
from kcdesk.core.analyse.content.project import EARLIER_ROWS, PREVIOUS_ROWS  # noqa: E402
from kcdesk.core.quarters import Quarter  # noqa: E402

TOPICS = {
    "Отопление": ("батареи отопления холодные", "нет отопления в квартире", "пәтерде жылу жоқ"),
    "Водоснабжение": ("нет холодной воды", "низкое давление воды", "ауыз су жоқ"),
    "Дороги": ("ямы на дороге", "ремонт дорожного покрытия", "жолда шұңқырлар көп"),
    "Освещение": ("не работает уличное освещение", "не горят фонари", "көше жарығы жанбайды"),
    "Мусор": ("не вывозят мусор", "переполнены контейнеры", "қоқыс шығарылмайды"),
    "Пособия": ("не пришло пособие на ребенка", "как оформить пособие", "жәрдемақы келмеді"),
    "Пенсии": ("перерасчет пенсии", "задержка выплаты пенсии", "зейнетақы төленбеді"),
    "Жилье": ("очередь на жилье", "аварийный дом расселение", "баспана кезегі"),
    "Транспорт": ("автобус не ходит по расписанию", "нет маршрута до поселка", "автобус келмейді"),
    "Здравоохранение": ("нет записи к врачу", "нет лекарств в аптеке", "дәрігерге жазылу мүмкін емес"),
    "Образование": ("нет мест в детском саду", "очередь в садик", "балабақшада орын жоқ"),
    "Школы": ("холодно в школе", "питание в школьной столовой", "мектепте тамақ нашар"),
    "Земля": ("выделение земельного участка", "оформление земли", "жер телімін беру"),
    "Налоги": ("налог на имущество", "ошибка в налоговом уведомлении", "салық хабарламасы"),
    "Занятость": ("пособие по безработице", "трудоустройство молодежи", "жұмысқа орналасу"),
    "Газ": ("нет газа в доме", "подключение газа", "газ жоқ"),
    "Электричество": ("отключение электричества", "скачки напряжения", "жарық жоқ"),
    "Связь": ("нет мобильной связи", "плохой интернет", "интернет жоқ"),
    "Экология": ("выбросы завода", "свалка у реки", "өзенге қоқыс төгілді"),
    "Животные": ("бродячие собаки", "отлов собак", "қаңғыбас иттер"),
    "Благоустройство": ("детская площадка сломана", "нет лавочек во дворе", "аула абаттандыру"),
    "Полиция": ("шум ночью соседи", "участковый не реагирует", "учаскелік полиция"),
    "Документы": ("замена удостоверения", "прописка ребенка", "құжат ауыстыру"),
    "Субсидии": ("субсидия на жилье", "жилищная помощь", "тұрғын үй көмегі"),
    "Ветераны": ("льготы ветеранам", "помощь ветеранам труда", "ардагерлерге көмек"),
}
GREET_RU = ("Здравствуйте!", "Добрый день.", "Уважаемый аким!", "", "")
GREET_KK = ("Сәлеметсіз бе!", "Қайырлы күн.", "")
CLOSE_RU = ("Прошу принять меры.", "Помогите пожалуйста.", "Прошу разобраться.", "")
CLOSE_KK = ("Көмектесуіңізді өтінемін.", "Шара қолдануыңызды сұраймын.", "")
CLAUSES = ("уже неделю", "третий месяц", "с прошлого года", "после ремонта", "дети болеют",
           "пожилые люди", "звонил много раз", "ответа нет", "в нашем районе", "весь подъезд")
STREETS = tuple(f"{n}" for n in ("Абая", "Сейфуллина", "Кенесары", "Достык", "Мира", "Ленина", "Тауелсиздик",
                                 "Республики", "Жибек жолы", "Сатпаева", "Момышулы", "Бокейханова"))
CATCH_ALL_SHARE = 0.2


def texts_for(rng: np.random.Generator, n: int, topic_idx: np.ndarray, extra_topic: bool) -> np.ndarray:
    """n templated texts; ~a third exact repeats come from the small slot pools."""
    names = list(TOPICS)
    variant = rng.integers(0, 3, n)
    body = np.array([TOPICS[names[t]][v] for t, v in zip(topic_idx, variant, strict=True)], dtype=object)
    kazakh = variant == 2
    greet = np.where(kazakh, np.array(GREET_KK, dtype=object)[rng.integers(0, len(GREET_KK), n)],
                     np.array(GREET_RU, dtype=object)[rng.integers(0, len(GREET_RU), n)])
    close = np.where(kazakh, np.array(CLOSE_KK, dtype=object)[rng.integers(0, len(CLOSE_KK), n)],
                     np.array(CLOSE_RU, dtype=object)[rng.integers(0, len(CLOSE_RU), n)])
    street = np.array(STREETS, dtype=object)[rng.integers(0, len(STREETS), n)]
    house = rng.integers(1, 120, n).astype(str).astype(object)
    clause = np.array(CLAUSES, dtype=object)[rng.integers(0, len(CLAUSES), n)]
    where = np.where(kazakh, street + " көшесі " + house + " үй", "ул. " + street + ", д. " + house)
    text = greet + " " + body + ", " + where + ", " + clause + ". " + close
    if extra_topic:  # a question new this quarter
        new = rng.random(n) < 0.01
        text[new] = "Когда выдадут новые электронные проездные для школьников, " + street[new] + ". " + close[new]
    return text


def make(rows: int, earlier: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    quarter = Quarter.parse("2026-Q3")
    names = np.array(list(TOPICS), dtype=object)
    parts = []
    for back in range(earlier, -1, -1):
        q = quarter
        for _ in range(back):
            q = q.previous()
        weights = rng.dirichlet(np.ones(len(names)) * 3)
        # Earlier quarters arrive as run_content reads them: a fixed sample of rows, counts scaled.
        n = rows if back == 0 else min(rows, PREVIOUS_ROWS if back == 1 else EARLIER_ROWS)
        topic_idx = rng.choice(len(names), n, p=weights)
        text = texts_for(rng, n, topic_idx, extra_topic=back == 0)
        topic = names[topic_idx].copy()
        if back == 0:
            hide = rng.random(rows) < CATCH_ALL_SHARE
            topic[hide] = np.where(rng.random(hide.sum()) < 0.5, None, "Прочее")
            parts.append(pd.DataFrame({"row_id": np.arange(1, rows + 1), "request_id": None, "quarter": str(q),
                                       "topic": topic, "region": None, "channel": None, "question": text,
                                       "count": 1}))
        else:  # aggregated as the store returns earlier quarters
            agg = pd.DataFrame({"question": text, "topic": topic}).groupby(["question", "topic"]).size()
            agg = (agg * (rows / n)).rename("count").reset_index()
            parts.append(agg.assign(row_id=None, request_id=None, quarter=str(q), region=None, channel=None))
    return pd.concat(parts, ignore_index=True)


def reset_peak() -> bool:
    """Linux: restart the peak-RSS count (VmHWM) so that the input's generation is not counted."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _status(key: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_mb() -> float:
    peak = _status("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def report(self, done: int, total: int, stage: str = "") -> None:
        rss, peak = _status("VmRSS"), _status("VmHWM")
        memory = "" if rss is None else f"  (RSS {rss:.0f} MB, peak so far {peak:.0f} MB)"
        print(f"  {time.perf_counter() - self.start:7.1f} s  {stage}{memory}", flush=True)

    def cancelled(self) -> bool:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000, help="requests in the analysed quarter")
    parser.add_argument("--earlier", type=int, default=4, help="earlier labelled quarters of the same size")
    args = parser.parse_args()
    t0 = time.perf_counter()
    frame = make(args.rows, args.earlier)
    generated = time.perf_counter() - t0
    now = frame["quarter"] == "2026-Q3"
    print(f"generated {args.rows} requests in 2026-Q3 ({frame.loc[now, 'question'].nunique()} distinct texts) "
          f"+ {args.earlier} earlier quarters ({(~now).sum()} aggregated rows) in {generated:.1f} s")
    gc.collect()
    before = peak_mb()
    reset = reset_peak()
    t1 = time.perf_counter()
    result = analyse_content(frame, Quarter.parse("2026-Q3"), progress=Clock())
    wall = time.perf_counter() - t1
    peak = peak_mb()
    print(f"peak RSS while generating the input: {before:.0f} MB"
          + ("" if reset else " (could not reset the peak: the figure below includes it)"))
    target_s = 30 if args.rows <= 60_000 else 300
    print(f"content analysis: {wall:.1f} s (target {'<' if target_s == 30 else '≤'} {target_s} s), "
          f"peak RSS {peak:.0f} MB, the input frame included (target ≤ 2048 MB)")
    print(f"  suggestions {len(result['suggestions'])}, held-out accuracy {result['model']['holdout_accuracy']}, "
          f"groups {len(result['groups'])}, rising {len(result['rising'])}, falling {len(result['falling'])}")
    ok = wall <= target_s and peak <= 2048
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
