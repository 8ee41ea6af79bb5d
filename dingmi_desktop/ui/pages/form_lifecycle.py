"""The form page's lifecycle panel (docs/rules.md §6).

On a 已定密 item: 变更 / 提前解密 / 延长 open the decision form's draft (reason typed here; a change's new
level, period or scope and an extension's period too), and the current terms beside the struck-through
decided ones. On a decision form: the item's terms in force when it was opened, struck through beside the
proposed ones, and once decided the written-notice list with its "已书面通知" action.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.domain.action_inputs import KEEP, corrections_from_text
from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.lifecycle import LifecycleKind, Terms
from dingmi_desktop.domain.marking import DECLASSIFIED
from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.pages.form_context import OpChanges


def struck(old: str, new: str) -> str:
    """GB/T 9704 practice for a change: the old marking struck through beside the new one."""
    if old == new:
        return escape(new)
    return f"<s>{escape(old or '—')}</s>&nbsp;&nbsp;{escape(new or '—')}"


class LifecyclePanel(QGroupBox):
    def __init__(self, page: Any) -> None:
        super().__init__(page.tr("定密事项的变更、解密和延长"))
        self.setObjectName("lifecyclePanel")
        self.page = page
        self.info: Any = None
        layout = QVBoxLayout(self)
        self.terms_label = QLabel()
        self.terms_label.setObjectName("lifecycleTerms")
        self.terms_label.setWordWrap(True)
        layout.addWidget(self.terms_label)
        self.open_box = QWidget()
        fields = QFormLayout(self.open_box)
        self.reason = QLineEdit()
        self.reason.setObjectName("lifecycleReason")
        self.reason.setPlaceholderText(self.tr("必填：变更、解密或延长的理由"))
        self.level = QComboBox()
        self.level.setObjectName("lifecycleLevel")
        self.level.addItems([self.tr("不变更"), *LEVEL_NAMES])
        self.period = QLineEdit()
        self.period.setObjectName("lifecyclePeriod")
        self.period.setPlaceholderText(self.tr("自原制发日起算，例如 15年、6个月"))
        self.scope = QLineEdit()
        self.scope.setObjectName("lifecycleScope")
        self.scope.setPlaceholderText(self.tr("不变更的请留空"))
        fields.addRow(self.tr("理由"), self.reason)
        fields.addRow(self.tr("新密级"), self.level)
        fields.addRow(self.tr("新保密期限"), self.period)
        fields.addRow(self.tr("新知悉范围"), self.scope)
        row = QHBoxLayout()
        self.buttons: dict[LifecycleKind, QPushButton] = {}
        for kind, text in (
            (LifecycleKind.CHANGE, self.tr("变更…")),
            (LifecycleKind.DECLASSIFY, self.tr("提前解密…")),
            (LifecycleKind.EXTEND, self.tr("延长…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"lifecycle_{kind.name.lower()}")
            button.clicked.connect(lambda _=False, k=kind: self.open_draft(k))
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)
        fields.addRow(row)
        layout.addWidget(self.open_box)
        self.notices = QTableWidget(0, 3)
        self.notices.setObjectName("lifecycleNotices")
        self.notices.setHorizontalHeaderLabels([self.tr("类别"), self.tr("通知对象"), self.tr("书面通知")])
        self.notices.horizontalHeader().setStretchLastSection(True)
        self.notices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.notices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notified = QPushButton(self.tr("已书面通知"))
        self.notified.setObjectName("lifecycleNotified")
        self.notified.clicked.connect(self.mark_notified)
        layout.addWidget(self.notices)
        layout.addWidget(self.notified)
        self.hide()

    # --- loading -------------------------------------------------------------------------------------
    def load(self, form_id: int) -> None:
        lifecycle = required(self.page.bundle.workflow).lifecycle
        self.page.run(lambda: lifecycle.describe(form_id), self.show_info, label="lifecycle")

    def show_info(self, info: Any) -> None:
        self.info = info
        row = info.lifecycle
        decided = info.decided_terms
        if row is not None:
            new = row.new_terms  # the decided terms once applied, else the draft's own proposal
            proposed: str = Terms.from_json(new).marking if new is not None else self.page.view.marking
            if LifecycleKind(row.kind) in (LifecycleKind.DECLASSIFY, LifecycleKind.PUBLICATION):
                proposed = DECLASSIFIED
            state = self.tr("已生效") if row.applied_at else self.tr("待批准")
            text = self.tr("本表为{0}（事项 {1}，{2}）。密级标志：{3}").format(
                escape(LifecycleKind(row.kind).title),
                row.item_form_id,
                state,
                struck(decided.marking, proposed),
            )
        elif info.current_terms is not None:
            current = info.current_terms
            shown = current.marking
            status = self.page.view.summary.status.value
            if status == "已解密":
                day = self.page.view.declassify_on
                shown = f"{DECLASSIFIED}（{day.isoformat() if day else ''}）"
            text = self.tr("现行密级标志：{0}；知悉范围：{1}").format(
                struck(decided.marking, shown), escape(current.scope)
            )
        else:
            text = self.tr("现行密级标志：{0}").format(escape(decided.marking or "—"))
        self.terms_label.setText(text)
        self.open_box.setVisible(info.can_open)
        has_notices = bool(info.notices)
        self.notices.setVisible(has_notices)
        self.notified.setVisible(has_notices)
        self.notices.setRowCount(len(info.notices))
        for i, notice in enumerate(info.notices):
            done = (
                f"{notice.notified_on.isoformat()}（{notice.recorded_by}）"
                if notice.notified_on
                else "未通知"
            )
            for j, value in enumerate((notice.source, notice.person, done)):
                self.notices.setItem(i, j, QTableWidgetItem(value))
        self.setVisible(row is not None or info.current_terms is not None or info.can_open)

    # --- actions -------------------------------------------------------------------------------------
    def open_draft(self, kind: LifecycleKind) -> None:
        item = self.page.stored_id()
        reason = self.reason.text().strip()
        if not reason:
            self.page.say(self.tr("请先填写{0}的理由。").format(kind.value))
            self.reason.setFocus()
            return
        try:
            level = KEEP if self.level.currentIndex() == 0 else self.level.currentText()
            proposal = corrections_from_text(level, self.period.text(), self.scope.text())
        except DomainError as exc:
            self.page.say(exc.message)
            return
        if kind is LifecycleKind.CHANGE and proposal is None:
            self.page.say(self.tr("变更须填写新的密级、保密期限或知悉范围之一。"))
            return
        if kind is LifecycleKind.EXTEND and (proposal is None or proposal.period is None):
            self.page.say(self.tr("延长须填写新的保密期限（自原制发日起算，例如 15年）。"))
            self.period.setFocus()
            return
        lifecycle = required(self.page.bundle.workflow).lifecycle
        work = lambda: lifecycle.open_draft(item, kind.value, reason, proposal=proposal)  # noqa: E731
        self.page.run(work, self._opened, label="lifecycle open", on_error=self._refused)

    def _opened(self, form_id: int) -> None:
        self.reason.clear()
        self.period.clear()
        self.scope.clear()
        self.page.window_.open_form(form_id)

    def _refused(self, error: BaseException) -> None:
        self.page.say(getattr(error, "message", str(error)))

    def mark_notified(self) -> None:
        rows = self.notices.selectionModel().selectedRows()
        if not rows or self.info is None:
            self.page.say(self.tr("请先在名单中选中已书面通知的对象。"))
            return
        person = self.info.notices[rows[0].row()].person
        form_id = self.page.stored_id()
        lifecycle = required(self.page.bundle.workflow).lifecycle
        today = self.page.bundle.today()
        work = lambda: lifecycle.mark_notified(form_id, person, today)  # noqa: E731
        self.page.run(work, self._marked, label="lifecycle notified", on_error=self._refused)

    def _marked(self, notice: Any) -> None:
        self.page.say(self.tr("已登记：{0} 于 {1} 书面通知。").format(notice.person, notice.notified_on))
        self.page.announce(OpChanges(form_id=self.page.form_id, form=True))
