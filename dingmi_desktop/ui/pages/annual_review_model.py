"""The annual review worklist's table model: one page of rows at a time from the service, on the worker.

The view asks `canFetchMore`/`fetchMore` while its last row is visible, so a list of 100,000 items opens
with its first page (an indexed query) and loads one more page per scroll to the end. Every reload bumps a
generation: a page that arrives for an older filter is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dingmi_desktop.services.annual_review_models import ReviewRow

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], Any]
PAGE_SIZE = 200
COLUMNS = ("form_id", "title", "marking", "department", "officer", "state", "opinion", "draft_form_id")
HEADERS = ("编号", "标题", "密级标志", "产生部门", "审核人", "结论", "审核意见", "新表单")


@dataclass(frozen=True)
class WorklistFilter:
    year: int
    officer: str | None = None  # username: only his items
    pending_only: bool = False


class ReviewModel(QAbstractTableModel):
    loaded = Signal()
    failed = Signal(object)

    def __init__(self, service: Any, runner: Runner, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._service, self._run, self.page_size = service, runner, page_size
        self.filter: WorklistFilter | None = None
        self.rows: list[ReviewRow] = []
        self.total: int | None = None
        self._generation = 0
        self._fetching = False

    def load(self, flt: WorklistFilter) -> None:
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self.filter, self.rows, self.total, self._fetching = flt, [], None, True
        self.endResetModel()
        service, size = self._service, self.page_size

        def work() -> tuple[int, list[ReviewRow]]:
            kw = {"officer": flt.officer, "pending_only": flt.pending_only}
            return service.count(flt.year, **kw), service.page(flt.year, offset=0, limit=size, **kw)

        def done(result: tuple[int, list[ReviewRow]]) -> None:
            if generation == self._generation:
                self.total = result[0]
                self._append(result[1])

        self._run(work, done, lambda exc: self._failed(generation, exc))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self._fetching or self.total is None:
            return False
        return len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.filter is None:
            return
        self._fetching = True
        generation, flt, offset, size = self._generation, self.filter, len(self.rows), self.page_size
        service = self._service

        def done(rows: list[ReviewRow]) -> None:
            if generation == self._generation:
                self._append(rows)

        self._run(
            lambda: service.page(
                flt.year, officer=flt.officer, pending_only=flt.pending_only, offset=offset, limit=size
            ),
            done,
            lambda e: self._failed(generation, e),
        )

    def _append(self, rows: list[ReviewRow]) -> None:
        self._fetching = False
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        if len(rows) < self.page_size and self.total is not None:
            self.total = len(self.rows)
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self.total = len(self.rows)
            self.failed.emit(exc)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.total, self._fetching = [], None, False
        self.endResetModel()

    def replace_row(self, row: ReviewRow) -> None:
        """A decided row in place (the list keeps its order and scroll position)."""
        for i, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "officer":
                return row.decided_by or row.officer
            value = getattr(row, column)
            return None if value in ("", None) else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReviewModel", HEADERS[section])
        return super().headerData(section, orientation, role)

    def row_at(self, index: int) -> ReviewRow | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None
