"""Stage 1's map: colour by count, change or rate per 10,000, for all topics or one; a click picks a region."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.model import Analysis
from kcdesk.core.usecases.analysis import POPULATION_SETTING
from kcdesk.core.usecases.analysis import population as map_population
from kcdesk.gui import formatting, lang, operations
from kcdesk.gui.session import Session
from kcdesk.gui.widgets.table import format_number

ALL_TOPICS = ""


class MapPanel(QWidget):
    """Controls over the MapWidget; counts for one topic come from a runner job, not from the UI thread."""

    regionChosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.by_label, self.topic_label = QLabel(), QLabel()
        self.by = QComboBox()
        self.topic = QComboBox()
        self.topic.setMinimumWidth(320)
        self.population_button = QPushButton()
        self.population_button.clicked.connect(self.edit_population)
        for combo in (self.by, self.topic):
            combo.activated.connect(lambda _: self.refresh())
        controls = QHBoxLayout()
        for widget in (self.by_label, self.by, self.topic_label, self.topic):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.population_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        from kcdesk.charts.map import MapWidget

        self.map = MapWidget(lang=lang.current())
        self.map.regionClicked.connect(self.regionChosen)
        layout.addWidget(self.map, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.by_label.setText(self.tr("Colour by:"))
        self.topic_label.setText(self.tr("Topic:"))
        self.population_button.setText(self.tr("Population…"))
        chosen = self.by.currentData() or "count"
        self.by.clear()
        for text, key in ((self.tr("Requests"), "count"), (self.tr("Change against the previous quarter"), "change"),
                          (self.tr("Requests per 10,000 residents"), "rate")):
            self.by.addItem(text, key)
        self.by.setCurrentIndex(max(self.by.findData(chosen), 0))

    def fill(self, analysis: Analysis) -> None:
        """New analysis: the topic list, then the map."""
        chosen = self.topic.currentData()
        self.topic.clear()
        self.topic.addItem(self.tr("All topics"), ALL_TOPICS)
        ui = lang.current()
        for row in analysis.by_topic:
            self.topic.addItem(row.name(ui), row.topic)
        self.topic.setCurrentIndex(max(self.topic.findData(chosen), 0) if chosen is not None else 0)
        self.refresh()

    def refresh(self) -> None:
        analysis, project = self.session.analysis, self.session.project
        if analysis is None or project is None:
            return
        topic = self.topic.currentData() or ALL_TOPICS
        if topic == ALL_TOPICS:  # the analysis already has every region's figures
            self._show(analysis.by_region)
            return
        job = operations.region_counts_job(project.path, self.session.quarter, topic, self._show)
        self.session.start(job)

    def _show(self, table: Any) -> None:
        from kcdesk.charts.map_bins import map_data

        by = self.by.currentData() or "count"
        population = None
        if by == "rate":
            population = map_population(self.session.project) if self.session.project else None
            if not population:
                self.session.message.emit(lambda: self.tr(
                    "Enter the population of the regions first (the Population… button); kcdesk ships no "
                    "population figures."), "warning")
                by = "count"
                self.by.setCurrentIndex(self.by.findData("count"))
        ui = lang.current()
        values, unknown, details = map_data(table, by, ui, population)
        title = {"count": self.tr("Requests by region"), "change": self.tr("Change against the previous quarter, %"),
                 "rate": self.tr("Requests per 10,000 residents")}[by]
        if self.topic.currentData():
            title += " — " + self.topic.currentText()
        self.map.set_data(values, by, title,
                          self.tr("Region not stated: %1").replace("%1", format_number(unknown)),
                          details=details, lang=ui)

    def edit_population(self) -> None:
        if self.session.project is None:
            return
        dialog = PopulationDialog(self.session.project.get_setting(POPULATION_SETTING) or {}, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            operations.set_setting(self.session.project, POPULATION_SETTING, dialog.population())
            self.refresh()


class PopulationDialog(QDialog):
    """The population of each unit, typed or pasted from Excel (a column of numbers, or name and number)."""

    def __init__(self, population: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kcdesk.core.normalise.reference import regions

        self.setWindowTitle(self.tr("Population of the regions"))
        self.codes = list(regions()["code"])
        self.table = QTableWidget(len(self.codes), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Region"), self.tr("Residents")])
        for row, code in enumerate(self.codes):
            name = QTableWidgetItem(formatting.region(code))
            name.setFlags(name.flags() & ~name.flags().ItemIsEditable)
            self.table.setItem(row, 0, name)
            value = population.get(code)
            self.table.setItem(row, 1, QTableWidgetItem("" if value is None else str(value)))
        self.table.resizeColumnsToContents()
        paste = QPushButton(self.tr("Paste from Excel"))
        paste.clicked.connect(lambda: self.paste(QApplication.clipboard().text()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("kcdesk ships no population figures: type them or paste two columns (region, "
                              "residents) or one column in this order from Excel."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(paste)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(520, 640)

    def paste(self, text: str) -> None:
        from kcdesk.core.normalise.population import parse_population

        for code, value in parse_population(text, self.codes).items():
            self.table.item(self.codes.index(code), 1).setText(str(value))

    def population(self) -> dict[str, int]:
        result = {}
        for row, code in enumerate(self.codes):
            digits = "".join(ch for ch in self.table.item(row, 1).text() if ch.isdigit())
            if digits and int(digits) > 0:
                result[code] = int(digits)
        return result
