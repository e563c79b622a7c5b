"""Draft information-explanatory work plans (§11), one .docx per topic that grew by more than 30 %."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kcdesk.core.errors import KcError
from kcdesk.core.model import Analysis, ContentResult, TopicRow
from kcdesk.core.quarters import Quarter
from kcdesk.core.report import labels
from kcdesk.core.report.atomic import write_atomic
from kcdesk.core.report.numerals import (
    group,
    kk_num_case,
    kk_pct,
    kk_quarter_in,
    ru_pct,
    ru_quarter_in,
)
from kcdesk.core.report.texts import lines, setting, text

COLUMNS = {
    "ru": ("№", "Мероприятие", "Канал", "Ответственный", "Срок"),
    "kk": ("№", "Іс-шара", "Арна", "Жауапты", "Мерзімі"),
}
WIDTHS_MM = (10, 64, 40, 28, 28)  # 170 mm: the text width of A4 with 30/10 mm margins
FILL = "____________"


def _title(topic: str, lang: str) -> tuple[str, str]:
    if lang == "ru":
        return "ПЛАН", f"информационно-разъяснительной работы по вопросу «{topic}»"
    return f"«{topic}» мәселесі бойынша ақпараттық-түсіндіру жұмысының", "ЖОСПАРЫ"


def _basis(item: TopicRow, quarter: Quarter, lang: str) -> str:
    """The ground of the plan: the rise against the quarter the +30 % rule compared with (the project's
    basis: the previous quarter, or the same quarter a year ago, then said)."""
    prev, now = item.basis_count or 0, item.count
    pct = item.basis_change_pct
    by_year = item.basis == "year_ago"
    if lang == "ru":
        change = f", +{ru_pct(pct)}" if pct is not None else ""
        against = " по сравнению с тем же кварталом прошлого года" if by_year else ""
        return (f"Основание: п. 11 Методики — количество запросов по теме "
                f"{ru_quarter_in(quarter.number, quarter.year)} выросло{against} с {group(prev)} до "
                f"{group(now)}{change}.")
    change = f", +{kk_pct(pct)}" if pct is not None else ""
    against = " өткен жылдың осы тоқсанымен салыстырғанда" if by_year else ""
    return (f"Негіздеме: Әдістеменің 11-тармағы – {kk_quarter_in(quarter.number, quarter.year)} тақырып бойынша "
            f"сұрау салулар саны{against} {kk_num_case(prev, 'abl')} {kk_num_case(now, 'dat')} дейін өсті{change}.")


def _deadlines(quarter: Quarter) -> tuple[str, str, str]:
    """The ends of the three months of the quarter after the reported one, as dd.mm.yyyy."""
    first = quarter.next().first_day
    ends = []
    for k in range(3):
        month, year = first.month + k + 1, first.year
        if month > 12:
            month, year = month - 12, year + 1
        ends.append((date(year, month, 1) - timedelta(days=1)).strftime("%d.%m.%Y"))
    return ends[0], ends[1], ends[2]


def _groups_of(content: ContentResult | None, topic: str, lang: str, limit: int = 3) -> list[str]:
    """The topic's largest question groups (content analysis), written in lang."""
    from kcdesk.core.normalise.topics_dictionary import language_of

    groups = sorted((g for g in (content.groups if content else ()) if g.topic == topic), key=lambda g: -g.count)
    out: list[str] = []
    for g in groups:
        label = g.label.strip()
        found = language_of(label)
        if label and (found is None or found == lang) and label not in out:
            out.append(label)
        if len(out) == limit:
            break
    return out


def expected_result(item: TopicRow, quarter: Quarter, lang: str) -> str:
    nxt = quarter.next()
    count = group(item.count)
    if lang == "ru":
        return (f"Ожидаемый результат: повышение информированности населения по вопросу "
                f"«{item.name('ru')}», снижение количества повторных запросов по теме "
                f"{ru_quarter_in(nxt.number, nxt.year)} (в отчетном квартале — {count}).")
    return (f"Күтілетін нәтиже: «{item.name('kk')}» мәселесі бойынша халықтың хабардарлығын "
            f"арттыру, {kk_quarter_in(nxt.number, nxt.year)} тақырып бойынша қайталанатын сұрау салулар "
            f"санын азайту (есепті тоқсанда – {count}).")


def _executor(settings: dict[str, Any] | None) -> str:
    """The executor (never the signatory, who approves the plan); a blank to fill in otherwise."""
    who = setting(settings, "executor")
    return who if who and who != setting(settings, "signatory") else FILL


def draft_measures(item: TopicRow, analysis: Analysis, lang: str,
                   content: ContentResult | None = None,
                   settings: dict[str, Any] | None = None) -> list[tuple[str, str, str, str]]:
    """(what, channel, who, by when) rows drafted from what people asked on the topic (its top question
    groups), the channels and regions that drove its growth, with deadlines in the next quarter."""
    first, second, third = _deadlines(analysis.quarter)
    topic = item.name(lang)
    who = _executor(settings)
    drivers = analysis.drivers.get(item.topic) or {}
    regions = [labels.region_name(d.get("region"), lang) for d in drivers.get("regions") or []
               if d.get("region") and d.get("region") != "unknown" and (d.get("delta") or 0) > 0][:3]
    channels = [labels.channel_label(d.get("channel"), lang, sentence=True) for d in drivers.get("channels") or []
                if d.get("channel") not in (None, "", "unknown") and (d.get("delta") or 0) > 0][:2]
    asked = _groups_of(content, item.topic, lang)
    rows: list[tuple[str, str, str, str]] = []
    if lang == "ru":
        site = "официальный интернет-ресурс, раздел «Часто задаваемые вопросы»"
        for label in asked:
            rows.append((f"Подготовить и разместить разъяснение по вопросу граждан «{label}»", site, who, first))
        if not asked:
            rows.append((f"Подготовить и разместить разъяснение по вопросу «{topic}»", site, who, first))
        rows.append(("Дополнить базу знаний ответами на вопросы, с которыми граждане обращались по теме",
                     "ИАС «Электронные обращения»", who, first))
        rows.append(("Провести инструктаж операторов контакт-центра по теме", "контакт-центр", who, first))
        if channels:
            rows.append((f"Направить разъяснения по каналам, через которые поступило больше всего запросов "
                         f"({', '.join(channels)})", ", ".join(channels), who, second))
        rows.append(("Опубликовать информационные материалы и инфографику",
                     "средства массовой информации, официальные аккаунты в социальных сетях", who, second))
        if regions:
            rows.append((f"Провести разъяснительные встречи с населением ({', '.join(regions)})",
                         "встречи с населением, личные приёмы", who, third))
        return rows
    site = "ресми интернет-ресурс, «Жиі қойылатын сұрақтар» бөлімі"
    for label in asked:
        rows.append((f"Азаматтардың «{label}» сұрағы бойынша түсіндірме дайындау және орналастыру", site, who, first))
    if not asked:
        rows.append((f"«{topic}» мәселесі бойынша түсіндірме дайындау және орналастыру", site, who, first))
    rows.append(("Азаматтар осы тақырып бойынша жүгінген сұрақтарға жауаптармен білім базасын толықтыру",
                 "«Электрондық өтініштер» АТЖ", who, first))
    rows.append(("Байланыс орталығы операторларына тақырып бойынша нұсқама өткізу", "байланыс орталығы", who, first))
    if channels:
        rows.append((f"Сұрау салулар ең көп түскен арналар арқылы түсіндірмелер жіберу ({', '.join(channels)})",
                     ", ".join(channels), who, second))
    rows.append(("Ақпараттық материалдар мен инфографика жариялау",
                 "бұқаралық ақпарат құралдары, әлеуметтік желілердегі ресми аккаунттар", who, second))
    if regions:
        rows.append((f"Халықпен түсіндіру кездесулерін өткізу ({', '.join(regions)})",
                     "халықпен кездесулер, жеке қабылдаулар", who, third))
    return rows


def measures(item: TopicRow, analysis: Analysis, texts: dict[str, str] | None,
             lang: str, content: ContentResult | None = None,
             settings: dict[str, Any] | None = None) -> list[tuple[str, str, str, str]]:
    """The officer's measures (texts 'workplan:<topic>', 'what | channel | who | by when' per line) or the draft."""
    own = text(texts, f"workplan:{item.topic}", lang)
    if not own:
        return draft_measures(item, analysis, lang, content, settings)
    rows = []
    for line in lines(own):
        parts = [p.strip() for p in line.split("|")] + ["", "", ""]
        rows.append((parts[0], parts[1], parts[2], parts[3]))
    return rows


def safe_name(name: str, limit: int = 60) -> str:
    """A file name from a topic: letters, digits, '-' and '_' only (Cyrillic kept), never empty."""
    cleaned = re.sub(r"[^\w\-]+", "_", name, flags=re.UNICODE).strip("_")
    return cleaned[:limit].rstrip("_") or "topic"


def _document(lang: str) -> Any:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    from docx.oxml.ns import qn

    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), "Times New Roman")
    normal.paragraph_format.space_after = Pt(0)
    doc.core_properties.language = {"ru": "ru-RU", "kk": "kk-KZ"}[lang]
    return doc


def approval_block(settings: dict[str, Any] | None, lang: str) -> list[str]:
    """"УТВЕРЖДАЮ" / "БЕКІТЕМІН", the signatory's position and name, a line for the date."""
    position = setting(settings, "signatory_position", lang, fallback=False) or FILL
    who = setting(settings, "signatory") or FILL
    if lang == "ru":
        return ["УТВЕРЖДАЮ", position, f"_____________ {who}", "«___» ____________ 20___ г."]
    return ["БЕКІТЕМІН", position, f"_____________ {who}", "20___ ж. «___» ____________"]


def build_workplan(item: TopicRow, analysis: Analysis, settings: dict[str, Any] | None,
                   texts: dict[str, str] | None, out: Path, lang: str,
                   content: ContentResult | None = None) -> Path:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    from kcdesk.core.report.docx_table import set_borders, set_row_flags, write_cell

    quarter = analysis.quarter
    doc = _document(lang)
    for k, line in enumerate(approval_block(settings, lang)):
        approval = doc.add_paragraph(line)
        approval.paragraph_format.left_indent = Mm(95)
        approval.paragraph_format.first_line_indent = Mm(0)
        if k == 0:
            approval.runs[0].bold = True
    doc.add_paragraph()
    body = setting(settings, "body_name", lang)
    if body:
        doc.add_paragraph(body).alignment = WD_ALIGN_PARAGRAPH.CENTER
    head, title = _title(item.name(lang), lang)
    for line in (head, title):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    basis = doc.add_paragraph(_basis(item, quarter, lang))
    basis.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    basis.paragraph_format.space_after = Pt(12)
    rows = measures(item, analysis, texts, lang, content, settings)
    table = doc.add_table(rows=1 + len(rows), cols=len(COLUMNS[lang]))
    set_borders(table)
    table.autofit = False
    for i, width in enumerate(WIDTHS_MM):
        table.columns[i].width = Mm(width)
    for r, row in enumerate(table.rows):
        for i, cell in enumerate(row.cells):
            cell.width = Mm(WIDTHS_MM[i])
        set_row_flags(row, header=r == 0)
    for i, name in enumerate(COLUMNS[lang]):
        write_cell(table.rows[0].cells[i], name, WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=12)
    for k, values in enumerate(rows, 1):
        cells = table.rows[k].cells
        write_cell(cells[0], str(k), WD_ALIGN_PARAGRAPH.CENTER, size=12)
        for i, value in enumerate(values, 1):
            write_cell(cells[i], value, size=12)
    doc.add_paragraph()
    result = doc.add_paragraph(expected_result(item, quarter, lang))
    result.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_paragraph()
    who = _executor(settings)
    phone = setting(settings, "executor_phone")
    line = ("Исполнитель: " if lang == "ru" else "Орындаушы: ") + who + (f", тел. {phone}" if phone and who != FILL else "")
    doc.add_paragraph(line)
    return write_atomic(Path(out), lambda temp: doc.save(str(temp)))


def build_workplans(analysis: Analysis, settings: dict[str, Any] | None, texts: dict[str, str] | None,
                    folder: Path, lang: str, content: ContentResult | None = None) -> list[Path]:
    """One plan per flagged topic, named NN_<topic>.docx in folder (created if missing, but only inside an
    existing folder: core.outputs)."""
    from kcdesk.core.outputs import OutputGuard

    labels.check_lang(lang)
    folder = OutputGuard().check_folder(folder)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise KcError("write_failed", file=folder.name, reason=error.strerror) from None
    prefix = "жоспар" if lang == "kk" else "план"
    return [build_workplan(item, analysis, settings, texts,
                           folder / f"{prefix}_{i:02d}_{safe_name(item.name(lang))}.docx", lang, content)
            for i, item in enumerate(analysis.flagged, 1)]
