"""Benchmark: the three stages for one quarter of N requests in a project of eight such quarters.

Target (issue 5): < 1 s for N = 1,000,000. The project is filled directly (not through import)
with realistic distributions, then `analyse` is timed over several runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.core.analyse.analysis import analyse  # noqa: E402
from kcdesk.core.normalise.reference import regions  # noqa: E402
from kcdesk.core.quarters import Quarter  # noqa: E402
from kcdesk.core.store.project import Project  # noqa: E402

TARGET_SECONDS = 1.0


def fill(path: Path, rows_per_quarter: int, quarters: list[Quarter], seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    codes = list(regions()["code"]) + [None]
    weights = rng.dirichlet(np.ones(len(codes)) * 2)
    with Project.open(path, create=True) as project, project.transaction() as con:
        con.execute("INSERT INTO imports(file, sheet, source, sha256, imported_at, mapping) "
                    "VALUES ('bench', '', 'bench', 'x', '2026-01-01', '{}')")
        con.executemany("INSERT INTO topics(key, name) VALUES (?, ?)",
                        [(f"тема {i}", f"Тема {i}") for i in range(1, 61)])
        genders = np.array(["female", "male", None], dtype=object)
        statuses = np.array(["employee", "pensioner", "student", "unemployed", None], dtype=object)
        for quarter in quarters:
            n = rows_per_quarter
            topic = rng.zipf(1.6, n) % 60 + 1
            region = rng.choice(len(codes), n, p=weights)
            age = rng.integers(10, 100, n).astype(object)
            age[rng.random(n) < 0.2] = None
            columns = zip(
                np.full(n, 1), np.arange(n) + 2, np.full(n, quarter.index), np.full(n, quarter.index),
                np.array(codes, dtype=object)[region], topic, genders[rng.integers(0, 3, n)], age,
                statuses[rng.integers(0, 5, n)],
            )
            con.executemany(
                "INSERT INTO requests(import_id, source_row, reg_quarter, quarter, region, topic_id, "
                "gender, age, social_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((int(a), int(b), int(c), int(d), e, int(f), g, h, i) for a, b, c, d, e, f, g, h, i in columns),
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="requests per quarter")
    parser.add_argument("--quarters", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    last = Quarter.parse("2026-Q3")
    quarters = [Quarter.from_index(last.index - i) for i in range(args.quarters)][::-1]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.kcdesk"
        started = time.perf_counter()
        fill(path, args.rows, quarters)
        print(f"filled {args.quarters} quarters × {args.rows:,} rows in {time.perf_counter() - started:.1f} s")
        times = []
        with Project.open(path) as project:
            for _ in range(args.runs):
                started = time.perf_counter()
                result = analyse(project, last)
                times.append(time.perf_counter() - started)
        best = min(times)
        verdict = "OK" if best < TARGET_SECONDS else "MISSED"
        print(f"analyse {last}: total {result['total']['count']:,}; best of {args.runs}: {best:.3f} s "
              f"(target < {TARGET_SECONDS} s) {verdict}; runs: " + ", ".join(f"{t:.3f}" for t in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
