"""The demo's export files have the shapes real exports have, and their headers map to fields."""

from __future__ import annotations

import csv
from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from kcdesk.core.demo.exports import write_quarter
from kcdesk.core.demo.generate import QUARTERS, generate_requests
from kcdesk.core.fields import auto_map


@pytest.fixture(scope="module")
def requests() -> pd.DataFrame:
    return generate_requests(2026)


@pytest.fixture(scope="module")
def written(requests, tmp_path_factory):
    """Files of the last two quarters: one with the cp1251 CSV, one with the serial-date xlsx."""
    folder = tmp_path_factory.mktemp("exports")
    rng = np.random.default_rng(5)
    files = {}
    for position in (len(QUARTERS) - 2, len(QUARTERS) - 1):
        for path, source in write_quarter(requests, QUARTERS[position], folder, position, rng):
            files[path.name] = (path, source)
    return files


def _rows(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def _fields(headers) -> set[str]:
    mapping = auto_map(list(headers))
    assert len(mapping) == len(headers), [h for i, h in enumerate(headers) if i not in mapping]
    return set(mapping.values())


def test_call_centre_xlsx_has_title_lines_and_date_cells(written, requests):
    path, source = written["2026-Q3_1414_calls.xlsx"]
    assert source == "Контакт-центр 1414"
    rows = _rows(path)
    assert "1414" in rows[0][0] and "01.07.2026" in rows[1][0]
    header = rows[2]
    assert {"request_id", "registered_at", "processed_at", "region", "topic", "question", "gender",
            "birth_date", "social_status", "marital_status", "education", "occupation",
            "contact_centre", "contact_phone", "applicant_name", "applicant_phone"} <= _fields(header)
    assert isinstance(rows[3][1], datetime)
    expected = requests[(requests["quarter"] == "2026-Q3") & (requests["source"] == "calls")]
    assert len(rows) - 3 == len(expected)
    assert sorted(r[0] for r in rows[3:]) == sorted(expected["request_id"])


def test_eotinish_csv_is_utf8_bom_semicolon_kazakh(written, requests):
    path, _ = written["2026-Q3_e-otinish.csv"]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert {"request_id", "registered_at", "region", "topic", "question", "gender", "age"} <= _fields(rows[0])
    assert "birth_date" not in _fields(rows[0])
    assert all(len(r) == len(rows[0]) for r in rows)
    dates = pd.Series([r[1] for r in rows[1:]])
    assert dates.str.fullmatch(r"\d\d\.\d\d\.2026 \d\d:\d\d").all()
    text = raw.decode("utf-8-sig")
    assert "Жылыту" in text or "Коммуналдық қызметтер" in text
    # Some call-centre requests appear again here, under the same id.
    calls = set(requests.loc[requests["source"] == "calls", "request_id"])
    assert any(r[0] in calls for r in rows[1:])


def test_messenger_exports_cp1251_csv_and_serial_dates(written):
    csv_path, _ = written["2026-Q2_messengers.csv"]
    raw = csv_path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    with open(csv_path, encoding="cp1251", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=","))
    fields = _fields(rows[0])
    assert {"iin", "applicant_phone", "question"} <= fields and not {"gender", "age", "birth_date"} & fields
    assert any("," in r[6] for r in rows[1:])  # quoted fields with commas inside
    xlsx_path, _ = written["2026-Q3_messengers.xlsx"]
    rows = _rows(xlsx_path)
    serials = [r[1] for r in rows[1:]]
    assert all(isinstance(s, float) for s in serials)
    assert 46204 <= min(serials) and max(serials) < 46296  # 2026-07-01 … 2026-09-30


def test_exports_carry_personal_data_for_the_importer_to_drop(written, requests):
    last = requests[requests["quarter"] == "2026-Q3"]
    rows = _rows(written["2026-Q3_1414_calls.xlsx"][0])
    names = {r[7] for r in rows[3:]}
    assert names & set(last["name"])
    text = written["2026-Q2_messengers.csv"][0].read_text(encoding="cp1251")
    q2 = requests[(requests["quarter"] == "2026-Q2") & (requests["source"] == "messengers")]
    assert sum(iin in text for iin in q2["iin"].head(300)) > 200  # ~15 % left blank


def test_region_spellings_vary_and_unknowns_are_kept(written, requests):
    rows = _rows(written["2026-Q3_1414_calls.xlsx"][0])
    regions = pd.Series([r[4] for r in rows[3:]])
    assert regions.nunique() > 40  # official names, short forms, case and space dirt
    unknown = requests[(requests["quarter"] == "2026-Q3") & (requests["source"] == "calls")
                       & (requests["region_unknown"] != "")]
    assert unknown["region_unknown"].value_counts().sum() == regions.isin(unknown["region_unknown"]).sum()
