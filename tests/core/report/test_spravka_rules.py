"""Issue 18's wording and page rules, each asserted in both languages."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from sample_analysis import content_of, make_analysis, typed

from kcdesk.core.report.docx_builder import ReportInput, build_report
from kcdesk.core.report.numerals import NBSP
from kcdesk.core.report.readiness import checklist, untranslated_topics
from kcdesk.core.report.wording import draft

LANGS = ("ru", "kk")
MAJORITY = {"ru": "Большинство", "kk": "басым бөлігі"}


def paragraphs(analysis, lang, texts=None, sources_without=None) -> dict[str, str]:
    return {p.key: p.text.replace(NBSP, " ")
            for s in draft(typed(analysis), lang, texts, sources_without=sources_without) for p in s.paragraphs}


def _with_shares(lead_share: float) -> dict:
    """An analysis whose three largest topics hold lead_share % of the total."""
    a = make_analysis()
    active = [t for t in a["by_topic"] if t["count"]]
    rest = sum(t["count"] for t in active[3:])
    lead = int(rest * lead_share / (100 - lead_share))
    for i, t in enumerate(active[:3]):
        t["count"] = lead // 3 + (lead % 3 if i == 0 else 0) + 200 - 100 * i
    active[0]["count"] -= 300
    a["by_topic"].sort(key=lambda t: -t["count"])
    a["total"]["count"] = sum(t["count"] for t in a["by_topic"])
    return a


@pytest.mark.parametrize("lang", LANGS)
def test_majority_only_over_half(lang):
    over, under = paragraphs(_with_shares(70), lang)["nature"], paragraphs(_with_shares(30), lang)["nature"]
    assert MAJORITY[lang] in over
    assert MAJORITY[lang] not in under and MAJORITY[lang].lower() not in under


@pytest.mark.parametrize("lang", LANGS)
def test_no_and_n_more_topics_every_grower_is_named(lang):
    a = make_analysis()
    for t in a["by_topic"]:  # every comparable topic grows a little: far more than twelve growers
        if t["previous"] and not t["flag_over_30"] and not t["new"]:
            t["count"] = t["previous"] + 1
            t["change_pct"] = round(100 / t["previous"], 2)
    p = paragraphs(a, lang)
    for key in ("growth", "decline"):
        assert "и ещё" not in p.get(key, "") and "тағы" not in p.get(key, "")
    growers = [t for t in a["by_topic"] if t["previous"] and t["count"] > t["previous"]
               and not t["flag_over_30"] and not t["new"]]
    assert len(growers) > 12  # more than the old limit of twelve
    for t in growers:
        assert t["names"][lang] in p["growth"]


@pytest.mark.parametrize("lang", LANGS)
def test_change_sentences_do_not_repeat_the_noun(lang):
    a = make_analysis(with_year_ago=True)
    for key in ("compare_previous", "compare_year_ago"):
        sentence = paragraphs(a, lang)[key]
        noun = "запрос" if lang == "ru" else "сұрау салу"
        assert sentence.count(noun) <= 1, sentence


@pytest.mark.parametrize("lang", LANGS)
def test_drivers_never_name_not_stated(lang):
    a = make_analysis()
    flagged = next(t for t in a["by_topic"] if t["flag_over_30"])
    a["drivers"][flagged["topic"]]["channels"].insert(0, {"channel": "unknown", "count": 50, "previous": 1, "delta": 49})
    text = paragraphs(a, lang)[f"flag:{flagged['topic']}"]
    for unknown in ("не указан", "көрсетілмеген", "unknown", "регион не указан", "өңірі көрсетілмеген"):
        assert unknown not in text
    assert ("город Астана" if lang == "ru" else "Астана қаласы") in text


@pytest.mark.parametrize("lang", LANGS)
def test_an_export_without_a_channel_column_is_said_once(lang):
    a = make_analysis()
    a["by_channel"] = [{"channel": "call_1414", "count": 100}, {"channel": "unknown", "count": 50}]
    text = paragraphs(a, lang, sources_without={"channel": ["messengers.xlsx"]})["channels"]
    assert text.count("«messengers.xlsx»") == 1
    assert "не указано —" not in text and "көрсетілмеген –" not in text  # not a channel of its own
    expected = "звонок в единый контакт-центр 1414" if lang == "ru" else "1414 бірыңғай байланыс орталығына қоңырау"
    assert expected in text  # a code by its name, lower case inside the sentence


@pytest.mark.parametrize("lang", LANGS)
def test_values_inside_sentences_are_not_capitalised(lang):
    a = make_analysis()
    a["portrait"]["education"] = {"higher": 10, "vocational": 5, "unknown": 1}
    text = paragraphs(a, lang)["portrait_education"]
    assert ("с высшим образованием" if lang == "ru" else "жоғары білімі барлар") in text
    social = paragraphs(a, lang)["portrait_social"]
    assert ("наемные работники" if lang == "ru" else "жалдамалы жұмыскерлер") in social


@pytest.mark.parametrize("lang", LANGS)
def test_portrait_opens_with_a_summary_sentence(lang):
    a = make_analysis()
    a["portrait"]["gender"] = {"female": 600, "male": 300, "unknown": 10}
    a["portrait"]["age"]["31-40"] += 500
    summary = paragraphs(a, lang)["portrait_summary"]
    assert ("женщины" if lang == "ru" else "әйелдер") in summary
    assert "31-40" in summary
    keys = [p.key for s in draft(typed(a), lang) for p in s.paragraphs if p.key.startswith("portrait")]
    assert keys[0] == "portrait_summary"


@pytest.mark.parametrize("lang", LANGS)
def test_the_rule_basis_and_the_year_ago_change_are_stated(lang):
    a = make_analysis()
    flagged = next(t for t in a["by_topic"] if t["flag_over_30"])
    flagged["year_ago"] = 50
    p = paragraphs(a, lang)
    assert ("п. 11 Методики" if lang == "ru" else "11-тармағына") in p["basis"]
    assert ("предыдущим кварталом" if lang == "ru" else "алдыңғы тоқсанмен") in p["basis"]
    assert ("аналогичным периодом прошлого года (50)" if lang == "ru" else "өткен жылдың осы кезеңімен (50)") \
        in p[f"flag:{flagged['topic']}"].replace("Өткен", "өткен")


@pytest.mark.parametrize("lang", LANGS)
def test_section_9_processed_rule_is_the_default_wording(lang):
    a = make_analysis()
    a["quarter_rule"] = "processed"
    intro = paragraphs(a, lang)["intro"]
    assert ("п. 9 Методики" if lang == "ru" else "9-тармағы") in intro
    a["quarter_rule"] = "registered"
    assert ("по дате регистрации" if lang == "ru" else "тіркелген күні") in paragraphs(a, lang)["intro"]


@pytest.mark.parametrize("lang", LANGS)
def test_reconciliation_is_stated_entered_or_not(lang):
    a = make_analysis()
    assert ("не проводилась" if lang == "ru" else "жүргізілмеді") in paragraphs(a, lang)["reconciliation"]
    a["reconciliation"] = [{"channel": "qlik", "reference": 1300, "imported": 1200, "difference": -100}]
    text = paragraphs(a, lang)["reconciliation"]
    assert "Qlik" in text and "1 300" in text and "1 200" in text and "−100" in text


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_names_what_a_head_would_send_back(lang):
    a = make_analysis()
    a["contact_centres"] = []
    items = {i.code: i for i in checklist(typed(a), {}, {}, lang, {"region": 3})}
    assert {"reason_missing", "no_contact_centre", "no_signatory", "no_executor", "unresolved_values",
            "no_reconciliation"} <= set(items)
    settings = {"signatory": "А. Б.", f"signatory_position_{lang}": "Аким", "executor": "В. Г.",
                "executor_phone": "8 7172 000000", f"contact_centre_name_{lang}": "КЦ", "contact_centre_phone": "109"}
    texts = {f"reason:{t['topic']}@{lang}": "ok" for t in a["by_topic"] if t["flag_over_30"] or t["new"]}
    for i, t in enumerate(a["by_topic"]):  # every topic named in both languages
        t["names"] = {"ru": f"Вопрос {i}", "kk": f"Мәселе {i}"}
    a["reconciliation"] = [{"channel": "qlik", "reference": 1, "imported": 1, "difference": 0}]
    assert [i.code for i in checklist(typed(a), settings, texts, lang)] == []
    texts["conclusions"] = "Выводы написаны только по-русски." if lang == "kk" else "Тек қазақша жазылған қорытынды."
    assert [i.code for i in checklist(typed(a), settings, texts, lang)] == ["text_other_language"]


def test_untranslated_topics_are_those_still_in_the_other_language():
    a = make_analysis()
    for t in a["by_topic"]:
        t["names"] = {"ru": t["topic"], "kk": t["topic"]}
    a["by_topic"][0]["topic"] = a["by_topic"][0]["names"]["kk"] = a["by_topic"][0]["names"]["ru"] = "Коммунальные услуги"
    assert "Коммунальные услуги" in untranslated_topics(typed(a), "kk")
    assert "Коммунальные услуги" not in untranslated_topics(typed(a), "ru")
    a["by_topic"][0]["names"]["kk"] = "Коммуналдық қызметтер"  # named (typed or from the dictionary)
    assert "Коммунальные услуги" not in untranslated_topics(typed(a), "kk")


@pytest.mark.parametrize("lang", LANGS)
def test_docx_language_keep_with_next_and_page_numbers(tmp_path, lang):
    settings = {"executor": "А. Нұрланова", "executor_phone": "8 (7172) 74-14-14"}
    doc = Document(str(build_report(ReportInput(typed(make_analysis()), settings), tmp_path / "s.docx", lang)))
    tag = {"ru": "ru-RU", "kk": "kk-KZ"}[lang]
    assert doc.core_properties.language == tag
    default_lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default_lang.get(qn("w:val")) == tag
    assert 'w:val="en-US"' not in doc.styles.element.xml
    headings = [p for p in doc.paragraphs if p.style.name in ("KcHeading", "KcSubheading")]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)
    assert doc.styles["KcHeading"].paragraph_format.keep_with_next
    appendix = doc.tables[0]
    assert all(p.paragraph_format.keep_with_next for c in appendix.rows[-1].cells for p in c.paragraphs)
    assert "PAGE" in doc.sections[0].header.paragraphs[0]._p.xml
    executor = [p.text for p in doc.paragraphs if p.text.startswith(("Исп.:", "Орынд.:"))]
    assert executor == [("Исп.: " if lang == "ru" else "Орынд.: ") + "А. Нұрланова, тел. 8 (7172) 74-14-14"]
    body = "\n".join(p.text for p in doc.paragraphs)
    assert " %" not in body  # always a non-breaking space before %


@pytest.mark.parametrize("lang", LANGS)
def test_work_plan_has_approval_measures_from_questions_deadlines_and_an_executor(tmp_path, lang):
    from kcdesk.core.report.workplans import build_workplans, draft_measures

    a = make_analysis()
    flagged = next(t for t in a["by_topic"] if t["flag_over_30"])
    label = "как оформить пособие" if lang == "ru" else "жәрдемақыны қалай ресімдеуге болады"
    content = content_of({"groups": [{"topic": flagged["topic"], "label": label, "count": 40}]})
    flagged, a = typed(a).by_topic[a["by_topic"].index(flagged)], typed(a)
    settings = {"signatory": "Е. Сапаров", f"signatory_position_{lang}": "Аким", "executor": "Е. Сапаров"}
    rows = draft_measures(flagged, a, lang, content, settings)
    assert label in rows[0][0]  # the first measure answers what people actually asked
    assert {r[3] for r in rows} <= {"31.10.2026", "30.11.2026", "31.12.2026"}  # within the next quarter
    assert all(r[2] != "Е. Сапаров" for r in rows)  # the signatory approves, someone else executes
    path = build_workplans(a, settings, None, tmp_path / "plans", lang, content)[0]
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert ("УТВЕРЖДАЮ" if lang == "ru" else "БЕКІТЕМІН") in text and "Аким" in text
    assert ("Ожидаемый результат" if lang == "ru" else "Күтілетін нәтиже") in text
    settings["executor"] = "А. Нұрланова"
    assert draft_measures(flagged, a, lang, content, settings)[0][2] == "А. Нұрланова"


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_carries_the_form_label_and_one_font(tmp_path, lang):
    from openpyxl import load_workbook

    from kcdesk.core.report.xlsx_builder import build_xlsx

    ws = load_workbook(build_xlsx(typed(make_analysis()), {}, tmp_path / "a.xlsx", lang)).active
    assert ws.cell(1, 6).value == ("Форма" if lang == "ru" else "Нысан")
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}


def test_chart_values_use_the_same_thousands_separator_as_the_text():
    from kcdesk.charts.portrait import _value_text

    assert _value_text([1218, 910]) == ["1\u00a0218 (57,2\u00a0%)", "910 (42,8\u00a0%)"]
