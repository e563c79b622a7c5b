"""The справка's prose, drafted from the analysis dict: sections of keyed paragraphs the officer can override.

The figures are gathered once here (``Facts``); the sentences are written separately per language in
``wording_ru`` and ``wording_kk`` (not translated word by word). Each paragraph has a stable key so the
officer's text ``para:<key>`` replaces it.

Optional content-analysis input (``content``), every key optional::

    {"groups": [{"key_phrases": [str], "example": str, "count": int, "new": bool,
                 "candidate": bool, "topic": str | None}],   # kcdesk.content/1 (docs/CONTENT_JSON.md)
     "faq": [str | {"question": str, "count": int}]}

A group may carry a ready "label" instead of key phrases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
    """The figures the sentences use, picked once from the analysis dict."""

    lang: str
    quarter: Quarter
    previous: Quarter
    year_ago: Quarter
    total: int
    total_previous: int | None
    total_year_ago: int | None
    quarter_rule: str
    topics: list[dict[str, Any]]  # by_topic items with "name" added
    regions: list[dict[str, Any]]  # by_region items with "name" added
    channels: list[dict[str, Any]]
    flagged: list[dict[str, Any]]
    new: list[dict[str, Any]]
    zeroed: list[dict[str, Any]]
    growers: list[dict[str, Any]]
    decliners: list[dict[str, Any]]
    drivers: dict[str, Any]
    top10_all: list[dict[str, Any]]
    top10_regions: list[tuple[str, str, list[dict[str, Any]]]]  # (code, name, items)
    portrait: dict[str, dict[str, int]]
    names: dict[str, str]
    content: dict[str, Any] | None
    texts: dict[str, str]
    reconciliation: list[dict[str, Any]] = field(default_factory=list)
    # field ("channel", "region") -> the exports (file names) that have no such column
    sources_without: dict[str, list[str]] = field(default_factory=dict)
    # The quarter the +30 % rule compared with (§11; a project setting): "previous" or "year_ago". Topic
    # items carry "base" (that quarter's count) and "other_base" (the other comparison quarter's).
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

    def lead_share(self, items: list[dict[str, Any]]) -> float:
        return self.share(sum(int(t.get("count") or 0) for t in items))

    def share(self, count: int) -> float:
        return 100.0 * count / self.total if self.total else 0.0

    def reason(self, topic: str) -> str | None:
        """The officer's reason in this справка's language; one typed only in the other language is not
        printed (the checklist lists it as still to be written in this one)."""
        from kcdesk.core.normalise.topics_dictionary import language_of

        own = text(self.texts, f"reason:{topic}", self.lang)
        if own is not None and language_of(own) not in (None, self.lang):
            return None
        return own

    def topic(self, name: str) -> str:
        return self.names.get(name, name)


def _quarter(analysis: dict[str, Any], key: str | None, fallback: Quarter) -> Quarter:
    value = (analysis.get("comparison") or {}).get(key) if key else analysis.get("quarter")
    return Quarter.parse(value) if value else fallback


def facts(analysis: dict[str, Any], lang: str, texts: dict[str, str] | None = None,
          content: dict[str, Any] | None = None) -> Facts:
    quarter = Quarter.parse(analysis["quarter"])
    names = labels.topic_names(analysis, lang)
    basis = "year_ago" if (analysis.get("comparison") or {}).get("basis") == "year_ago" else "previous"
    base, other = ("year_ago", "previous") if basis == "year_ago" else ("previous", "year_ago")
    topics = [dict(item, name=labels.topic_name(item, lang), base=item.get(base), other_base=item.get(other))
              for item in analysis.get("by_topic", [])]
    regions = [dict(item, name=labels.region_name(item.get("region"), lang))
               for item in analysis.get("by_region", [])]
    total = analysis.get("total") or {}

    def delta(item: dict[str, Any]) -> int:
        return int(item.get("count") or 0) - int(item.get("base") or 0)

    comparable = [t for t in topics if t.get("base") is not None]
    flagged = [t for t in topics if t.get("flag_over_30")]
    new = [t for t in topics if t.get("new")]
    zeroed = [t for t in comparable if not t.get("count") and (t.get("base") or 0) > 0]
    growers = sorted((t for t in comparable if delta(t) > 0 and not t.get("flag_over_30") and not t.get("new")),
                     key=lambda t: (-delta(t), t["name"]))
    decliners = sorted((t for t in comparable if delta(t) < 0 and t.get("count")),
                       key=lambda t: (delta(t), t["name"]))
    top10 = analysis.get("top10") or {}
    by_region = top10.get("by_region") or {}
    order = {code: i for i, code in enumerate(labels.region_codes())}
    region_lists = [(code, labels.region_name(code, lang), items)
                    for code, items in sorted(by_region.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))
                    if items]
    return Facts(
        lang=lang,
        quarter=quarter,
        previous=_quarter(analysis, "previous", quarter.previous()),
        year_ago=_quarter(analysis, "year_ago", quarter.year_ago()),
        total=int(total.get("count") or 0),
        total_previous=total.get("previous"),
        total_year_ago=total.get("year_ago"),
        quarter_rule=str(analysis.get("quarter_rule") or "processed"),
        topics=topics,
        regions=regions,
        channels=list(analysis.get("by_channel") or []),
        flagged=flagged,
        new=new,
        zeroed=zeroed,
        growers=growers,
        decliners=decliners,
        drivers=dict(analysis.get("drivers") or {}),
        top10_all=list(top10.get("all") or []),
        top10_regions=region_lists,
        portrait=dict(analysis.get("portrait") or {}),
        names=names,
        content=content,
        texts=dict(texts or {}),
        reconciliation=list(analysis.get("reconciliation") or []),
        sources_without={k: list(v) for k, v in (analysis.get("sources_without") or {}).items() if v},
        basis=basis,
    )


MAJORITY = 50.0  # "большинство" / "басым бөлігі" only over half


def useful_drivers(driver: dict[str, Any], kind: str, column: str, limit: int = 3) -> list[dict[str, Any]]:
    """The regions / channels that drove a topic: never "not stated", only those that grew."""
    return [d for d in driver.get(kind) or []
            if d.get(column) not in (None, "", "unknown") and (d.get("delta") or 0) > 0][:limit]


def has_ties(items: list[dict[str, Any]]) -> bool:
    ranks = [item.get("rank") for item in items]
    return len(ranks) != len(set(ranks))


EXAMPLE_CHARS = 160


def _short(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def content_groups(content: dict[str, Any] | None, topics: list[str], limit: int = 8, lang: str | None = None,
                   names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Question groups to quote: those within the given (leading and flagged) topics first, then
    the largest; each with a label from its key phrases and a shortened real example.

    With ``lang``, nothing in the other language is quoted: a group labelled in the other language is
    named by its topic (in lang, from ``names``) and its example is left out; groups of one topic merge.
    """
    from kcdesk.core.normalise.topics_dictionary import language_of

    def foreign(text: str) -> bool:
        found = language_of(text)
        return lang is not None and found is not None and found != lang

    groups: list[dict[str, Any]] = []
    by_label: dict[str, dict[str, Any]] = {}
    for g in (content or {}).get("groups") or []:
        phrases = [str(p) for p in g.get("key_phrases") or [] if str(p).strip()]
        label = str(g.get("label") or ", ".join(phrases[:3])).strip()
        if not label:
            continue
        example = _short(g.get("example") or "")
        if foreign(label):
            topic = g.get("topic")
            label = (names or {}).get(str(topic), str(topic or "")) if topic else ""
            if not label or foreign(label):
                continue
            example = ""
        if foreign(example):
            example = ""
        item = {"label": label, "example": example, "count": int(g.get("count") or 0), "topic": g.get("topic"),
                "new": bool(g.get("new") or g.get("candidate"))}
        if label in by_label:  # one topic standing for several groups: one line
            by_label[label]["count"] += item["count"]
            continue
        by_label[label] = item
        groups.append(item)
    wanted = set(topics)
    groups.sort(key=lambda g: (g["topic"] not in wanted, -g["count"], g["label"]))
    return groups[:limit]


def faq_items(content: dict[str, Any] | None, lang: str | None = None,
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
    for item in (content or {}).get("faq") or []:
        if isinstance(item, dict):
            question = str(item.get("question") or "").strip()
            count = item.get("count")
        else:
            item, question, count = {}, str(item).strip(), None
        if question and not fits(question) and lang is not None:
            drafts = item.get("drafts")
            own = str(drafts.get(lang) or "").strip() if isinstance(drafts, dict) else ""
            if own and fits(str(item.get("label") or "")) and not item.get("edited"):
                question = own
            elif item.get("topic") and fits(topic := (names or {}).get(str(item["topic"]), str(item["topic"]))):
                question = draft_question(topic, lang)
            else:
                question = ""
        if question and fits(question) and question.casefold() not in seen:
            seen.add(question.casefold())
            out.append((question, int(count) if count is not None else None))
    return out


def _apply_overrides(sections: list[Section], f: Facts) -> list[Section]:
    """The officer's texts win: para:<key> per paragraph; conclusions / proposals / publish per block."""
    for section in sections:
        for block in ("conclusions", "proposals", "publish"):
            own = text(f.texts, block, f.lang)
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
            own = text(f.texts, f"para:{paragraph.key}", f.lang)
            if own is not None:
                paragraph.text, paragraph.edited = own, True
    return sections


def draft(analysis: dict[str, Any], lang: str, texts: dict[str, str] | None = None,
          content: dict[str, Any] | None = None, settings: dict[str, Any] | None = None) -> list[Section]:
    """Sections 'analytical_*', 'conclusions', 'publish' with keyed paragraphs, the officer's texts applied."""
    labels.check_lang(lang)
    f = facts(analysis, lang, texts, content)
    from kcdesk.core.report import wording_kk, wording_ru

    writer = wording_ru if lang == "ru" else wording_kk
    return _apply_overrides(writer.sections(f, settings or {}), f)


def paragraph_keys(analysis: dict[str, Any], lang: str = "ru") -> list[str]:
    """Every paragraph key the draft has for this analysis (what ``para:<key>`` can replace)."""
    return [p.key for s in draft(analysis, lang) for p in s.paragraphs]
