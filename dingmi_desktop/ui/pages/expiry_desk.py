"""The expiry part of the office's 首页: items due and not declassified (the pass held back: 已到期待确认)
and the items whose 解密条件 awaits the 定密责任人's confirmation. Each line opens its item; the officer
confirms the clock (then the pass runs) or a condition (evidence and password) from here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.domain.expiry import ConditionItem, Due
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.prompts import DecisionDialog
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.services.expiry import PassResult

OFFICER = "定密责任人"


@dataclass(frozen=True)
class ExpiryLists:
    waiting: list[Due] = field(default_factory=list)
    conditions: list[ConditionItem] = field(default_factory=list)
    held_message: str = ""  # why the pass would hold back now ("" when the clock is trusted)


def load_expiry(bundle: ServiceBundle) -> ExpiryLists:
    """Runs off the GUI thread."""
    service = required(bundle.expiry)
    preview = service.preview(limit=200)
    held = preview.message() if preview.held else ""
    return ExpiryLists(list(preview.waiting), service.conditions(), held)


class ExpiryTabs:
    """Adds the two tabs to the office desk's tab widget and handles the officer's confirmations."""

    def __init__(self, tabs: QTabWidget, make_table: Any, window: Any) -> None:
        self.tabs = tabs
        self.window = window
        self.waiting = make_table(
            "officeDueWaiting", [tabs.tr("解密日"), tabs.tr("密级"), tabs.tr("到期原因")]
        )
        self.conditions = make_table("officeConditions", [tabs.tr("密级"), tabs.tr("解密条件")])
        self.held = QLabel()
        self.held.setObjectName("expiryHeld")
        self.held.setWordWrap(True)
        self.confirm_clock = QPushButton(tabs.tr("核对时间并确认解密…"))
        self.confirm_clock.setObjectName("confirmClock")
        self.confirm_clock.clicked.connect(self.ask_confirm_clock)
        self.confirm_condition = QPushButton(tabs.tr("确认条件已成就…"))
        self.confirm_condition.setObjectName("confirmCondition")
        self.confirm_condition.clicked.connect(self.ask_confirm_condition)
        self.labels = (tabs.tr("已到期待确认（{0}）"), tabs.tr("解密条件待确认（{0}）"))
        self._first = tabs.count()
        tabs.addTab(self._page(self.held, self.waiting, self.confirm_clock), "")
        tabs.addTab(self._page(None, self.conditions, self.confirm_condition), "")
        self.show(ExpiryLists())

    @staticmethod
    def _page(note: QLabel | None, table: RecordTable, button: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return page

    def _officer(self) -> bool:
        bundle = self.window.bundle if self.window is not None else None
        return bool(bundle and bundle.has_role(OFFICER) and bundle.expiry is not None)

    def show(self, lists: ExpiryLists | None) -> None:
        lists = lists or ExpiryLists()
        self.waiting.set_rows(
            [(d, [d.form_id, d.title, d.declassify_on, d.category, d.reason]) for d in lists.waiting]
        )
        self.conditions.set_rows(
            [(c, [c.form_id, c.title, c.category, c.condition]) for c in lists.conditions]
        )
        self.held.setText(lists.held_message)
        self.held.setVisible(bool(lists.held_message))
        officer = self._officer()
        self.confirm_clock.setVisible(officer)
        self.confirm_clock.setEnabled(officer and bool(lists.waiting))
        self.confirm_condition.setVisible(officer)
        self.confirm_condition.setEnabled(officer and bool(lists.conditions))
        self.tabs.setTabText(self._first, self.labels[0].format(len(lists.waiting)))
        self.tabs.setTabText(self._first + 1, self.labels[1].format(len(lists.conditions)))

    def clear(self) -> None:
        self.show(None)

    # --- the officer's confirmations -------------------------------------------------------------
    def ask_confirm_clock(self) -> None:
        service = self.window.bundle.expiry
        answer = DecisionDialog.ask(
            self.window,
            self.tabs.tr("核对系统时间并确认解密"),
            opinion_required=True,
            opinion_label=self.tabs.tr("时间核对情况："),
        )
        if answer is None or service is None:
            return
        self.window.ops.run(
            lambda: service.run(confirm_password=answer.password, note=answer.opinion),
            self._pass_done,
            label="confirm clock",
        )

    def _pass_done(self, result: PassResult) -> None:
        runner = self.window.expiry_runner
        if runner is not None:
            runner.show_result(result)  # banner, and the page on screen refreshes
        else:
            self.window.operation_done.emit(None)

    def ask_confirm_condition(self) -> None:
        item = self.conditions.selected_record()
        if item is None and self.conditions.proxy.rowCount() == 1:
            item = self.conditions.record_at(0)  # the only one: the dialog's title names it
        service = self.window.bundle.conditions
        if item is None:
            QMessageBox.information(
                self.window, self.tabs.tr("确认解密条件"), self.tabs.tr("请先在列表中选择要确认的事项。")
            )
            return
        if service is None:
            return
        answer = DecisionDialog.ask(
            self.window,
            self.tabs.tr("确认解密条件已成就：{0}").format(item.title),
            opinion_required=True,
            opinion_label=self.tabs.tr("成就依据（“{0}”）：").format(item.condition),
        )
        if answer is None:
            return
        self.window.ops.run(
            lambda: service.confirm(item.form_id, answer.opinion, answer.password),
            lambda _done: self.window.operation_done.emit(None),
            label="confirm condition",
        )
