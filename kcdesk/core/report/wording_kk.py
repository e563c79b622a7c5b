"""The analytical part, conclusions and the list to publish, written in Kazakh from the figures."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from kcdesk.core.model import RankRow, TopicRow
from kcdesk.core.report import labels
from kcdesk.core.report.numerals import (
    group,
    kk_count,
    kk_num_case,
    kk_pct,
    kk_pct_case,
    kk_quarter,
    kk_quarter_in,
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

LIST_LIMIT = 12
OVER_30 = kk_pct_case(30, "abl")  # "30 %-дан"
TO_FILL = "____________"
PUBLISH_PLACES = (
    "бұқаралық ақпарат құралдарында, әлеуметтік желілердегі ресми аккаунттарда, ресми "
    "интернет-ресурстың «Жиі қойылатын сұрақтар» бөлімінде және «Электрондық өтініштер» "
    "ақпараттық-талдамалық жүйесінің білім базасында"
)


def q(name: str) -> str:
    """A name in «» quotes, unless it already holds quotes of its own («Жайлы мектеп» бағдарламасы)."""
    return name if "«" in name or '"' in name else f"«{name}»"


def _from_to(previous: int, count: int) -> str:
    """'10-нан 15-ке дейін' — the number suffixes follow the spoken numeral's last sound."""
    return f"{kk_num_case(previous, 'abl')} {kk_num_case(count, 'dat')} дейін"


def _with_count(period: str, count: int) -> str:
    """'… кварталом (II квартал 2026 года: 12 400)': the earlier figure inside the period's brackets."""
    if period.endswith(")"):
        return f"{period[:-1]}: {group(count)})"
    return f"{period} ({group(count)})"


def _change(count: int, previous: int | None, period: str, period_nom: str) -> str:
    """`period` is the comparison in the instrumental ("Алдыңғы тоқсанмен (…)"); `period_nom` the quarter."""
    if previous is None:
        return f"{period_nom} бойынша деректер жобада жоқ, сондықтан салыстыру жүргізілмеді."
    if previous == 0:
        return f"{period_nom}да сұрау салулар түспеген."
    if count == previous:
        return f"{period} салыстырғанда сұрау салулар саны өзгерген жоқ ({group(previous)})."
    verb = "артты" if count > previous else "азайды"
    diff = abs(count - previous)
    return (f"{_with_count(period, previous)} салыстырғанда сұрау салулар саны "
            f"{kk_num_case(diff, 'dat')}, яғни {kk_pct_case(diff * 100.0 / previous, 'dat')} {verb}.")


def _topic_list(f: Facts, items: list[TopicRow]) -> str:
    shown = []
    for t in items:  # every topic is named: no "and 3 more topics"
        prev, now = (t.basis_count or 0), int(t.count or 0)
        pct = f", {'+' if now >= prev else '−'}{kk_pct(abs(now - prev) * 100.0 / prev)}" if prev else ""
        shown.append(f"{q(f.name(t))} ({_from_to(prev, now)}{pct})")
    return "; ".join(shown)


def _signed(driver: dict[str, Any]) -> str:
    delta = driver.get("delta")
    if delta is None:
        return group(int(driver.get("count") or 0))
    return f"{'+' if delta >= 0 else '−'}{group(abs(int(delta)))}"


def _drivers(f: Facts, topic: str) -> str:
    driver = f.drivers.get(topic) or {}
    parts = []
    regions = useful_drivers(driver, "regions", "region")
    if regions:
        parts.append("өңірлер – " + ", ".join(
            f"{labels.region_name(d.get('region'), 'kk')} ({_signed(d)})" for d in regions))
    channels = useful_drivers(driver, "channels", "channel")
    if channels:
        parts.append("түсу арналары – " + ", ".join(
            f"{labels.channel_label(d.get('channel'), 'kk', sentence=True)} ({_signed(d)})" for d in channels))
    return "; ".join(parts)


def _reason(f: Facts, topic: str, what: str) -> str:
    own = f.reason(topic)
    return f"{what} себептері: {own}" if own else f"{what} себептері (жауапты қызметкер көрсетеді): {TO_FILL}."


def _overview(f: Facts, settings: dict[str, Any]) -> list[Paragraph]:
    rule = ("Тоқсан ішінде өңделген сұрау салулар ескерілді (Әдістеменің 9-тармағы): өңделген (жабылған) "
            "күні бойынша, ол болмаған жағдайда – тіркелген күні бойынша." if f.quarter_rule == "processed"
            else "Сұрау салулар тоқсанға тіркелген күні бойынша жатқызылды.")
    n = f.total
    out = [Paragraph("intro", (
        f"{kk_quarter_in(f.quarter.number, f.quarter.year)} байланыс орталығына {kk_count(n)} келіп түсті. {rule}"))]
    prev = f"Алдыңғы тоқсанмен ({kk_quarter(f.previous.number, f.previous.year)})"
    text = _change(n, f.total_previous, prev, kk_quarter(f.previous.number, f.previous.year))
    reason = f.reason("total")
    if reason:
        text += f" Өзгеріс себептері: {reason}"
    out.append(Paragraph("compare_previous", text))
    ago = f"Өткен жылдың осы кезеңімен ({kk_quarter(f.year_ago.number, f.year_ago.year)})"
    if f.total_year_ago is None:
        out.append(Paragraph("compare_year_ago", (
            f"{kk_quarter(f.year_ago.number, f.year_ago.year)} бойынша деректер жобада жоқ, сондықтан "
            "өткен жылдың осы кезеңімен салыстыру жүргізілмеді.")))
    else:
        out.append(Paragraph("compare_year_ago", _change(
            n, f.total_year_ago, ago, kk_quarter(f.year_ago.number, f.year_ago.year))))
    active = [t for t in f.topics if t.count]
    if active:
        lead = active[:3]
        listed = ", ".join(f"{q(f.name(t))} – {group(t.count)} ({kk_pct(f.share(t.count))})"
                           for t in lead)
        share = f.lead_share(lead)
        # "Басым бөлігі" only where the share is over half.
        head = (f"Сұрау салулардың басым бөлігі ({kk_pct(share)}) мына мәселелерге қатысты болды"
                if share > MAJORITY else "Сұрау салулардың ең көбі мына мәселелерге қатысты болды")
        out.append(Paragraph("nature", (
            f"Сұрау салулар барлығы {group(len(active))} тақырып бойынша түсті. {head}: {listed}.")))
    missing = f.total - sum(int(t.count or 0) for t in f.topics)
    if active and missing > 0:
        out[-1].text += f" {kk_count(missing)} бойынша тақырып көрсетілмеген."
    focus = [t.topic for t in f.topics if t.needs_attention] + [t.topic for t in f.topics[:5]]
    groups = content_groups(f.content, focus, lang=f.lang, names=f.names)
    if groups:
        listed = "; ".join(
            f"{q(g.label)} ({kk_count(g.count)}"
            + (f", мысалы: {q(g.example)}" if g.example else "") + ")"
            for g in groups)
        text = f"Сұрау салулар мәтіндерінің контент-талдауы азаматтардың нақты не сұрағанын көрсетті: {listed}."
        fresh = [q(g.label) for g in groups if g.new]
        if fresh:
            text += f" Бұрын анықталмаған жаңа мәселелер: {', '.join(fresh)}."
        out.append(Paragraph("content", text))
    if f.channels:
        known = [c for c in f.channels if c.channel not in (None, "", "unknown") and c.count]
        listed = ", ".join(f"{labels.channel_label(c.channel, 'kk', sentence=True)} – "
                           f"{group(c.count)}" for c in known)
        text = f"Түсу арналары бойынша: {listed}." if listed else ""
        without = f.sources_without.get("channel")
        if without:
            text += (f" {_files(without)} түсу арнасы көрсетілмеген, мұндай сұрау салулар арналар "
                     "бойынша бөлуде ескерілмеді.")
        if text:
            out.append(Paragraph("channels", text.strip()))
    out += _reconciliation(f)
    return out


def _files(names: list[str]) -> str:
    quoted = ", ".join(f"«{n}»" for n in names)
    return f"{quoted} {'файлында' if len(names) == 1 else 'файлдарында'}"


def _reconciliation(f: Facts) -> list[Paragraph]:
    """§11: the totals of the Qlik module and other channels the officer entered, and the difference."""
    if not f.reconciliation:
        return [Paragraph("reconciliation", (
            "«Электрондық өтініштер» АТЖ Qlik талдамалық модулінің деректерімен және басқа коммуникация "
            "арналары бойынша мәліметтермен салыстыру (Әдістеменің 11-тармағы) жүргізілмеді: қорытынды "
            "деректер енгізілмеген."))]
    parts = []
    for row in f.reconciliation:
        name = {"qlik": "«Электрондық өтініштер» АТЖ Qlik талдамалық модулінің деректері бойынша",
                "other": "басқа коммуникация арналарының мәліметтері бойынша"}.get(
            row.channel, f"«{row.channel}» деректері бойынша")
        diff = row.difference
        tail = "алшақтық жоқ" if diff == 0 else f"алшақтық – {'+' if diff > 0 else '−'}{group(abs(diff))}"
        parts.append(f"{name} – {group(row.reference)}, жүктелген файлдарда – "
                     f"{group(row.imported)}, {tail}")
    return [Paragraph("reconciliation", "Салыстыру (Әдістеменің 11-тармағы): " + "; ".join(parts) + ".")]


def _dynamics(f: Facts) -> list[Paragraph]:
    basis_q = kk_quarter(f.basis_quarter.number, f.basis_quarter.year)
    other_q = kk_quarter(f.other_quarter.number, f.other_quarter.year)
    if f.total_basis is None:
        return [Paragraph("dynamics", f"{basis_q} бойынша деректер жобада жоқ, сондықтан тақырыптар "
                                      "бойынша серпін анықталмады.")]
    out = []
    if f.growers:
        out.append(Paragraph("growth", f"Мына тақырыптар бойынша сұрау салулар саны өсті: {_topic_list(f, f.growers)}."))
    if f.decliners:
        out.append(Paragraph("decline", f"Мына тақырыптар бойынша сұрау салулар саны азайды: {_topic_list(f, f.decliners)}."))
    if f.by_year:
        basis = (f"Тақырыптар бойынша өзгерістер өткен жылдың осы кезеңімен ({basis_q}) салыстырылып бағаланды "
                 f"(Әдістеменің 11-тармағы, «алдыңғы осындай кезеңмен»; жоба баптауларында таңдалған); "
                 f"анықтама үшін алдыңғы тоқсанмен ({other_q}) салыстыру да келтірілді.")
    else:
        basis = (f"Тақырыптар бойынша өзгерістер Әдістеменің 11-тармағына сәйкес алдыңғы тоқсанмен "
                 f"({basis_q}) салыстырылып бағаланды; анықтама үшін "
                 f"өткен жылдың осы кезеңімен ({other_q}) салыстыру да келтірілді.")
    out.insert(0, Paragraph("basis", basis))
    if not f.flagged:
        out.append(Paragraph("no_flags", f"Сұрау салулар саны {OVER_30} астам өскен тақырып анықталған жоқ."))
    other_name = "Алдыңғы тоқсанмен" if f.by_year else "Өткен жылдың осы кезеңімен"
    for t in f.flagged:
        base, now = (t.basis_count or 0), int(t.count or 0)
        pct = t.basis_change_pct or (now - base) * 100.0 / max(base, 1)
        text = (f"{q(f.name(t))} тақырыбы бойынша сұрау салулар саны {_from_to(base, now)}, яғни "
                f"{kk_pct_case(pct, 'dat')} өсті, бұл Әдістемеде белгіленген 30 % шегінен асады; осы мәселе "
                "бойынша ақпараттық-түсіндіру жұмысының жоспары әзірленеді (Әдістеменің 11-тармағы).")
        other = t.other_count
        if other:
            change = (now - int(other)) * 100.0 / int(other)
            text += (f" {other_name} ({group(int(other))}) салыстырғанда – "
                     f"{'+' if change >= 0 else '−'}{kk_pct(abs(change))}.")
        drivers = _drivers(f, t.topic)
        if drivers:
            text += f" Өсуге ең көп үлес қосқандар: {drivers}."
        if t.caution:
            text += " Сұрау салулар саны аз болғандықтан, пайыздық өзгерісті сақтықпен бағалау қажет."
        out.append(Paragraph(f"flag:{t.topic}", f"{text} {_reason(f, t.topic, 'Өсу')}"))
    before = "өткен жылдың осы тоқсанында" if f.by_year else "алдыңғы тоқсанда"
    for t in f.new:
        now = int(t.count or 0)
        text = (f"Есепті кезеңде {q(f.name(t))} тақырыбы бойынша алғаш рет сұрау салулар түсті "
                f"({before} болмаған) – {kk_count(now)}.")
        drivers = _drivers(f, t.topic)
        if drivers:
            text += f" Сұрау салулар негізінен мыналардан түсті: {drivers}."
        out.append(Paragraph(f"new:{t.topic}", f"{text} {_reason(f, t.topic, 'Пайда болу')}"))
    if f.zeroed:
        listed = ", ".join(f"{q(f.name(t))} ({kk_count((t.basis_count or 0))})" for t in f.zeroed)
        text = (f"{before.capitalize()} сұрау салулар түскен мына тақырыптар бойынша есепті тоқсанда бірде-бір "
                f"сұрау салу түспеді: {listed}.")
        reasons = [f"{q(f.name(t))}: {f.reason(t.topic)}" for t in f.zeroed if f.reason(t.topic)]
        if reasons:
            text += " Себептері: " + "; ".join(reasons) + "."
        out.append(Paragraph("zeroed", text))
    return out


def _regions(f: Facts) -> list[Paragraph]:
    known = [r for r in f.regions if r.known and r.count]
    if not known:
        return []
    listed = ", ".join(f"{f.place(r)} – {group(r.count)}" for r in known[:5])
    text = f"Өңірлер бөлінісінде сұрау салулардың ең көбі мына өңірлердің өтініш берушілерінен түсті: {listed}."
    risers = sorted((r for r in known if r.previous and r.flag_over_30), key=lambda r: -(r.change_pct or 0.0))
    if risers:
        text += f" Сұрау салулар саны {OVER_30} астам өскен өңірлер: " + ", ".join(
            f"{f.place(r)} (+{kk_pct((r.change_pct or 0.0))})" for r in risers[:5]) + "."
    unknown = next((r for r in f.regions if not r.known), None)
    if unknown and unknown.count:
        without = f.sources_without.get("region")
        extra = f" (оның ішінде {_files(without)} өңір туралы мәлімет жоқ)" if without else ""
        text += f" {kk_count(unknown.count)} бойынша өңір көрсетілмеген{extra}."
    return [Paragraph("regions", text)]


def _dim(f: Facts, counts: dict[str, int], order: tuple[str, ...], label: Callable[[str, str], str]) -> str:
    return ", ".join(f"{label(k, 'kk')} – {group(int(v))} ({kk_pct(f.share(int(v)))})"
                     for k, v in labels.ordered(counts, order))


def _social(code: str, lang: str) -> str:
    """Reference names are capitalised as table entries; inside a sentence they start lower-case."""
    name = labels.social_label(code, lang)
    return name[:1].lower() + name[1:]


def _most(counts: dict[str, int]) -> tuple[str, int] | None:
    known = [(k, int(v)) for k, v in counts.items() if k not in ("unknown", "other") and v]
    return max(known, key=lambda kv: kv[1]) if known else None


_AGE_GROUP = {"under_18": "18 жасқа дейінгі", "over_90": "90 жастан асқан"}


def _summary(f: Facts) -> str:
    """Who writes most: the largest age band, gender and status, each with its share."""
    p = f.portrait
    parts = []
    gender = _most(p.get("gender") or {})
    if gender:
        parts.append(f"{labels.gender_label(gender[0], 'kk')} ({kk_pct(f.share(gender[1]))})")
    age = _most(p.get("age") or {})
    if age:
        band = _AGE_GROUP.get(age[0], f"{age[0]} жастағы")
        parts.append(f"{band} өтініш берушілер ({kk_pct(f.share(age[1]))})")
    social = _most(p.get("social_status") or {})
    if social:
        parts.append(f"{_social(social[0], 'kk')} ({kk_pct(f.share(social[1]))})")
    if not parts:
        return ""
    listed = ", ".join(parts[:-1]) + (" және " if len(parts) > 1 else "") + parts[-1]
    return f"Байланыс орталығына көбінесе {listed} жүгінді."


def _portrait(f: Facts) -> list[Paragraph]:
    p = f.portrait
    out = []
    summary = _summary(f)
    if summary:
        out.append(Paragraph("portrait_summary", summary))
    if "age" in p:
        out.append(Paragraph("portrait_age", "Жасы бойынша өтініш берушілер былайша бөлінді: "
                             + _dim(f, p["age"], labels.AGE_ORDER, labels.age_label) + "."))
    if "gender" in p:
        out.append(Paragraph("portrait_gender", "Жынысы бойынша: " + _dim(
            f, p["gender"], labels.GENDER_ORDER, labels.gender_label) + "."))
    if "social_status" in p:
        out.append(Paragraph("portrait_social", "Әлеуметтік мәртебесі бойынша: " + _dim(
            f, p["social_status"], labels.SOCIAL_ORDER, _social) + "."))
    for key, title in (("marital_status", "Отбасылық жағдайы бойынша"), ("education", "Білімі бойынша"),
                       ("occupation", "Қызмет түрі бойынша")):
        if p.get(key):
            out.append(Paragraph(f"portrait_{key}", f"{title}: " + _dim(
                f, p[key], (), functools.partial(labels.value_label, field=key, sentence=True)) + "."))
    return out


def _top_line(items: list[RankRow], f: Facts) -> str:
    return "; ".join(f"{i.rank}) {q(f.topic(i.topic))} – {kk_count(i.count)}" for i in items)


def _top10(f: Facts) -> list[Paragraph]:
    out = []
    if f.top10_all:
        text = f"Жалпы алғанда: {_top_line(f.top10_all, f)}."
        if has_ties(f.top10_all):
            text += " Сұрау салулар саны бірдей тақырыптар бір орынға қойылып, барлығы келтірілді."
        out.append(Paragraph("top10", text))
    for code, name, items in f.top10_regions:
        out.append(Paragraph(f"top10:{code}", f"{name[:1].upper()}{name[1:]}: {_top_line(items, f)}."))
    return out


def _conclusions(f: Facts) -> list[Paragraph]:
    out = []
    if f.total_previous:
        diff = f.total - f.total_previous
        if diff:
            verb = "артты" if diff > 0 else "азайды"
            out.append(Paragraph("conclusions:total", (
                "Алдыңғы тоқсанмен салыстырғанда сұрау салулардың жалпы саны "
                f"{kk_pct_case(abs(diff) * 100.0 / f.total_previous, 'dat')} {verb}.")))
        else:
            out.append(Paragraph("conclusions:total", "Алдыңғы тоқсанмен салыстырғанда сұрау салулардың жалпы саны өзгерген жоқ."))
    lead = [q(f.topic(i.topic)) for i in f.top10_all[:3]]
    if lead:
        out.append(Paragraph("conclusions:lead", f"Азаматтар үшін ең өзекті мәселелер: {', '.join(lead)}."))
    if f.flagged:
        out.append(Paragraph("conclusions:flags", f"Сұрау салулар саны {OVER_30} астам өскен тақырыптар: "
                             + ", ".join(q(f.name(t)) for t in f.flagged) + "."))
    if f.new:
        out.append(Paragraph("conclusions:new", "Жаңа мәселелер пайда болды: " + ", ".join(q(f.name(t)) for t in f.new) + "."))
    return out


def _proposals(f: Facts) -> list[Paragraph]:
    out = []
    if f.flagged:
        out.append(Paragraph("proposals:plans", (
            "Мына тақырыптар бойынша ақпараттық-түсіндіру жұмысының жоспарларын әзірлеу және бекіту: "
            + ", ".join(q(f.name(t)) for t in f.flagged) + ".")))
    if f.top10_all:
        out.append(Paragraph("proposals:publish", f"Жиі қойылатын сұрақтар бойынша түсіндірмелерді {PUBLISH_PLACES} орналастыру."))
    risers = [f.place(r) for r in f.regions if r.known and r.flag_over_30]
    where = f", ең алдымен мына өңірлерде: {', '.join(risers[:5])}" if risers else ""
    out.append(Paragraph("proposals:meetings", (
        "Талдау нәтижелерін жеке қабылдаулар мен басшылардың халықпен кездесулерін өткізу кезінде ескеру "
        f"(Әдістеменің 18-тармағы){where}.")))
    return out


def _publish(f: Facts) -> list[Paragraph]:
    out = [Paragraph("publish:intro", f"Мына мәселелер бойынша ақпаратты {PUBLISH_PLACES} орналастыру ұсынылады:")]
    seen: list[str] = []
    for topic in [i.topic for i in f.top10_all] + [t.topic for t in f.flagged + f.new]:
        if topic not in seen:
            seen.append(topic)
    counts = {t.topic: int(t.count or 0) for t in f.topics}
    for i, topic in enumerate(seen, 1):
        out.append(Paragraph(f"publish:{i}", f"{i}. {q(f.topic(topic))} ({kk_count(counts.get(topic, 0))})."))
    faq = faq_items(f.content, f.lang, f.names)
    if faq:
        out.append(Paragraph("publish:faq", "Контент-талдау нәтижесі бойынша жиі қойылатын сұрақтар: " + "; ".join(
            q(question) + (f" ({kk_count(count)})" if count is not None else "") for question, count in faq) + "."))
    return out


def sections(f: Facts, settings: dict[str, Any]) -> list[Section]:
    return [
        Section("analytical_overview", "Түскен сұрау салулардың сипаты", _overview(f, settings)),
        Section("analytical_dynamics", "Тақырыптар бойынша сұрау салулардың серпіні", _dynamics(f)),
        Section("analytical_regions", "Өңірлер бөлінісіндегі сұрау салулар", _regions(f)),
        Section("analytical_portrait", "Өтініш берушінің әлеуметтік портреті", _portrait(f)),
        Section("analytical_top10", "Азаматтарды барынша қызықтыратын 10 мәселе", _top10(f)),
        Section("conclusions", "Тұжырымдар мен ұсыныстар", _conclusions(f) + _proposals(f)),
        Section("publish", "Ақпарат орналастыруға арналған мәселелер тізбесі", _publish(f)),
    ]
