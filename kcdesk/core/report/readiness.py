"""What a head of department would send back: the справка's readiness checklist, in either language.

Each item has a code, the place where it is filled in (``where``: a step of the app and a CLI command)
and the values it names. The doors word it: the CLI prints English warnings, the app translated
lines with a link to ``where``. Saving is never refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kcdesk.core.model import Analysis
from kcdesk.core.normalise.topics_dictionary import is_in, language_of
from kcdesk.core.report import labels
from kcdesk.core.report.appendix import contact_centre
from kcdesk.core.report.texts import setting, text

# Where each item is filled in: the app's step and the CLI command.
WHERE = {
    "reason_missing": ("stage1", "kcdesk texts PROJECT --quarter Q --set \"reason:<topic>@<lang>=...\""),
    "no_contact_centre": ("settings", "kcdesk texts PROJECT --setting contact_centre_name_<lang>=... "
                                      "--setting contact_centre_phone=..."),
    "no_signatory": ("settings", "kcdesk texts PROJECT --setting signatory=... "
                                 "--setting signatory_position_<lang>=..."),
    "no_executor": ("settings", "kcdesk texts PROJECT --setting executor=... --setting executor_phone=..."),
    "untranslated_topics": ("report", "kcdesk topics PROJECT --kk ID=NAME / --ru ID=NAME"),
    "unresolved_values": ("import", "kcdesk values PROJECT --set \"field:value=code\""),
    "no_reconciliation": ("stage1", "kcdesk texts PROJECT --quarter Q --reference qlik=N"),
    "text_other_language": ("report", "kcdesk texts PROJECT --quarter Q --set \"<key>@<lang>=...\""),
    "signatory_is_executor": ("settings", "kcdesk texts PROJECT --setting executor=..."),
}

ENGLISH = {
    "reason_missing": "no reasons typed for {values}",
    "no_contact_centre": "column 1 of the Appendix lacks the contact centre's name or phone",
    "no_signatory": "no signatory (name and position)",
    "no_executor": "no executor (name and phone for the 'Исп./Орынд.' line)",
    "untranslated_topics": "topics without a name in this language: {values}",
    "unresolved_values": "{count} values not recognised (counted as not stated): {values}",
    "no_reconciliation": "no Qlik / other-channel totals entered: the reconciliation (§11) is not done",
    "text_other_language": "officer's texts still in the other language: {values}",
    "signatory_is_executor": "the executor is the signatory; a work plan needs another executor",
}


@dataclass
class Item:
    code: str
    values: list[str] = field(default_factory=list)
    count: int = 0

    @property
    def where(self) -> tuple[str, str]:
        return WHERE[self.code]

    def english(self) -> str:
        return ENGLISH[self.code].format(values="; ".join(self.values), count=self.count)


def untranslated_topics(analysis: Analysis, lang: str) -> list[str]:
    """Topics whose name in lang is still in the other language (the dictionary did not know them and
    nobody typed one); as the справка would print them."""
    out = []
    for item in analysis.by_topic:
        if not item.shown:
            continue
        name = item.name(lang)
        # A name other than the export's own was given (typed, or found in the dictionary): trusted.
        # Otherwise the export's name must already be in this language.
        if name == item.topic and not is_in(name, lang):
            out.append(name)
    return out


def _other_language_texts(texts: dict[str, str], lang: str) -> list[str]:
    """The officer's texts the справка in `lang` cannot print as they are: written only in the other
    language (``key@other`` with nothing for lang), or typed in the other language under a key of
    this one or of both. Content-analysis decisions are left out (the справка names a group written
    in the other language by its topic)."""
    other = "ru" if lang == "kk" else "kk"
    keys: set[str] = set()
    for key, value in texts.items():
        if not str(value or "").strip() or key.startswith("content:"):
            continue
        base, sep, suffix = key.rpartition("@")
        if sep and suffix == other:
            if text(texts, base, lang) is None:
                keys.add(base)  # only in the other language so far
            continue
        found = language_of(str(value))
        if found is not None and found != lang:
            keys.add(base if sep and suffix == lang else key)
    return sorted(keys)


def checklist(analysis: Analysis, settings: dict[str, Any], texts: dict[str, str], lang: str,
              unresolved: dict[str, int] | None = None) -> list[Item]:
    """The items still open for this справка (empty when a head could sign it as it is)."""
    labels.check_lang(lang)
    items: list[Item] = []
    other = _other_language_texts(texts, lang)
    missing = [t.name(lang) for t in analysis.attention if not text(texts, f"reason:{t.topic}", lang)
               and f"reason:{t.topic}" not in other]  # typed in the other language: listed below
    if missing:
        items.append(Item("reason_missing", missing))
    centre = contact_centre(analysis, settings, lang)
    if not centre or not setting(settings, "contact_centre_phone") and "тел." not in centre:
        items.append(Item("no_contact_centre"))
    if not setting(settings, "signatory") or not setting(settings, "signatory_position", lang, fallback=False):
        items.append(Item("no_signatory"))
    executor = setting(settings, "executor")
    if not executor or not setting(settings, "executor_phone"):
        items.append(Item("no_executor"))
    elif executor == setting(settings, "signatory") and analysis.flagged:
        items.append(Item("signatory_is_executor"))
    untranslated = untranslated_topics(analysis, lang)
    if untranslated:
        items.append(Item("untranslated_topics", untranslated))
    if unresolved:
        items.append(Item("unresolved_values", [f"{k}: {v}" for k, v in unresolved.items()],
                          count=sum(unresolved.values())))
    if not analysis.reconciliation:
        items.append(Item("no_reconciliation"))
    if other:
        items.append(Item("text_other_language", other))
    return items
