"""benchmarks/datagen.py: the benchmark rows reuse the demo catalogue and map to ten fields."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook

from kcdesk.core.fields import auto_map
from kcdesk.core.normalise.iin import decode_iin
from kcdesk.core.normalise.reference import resolve

ROOT = Path(__file__).resolve().parents[3]


def _datagen():
    spec = importlib.util.spec_from_file_location("datagen", ROOT / "benchmarks" / "datagen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_xlsx_rows_map_to_ten_fields_with_valid_values(tmp_path):
    datagen = _datagen()
    path = datagen.write(1500, tmp_path / "bench.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header, data = rows[1], rows[2:]
    assert len(data) == 1500
    mapping = auto_map(header)
    assert sorted(mapping.values()) == sorted(
        ["request_id", "registered_at", "processed_at", "channel", "region", "topic", "question",
         "gender", "birth_date", "iin"])
    frame = pd.DataFrame(data, columns=header)
    assert frame["№ обращения"].is_unique
    iins = frame["ИИН"].replace("", None).dropna()
    assert len(iins) > 1000 and decode_iin(iins)["valid"].all()
    regions = resolve("region", frame["Регион"])
    assert 0.95 < regions.notna().mean() < 1.0  # spelling variants resolve, the dirt does not
    assert frame["Текст обращения"].str.len().gt(10).all()


def test_csv_is_chunked_with_one_header(tmp_path, monkeypatch):
    datagen = _datagen()
    monkeypatch.setattr(datagen, "CHUNK", 400)
    path = datagen.write(1000, tmp_path / "bench.csv")
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str)
    assert len(frame) == 1000 and list(frame.columns) == list(datagen.HEADERS)
    assert frame["№ обращения"].is_unique
