"""The справка's details: signatory and contact-centre settings, the state with dates, the quarter's deadlines."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.core import calendar
from kcdesk.core.errors import KcError
from kcdesk.core.report.texts import SETTING_KEYS
from kcdesk.gui import formatting, lang, messages, operations
from kcdesk.gui.session import Session

STATES = ("draft", "submitted", "approved", "posted")
NEEDS_SIGNATORY = ("approved", "posted")


class ReportDetails(QWidget):
    """Settings are written as they are typed (debounced); the state is set with its date."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.fields: dict[str, QLineEdit] = {}
        self.field_labels: dict[str, QLabel] = {}
        self._dirty: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=600)
        self._timer.timeout.connect(self.save)
        for key in SETTING_KEYS:
            edit, label = QLineEdit(), QLabel()
            edit.textEdited.connect(lambda _, k=key: self._typed(k))
            self.fields[key], self.field_labels[key] = edit, label
            form.addRow(label, edit)

        self.state_box = QGroupBox()
        state_layout = QVBoxLayout(self.state_box)
        self.state_now = QLabel()
        self.state_now.setWordWrap(True)
        self.state = QComboBox()
        self.state_date = QDateEdit(calendarPopup=True)
        self.state_date.setDate(QDate.currentDate())
        self.state_date.setDisplayFormat("dd.MM.yyyy")  # as in the tables; never a two-digit year
        self.state_button = QPushButton()
        self.state_button.clicked.connect(self.set_state)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.state_date)
        row.addWidget(self.state_button)
        state_layout.addWidget(self.state_now)
        state_layout.addLayout(row)

        self.deadline_box = QGroupBox()
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        QVBoxLayout(self.deadline_box).addWidget(self.deadlines)

        right = QVBoxLayout()
        right.addWidget(self.state_box)
        right.addWidget(self.deadline_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.settings_box, 3)
        layout.addLayout(right, 2)
        self.retranslate()

    def state_names(self) -> dict[str, str]:
        return {"draft": self.tr("Draft"), "submitted": self.tr("Submitted to the head"),
                "approved": self.tr("Approved"), "posted": self.tr("Posted")}

    # The settings shown here are read on the UI thread on purpose: ten rows of a small key/value table
    # by primary key (bounded, instant), and the officer edits them in place.
    def field_names(self) -> dict[str, str]:
        """The settings' names in the current language (what the labels and the messages say)."""
        return {
            "body_name_kk": self.tr("Body (in Kazakh)"), "body_name_ru": self.tr("Body (in Russian)"),
            "contact_centre_name_kk": self.tr("Contact centre (in Kazakh)"),
            "contact_centre_name_ru": self.tr("Contact centre (in Russian)"),
            "contact_centre_phone": self.tr("Contact centre phone"), "signatory": self.tr("Signatory"),
            "signatory_position_kk": self.tr("Signatory's position (in Kazakh)"),
            "signatory_position_ru": self.tr("Signatory's position (in Russian)"),
            "executor": self.tr("Executor (name, for the 'Исп./Орынд.' line)"),
            "executor_phone": self.tr("Executor's phone"),
        }

    def retranslate(self) -> None:
        self.settings_box.setTitle(self.tr("Signatory and contact centre (the same for every quarter)"))
        names = self.field_names()
        for key, label in self.field_labels.items():
            label.setText(names[key] + ":")
        self.state_box.setTitle(self.tr("State of the справка"))
        self.state_button.setText(self.tr("Set"))
        self.deadline_box.setTitle(self.tr("Deadlines of this quarter"))
        chosen = self.state.currentData()
        self.state.clear()
        for key, name in self.state_names().items():
            self.state.addItem(name, key)
        if chosen:
            self.state.setCurrentIndex(self.state.findData(chosen))
        self.state_date.setLocale(lang.locale())

    def load(self) -> None:
        project, quarter = self.session.project, self.session.quarter
        if project is None:
            return
        for key, edit in self.fields.items():
            if key not in self._dirty:
                edit.setText(str(project.get_setting(key, "") or ""))
        if quarter is None:
            return
        state = project.report_state(quarter)
        names = self.state_names()
        lines = [self.tr("Now: %1").replace("%1", names.get(state["state"], state["state"]))]
        for key in STATES:
            on = (state.get("dates") or {}).get(key)
            if on:
                lines.append(f"{names[key]}: {formatting.date_text(date.fromisoformat(on))}")
        self.state_now.setText("\n".join(lines))
        following = STATES[min(STATES.index(state["state"]) + 1, len(STATES) - 1)] if state["state"] in STATES else "draft"
        self.state.setCurrentIndex(self.state.findData(following))
        self._fill_deadlines(quarter)

    def _fill_deadlines(self, quarter) -> None:
        found = calendar.deadlines(quarter)
        titles = {calendar.ANALYSIS: self.tr("Analysis and справка (§3, the 5th)"),
                  calendar.WINDOW_END: self.tr("End of the 10-working-day window (§5)"),
                  calendar.POSTING: self.tr("Posting on the website (§16, the 25th)")}
        lines = []
        for deadline in found.all:
            when = formatting.date_text(deadline.in_practice)
            if deadline.overdue:
                left = self.tr("passed")
            elif deadline.working_days_left == 0:
                left = self.tr("today")
            else:
                left = self.tr("%n working day(s) left", "", deadline.working_days_left)
            extra = self.tr(" (the %1 is a day off)").replace("%1", formatting.date_text(deadline.due)) \
                if deadline.day_off else ""
            lines.append(f"{titles.get(deadline.kind, deadline.kind)}: {when}{extra} — {left}")
        self.deadlines.setText("\n".join(lines))

    def _typed(self, key: str) -> None:
        self._dirty.add(key)
        self._timer.start()

    def save(self) -> None:
        self._timer.stop()
        if self.session.project is None:
            return
        for key in sorted(self._dirty):
            try:
                operations.set_setting(self.session.project, key, self.fields[key].text().strip() or None)
            except KcError as error:  # e.g. an IIN typed as the contact centre's phone: said, not stored
                self.session.message.emit(lambda e=error: messages.translate(e), "error")
        self._dirty.clear()

    def missing_for(self, state: str, report_lang: str) -> list[str]:
        """The fields a state needs: an approved or posted справка has a signatory, a position and a body."""
        return [self.field_names()[k] for k in self.missing_keys(state, report_lang)]

    def missing_keys(self, state: str, report_lang: str) -> list[str]:
        """The settings `missing_for` names (saved first: what was just typed counts)."""
        if state not in NEEDS_SIGNATORY or self.session.project is None:
            return []
        self.save()
        keys = ("signatory", f"signatory_position_{report_lang}", f"body_name_{report_lang}")
        return [k for k in keys if not str(self.session.project.get_setting(k, "") or "").strip()]

    def set_state(self) -> bool:
        """Refused, with the reason, when the state's fields are empty."""
        if self.session.project is None or self.session.quarter is None:
            return False
        state = self.state.currentData()
        report_lang = self.session.project.get_setting("report_lang", lang.current())
        missing = self.missing_for(state, report_lang)
        if missing:
            keys = self.missing_keys(state, report_lang)
            self.session.message.emit(
                lambda: self.tr("The справка cannot be marked \"%1\" yet: fill in %2 on this tab first.")
                .replace("%1", self.state_names()[state])
                .replace("%2", ", ".join(self.field_names()[k] for k in keys)), "warning")
            return False
        day = self.state_date.date()
        operations.set_report_state(self.session.project, self.session.quarter, state,
                                    date(day.year(), day.month(), day.day()))
        self.load()
        return True
