"""A read-only DataFrame table model (sortable, numbers formatted in the UI locale) and a view that copies TSV."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from kcdesk.core.formulas import neutralise

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

HIGHLIGHT = QColor("#fde2e1")
CAUTION = QColor("#fff4cc")


def format_number(value: object, decimals: int = 0) -> str:
    """Numbers in the UI language: ru/kk group thousands with a (no-break) space."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return str(value)
    if isinstance(value, numbers.Integral) or (decimals == 0 and float(value).is_integer()):
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", decimals)


def two_lines(text: str, longer_than: int = 12) -> str:
    """Long headers on two lines, so number columns stay narrow at 1366 px."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1:]


def is_number(value: object) -> bool:
    """numpy scalars count too (frames hold int64/float64)."""
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def format_pct(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    sign = "+" if float(value) > 0 else ""
    return f"{sign}{QLocale().toString(float(value), 'f', 1)} %"


class FrameModel(QAbstractTableModel):
    """Shows a DataFrame; `formatters` per column turn values into text; sorting uses the raw values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame: pd.DataFrame | None = None  # made when first read: an empty table needs no pandas
        self.headers: list[str] = []
        self.formatters: dict[str, Callable[[object], str]] = {}
        self.row_colour: Callable[[int], QColor | None] | None = None

    @property
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = pd.DataFrame()
        return self._frame

    @frame.setter
    def frame(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def set_frame(self, frame: pd.DataFrame, headers: list[str] | None = None,
                  formatters: dict[str, Callable[[object], str]] | None = None,
                  row_colour: Callable[[int], QColor | None] | None = None) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.headers = list(headers or [str(c) for c in frame.columns])
        self.formatters = formatters or {}
        self.row_colour = row_colour
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._frame is None else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._frame is None else len(self._frame.columns)

    def raw(self, row: int, column: int) -> object:
        value = self.frame.iat[row, column]
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value

    def text(self, row: int, column: int) -> str:
        value = self.raw(row, column)
        name = str(self.frame.columns[column])
        if name in self.formatters:
            return self.formatters[name](value)
        if value is None:
            return ""
        if is_number(value):
            return format_number(value, 1)
        return str(value)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:  # sort key
            value = self.raw(index.row(), index.column())
            if value is None:
                return float("-inf")
            return float(value) if is_number(value) else str(value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self.raw(index.row(), index.column())
            if is_number(value):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.row_colour is not None:
            colour = self.row_colour(index.row())
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return two_lines(self.headers[section]) if section < len(self.headers) else ""
        return super().headerData(section, orientation, role)


class FrameView(QTableView):
    """Sortable table; Ctrl+C (and the context menu) copies the selection, or all of it, as TSV for Excel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = FrameModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model_)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def set_frame(self, frame: pd.DataFrame, headers: list[str] | None = None, **kwargs) -> None:
        self.model_.set_frame(frame, headers, **kwargs)
        self.proxy.sort(-1)  # the frame's own order until the officer clicks a header
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.resizeColumnsToContents()
        for column in range(self.model_.columnCount()):  # long names would push the numbers off screen
            self.setColumnWidth(column, min(self.columnWidth(column), 320))
        self._fit_first_column()

    def _name_column(self) -> int:
        """The first text column (names), the one that wraps to make room for the numbers."""
        frame = self.model_.frame
        for index, dtype in enumerate(frame.dtypes):
            if pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
                return index
        return 0

    def _fit_first_column(self) -> None:
        """The name column gives up width so every number column stays in view."""
        count = self.model_.columnCount()
        if count < 2:
            return
        name = self._name_column()
        others = sum(self.columnWidth(c) for c in range(count) if c != name)
        room = self.viewport().width() - others - 2
        if room < self.columnWidth(name):
            self.setColumnWidth(name, max(130, room))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.model_.columnCount() and not getattr(self, "_fitting", False):
            self._fitting = True
            try:
                name = self._name_column()
                self.resizeColumnToContents(name)
                self.setColumnWidth(name, min(self.columnWidth(name), 320))
                self._fit_first_column()
            finally:
                self._fitting = False

    def source_row(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def selected_source_rows(self) -> list[int]:
        return sorted({self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()})

    def to_tsv(self, selected_only: bool = True) -> str:
        rows = [self.proxy.mapFromSource(self.model_.index(r, 0)).row() for r in self.selected_source_rows()] \
            if selected_only else []
        if not rows:
            rows = list(range(self.proxy.rowCount()))
        columns = range(self.model_.columnCount())
        out = ["\t".join(neutralise(self.model_.headers[c]) if c < len(self.model_.headers) else ""
                          for c in columns)]
        for row in sorted(rows):
            source = self.source_row(row)
            # A citizen's "=HYPERLINK(…)" is pasted into Excel as text, as the .xlsx stores it (core.formulas).
            out.append("\t".join(neutralise(self.model_.text(source, c).replace("\t", " ").replace("\n", " ")
                                            .replace("\r", " ")) for c in columns))
        return "\n".join(out) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.to_tsv())

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        super().keyPressEvent(event)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Copy for Excel"), self.copy)
        menu.addAction(self.tr("Copy the whole table"),
                       lambda: QGuiApplication.clipboard().setText(self.to_tsv(False)))
        menu.exec(self.viewport().mapToGlobal(pos))
