"""docs/ANALYSIS_JSON.md says what `kcdesk analyze --json` writes: its example has the keys the code
writes, in the code's order, and the codes it names are codes of the reference vocabularies."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from kcdesk.core.analyse.analysis import analyse
from kcdesk.core.importing import import_files
from kcdesk.core.quarters import Quarter
from kcdesk.core.resources import resource
from kcdesk.core.store.project import Project

DOC = Path(__file__).resolve().parents[3] / "docs" / "ANALYSIS_JSON.md"
Q3 = Quarter.parse("2026-Q3")


def _example() -> dict:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert block, "the doc has a JSON example"
    return json.loads(block.group(1).replace("…", "..."))


def _codes(name: str) -> set[str]:
    with open(resource("reference", name), encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def _analysis(tmp_path: Path) -> dict:
    header = ("№;Дата регистрации;Регион;Тема;Канал;Семейное положение;Образование;Род занятий;"
              "Контакт-центр;Телефон контакт центра\n")
    rows = [f"{n};{d};г. Астана;{t};Звонок 1414;Замужем;Высшее;Работает по найму;Единый контакт-центр;1414\n"
            for n, (d, t) in enumerate([("10.04.2026", "ЖКХ"), ("10.07.2026", "ЖКХ"), ("11.07.2026", "ЖКХ"),
                                        ("12.07.2026", "Отопление")], 1)]
    source = tmp_path / "a.csv"
    source.write_text(header + "".join(rows), encoding="utf-8")
    path = tmp_path / "p.kcdesk"
    import_files(path, [source])
    with Project.open(path) as project:
        project.set_reference_total(Q3, "Qlik", 5)
        return analyse(project, Q3)


def _same_keys(doc: dict, code: dict, where: str) -> None:
    assert list(doc) == list(code), where


def test_the_doc_example_has_the_keys_the_code_writes_in_its_order(tmp_path: Path):
    doc, code = _example(), _analysis(tmp_path)
    _same_keys(doc, code, "top level")
    for key in ("comparison", "total", "data_quality", "top10"):
        _same_keys(doc[key], code[key], key)
    for key in ("by_region", "by_topic", "by_channel", "reconciliation", "contact_centres"):
        assert code[key], key
        _same_keys(doc[key][0], code[key][0], key)
    _same_keys(doc["top10"]["all"][0], code["top10"]["all"][0], "top10.all")
    topic = next(iter(code["drivers"]))
    doc_topic = next(iter(doc["drivers"]))
    _same_keys(doc["drivers"][doc_topic], code["drivers"][topic], "drivers")
    for part in ("regions", "channels"):
        _same_keys(doc["drivers"][doc_topic][part][0], code["drivers"][topic][part][0], f"drivers.{part}")
    assert set(doc["portrait"]) == set(code["portrait"])
    for dimension in ("age", "gender", "social_status"):
        _same_keys(doc["portrait"][dimension], code["portrait"][dimension], dimension)


def test_quarter_rule_defaults_to_processed_and_values_are_codes(tmp_path: Path):
    code = _analysis(tmp_path)
    assert code["quarter_rule"] == _example()["quarter_rule"] == "processed"
    assert [c["channel"] for c in code["by_channel"]] == ["call_1414"]
    assert code["portrait"]["marital_status"] == {"married": 3, "unknown": 0}
    assert code["portrait"]["education"] == {"higher": 3, "unknown": 0}
    assert code["portrait"]["occupation"] == {"employed": 3, "unknown": 0}
    assert code["reconciliation"] == [{"channel": "Qlik", "reference": 5, "imported": 3, "difference": -2}]
    # The topics got their Kazakh names from the dictionary; the Russian one stays the export's.
    names = {t["topic"]: t["names"] for t in code["by_topic"]}
    assert names["ЖКХ"] == {"kk": "Тұрғын үй-коммуналдық шаруашылық", "ru": "ЖКХ"}
    assert names["Отопление"] == {"kk": "Жылыту", "ru": "Отопление"}


def test_every_code_the_doc_names_is_a_code_of_its_vocabulary():
    example = _example()
    assert {c["channel"] for c in example["by_channel"]} <= _codes("channel.csv")
    for dimension, file in (("marital_status", "marital_status.csv"), ("education", "education.csv"),
                            ("occupation", "occupation.csv"), ("gender", "gender.csv"),
                            ("social_status", "social_status.csv")):
        assert set(example["portrait"][dimension]) - {"unknown", "other"} <= _codes(file), dimension
    text = DOC.read_text(encoding="utf-8")
    named = {"channel.csv": r"`channel` is a code of `resources/reference/channel\.csv` \(([^)]*)\)",
             "marital_status.csv": r"marital_status\.csv` \(([^)]*)\)",
             "education.csv": r"education\.csv` \(([^)]*)\)",
             "occupation.csv": r"occupation\.csv` \(([^)]*)\)"}
    for file, pattern in named.items():
        found = re.search(pattern, text)
        assert found, file
        codes = set(re.findall(r"`([a-z_0-9]+)`", found.group(1).split(";")[0]))
        assert codes and codes <= _codes(file), file
