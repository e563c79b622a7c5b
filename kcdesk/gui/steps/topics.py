"""The topic catalogue from stage 1: rename, Kazakh and Russian names, merge synonyms, undo (as `kcdesk topics`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.gui.session import Session
from kcdesk.gui.widgets.table import FrameView


class TopicCatalogue(QDialog):
    """Each change is written at once and can be undone (the last first) while the project stays open."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.resize(900, 600)
        self.frame = pd.DataFrame()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = FrameView()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.name, self.name_kk, self.name_ru = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_labels = (QLabel(), QLabel(), QLabel())
        form = QFormLayout()
        for label, edit in zip(self.name_labels, (self.name, self.name_kk, self.name_ru)):
            form.addRow(label, edit)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename)
        self.merge_label = QLabel()
        self.target = QComboBox()
        self.target.setMinimumWidth(320)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.merge)
        self.target.currentIndexChanged.connect(lambda _: self.merge_button.setEnabled(
            bool(set(self.chosen_ids()) - {self.target.currentData()})))
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        merge_row = QHBoxLayout()
        for widget in (self.merge_label, self.target, self.merge_button):
            merge_row.addWidget(widget)
        merge_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.rename_button)
        layout.addLayout(merge_row)
        layout.addWidget(buttons)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Topic catalogue"))
        self.note.setText(self.tr(
            "Topics as the exports spell them. Choose one to rename it or give its Kazakh and Russian names "
            "(the справка uses them); choose several spellings of one topic and merge them: later imports of "
            "those spellings land on the same topic. Every change can be undone."))
        for label, text in zip(self.name_labels, (self.tr("Name:"), self.tr("Name in Kazakh:"),
                                                  self.tr("Name in Russian:"))):
            label.setText(text)
        self.rename_button.setText(self.tr("Save the names"))
        self.merge_label.setText(self.tr("Merge the selected topics into:"))
        self.merge_button.setText(self.tr("Merge"))
        self.undo_button.setText(self.tr("Undo"))

    # --- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        project = self.session.project
        self.frame = project.catalogue.topics() if project is not None else pd.DataFrame(
            columns=["id", "name", "name_kk", "name_ru", "requests"])
        shown = self.frame[["name", "name_kk", "name_ru", "requests"]].fillna("")
        self.table.set_frame(shown, [self.tr("Topic"), self.tr("In Kazakh"), self.tr("In Russian"),
                                     self.tr("Requests")])
        self.target.clear()
        for topic_id, name in zip(self.frame["id"], self.frame["name"]):
            self.target.addItem(str(name), int(topic_id))
        self._chosen()

    def chosen_ids(self) -> list[int]:
        return [int(self.frame["id"].iloc[r]) for r in self.table.selected_source_rows()]

    def choose(self, name: str) -> bool:
        """Select the topic of this name (a double click on stage 1's table)."""
        matches = [i for i, n in enumerate(self.frame["name"]) if str(n) == name]
        if not matches:
            return False
        self.table.selectRow(self.table.proxy.mapFromSource(self.table.model_.index(matches[0], 0)).row())
        return True

    def _chosen(self) -> None:
        ids = self.chosen_ids()
        one = len(ids) == 1
        if one:
            row = self.frame[self.frame["id"] == ids[0]].iloc[0]
            for edit, key in ((self.name, "name"), (self.name_kk, "name_kk"), (self.name_ru, "name_ru")):
                edit.setText("" if pd.isna(row[key]) else str(row[key]))
            index = self.target.findData(ids[0])
            if index >= 0:
                self.target.setCurrentIndex(index)
        for edit in (self.name, self.name_kk, self.name_ru):
            edit.setEnabled(one)
        self.rename_button.setEnabled(one)
        self.merge_button.setEnabled(len(ids) >= 2 or (len(ids) == 1 and self.target.currentData() != ids[0]))
        self.undo_button.setEnabled(bool(self.session.topic_undo))

    # --- changes ---------------------------------------------------------------------------
    def rename(self) -> bool:
        ids = self.chosen_ids()
        project = self.session.project
        if len(ids) != 1 or project is None or not self.name.text().strip():
            return False
        before = project.catalogue.topic_names(ids[0])
        project.catalogue.rename_topic(ids[0], self.name.text(), self.name_kk.text(), self.name_ru.text())
        name = self.name.text().strip()
        self._changed(("rename", ids[0], before), lambda: QCoreApplication.translate("TopicCatalogue", "Renamed: %1.").replace("%1", name))
        return True

    def merge(self) -> bool:
        project = self.session.project
        target = self.target.currentData()
        sources = [i for i in self.chosen_ids() if i != target]
        if project is None or target is None or not sources:
            return False
        snapshot = project.catalogue.merge_undo(sources)
        moved = project.catalogue.merge_topics(sources, int(target))
        into = self.target.currentText()
        self._changed(("merge", snapshot), lambda: QCoreApplication.translate("TopicCatalogue", "Merged into %1: %2 requests.")
                      .replace("%1", into).replace("%2", str(moved)))
        return True

    def undo(self) -> bool:
        project = self.session.project
        if project is None or not self.session.topic_undo:
            return False
        action: tuple[Any, ...] = self.session.topic_undo.pop()
        if action[0] == "rename":
            _, topic_id, (name, name_kk, name_ru) = action
            project.catalogue.rename_topic(topic_id, name, name_kk or "", name_ru or "")
        else:
            project.catalogue.undo_merge(action[1])
        self._changed(None, lambda: QCoreApplication.translate("TopicCatalogue", "Undone."))
        return True

    def _changed(self, action: tuple[Any, ...] | None, text: Callable[[], str]) -> None:
        """text: () -> the sentence in the language shown (the message bar follows a switch); the
        dialog's own sentences by QCoreApplication.translate, so they can be worded after it closed."""
        if action is not None:
            self.session.topic_undo.append(action)
        self.session.message.emit(text, "info")
        self.reload()
        self.session.refresh()  # the stages count again with the catalogue as it is now
