"""安全策略 (安全保密管理员): password rules, lockout and idle lock — numbers kept in the encrypted store."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QPushButton, QSpinBox, QWidget

from dingmi_desktop.security.passwords import PasswordPolicy
from dingmi_desktop.ui.pages.base import ServicePage

FIELDS = (
    ("min_length", "密码最小长度（位）：", 6, 128),
    ("require_classes", "须包含的字符类别数（小写、大写、数字、符号）：", 1, 4),
    ("max_age_days", "密码最长使用期限（天，0 为不过期）：", 0, 3650),
    ("lock_after_failures", "连续失败多少次后锁定账户：", 1, 100),
    ("lock_minutes", "账户锁定时长（分钟）：", 1, 1440),
    ("idle_lock_minutes", "空闲多少分钟后锁定会话：", 1, 240),
)


class PolicyPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("安全策略"), bundle, ops, window, parent)
        self.setObjectName("policyPage")
        box = QGroupBox(self.tr("身份鉴别与会话"))
        box.setMaximumWidth(760)
        form = QFormLayout(box)
        self.spins: dict[str, QSpinBox] = {}
        for key, label, low, high in FIELDS:
            spin = QSpinBox()
            spin.setObjectName(f"policy_{key}")
            spin.setRange(low, high)
            spin.setMinimumWidth(120)
            spin.setMaximumWidth(180)
            self.spins[key] = spin
            form.addRow(self.tr(label), spin)
        self.body.addWidget(box)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存策略"))
        self.save_button.setObjectName("savePolicy")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.feedback)
        self.body.addStretch(1)

    def refresh(self) -> None:
        session = self.bundle.session
        self.run(lambda: session.policy, self._show, label="read policy")

    def _show(self, policy: PasswordPolicy) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(getattr(policy, key)))
        self.loaded()

    def policy(self) -> PasswordPolicy:
        return PasswordPolicy(**{key: spin.value() for key, spin in self.spins.items()})

    def save(self) -> None:
        policy = self.policy()
        accounts = self.bundle.accounts
        saved = self.tr("安全策略已保存并记入审计日志。")

        def done(_result: object) -> None:
            self.say(saved)
            self.window_.policy_changed(policy.idle_lock_minutes)

        self.run(lambda: accounts.set_policy(policy), done)
