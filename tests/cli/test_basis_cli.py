"""`--basis previous|year-ago` on `kcdesk analyze` and `kcdesk report`: the project setting the +30 % rule
reads (§11), remembered, stated in the summary, the JSON and the справка."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from kcdesk.cli.main import main


def _project(tmp_path: Path) -> Path:
    """"Дороги": 5 a year ago, 10 in the previous quarter, 12 now (+20 % / +140 %)."""
    rows = ["Дата регистрации;Регион;Тема"]
    rows += ["10.08.2025;г. Алматы;Дороги"] * 5 + ["10.08.2025;г. Астана;Свет"] * 4
    rows += ["10.05.2026;г. Алматы;Дороги"] * 10 + ["10.05.2026;г. Астана;Свет"] * 4
    rows += ["10.08.2026;г. Алматы;Дороги"] * 12 + ["10.08.2026;г. Астана;Свет"] * 4
    source = tmp_path / "export.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), str(source)]) == 0
    return project


def test_basis_switches_the_rule_and_is_remembered(tmp_path: Path, capsys) -> None:
    project = _project(tmp_path)
    capsys.readouterr()
    assert main(["analyze", str(project), "--quarter", "2026-Q3", "--json", "-"]) == 0
    default = json.loads(capsys.readouterr().out)
    roads = next(t for t in default["by_topic"] if t["topic"] == "Дороги")
    assert default["comparison"]["basis"] == "previous" and roads["flag_over_30"] is False
    assert main(["analyze", str(project), "--quarter", "2026-Q3", "--basis", "year-ago", "--json", "-"]) == 0
    year = json.loads(capsys.readouterr().out)
    roads = next(t for t in year["by_topic"] if t["topic"] == "Дороги")
    assert year["comparison"]["basis"] == "year_ago" and roads["flag_over_30"] is True
    assert (roads["change_pct"], roads["change_year_pct"]) == (20.0, 140.0)
    assert main(["analyze", str(project), "--quarter", "2026-Q3"]) == 0  # remembered
    summary = capsys.readouterr().out
    assert "compares with the same quarter a year ago (2025-Q3)" in summary and ">30%" in summary
    with pytest.raises(SystemExit):  # argparse refuses anything else
        main(["analyze", str(project), "--quarter", "2026-Q3", "--basis", "last-year"])


def test_report_basis_option_is_the_same_setting(tmp_path: Path, capsys) -> None:
    project = _project(tmp_path)
    out = tmp_path / "ru.docx"
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(out),
                 "--no-charts", "--basis", "year-ago"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(project), "--quarter", "2026-Q3", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["comparison"]["basis"] == "year_ago"


def _text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs).replace("\u00a0", " ")


def test_the_spravka_states_the_basis_and_both_changes(tmp_path: Path) -> None:
    project = _project(tmp_path)
    out = {lang: tmp_path / f"{lang}.docx" for lang in ("ru", "kk")}
    for lang in ("ru", "kk"):
        assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", lang, "--out", str(out[lang]),
                     "--no-charts"]) == 0
    ru, kk = _text(out["ru"]), _text(out["kk"])
    assert "оценены в сравнении с предыдущим кварталом (II квартал 2026 года)" in ru
    assert "алдыңғы тоқсанмен (2026 жылғы 2-тоқсан) салыстырылып бағаланды" in kk
    assert "более чем на 30 % ни по одной теме не выявлен" in ru  # +20 %: nothing over the threshold
    for lang in ("ru", "kk"):
        assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", lang, "--out", str(out[lang]),
                     "--no-charts", "--basis", "year-ago"]) == 0
    ru, kk = _text(out["ru"]), _text(out["kk"])
    # The rule's quarter is said, the flagged topic's change against it and against the other quarter.
    assert "в сравнении с аналогичным периодом прошлого года (III квартал 2025 года)" in ru
    assert "выбрано в настройках проекта" in ru
    assert "количество запросов выросло с 5 до 12, то есть на 140 %" in ru
    assert "По сравнению с предыдущим кварталом (10) — +20 %" in ru
    assert "өткен жылдың осы кезеңімен (2025 жылғы 3-тоқсан) салыстырылып бағаланды" in kk
    assert "жоба баптауларында таңдалған" in kk
    assert "Алдыңғы тоқсанмен (10) салыстырғанда – +20 %" in kk


def test_work_plans_follow_the_basis(tmp_path: Path) -> None:
    """With the year-ago basis the topic up 140 % on a year ago gets its plan, grounded on that rise."""
    project = _project(tmp_path)
    plans = tmp_path / "plans"
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(tmp_path / "r.docx"),
                 "--no-charts", "--workplans", str(plans)]) == 0
    assert list(plans.glob("*.docx")) == []  # +20 % on the previous quarter: no plan
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(tmp_path / "r.docx"),
                 "--no-charts", "--workplans", str(plans), "--basis", "year-ago"]) == 0
    written = list(plans.glob("*.docx"))
    assert len(written) == 1
    text = _text(written[0])
    assert "выросло по сравнению с тем же кварталом прошлого года с 5 до 12, +140 %" in text
