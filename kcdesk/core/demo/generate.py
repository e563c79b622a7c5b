"""The demo's requests as one table (canonical values plus personal data), from a seed, vectorised."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kcdesk.core.demo.people import format_phone, make_people
from kcdesk.core.demo.topics import DEFAULT_CHANNELS, SLOTS, TOPICS, Topic
from kcdesk.core.quarters import Quarter

FIRST, LAST = Quarter(2024, 4), Quarter(2026, 3)
QUARTERS: tuple[Quarter, ...] = tuple(Quarter.from_index(i) for i in range(FIRST.index, LAST.index + 1))

# Rough population weights (millions), so that the big cities and Turkistan dominate.
REGION_WEIGHTS: dict[str, float] = {
    "almaty": 2.3, "astana": 1.5, "shymkent": 1.25, "turkistan": 2.1, "almaty_region": 1.5,
    "zhambyl": 1.2, "karaganda": 1.1, "east_kazakhstan": 0.73, "abai": 0.61, "aktobe": 0.93,
    "kostanay": 0.83, "pavlodar": 0.75, "akmola": 0.79, "kyzylorda": 0.83, "atyrau": 0.7,
    "mangystau": 0.78, "west_kazakhstan": 0.69, "north_kazakhstan": 0.53, "zhetisu": 0.69,
    "ulytau": 0.22,
}
# Region texts no reference table resolves: they must show up as unresolved, never guessed.
UNKNOWN_REGIONS = ("Москва", "не указан", "Бишкек", "Казахстан", "-", "г. Ташкент")

SOURCE_OF_CHANNEL = {"Звонок 1414": "calls", "Звонок 109": "calls", "Личный приём": "calls",
                     "Портал e-Otinish": "eotinish", "WhatsApp": "messengers", "Telegram": "messengers"}
TREND = 1.012  # slow growth per quarter
SCALE = 0.8  # ~2 100-2 400 requests a quarter keeps the bundled project under 8 MB
_SLOT = re.compile(r"\{(\w+)\}")


def topic_count(topic: Topic, position: int, quarter: Quarter, rng: np.random.Generator) -> tuple[int, int]:
    """(ordinary, extra) requests of a topic in a quarter; extra ones are the last quarter's jump."""
    if topic.exact is not None:
        return topic.exact[position], 0
    noise = rng.uniform(0.94, 1.06)
    count = int(round(SCALE * topic.base * topic.season[quarter.number - 1] * TREND ** position * noise))
    extra = int(round(count * (topic.jump - 1))) if quarter == LAST and topic.jump != 1.0 else 0
    return count, extra


def fill(template: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """n copies of a template with its {slots} drawn at random, built column-wise."""
    pieces = _SLOT.split(template)  # text, slot, text, slot, ...
    out = np.full(n, pieces[0], dtype=object)
    for i in range(1, len(pieces), 2):
        out = out + rng.choice(np.array(SLOTS[pieces[i]], dtype=object), n) + pieces[i + 1]
    return out


def _questions(frame: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A Russian and (where the topic has one) a Kazakh question text for every row."""
    ru = np.full(len(frame), "", dtype=object)
    kk = np.full(len(frame), "", dtype=object)
    by_key = {t.key: t for t in TOPICS}
    for (key, quarter), rows in frame.groupby(["topic", "quarter"], sort=False).indices.items():
        topic = by_key[key]
        for target, templates in ((ru, topic.questions_ru), (kk, topic.questions_kk)):
            usable = [text for text, since in templates if not since or Quarter.parse(since) <= Quarter.parse(quarter)]
            if not usable:
                continue
            pick = rng.integers(0, len(usable), len(rows))
            for j, text in enumerate(usable):
                chosen = rows[pick == j]
                target[chosen] = fill(text, len(chosen), rng)
    return ru, kk


def generate_requests(seed: int = 2026) -> pd.DataFrame:
    """Every demo request with its canonical values, its source, and the applicant's personal data."""
    rng = np.random.default_rng(seed)
    parts = []
    for position, quarter in enumerate(QUARTERS):
        for topic in TOPICS:
            count, extra = topic_count(topic, position, quarter, rng)
            if count + extra == 0:
                continue
            parts.append(pd.DataFrame({
                "quarter": str(quarter), "topic": topic.key,
                "extra": np.arange(count + extra) >= count,
            }))
    frame = pd.concat(parts, ignore_index=True)
    n = len(frame)
    by_key = {t.key: t for t in TOPICS}

    codes = np.array(list(REGION_WEIGHTS))
    weights = np.array(list(REGION_WEIGHTS.values()))
    frame["region"] = rng.choice(codes, n, p=weights / weights.sum())
    channels = np.array(list(DEFAULT_CHANNELS))
    cweights = np.array(list(DEFAULT_CHANNELS.values()))
    frame["channel"] = rng.choice(channels, n, p=cweights / cweights.sum())
    for topic in TOPICS:
        mine = (frame["topic"] == topic.key).to_numpy()
        if topic.channels:
            names = np.array(list(topic.channels))
            p = np.array(list(topic.channels.values()))
            frame.loc[mine, "channel"] = rng.choice(names, mine.sum(), p=p / p.sum())
        extra = mine & frame["extra"].to_numpy()
        if extra.any():
            frame.loc[extra, "region"] = rng.choice(np.array(topic.jump_regions), extra.sum())
            frame.loc[extra, "channel"] = topic.jump_channel
    frame["source"] = frame["channel"].map(SOURCE_OF_CHANNEL)

    # Registration: a day in the quarter, mostly office hours; processing a few days later.
    first = pd.to_datetime([Quarter.parse(q).first_day for q in frame["quarter"]])
    days = np.array([(Quarter.parse(q).last_day - Quarter.parse(q).first_day).days + 1
                     for q in frame["quarter"]])
    offset = np.floor(rng.random(n) * days) * 86_400 + rng.normal(13.5, 3.0, n).clip(0, 23.9) * 3600
    frame["registered"] = (first + pd.to_timedelta(offset.round(), unit="s")).floor("min")
    processed = frame["registered"] + pd.to_timedelta(rng.exponential(2.5, n).clip(0.02, 15) * 86_400, unit="s")
    # The last quarter's processing stays inside it, so neither quarter rule opens a ninth quarter.
    last_end = pd.Timestamp(LAST.last_day) + pd.Timedelta(hours=23, minutes=59)
    processed = processed.where(frame["quarter"] != str(LAST), processed.clip(upper=last_end))
    frame["processed"] = processed.dt.floor("min")
    frame = frame.sort_values(["quarter", "registered"], kind="stable").reset_index(drop=True)

    # Dirt: regions nobody can resolve, blank topics (edge-case topics are kept exact).
    exact = frame["topic"].map(lambda k: by_key[k].exact is not None).to_numpy()
    frame["region_unknown"] = ""
    dirt = (rng.random(n) < 0.012) & ~exact
    frame.loc[dirt, "region_unknown"] = rng.choice(np.array(UNKNOWN_REGIONS), dirt.sum())
    frame["topic_blank"] = (rng.random(n) < 0.015) & ~exact & (frame["source"] != "eotinish").to_numpy()

    people = make_people(frame["registered"], rng)
    frame = pd.concat([frame, people], axis=1)
    frame["phone"] = format_phone(frame["phone_digits"], rng.integers(0, 3, n))
    frame["question_ru"], frame["question_kk"] = _questions(frame, rng)
    # Some callers dictate their phone or IIN into the text: the importer must mask it.
    says_phone = (rng.random(n) < 0.01) & (frame["source"] == "calls").to_numpy()
    says_iin = (rng.random(n) < 0.005) & (frame["source"] == "messengers").to_numpy()
    ends = np.where(frame["question_ru"].str.endswith(("?", ".")), " ", ". ")
    frame["question_ru"] = np.where(
        says_phone, frame["question_ru"] + ends + "Прошу перезвонить по номеру " + frame["phone"],
        np.where(says_iin, frame["question_ru"] + ends + "Мой ИИН " + frame["iin"], frame["question_ru"]))

    # Request ids per source, running across quarters; some calls reappear in the e-Otinish export.
    frame["request_id"] = ""
    for source, prefix in (("calls", "KC1414-"), ("eotinish", "EO-"), ("messengers", "MSG-")):
        mine = (frame["source"] == source).to_numpy()
        numbers = pd.Series(np.arange(1, mine.sum() + 1) + 100_000).astype(str).to_numpy()
        frame.loc[mine, "request_id"] = prefix + numbers
    frame["also_in_eotinish"] = (rng.random(n) < 0.012) & (frame["source"] == "calls").to_numpy() & ~exact
    return frame
