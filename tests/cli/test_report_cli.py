"""Exports → `kcdesk import` → `kcdesk texts` → `kcdesk report`: the справка holds the project's figures and texts."""

from __future__ import annotations

import json

import pytest
from docx import Document
from openpyxl import load_workbook

from kcdesk.cli.main import main
from kcdesk.core.model import TopicRow
from kcdesk.core.report import labels
from kcdesk.core.report.appendix import NO_TOPIC
from tests.helpers.exports import make_truth, write_exports

Q = "2026-Q3"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("report")
    written = write_exports(make_truth(), folder / "exports")
    path = folder / "p.kcdesk"
    assert main(["import", str(path), *map(str, written.paths)]) == 0
    out = folder / "analysis.json"
    assert main(["analyze", str(path), "--quarter", Q, "--json", str(out)]) == 0
    return path, json.loads(out.read_text(encoding="utf-8")), folder


def test_texts_then_report_in_both_languages(project, capsys):
    path, analysis, folder = project
    flagged = [t["topic"] for t in analysis["by_topic"] if t["flag_over_30"]]
    args = ["texts", str(path), "--quarter", Q, "--set", "para:intro=Абзац офицера.\\nВторая строка.",
            "--setting", "signatory=Б. В. Ахметов", "--setting", "contact_centre_phone=109",
            "--setting", "signatory_position_kk=Вице-министр орынбасары"]
    if flagged:
        args += ["--set", f"reason:{flagged[0]}=Новые правила."]
    assert main(args) == 0
    for lang in ("ru", "kk"):
        out = folder / f"s_{lang}.docx"
        xlsx = folder / f"s_{lang}.xlsx"
        plans = folder / f"plans_{lang}"
        assert main(["report", str(path), "--quarter", Q, "--lang", lang, "--out", str(out),
                     "--xlsx", str(xlsx), "--workplans", str(plans)]) == 0
        doc = Document(str(out))
        rows = [[c.text for c in row.cells] for row in doc.tables[0].rows[3:]]
        topics = {r[2]: int(r[3]) for r in rows if r[2]}
        regions = {r[4]: int(r[5]) for r in rows if r[4]}
        expected = {TopicRow.from_json(t).name(lang): t["count"] for t in analysis["by_topic"] if t["count"]}
        missing = analysis["total"]["count"] - sum(expected.values())
        if missing:  # requests the import could put under no topic get a row of their own
            expected[NO_TOPIC[lang]] = missing
        assert topics == expected
        assert sum(topics.values()) == analysis["total"]["count"] == sum(regions.values())
        assert regions == {labels.region_name(r["region"], lang): r["count"] for r in analysis["by_region"]
                           if r["region"] != "unknown" or r["count"]}
        assert int(rows[0][1]) == analysis["total"]["count"] and "109" in rows[0][0]
        text = "\n".join(p.text for p in doc.paragraphs)
        # Typed in Russian for both languages: printed in the Russian справка only (the Kazakh one keeps
        # its draft, and its checklist lists the text as still in the other language).
        assert ("Абзац офицера.\nВторая строка." in text) == (lang == "ru")
        assert "Б. В. Ахметов" in text
        assert ("Вице-министр орынбасары" in text) == (lang == "kk")
        if flagged:
            assert ("Новые правила." in text) == (lang == "ru")
        assert len(doc.inline_shapes) >= 5  # top 10, regions, portrait charts
        ws = load_workbook(xlsx).active
        assert ws.cell(5, 2).value == analysis["total"]["count"]
        assert len(list(plans.glob("*.docx"))) == len(flagged)
    capsys.readouterr()
    assert main(["texts", str(path), "--quarter", Q, "--dump"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert dumped["settings"]["signatory"] == "Б. В. Ахметов"
    assert dumped["texts"]["para:intro"] == "Абзац офицера.\nВторая строка."


def test_texts_load_unset_and_keys(project, capsys, tmp_path):
    path, analysis, _ = project
    source = tmp_path / "t.json"
    source.write_text(json.dumps({"texts": {"conclusions@ru": "Вывод."}, "settings": {"body_name_ru": "Акимат"}},
                                 ensure_ascii=False), encoding="utf-8")
    assert main(["texts", str(path), "--quarter", Q, "--load", str(source), "--unset", "para:intro"]) == 0
    capsys.readouterr()
    assert main(["texts", str(path), "--quarter", Q, "--dump", "--keys"]) == 0
    out = capsys.readouterr().out
    dumped = json.loads(out[: out.rindex("}") + 1])
    assert dumped["texts"].get("conclusions@ru") == "Вывод." and "para:intro" not in dumped["texts"]
    assert dumped["settings"]["body_name_ru"] == "Акимат"
    assert "para:intro" in out and "para:portrait_age" in out


def test_bad_options_are_user_errors(project, tmp_path, capsys):
    path, _, _ = project
    assert main(["texts", str(path), "--quarter", Q, "--set", "colour=red"]) == 2
    assert main(["texts", str(path), "--setting", "password=x"]) == 2
    assert main(["texts", str(path), "--set", "publish=x"]) == 2  # no quarter
    assert main(["report", str(path), "--quarter", Q, "--lang", "ru", "--out", str(tmp_path / "s.docx"),
                 "--template", str(tmp_path / "none.docx")]) == 2
    assert main(["report", str(path), "--quarter", "2019-Q1", "--lang", "ru", "--out", str(tmp_path / "s.docx"),
                 "--no-charts"]) == 2
    assert not (tmp_path / "s.docx").exists()
    err = capsys.readouterr().err
    assert "colour" in err and "no such template" in err
