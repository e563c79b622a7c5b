"""Work plans (§11) per flagged topic; PDF through LibreOffice or a clear error."""

from __future__ import annotations

import pytest
from docx import Document
from sample_analysis import make_analysis, typed

from kcdesk.core.errors import KcError
from kcdesk.core.report import pdf
from kcdesk.core.report.docx_builder import ReportInput, build_report
from kcdesk.core.report.workplans import build_workplans, safe_name


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_one_plan_per_flagged_topic(tmp_path, lang):
    analysis = make_analysis()
    flagged = [t for t in analysis["by_topic"] if t["flag_over_30"]]
    own = flagged[0]["topic"]
    texts = {f"workplan:{own}": "Брифинг | телеканал | пресс-служба | до 15 ноября\nПамятка | сайт"}
    paths = build_workplans(typed(analysis), {"signatory": "А. Б. Сериков"}, texts, tmp_path / "plans", lang)
    assert len(paths) == len(flagged) and all(p.is_file() for p in paths)
    first = Document(str(paths[0]))
    rows = [[c.text for c in row.cells] for row in first.tables[0].rows]
    assert rows[0][0] == "№" and len(rows[0]) == 5
    assert rows[1][1:] == ["Брифинг", "телеканал", "пресс-служба", "до 15 ноября"]
    assert rows[2][1:3] == ["Памятка", "сайт"] and len(rows) == 3
    second = Document(str(paths[1]))
    text = "\n".join(p.text for p in second.paragraphs)
    name = flagged[1]["names"][lang]
    assert f"«{name}»" in text
    drafted = [[c.text for c in row.cells] for row in second.tables[0].rows[1:]]
    assert len(drafted) >= 5 and all(row[4] for row in drafted)  # every measure has a deadline
    assert ("Основание" if lang == "ru" else "Негіздеме") in text


def test_safe_names():
    assert safe_name("Жилищные вопросы / очередь: 2026?") == "Жилищные_вопросы_очередь_2026"
    assert safe_name("../..") == "topic"
    assert len(safe_name("ә" * 200)) == 60


def test_pdf_unavailable_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    monkeypatch.setattr(pdf, "_WINDOWS_DIRS", ())
    assert pdf.find_soffice() is None
    with pytest.raises(KcError) as error:
        pdf.to_pdf(tmp_path / "x.docx", tmp_path / "x.pdf")
    assert error.value.code == "pdf_unavailable"


@pytest.mark.slow
@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(tmp_path):
    docx = build_report(ReportInput(typed(make_analysis())), tmp_path / "s.docx", "kk")
    out = pdf.to_pdf(docx, tmp_path / "s.pdf")
    assert out.read_bytes().startswith(b"%PDF")
