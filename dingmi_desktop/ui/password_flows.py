"""Password changes: forced after signing in with an initial or expired password, and from the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.ui.dialogs.change_password import ChangePasswordDialog
from dingmi_desktop.ui.excepthook import describe_error

if TYPE_CHECKING:
    from dingmi_desktop.ui.controller import AppController


def force_password_change(controller: AppController, session: Any, old_password: str) -> None:
    """After signing in with an initial, reset or expired password: a new one before anything else."""
    username = controller.sign_in_dialog.username.text() if controller.sign_in_dialog else ""
    dialog = ChangePasswordDialog(
        username,
        lambda pw: controller.backend.policy_problems(username, pw, session),
        reason=QCoreApplication.translate(
            "AppController", "这是初始密码或已过期的密码，继续使用前须设置新密码。"
        ),
        old_password=old_password,
        parent=controller.sign_in_dialog,
    )
    controller.password_dialog = dialog

    def changed(_result: object) -> None:
        dialog.clear_secrets()
        dialog.accept()
        controller.password_dialog = None
        controller.open_main(session)

    def submit(old: str, new: str) -> None:
        change = controller.backend.change_password
        controller.ops.run(
            lambda: change(session, old, new),
            changed,
            lambda exc: dialog.fail(describe_error(exc)),
            label="change password",
        )

    def cancelled() -> None:
        controller.password_dialog = None
        controller.ops.run(lambda: controller.backend.end_session(session), label="end session")
        if controller.sign_in_dialog is not None:
            controller.sign_in_dialog.set_busy(False)
            controller.sign_in_dialog.show_message(
                QCoreApplication.translate("AppController", "未修改密码，无法登录。")
            )

    dialog.submitted.connect(submit)
    dialog.rejected.connect(cancelled)
    dialog.open()


def voluntary_password_change(controller: AppController) -> None:
    """Voluntary change from the menu: current password, new one twice (checked against the policy)."""
    session, window, bundle = controller.session, controller.main_window, controller.bundle
    if session is None or window is None or bundle is None:
        return
    info = bundle.info
    dialog = ChangePasswordDialog(
        info.username,
        lambda pw: controller.backend.policy_problems(info.username, pw, session),
        parent=window,
    )
    controller.password_dialog = dialog

    def changed(_result: object) -> None:
        dialog.clear_secrets()
        dialog.accept()
        controller.password_dialog = None
        window.statusBar().showMessage(QCoreApplication.translate("AppController", "密码已修改。"), 8000)

    def submit(old: str, new: str) -> None:
        change = controller.backend.change_password
        controller.ops.run(
            lambda: change(session, old, new),
            changed,
            lambda exc: dialog.fail(describe_error(exc)),
            label="change password",
        )

    dialog.submitted.connect(submit)
    dialog.rejected.connect(lambda: setattr(controller, "password_dialog", None))
    dialog.open()
