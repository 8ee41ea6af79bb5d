"""The register's table model: rows arrive a page at a time from the service, on the worker thread.

The view asks `canFetchMore`/`fetchMore` while its last row is visible, so a register of 100,000 items
loads one page at first and one more per scroll to the end. Sorting is a new query (the database orders
by an index), never a sort of the loaded rows. Every reload bumps a generation: a page that arrives for an
older filter or sort is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dingmi_desktop.services.register import HEADERS, PAGE_SIZE, RegisterFilter, RegisterItem
from dingmi_desktop.storage.register_sql import COLUMNS

Index = QModelIndex | QPersistentModelIndex
# (fn, on_done, on_error): the page's way to run a service call on the worker
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], Any]
RIGHT_ALIGNED = frozenset({"form_id", "copies"})


class RegisterModel(QAbstractTableModel):
    loaded = Signal()  # a page arrived (first or further)
    failed = Signal(object)  # the exception of a failed load

    def __init__(self, service: Any, runner: Runner, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._service = service
        self._run = runner
        self.page_size = page_size
        self.filter = RegisterFilter()
        self.items: list[RegisterItem] = []
        self.total: int | None = None  # None until the first page of the current filter arrived
        self._generation = 0
        self._fetching = False
        self.fetches = 0  # pages requested for the current filter (the fetch test reads it)

    # --- loading --------------------------------------------------------------------------------------
    def load(self, flt: RegisterFilter) -> None:
        """Show `flt` from its first page (sorting kept from the current filter unless `flt` names one)."""
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self.filter, self.items, self.total, self._fetching, self.fetches = flt, [], None, True, 1
        self.endResetModel()
        service, size = self._service, self.page_size

        def work() -> tuple[int, list[RegisterItem]]:
            return service.count(flt), service.page(flt, offset=0, limit=size)

        def done(result: tuple[int, list[RegisterItem]]) -> None:
            if generation == self._generation:
                self.total = result[0]
                self._append(result[1])

        self._run(work, done, lambda exc: self._failed(generation, exc))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self._fetching or self.total is None:
            return False
        return len(self.items) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self.fetches += 1
        generation, flt, offset, size = self._generation, self.filter, len(self.items), self.page_size
        service = self._service

        def done(items: list[RegisterItem]) -> None:
            if generation == self._generation:
                self._append(items)

        self._run(
            lambda: service.page(flt, offset=offset, limit=size), done, lambda e: self._failed(generation, e)
        )

    def _append(self, items: list[RegisterItem]) -> None:
        self._fetching = False
        if items:
            first = len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self.items.extend(items)
            self.endInsertRows()
        if len(items) < self.page_size and self.total is not None:
            self.total = len(self.items)  # the store shrank meanwhile: stop asking for more
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self.total = len(self.items)  # no retry loop from the view; the page offers 刷新
            self.failed.emit(exc)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.items, self.total, self._fetching = [], None, False
        self.endResetModel()

    # --- the table ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item, column = self.items[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(item, column)
            return str(value) if value != "" else None
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column in RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RegisterModel", HEADERS[COLUMNS[section]])
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the database sorts (indexed column, form_id breaking ties) from the first page."""
        flt = replace(self.filter, sort=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if flt != self.filter:
            if self.total is None and not self._fetching:
                self.filter = flt  # not loaded yet: the first load uses it
            else:
                self.load(flt)

    def item_at(self, row: int) -> RegisterItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None
