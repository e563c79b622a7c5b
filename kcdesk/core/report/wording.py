"""The справка's prose, drafted from the typed analysis (kcdesk.core.model.Analysis): sections of keyed
paragraphs the officer can override.

The figures are gathered once here (``Facts``); the sentences are written separately per language in
``wording_ru`` and ``wording_kk`` (not translated word by word). Each paragraph has a stable key so the
officer's text ``para:<key>`` replaces it. The content analysis (``ContentResult``, with the officer's group
names applied: ``Group.label``) gives the groups quoted and the FAQ; it is optional.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kcdesk.core.model import (
    Analysis,
    ChannelRow,
    ContentResult,
    RankRow,
    ReconciliationRow,
    RegionRow,
    TopicRow,
)
from kcdesk.core.quarters import Quarter
from kcdesk.core.report import labels
from kcdesk.core.report.texts import lines, text


@dataclass
class Paragraph:
    key: str
    text: str
    edited: bool = False  # True when the officer's text replaced the draft


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Facts:
    """The figures the sentences use, picked once from the typed analysis."""

    lang: str
    quarter: Quarter
    previous: Quarter
    year_ago: Quarter
    total: int
    total_previous: int | None
    total_year_ago: int | None
    quarter_rule: str
    topics: list[TopicRow]
    regions: list[RegionRow]
    channels: list[ChannelRow]
    flagged: list[TopicRow]
    new: list[TopicRow]
    zeroed: list[TopicRow]
    growers: list[TopicRow]
    decliners: list[TopicRow]
    drivers: dict[str, Any]
    top10_all: list[RankRow]
    top10_regions: list[tuple[str, str, list[RankRow]]]  # (code, name, items)
    portrait: dict[str, dict[str, int]]
    names: dict[str, str]
    content: ContentResult | None
    texts: dict[str, str]
    reconciliation: list[ReconciliationRow] = field(default_factory=list)
    # field ("channel", "region") -> the exports (file names) that have no such column
    sources_without: dict[str, list[str]] = field(default_factory=dict)
    # The quarter the +30 % rule compared with (§11; a project setting): "previous" or "year_ago"; each
    # TopicRow knows its basis_count (that quarter's count) and other_count (the other comparison quarter's).
    basis: str = "previous"

    @property
    def by_year(self) -> bool:
        return self.basis == "year_ago"

    @property
    def basis_quarter(self) -> Quarter:
        return self.year_ago if self.by_year else self.previous

    @property
    def other_quarter(self) -> Quarter:
        return self.previous if self.by_year else self.year_ago

    @property
    def total_basis(self) -> int | None:
        return self.total_year_ago if self.by_year else self.total_previous

    def lead_share(self, items: list[TopicRow]) -> float:
        return self.share(sum(t.count for t in items))

    def share(self, count: int) -> float:
        return 100.0 * count / self.total if self.total else 0.0

    def reason(self, topic: str) -> str | None:
        """The officer's reason in this справка's language; one typed only in the other language is not
        printed (the checklist lists it as still to be written in this one)."""
        return own_text(self.texts, f"reason:{topic}", self.lang)

    def topic(self, name: str) -> str:
        return self.names.get(name, name)

    def name(self, row: TopicRow) -> str:
        """A topic's name in the справка's language."""
        return row.name(self.lang)

    def place(self, row: RegionRow) -> str:
        """A region's name in the справка's language."""
        return labels.region_name(row.region, self.lang)


def facts(analysis: Analysis, lang: str, texts: dict[str, str] | None = None,
          content: ContentResult | None = None, sources_without: dict[str, list[str]] | None = None) -> Facts:
    topics = list(analysis.by_topic)
    comparable = [t for t in topics if t.basis_count is not None]
    order = {code: i for i, code in enumerate(labels.region_codes())}
    region_lists = [(code, labels.region_name(code, lang), list(items))
                    for code, items in sorted(analysis.top10.by_region.items(),
                                              key=lambda kv: (order.get(kv[0], 99), kv[0]))
                    if items]
    return Facts(
        lang=lang,
        quarter=analysis.quarter,
        previous=analysis.comparison.previous,
        year_ago=analysis.comparison.year_ago,
        total=analysis.total.count,
        total_previous=analysis.total.previous,
        total_year_ago=analysis.total.year_ago,
        quarter_rule=analysis.quarter_rule or "processed",
        topics=topics,
        regions=list(analysis.by_region),
        channels=list(analysis.by_channel),
        flagged=list(analysis.flagged),
        new=[t for t in topics if t.new],
        zeroed=[t for t in comparable if not t.count and (t.basis_count or 0) > 0],
        growers=sorted((t for t in comparable if t.delta > 0 and not t.needs_attention),
                       key=lambda t: (-t.delta, t.name(lang))),
        decliners=sorted((t for t in comparable if t.delta < 0 and t.count),
                         key=lambda t: (t.delta, t.name(lang))),
        drivers=dict(analysis.drivers),
        top10_all=list(analysis.top10.all),
        top10_regions=region_lists,
        portrait=analysis.portrait.given(),
        names=analysis.topic_names(lang),
        content=content,
        texts=dict(texts or {}),
        reconciliation=list(analysis.reconciliation),
        sources_without={k: list(v) for k, v in (sources_without or {}).items() if v},
        basis=analysis.comparison.basis,
    )


MAJORITY = 50.0  # "большинство" / "басым бөлігі" only over half


def useful_drivers(driver: dict[str, Any], kind: str, column: str, limit: int = 3) -> list[dict[str, Any]]:
    """The regions / channels that drove a topic: never "not stated", only those that grew."""
    return [d for d in driver.get(kind) or []
            if d.get(column) not in (None, "", "unknown") and (d.get("delta") or 0) > 0][:limit]


def has_ties(items: list[RankRow]) -> bool:
    ranks = [item.rank for item in items]
    return len(ranks) != len(set(ranks))


EXAMPLE_CHARS = 160


def _short(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


@dataclass(frozen=True)
class Quoted:
    """A question group as the справка quotes it: its label, a shortened real example, its requests."""

    label: str
    example: str
    count: int
    topic: str | None
    new: bool


def content_groups(content: ContentResult | None, topics: list[str], limit: int = 8, lang: str | None = None,
                   names: dict[str, str] | None = None) -> list[Quoted]:
    """Question groups to quote: those within the given (leading and flagged) topics first, then
    the largest; each with its label (the officer's name, else its key phrases) and a shortened real example.

    With ``lang``, nothing in the other language is quoted: a group labelled in the other language is
    named by its topic (in lang, from ``names``) and its example is left out; groups of one topic merge.
    """
    from kcdesk.core.normalise.topics_dictionary import language_of

    def foreign(text: str) -> bool:
        found = language_of(text)
        return lang is not None and found is not None and found != lang

    by_label: dict[str, Quoted] = {}
    for g in content.groups if content else ():
        label = g.label.strip()
        if not label:
            continue
        example = _short(g.example or "")
        if foreign(label):
            label = (names or {}).get(g.topic, g.topic) if g.topic else ""
            if not label or foreign(label):
                continue
            example = ""
        if foreign(example):
            example = ""
        if label in by_label:  # one topic standing for several groups: one line
            by_label[label] = replace(by_label[label], count=by_label[label].count + g.count)
            continue
        by_label[label] = Quoted(label, example, g.count, g.topic, g.new or g.candidate)
    wanted = set(topics)
    groups = sorted(by_label.values(), key=lambda g: (g.topic not in wanted, -g.count, g.label))
    return groups[:limit]


def faq_items(content: ContentResult | None, lang: str | None = None,
              names: dict[str, str] | None = None) -> list[tuple[str, int | None]]:
    """The FAQ to publish; with ``lang``, every question in that language: as asked (or as the officer
    worded it) when it is in lang, else the entry's draft in lang (``drafts[lang]``) when the label it
    was drafted from is not in the other language, else a question drafted from the topic's name in
    lang (``names``); an entry none of these can give in lang is left out. Equal questions are listed
    once."""
    from kcdesk.core.analyse.content.questions import draft_question
    from kcdesk.core.normalise.topics_dictionary import language_of

    def fits(text: str) -> bool:
        found = language_of(text)
        return lang is None or found is None or found == lang

    out: list[tuple[str, int | None]] = []
    seen: set[str] = set()
    for item in content.faq if content else ():
        question = (item.question or "").strip()
        if question and not fits(question) and lang is not None:
            own = item.draft(lang)
            if own and fits(item.label) and not item.edited:
                question = own
            elif item.topic and fits(topic := (names or {}).get(item.topic, item.topic)):
                question = draft_question(topic, lang)
            else:
                question = ""
        if question and fits(question) and question.casefold() not in seen:
            seen.add(question.casefold())
            out.append((question, item.count))
    return out


def own_text(texts: dict[str, str], key: str, lang: str) -> str | None:
    """The officer's text for this справка: the one she kept for lang (``key@lang``), else the one for
    both languages (``key``) when it is written in lang (or in neither: figures, Latin names). A text
    for both languages typed in the other one is left for the checklist to list, not printed."""
    from kcdesk.core.normalise.topics_dictionary import language_of

    own = text(texts, f"{key}@{lang}", lang)
    if own is not None:
        return own
    plain = text(texts, key, lang)
    return plain if plain is not None and language_of(plain) in (None, lang) else None


def _apply_overrides(sections: list[Section], f: Facts) -> list[Section]:
    """The officer's texts win: para:<key> per paragraph; conclusions / proposals / publish per block."""
    for section in sections:
        for block in ("conclusions", "proposals", "publish"):
            own = own_text(f.texts, block, f.lang)
            if own is None:
                continue
            keep = [p for p in section.paragraphs if not p.key.startswith(block)]
            if len(keep) == len(section.paragraphs):
                continue  # this section has no such block
            first = next(i for i, p in enumerate(section.paragraphs) if p.key.startswith(block))
            mine = [Paragraph(f"{block}:{i + 1}", line, edited=True) for i, line in enumerate(lines(own))]
            before = [p for p in section.paragraphs[:first] if not p.key.startswith(block)]
            after = [p for p in section.paragraphs[first:] if not p.key.startswith(block)]
            section.paragraphs = before + mine + after
        for paragraph in section.paragraphs:
            own = own_text(f.texts, f"para:{paragraph.key}", f.lang)
            if own is not None:
                paragraph.text, paragraph.edited = own, True
    return sections


def draft(analysis: Analysis, lang: str, texts: dict[str, str] | None = None,
          content: ContentResult | None = None, settings: dict[str, Any] | None = None,
          sources_without: dict[str, list[str]] | None = None) -> list[Section]:
    """Sections 'analytical_*', 'conclusions', 'publish' with keyed paragraphs, the officer's texts applied."""
    labels.check_lang(lang)
    f = facts(analysis, lang, texts, content, sources_without)
    from kcdesk.core.report import wording_kk, wording_ru

    writer = wording_ru if lang == "ru" else wording_kk
    return _apply_overrides(writer.sections(f, settings or {}), f)


def paragraph_keys(analysis: Analysis, lang: str = "ru") -> list[str]:
    """Every paragraph key the draft has for this analysis (what ``para:<key>`` can replace)."""
    return [p.key for s in draft(analysis, lang) for p in s.paragraphs]
