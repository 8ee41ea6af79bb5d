"""安全策略 (安全保密管理员): password rules, lockout and idle lock — numbers kept in the encrypted store.

Each number is typed into a plain field that keeps what was typed: a value out of range (or not a number)
is shown with the reason under the field and the policy is not saved, rather than clamped silently the
way a spin box would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from dingmi_desktop.security.passwords import POLICY_NUMBERS, PasswordPolicy
from dingmi_desktop.services.form_access import REVIEW_SETTING
from dingmi_desktop.storage.settings_decl import EXPIRING_WINDOW_MAX, EXPIRING_WINDOW_SETTING
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.fields import ErrorLabel, with_error

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

# The page's labels; the ranges come from the declarations (security.passwords.POLICY_NUMBERS).
LABELS = {
    "min_length": "密码最小长度（位）：",
    "require_classes": "须包含的字符类别数（小写、大写、数字、符号）：",
    "max_age_days": "密码最长使用期限（天，0 为不过期）：",
    "lock_after_failures": "连续失败多少次后锁定账户：",
    "lock_minutes": "账户锁定时长（分钟）：",
    "idle_lock_minutes": "空闲多少分钟后锁定会话：",
}
FIELDS = tuple((n.field, LABELS[n.field], n.low, n.high) for n in POLICY_NUMBERS)


class NumberField(QLineEdit):
    """A whole number in [low, high]; ``problem()`` says in Chinese what is wrong with the text."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = low, high
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(f"{low}–{high}")
        self.setToolTip(self.tr("允许范围：{0}–{1}").format(low, high))

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text.isascii() and text.isdigit() else None

    def setValue(self, value: int) -> None:  # the QSpinBox name it replaces (tests and callers)
        self.setText(str(value))

    def problem(self) -> str:
        text, value = self.text().strip(), self.value()
        if not text:
            return self.tr("请填写 {0}–{1} 之间的整数。").format(self.low, self.high)
        if value is None:
            return self.tr("“{0}”不是整数：请只填写数字（{1}–{2}）。").format(text, self.low, self.high)
        if not self.low <= value <= self.high:
            return self.tr("{0} 超出允许范围：请填写 {1}–{2} 之间的整数。").format(value, self.low, self.high)
        return ""


class PolicyPage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("安全策略"), bundle, ops, window, parent)
        self.setObjectName("policyPage")
        box = QGroupBox(self.tr("身份鉴别与会话"))
        box.setMaximumWidth(760)
        form = QFormLayout(box)
        self.spins: dict[str, NumberField] = {}
        self.errors: dict[str, ErrorLabel] = {}
        for key, label, low, high in FIELDS:
            spin = NumberField(low, high)
            spin.setObjectName(f"policy_{key}")
            spin.setMinimumWidth(120)
            spin.setMaximumWidth(180)
            error = ErrorLabel()
            error.setObjectName(f"policyError_{key}")
            self.spins[key] = spin
            self.errors[key] = error
            spin.textChanged.connect(lambda _t, k=key: self._check(k))
            form.addRow(self.tr(label), with_error(spin, error))
        self.body.addWidget(box)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存策略"))
        self.save_button.setObjectName("savePolicy")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self._add_workflow_box()
        self.body.addWidget(self.feedback)
        self.body.addStretch(1)

    def _add_workflow_box(self) -> None:
        box = QGroupBox(self.tr("定密流程"))
        box.setMaximumWidth(760)
        row = QHBoxLayout(box)
        self.review_step = QCheckBox(self.tr("设审核步骤（提交后先经审核人审核，再送定密责任人审批）"))
        self.review_step.setObjectName("policyReviewStep")
        self.review_step.setToolTip(
            self.tr("关闭后，承办人提交的表单直接进入“待审批”；开启或关闭均记入审计日志。")
        )
        self.review_button = QPushButton(self.tr("保存流程设置"))
        self.review_button.setObjectName("saveReviewStep")
        self.review_button.clicked.connect(self.save_review_step)
        row.addWidget(self.review_step, 1)
        row.addWidget(self.review_button)
        self.body.addWidget(box)
        self._add_window_box()

    def _add_window_box(self) -> None:
        box = QGroupBox(self.tr("首页提醒"))
        box.setMaximumWidth(760)
        form = QFormLayout(box)
        self.window_days = NumberField(1, EXPIRING_WINDOW_MAX)
        self.window_days.setObjectName("policyExpiringWindow")
        self.window_days.setMaximumWidth(180)
        self.window_error = ErrorLabel()
        self.window_error.setObjectName("policyExpiringWindowError")
        self.window_days.textChanged.connect(
            lambda _t: self.window_error.show_message(self.window_days.problem())
        )
        self.window_button = QPushButton(self.tr("保存提醒天数"))
        self.window_button.setObjectName("saveExpiringWindow")
        self.window_button.clicked.connect(self.save_window)
        row = QHBoxLayout()
        row.addWidget(with_error(self.window_days, self.window_error))
        row.addWidget(self.window_button)
        row.addStretch(1)
        form.addRow(self.tr("解密日提前提醒天数（定密责任人、保密员的首页）："), row)
        self.body.addWidget(box)

    def save_window(self) -> None:
        problem = self.window_days.problem()
        self.window_error.show_message(problem)
        if problem:
            self.say(self.tr("未保存：{0}").format(problem))
            return
        value = str(self.window_days.value())
        accounts = required(self.bundle.accounts)
        saved = self.tr("首页将提醒 {0} 天内解密的事项。已记入审计日志。").format(value)
        self.run(lambda: accounts.set_setting(EXPIRING_WINDOW_SETTING, value), lambda _r: self.say(saved))

    def refresh(self) -> None:
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: (
                accounts.policy(),
                accounts.setting(REVIEW_SETTING),
                accounts.setting(EXPIRING_WINDOW_SETTING),
            ),
            self._show_all,
            label="read policy",
        )

    def _show_all(self, values: tuple[PasswordPolicy, str, str]) -> None:
        policy, review, window = values
        self.review_step.setChecked(review != "off")
        self.window_days.setText(window)
        self._show(policy)

    def save_review_step(self) -> None:
        value = "on" if self.review_step.isChecked() else "off"
        accounts = required(self.bundle.accounts)
        if value == "on":
            saved = self.tr("已开启审核步骤：提交的表单先经审核人审核。已记入审计日志。")
        else:
            saved = self.tr("已关闭审核步骤：提交的表单直接进入“待审批”。已记入审计日志。")
        cosign = CosignDialog.ask(self, self.tr("修改审核步骤"), self.bundle.session.user.username)
        if cosign is None:
            return
        self.run(lambda: accounts.set_setting(REVIEW_SETTING, value, cosign), lambda _r: self.say(saved))

    def _show(self, policy: PasswordPolicy) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(getattr(policy, key)))
        self.loaded()

    def _check(self, key: str) -> str:
        problem = self.spins[key].problem()
        self.errors[key].show_message(problem)
        return problem

    def problems(self) -> list[str]:
        return [key for key in self.spins if self._check(key)]

    def policy(self) -> PasswordPolicy:
        return PasswordPolicy(**{key: int(spin.value() or 0) for key, spin in self.spins.items()})

    def save(self) -> None:
        bad = self.problems()
        if bad:
            self.say(self.tr("未保存：有 {0} 项填写不正确，请按各项下方的提示改正。").format(len(bad)))
            self.spins[bad[0]].setFocus()
            return
        policy = self.policy()
        cosign = CosignDialog.ask(self, self.tr("修改安全策略"), self.bundle.session.user.username)
        if cosign is None:
            return
        accounts = required(self.bundle.accounts)
        saved = self.tr("安全策略已保存并记入审计日志。")

        def done(_result: object) -> None:
            self.say(saved)
            self.window_.policy_changed(policy.idle_lock_minutes)

        self.run(lambda: accounts.set_policy(policy, cosign), done)
