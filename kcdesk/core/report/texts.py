"""The officer's texts and settings the справка uses, by key (stored in the project; see the key list).

Per-quarter texts (``project.set_text(quarter, key, value)``, ``kcdesk texts``):

- ``reason:<topic>``   the officer's stated reasons for the change of a topic (canonical topic name);
                       quoted in the paragraph about that flagged / new / fallen topic.
- ``reason:total``     reasons for the change of the total.
- ``para:<key>``       replaces the drafted paragraph with that key entirely (keys are listed by
                       ``kcdesk texts PROJECT --quarter Q --keys``; e.g. ``para:intro``, ``para:flag:<topic>``).
- ``conclusions``      the conclusions (§15), replacing the drafted ones; one paragraph per line.
- ``proposals``        the proposals (§15), replacing the drafted ones; one paragraph per line.
- ``publish``          the list of questions to publish (§5.3, §18); one item per line.
- ``workplan:<topic>`` the measures of that topic's work plan, one per line as
                       ``what | channel | who | by when`` (replaces the drafted measures).

Texts may be stored language-neutral (``key``) or per language (``key@kk`` / ``key@ru``);
the language-specific one wins in that language's справка.

Project settings (``project.set_setting``, ``kcdesk texts PROJECT --setting KEY=VALUE``):
``body_name_kk``, ``body_name_ru``, ``contact_centre_name_kk``, ``contact_centre_name_ru``,
``contact_centre_phone``, ``signatory``, ``signatory_position_kk``, ``signatory_position_ru``,
``executor``, ``executor_phone`` (the "Исп./Орынд." line under the analytical part; the executor of the
work plans, who must not be the signatory). The comparison the +30 % rule uses (§11) is the project
setting ``comparison_basis``: "previous" (the previous quarter, the default) or "year_ago".
"""

from __future__ import annotations

import math
import re
from typing import Any

from kcdesk.core.errors import KcError

SETTING_KEYS = (
    "body_name_kk", "body_name_ru",
    "contact_centre_name_kk", "contact_centre_name_ru", "contact_centre_phone",
    "signatory", "signatory_position_kk", "signatory_position_ru",
    "executor", "executor_phone",
)

TEXT_PREFIXES = ("reason:", "para:", "workplan:")
TEXT_KEYS = ("conclusions", "proposals", "publish")


MAX_TEXT_CHARS = 20_000  # one text (a reason, a paragraph, the conclusions): some pages of the справка
MAX_SETTING_CHARS = 500  # a name, a position, a phone
# Bidirectional controls (they reorder what the signatory line shows: U+202E turns it around) and other
# invisible format controls; line breaks and tabs stay.
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PHONE = re.compile(r"^\+?[\d\s()\-]{3,20}$")


def strip_controls(value: str) -> str:
    return _CONTROL.sub("", _BIDI.sub("", value))


def clean_value(key: str, value: Any, limit: int = MAX_TEXT_CHARS) -> str | None:
    """An officer's text or setting as kcdesk stores it: text (a whole number is taken as its digits), at
    most `limit` characters, valid Unicode, without bidi or control characters; None removes it.
    Anything else is a KcError naming the key (numbers with a fraction, NaN, true/false, lists, objects)."""
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, float) and not math.isfinite(value):
        raise KcError("bad_text_value", field=key, reason=type(value).__name__)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise KcError("bad_text_value", field=key, reason=type(value).__name__)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise KcError("bad_text_value", field=key, reason="a lone surrogate") from None
    if len(value) > limit:
        raise KcError("text_too_long", field=key, count=limit)
    return strip_controls(value)


def clean_setting(key: str, value: Any) -> str | None:
    """A справка setting (SETTING_KEYS): short text; the contact centre's phone is a phone number."""
    cleaned = clean_value(key, value, MAX_SETTING_CHARS)
    if cleaned is not None and key in ("contact_centre_phone", "executor_phone") and cleaned.strip():
        digits = re.sub(r"\D", "", cleaned)
        if not _PHONE.match(cleaned.strip()) or len(digits) == 12:  # 12 digits: an IIN, not a phone
            raise KcError("bad_phone_setting", field=key)
    return cleaned


def is_text_key(key: str) -> bool:
    """True for a key the справка reads (with or without an @kk/@ru suffix)."""
    base = key.rsplit("@", 1)[0] if key.endswith(("@kk", "@ru")) else key
    return base in TEXT_KEYS or any(base.startswith(p) and len(base) > len(p) for p in TEXT_PREFIXES)


def text(texts: dict[str, str] | None, key: str, lang: str) -> str | None:
    """The officer's text for key in lang (``key@lang`` first, then ``key``); blank counts as none."""
    if not texts:
        return None
    for candidate in (f"{key}@{lang}", key):
        value = texts.get(candidate)
        if value is not None and str(value).strip():
            return strip_controls(str(value)).strip()
    return None


def lines(value: str | None) -> list[str]:
    """Non-empty lines of a multi-line text."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def setting(settings: dict[str, Any] | None, key: str, lang: str | None = None, fallback: bool = True) -> str:
    """A setting as text ('' when unset); with lang, ``key_<lang>`` first, then (fallback) the other language."""
    settings = settings or {}
    keys = [key] if lang is None else [f"{key}_{lang}"]
    if lang is not None and fallback:
        keys.append(f"{key}_{'ru' if lang == 'kk' else 'kk'}")
    for candidate in keys:
        value = settings.get(candidate)
        if isinstance(value, str) and value.strip():  # a hand-edited non-text value is not printed as a repr
            return strip_controls(value).strip()
    return ""
