"""A read-only table of rows with a text filter, used by list pages (fed by background operations)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordTable(QTableView):
    """Rows of display strings; each row keeps its record object under Qt.UserRole (column 0)."""

    def __init__(
        self,
        headers: Sequence[str],
        parent: QWidget | None = None,
        *,
        stretch_column: int | None = None,
        multi_select: bool = False,
    ) -> None:
        """``stretch_column`` takes the spare width (a title column); by default the last column does."""
        super().__init__(parent)
        self.stretch_column = stretch_column
        self.source = QStandardItemModel(0, len(headers), self)
        self.source.setHorizontalHeaderLabels(list(headers))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        single, extended = (
            QAbstractItemView.SelectionMode.SingleSelection,
            QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.setSelectionMode(extended if multi_select else single)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest (highest id / sequence) first
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch_column is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[Any]]]) -> None:
        """Replace all rows: each is (record, cells)."""
        self.setSortingEnabled(False)
        self.source.removeRows(0, self.source.rowCount())
        for record, cells in rows:
            items = [_item(cell) for cell in cells]
            items[0].setData(record, Qt.ItemDataRole.UserRole)
            self.source.appendRow(items)
        self.setSortingEnabled(True)
        self.resizeColumnsToContents()
        for column in range(self.source.columnCount()):
            if column != self.stretch_column and self.columnWidth(column) > 360:
                self.setColumnWidth(column, 360)

    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def record_at(self, row: int) -> Any:
        index = self.proxy.index(row, 0)
        return self.proxy.data(index, Qt.ItemDataRole.UserRole)

    def selected_record(self) -> Any:
        rows = self.selectionModel().selectedRows()
        return self.record_at(rows[0].row()) if rows else None

    def selected_records(self) -> list[Any]:
        return [self.record_at(index.row()) for index in self.selectionModel().selectedRows()]

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        for row in range(self.proxy.rowCount()):
            if predicate(self.record_at(row)):
                self.selectRow(row)
                return True
        return False

    def clear_rows(self) -> None:
        self.source.removeRows(0, self.source.rowCount())


def _item(cell: Any) -> QStandardItem:
    text = "" if cell is None else str(cell)
    item = QStandardItem(text)
    if len(text) > 16:  # long cells (details, titles) may be elided: the full text on hover
        item.setToolTip(text)
    if isinstance(cell, int) and not isinstance(cell, bool):
        item.setData(f"{cell:015d}", SORT_ROLE)  # numbers sort numerically, compared in C++
    else:
        item.setData(text, SORT_ROLE)
    return item
