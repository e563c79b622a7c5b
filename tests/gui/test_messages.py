"""Every core code has a GUI sentence with the same named parameters."""

from __future__ import annotations

import string

from kcdesk.core.errors import KcError
from kcdesk.core.messages import ENGLISH
from kcdesk.gui import lang, messages


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_core_code_has_a_gui_message() -> None:
    missing = sorted(set(ENGLISH) - set(messages.TEMPLATES))
    assert not missing, f"add these codes to kcdesk/gui/messages.py: {missing}"


def test_parameters_match_the_core() -> None:
    for code, english in ENGLISH.items():
        if code in messages.TEMPLATES:
            assert _fields(messages.TEMPLATES[code]()) == _fields(english), code


def test_message_is_translated_and_filled(qapp) -> None:
    lang.install("ru", remember=False)
    text = messages.translate(KcError("file_missing", file="a.xlsx"))
    assert "a.xlsx" in text
    assert "no such file" not in text  # the Russian sentence, not the English one
    lang.install("kk", remember=False)
    kazakh = messages.translate(KcError("file_missing", file="a.xlsx"))
    assert "a.xlsx" in kazakh and kazakh != text


def test_unknown_code_still_gives_a_sentence(qapp) -> None:
    assert "no_such_code" in messages.text("no_such_code", file="x")
