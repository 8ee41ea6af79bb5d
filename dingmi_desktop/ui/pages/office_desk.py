"""The office's part of the 首页 (定密责任人, 保密员): 解密日 within the window, escalations overdue, copies
given out and not returned. Each line opens its item (double-click or Enter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from dingmi_desktop.services.office_desk import EXPIRING_WINDOW_DAYS, CopiesOut
from dingmi_desktop.services.register import RegisterFilter, RegisterItem
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.pages.expiry_desk import ExpiryLists, ExpiryTabs, load_expiry
from dingmi_desktop.ui.widgets.table import RecordTable

OFFICE_ROLES = ("定密责任人", "保密员")
LIMIT = 200


@dataclass(frozen=True)
class DeskLists:
    expiring: list[RegisterItem]
    overdue: list[RegisterItem]
    copies: list[CopiesOut]
    window: int = EXPIRING_WINDOW_DAYS  # days of look-ahead the expiring list was read with
    expiry: ExpiryLists = field(default_factory=ExpiryLists)  # due and held, conditions (expiry_desk)


def load_desk(bundle: ServiceBundle) -> DeskLists:
    """Runs off the GUI thread: three small queries through the services."""
    register, office = required(bundle.register), required(bundle.office)
    window = office.expiring_window()
    soon = RegisterFilter(expiring_days=window, sort="declassify_on", descending=False)
    overdue = RegisterFilter(overdue_escalations=True, sort="form_id", descending=False)
    return DeskLists(
        register.page(soon, limit=LIMIT),
        register.page(overdue, limit=LIMIT),
        office.copies_out(LIMIT),
        window,
        load_expiry(bundle) if bundle.expiry is not None else ExpiryLists(),
    )


class OfficeDesk(QWidget):
    def __init__(self, open_form: Any, parent: QWidget | None = None, window: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeDesk")
        self._open_form = open_form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("保密工作提醒"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.tabs = QTabWidget()
        self.expiring = self._table("officeExpiring", [self.tr("解密日"), self.tr("密级"), self.tr("部门")])
        self.overdue = self._table("officeOverdue", [self.tr("状态"), self.tr("密级"), self.tr("部门")])
        self.copies = self._table(
            "officeCopies", [self.tr("未收回份号"), self.tr("分发给"), self.tr("分发日期")]
        )
        self.labels = (
            self.tr("{0} 天内解密（{1}）"),
            self.tr("逾期上报（{0}）"),
            self.tr("分发未收回（{0}）"),
        )
        for table in (self.expiring, self.overdue, self.copies):
            self.tabs.addTab(table, "")
        self.expiry = ExpiryTabs(self.tabs, self._table, window)
        layout.addWidget(self.tabs)
        self.show_lists(DeskLists([], [], []))

    def _table(self, name: str, more: list[str]) -> RecordTable:
        table = RecordTable([self.tr("编号"), self.tr("事项"), *more], stretch_column=1)
        table.setObjectName(name)
        table.doubleClicked.connect(lambda _index, t=table: self._open(t))
        table.activated.connect(lambda _index, t=table: self._open(t))
        return table

    def _open(self, table: RecordTable) -> None:
        record = table.selected_record()
        if record is not None:
            self._open_form(record.form_id)

    def show_lists(self, lists: DeskLists) -> None:
        self.expiring.set_rows(
            [(i, [i.form_id, i.title, i.declassify_on, i.category, i.department]) for i in lists.expiring]
        )
        self.overdue.set_rows(
            [(i, [i.form_id, i.title, i.status, i.category, i.department]) for i in lists.overdue]
        )
        self.copies.set_rows(
            [(c, [c.form_id, c.title, c.numbers_text(), c.parties, c.since]) for c in lists.copies]
        )
        self.tabs.setTabText(0, self.labels[0].format(lists.window, len(lists.expiring)))
        self.tabs.setTabText(1, self.labels[1].format(len(lists.overdue)))
        self.tabs.setTabText(2, self.labels[2].format(len(lists.copies)))
        self.expiry.show(lists.expiry)

    def clear(self) -> None:
        self.show_lists(DeskLists([], [], []))
