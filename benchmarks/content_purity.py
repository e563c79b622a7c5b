"""Purity of the question groups against a finer labelling, on the samples in ../shared/samples.

    python benchmarks/content_purity.py [--samples ../shared/samples]

For the Kursk sample (161 themes, `Тематика`) and the kk/ru sample (10 categories, Kazakh and Russian
texts separately), all requests are one quarter with no topics; the groups are compared with the
labels. Printed per set:

- share: requests in groups whose largest label holds at least half of the group, over all
  requests with a text (the "other" bucket counts as not pure);
- purity: weighted mean purity of the groups shown (largest label's share, weighted by size);
- groups, and the share of requests left in "other".
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.core.analyse.content import analyse_content  # noqa: E402
from kcdesk.core.quarters import Quarter  # noqa: E402

SETS = (
    ("kursk_citizen_messages.csv", "Текст Сообщения", "Тематика", "Kursk, 161 themes"),
    ("kzgov_requests_kk_ru.csv", "text_kz", "category", "kk/ru set, Kazakh texts, 10 categories"),
    ("kzgov_requests_kk_ru.csv", "text_ru", "category", "kk/ru set, Russian texts, 10 categories"),
)


def purity(groups: np.ndarray, truth: np.ndarray) -> tuple[float, float, int, float]:
    table = pd.DataFrame({"g": groups, "t": truth})
    shown = table[table["g"] != "other"]
    sizes = shown.groupby("g").size()
    top = shown.groupby(["g", "t"]).size().groupby("g").max()
    share = float(sizes[top >= sizes / 2].sum() / len(table))
    weighted = float(top.sum() / max(sizes.sum(), 1))
    return share, weighted, len(sizes), 1.0 - len(shown) / len(table)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=Path,
                        default=Path(__file__).resolve().parents[1].parent / "shared" / "samples")
    args = parser.parse_args()
    for name, text, label, title in SETS:
        path = args.samples / name
        if not path.exists():
            print(f"{title}: {path} not found, skipped")
            continue
        data = pd.read_csv(path)
        frame = pd.DataFrame({"row_id": np.arange(len(data)), "request_id": data["id"].astype(str),
                              "quarter": "2026-Q3", "topic": None, "region": None, "channel": None,
                              "question": data[text]})
        start = time.perf_counter()
        result = analyse_content(frame, Quarter.parse("2026-Q3"), members=True)
        members = result["_members"]
        keep = (members["group"] != "").to_numpy()
        share, weighted, groups, other = purity(members["group"].to_numpy()[keep],
                                                data[label].astype(str).to_numpy()[keep])
        print(f"{title}: share in groups at least half one label {share:.3f}, weighted purity {weighted:.3f}, "
              f"{groups} groups, other {other:.1%} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
