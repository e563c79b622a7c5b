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
``contact_centre_phone``, ``signatory``, ``signatory_position_kk``, ``signatory_position_ru``.
"""

from __future__ import annotations

from typing import Any

SETTING_KEYS = (
    "body_name_kk", "body_name_ru",
    "contact_centre_name_kk", "contact_centre_name_ru", "contact_centre_phone",
    "signatory", "signatory_position_kk", "signatory_position_ru",
)

TEXT_PREFIXES = ("reason:", "para:", "workplan:")
TEXT_KEYS = ("conclusions", "proposals", "publish")


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
            return str(value).strip()
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
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""
