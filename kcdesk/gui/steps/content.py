"""Content analysis step: topic suggestions to accept or undo, question groups, phrases, the FAQ, duplicates, search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter
from kcdesk.gui import content_ops, formatting, lang
from kcdesk.gui.content_ops import ContentState
from kcdesk.gui.session import Session
from kcdesk.gui.steps.base import Step
from kcdesk.gui.steps.content_faq import FaqPage, export_group
from kcdesk.gui.steps.content_members import GroupRequestsDialog
from kcdesk.gui.steps.content_search import SearchPage, TextTable, labelled, row
from kcdesk.gui.widgets.table import CAUTION, HIGHLIGHT, FrameView, format_number, format_pct

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

MIN_DEFAULT = 0.5  # the lowest confidence the spin box starts at


def _confidence(value: object) -> str:
    return "—" if value is None else f"{round(float(value) * 100)} %"


class ContentStep(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.state: ContentState | None = None
        self._suggestion_rows: list[int] = []
        self._group_ids: list[str] = []
        self._threshold_for: tuple[str, Quarter] | None = None
        self._shown_for: tuple[str, Quarter] | None = None  # (project file, quarter) of self.state
        self._names_for: dict[str, Any] | None = None
        self._names_lang = ""
        self._names: dict[str, str] = {}

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_analysis)
        self.tabs = QTabWidget()

        # (1) topic suggestions and the accepted batches
        self.suggestions = TextTable({1: 5, 2: 2})
        self.model_info = QLabel()
        self.model_info.setWordWrap(True)
        self.confidence_label = QLabel()
        self.confidence = QDoubleSpinBox()
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.05)
        self.confidence.setDecimals(2)
        self.confidence.setValue(0.9)
        self.confidence.valueChanged.connect(lambda _: self._update_accept_above())
        self.accept_above = QPushButton()
        self.accept_above.clicked.connect(self.accept_all_above)
        self.accept_selected = QPushButton()
        self.accept_selected.clicked.connect(self.accept_chosen)
        self.suggestions.selectionModel().selectionChanged.connect(lambda *_: self._suggestion_chosen())
        self.batches_label = QLabel()
        self.batches_label.setWordWrap(True)
        self.batches = QListWidget()
        self.batches.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_batch)
        right = labelled(self.batches_label, self.batches)
        right.layout().addWidget(self.undo_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.suggestions)
        split.addWidget(right)
        split.setSizes([900, 260])
        page = QWidget()  # the wrapped text sits outside the splitter, which would not give it its height
        layout = QVBoxLayout(page)
        layout.addWidget(self.model_info)
        self.shown_note = QLabel()
        self.shown_note.setWordWrap(True)
        self.shown_note.hide()
        layout.addWidget(self.shown_note)
        layout.addLayout(row(self.confidence_label, self.confidence, self.accept_above, self.accept_selected))
        layout.addWidget(split, 1)
        self.tabs.addTab(page, "")

        # (2) question groups; a candidate is named or dismissed by the officer, never silently
        self.groups = TextTable({0: 3, 1: 5, 5: 2, 7: 2})
        self.groups.selectionModel().selectionChanged.connect(lambda *_: self._group_chosen())
        self.groups_legend = QLabel()
        self.groups_legend.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_button = QPushButton()
        self.name_button.clicked.connect(self.name_group)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss_group)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_decision)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.groups_legend)
        layout.addWidget(self.groups, 1)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_group())
        self.open_button = QPushButton()  # the group's requests in a window (a double click does the same)
        self.open_button.clicked.connect(lambda: self.open_group())
        self.groups.doubleClicked.connect(lambda *_: self.open_group())
        self.members_dialog: GroupRequestsDialog | None = None
        self._membership: tuple[tuple[str, Quarter, int], Any] | None = None  # (project, quarter, result) → table
        decision = row(self.name_edit, self.name_button, self.dismiss_button, self.clear_button, self.open_button,
                       self.export_button, stretch_after=False)
        decision.setStretch(0, 1)
        layout.addLayout(decision)
        self.tabs.addTab(page, "")

        # (3) rising and falling phrases
        self.rising, self.falling = FrameView(), FrameView()
        for view in (self.rising, self.falling):  # a double click looks the phrase up in every quarter
            view.doubleClicked.connect(lambda index, v=view: self.search_phrase(v, index.row()))
        self.rising_label, self.falling_label = QLabel(), QLabel()
        self.phrases_note = QLabel()
        self.phrases_note.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(labelled(self.rising_label, self.rising))
        split.addWidget(labelled(self.falling_label, self.falling))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.phrases_note)
        layout.addWidget(split, 1)
        self.tabs.addTab(page, "")

        # (4) the list to publish, (5) duplicates
        self.faq_page = FaqPage(session, self._topic_name)
        self.tabs.addTab(self.faq_page, "")
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.duplicates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.duplicates.setContentsMargins(10, 8, 10, 8)
        self.tabs.addTab(self.duplicates, "")

        # (6) search over every question of the project
        self.search_page = SearchPage(session, self._topic_name)
        self.tabs.addTab(self.search_page, "")

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addWidget(self.tabs, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Content analysis")

    def done(self) -> bool:
        return self.state is not None and self.state.result is not None and self.state.quarter == self.session.quarter

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("Run the content analysis"))
        for index, text in enumerate((self.tr("Topic suggestions"), self.tr("Question groups"),
                                      self.tr("Rising and falling"), self.tr("To publish"), self.tr("Repeated requests"),
                                      self.tr("Search"))):
            self.tabs.setTabText(index, text)
        self.confidence_label.setText(self.tr("Confidence at least:"))
        self.accept_above.setText(self.tr("Accept all above"))
        self.accept_selected.setText(self.tr("Accept selected"))
        self.batches_label.setText(self.tr("Accepted batches (each can be undone):"))
        self.undo_button.setText(self.tr("Undo the batch"))
        self.groups_legend.setText(self.tr(
            "Red rows: candidate new questions (new this quarter or grown sharply). Name each one or dismiss "
            "it; the name goes into the справка."))
        self.name_edit.setPlaceholderText(self.tr("Name of the question group"))
        self.name_edit.setToolTip(self.tr(
            "A name typed in Kazakh is kept for the Kazakh справка, one typed in Russian for the Russian "
            "справка: name the group in both languages, one after the other. A group named in one language "
            "only is called by its topic in the other."))
        self.name_button.setText(self.tr("Name"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.clear_button.setText(self.tr("Clear the decision"))
        self.rising_label.setText(self.tr("Phrases that rose against the previous quarters:"))
        self.falling_label.setText(self.tr("Phrases that fell:"))
        for view in (self.rising, self.falling):
            view.setToolTip(self.tr("Double-click a phrase to find its requests in every quarter."))
        self.export_button.setText(self.tr("Save the group's requests…"))
        self.open_button.setText(self.tr("Open the group's requests"))
        self.faq_page.retranslate()
        self.search_page.retranslate()

    # --- loading -------------------------------------------------------------------------
    def load(self, session: Session) -> None:
        if session.project is None or session.quarter is None:
            self.state = None
            self.heading.setText(self.tr("No data yet: import the exports on the Import step."))
            self._set_enabled(False)
            return
        # The result in hand is reused (a big quarter's JSON is slow to parse on every visit); it also covers
        # a project file too old to keep it. Only the open suggestions and the batches are read again.
        key = (str(session.project.path), session.quarter)
        kept = self.state.result if self.state is not None and self._shown_for == key else None
        self.show_state(content_ops.state(session.project, session.quarter, kept))
        if "question" not in session.project.mapped_fields():  # nothing to analyse: say so, offer nothing
            self.heading.setText(self.tr(
                "The imported exports have no question text column, so there is nothing to analyse. On the "
                "Import step choose the field \"Question text\" for the column with the request's text and import "
                "the file again."))
            self._set_enabled(False)
            self.confidence.setEnabled(False)

    def show_state(self, state: ContentState) -> None:
        self.state = state
        project = self.session.project
        self._shown_for = (str(project.path), state.quarter) if project is not None else None
        result = state.result
        self._set_enabled(result is not None)
        self.confidence.setEnabled(result is not None)
        self.run_button.setEnabled(True)
        quarter = formatting.quarter_text(state.quarter)
        self.model_info.setVisible(result is not None)
        if result is None:
            self.heading.setText(self.tr("The content analysis of %1 has not been run yet: press the button.")
                                 .replace("%1", quarter))
            result = {}
        else:
            self._fill_heading(result, quarter)
        self._fill_suggestions(result)
        self._suggestion_chosen()
        self._fill_batches()
        self._fill_groups(result)
        self._fill_phrases(result)
        self._fill_faq(result)
        self._fill_duplicates(result)

    def _suggestion_chosen(self) -> None:
        has_result = self.state is not None and self.state.result is not None
        self.accept_selected.setEnabled(has_result and bool(self.suggestions.selected_source_rows()))
        self._update_accept_above()

    def above_threshold(self) -> int:
        """Open suggestions at or above the chosen confidence: what "Accept all above" would take."""
        if self.state is None or self.state.result is None:
            return 0
        minimum = self.confidence.value()
        return sum(1 for s in self.state.result.get("suggestions") or []
                   if s.get("row_id") is not None and int(s["row_id"]) in self.state.open_rows
                   and float(s.get("confidence") or 0) >= minimum)

    def _update_accept_above(self) -> None:
        count = self.above_threshold()
        self.accept_above.setEnabled(count > 0)
        self.accept_above.setToolTip(self.tr("No open suggestion is at or above this confidence.") if not count
                                     else self.tr("%1 requests would get the suggested topic.")
                                     .replace("%1", format_number(count)))

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.accept_above, self.accept_selected, self.undo_button, self.name_button,
                       self.dismiss_button, self.clear_button, self.run_button):
            widget.setEnabled(on)

    def _topic_name(self, topic: str | None) -> str:
        """Topics in the UI language when the analysis knows their names (a lookup built once per
        analysis and language: tables call this for thousands of rows)."""
        if not topic:
            return "—"
        analysis = self.session.analysis
        if self._names_for is not analysis or self._names_lang != lang.current():  # held, so never a reused id
            self._names_for, self._names_lang = analysis, lang.current()
            self._names = {item.topic: formatting.topic(item) for item in (analysis.by_topic if analysis else ())}
        return self._names.get(topic) or topic

    def _fill_heading(self, result: dict[str, Any], quarter: str) -> None:
        totals = result.get("totals") or {}
        parts = [self.tr("%1: %2 requests with a text, %3 distinct texts").replace("%1", quarter)
                 .replace("%2", format_number(totals.get("with_text"))).replace("%3", format_number(totals.get("distinct_texts")))]
        baseline = [formatting.quarter_text(Quarter.parse(q)) for q in result.get("baseline") or []]
        if baseline:
            parts.append(self.tr("compared with %1").replace("%1", ", ".join(baseline)))
        self.heading.setText("; ".join(parts))
        model = result.get("model") or {}
        accuracy = model.get("holdout_accuracy")
        if accuracy is None:  # under 100 labelled texts the core measures nothing: every suggestion is uncertain
            text = self.tr(
                "Requests without a topic or under a catch-all topic: %1. Too few texts with a topic (%2) to "
                "measure how often a suggestion is right, so every suggestion is marked uncertain. Nothing "
                "changes until you accept.")
        else:
            text = self.tr(
                "Requests without a topic or under a catch-all topic: %1. Suggestions learned from %2 labelled "
                "texts (%3 topics), right %4 of the time on texts held out; below %5 a suggestion is marked "
                "uncertain. Nothing changes until you accept.")
        share = model.get("uncertain_share")
        if share is not None:
            text += " " + self.tr("Marked uncertain: %1 of the suggestions.").replace("%1", f"{100 * share:.0f} %")
        self.model_info.setText(
            text.replace("%1", format_number(totals.get("to_suggest"))).replace("%2", format_number(model.get("trained_on")))
            .replace("%3", format_number(model.get("classes"))).replace("%4", _confidence(accuracy))
            .replace("%5", _confidence(model.get("threshold"))))
        days = result.get("days") or {}
        if days.get("scaled"):
            self.heading.setText(self.heading.text() + "; " + self.tr(
                "the quarter covers %1 days and its comparison %2: earlier counts are scaled by days")
                .replace("%1", format_number(days.get("quarter"))).replace("%2", format_number(days.get("baseline"))))
        if self._threshold_for != self._shown_for:  # the officer's own choice is kept while she works
            self._threshold_for = self._shown_for
            threshold = model.get("threshold")
            # The tuned threshold, but never a default that would accept every suggestion at one click.
            self.confidence.setValue(max(float(threshold), MIN_DEFAULT) if threshold is not None else 0.9)

    def _fill_suggestions(self, result: dict[str, Any]) -> None:
        state = self.state
        items = [s for s in result.get("suggestions") or []
                 if s.get("row_id") is not None and int(s["row_id"]) in state.questions]
        items.sort(key=lambda s: -float(s["confidence"]))
        self._suggestion_rows = [int(s["row_id"]) for s in items]
        frame = pd.DataFrame({
            "id": [str(s.get("id") or s["row_id"]) for s in items],
            "text": [content_ops.excerpt(state.questions[int(s["row_id"])]) for s in items],
            "topic": [self._topic_name(s.get("topic")) for s in items],
            "confidence": [float(s["confidence"]) for s in items],
            "mark": [self.tr("uncertain") if s.get("uncertain") else "" for s in items],
        })
        uncertain = [bool(s.get("uncertain")) for s in items]
        hidden = len(state.open_rows) - len(items)
        self.shown_note.setVisible(hidden > 0)
        self.shown_note.setText(self.tr("The table lists the %1 most confident of %2 open suggestions; "
                                        "\"Accept all above\" takes all of them.")
                                .replace("%1", format_number(len(items)))
                                .replace("%2", format_number(len(state.open_rows))) if hidden > 0 else "")
        self.suggestions.set_frame(frame, [self.tr("Request"), self.tr("Question"), self.tr("Suggested topic"),
                                           self.tr("Confidence"), self.tr("Note")],
                                   formatters={"confidence": _confidence},
                                   row_colour=lambda row: CAUTION if uncertain[row] else None)

    def _fill_batches(self) -> None:
        self.batches.clear()
        for provenance, requests in self.state.batches.itertuples(index=False):
            parts = str(provenance).split(":")
            when = parts[2] if len(parts) > 2 else ""
            if len(when) >= 15:  # 20261123T125000Z → 2026-11-23 12:50 UTC
                when = f"{when[0:4]}-{when[4:6]}-{when[6:8]} {when[9:11]}:{when[11:13]} UTC"
            try:
                quarter = formatting.quarter_text(Quarter.parse(parts[1]))
            except (IndexError, ValueError, KcError):
                quarter = parts[1] if len(parts) > 1 else ""
            label = self.tr("%1, %2: %3 requests").replace("%1", quarter)
            item = QListWidgetItem(label.replace("%2", when).replace("%3", format_number(int(requests))))
            item.setData(Qt.ItemDataRole.UserRole, str(provenance))
            self.batches.addItem(item)
        self.undo_button.setEnabled(self.batches.count() > 0)
        if self.batches.count():
            self.batches.setCurrentRow(self.batches.count() - 1)

    def _fill_groups(self, result: dict[str, Any]) -> None:
        names, dismissed = content_ops.candidate_marks(self.session.project, self.state.quarter)
        items = result.get("groups") or []
        self._group_ids = [str(g.get("id")) for g in items]

        def decision(g: dict[str, Any]) -> str:
            gid = str(g.get("id"))
            if gid in names:
                return names[gid]
            if gid in dismissed:
                return self.tr("dismissed")
            return self.tr("to decide") if g.get("candidate") else ""

        frame = pd.DataFrame({
            "phrases": [(str(g.get("label")) + ": " if g.get("label") else "") + ", ".join(g.get("key_phrases") or [])
                        for g in items],
            "example": [content_ops.excerpt(g.get("example")) for g in items],
            "count": [g.get("count") for g in items],
            "previous": [g.get("previous") for g in items],
            "change_pct": [g.get("change_pct") for g in items],
            "topic": [self._topic_name(g.get("topic")) for g in items],
            "mark": [self.tr("new") if g.get("new") else self.tr("grew") if g.get("grew") else "" for g in items],
            "decision": [decision(g) for g in items],
        })
        open_candidates = [bool(g.get("candidate")) and str(g.get("id")) not in names
                           and str(g.get("id")) not in dismissed for g in items]
        self.groups.set_frame(frame, [self.tr("Key phrases"), self.tr("Example"), self.tr("Requests"),
                                      self.tr("Previous quarter"), self.tr("Change, %"), self.tr("Topic"),
                                      self.tr("Candidate"), self.tr("Your decision")],
                              formatters={"change_pct": format_pct},
                              row_colour=lambda row: HIGHLIGHT if open_candidates[row] else None)
        self._group_chosen()

    def _fill_phrases(self, result: dict[str, Any]) -> None:
        headers = [self.tr("Phrase"), self.tr("Requests"), self.tr("Previous"), self.tr("Change, %")]
        for view, key in ((self.rising, "rising"), (self.falling, "falling")):
            items = result.get(key) or []
            view.set_frame(pd.DataFrame({"phrase": [p.get("phrase") for p in items],
                                         "count": [p.get("count") for p in items],
                                         "previous": [p.get("previous") for p in items],
                                         "change_pct": [p.get("change_pct") for p in items]}),
                           headers, formatters={"change_pct": format_pct})
        empty = self.state is not None and self.state.result is not None \
            and not (result.get("rising") or result.get("falling"))
        self.phrases_note.setText(self.tr("No phrase rose or fell clearly enough against the earlier quarters "
                                          "to stand out from chance.") if empty else "")
        self.phrases_note.setVisible(empty)

    def _fill_faq(self, result: dict[str, Any]) -> None:
        self.faq_page.show_result(self.state.quarter, self.state.result)

    def export_group(self, path: Path | None = None) -> bool:
        """The chosen group's requests to .xlsx, so that the officer can check what the group holds."""
        rows = self.groups.selected_source_rows()
        if not rows or self.state is None or self.state.result is None:
            return False
        group = (self.state.result.get("groups") or [])[rows[0]]
        return export_group(self, self.session, self.state.quarter, str(group.get("id")), str(group.get("label") or ""),
                            path)

    def _membership_key(self) -> tuple[str, Quarter, int] | None:
        project = self.session.project
        if project is None or self.state is None or self.state.result is None:
            return None
        return (str(project.path), self.state.quarter, id(self.state.result))

    def open_group(self, done: Any = None) -> bool:
        """The chosen group's requests of the quarter in a window (id, date, region, masked text), read in
        the background; the quarter's group membership is worked out once per analysis shown."""
        rows = self.groups.selected_source_rows()
        key = self._membership_key()
        if not rows or key is None or self.session.project is None:
            return False
        group = (self.state.result.get("groups") or [])[rows[0]]
        gid, label, quarter = str(group.get("id")), str(group.get("label") or ""), self.state.quarter
        known = self._membership[1] if self._membership is not None and self._membership[0] == key else None

        def arrived(answer: tuple[Any, pd.DataFrame]) -> None:
            membership, table = answer
            self._membership = (key, membership)
            if self.members_dialog is not None:
                self.members_dialog.close()
            self.members_dialog = GroupRequestsDialog(self.session, quarter, gid, label, table, self)
            self.members_dialog.show()
            if done is not None:
                done(self.members_dialog)

        return self.session.start(content_ops.group_requests_job(self.session.project.path, quarter, gid, known,
                                                                 arrived))

    def _fill_duplicates(self, result: dict[str, Any]) -> None:
        d = result.get("duplicates")
        if not d:
            self.duplicates.setText("")
            return
        lines = [
            self.tr("Repeated requests (the same wording by the same applicant or about the same place): %1 repeats "
                    "in %2 groups (%3 requests of %4).")
            .replace("%1", format_number(d.get("repeated_requests"))).replace("%2", format_number(d.get("repeated_groups")))
            .replace("%3", format_number(d.get("requests_in_groups")))
            .replace("%4", format_number((result.get("totals") or {}).get("with_text"))),
            self.tr("Held together by the same applicant: %1 requests. Requests that came with an IIN or a phone "
                    "(kept only as an opaque key): %2.")
            .replace("%1", format_number(d.get("by_applicant") or 0))
            .replace("%2", format_number(d.get("with_applicant") or 0)),
            self.tr("Requests whose wording is shared but names no place and no applicant (not counted as repeats): %1.")
            .replace("%1", format_number(d.get("same_wording_no_place"))),
            "",
            self.tr("Many copies of one text are often a campaign: check them before calling a rise a trend."),
        ]
        self.duplicates.setText("\n".join(lines))

    # --- running -------------------------------------------------------------------------
    def run_analysis(self) -> bool:
        session = self.session
        if session.project is None or session.quarter is None:
            return False
        return session.start(content_ops.run_job(session.project.path, session.quarter, self._state_arrived))

    def _state_arrived(self, state: ContentState) -> None:
        if self.session.project is not None and state.quarter == self.session.quarter:
            self.show_state(state)

    def _accepted(self, state: ContentState) -> None:
        self._state_arrived(state)
        count = state.accepted or 0
        self.session.message.emit(lambda: self.tr(
            "Accepted topic suggestions: %1 requests. Stages 1-3 are counted again.")
            .replace("%1", format_number(count)), "info")
        self.session.refresh()  # the counts of stages 1-3 change with the accepted topics

    def _undone(self, state: ContentState) -> None:
        self._state_arrived(state)
        count = state.accepted or 0
        self.session.message.emit(lambda: self.tr("Undone: %1 requests have their earlier topic back.")
                                  .replace("%1", format_number(count)), "info")
        self.session.refresh()

    def accept_all_above(self) -> bool:
        if self.state is None or self.state.result is None:
            return False
        return self.session.start(content_ops.accept_job(self.session.project.path, self.state.quarter,
                                                         self.state.result, self.confidence.value(),
                                                         done=self._accepted))

    def accept_chosen(self) -> bool:
        rows = [self._suggestion_rows[r] for r in self.suggestions.selected_source_rows()]
        if self.state is None or self.state.result is None or not rows:
            return False
        return self.session.start(content_ops.accept_job(self.session.project.path, self.state.quarter,
                                                         self.state.result, 0.0, rows, done=self._accepted))

    def undo_batch(self) -> bool:
        item = self.batches.currentItem()
        if self.state is None or item is None:
            return False
        return self.session.start(content_ops.undo_job(self.session.project.path, self.state.quarter,
                                                       self.state.result, item.data(Qt.ItemDataRole.UserRole),
                                                       done=self._undone))

    def search_phrase(self, view: FrameView, proxy_row: int) -> bool:
        phrase = view.model_.raw(view.source_row(proxy_row), 0)
        if not phrase:
            return False
        self.tabs.setCurrentWidget(self.search_page)
        self.search_page.edit.setText(str(phrase))  # words, not an exact phrase: stop words were dropped between
        return self.search_page.search()

    # --- naming candidates ---------------------------------------------------------------
    def _chosen_group(self) -> str | None:
        rows = self.groups.selected_source_rows()
        return self._group_ids[rows[0]] if rows and rows[0] < len(self._group_ids) else None

    def _group_chosen(self) -> None:
        group = self._chosen_group()
        name = content_ops.group_name(self.session.project, self.state.quarter, group, lang.current()) \
            if group and self.state else None
        self.name_edit.setText(name or "")
        for widget in (self.name_button, self.dismiss_button, self.clear_button, self.export_button, self.open_button):
            widget.setEnabled(group is not None)

    def _decided(self, group: str) -> None:
        self._fill_groups(self.state.result or {})
        if group in self._group_ids:
            self.groups.selectRow(self.groups.proxy.mapFromSource(
                self.groups.model_.index(self._group_ids.index(group), 0)).row())
            self._group_chosen()

    def name_group(self) -> None:
        group = self._chosen_group()
        if group is None or not self.name_edit.text().strip():
            return
        content_ops.name_group(self.session.project, self.state.quarter, group, self.name_edit.text())
        self._decided(group)

    def dismiss_group(self) -> None:
        group = self._chosen_group()
        if group is not None:
            content_ops.dismiss_group(self.session.project, self.state.quarter, group)
            self._decided(group)

    def clear_decision(self) -> None:
        group = self._chosen_group()
        if group is not None:
            content_ops.clear_decision(self.session.project, self.state.quarter, group)
            self._decided(group)


if __name__ == "__main__":
    from kcdesk.gui.standalone import run_step

    raise SystemExit(run_step(ContentStep))
