"""The analytical part, conclusions and the list to publish, written in Russian from the figures."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from kcdesk.core.model import RankRow, TopicRow
from kcdesk.core.report import labels
from kcdesk.core.report.numerals import (
    REQUEST,
    group,
    ru_form,
    ru_pct,
    ru_plural,
    ru_quarter,
    ru_quarter_in,
    ru_quarter_instr,
)
from kcdesk.core.report.wording import (
    MAJORITY,
    Facts,
    Paragraph,
    Section,
    content_groups,
    faq_items,
    has_ties,
    useful_drivers,
)

_NUMBER_WORDS = {2: "две", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь", 9: "девять"}

LIST_LIMIT = 12  # growth / decline lists name at most this many topics, then say how many more
TO_FILL = "____________"
PUBLISH_PLACES = (
    "в средствах массовой информации, на официальных аккаунтах в социальных сетях, "
    "на официальном интернет-ресурсе (раздел «Часто задаваемые вопросы») и в базе знаний "
    "информационно-аналитической системы «Электронные обращения»"
)


def q(name: str) -> str:
    """A name in «» quotes, unless it already holds quotes of its own («Жайлы мектеп» бағдарламасы)."""
    return name if "«" in name or '"' in name else f"«{name}»"


def _arrived(n: int) -> str:
    """Verb agreeing with the numeral: 'поступил 21 запрос', 'поступило 5 запросов'."""
    return "поступил" if ru_form(n, ("1", "2", "5")) == "1" else "поступило"


def _pct_change(count: int, previous: int) -> str:
    if previous == 0:
        return ""
    return f", {'+' if count >= previous else '−'}{ru_pct(abs(count - previous) * 100.0 / previous)}"


def _with_count(period: str, count: int) -> str:
    """'… кварталом (II квартал 2026 года: 12 400)': the earlier figure inside the period's brackets."""
    if period.endswith(")"):
        return f"{period[:-1]}: {group(count)})"
    return f"{period} ({group(count)})"


def _change(count: int, previous: int | None, period: str, period_nom: str) -> str:
    """'По сравнению с <period>, когда поступило N запросов, количество запросов увеличилось на D (на X %).'"""
    if previous is None:
        return f"Данные за {period_nom} в проекте отсутствуют, сравнение не проводится."
    if previous == 0:
        return f"За {period_nom} запросы не поступали."
    base = f"По сравнению с {_with_count(period, previous)}"
    if count == previous:
        return f"{base} количество запросов не изменилось."
    verb = "увеличилось" if count > previous else "снизилось"
    diff = abs(count - previous)
    return f"{base} их количество {verb} на {group(diff)}, или на {ru_pct(diff * 100.0 / previous)}."


def _topic_list(f: Facts, items: list[TopicRow]) -> str:
    """Every topic is named: an official document never says "and 3 more topics"."""
    return "; ".join(f"{q(f.name(t))} (с {group(t.basis_count or 0)} до {group(t.count or 0)}"
                     f"{_pct_change(t.count or 0, t.basis_count or 0)})" for t in items)


def _drivers(f: Facts, topic: str) -> str:
    driver = f.drivers.get(topic) or {}
    parts = []
    regions = useful_drivers(driver, "regions", "region")
    if regions:
        parts.append("регионы — " + ", ".join(
            f"{labels.region_name(d.get('region'), 'ru')} ({_signed(d)})" for d in regions))
    channels = useful_drivers(driver, "channels", "channel")
    if channels:
        parts.append("каналы поступления — " + ", ".join(
            f"{labels.channel_label(d.get('channel'), 'ru', sentence=True)} ({_signed(d)})" for d in channels))
    return "; ".join(parts)


def _signed(driver: dict[str, Any]) -> str:
    delta = driver.get("delta")
    if delta is None:
        return group(int(driver.get("count") or 0))
    return f"{'+' if delta >= 0 else '−'}{group(abs(int(delta)))}"


def _reason(f: Facts, topic: str, what: str) -> str:
    own = f.reason(topic)
    return f"Причины {what}: {own}" if own else f"Причины {what} (указывает ответственный сотрудник): {TO_FILL}."


def _overview(f: Facts, settings: dict[str, Any]) -> list[Paragraph]:
    rule = ("Учтены запросы, обработанные в течение квартала (п. 9 Методики): по дате обработки "
            "(закрытия), а при ее отсутствии — по дате регистрации." if f.quarter_rule == "processed"
            else "Запросы отнесены к кварталу по дате регистрации.")
    n = f.total
    out = [Paragraph("intro", (
        f"В{ru_quarter_in(f.quarter.number, f.quarter.year)[1:]} в контакт-центр "
        f"{_arrived(n)} {ru_plural(n, REQUEST)}. {rule}"))]
    prev = ru_quarter_instr(f.previous.number, f.previous.year)
    text = _change(n, f.total_previous, prev, ru_quarter(f.previous.number, f.previous.year))
    reason = f.reason("total")
    if reason:
        text += f" Причины изменения: {reason}"
    out.append(Paragraph("compare_previous", text))
    ago = f"аналогичным периодом прошлого года ({ru_quarter(f.year_ago.number, f.year_ago.year)})"
    if f.total_year_ago is None:
        out.append(Paragraph("compare_year_ago", (
            f"Данные за {ru_quarter(f.year_ago.number, f.year_ago.year)} в проекте отсутствуют, "
            "сравнение с аналогичным периодом прошлого года не проводится.")))
    else:
        out.append(Paragraph("compare_year_ago", _change(
            n, f.total_year_ago, ago, ru_quarter(f.year_ago.number, f.year_ago.year))))
    active = [t for t in f.topics if t.count]
    if active:
        lead = active[:3]
        listed = ", ".join(f"{q(f.name(t))} — {group(t.count)} ({ru_pct(f.share(t.count))})"
                           for t in lead)
        topics_n = len(active)
        share = f.lead_share(lead)
        # "Большинство" only where the share is over half.
        head = (f"Большинство запросов ({ru_pct(share)}) касалось следующих вопросов" if share > MAJORITY
                else "Наибольшее количество запросов касалось следующих вопросов")
        out.append(Paragraph("nature", (
            f"Запросы поступили по {group(topics_n)} {ru_form(topics_n, ('теме', 'темам', 'темам'))}. "
            f"{head}: {listed}.")))
    missing = f.total - sum(int(t.count or 0) for t in f.topics)
    if active and missing > 0:
        out[-1].text += f" Тема не указана в {group(missing)} {ru_form(missing, ('запросе', 'запросах', 'запросах'))}."
    focus = [t.topic for t in f.topics if t.needs_attention] + [t.topic for t in f.topics[:5]]
    groups = content_groups(f.content, focus, lang=f.lang, names=f.names)
    if groups:
        listed = "; ".join(
            f"{q(g.label)} ({ru_plural(g.count, REQUEST)}"
            + (f", например: {q(g.example)}" if g.example else "") + ")"
            for g in groups)
        text = f"Контент-анализ текстов запросов показал, о чём конкретно спрашивали граждане: {listed}."
        fresh = [q(g.label) for g in groups if g.new]
        if fresh:
            text += f" Новые, ранее не установленные вопросы: {', '.join(fresh)}."
        out.append(Paragraph("content", text))
    if f.channels:
        known = [c for c in f.channels if c.channel not in (None, "", "unknown") and c.count]
        listed = ", ".join(f"{labels.channel_label(c.channel, 'ru', sentence=True)} — "
                           f"{group(c.count)}" for c in known)
        text = f"По каналам поступления: {listed}." if listed else ""
        without = f.sources_without.get("channel")
        if without:
            text += (f" В {_files(without)} канал поступления не указан, такие запросы "
                     "в распределении по каналам не учитываются.")
        if text:
            out.append(Paragraph("channels", text.strip()))
    out += _reconciliation(f)
    return out


def _files(names: list[str]) -> str:
    quoted = ", ".join(f"«{n}»" for n in names)
    return f"выгрузке {quoted}" if len(names) == 1 else f"выгрузках {quoted}"


def _reconciliation(f: Facts) -> list[Paragraph]:
    """§11: the totals of the Qlik module and other channels the officer entered, and the difference."""
    if not f.reconciliation:
        return [Paragraph("reconciliation", (
            "Сверка с данными аналитического модуля Qlik ИАС «Электронные обращения» и сведениями "
            "по другим каналам коммуникаций (п. 11 Методики) не проводилась: итоговые данные не внесены."))]
    parts = []
    for row in f.reconciliation:
        name = {"qlik": "по данным аналитического модуля Qlik ИАС «Электронные обращения»",
                "other": "по сведениям других каналов коммуникаций"}.get(row.channel,
                                                                          f"по данным «{row.channel}»")
        diff = row.difference
        tail = "расхождений нет" if diff == 0 else f"расхождение — {'+' if diff > 0 else '−'}{group(abs(diff))}"
        parts.append(f"{name} — {group(row.reference)}, в выгрузках — "
                     f"{group(row.imported)}, {tail}")
    return [Paragraph("reconciliation", "Сверка (п. 11 Методики): " + "; ".join(parts) + ".")]


def _dynamics(f: Facts) -> list[Paragraph]:
    out = []
    basis_q = ru_quarter(f.basis_quarter.number, f.basis_quarter.year)
    other_q = ru_quarter(f.other_quarter.number, f.other_quarter.year)
    if f.total_basis is None:
        return [Paragraph("dynamics", (f"Данные за {basis_q} в проекте отсутствуют, поэтому динамика "
                                       "по темам не определяется."))]
    if f.growers:
        out.append(Paragraph("growth", f"Рост количества запросов отмечен по темам: {_topic_list(f, f.growers)}."))
    if f.decliners:
        out.append(Paragraph("decline", f"Снижение количества запросов отмечено по темам: {_topic_list(f, f.decliners)}."))
    if f.by_year:
        basis = (f"Изменения по темам оценены в сравнении с аналогичным периодом прошлого года ({basis_q}) "
                 f"(п. 11 Методики, «в сравнении с аналогичным предыдущим периодом»; выбрано в настройках "
                 f"проекта); для справки приведено и изменение к предыдущему кварталу ({other_q}).")
    else:
        basis = (f"Изменения по темам оценены в сравнении с предыдущим кварталом ({basis_q}), как "
                 f"предусмотрено п. 11 Методики; для справки приведено и изменение к аналогичному периоду "
                 f"прошлого года ({other_q}).")
    out.insert(0, Paragraph("basis", basis))
    if not f.flagged:
        out.append(Paragraph("no_flags", "Рост количества запросов более чем на 30 % ни по одной теме не выявлен."))
    other_name = "предыдущим кварталом" if f.by_year else "аналогичным периодом прошлого года"
    for t in f.flagged:
        base, now = (t.basis_count or 0), int(t.count or 0)
        pct = t.basis_change_pct or (now - base) * 100.0 / max(base, 1)
        text = (f"По теме {q(f.name(t))} количество запросов выросло с {group(base)} до {group(now)}, "
                f"то есть на {ru_pct(pct)}, что превышает "
                "установленный Методикой порог в 30 %; по данному вопросу разрабатывается план "
                "информационно-разъяснительной работы (п. 11 Методики).")
        other = t.other_count
        if other:
            change = (now - int(other)) * 100.0 / int(other)
            text += (f" По сравнению с {other_name} ({group(int(other))}) — "
                     f"{'+' if change >= 0 else '−'}{ru_pct(abs(change))}.")
        drivers = _drivers(f, t.topic)
        if drivers:
            text += f" Наибольший вклад в рост внесли {drivers}."
        if t.caution:
            text += (" Количество запросов по теме невелико, поэтому процентное изменение следует "
                     "оценивать с осторожностью.")
        out.append(Paragraph(f"flag:{t.topic}", f"{text} {_reason(f, t.topic, 'роста')}"))
    before = "в том же квартале прошлого года" if f.by_year else "в предыдущем квартале"
    for t in f.new:
        now = int(t.count or 0)
        text = (f"Впервые ({before} таких запросов не было) поступили запросы по теме "
                f"{q(f.name(t))} — {ru_plural(now, REQUEST)}.")
        drivers = _drivers(f, t.topic)
        if drivers:
            text += f" Больше всего таких запросов поступило: {drivers}."
        out.append(Paragraph(f"new:{t.topic}", f"{text} {_reason(f, t.topic, 'появления')}"))
    if f.zeroed:
        listed = ", ".join(f"{q(f.name(t))} ({ru_plural((t.basis_count or 0), REQUEST)})" for t in f.zeroed)
        text = f"В отчетном квартале не поступали запросы по темам, по которым {before} они были: {listed}."
        reasons = [f"{q(f.name(t))}: {f.reason(t.topic)}" for t in f.zeroed if f.reason(t.topic)]
        if reasons:
            text += " Причины: " + "; ".join(reasons) + "."
        out.append(Paragraph("zeroed", text))
    return out


def _regions(f: Facts) -> list[Paragraph]:
    known = [r for r in f.regions if r.known and r.count]
    if not known:
        return []
    listed = ", ".join(f"{f.place(r)} — {group(r.count)}" for r in known[:5])
    text = f"В разрезе регионов наибольшее количество запросов поступило от заявителей: {listed}."
    risers = sorted((r for r in known if r.previous and r.flag_over_30), key=lambda r: -(r.change_pct or 0.0))
    if risers:
        text += " Рост более чем на 30 % отмечен в регионах: " + ", ".join(
            f"{f.place(r)} ({'+' if (r.change_pct or 0.0) >= 0 else ''}{ru_pct((r.change_pct or 0.0))})" for r in risers[:5]) + "."
    unknown = next((r for r in f.regions if not r.known), None)
    if unknown and unknown.count:
        text += f" Регион не указан в {group(unknown.count)} {ru_form(unknown.count, ('запросе', 'запросах', 'запросах'))}"
        without = f.sources_without.get("region")
        text += f" (в том числе в {_files(without)} нет сведений о регионе)." if without else "."
    return [Paragraph("regions", text)]


def _dim(f: Facts, counts: dict[str, int], order: tuple[str, ...], label: Callable[[str, str], str]) -> str:
    return ", ".join(f"{label(k, 'ru')} — {group(int(v))} ({ru_pct(f.share(int(v)))})"
                     for k, v in labels.ordered(counts, order))


def _social(code: str, lang: str) -> str:
    """Reference names are capitalised as table entries; inside a sentence they start lower-case."""
    name = labels.social_label(code, lang)
    return name[:1].lower() + name[1:]


def _most(counts: dict[str, int]) -> tuple[str, int] | None:
    known = [(k, int(v)) for k, v in counts.items() if k not in ("unknown", "other") and v]
    return max(known, key=lambda kv: kv[1]) if known else None


def _summary(f: Facts) -> str:
    """Who writes most: the largest age band, gender and status, each with its share."""
    p = f.portrait
    parts = []
    gender = _most(p.get("gender") or {})
    if gender:
        parts.append(f"{labels.gender_label(gender[0], 'ru')} ({ru_pct(f.share(gender[1]))})")
    age = _most(p.get("age") or {})
    if age:
        parts.append(f"заявители в возрасте {labels.age_label(age[0], 'ru')} ({ru_pct(f.share(age[1]))})")
    social = _most(p.get("social_status") or {})
    if social:
        parts.append(f"{_social(social[0], 'ru')} ({ru_pct(f.share(social[1]))})")
    if not parts:
        return ""
    listed = ", ".join(parts[:-1]) + (" и " if len(parts) > 1 else "") + parts[-1]
    return f"Чаще всего в контакт-центр обращались {listed}."


def _portrait(f: Facts) -> list[Paragraph]:
    p = f.portrait
    out = []
    summary = _summary(f)
    if summary:
        out.append(Paragraph("portrait_summary", summary))
    if "age" in p:
        out.append(Paragraph("portrait_age", "По возрасту заявители распределились следующим образом: "
                             + _dim(f, p["age"], labels.AGE_ORDER, labels.age_label) + "."))
    if "gender" in p:
        out.append(Paragraph("portrait_gender", "По полу: " + _dim(f, p["gender"], labels.GENDER_ORDER,
                                                                   labels.gender_label) + "."))
    if "social_status" in p:
        out.append(Paragraph("portrait_social", "По социальному статусу: " + _dim(
            f, p["social_status"], labels.SOCIAL_ORDER, _social) + "."))
    for key, title in (("marital_status", "По семейному положению"), ("education", "По образованию"),
                       ("occupation", "По роду занятий")):
        if p.get(key):
            out.append(Paragraph(f"portrait_{key}", f"{title}: " + _dim(
                f, p[key], (), functools.partial(labels.value_label, field=key, sentence=True)) + "."))
    return out


def _top_line(items: list[RankRow], f: Facts) -> str:
    return "; ".join(f"{i.rank}) {q(f.topic(i.topic))} — {ru_plural(i.count, REQUEST)}" for i in items)


def _top10(f: Facts) -> list[Paragraph]:
    out = []
    if f.top10_all:
        text = f"В целом: {_top_line(f.top10_all, f)}."
        if has_ties(f.top10_all):
            text += " Темы с равным количеством запросов занимают одно место и приведены все."
        out.append(Paragraph("top10", text))
    for code, name, items in f.top10_regions:
        out.append(Paragraph(f"top10:{code}", f"{name[:1].upper()}{name[1:]}: {_top_line(items, f)}."))
    return out


def _conclusions(f: Facts) -> list[Paragraph]:
    out = []
    if f.total_previous:
        diff = f.total - f.total_previous
        if diff:
            verb = "увеличилось" if diff > 0 else "снизилось"
            out.append(Paragraph("conclusions:total", (
                f"Общее количество запросов по сравнению с предыдущим кварталом {verb} "
                f"на {ru_pct(abs(diff) * 100.0 / f.total_previous)}.")))
        else:
            out.append(Paragraph("conclusions:total", "Общее количество запросов по сравнению с предыдущим кварталом не изменилось."))
    lead = [q(f.topic(i.topic)) for i in f.top10_all[:3]]
    if lead:
        out.append(Paragraph("conclusions:lead", f"Наиболее актуальными для граждан являются вопросы: {', '.join(lead)}."))
    if f.flagged:
        out.append(Paragraph("conclusions:flags", "Рост более чем на 30 % выявлен по темам: "
                             + ", ".join(q(f.name(t)) for t in f.flagged) + "."))
    if f.new:
        out.append(Paragraph("conclusions:new", "Появились новые вопросы: " + ", ".join(q(f.name(t)) for t in f.new) + "."))
    return out


def _proposals(f: Facts) -> list[Paragraph]:
    out = []
    if f.flagged:
        out.append(Paragraph("proposals:plans", (
            "Разработать и утвердить планы информационно-разъяснительной работы по темам: "
            + ", ".join(q(f.name(t)) for t in f.flagged) + ".")))
    if f.top10_all:
        out.append(Paragraph("proposals:publish", (
            f"Разместить разъяснения по наиболее частым вопросам {PUBLISH_PLACES}.")))
    risers = [f.place(r) for r in f.regions if r.known and r.flag_over_30]
    where = f", в первую очередь в регионах: {', '.join(risers[:5])}" if risers else ""
    out.append(Paragraph("proposals:meetings", (
        "Учитывать результаты анализа при проведении личных приемов и встреч руководства с населением "
        f"(п. 18 Методики){where}.")))
    return out


def _publish(f: Facts) -> list[Paragraph]:
    out = [Paragraph("publish:intro", f"Предлагается разместить информацию {PUBLISH_PLACES} по следующим вопросам:")]
    seen: list[str] = []
    for item in f.top10_all:
        if item.topic not in seen:
            seen.append(item.topic)
    for t in f.flagged + f.new:
        if t.topic not in seen:
            seen.append(t.topic)
    counts = {t.topic: int(t.count or 0) for t in f.topics}
    for i, topic in enumerate(seen, 1):
        out.append(Paragraph(f"publish:{i}", f"{i}. {q(f.topic(topic))} ({ru_plural(counts.get(topic, 0), REQUEST)})."))
    faq = faq_items(f.content, f.lang, f.names)
    if faq:
        out.append(Paragraph("publish:faq", "Часто задаваемые вопросы по результатам контент-анализа: " + "; ".join(
            q(question) + (f" ({ru_plural(count, REQUEST)})" if count is not None else "") for question, count in faq) + "."))
    return out


def sections(f: Facts, settings: dict[str, Any]) -> list[Section]:
    return [
        Section("analytical_overview", "Характер поступивших запросов", _overview(f, settings)),
        Section("analytical_dynamics", "Динамика запросов по темам", _dynamics(f)),
        Section("analytical_regions", "Запросы в разрезе регионов", _regions(f)),
        Section("analytical_portrait", "Социальный портрет заявителя", _portrait(f)),
        Section("analytical_top10", "10 наиболее интересующих граждан вопросов", _top10(f)),
        Section("conclusions", "Выводы и предложения", _conclusions(f) + _proposals(f)),
        Section("publish", "Перечень вопросов для размещения информации", _publish(f)),
    ]
