"""Qt's own dialog labels that qtbase_ru.qm leaves in English: our catalogues translate them (context QFileDialog)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Our translator is installed after Qt's, so it is asked first; lupdate collects these literals.
UNTRANSLATED_BY_QT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
)
