"""Typed results between the layers: the analysis of a quarter and the content analysis, as frozen
dataclasses with the derived facts as properties, and to_json()/from_json() for the documented JSON
(docs/ANALYSIS_JSON.md, docs/CONTENT_JSON.md: the same keys, in the same order, byte for byte).

Keys a newer kcdesk adds and this one does not know are kept in `extra` and written back last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, TypeVar

from kcdesk.core.quarters import Quarter

Json = dict[str, Any]
GROWTH_FLAG_PCT = 30.0  # §11: growth strictly above 30 % calls for a work plan
T = TypeVar("T", bound="Record")


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, Quarter):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _is_default(f: Any, value: Any) -> bool:
    if f.default is not MISSING:
        return bool(value == f.default)
    if f.default_factory is not MISSING:
        return bool(value == f.default_factory())
    return False


@dataclass(frozen=True)
class Record:
    """A JSON object with declared keys (the dataclass fields, in the JSON's order) and `extra` ones."""

    derived: ClassVar[dict[str, str]] = {}  # JSON key -> property, written after the field named in AFTER
    nested: ClassVar[dict[str, Any]] = {}  # field -> how to read it (a Record class, or a function)
    # The keys in the order the JSON that was read had them, so that a result written by a newer or older
    # kcdesk (keys added by a later schema) comes back byte for byte; empty for a record built in code.
    key_order: tuple[str, ...] = field(default=(), compare=False, repr=False, kw_only=True)

    def to_json(self) -> Json:
        out: Json = {}
        for f in fields(self):
            if f.name in ("extra", "key_order"):
                continue
            # Read from JSON written before this key existed: written back as it was read.
            if not (self.key_order and f.name not in self.key_order and _is_default(f, getattr(self, f.name))):
                out[f.name] = _plain(getattr(self, f.name))
            for key, after in self.derived.items():
                if after == f.name:
                    out[key] = getattr(self, key)
        out.update(_plain(getattr(self, "extra", {})))
        if self.key_order:
            ordered = {k: out[k] for k in self.key_order if k in out}
            ordered.update((k, v) for k, v in out.items() if k not in ordered)
            return ordered
        return out

    @classmethod
    def from_json(cls: type[T], data: Mapping[str, Any]) -> T:
        names = [f.name for f in fields(cls) if f.name not in ("extra", "key_order")]
        values: dict[str, Any] = {}
        for name in names:
            if name not in data:
                continue  # the field's default
            read = cls.nested.get(name)
            values[name] = read(data[name]) if read else data[name]
        known = set(names) | set(cls.derived)
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**values, extra=extra, key_order=tuple(data))  # type: ignore[call-arg]


def _rows(kind: type[T]) -> Any:
    return lambda items: tuple(kind.from_json(i) for i in items)


# --- the analysis of a quarter (kcdesk.analysis/1) ------------------------------------------------
@dataclass(frozen=True)
class Comparison(Record):
    previous: Quarter
    year_ago: Quarter
    basis: str = "previous"  # which of the two the +30 % rule and "new" compare with (a project setting)
    extra: Json = field(default_factory=dict)
    nested: ClassVar[dict[str, Any]] = {"previous": Quarter.parse, "year_ago": Quarter.parse}


@dataclass(frozen=True)
class Total(Record):
    count: int
    previous: int | None = None
    year_ago: int | None = None
    change_pct: float | None = None
    change_year_pct: float | None = None
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class RegionRow(Record):
    region: str
    count: int
    previous: int | None = None
    year_ago: int | None = None
    change_pct: float | None = None
    extra: Json = field(default_factory=dict)

    @property
    def known(self) -> bool:
        """A region was stated (the "not stated" row is "unknown")."""
        return self.region != "unknown"

    @property
    def flag_over_30(self) -> bool:
        """The region's requests grew strictly more than 30 % on the previous quarter."""
        return over_30(self.change_pct)


@dataclass(frozen=True)
class ChannelRow(Record):
    channel: str
    count: int
    previous: int | None = None
    year_ago: int | None = None
    change_pct: float | None = None
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class TopicRow(Record):
    """A topic of stage 1. `flag_over_30` and `needs_attention` are derived, never stored apart."""

    topic: str
    count: int
    previous: int | None = None
    year_ago: int | None = None
    change_pct: float | None = None  # against the previous quarter
    change_year_pct: float | None = None  # against the same quarter a year earlier
    new: bool = False  # requests now, none in the basis quarter (which has data)
    caution: bool = False  # flagged or new, but within chance variation (B3)
    names: dict[str, str] = field(default_factory=dict)  # {"kk": …, "ru": …}
    basis: str = "previous"  # the quarter the +30 % rule compares with: "previous" or "year_ago"
    extra: Json = field(default_factory=dict)
    derived: ClassVar[dict[str, str]] = {"flag_over_30": "change_year_pct"}

    @property
    def basis_count(self) -> int | None:
        """The count of the quarter the rule compares with."""
        return self.year_ago if self.basis == "year_ago" else self.previous

    @property
    def basis_change_pct(self) -> float | None:
        """The change the +30 % rule reads: against the previous quarter, or a year earlier."""
        return self.change_year_pct if self.basis == "year_ago" else self.change_pct

    @property
    def flag_over_30(self) -> bool:
        """§11: the change against the basis quarter is strictly greater than +30 %."""
        return over_30(self.basis_change_pct)

    @property
    def needs_attention(self) -> bool:
        """Over +30 % or new: the topics the справка, the work plans and the screens single out."""
        return self.flag_over_30 or self.new

    @property
    def other_count(self) -> int | None:
        """The count of the other comparison quarter (the one the rule does not compare with)."""
        return self.previous if self.basis == "year_ago" else self.year_ago

    @property
    def delta(self) -> int:
        """Requests now less requests in the basis quarter (none counts as 0)."""
        return self.count - (self.basis_count or 0)

    @property
    def shown(self) -> bool:
        """The справка names the topic: it has requests now or had some before."""
        return bool(self.count or self.previous)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.topic


def over_30(change_pct: float | None) -> bool:
    return change_pct is not None and change_pct > GROWTH_FLAG_PCT


def needs_attention(row: Mapping[str, Any]) -> bool:
    """TopicRow.needs_attention of a by_topic row given as JSON (for code that still holds the dict)."""
    change = row.get("change_year_pct") if row.get("basis") == "year_ago" else row.get("change_pct")
    return over_30(change) or bool(row.get("new"))


@dataclass(frozen=True)
class RankRow(Record):
    rank: int
    topic: str
    count: int
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class Top10(Record):
    all: tuple[RankRow, ...] = ()
    by_region: dict[str, tuple[RankRow, ...]] = field(default_factory=dict)
    extra: Json = field(default_factory=dict)
    nested: ClassVar[dict[str, Any]] = {
        "all": _rows(RankRow),
        "by_region": lambda d: {k: tuple(RankRow.from_json(r) for r in v) for k, v in d.items()},
    }


@dataclass(frozen=True)
class Portrait(Record):
    """Every dimension sums to the quarter's total; free dimensions appear where the data has them."""

    age: dict[str, int] = field(default_factory=dict)
    gender: dict[str, int] = field(default_factory=dict)
    social_status: dict[str, int] = field(default_factory=dict)
    extra: Json = field(default_factory=dict)  # marital_status, education, occupation

    def dimensions(self) -> dict[str, dict[str, int]]:
        return {"age": self.age, "gender": self.gender, "social_status": self.social_status, **self.extra}

    def given(self) -> dict[str, dict[str, int]]:
        """The dimensions the analysis has: a portrait read from JSON without a dimension has none of it
        (a portrait built in code has all three fixed ones)."""
        return {k: v for k, v in self.dimensions().items() if not self.key_order or k in self.key_order}


@dataclass(frozen=True)
class ReconciliationRow(Record):
    channel: str
    reference: int
    imported: int
    difference: int
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class ContactCentre(Record):
    name: str
    phone: str | None
    count: int
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class DataQuality(Record):
    rows_read: int = 0
    rows_counted: int = 0
    duplicates: int = 0
    unmapped_region: int = 0
    unmapped_topic: int = 0
    bad_date: int = 0
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class Analysis(Record):
    """The three stages for one quarter (docs/ANALYSIS_JSON.md)."""

    schema: str
    quarter: Quarter
    comparison: Comparison
    quarter_rule: str
    total: Total
    by_region: tuple[RegionRow, ...] = ()
    by_topic: tuple[TopicRow, ...] = ()
    by_channel: tuple[ChannelRow, ...] = ()
    drivers: dict[str, Any] = field(default_factory=dict)  # topic -> {regions: [...], channels: [...]}
    top10: Top10 = field(default_factory=Top10)
    portrait: Portrait = field(default_factory=Portrait)
    reconciliation: tuple[ReconciliationRow, ...] = ()
    contact_centres: tuple[ContactCentre, ...] = ()
    data_quality: DataQuality = field(default_factory=DataQuality)
    extra: Json = field(default_factory=dict)
    nested: ClassVar[dict[str, Any]] = {
        "quarter": Quarter.parse, "comparison": Comparison.from_json, "total": Total.from_json,
        "by_region": _rows(RegionRow), "by_topic": _rows(TopicRow), "by_channel": _rows(ChannelRow),
        "top10": Top10.from_json, "portrait": Portrait.from_json,
        "reconciliation": _rows(ReconciliationRow), "contact_centres": _rows(ContactCentre),
        "data_quality": DataQuality.from_json,
    }

    @property
    def attention(self) -> tuple[TopicRow, ...]:
        """The topics over +30 % or new, in the by_topic order."""
        return tuple(t for t in self.by_topic if t.needs_attention)

    @property
    def flagged(self) -> tuple[TopicRow, ...]:
        """The topics over +30 % (§11: each gets a work plan), in the by_topic order."""
        return tuple(t for t in self.by_topic if t.flag_over_30)

    @property
    def untopiced(self) -> int:
        """Requests counted in the total but under no topic (the analysis lists topics only)."""
        return max(0, self.total.count - sum(t.count for t in self.by_topic))

    def topic_names(self, lang: str) -> dict[str, str]:
        """Canonical topic -> its name in lang, for every topic of the analysis."""
        return {t.topic: t.name(lang) for t in self.by_topic}


# --- the content analysis of a quarter (kcdesk.content/1) -----------------------------------------
@dataclass(frozen=True)
class Suggestion(Record):
    id: str | None
    row_id: int | None
    topic: str
    confidence: float
    uncertain: bool
    extra: Json = field(default_factory=dict)


@dataclass(frozen=True)
class Group(Record):
    """A group of similar questions; a candidate is new or grew sharply (§14), for the officer to name."""

    id: str = ""
    key_phrases: tuple[str, ...] = ()
    example: str = ""
    count: int = 0
    distinct_texts: int = 0
    previous: float | None = None
    change_pct: float | None = None
    new: bool = False
    grew: bool = False
    candidate: bool = False
    topic: str | None = None
    topic_share: float | None = None
    extra: Json = field(default_factory=dict)
    nested: ClassVar[dict[str, Any]] = {"key_phrases": tuple}

    @property
    def label(self) -> str:
        """What the справка calls the group: the officer's name when given, else its key phrases."""
        phrases = [str(p) for p in self.key_phrases if str(p).strip()]
        return str(self.extra.get("label") or ", ".join(phrases[:3]))


@dataclass(frozen=True)
class FaqItem(Record):
    question: str
    count: int | None = None
    topic: str | None = None
    group: str | None = None
    extra: Json = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The group label the question was drafted from ("" when none)."""
        return str(self.extra.get("label") or "")

    @property
    def edited(self) -> bool:
        """The officer worded the question herself."""
        return bool(self.extra.get("edited"))

    def draft(self, lang: str) -> str:
        """The entry's question drafted in lang ("" when none)."""
        drafts = self.extra.get("drafts")
        return str(drafts.get(lang) or "").strip() if isinstance(drafts, dict) else ""


@dataclass(frozen=True)
class ContentResult(Record):
    """The content analysis of a quarter (docs/CONTENT_JSON.md)."""

    schema: str
    quarter: Quarter
    baseline: tuple[Quarter, ...] = ()
    totals: dict[str, int] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)
    suggestions: tuple[Suggestion, ...] = ()
    groups: tuple[Group, ...] = ()
    topic_groups: dict[str, Any] = field(default_factory=dict)
    rising: tuple[dict[str, Any], ...] = ()
    falling: tuple[dict[str, Any], ...] = ()
    faq: tuple[FaqItem, ...] = ()
    duplicates: dict[str, int] = field(default_factory=dict)
    extra: Json = field(default_factory=dict)
    nested: ClassVar[dict[str, Any]] = {
        "quarter": Quarter.parse, "baseline": lambda qs: tuple(Quarter.parse(q) for q in qs),
        "suggestions": _rows(Suggestion), "groups": _rows(Group), "rising": tuple, "falling": tuple,
        "faq": _rows(FaqItem),
    }

    @property
    def candidates(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.candidate)
