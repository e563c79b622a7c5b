"""Repeated requests by the same applicant: an opaque key (HMAC of the IIN or phone under a secret kept in
the user's settings folder) is stored, never the IIN or the phone; the same wording from one applicant
is a repeat even when it names no place."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pytest

from kcdesk.cli.main import main
from kcdesk.core.analyse.content.project import run_content
from kcdesk.core.normalise import applicant as app
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project

IIN_A, IIN_B = "900101330009", "900101330019"  # valid check digits


@pytest.fixture()
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "settings"
    monkeypatch.setenv("KCDESK_SETTINGS_DIR", str(folder))
    return folder


def test_same_applicant_same_key_whatever_the_spelling(settings: Path):
    iin = pd.Series([IIN_A, "9001 0133 0009", float(IIN_A), IIN_B, None, "12345", None])
    phone = pd.Series([None, None, None, None, "+7 (701) 123-45-67", None, "8 701 1234567"])
    keys = app.applicant_keys(iin, phone)
    assert keys[0] == keys[1] == keys[2] != keys[3]
    assert keys[4] == keys[6] and keys[4] not in (keys[0], keys[3])
    assert keys[5] is None  # no valid IIN, no phone: no key
    assert all(re.fullmatch(r"[0-9a-f]{16}", k) for k in keys.dropna())
    assert not any(IIN_A in k or "7011234567" in k for k in keys.dropna())


def test_the_secret_is_the_users_own_and_makes_the_key(settings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    first = app.applicant_keys(pd.Series([IIN_A]), None)[0]
    secret = settings / app.SECRET_FILE
    assert secret.exists() and len(bytes.fromhex(secret.read_text(encoding="utf-8").strip())) == app.SECRET_BYTES
    if sys.platform != "win32":
        assert secret.stat().st_mode & 0o077 == 0  # readable by the user only
    assert app.applicant_keys(pd.Series([IIN_A]), None)[0] == first  # kept: the same key next time
    # another computer (another secret) makes another key: a copied project cannot be matched back
    monkeypatch.setenv("KCDESK_SETTINGS_DIR", str(tmp_path / "elsewhere"))
    assert app.applicant_keys(pd.Series([IIN_A]), None)[0] != first


def test_import_stores_only_the_key_and_content_counts_repeats_by_applicant(settings: Path, tmp_path: Path):
    rows = [
        # one applicant sends the same wording three times (no place named): two repeats
        *[("Когда отремонтируют дорогу?", IIN_A, None) for _ in range(3)],
        # … another applicant the same wording once: not her repeat
        ("Когда отремонтируют дорогу?", IIN_B, None),
        # the same applicant by phone only, twice
        *[("Нет горячей воды", None, "+7 701 123 45 67") for _ in range(2)],
        # the same short wording from people unknown: not counted as repeats
        *[("Мусор", None, None) for _ in range(3)],
    ]
    export = pd.DataFrame({"№ обращения": [f"A-{i}" for i in range(len(rows))], "Дата регистрации": "2026-08-10",
                           "Регион": "ВКО", "Тема": "ЖКХ", "Текст обращения": [r[0] for r in rows],
                           "ИИН заявителя": [r[1] for r in rows], "Телефон заявителя": [r[2] for r in rows]})
    csv = tmp_path / "export.csv"
    export.to_csv(csv, index=False)
    target = tmp_path / "a.kcdesk"
    assert main(["import", str(target), str(csv)]) == 0
    with Project.open(target) as project:
        keys = project.catalogue.question_frame([Quarter.parse("2026-Q3")])["applicant"]
        result = run_content(project, Quarter.parse("2026-Q3"))
    assert keys.notna().sum() == 6 and keys.nunique() == 3
    con = sqlite3.connect(target)
    dump = "\n".join(con.iterdump())
    con.close()
    for secret in (IIN_A, IIN_B, "7011234567", "701 123 45 67"):
        assert secret not in dump  # neither the IIN nor the phone is in the project, in any form
    assert (settings / app.SECRET_FILE).read_text(encoding="utf-8").strip() not in dump  # nor the secret
    dup = result["duplicates"]
    assert dup["with_applicant"] == 6
    assert dup["by_applicant"] == 5  # three + two requests held together by their applicant
    assert dup["repeated_groups"] == 2 and dup["repeated_requests"] == 3
    assert dup["same_wording_no_place"] == 3  # "Мусор" ×3: no place, no applicant
    assert os.fspath(settings) not in dump
