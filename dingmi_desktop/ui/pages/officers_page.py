"""定密责任人/授权 (安全保密管理员): roles, 法定/指定 定密责任人 with highest level, term and training."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.remit import parse_remit
from dingmi_desktop.domain.roles import ROLE_NAMES, Role
from dingmi_desktop.storage.records import RoleGrant
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec, parse_date
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

OFFICER = Role.OFFICER


def describe_grant(grant: Any) -> str:
    if grant.role != OFFICER:
        return grant.role
    parts = [grant.officer_kind or "", grant.highest_level or ""]
    if grant.term_until:
        parts.append(f"至{grant.term_until.isoformat()}")
    if grant.remit:
        parts.append(f"职责范围：{'、'.join(grant.remit)}")
    return f"{grant.role}（{'，'.join(p for p in parts if p)}）"


class OfficersPage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("定密责任人/授权"), bundle, ops, window, parent)
        self.setObjectName("officersPage")
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("officersFilter")
        self.filter.setPlaceholderText(self.tr("筛选用户或角色"))
        self.grant_button = QPushButton(self.tr("授予角色…"))
        self.grant_button.setObjectName("grantRole")
        self.revoke_button = QPushButton(self.tr("撤销角色…"))
        self.revoke_button.setObjectName("revokeRole")
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.grant_button)
        bar.addWidget(self.revoke_button)
        self.body.addLayout(bar)
        self.table = RecordTable(
            [self.tr("用户名"), self.tr("姓名"), self.tr("部门"), self.tr("角色与定密权限")]
        )
        self.table.setObjectName("officersTable")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.feedback)
        self.filter.textChanged.connect(self.table.set_filter)
        self.grant_button.clicked.connect(self.grant)
        self.revoke_button.clicked.connect(self.revoke)

    def refresh(self) -> None:
        self.run(required(self.bundle.accounts).list_users, self._show, label="list users")

    def _show(self, users: list[Any]) -> None:
        rows = []
        for user in users:
            grants = "；".join(describe_grant(g) for g in user.grants) or self.tr("（未分配）")
            rows.append((user, [user.username, user.display_name, user.department, grants]))
        self.table.set_rows(rows)
        self.loaded()

    def grant(self) -> None:
        user = self.table.selected_record()
        if user is None:
            self.say(self.tr("请先选择一个用户。"))
            return
        answer = FieldsDialog.ask(
            self,
            self.tr("授予角色：{0}").format(user.display_name),
            [
                FieldSpec("role", self.tr("角色："), kind="choice", choices=ROLE_NAMES),
                FieldSpec(
                    "officer_kind", self.tr("定密责任人类别："), kind="choice", choices=("法定", "指定")
                ),
                FieldSpec(
                    "highest_level",
                    self.tr("最高定密权限："),
                    kind="choice",
                    choices=LEVEL_NAMES,
                ),
                FieldSpec("term_until", self.tr("任期至（指定）："), kind="date", required=False),
                FieldSpec("trained_on", self.tr("培训日期："), kind="date", required=False),
                FieldSpec(
                    "remit", self.tr("职责范围（指定，部门或事项，以顿号分隔；空为全单位）："), required=False
                ),
            ],
            intro=self.tr("类别、权限、任期和培训日期仅对定密责任人有效；三员角色互斥，且不得兼任业务角色。"),
            today=self.bundle.today,
        )
        if not answer:
            return
        officer = answer["role"] == OFFICER
        grant = RoleGrant(
            role=Role(answer["role"]),
            officer_kind=answer["officer_kind"] if officer else None,
            highest_level=answer["highest_level"] if officer else None,
            term_until=parse_date(answer.get("term_until")) if officer else None,
            trained_on=parse_date(answer.get("trained_on")) if officer else None,
            remit=parse_remit(answer.get("remit") or "") if officer else (),
        )
        cosign = CosignDialog.ask(self, self.tr("授予角色"), self.bundle.session.user.username)
        if cosign is None:
            return
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: accounts.grant(user.username, grant, cosign),
            lambda _r: self._done(self.tr("已授予 {0} 角色：{1}。").format(user.username, grant.role)),
        )

    def revoke(self) -> None:
        user = self.table.selected_record()
        if user is None or not user.grants:
            self.say(self.tr("请先选择一个有角色的用户。"))
            return
        answer = FieldsDialog.ask(
            self,
            self.tr("撤销角色：{0}").format(user.display_name),
            [FieldSpec("role", self.tr("角色："), kind="choice", choices=sorted(user.roles))],
        )
        if not answer:
            return
        cosign = CosignDialog.ask(self, self.tr("撤销角色"), self.bundle.session.user.username)
        if cosign is None:
            return
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: accounts.revoke(user.username, answer["role"], cosign),
            lambda _r: self._done(self.tr("已撤销 {0} 的角色：{1}。").format(user.username, answer["role"])),
        )

    def _done(self, text: str) -> None:
        self.say(text)
        self.refresh()

    def clear_sensitive(self) -> None:
        self.table.clear_rows()
