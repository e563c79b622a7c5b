"""Step 2 — Stage 1: totals, regions, topics (flagged and new highlighted), drivers and reasons, reference totals, map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.model import Analysis, TopicRow
from kcdesk.gui import formatting, operations
from kcdesk.gui.session import Session
from kcdesk.gui.steps.base import Step
from kcdesk.gui.widgets.chart import ChartView
from kcdesk.gui.widgets.table import CAUTION, HIGHLIGHT, FrameView, format_number, format_pct

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

SAVE_DELAY_MS = 600
REASON_LANGS = ("kk", "ru")
BASES = ("previous", "year_ago")
REFERENCE_CHANNELS = ("qlik", "other")


def change_text(count: int | None, previous: int | None, pct: float | None) -> str:
    if previous is None:
        return "—"
    delta = int(count or 0) - int(previous)
    return f"{'+' if delta > 0 else ''}{format_number(delta)} ({format_pct(pct)})"


class Stage1Step(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        # §11's "аналогичный предыдущий период": the previous quarter (default) or a year ago — the
        # project setting `kcdesk analyze/report --basis` sets too; both changes are always shown.
        self.basis_label = QLabel()
        self.basis = QComboBox()
        for code in BASES:
            self.basis.addItem("", code)
        self.basis.activated.connect(self._basis_chosen)

        self.tabs = QTabWidget()
        self.topics = FrameView()
        self.regions = FrameView()
        self.channels = FrameView()
        self.map_holder = QWidget()
        self.map_layout = QVBoxLayout(self.map_holder)
        self.map = None
        self.chart = ChartView()

        topics_page = QSplitter(Qt.Orientation.Horizontal)
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.topics, 1)
        self.catalogue_button = QPushButton()
        self.catalogue_button.clicked.connect(lambda: self.open_catalogue())
        self.topics.doubleClicked.connect(lambda index: self.open_catalogue(self._topic_at(index.row())))
        catalogue_row = QHBoxLayout()
        catalogue_row.addWidget(self.catalogue_button)
        catalogue_row.addStretch(1)
        table_layout.addLayout(catalogue_row)
        topics_page.addWidget(table_side)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.flagged_label = QLabel()
        self.flagged = QListWidget()
        self.flagged.setMaximumHeight(150)
        self.flagged.setWordWrap(True)
        self.flagged.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.flagged.currentItemChanged.connect(self._flagged_chosen)
        self.drivers = QLabel()
        self.drivers.setWordWrap(True)
        self.drivers.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label = QLabel()
        # The reasons are kept per language (reason:<topic>@kk / @ru): each справка prints its own.
        self.reason_tabs = QTabWidget()
        self.reasons: dict[str, QPlainTextEdit] = {}
        for code in REASON_LANGS:
            edit = QPlainTextEdit()
            edit.textChanged.connect(lambda c=code: self._reason_typed(c))
            self.reasons[code] = edit
            self.reason_tabs.addTab(edit, "")
        self.reason = self.reasons[REASON_LANGS[0]]
        self._typed_langs: set[str] = set()
        for widget in (self.flagged_label, self.flagged, self.drivers, self.reason_label):
            side_layout.addWidget(widget)
        side_layout.addWidget(self.reason_tabs, 1)
        topics_page.addWidget(side)
        topics_page.setSizes([830, 300])

        channels_page = QWidget()
        channels_layout = QHBoxLayout(channels_page)
        channels_layout.addWidget(self.channels, 2)
        self.reference_box = QGroupBox()
        form = QFormLayout(self.reference_box)
        self.reference: dict[str, QSpinBox] = {}
        self.reference_labels: dict[str, QLabel] = {}
        for channel in REFERENCE_CHANNELS:
            spin = QSpinBox()
            spin.setRange(0, 100_000_000)
            spin.setSpecialValueText("—")  # 0 = not entered
            spin.setGroupSeparatorShown(True)
            spin.editingFinished.connect(lambda c=channel: self._reference_entered(c))
            label = QLabel()
            self.reference[channel], self.reference_labels[channel] = spin, label
            form.addRow(label, spin)
        self.reconciliation = QLabel()
        self.reconciliation.setWordWrap(True)
        form.addRow(self.reconciliation)
        channels_layout.addWidget(self.reference_box, 1)

        self.tabs.addTab(topics_page, "")
        self.tabs.addTab(self.regions, "")
        self.tabs.addTab(channels_page, "")
        self.tabs.addTab(self.chart, "")
        self.tabs.addTab(self.map_holder, "")
        self.tabs.currentChanged.connect(lambda _: self._ensure_map())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        basis_row = QHBoxLayout()
        basis_row.addWidget(self.basis_label)
        basis_row.addWidget(self.basis)
        basis_row.addStretch(1)
        layout.addLayout(basis_row)
        layout.addWidget(self.legend)
        layout.addWidget(self.tabs, 1)

        self._topic: str | None = None
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_reason)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Stage 1 — the situation")

    def _basis_code(self) -> str:
        analysis = self.session.analysis
        return "year_ago" if analysis is not None and analysis.comparison.basis == "year_ago" else "previous"

    def retranslate(self) -> None:
        if self._basis_code() == "year_ago":
            self.legend.setText(self.tr(
                "Red rows: topics up by more than 30 % against the same quarter a year ago, or new since then. "
                "\"few\": counts too small for the percentage to mean much (the rule still applies). Click a "
                "column header to sort; Ctrl+C copies."))
        else:
            self.legend.setText(self.tr(
                "Red rows: topics up by more than 30 % or new this quarter. \"few\": counts too small for the "
                "percentage to mean much (the rule still applies). Click a column header to sort; Ctrl+C copies."))
        self.basis_label.setText(self.tr("The +30 % rule (§11) compares with:"))
        self.basis.setItemText(0, self.tr("the previous quarter (the Methodology's default)"))
        self.basis.setItemText(1, self.tr("the same quarter a year ago"))
        for index, text in enumerate((self.tr("Topics"), self.tr("Regions"), self.tr("Channels and reference totals"),
                                      self.tr("Chart"), self.tr("Map"))):
            self.tabs.setTabText(index, text)
        self.flagged_label.setText(self.tr("Topics over +30 % and new topics:"))
        self.catalogue_button.setText(self.tr("Topic catalogue: rename, names in kk/ru, merge…"))
        self.catalogue_button.setToolTip(self.tr("A double click on a topic opens it in the catalogue."))
        if self.map is not None:
            self.map.retranslate()
        self.reason_label.setText(self.tr("Your reasons for the change, in each language of the справка "
                                          "(saved as you type):"))
        self._retitle_reasons()
        self.reference_box.setTitle(self.tr("Reference totals (S1.5)"))
        self.reference_labels["qlik"].setText(self.tr("Qlik module total:"))
        self.reference_labels["other"].setText(self.tr("Other channels total:"))

    # --- loading -------------------------------------------------------------------------
    def load(self, session: Session) -> None:
        analysis = session.analysis
        if analysis is None:
            self.heading.setText(self.tr("No data yet: import the exports on the Import step."))
            return
        self._loading = True
        try:
            self.basis.setCurrentIndex(BASES.index(self._basis_code()))
            self.retranslate()
            self._fill_heading(analysis)
            self._fill_topics(analysis)
            self._fill_regions(analysis)
            self._fill_channels(analysis)
            self._fill_chart(analysis)
            if self.map is not None:
                self._fill_map(analysis)
        finally:
            self._loading = False

    def _fill_heading(self, a: Analysis) -> None:
        total = a.total
        parts = [self.tr("Requests in %1: %2").replace("%1", formatting.quarter_text(self.session.quarter))
                 .replace("%2", format_number(total.count))]
        if total.previous is not None:
            parts.append(self.tr("previous quarter: %1, change %2").replace("%1", format_number(total.previous))
                         .replace("%2", change_text(total.count, total.previous, total.change_pct)))
        if total.year_ago is not None:
            parts.append(self.tr("a year ago: %1, change %2").replace("%1", format_number(total.year_ago))
                         .replace("%2", change_text(total.count, total.year_ago, total.change_year_pct)))
        self.heading.setText("; ".join(parts))

    def _basis_chosen(self, index: int) -> None:
        """Remembered in the project; the quarter is analysed again with the rule on the new basis."""
        project = self.session.project
        if project is None or self._loading or BASES[index] == self._basis_code():
            return
        operations.set_comparison_basis(project, BASES[index])
        self.session.refresh()

    def _topic_at(self, proxy_row: int) -> str | None:
        items = self.session.analysis.by_topic if self.session.analysis else ()
        row = self.topics.source_row(proxy_row)
        return items[row].topic if 0 <= row < len(items) else None

    def open_catalogue(self, topic: str | None = None, modal: bool = True):
        """Rename, translate or merge topics, with undo (the same catalogue as `kcdesk topics`)."""
        from kcdesk.gui.steps.topics import TopicCatalogue

        if self.session.project is None:
            return None
        dialog = TopicCatalogue(self.session, self)
        if topic:
            dialog.choose(topic)
        if modal:
            dialog.exec()
        return dialog

    def _fill_topics(self, a: Analysis) -> None:
        items = a.by_topic
        frame = pd.DataFrame({
            "topic": [formatting.topic(t) for t in items],
            "count": [t.count for t in items],
            "previous": [t.previous for t in items],
            "delta": [None if t.previous is None else t.count - t.previous for t in items],
            "change_pct": [t.change_pct for t in items],
            "year_ago": [t.year_ago for t in items],
            "change_year_pct": [t.change_year_pct for t in items],
            "mark": [self._short_mark(t) for t in items],
        })
        colours = [HIGHLIGHT if t.needs_attention else CAUTION if t.caution else None for t in items]
        self.topics.set_frame(frame, [self.tr("Topic"), self.tr("Requests"), self.tr("Previous quarter"),
                                      self.tr("Change"), self.tr("Change, %"), self.tr("A year ago"),
                                      self.tr("Change on a year ago, %"), self.tr("Note")],
                              formatters={"change_pct": format_pct, "change_year_pct": format_pct,
                                          "delta": self._signed},
                              row_colour=lambda row: colours[row])
        current = self._topic
        self.flagged.blockSignals(True)
        self.flagged.clear()
        for t in a.attention:
            item = QListWidgetItem(f"{formatting.topic(t)} ({self._mark(t)})")
            item.setData(Qt.ItemDataRole.UserRole, t.topic)
            self.flagged.addItem(item)
        self.flagged.blockSignals(False)
        rows = [self.flagged.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.flagged.count())]
        if rows:
            self.flagged.setCurrentRow(rows.index(current) if current in rows else 0)
        else:
            self._show_topic(None)

    @staticmethod
    def _signed(value: object) -> str:
        if value is None:
            return "—"
        return ("+" if int(value) > 0 else "") + format_number(int(value))

    def _short_mark(self, t: TopicRow) -> str:
        """The table's narrow note column; the legend above says what the marks mean."""
        marks = [self.tr("new") if t.new else "> 30 %" if t.flag_over_30 else ""]
        if t.caution:
            marks.append(self.tr("few"))
        return ", ".join(m for m in marks if m)

    def _mark(self, t: TopicRow) -> str:
        marks = []
        if t.new:
            marks.append(self.tr("new"))
        elif t.flag_over_30:
            marks.append(self.tr("over +30 %"))
        if t.caution:
            marks.append(self.tr("small counts"))
        return ", ".join(marks)

    def _fill_regions(self, a: Analysis) -> None:
        items = a.by_region
        frame = pd.DataFrame({
            "region": [formatting.region(r.region) for r in items],
            "count": [r.count for r in items],
            "previous": [r.previous for r in items],
            "change_pct": [r.change_pct for r in items],
            "year_ago": [r.year_ago for r in items],
        })
        self.regions.set_frame(frame, [self.tr("Region"), self.tr("Requests"), self.tr("Previous quarter"),
                                       self.tr("Change, %"), self.tr("A year ago")],
                               formatters={"change_pct": format_pct})

    def _fill_channels(self, a: Analysis) -> None:
        items = a.by_channel
        frame = pd.DataFrame({
            "channel": [formatting.value("channel", c.channel) for c in items],
            "count": [c.count for c in items],
            "previous": [c.previous for c in items],
            "change_pct": [c.change_pct for c in items],
        })
        self.channels.set_frame(frame, [self.tr("Channel"), self.tr("Requests"), self.tr("Previous quarter"),
                                        self.tr("Change, %")], formatters={"change_pct": format_pct})
        # On the UI thread on purpose: at most two rows (Qlik, other channels) of one quarter, by key.
        entered = dict(self.session.project.reference_totals(self.session.quarter).itertuples(index=False))
        for channel, spin in self.reference.items():
            spin.blockSignals(True)
            spin.setValue(int(entered.get(channel, 0)))
            spin.blockSignals(False)
        lines = []
        for row in a.reconciliation:
            label = {"qlik": self.tr("Qlik module"), "other": self.tr("Other channels")}.get(row.channel, row.channel)
            lines.append(self.tr("%1: %2 entered, %3 imported, difference %4").replace("%1", label)
                         .replace("%2", format_number(row.reference)).replace("%3", format_number(row.imported))
                         .replace("%4", self._signed(row.difference)))
        self.reconciliation.setText("\n".join(lines) or self.tr("Enter the totals to compare them with the import."))

    def _fill_chart(self, a: Analysis) -> None:
        from kcdesk.gui.charts_adapter import region_bars

        self.chart.set_chart(region_bars(a), self.tr("Requests by region"))

    def _ensure_map(self) -> None:
        """The map is built when its tab is first shown (drawing the 20 units takes a moment)."""
        if self.tabs.currentWidget() is not self.map_holder or self.map is not None or self.session.analysis is None:
            return
        from kcdesk.gui.steps.stage1_map import MapPanel

        self.map = MapPanel(self.session)
        self.map.regionChosen.connect(self.session.region_chosen)
        self.map_layout.addWidget(self.map)
        self._fill_map(self.session.analysis)

    def _fill_map(self, a: Analysis) -> None:
        self.map.fill(a)

    # --- flagged topics and reasons ---------------------------------------------------
    def _flagged_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if self._timer.isActive():  # the previous topic's reason is written before the field changes
            self._save_reason()
        self._show_topic(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _retitle_reasons(self) -> None:
        """Each language's tab says whether its reason is still to be written."""
        titles = {"kk": self.tr("In Kazakh"), "ru": self.tr("In Russian")}
        for index, code in enumerate(REASON_LANGS):
            empty = not self.reasons[code].toPlainText().strip() and self._topic is not None
            self.reason_tabs.setTabText(index, titles[code] + (" — " + self.tr("not written yet") if empty else ""))

    def _reason_texts(self, topic: str) -> dict[str, str]:
        # On the UI thread on purpose: three rows of the texts table by primary key (bounded, instant),
        # needed to fill the fields the officer is about to type in.
        """The topic's reason in each language; one typed before reasons had languages is shown under
        the language it is written in (under both when that cannot be told)."""
        from kcdesk.core.normalise.topics_dictionary import language_of

        project, quarter = self.session.project, self.session.quarter
        out = {code: project.get_text(quarter, f"reason:{topic}@{code}") or "" for code in REASON_LANGS}
        plain = project.get_text(quarter, f"reason:{topic}") or ""
        written = language_of(plain) if plain else None
        for code in REASON_LANGS:
            if plain and not out[code] and written in (None, code):
                out[code] = plain
        return out

    def _show_topic(self, topic: str | None) -> None:
        self._topic = topic
        self._loading = True
        try:
            texts = self._reason_texts(topic) if topic else {}
            for code, edit in self.reasons.items():
                edit.setEnabled(topic is not None)
                edit.setPlainText(texts.get(code, ""))
        finally:
            self._loading = False
        self._retitle_reasons()
        drivers = self.session.analysis.drivers.get(topic or "", {}) if self.session.analysis else {}
        lines = []
        if drivers.get("regions"):
            lines.append(self.tr("Regions that grew most:"))
            lines += [f"  {formatting.region(d['region'])}: {format_number(d.get('previous'))} → "
                      f"{format_number(d.get('count'))} ({self._signed(d.get('delta'))})" for d in drivers["regions"]]
        if drivers.get("channels"):
            lines.append(self.tr("Channels that grew most:"))
            lines += [f"  {formatting.value('channel', d.get('channel'))}: {format_number(d.get('previous'))} → "
                      f"{format_number(d.get('count'))} ({self._signed(d.get('delta'))})" for d in drivers["channels"]]
        self.drivers.setText("\n".join(lines) if topic else self.tr("No topic is over +30 % this quarter."))

    def _reason_typed(self, code: str) -> None:
        if not self._loading:
            self._typed_langs.add(code)
            self._timer.start()

    def _save_reason(self) -> None:
        self._timer.stop()
        typed, self._typed_langs = self._typed_langs, set()
        if self._topic is None or self.session.project is None or self._loading:
            return
        project, quarter = self.session.project, self.session.quarter
        for code in sorted(typed):
            operations.set_text(project, quarter, f"reason:{self._topic}@{code}", self.reasons[code].toPlainText())
        if typed and project.get_text(quarter, f"reason:{self._topic}") is not None:
            # A reason typed before reasons had languages now lives under its language's key.
            for code, text in self._reason_texts(self._topic).items():
                if text.strip() and project.get_text(quarter, f"reason:{self._topic}@{code}") is None:
                    operations.set_text(project, quarter, f"reason:{self._topic}@{code}", text)
            operations.set_text(project, quarter, f"reason:{self._topic}", None)
        self._retitle_reasons()

    def _reference_entered(self, channel: str) -> None:
        value = self.reference[channel].value()
        entered = dict(self.session.project.reference_totals(self.session.quarter).itertuples(index=False))
        if int(entered.get(channel, 0)) == value:  # focus left the field without a change
            return
        operations.set_reference_total(self.session.project, self.session.quarter, channel, value or None)
        self.session.refresh()

    def save(self, session: Session) -> None:
        if self._timer.isActive():
            self._save_reason()


if __name__ == "__main__":
    from kcdesk.gui.standalone import run_step

    raise SystemExit(run_step(Stage1Step))
