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


def test_the_gui_table_is_the_core_sentences() -> None:
    """Each sentence is written once (core/messages.py); gui/messages.py is generated from it by
    build_scripts/update_translations.py, so its source texts are the same strings."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(messages))
    sources = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Lambda):
                    call = value.body
                    if isinstance(call, ast.Call) and len(call.args) == 2 and isinstance(call.args[1], ast.Constant):
                        sources[key.value] = call.args[1].value
    assert sources == {code: text for code, text in ENGLISH.items() if code in sources}
    assert set(sources) == set(ENGLISH), "run build_scripts/update_translations.py"
