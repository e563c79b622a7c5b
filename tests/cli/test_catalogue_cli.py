"""`kcdesk values`, `kcdesk topics` and `--map` presets through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from kcdesk.cli.main import main
from kcdesk.core.store.project import Project
from tests.helpers import db


def _export(path: Path, region: str = "Южный Казахстан") -> Path:
    path.write_text("№;Дата;Где;Тема\n"
                    f"1;01.07.2026;{region};Дороги\n2;02.07.2026;{region};ЖКХ\n3;03.07.2026;г. Астана;Коммуналка\n",
                    encoding="utf-8")
    return path


def test_values_are_listed_then_fixed_once(tmp_path: Path, capsys):
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), str(_export(tmp_path / "a.csv")), "--map", "Где=region"]) == 0
    capsys.readouterr()
    assert main(["values", str(project)]) == 0
    listed = capsys.readouterr().out
    assert "region\tЮжный Казахстан\t2 requests" in listed and "a.csv" in listed
    assert main(["values", str(project), "--set", "region:южный казахстан=turkistan"]) == 0
    assert "2 stored requests changed" in capsys.readouterr().out
    out = tmp_path / "a.json"
    assert main(["analyze", str(project), "--quarter", "2026-Q3", "--json", str(out)]) == 0
    regions = {r["region"]: r["count"] for r in json.loads(out.read_text(encoding="utf-8"))["by_region"]}
    assert regions == {"turkistan": 2, "astana": 1}


def test_unknown_code_is_refused(tmp_path: Path, capsys):
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), str(_export(tmp_path / "a.csv")), "--map", "Где=region"]) == 0
    assert main(["values", str(project), "--set", "region:Южный Казахстан=mars"]) == 2
    assert "mars" in capsys.readouterr().err


def test_map_option_becomes_the_sources_preset(tmp_path: Path):
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), str(_export(tmp_path / "a.csv")), "--source", "call-centre",
                 "--map", "Где=region"]) == 0
    later = _export(tmp_path / "b.csv", "г. Шымкент")
    later.write_text(later.read_text(encoding="utf-8").replace("1;", "11;").replace("2;", "12;").replace("3;", "13;"),
                     encoding="utf-8")
    assert main(["import", str(project), str(later), "--source", "call-centre"]) == 0
    with Project.open(project) as opened:
        assert opened.get_preset("call-centre") == {"Где": "region"}
        assert db.value(opened, "SELECT COUNT(*) FROM requests WHERE region = 'shymkent'") == 2


def test_topics_merge_rename_translate(tmp_path: Path, capsys):
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), str(_export(tmp_path / "a.csv"))]) == 0
    with Project.open(project) as opened:
        ids = dict(zip(opened.catalogue.topics()["name"], opened.catalogue.topics()["id"]))
    capsys.readouterr()
    assert main(["topics", str(project), "--merge", f"{ids['ЖКХ']}={ids['Коммуналка']}",
                 "--rename", f"{ids['Коммуналка']}=Коммунальные услуги",
                 "--kk", f"{ids['Коммуналка']}=Коммуналдық қызметтер"]) == 0
    listed = capsys.readouterr().out
    # "Коммуналка" is in the bilingual dictionary: its Kazakh name came with the import; the Russian
    # name stays the officer's own.
    assert f"{ids['Коммуналка']}\t2\tКоммунальные услуги\t(Коммуналдық қызметтер)" in listed
    assert "ЖКХ" not in listed


def test_topics_the_dictionary_does_not_know_are_listed_and_named_once(tmp_path: Path, capsys):
    project = tmp_path / "p.kcdesk"
    source = tmp_path / "a.csv"
    source.write_text("№;Дата;Тема\n1;01.07.2026;Ремонт дорог\n2;02.07.2026;Вопросы по субсидиям на шерсть\n",
                      encoding="utf-8")
    assert main(["import", str(project), str(source)]) == 0
    capsys.readouterr()
    assert main(["topics", str(project)]) == 0
    captured = capsys.readouterr()
    unknown = next(line for line in captured.out.splitlines() if "шерсть" in line)
    known = next(line for line in captured.out.splitlines() if "Ремонт дорог" in line)
    assert "no Kazakh name" in unknown and "no Russian name" not in unknown
    assert "Жолдарды жөндеу" in known and "no Kazakh name" not in known
    assert "1 topics have no name in one language" in captured.err
    topic_id = unknown.split("\t")[0]
    assert main(["topics", str(project), "--kk", f"{topic_id}=Жүнге субсидиялар беру мәселелері"]) == 0
    assert "no Kazakh name" not in capsys.readouterr().out
