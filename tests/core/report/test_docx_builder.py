"""The справка .docx: the Appendix table, the named topics, top 10, portrait, signature, overrides, templates."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from sample_analysis import LONG_TOPIC, make_analysis, typed

from kcdesk.core.errors import KcError
from kcdesk.core.model import TopicRow
from kcdesk.core.report import labels
from kcdesk.core.report.docx_builder import ReportInput, build_report, default_template
from kcdesk.core.report.numerals import NBSP, group

SETTINGS = {
    "body_name_ru": "Министерство труда и социальной защиты населения",
    "body_name_kk": "Еңбек және халықты әлеуметтік қорғау министрлігі",
    "contact_centre_name_ru": "Контакт-центр «1414»",
    "contact_centre_name_kk": "«1414» байланыс орталығы",
    "contact_centre_phone": "1414",
    "signatory": "А. Б. Сериков",
    "signatory_position_ru": "Вице-министр",
}


def tiny_png(path: Path) -> Path:
    """A valid 1x1 PNG, written by hand (the core tests never load Qt)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00\xff\x00\x00"
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return path


def text_of(doc) -> str:
    body = "\n".join(p.text for p in doc.paragraphs)
    return body.replace(NBSP, " ")


def appendix_rows(doc) -> tuple[list[tuple[str, int]], list[tuple[str, int]], str, str]:
    table = doc.tables[0]
    topics, regions = [], []
    for row in table.rows[3:]:
        cells = row.cells
        if cells[2].text.strip():
            topics.append((cells[2].text, int(cells[3].text.replace("\u00a0", ""))))
        if cells[4].text.strip():
            regions.append((cells[4].text, int(cells[5].text.replace("\u00a0", ""))))
    first = table.rows[3].cells
    return topics, regions, first[0].text, first[1].text


@pytest.fixture(scope="module")
def analysis():
    return make_analysis(with_year_ago=True)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_appendix_table_holds_every_topic_and_region(tmp_path, analysis, lang):
    out = build_report(ReportInput(typed(analysis), SETTINGS), tmp_path / "s.docx", lang)
    doc = Document(str(out))
    topics, regions, centre, total = appendix_rows(doc)
    expected_topics = [(TopicRow.from_json(t).name(lang), t["count"]) for t in analysis["by_topic"] if t["count"]]
    assert topics == expected_topics
    assert LONG_TOPIC in {t["topic"] for t in analysis["by_topic"]}
    expected_regions = [(labels.region_name(r["region"], lang), r["count"]) for r in analysis["by_region"]]
    assert regions == expected_regions
    assert sum(c for _, c in regions) == analysis["total"]["count"]
    assert total == group(analysis["total"]["count"])  # "1 222": a non-breaking space in thousands
    assert "1414" in centre
    header = doc.tables[0].rows[0].cells[0].text
    assert header.startswith("Наименование контакт-центра" if lang == "ru" else "Телефон нөмірін")
    assert [c.text for c in doc.tables[0].rows[2].cells] == ["1", "2", "3", "4", "5", "6"]
    for r in range(3):  # the header rows repeat on every page
        assert doc.tables[0].rows[r]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert doc.tables[0].rows[3]._tr.trPr.find(qn("w:tblHeader")) is None


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_text_names_flags_new_top10_portrait_and_signature(tmp_path, analysis, lang):
    out = build_report(ReportInput(typed(analysis), SETTINGS), tmp_path / "s.docx", lang)
    doc = Document(str(out))
    text = text_of(doc)
    flagged = [t for t in analysis["by_topic"] if t["flag_over_30"]]
    new = [t for t in analysis["by_topic"] if t["new"]]
    assert flagged and new
    for t in flagged + new:
        assert f"«{TopicRow.from_json(t).name(lang)}»" in text
    names = typed(analysis).topic_names(lang)
    for item in analysis["top10"]["all"]:
        assert f"{item['rank']}) «{names[item['topic']]}»" in text
    # The regional top 10 is one compact table: region | "1) «…» – 42; 2) …".
    cells = {c.text: r.cells[1].text for t in doc.tables for r in t.rows for c in r.cells[:1]}
    for code in analysis["top10"]["by_region"]:
        name = labels.region_name(code, lang)
        assert cells[f"{name[:1].upper()}{name[1:]}"].startswith("1) «")
    for band in labels.AGE_ORDER:
        assert labels.age_label(band, lang) in text
    for code in labels.GENDER_ORDER:
        assert labels.gender_label(code, lang) in text
    assert "женат/замужем" in text
    caption = ("(Ф.И.О и подпись заместителя первого руководителя государственного органа)" if lang == "ru"
               else "(Мемлекеттік органның бірінші басшысы орынбасарының Т.А.Ә. және қолы)")
    assert caption in text
    signature = next(p.text for p in doc.paragraphs if "А. Б. Сериков" in p.text)
    assert ("Вице-министр" in signature) == (lang == "ru")
    title = "Статистическая информация по запросам, поступившим в контакт-центр за III квартал 2026 года"
    assert (title if lang == "ru" else "Байланыс орталығына 2026 жылы 3-тоқсанда келіп түскен") in text
    assert SETTINGS[f"body_name_{lang}"] in text
    # Page numbers at the top centre from page 2; the first page's header is empty.
    assert "PAGE" in doc.sections[0].header.paragraphs[0]._p.xml
    assert doc.sections[0].different_first_page_header_footer
    assert not doc.sections[0].first_page_header.paragraphs[0].text.strip()
    total = analysis["total"]["count"]
    assert f"{total // 1000} {total % 1000:03d}" in text  # the total, grouped, in the prose


def test_officer_texts_replace_drafts(tmp_path, analysis):
    flagged = next(t["topic"] for t in analysis["by_topic"] if t["flag_over_30"])
    texts = {
        "para:intro": "Свой вводный абзац офицера.",
        f"reason:{flagged}": "Изменились правила постановки на учет.",
        "conclusions@ru": "Первый вывод.\nВторой вывод.",
        "publish": "Только этот вопрос.",
        "para:intro@kk": "Қызметкердің өз абзацы.",
    }
    doc = Document(str(build_report(ReportInput(typed(analysis), SETTINGS, texts), tmp_path / "r.docx", "ru")))
    text = text_of(doc)
    assert "Свой вводный абзац офицера." in text
    assert "Изменились правила постановки на учет." in text
    assert "Первый вывод." in text and "Второй вывод." in text
    assert "Наиболее актуальными для граждан являются вопросы" not in text  # drafted conclusion replaced
    assert "Только этот вопрос." in text
    assert "Предлагается разместить информацию" not in text
    kk = text_of(Document(str(build_report(ReportInput(typed(analysis), SETTINGS, texts), tmp_path / "k.docx", "kk"))))
    assert "Қызметкердің өз абзацы." in kk and "Свой вводный абзац офицера." not in kk


def test_missing_previous_quarter_is_said_not_hidden(tmp_path):
    analysis = make_analysis(with_previous=False)
    text = text_of(Document(str(build_report(ReportInput(typed(analysis)), tmp_path / "s.docx", "ru"))))
    assert "Данные за II квартал 2026 года в проекте отсутствуют" in text
    kk = text_of(Document(str(build_report(ReportInput(typed(analysis)), tmp_path / "k.docx", "kk"))))
    assert "2026 жылғы 2-тоқсан бойынша деректер жобада жоқ" in kk


def test_charts_are_embedded_in_order_with_captions(tmp_path, analysis):
    charts = {key: tiny_png(tmp_path / f"{key}.png") for key in ("portrait_age", "top10", "map")}
    doc = Document(str(build_report(ReportInput(typed(analysis), SETTINGS, charts=charts), tmp_path / "c.docx", "ru")))
    assert len(doc.inline_shapes) == 3
    captions = [p.text for p in doc.paragraphs if p.style.name == "KcCaption" and p.text]
    assert captions == [f"Рисунок {i} – {labels.CHART_CAPTIONS['ru'][k]}"
                        for i, k in enumerate(("top10", "map", "portrait_age"), 1)]
    assert "geokz, Alexander Rodionov, CC BY 4.0" in captions[1]  # the map's data credit


def test_user_template_with_the_placeholders_works(tmp_path, analysis):
    mine = shutil.copy(default_template("ru"), tmp_path / "letterhead.docx")
    out = build_report(ReportInput(typed(analysis), SETTINGS), tmp_path / "s.docx", "ru", template=Path(mine))
    assert appendix_rows(Document(str(out)))[3] == group(analysis["total"]["count"])


def test_bad_templates_are_errors_not_crashes(tmp_path, analysis):
    with pytest.raises(KcError) as missing:
        build_report(ReportInput(typed(analysis)), tmp_path / "s.docx", "ru", template=tmp_path / "nope.docx")
    assert missing.value.code == "template_missing"
    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    with pytest.raises(KcError) as bad:
        build_report(ReportInput(typed(analysis)), tmp_path / "s.docx", "ru", template=plain)
    assert bad.value.code == "bad_template"
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(KcError) as broken:
        build_report(ReportInput(typed(analysis)), tmp_path / "s.docx", "ru", template=junk)
    assert broken.value.code == "bad_template"
    assert not (tmp_path / "s.docx").exists()
    with pytest.raises(KcError) as lang:
        build_report(ReportInput(typed(analysis)), tmp_path / "s.docx", "en")
    assert lang.value.code == "bad_language"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_requests_without_a_topic_still_add_up(tmp_path, lang):
    analysis = make_analysis(seed=5)
    analysis["total"]["count"] += 17  # 17 requests the analysis could put under no topic
    analysis["by_region"][0]["count"] += 17
    doc = Document(str(build_report(ReportInput(typed(analysis)), tmp_path / "s.docx", lang)))
    topics, regions, _, total = appendix_rows(doc)
    assert sum(c for _, c in topics) == int(total.replace("\u00a0", "")) == sum(c for _, c in regions)
    assert topics[-1] == ({"ru": "тема не указана", "kk": "тақырыбы көрсетілмеген"}[lang], 17)
    text = text_of(doc)
    assert ("Тема не указана в 17 запросах" if lang == "ru" else "17 сұрау салу бойынша тақырып көрсетілмеген") in text
