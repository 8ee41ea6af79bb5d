"""The co-signer prompt: the acting 三员 types their password again and a second 三员, present in person,
types their user name and password (the unit trust root needs two of them). Test seam: set_next_answer."""

from __future__ import annotations

from collections import deque
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dingmi_desktop.services.cosign import CoSign
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("CosignDialog", text)


class CosignDialog:
    _answers: ClassVar[deque[CoSign | None]] = deque()

    @classmethod
    def set_next_answer(cls, answer: CoSign | None) -> None:
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    @classmethod
    def ask(cls, parent: QWidget | None, what: str, actor: str) -> CoSign | None:
        """None when cancelled. `what`: the operation in words (shown in the title)."""
        if cls._answers:
            return cls._answers.popleft()

        def problems(values: dict[str, Any]) -> list[str]:
            if values.get("cosigner", "").strip() == actor:
                return [_tr("第二名三员须是另一名三员本人，不能由当前用户兼任")]
            return []

        answer = FieldsDialog.ask(
            parent,
            _tr("第二名三员当面确认：{0}").format(what),
            [
                FieldSpec("password", _tr("本人密码："), kind="password"),
                FieldSpec("cosigner", _tr("第二名三员用户名：")),
                FieldSpec("cosigner_password", _tr("第二名三员密码："), kind="password"),
            ],
            problems,
            intro=_tr(
                "此操作使用单位信任根，须由两名三员共同完成：请您再次输入本人密码，"
                "并请另一名三员（系统管理员、安全保密管理员或安全审计员）当面输入其用户名和密码。"
            ),
        )
        if not answer:
            return None
        return CoSign(answer["password"], answer["cosigner"].strip(), answer["cosigner_password"])
