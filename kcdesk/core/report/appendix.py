"""The Appendix form (statistical part) as plain data, shared by the .docx and .xlsx builders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kcdesk.core.model import Analysis
from kcdesk.core.quarters import Quarter
from kcdesk.core.report import labels
from kcdesk.core.report.numerals import RU_QUARTER_ORDINAL
from kcdesk.core.report.texts import setting

# The form's own wording, copied from the Appendix of the Methodology (methodology_ru/kk.txt).
FORM: dict[str, dict[str, Any]] = {
    "ru": {
        "group_topics": "В разрезе тем",
        "group_regions": "В разрезе регионов",
        "headers": (
            "Наименование контакт-центра, с указанием номера телефона",
            "Общее количество поступивших запросов в отчетном периоде",
            "Тематика запросов",
            "Количество поступивших запросов по данной теме в отчетном периоде",
            "Регион (область, город республиканского значения, столица)",
            "Количество поступивших запросов от заявителей данного региона в отчетном периоде",
        ),
        "signature_caption": "(Ф.И.О и подпись заместителя первого руководителя государственного органа)",
        "form": "Форма",
    },
    "kk": {
        "group_topics": "Тақырыптар бөлінісінде",
        "group_regions": "Өңірлер бөлінісінде",
        "headers": (
            "Телефон нөмірін көрсете отырып, байланыс орталығының атауы",
            "Есепті кезеңде келіп түскен сұрау салулардың жалпы саны",
            "Сұрау салулардың тақырыбы",
            "Есепті кезеңде аталған тақырып бойынша келіп түскен сұрау салулардың саны",
            "Өңір (облыс, республикалық маңызы бар қала, астана)",
            "Есепті кезеңде аталған өңірдің өтініш берушілерінен келіп түскен сұрау салулардың саны",
        ),
        "signature_caption": "(Мемлекеттік органның бірінші басшысы орынбасарының Т.А.Ә. және қолы)",
        "form": "Нысан",
    },
}
BLANK = "____________________________"
NO_TOPIC = {"ru": "тема не указана", "kk": "тақырыбы көрсетілмеген"}


def form_title(quarter: Quarter, lang: str) -> str:
    if lang == "ru":
        return (f"Статистическая информация по запросам, поступившим в контакт-центр за "
                f"{RU_QUARTER_ORDINAL[quarter.number]} квартал {quarter.year} года")
    return (f"Байланыс орталығына {quarter.year} жылы {quarter.number}-тоқсанда келіп түскен "
            "сұрау салулар жөніндегі статистикалық ақпарат")


@dataclass
class AppendixTable:
    title: str
    group_topics: str
    group_regions: str
    headers: tuple[str, ...]
    centre: str  # column 1: the contact centre's name with its phone
    total: int  # column 2
    topics: list[tuple[str, int]]  # columns 3-4
    regions: list[tuple[str, int]]  # columns 5-6
    signature_line: str
    signature_caption: str
    form_label: str = "Форма"

    @property
    def rows(self) -> int:
        return max(len(self.topics), len(self.regions), 1)


def contact_centre(analysis: Analysis, settings: dict[str, Any] | None, lang: str) -> str:
    """The settings' name and phone when set, else the contact centres found in the data."""
    name = setting(settings, "contact_centre_name", lang)
    phone = setting(settings, "contact_centre_phone")
    if name or phone:
        return ", ".join(part for part in (name, f"тел. {phone}" if phone else "") if part)
    found = []
    for centre in analysis.contact_centres:
        name, phone = (centre.name or "").strip(), (centre.phone or "").strip()
        if name or phone:
            found.append(", ".join(p for p in (name, f"тел. {phone}" if phone else "") if p))
    return "; ".join(found)


def signature(settings: dict[str, Any] | None, lang: str) -> str:
    who = setting(settings, "signatory")
    position = setting(settings, "signatory_position", lang, fallback=False)
    if not who and not position:
        return f"{BLANK}    {BLANK}"
    return f"{position + '    ' if position else ''}{'_' * 16}    {who or BLANK}"


def appendix_table(analysis: Analysis, settings: dict[str, Any] | None, lang: str) -> AppendixTable:
    """Every topic with requests this quarter and every region (zeros kept, 'not stated' when any)."""
    labels.check_lang(lang)
    form = FORM[lang]
    topics = [(t.name(lang), t.count) for t in analysis.by_topic if t.count]
    if analysis.untopiced:  # so that column 4 adds up to column 2, as column 6 does
        topics.append((NO_TOPIC[lang], analysis.untopiced))
    regions = [(labels.region_name(r.region, lang), r.count) for r in analysis.by_region if r.known or r.count]
    return AppendixTable(
        title=form_title(analysis.quarter, lang),
        group_topics=form["group_topics"],
        group_regions=form["group_regions"],
        headers=form["headers"],
        centre=contact_centre(analysis, settings, lang),
        total=analysis.total.count,
        topics=topics,
        regions=regions,
        signature_line=signature(settings, lang),
        signature_caption=form["signature_caption"],
        form_label=form["form"],
    )
