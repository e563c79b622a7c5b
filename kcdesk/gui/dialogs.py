"""File dialogs that remember the last folder per kind (projects, exports, справки) and never replace a file silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kcdesk.gui import lang


def last_folder(kind: str) -> Path:
    saved = lang.settings().value(f"folders/{kind}")
    folder = Path(str(saved)) if saved else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember_folder(kind: str, path: Path) -> None:
    lang.settings().setValue(f"folders/{kind}", str(path if path.is_dir() else path.parent))


def open_files(parent: QWidget, kind: str, title: str, filters: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(last_folder(kind)), filters)
    if names:
        remember_folder(kind, Path(names[0]))
    return [Path(n) for n in names]


def open_file(parent: QWidget, kind: str, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(kind)), filters)
    if not name:
        return None
    remember_folder(kind, Path(name))
    return Path(name)


def save_file(parent: QWidget, kind: str, title: str, file_name: str, filters: str, suffix: str,
              confirm: bool = True) -> Path | None:
    """The chosen file, with its suffix added; a file that already exists under the final name is only
    replaced after the usual question (the dialog only asked about the name as typed). confirm=False: the
    caller decides what an existing file means (a new project never replaces one)."""
    options = QFileDialog.Option(0) if confirm else QFileDialog.Option.DontConfirmOverwrite
    name, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder(kind) / file_name), filters, "", options)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        added = path.with_name(path.name + suffix)
        if confirm and added.exists() and not confirm_replace(parent, added):
            return None
        path = added
    remember_folder(kind, path)
    return path


def choose_folder(parent: QWidget, kind: str, title: str) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title, str(last_folder(kind)))
    if not folder:
        return None
    remember_folder(kind, Path(folder))
    return Path(folder)


def confirm_replace(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("dialogs", "Replace the file?"),
        QCoreApplication.translate("dialogs", "%1 already exists.\nDo you want to replace it?").replace("%1", path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm_replace_all(parent: QWidget, paths: list[Path]) -> bool:
    """Several files at once (the work plans): one question naming them."""
    existing = [p for p in paths if p.exists()]
    if not existing:
        return True
    names = "\n".join(p.name for p in existing[:10]) + ("\n…" if len(existing) > 10 else "")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("dialogs", "Replace the files?"),
        QCoreApplication.translate("dialogs", "These files already exist in the folder:\n%1\n\nReplace them?")
        .replace("%1", names),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
