"""Generate N realistic request rows (the demo's catalogue) as .xlsx or .csv, for benchmarks.

    python benchmarks/datagen.py --rows 1000000 --out /tmp/bench.xlsx
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.core.demo.generate import REGION_WEIGHTS, UNKNOWN_REGIONS, fill  # noqa: E402
from kcdesk.core.demo.people import make_iins  # noqa: E402
from kcdesk.core.demo.topics import DEFAULT_CHANNELS, RU_VARIANTS, TOPICS  # noqa: E402
from kcdesk.core.resources import resource  # noqa: E402

CHUNK = 100_000
HEADERS = ("№ обращения", "Дата регистрации", "Дата закрытия", "Канал поступления", "Регион",
           "Тематика", "Текст обращения", "Пол", "Дата рождения", "ИИН")


def _region_spellings() -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Codes, their weights, and for each code the spellings exports use (ru, kk, short forms)."""
    table = pd.read_csv(resource("reference", "regions.csv"), dtype=str).set_index("code")
    codes = np.array(list(REGION_WEIGHTS))
    weights = np.array(list(REGION_WEIGHTS.values()))
    spellings = [np.array([table.loc[c, "name_ru"], table.loc[c, "name_kk"],
                           *table.loc[c, "aliases"].split(";")[:3], table.loc[c, "name_ru"].upper()],
                          dtype=object) for c in codes]
    return codes, weights / weights.sum(), spellings


def generate_chunk(n: int, start: int, rng: np.random.Generator) -> pd.DataFrame:
    """n rows over 2024-10-01 … 2026-09-30, the demo's topics, regions, channels and texts."""
    topics = [t for t in TOPICS if t.base > 0]
    base = np.array([t.base for t in topics])
    topic_index = rng.choice(len(topics), n, p=base / base.sum())
    codes, p, spellings = _region_spellings()
    region_index = rng.choice(len(codes), n, p=p)
    region = np.empty(n, dtype=object)
    for i, names in enumerate(spellings):  # a loop over 20 regions, not over rows
        mine = region_index == i
        region[mine] = rng.choice(names, mine.sum())
    dirt = rng.random(n) < 0.01
    region[dirt] = rng.choice(np.array(UNKNOWN_REGIONS, dtype=object), dirt.sum())

    topic = np.empty(n, dtype=object)
    question = np.empty(n, dtype=object)
    for i, t in enumerate(topics):  # a loop over topics and their templates
        mine = np.flatnonzero(topic_index == i)
        names = np.array([t.ru, t.kk, *RU_VARIANTS.get(t.key, ())], dtype=object)
        topic[mine] = rng.choice(names, len(mine))
        templates = [text for text, _ in (*t.questions_ru, *t.questions_kk)]
        pick = rng.integers(0, len(templates), len(mine))
        for j, text in enumerate(templates):
            rows = mine[pick == j]
            question[rows] = fill(text, len(rows), rng)
    topic[rng.random(n) < 0.015] = None

    channels = np.array(list(DEFAULT_CHANNELS), dtype=object)
    cp = np.array(list(DEFAULT_CHANNELS.values()))
    registered = (pd.Timestamp("2024-10-01") + pd.to_timedelta(rng.integers(0, 730 * 86_400, n), unit="s")).floor("min")
    processed = registered + pd.to_timedelta(rng.exponential(2.5 * 86_400, n).round(), unit="s")
    birth = (registered - pd.to_timedelta(rng.integers(16 * 365, 92 * 365, n), unit="D")).normalize()
    female = rng.random(n) < 0.57
    iin = make_iins(pd.Series(birth), female, rng).astype(object)
    iin[rng.random(n) < 0.2] = None
    gender = np.where(female, "Женский", "Мужской").astype(object)
    gender[rng.random(n) < 0.1] = None
    birth_cells = pd.Series(birth).dt.date.to_numpy().astype(object)
    birth_cells[rng.random(n) < 0.3] = None
    return pd.DataFrame({
        HEADERS[0]: (pd.Series(np.arange(start, start + n) + 1_000_000).astype(str)).radd("KC-").to_numpy(),
        HEADERS[1]: registered.to_pydatetime(),
        HEADERS[2]: processed.floor("min").to_pydatetime(),
        HEADERS[3]: rng.choice(channels, n, p=cp / cp.sum()),
        HEADERS[4]: region,
        HEADERS[5]: topic,
        HEADERS[6]: question,
        HEADERS[7]: gender,
        HEADERS[8]: birth_cells,
        HEADERS[9]: iin,
    })


def write(rows: int, out: Path, seed: int = 1) -> Path:
    """Write rows rows to out (.xlsx via openpyxl write-only, else CSV UTF-8 with BOM)."""
    rng = np.random.default_rng(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    if out.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Обращения")
        sheet.append(["Реестр обращений (тестовые данные)"])
        sheet.append(list(HEADERS))
        for start in range(0, rows, CHUNK):
            frame = generate_chunk(min(CHUNK, rows - start), start, rng)
            columns = [frame[c].tolist() for c in frame.columns]
            for row in zip(*columns, strict=True):  # writing a file is row by row by nature
                sheet.append(row)
        book.save(partial)
    else:
        for start in range(0, rows, CHUNK):
            frame = generate_chunk(min(CHUNK, rows - start), start, rng)
            frame.to_csv(partial, mode="a" if start else "w", header=not start, index=False, sep=";",
                         encoding="utf-8-sig" if not start else "utf-8", date_format="%d.%m.%Y %H:%M")
    partial.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True, help="output .xlsx or .csv")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    write(args.rows, args.out, args.seed)
    print(f"{args.out}: {args.rows} rows, {args.out.stat().st_size / 1e6:.1f} MB "
          f"in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
