"""首页: my queues with counts, escalations due (不明事项 / 上级 / 争议 replies); for the 定密责任人 and the
保密员 also the office's reminders (office_desk)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.pages.office_desk import OFFICE_ROLES, OfficeDesk, load_desk
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

CARDS = (
    ("my_drafts", "我的草稿", "drafts", "承办人"),
    ("returned_to_me", "退回给我", "drafts:returned", "承办人"),
    ("awaiting_my_review", "待我审核", "to_review", "定密审核人"),
    ("awaiting_my_approval", "待我审批", "to_approve", "定密责任人|签发人"),
    ("escalations_due", "上报待复", "", ""),
    ("recently_decided", "已定密", "decided", ""),
)
ALERT_KEYS = frozenset({"returned_to_me", "awaiting_my_review", "awaiting_my_approval", "escalations_due"})


class CountCard(QFrame):
    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.key = key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.count = QLabel("—")
        self.count.setObjectName("cardCount")
        self.count.setAccessibleName(f"count_{key}")
        label = QLabel(title)
        self.button = QPushButton(self.tr("查看"))
        self.button.setObjectName(f"cardOpen_{key}")
        policy = self.button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # cards keep one height whether or not they link to a page
        self.button.setSizePolicy(policy)
        layout.addWidget(self.count)
        layout.addWidget(label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_count(self, value: int, alert: bool) -> None:
        self.count.setText(str(value))
        self.count.setProperty("alert", "true" if alert and value else "false")
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)


class HomePage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("首页"), bundle, ops, window, parent)
        self.setObjectName("homePage")
        roles = bundle.info.roles
        grid = QGridLayout()
        self.cards: dict[str, CountCard] = {}
        column = 0
        for key, title, target, needs in CARDS:
            if needs and not roles & set(needs.split("|")):
                continue
            card = CountCard(key, self.tr(title))
            page_key, _, scope = target.partition(":")
            card.button.setVisible(bool(page_key) and window.has_page(page_key))
            if page_key:
                card.button.clicked.connect(lambda _=False, p=page_key, s=scope: self.open_queue(p, s))
            self.cards[key] = card
            grid.addWidget(card, 0, column)
            column += 1
        self.body.addLayout(grid)
        heading = QLabel(self.tr("上报与争议：待答复事项（按答复期限排序）"))
        heading.setObjectName("sectionTitle")
        self.body.addWidget(heading)
        self.escalations = RecordTable(
            [
                self.tr("编号"),
                self.tr("事项"),
                self.tr("状态"),
                self.tr("报送对象"),
                self.tr("报送日期"),
                self.tr("上报期限"),
                self.tr("答复期限"),
                self.tr("是否逾期"),
            ],
            stretch_column=1,
        )
        self.escalations.setObjectName("escalationsTable")
        self.escalations.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # soonest reply due first
        self.escalations.doubleClicked.connect(self._open_escalation)
        self.body.addWidget(self.escalations, 1)
        self.desk: OfficeDesk | None = None
        if bundle.has_role(*OFFICE_ROLES) and bundle.office is not None and bundle.register is not None:
            self.desk = OfficeDesk(window.open_form, window=window)
            self.body.addWidget(self.desk, 1)
        self.body.addWidget(self.feedback)

    def open_queue(self, key: str, scope: str = "") -> None:
        """Opens a list page; a card for part of a list (退回给我) opens just that part."""
        page = self.window_.page(key)
        show_scope = getattr(page, "show_scope", None)
        if show_scope is not None:
            show_scope(scope or "all", refresh=False)  # the visit below loads it, once
        self.window_.go_to(key)

    def refresh(self) -> None:
        queues = required(self.bundle.workflow).queues

        def load() -> tuple[dict[str, int], list[Any]]:
            return queues.counts(), queues.escalations_due(50)

        self.run(load, self._show, label="home")
        if self.desk is not None:
            bundle, desk = self.bundle, self.desk
            self.run(lambda: load_desk(bundle), desk.show_lists, label="office desk")

    def _show(self, result: tuple[dict[str, int], list[Any]]) -> None:
        counts, escalations = result
        for key, card in self.cards.items():
            card.set_count(int(counts.get(key, 0)), key in ALERT_KEYS)
        rows = []
        for info in escalations:
            flags = [self.tr("逾期上报")] if info.report_late else []  # sent after its due date
            flags += [self.tr("已逾期")] if info.overdue else []
            # a due date that cannot be counted says why (the year's calendar is missing), never a guess
            report_due = info.calendar_problem or _date(info.report_due)
            cells = [
                info.form_id,
                info.title,
                info.status.value,
                info.escalated_to,
                _date(info.sent_on),
                report_due,
                _date(info.reply_due),
                "、".join(flags),
            ]
            rows.append((info, cells))
        self.escalations.set_rows(rows)
        self.loaded()

    def _open_escalation(self) -> None:
        info = self.escalations.selected_record()
        if info is not None:
            self.window_.open_form(info.form_id)

    def clear_sensitive(self) -> None:
        self.escalations.clear_rows()
        if self.desk is not None:
            self.desk.clear()
        for card in self.cards.values():
            card.set_count(0, False)


def _date(value: Any) -> str:
    return value.isoformat() if value else ""
